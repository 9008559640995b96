#pragma once
// The display names a case answer needs, and no more: a full directory of
// organisations and users would tell who works which case. Ids are noted as
// the answer writes them; names are looked up once at the end, into a
// `names` part: {"organisations": {"<id>": name}, "users": {"<id>": username},
// "owners": {"<organisation id>": [user ids who may own its interventions]}}.

#include "core/error.hpp"
#include "core/model/ids.hpp"
#include "core/util/json_writer.hpp"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <set>

namespace casechain::api {

class name_directory {
public:
  void organisation(core::organisation_id id) { organisations_.insert(id); }
  void user(std::optional<core::user_id> id) {
    if (id) users_.insert(*id);
  }
  // The enabled users of a member organisation: those who may write the plan
  // pick an intervention's owner among them.
  void users_of(core::organisation_id id) { staffed_.insert(id); }

  // Writes the "names" key and its object; unknown ids are left out.
  core::result<void> write(core::json_writer& w, SQLite::Database& db) const;

private:
  std::set<core::organisation_id> organisations_;
  std::set<core::user_id> users_;
  std::set<core::organisation_id> staffed_;
};

}  // namespace casechain::api
