#include "api/handlers/handler_support.hpp"

#include <charconv>

namespace casechain::api {

json_request read_json(const request_context& c, std::initializer_list<std::string_view> fields) {
  bool unsupported = false;
  auto body = json_object_body(c.req, fields, unsupported);
  if (body) return {std::move(*body), std::nullopt};
  auto status = unsupported ? http::status::unsupported_media_type : http::status::bad_request;
  return {std::nullopt, problem(status, body.error().message, c.request_id, {}, c.req.version())};
}

core::result<int> query_number(const request_context& c, const char* name, int fallback, int low, int high) {
  auto it = c.query.find(name);
  if (it == c.query.end()) return fallback;
  int value = 0;
  auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
  if (ec != std::errc{} || end != it->second.data() + it->second.size() || value < low || value > high)
    return core::fail(core::errc::invalid_argument,
                      std::string(name) + ": expected a whole number from " + std::to_string(low) + " to " + std::to_string(high));
  return value;
}

core::result<page> query_page(const request_context& c, int default_limit, int max_limit) {
  auto limit = query_number(c, "limit", default_limit, 1, max_limit);
  if (!limit) return limit.error();
  auto offset = query_number(c, "offset", 0, 0, 100000000);
  if (!offset) return offset.error();
  return page{*limit, *offset};
}

void page::write(core::json_writer& w) const {
  w.field("limit", std::int64_t{limit});
  w.field("offset", std::int64_t{offset});
}

void write_user(core::json_writer& w, const core::user& u) {
  w.begin_object();
  w.field("id", std::int64_t{u.id});
  w.field("username", u.username);
  w.field("organisation", std::int64_t{u.organisation});
  w.key("roles");
  w.begin_array();
  for (auto r : u.roles) w.string(core::to_string(r));
  w.end_array();
  w.end_object();
}

void write_case_summary(core::json_writer& w, const core::case_record& c) {
  w.begin_object();
  w.field("id", std::int64_t{c.id});
  w.field("track", std::int64_t{core::to_int(c.track)});
  w.field("step", core::to_string(c.step));
  w.key("case_manager");
  if (c.case_manager) w.integer(*c.case_manager);
  else w.null();
  w.field("opened_at", core::format_timestamp(c.opened_at));
  w.key("closed_at");
  if (c.closed_at) w.string(core::format_timestamp(*c.closed_at));
  else w.null();
  if (!c.closure_reason.empty()) w.field("closure_reason", c.closure_reason);
  w.end_object();
}

void write_intervention(core::json_writer& w, const core::intervention& i) {
  w.begin_object();
  w.field("id", std::int64_t{i.id});
  w.field("case", std::int64_t{i.case_});
  w.key("goal");
  if (i.goal) w.integer(*i.goal);
  else w.null();
  w.field("organisation", std::int64_t{i.organisation});
  w.key("owner");
  if (i.owner) w.integer(*i.owner);
  else w.null();
  w.field("description", i.description);
  w.key("due_on");
  if (i.due_on) w.string(core::format_date(*i.due_on));
  else w.null();
  w.field("status", core::to_string(i.status));
  w.field("result", i.result);
  w.end_object();
}

void write_case_event(core::json_writer& w, const core::case_event& e) {
  w.begin_object();
  w.field("id", std::int64_t{e.id});
  w.field("at", core::format_timestamp(e.at));
  w.key("actor");
  if (e.actor) w.integer(*e.actor);
  else w.null();
  w.field("kind", e.kind);
  w.key("detail");
  w.raw(e.detail);
  if (!e.reason.empty()) w.field("reason", e.reason);
  w.end_object();
}

}  // namespace casechain::api
