#pragma once
// The HTTP messages the server handles: whole requests and responses with
// string bodies (bodies are bounded by the server's limits).

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

namespace casechain::api {

namespace http = boost::beast::http;
using request = http::request<http::string_body>;
using response = http::response<http::string_body>;

}  // namespace casechain::api
