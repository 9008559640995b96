// `casechain org add|list`: the organisations of the chain.
#include "api/cli/commands.hpp"
#include "api/cli/open_store.hpp"
#include "core/store/organisation_store.hpp"

#include <ostream>

namespace casechain::api::cli {

std::vector<command_spec> organisation_commands() {
  command_spec add{
      "org add",
      "Add an organisation of the chain.",
      {data_option(), {"name", "NAME", "the organisation's name", {}, true},
       {"sector", "SECTOR", "police, justice, care or administration", {}, true}},
      {},
      [](const parsed_args& args, io& streams) {
        auto sector = core::parse<core::sector>(args.get("sector"));
        if (!sector)
          return usage_error(streams, "org add",
                             "--sector: expected police, justice, care or administration, got '" + args.get("sector") + "'");
        auto db = open_store(args.get("data"));
        if (!db) return report_error(streams, db.error());
        auto added = core::store::add_organisation(db->sql(), args.get("name"), *sector, core::now_utc());
        if (!added && added.error().code == core::errc::already_exists)
          return report_error(streams, core::fail(core::errc::already_exists,
                                                  "an organisation named '" + args.get("name") + "' already exists"));
        if (!added) return report_error(streams, added.error());
        streams.out << "Added organisation " << added->id << ": " << added->name << " (" << core::to_string(added->sector)
                    << ")\n";
        return exit_ok;
      },
  };
  command_spec list{
      "org list",
      "List the organisations.",
      {data_option()},
      {},
      [](const parsed_args& args, io& streams) {
        auto db = open_store(args.get("data"));
        if (!db) return report_error(streams, db.error());
        auto all = core::store::list_organisations(db->sql());
        if (!all) return report_error(streams, all.error());
        for (const auto& o : *all) streams.out << o.id << "\t" << core::to_string(o.sector) << "\t" << o.name << "\n";
        return exit_ok;
      },
  };
  return {add, list};
}

}  // namespace casechain::api::cli
