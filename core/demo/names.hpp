#pragma once
// Name lists for synthetic police reports (demo data, not real persons):
// Belgian Dutch and French first names by gender, Belgian surnames with their
// particles ("Van den Bossche", "De Smet", "Vander Elst"), and smaller lists of
// other origins common in Belgium, so that households look like the country's.
// Static, immutable data: safe to read from any thread.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace casechain::core::demo {

// The language of a police zone and of a narrative.
enum class language : std::uint8_t { nl, fr, en };

// Where a family's names come from; a zone weighs these (places.hpp).
enum class name_origin : std::uint8_t { dutch, french, maghrebi, turkish, east_european, italian };
inline constexpr std::size_t name_origin_count = 6;

// Never empty, for every origin.
std::span<const std::string_view> first_names(name_origin origin, bool female);
std::span<const std::string_view> surnames(name_origin origin);

}  // namespace casechain::core::demo
