#pragma once
// Lets doctest print a core::result in a failed check: "ok" or the error's
// code and message. Force-included into every test file by tests/CMakeLists.txt.

#include "core/error.hpp"

#include <doctest/doctest.h>

namespace doctest {

template <class T>
struct StringMaker<boost::system::result<T, casechain::core::error>> {
  static String convert(const boost::system::result<T, casechain::core::error>& r) {
    if (r) return "ok";
    std::string text = "error " + std::string(casechain::core::to_string(r.error().code)) + ": " + r.error().message;
    return String(text.c_str());
  }
};

}  // namespace doctest
