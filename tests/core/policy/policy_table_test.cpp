#include "core/policy/policy_table.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace casechain::core;
using namespace casechain::core::policy;

namespace {

// A complete table where every cell is `cell`, with one cell replaced.
std::string table_with(std::string_view cell, std::string_view role_name = "", std::string_view category_name = "",
                       std::string_view replacement = "") {
  std::string out = R"({"version": "t", "roles": {)";
  bool first_role = true;
  for (auto r : {"triage", "case_manager", "police", "prosecutor", "social_worker", "coordinator", "auditor", "admin"}) {
    out += std::string(first_role ? "" : ",") + "\"" + r + "\": {";
    first_role = false;
    bool first = true;
    for (auto c : all_categories) {
      bool replaced = r == role_name && to_string(c) == category_name;
      if (replaced && replacement.empty()) continue;  // the cell left out
      out += std::string(first ? "" : ",") + "\"" + std::string(to_string(c)) + "\": \"" +
             std::string(replaced ? replacement : cell) + "\"";
      first = false;
    }
    out += "}";
  }
  return out + "}}";
}

}  // namespace

TEST_SUITE("core/policy/table") {
  TEST_CASE("cells parse and print back") {
    for (auto text : {"none", "summary@any", "read@member+consent", "write@manager", "write@own_org"}) {
      CAPTURE(text);
      auto c = parse_cell(text);
      REQUIRE(c);
      CHECK(format_cell(*c) == text);
    }
    auto c = parse_cell("read@member+consent").value();
    CHECK(c.grants == level::read);
    CHECK(c.where == scope::member);
    CHECK(c.needs_consent);
  }

  TEST_CASE("malformed cells are refused with the reason") {
    CHECK_FALSE(parse_cell("reed@member"));
    CHECK_FALSE(parse_cell("read"));
    CHECK_FALSE(parse_cell("read@everyone"));
    CHECK_FALSE(parse_cell("none+consent"));
    auto bad = parse_cell("read@everyone");
    CHECK(bad.error().message.find("everyone") != std::string::npos);
  }

  TEST_CASE("a complete table loads; a missing, misspelt or unknown cell is a load error naming it") {
    auto full = policy_table::load(table_with("read@member"));
    REQUIRE(full);
    CHECK(full->at(role::police, category::incident).grants == level::read);

    auto missing = policy_table::load(table_with("read@member", "police", "safe_address"));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.find("role police, category safe_address") != std::string::npos);

    auto misspelt = policy_table::load(table_with("read@member", "police", "safe_address", "reads@member"));
    REQUIRE_FALSE(misspelt);
    CHECK(misspelt.error().message.find("role police, category safe_address") != std::string::npos);

    auto extra = table_with("read@member");
    extra.insert(extra.find("\"triage\": {") + 11, "\"shoe_size\": \"none\", ");
    auto unknown = policy_table::load(extra);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message.find("shoe_size") != std::string::npos);
  }

  TEST_CASE("the built-in table is secrecy-1 with the rules the design names") {
    auto t = builtin_policy();
    CHECK(t->version() == "secrecy-1");
    // The safe address goes only to the case manager and those with consent.
    CHECK(format_cell(t->at(role::case_manager, category::safe_address)) == "write@manager");
    CHECK(format_cell(t->at(role::police, category::safe_address)) == "read@member+consent");
    // A social-work partner sees a summary of judicial data.
    CHECK(format_cell(t->at(role::social_worker, category::judicial)) == "summary@member");
    // Care notes stay with their organisation.
    CHECK(format_cell(t->at(role::social_worker, category::care_notes)) == "write@own_org");
    // The auditor sees the audit trail and no content; the admin sees no case.
    for (auto c : all_categories) {
      CAPTURE(to_string(c));
      CHECK(t->at(role::admin, c).grants == level::none);
      CHECK(t->at(role::auditor, c).grants == (c == category::audit ? level::read : level::none));
    }
  }
}
