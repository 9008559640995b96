#pragma once
// The web front end's files (embedded in the binary) answered by name: "/" is
// index.html, "/app.js" the file app.js. Only GET of a top-level name that is an
// embedded file is static; everything else goes to the router. No folders, no
// file system: an unknown name is not static (the router answers 404).
// Thread-safe: reads constant data only.

#include "api/http/message.hpp"

#include <optional>

namespace casechain::api {

// The file's response when the request asks for a front-end file; nullopt otherwise.
std::optional<response> static_asset(const request& req);

}  // namespace casechain::api
