// `casechain init`: a new, empty data folder.
#include "api/cli/commands.hpp"
#include "core/data_dir.hpp"

#include <ostream>

namespace casechain::api::cli {

std::vector<command_spec> init_commands() {
  return {{
      "init",
      "Create an empty data folder: the database, its schema and the secrets.",
      {data_option()},
      {},
      [](const parsed_args& args, io& streams) {
        auto dir = core::data_dir::create(args.get("data"));
        if (!dir) return report_error(streams, dir.error());
        streams.out << "Created the data folder " << dir->root().string() << "\n";
        return exit_ok;
      },
  }};
}

}  // namespace casechain::api::cli
