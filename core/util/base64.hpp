#pragma once
// Standard base64 without padding (RFC 4648 section 4, as PHC strings use it).

#include <optional>
#include <string>
#include <string_view>

namespace casechain::core {

std::string base64_encode(std::string_view bytes);
// nullopt on characters outside the alphabet or an impossible length.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace casechain::core
