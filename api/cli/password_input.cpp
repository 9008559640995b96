#include "api/cli/password_input.hpp"

#include <termios.h>
#include <unistd.h>

#include <istream>
#include <ostream>

namespace casechain::api::cli {
namespace {

// Turns terminal echo off for its lifetime.
class echo_off {
 public:
  echo_off() : active_(::tcgetattr(STDIN_FILENO, &saved_) == 0) {
    if (!active_) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  ~echo_off() {
    if (active_) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  echo_off(const echo_off&) = delete;
  echo_off& operator=(const echo_off&) = delete;

 private:
  termios saved_{};
  bool active_;
};

bool read_line(std::istream& in, std::string& line) {
  if (!std::getline(in, line)) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

}  // namespace

core::result<std::string> read_new_password(io& streams, std::string_view for_whom) {
  std::string first;
  if (!streams.interactive) {
    if (!read_line(streams.in, first))
      return core::fail(core::errc::invalid_argument, "expected the password on standard input (one line)");
    return first;
  }
  std::string second;
  echo_off quiet;
  streams.err << "New password for " << for_whom << ": " << std::flush;
  bool got_first = read_line(streams.in, first);
  streams.err << "\nRepeat the password: " << std::flush;
  bool got_second = got_first && read_line(streams.in, second);
  streams.err << "\n";
  if (!got_second) return core::fail(core::errc::invalid_argument, "no password given");
  if (first != second) return core::fail(core::errc::invalid_argument, "the two passwords differ");
  return first;
}

}  // namespace casechain::api::cli
