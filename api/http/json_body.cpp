#include "api/http/json_body.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>

namespace casechain::api {

core::result<boost::json::object> json_object_body(const request& req, std::initializer_list<std::string_view> known_fields,
                                                   bool& unsupported) {
  unsupported = false;
  auto type = req[http::field::content_type];
  if (type.substr(0, 16) != "application/json") {
    unsupported = true;
    return core::fail(core::errc::invalid_argument, "send the body as application/json");
  }
  boost::system::error_code ec;
  auto value = boost::json::parse(req.body(), ec);
  if (ec) return core::fail(core::errc::invalid_argument, "the body is not valid JSON: " + ec.message());
  if (!value.is_object()) return core::fail(core::errc::invalid_argument, "the body must be a JSON object");
  for (const auto& [key, field] : value.get_object())
    if (std::find(known_fields.begin(), known_fields.end(), std::string_view(key)) == known_fields.end())
      return core::fail(core::errc::invalid_argument, "unknown field '" + std::string(key).substr(0, 64) + "'");
  return std::move(value.get_object());
}

core::result<std::optional<std::string>> string_field(const boost::json::object& o, std::string_view name,
                                                      std::size_t max_length) {
  auto v = o.if_contains(name);
  if (!v || v->is_null()) return std::optional<std::string>{};
  if (!v->is_string()) return core::fail(core::errc::invalid_argument, std::string(name) + ": expected a string");
  if (v->get_string().size() > max_length)
    return core::fail(core::errc::invalid_argument, std::string(name) + ": at most " + std::to_string(max_length) + " characters");
  return std::optional<std::string>(std::string(v->get_string()));
}

core::result<std::optional<std::int64_t>> integer_field(const boost::json::object& o, std::string_view name) {
  auto v = o.if_contains(name);
  if (!v || v->is_null()) return std::optional<std::int64_t>{};
  if (!v->is_int64()) return core::fail(core::errc::invalid_argument, std::string(name) + ": expected a whole number");
  return std::optional<std::int64_t>(v->get_int64());
}

}  // namespace casechain::api
