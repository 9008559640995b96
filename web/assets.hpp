#pragma once
// The web front end's static files, embedded in the binary, by file name.

#include "core/util/embedded_file.hpp"

#include <span>

namespace casechain::web {

using core::embedded_file;

std::span<const embedded_file> assets();

}  // namespace casechain::web
