// casechain: the one binary of CaseChain (server and command line).
#include "api/cli/cli.hpp"

#include <unistd.h>

#include <iostream>

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> arguments(argv + 1, argv + argc);
  casechain::api::cli::io streams{std::cin, std::cout, std::cerr, ::isatty(STDIN_FILENO) == 1};
  int status = casechain::api::cli::run(arguments, streams);
  std::cout.flush();
  return status;
}
