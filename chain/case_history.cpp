#include "chain/case_history.hpp"

#include <boost/json/parse.hpp>

namespace casechain::chain {
namespace {

boost::json::object detail_of(const core::case_event& e) {
  boost::system::error_code ec;
  auto v = boost::json::parse(e.detail, ec);
  return !ec && v.is_object() ? v.get_object() : boost::json::object{};
}

std::optional<std::int64_t> integer(const boost::json::object& o, const char* key) {
  auto v = o.if_contains(key);
  if (!v || !v->is_int64()) return std::nullopt;
  return v->get_int64();
}

std::string text(const boost::json::object& o, const char* key) {
  auto v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

}  // namespace

case_state rebuild_state(const std::vector<core::case_event>& events) {
  case_state s;
  for (const auto& e : events) {
    auto d = detail_of(e);
    if (e.kind == "opened" || e.kind == "track_changed") {
      if (auto t = integer(d, "track"); t && core::track_from_int(*t)) s.track = *core::track_from_int(*t);
      s.step = core::first_step(s.track);
    } else if (e.kind == "transition") {
      if (auto to = core::parse<core::case_step>(text(d, "to"))) s.step = *to;
      if (s.step == core::case_step::closed) {
        s.closed_at = e.at;
        s.closure_reason = text(d, "closure_reason");
      }
    } else if (e.kind == "reopened") {
      s.step = core::first_step(s.track);
      s.closed_at.reset();
      s.closure_reason.clear();
    } else if (e.kind == "case_manager_assigned") {
      s.case_manager = integer(d, "to");
    }
  }
  return s;
}

case_state state_of(const core::case_record& c) {
  return {c.track, c.step, c.case_manager, c.closed_at, c.closure_reason};
}

}  // namespace casechain::chain
