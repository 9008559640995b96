#include "core/auth/sessions.hpp"

#include "core/auth/tokens.hpp"
#include "core/store/organisation_store.hpp"
#include "core/store/session_store.hpp"
#include "tests/support/test_database.hpp"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <set>

using namespace casechain;
using namespace casechain::core;
using namespace casechain::core::auth;
using namespace std::chrono_literals;
namespace store = casechain::core::store;

namespace {

// Small parameters keep the tests fast; production uses the defaults.
const argon2_parameters quick{256, 1, 1};
constexpr std::string_view alice_password = "correct horse battery";

struct fixture {
  test::test_database t;
  password_hasher hasher{"test-pepper-0123456789", quick};
  timestamp t0 = test::at("2026-03-02T08:00:00Z");
  user alice = add_user("alice", alice_password);

  user add_user(const std::string& name, std::string_view password) {
    auto org = store::find_organisation(t.sql(), "CAW Antwerpen");
    if (!org) org = store::add_organisation(t.sql(), "CAW Antwerpen", sector::care, t0);
    REQUIRE(org);
    auto added = store::add_user(t.sql(), {name, org->id, {role::triage}, hasher.hash(password)}, t0);
    REQUIRE(added);
    return *added;
  }

  new_session log_in_alice(timestamp at) {
    auto s = log_in(t.sql(), hasher, "alice", alice_password, "192.0.2.10", at);
    REQUIRE(s);
    return *s;
  }

  std::optional<timestamp> ended_at(std::int64_t session) {
    auto s = store::get_session(t.sql(), session);
    REQUIRE(s);
    return s->ended_at;
  }
};

std::string file_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_SUITE("core/auth/sessions") {
  TEST_CASE("tokens are 43 base64url characters, all different, hashed with SHA-256") {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
      auto token = new_token();
      CHECK(token.size() == 43);
      CHECK(looks_like_token(token));
      CHECK(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
            std::string::npos);
      seen.insert(token);
    }
    CHECK(seen.size() == 100);
    // FIPS 180-2's example: SHA-256("abc").
    const unsigned char abc[32] = {0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40,
                                   0xde, 0x5d, 0xae, 0x22, 0x23, 0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17,
                                   0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
    CHECK(token_hash("abc") == std::string(reinterpret_cast<const char*>(abc), 32));
    CHECK(token_hash("").size() == 32);
    CHECK(same_secret("same", "same"));
    CHECK_FALSE(same_secret("same", "sane"));
    CHECK_FALSE(same_secret("same", "same!"));
    CHECK_FALSE(looks_like_token(std::string(43, '!')));
    CHECK_FALSE(looks_like_token(std::string(44, 'A')));
    CHECK_FALSE(looks_like_token(""));
  }

  TEST_CASE("log-in returns two 43-character tokens and stores only their hashes") {
    fixture f;
    auto s = f.log_in_alice(f.t0);
    CHECK(s.token.size() == 43);
    CHECK(s.csrf_token.size() == 43);
    CHECK(s.token != s.csrf_token);
    CHECK(s.user.id == f.alice.id);
    CHECK(s.user.username == "alice");
    CHECK(s.user.password_hash.empty());  // never leaves auth
    REQUIRE(f.t.count("sessions") == 1);

    SQLite::Statement row(f.t.sql(), "SELECT * FROM sessions");
    REQUIRE(row.executeStep());
    for (int i = 0; i < row.getColumnCount(); ++i) {
      auto column = row.getColumn(i);
      std::string bytes = column.getBytes() > 0
                              ? std::string(static_cast<const char*>(column.getBlob()),
                                            static_cast<std::size_t>(column.getBytes()))
                              : std::string();
      CAPTURE(column.getName());
      CHECK(bytes.find(s.token) == std::string::npos);
      CHECK(bytes.find(s.csrf_token) == std::string::npos);
    }
    CHECK(f.t.sql().execAndGet("SELECT count(*) FROM sessions WHERE typeof(token_hash) = 'blob'").getInt() == 1);
    auto stored = store::find_active_session(f.t.sql(), token_hash(s.token));
    REQUIRE(stored);
    CHECK(stored->csrf_hash == token_hash(s.csrf_token));
    CHECK(stored->address == "192.0.2.10");
    CHECK(stored->created_at == f.t0);
    CHECK_FALSE(stored->ended_at);
    // Nor anywhere in the files: the database and its write-ahead log.
    for (auto suffix : {"", "-wal"}) {
      auto bytes = file_bytes(f.t.db.path().string() + suffix);
      CHECK(bytes.find(s.token) == std::string::npos);
      CHECK(bytes.find(s.csrf_token) == std::string::npos);
    }
  }

  TEST_CASE("usernames are matched case-insensitively and each log-in gets new tokens") {
    fixture f;
    auto first = log_in(f.t.sql(), f.hasher, "ALICE", alice_password, "192.0.2.10", f.t0);
    auto second = log_in(f.t.sql(), f.hasher, "alice", alice_password, "192.0.2.10", f.t0);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->token != second->token);
    CHECK(f.t.count("sessions") == 2);
  }

  TEST_CASE("unknown user, wrong password and disabled user get the same error") {
    fixture f;
    auto bob = f.add_user("bob", "another good password");
    REQUIRE(store::set_user_disabled(f.t.sql(), bob.id, true));
    auto unknown = log_in(f.t.sql(), f.hasher, "mallory", alice_password, "192.0.2.10", f.t0);
    auto wrong = log_in(f.t.sql(), f.hasher, "alice", "correct horse batterY", "192.0.2.10", f.t0);
    auto disabled = log_in(f.t.sql(), f.hasher, "bob", "another good password", "192.0.2.10", f.t0);
    auto huge = log_in(f.t.sql(), f.hasher, "alice", std::string(5000, 'x'), "192.0.2.10", f.t0);
    auto empty = log_in(f.t.sql(), f.hasher, "", "", "192.0.2.10", f.t0);
    for (const auto* r : {&unknown, &wrong, &disabled, &huge, &empty}) {
      REQUIRE_FALSE(*r);
      CHECK(r->error().code == errc::unauthenticated);
      CHECK(r->error().message == "wrong username or password");
    }
    CHECK(f.t.count("sessions") == 0);
  }

  TEST_CASE("authenticate finds the user behind a token and touches last_seen at most once a minute") {
    fixture f;
    auto s = f.log_in_alice(f.t0);
    auto who = authenticate(f.t.sql(), s.token, {}, f.t0 + 30s);
    REQUIRE(who);
    CHECK(who->user.id == f.alice.id);
    CHECK(who->user.password_hash.empty());
    CHECK(store::get_session(f.t.sql(), who->session_id)->last_seen_at == f.t0);  // under a minute: no write
    REQUIRE(authenticate(f.t.sql(), s.token, {}, f.t0 + 90s));
    CHECK(store::get_session(f.t.sql(), who->session_id)->last_seen_at == f.t0 + 90s);
  }

  TEST_CASE("malformed and unknown tokens are unauthenticated") {
    fixture f;
    auto s = f.log_in_alice(f.t0);
    for (std::string bad : {std::string(), std::string(43, '!'), s.token + "A", s.csrf_token, new_token()}) {
      auto who = authenticate(f.t.sql(), bad, {}, f.t0);
      REQUIRE_FALSE(who);
      CHECK(who.error().code == errc::unauthenticated);
    }
  }

  TEST_CASE("a session idle longer than the idle timeout is refused and ended") {
    fixture f;
    auto s = f.log_in_alice(f.t0);
    session_settings settings{.idle = 30min, .absolute = 12h};
    auto who = authenticate(f.t.sql(), s.token, settings, f.t0 + 30min);  // exactly the timeout: still fine
    REQUIRE(who);
    auto late = authenticate(f.t.sql(), s.token, settings, f.t0 + 60min + 1s);
    REQUIRE_FALSE(late);
    CHECK(late.error().code == errc::unauthenticated);
    CHECK(f.ended_at(who->session_id) == f.t0 + 60min + 1s);
    // Ended for good: looser settings do not bring it back.
    CHECK_FALSE(authenticate(f.t.sql(), s.token, {.idle = 24h, .absolute = 24h}, f.t0 + 61min));
  }

  TEST_CASE("a busy session still ends at the absolute timeout") {
    fixture f;
    auto s = f.log_in_alice(f.t0);
    session_settings settings{.idle = 30min, .absolute = 12h};
    for (auto at = f.t0; at <= f.t0 + 12h; at += 20min) {
      CAPTURE(format_timestamp(at));
      REQUIRE(authenticate(f.t.sql(), s.token, settings, at));
    }
    auto late = authenticate(f.t.sql(), s.token, settings, f.t0 + 12h + 1s);
    REQUIRE_FALSE(late);
    CHECK(late.error().code == errc::unauthenticated);
  }

  TEST_CASE("after log-out the token no longer works, and other sessions do") {
    fixture f;
    auto laptop = f.log_in_alice(f.t0);
    auto phone = f.log_in_alice(f.t0);
    auto laptop_id = authenticate(f.t.sql(), laptop.token, {}, f.t0)->session_id;
    REQUIRE(log_out(f.t.sql(), laptop.token, f.t0 + 5min));
    CHECK(f.ended_at(laptop_id) == f.t0 + 5min);
    auto after = authenticate(f.t.sql(), laptop.token, {}, f.t0 + 6min);
    REQUIRE_FALSE(after);
    CHECK(after.error().code == errc::unauthenticated);
    CHECK(authenticate(f.t.sql(), phone.token, {}, f.t0 + 6min));
    // Logging out twice, or with garbage, is unauthenticated and keeps the first end time.
    CHECK(log_out(f.t.sql(), laptop.token, f.t0 + 7min).error().code == errc::unauthenticated);
    CHECK(log_out(f.t.sql(), "garbage", f.t0 + 7min).error().code == errc::unauthenticated);
    CHECK(f.ended_at(laptop_id) == f.t0 + 5min);
  }

  TEST_CASE("a disabled user is refused at once and the session is ended") {
    fixture f;
    auto s = f.log_in_alice(f.t0);
    auto who = authenticate(f.t.sql(), s.token, {}, f.t0);
    REQUIRE(who);
    REQUIRE(store::set_user_disabled(f.t.sql(), f.alice.id, true));
    auto refused = authenticate(f.t.sql(), s.token, {}, f.t0 + 1s);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == errc::unauthenticated);
    CHECK(f.ended_at(who->session_id) == f.t0 + 1s);
    // Enabling the user again does not revive the old session.
    REQUIRE(store::set_user_disabled(f.t.sql(), f.alice.id, false));
    CHECK_FALSE(authenticate(f.t.sql(), s.token, {}, f.t0 + 2s));
  }

  TEST_CASE("role changes are seen on the next request") {
    fixture f;
    auto s = f.log_in_alice(f.t0);
    auto before = authenticate(f.t.sql(), s.token, {}, f.t0);
    REQUIRE(before);
    CHECK(before->user.roles == std::vector<role>{role::triage});
    REQUIRE(store::set_user_roles(f.t.sql(), f.alice.id, {role::case_manager, role::admin}));
    auto after = authenticate(f.t.sql(), s.token, {}, f.t0 + 1s);
    REQUIRE(after);
    CHECK(after->user.has_role(role::admin));
    CHECK(after->user.has_role(role::case_manager));
    CHECK_FALSE(after->user.has_role(role::triage));
  }

  TEST_CASE("the CSRF token belongs to its own session only") {
    fixture f;
    auto first = f.log_in_alice(f.t0);
    auto second = f.log_in_alice(f.t0);
    auto id = authenticate(f.t.sql(), first.token, {}, f.t0)->session_id;
    CHECK(check_csrf(f.t.sql(), id, first.csrf_token).value());
    CHECK_FALSE(check_csrf(f.t.sql(), id, second.csrf_token).value());
    CHECK_FALSE(check_csrf(f.t.sql(), id, first.token).value());
    CHECK_FALSE(check_csrf(f.t.sql(), id, "").value());
    CHECK_FALSE(check_csrf(f.t.sql(), id, first.csrf_token + "x").value());
    REQUIRE(log_out(f.t.sql(), first.token, f.t0 + 1min));
    CHECK_FALSE(check_csrf(f.t.sql(), id, first.csrf_token).value());
    CHECK(check_csrf(f.t.sql(), 999, first.csrf_token).error().code == errc::not_found);
  }

  TEST_CASE("renewing the CSRF token refuses the old one at once, and only for its own session") {
    fixture f;
    auto first = f.log_in_alice(f.t0);
    auto second = f.log_in_alice(f.t0);
    auto id = authenticate(f.t.sql(), first.token, {}, f.t0)->session_id;
    auto other = authenticate(f.t.sql(), second.token, {}, f.t0)->session_id;
    auto renewed = renew_csrf(f.t.sql(), id);
    REQUIRE(renewed);
    CHECK(renewed->size() == 43);
    CHECK(*renewed != first.csrf_token);
    CHECK_FALSE(check_csrf(f.t.sql(), id, first.csrf_token).value());
    CHECK(check_csrf(f.t.sql(), id, *renewed).value());
    CHECK(check_csrf(f.t.sql(), other, second.csrf_token).value());  // the other session keeps its token
    CHECK_FALSE(check_csrf(f.t.sql(), other, *renewed).value());
    REQUIRE(log_out(f.t.sql(), first.token, f.t0 + 1min));
    CHECK(renew_csrf(f.t.sql(), id).error().code == errc::not_found);  // an ended session gets no new token
    CHECK(renew_csrf(f.t.sql(), 999).error().code == errc::not_found);
    CHECK(casechain::core::store::set_session_csrf(f.t.sql(), other, "short").error().code == errc::invalid_argument);
  }

  TEST_CASE("the session store ends all sessions of a user and checks what it is given") {
    fixture f;
    auto bob = f.add_user("bob", "another good password");
    auto a1 = f.log_in_alice(f.t0);
    auto a2 = f.log_in_alice(f.t0);
    REQUIRE(log_in(f.t.sql(), f.hasher, "bob", "another good password", "192.0.2.11", f.t0));
    auto ended = store::end_user_sessions(f.t.sql(), f.alice.id, f.t0 + 1min);
    REQUIRE(ended);
    CHECK(*ended == 2);
    CHECK(store::end_user_sessions(f.t.sql(), f.alice.id, f.t0 + 2min).value() == 0);
    CHECK_FALSE(authenticate(f.t.sql(), a1.token, {}, f.t0 + 2min));
    CHECK_FALSE(authenticate(f.t.sql(), a2.token, {}, f.t0 + 2min));
    CHECK(f.t.sql().execAndGet("SELECT count(*) FROM sessions WHERE ended_at IS NULL").getInt() == 1);
    (void)bob;

    const std::string hash(32, 'h');
    CHECK(store::add_session(f.t.sql(), 999, hash, hash, "", f.t0).error().code == errc::not_found);
    CHECK(store::add_session(f.t.sql(), f.alice.id, "short", hash, "", f.t0).error().code ==
          errc::invalid_argument);
    CHECK(store::add_session(f.t.sql(), f.alice.id, hash, hash, std::string(256, 'a'), f.t0).error().code ==
          errc::invalid_argument);
    REQUIRE(store::add_session(f.t.sql(), f.alice.id, hash, hash, "", f.t0));
    CHECK(store::add_session(f.t.sql(), f.alice.id, hash, hash, "", f.t0).error().code == errc::already_exists);
    CHECK(store::touch_session(f.t.sql(), 999, f.t0).error().code == errc::not_found);
    CHECK(store::end_session(f.t.sql(), 999, f.t0).error().code == errc::not_found);
  }
}

TEST_SUITE("core/auth/sessions") {
  TEST_CASE("checking a session on a reader writes nothing and says when a writer is needed") {
    fixture f;
    auto s = f.log_in_alice(f.t0);
    bool needs_write = true;
    auto fresh = authenticate_without_writing(f.t.sql(), s.token, {}, f.t0 + 30s, needs_write);
    REQUIRE(fresh);
    CHECK_FALSE(needs_write);
    auto stale = authenticate_without_writing(f.t.sql(), s.token, {}, f.t0 + 2min, needs_write);
    REQUIRE(stale);
    CHECK(needs_write);  // the touch is due
    auto seen = f.t.sql().execAndGet("SELECT last_seen_at FROM sessions").getString();
    CHECK(seen == format_timestamp(f.t0));  // nothing was written
    auto idle = authenticate_without_writing(f.t.sql(), s.token, {}, f.t0 + 31min, needs_write);
    CHECK_FALSE(idle);
    CHECK(needs_write);  // the session must be ended on a writer
    CHECK(f.t.sql().execAndGet("SELECT count(*) FROM sessions WHERE ended_at IS NULL").getInt() == 1);
  }
}
