#pragma once
// Errors of CaseChain: one small set of codes shared by every layer.
// Expected failures (bad input, missing rows, broken rules) are returned as
// values in `result<T>`; only unexpected faults throw. The API maps each code
// to one HTTP status in one place; the command line maps them to exit codes.
//
// Choosing a code (after absl::StatusCode):
//   invalid_argument    the input itself is wrong, whatever the state
//   not_found           the thing named does not exist (or may not be known)
//   already_exists      a unique thing would be created twice
//   failed_precondition the input is fine but the state does not allow it
//   permission_denied   the caller is known but may not do this
//   unauthenticated     the caller is not known
//   resource_exhausted  a limit was hit (disk full, too many requests)
//   unavailable         retrying later may succeed (database busy)
//   internal            an invariant broke; a bug or corrupt data

#include <boost/system/result.hpp>

#include <string>
#include <string_view>

namespace casechain::core {

enum class errc {
  invalid_argument = 1,
  not_found,
  already_exists,
  failed_precondition,
  permission_denied,
  unauthenticated,
  resource_exhausted,
  unavailable,
  internal,
};

// The code's stable name, e.g. "invalid_argument".
std::string_view to_string(errc code);

// An expected failure: a code and a message fit to show the user. Messages
// never contain sensitive values (names, addresses, narratives).
struct error {
  errc code;
  std::string message;
};

template <class T>
using result = boost::system::result<T, error>;

// Shorthand for returning a failure: `return fail(errc::not_found, "no such case");`
inline error fail(errc code, std::string message) { return error{code, std::move(message)}; }

// Thrown by result<T>::value() on a failure; found by ADL from boost::system.
class error_exception : public std::exception {
 public:
  explicit error_exception(error e) : error_(std::move(e)) {}
  const char* what() const noexcept override { return error_.message.c_str(); }
  const core::error& details() const noexcept { return error_; }

 private:
  core::error error_;
};

[[noreturn]] void throw_exception_from_error(const error& e, const boost::source_location& loc);

}  // namespace casechain::core
