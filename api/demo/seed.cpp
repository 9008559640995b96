#include "api/demo/seed.hpp"

#include "chain/case_service.hpp"
#include "core/auth/password.hpp"
#include "core/data_protection.hpp"
#include "core/demo/random.hpp"
#include "core/demo/report_generator.hpp"
#include "core/intake/importer.hpp"
#include "core/store/case_store.hpp"
#include "core/store/database.hpp"
#include "core/store/organisation_store.hpp"
#include "core/store/triage_store.hpp"
#include "core/store/write_transaction.hpp"
#include "core/triage/decisions.hpp"
#include "core/util/base64.hpp"

#include <openssl/rand.h>

#include <map>

namespace casechain::api::demo {
namespace {

using core::role;
using core::sector;

struct demo_organisation {
  const char* name;
  sector s;
};
constexpr demo_organisation organisations[] = {
    {"FJC Limburg", sector::administration}, {"PZ Limburg Regio Hoofdstad", sector::police},
    {"Parket Limburg", sector::justice},      {"Justitiehuis Hasselt", sector::justice},
    {"CAW Limburg", sector::care},            {"OCMW Hasselt", sector::care},
    {"Vertrouwenscentrum Kindermishandeling Limburg", sector::care}};

struct demo_user {
  const char* username;
  role r;
  const char* organisation;
};
constexpr demo_user users[] = {
    {"triage.anna", role::triage, "FJC Limburg"},           {"triage.bert", role::triage, "FJC Limburg"},
    {"cm.marie", role::case_manager, "FJC Limburg"},        {"cm.jef", role::case_manager, "FJC Limburg"},
    {"police.tom", role::police, "PZ Limburg Regio Hoofdstad"}, {"prosecutor.ines", role::prosecutor, "Parket Limburg"},
    {"social.sara", role::social_worker, "CAW Limburg"},    {"coordinator.lies", role::coordinator, "FJC Limburg"},
    {"auditor.koen", role::auditor, "FJC Limburg"},         {"admin.eva", role::admin, "FJC Limburg"}};

std::string new_password() {
  unsigned char bytes[15];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("no randomness for a password");
  return core::base64_encode(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

// Moves a decided case some way along its track, as a case manager would.
void progress_case(SQLite::Database& db, const core::case_record& c, core::demo::rng& random,
                   const std::map<std::string, core::organisation_id>& orgs, const std::vector<core::user_id>& managers,
                   core::timestamp at) {
  chain::actor who{managers[random.index(managers.size())], at};
  auto stage = random.below(6u);  // how far this case got
  if (stage == 0) return;
  auto caw = orgs.at("CAW Limburg");
  (void)chain::admit_member(db, c.id, caw, who);
  (void)chain::admit_member(db, c.id, orgs.at("PZ Limburg Regio Hoofdstad"), who);
  if (c.track != core::track::help_offer) (void)chain::assign_case_manager(db, c.id, who.user, who);
  (void)chain::record_contact(db, c.id, core::contact_channel::call, core::contact_outcome::reached, at, who);
  if (stage < 2) return;
  switch (c.track) {
    case core::track::help_offer:
      (void)chain::transition(db, c.id, core::case_step::intake, who);
      (void)chain::record_milestone(db, c.id, "intake_held", who);
      if (stage >= 3) (void)chain::transition(db, c.id, core::case_step::safety_plan, who);
      if (stage >= 4) {
        (void)chain::record_milestone(db, c.id, "safety_plan_made", who);
        (void)chain::transition(db, c.id, core::case_step::referral, who);
      }
      if (stage >= 5) {
        (void)chain::record_milestone(db, c.id, "referral_made", who);
        (void)chain::transition(db, c.id, core::case_step::closed, who, "goals_met");
      }
      break;
    case core::track::chain:
      (void)chain::record_milestone(db, c.id, "criteria_confirmed", who);
      (void)chain::transition(db, c.id, core::case_step::file, who);
      if (stage >= 3) {
        (void)chain::record_round_table(db, c.id, core::date_of(at), {caw}, "CAW offers family support", who);
        (void)chain::transition(db, c.id, core::case_step::assessment, who);
        (void)chain::record_screening(db, c.id, core::screening_kind::risk, {{"housing", 3}, {"safety", 3}}, who);
        (void)chain::add_goal(db, c.id, "safety at home", who);
      }
      if (stage >= 4) {
        (void)chain::transition(db, c.id, core::case_step::assignment, who);
        (void)chain::plan_intervention(db, c.id, {}, caw, {}, "weekly family support", {}, who);
        (void)chain::record_milestone(db, c.id, "plan_agreed_partners", who);
        (void)chain::record_milestone(db, c.id, "plan_agreed_family", who);
        (void)chain::transition(db, c.id, core::case_step::implementation, who);
      }
      break;
    case core::track::intensive:
      (void)chain::transition(db, c.id, core::case_step::crisis, who);
      if (stage >= 3) {
        (void)chain::record_milestone(db, c.id, "crisis_intervention", who);
        (void)chain::transition(db, c.id, core::case_step::system_help, who);
      }
      if (stage >= 4) {
        (void)chain::record_screening(db, c.id, core::screening_kind::risk, {{"safety", 4}}, who);
        (void)chain::add_goal(db, c.id, "no further violence", who);
        (void)chain::transition(db, c.id, core::case_step::follow_up, who);
      }
      break;
  }
}

}  // namespace

core::result<seed_summary> seed(const core::data_dir& dir, const seed_options& options,
                                const std::function<void(const std::string&)>& progress) {
  auto say = [&](const std::string& text) {
    if (progress) progress(text);
  };
  auto opened = core::store::database::open(dir.database_file());
  if (!opened) return opened.error();
  auto& db = opened->sql();
  auto protection = core::load_field_protection(dir, db);
  if (!protection) return protection.error();
  auto existing = core::store::list_organisations(db);
  if (!existing) return existing.error();
  if (!existing->empty())
    return core::fail(core::errc::failed_precondition, "the data folder already has organisations; demo data goes into an empty one");
  auto pepper = dir.pepper();
  if (!pepper) return pepper.error();
  core::auth::password_hasher hasher(*pepper);
  auto now = core::now_utc();

  seed_summary summary;
  std::map<std::string, core::organisation_id> orgs;
  for (const auto& o : organisations) {
    auto added = core::store::add_organisation(db, o.name, o.s, now);
    if (!added) return added.error();
    orgs[o.name] = added->id;
  }
  std::map<std::string, core::user_id> user_ids;
  for (const auto& u : users) {
    auto password = new_password();
    auto added = core::store::add_user(db, {u.username, orgs[u.organisation], {u.r}, hasher.hash(password)}, now);
    if (!added) return added.error();
    user_ids[u.username] = added->id;
    summary.accounts.push_back({u.username, std::string(core::to_string(u.r)), u.organisation, password});
  }

  say("importing " + std::to_string(options.reports) + " generated police reports");
  core::demo::generator_options generated{options.seed, options.reports,
                                          core::date{std::chrono::sys_days{options.today} - std::chrono::days{365}}, 365};
  core::demo::report_generator generator(generated);
  core::intake::report_importer importer(db, **protection, core::triage::builtin_instrument(),
                                         core::triage::builtin_lexicons());
  core::police_report report;
  std::vector<std::pair<core::report_id, core::timestamp>> imported;
  {
    core::store::write_transaction batch(db);
    while (generator.next(report)) {
      auto stored = importer.import(report, report.reported_at + std::chrono::minutes{30});
      if (!stored) return stored.error();
      imported.emplace_back(stored->id, report.reported_at);
    }
    batch.commit();
  }
  summary.reports = static_cast<std::int64_t>(imported.size());

  say("deciding on the reports and moving cases along the chain");
  core::demo::rng random(options.seed ^ 0x5eedu);
  std::vector<core::user_id> managers{user_ids["cm.marie"], user_ids["cm.jef"]};
  // The newest reports stay in the triage queue, as on a working day.
  auto decide_count = imported.size() - std::min<size_t>(imported.size(), 25);
  core::store::write_transaction batch(db);
  for (size_t i = 0; i < decide_count; ++i) {
    auto [id, reported_at] = imported[i];
    auto proposal = core::store::get_proposal(db, id);
    if (!proposal) return proposal.error();
    auto decided_at = reported_at + std::chrono::hours{2 + static_cast<int>(random.below(40u))};
    auto decision = core::triage::decide(db, {id, proposal->track, user_ids["triage.anna"], "", decided_at});
    if (!decision) return decision.error();
    ++summary.decided;
    if (!decision->case_) continue;
    auto c = core::store::get_case(db, *decision->case_);
    if (!c) return c.error();
    if (c->opened_at == decided_at) progress_case(db, *c, random, orgs, managers, decided_at + std::chrono::hours{20});
  }
  batch.commit();
  summary.cases = db.execAndGet("SELECT count(*) FROM cases").getInt64();
  return summary;
}

}  // namespace casechain::api::demo
