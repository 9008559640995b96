#include "api/http/static_assets.hpp"

#include "web/assets.hpp"

#include <algorithm>

namespace casechain::api {
namespace {

std::string_view content_type_of(std::string_view name) {
  auto ends_with = [&](std::string_view tail) { return name.size() >= tail.size() && name.substr(name.size() - tail.size()) == tail; };
  if (ends_with(".html")) return "text/html; charset=utf-8";
  if (ends_with(".js")) return "text/javascript; charset=utf-8";
  if (ends_with(".css")) return "text/css; charset=utf-8";
  if (ends_with(".svg")) return "image/svg+xml";
  if (ends_with(".json")) return "application/json";
  return "application/octet-stream";
}

}  // namespace

std::optional<response> static_asset(const request& req) {
  if (req.method() != http::verb::get) return std::nullopt;
  std::string_view path = req.target();
  path = path.substr(0, path.find('?'));
  if (path.empty() || path.front() != '/' || path.find('/', 1) != std::string_view::npos) return std::nullopt;
  auto name = path == "/" ? std::string_view("index.html") : path.substr(1);
  auto files = web::assets();
  auto found = std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.name == name; });
  if (found == files.end()) return std::nullopt;
  response r{http::status::ok, req.version()};
  r.set(http::field::content_type, content_type_of(name));
  r.body() = std::string(found->bytes);
  return r;
}

}  // namespace casechain::api
