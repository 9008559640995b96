#pragma once
// The real `casechain serve` as a child process (in its own process group),
// for tests that kill it, trace it or preload a fault shim into it. Its
// output goes to a log file, read for the port it listens on.

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace casechain::test {

struct server_launch {
  std::filesystem::path data;
  std::filesystem::path log;                // the server's stdout and stderr (appended)
  std::vector<std::string> wrapper;         // e.g. {"/usr/bin/strace", "-f", ...}; empty: none
  std::vector<std::string> environment;     // extra NAME=value entries
};

// Settings every traced, killed or preloaded server needs under the sanitizers:
// a killed process cannot report leaks, and a preloaded shim comes before ASan's runtime.
inline std::string sanitizer_options() { return "ASAN_OPTIONS=detect_leaks=0:verify_asan_link_order=0"; }

class server_process {
 public:
  server_process(std::string binary, server_launch launch) : binary_(std::move(binary)), launch_(std::move(launch)) {}
  ~server_process() { kill_now(); }
  server_process(const server_process&) = delete;
  server_process& operator=(const server_process&) = delete;

  void start() {
    if (pid_ > 0) throw std::logic_error("the server already runs");
    std::error_code ec;
    log_offset_ = std::filesystem::exists(launch_.log, ec) ? std::filesystem::file_size(launch_.log, ec) : 0;
    std::vector<std::string> arguments = launch_.wrapper;
    arguments.push_back(binary_);
    for (const char* a : {"serve", "--data", launch_.data.c_str(), "--listen", "127.0.0.1:0", "--threads", "2"})
      arguments.emplace_back(a);
    std::vector<std::string> environment;
    for (char** e = environ; *e; ++e)
      if (std::string_view(*e).substr(0, 13) != "ASAN_OPTIONS=") environment.emplace_back(*e);
    environment.push_back(sanitizer_options());
    for (const auto& e : launch_.environment) environment.push_back(e);

    // Everything the child needs is made before fork: the test's other threads
    // may hold the allocator's lock at that moment, and a child that allocated
    // (fopen, a vector) before exec could wait for it forever.
    std::vector<char*> argv, envp;
    for (auto& a : arguments) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : environment) envp.push_back(e.data());
    envp.push_back(nullptr);
    int log = ::open(launch_.log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (log < 0) throw std::runtime_error("cannot open the server's log " + launch_.log.string());
    pid_t pid = ::fork();
    if (pid < 0) {
      ::close(log);
      throw std::runtime_error("fork failed");
    }
    if (pid == 0) {  // only async-signal-safe calls from here to exec
      ::setpgid(0, 0);
      ::dup2(log, 1);
      ::dup2(log, 2);
      ::execve(argv[0], argv.data(), envp.data());
      ::_exit(127);
    }
    ::close(log);
    ::setpgid(pid, pid);
    pid_ = pid;
    port_ = 0;
  }

  // Waits for "listens on" in the log; false when the server ended first.
  bool wait_listening(std::chrono::seconds limit = std::chrono::seconds(60)) {
    static const std::regex listens(R"(listens on https://[^:\s]+:(\d+))");
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      std::smatch found;
      auto text = log_since_start();
      if (std::regex_search(text, found, listens)) {
        port_ = static_cast<unsigned short>(std::stoi(found[1]));
        return true;
      }
      if (ended()) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
  }

  // True once the child has ended (reaped).
  bool ended() {
    if (pid_ <= 0) return true;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      status_ = status;
      return true;
    }
    return false;
  }

  // SIGKILL to the whole group (a wrapper and the server), then reaped.
  void kill_now() { end_with(SIGKILL); }
  // SIGTERM (a graceful stop); the exit status (or 128 + signal).
  int stop() { return end_with(SIGTERM); }

  unsigned short port() const { return port_; }
  bool running() const { return pid_ > 0; }

  std::string log_since_start() const {
    std::ifstream in(launch_.log, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(log_offset_));
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

 private:
  int end_with(int signal) {
    if (pid_ <= 0) return exit_code();
    ::kill(-pid_, signal);
    ::waitpid(pid_, &status_, 0);
    // A wrapper's children (the traced server) may outlive it by a moment.
    if (signal == SIGKILL) ::kill(-pid_, SIGKILL);
    pid_ = -1;
    return exit_code();
  }
  int exit_code() const { return WIFEXITED(status_) ? WEXITSTATUS(status_) : 128 + WTERMSIG(status_); }

  std::string binary_;
  server_launch launch_;
  pid_t pid_ = -1;
  int status_ = 0;
  unsigned short port_ = 0;
  std::uintmax_t log_offset_ = 0;
};

}  // namespace casechain::test
