#pragma once
// Reading a request's JSON body: the content type must be JSON, the body
// a JSON object with only the fields the route knows; each problem is a
// clear 4xx naming the field.

#include "api/http/message.hpp"
#include "core/error.hpp"

#include <boost/json/object.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace casechain::api {

// invalid_argument for malformed JSON, a body that is not an object, or an
// unknown field; `unsupported` is set for a wrong content type (answer 415).
core::result<boost::json::object> json_object_body(const request& req, std::initializer_list<std::string_view> known_fields,
                                                   bool& unsupported);

// Field readers: nullopt when absent; invalid_argument naming the field when the type is wrong.
core::result<std::optional<std::string>> string_field(const boost::json::object& o, std::string_view name,
                                                      std::size_t max_length = 10000);
core::result<std::optional<std::int64_t>> integer_field(const boost::json::object& o, std::string_view name);

}  // namespace casechain::api
