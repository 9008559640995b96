#include "core/auth/password.hpp"

#include "core/util/base64.hpp"

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <stdexcept>

namespace casechain::core::auth {
namespace {

constexpr size_t salt_bytes = 16;
constexpr size_t hash_bytes = 32;

// A short list of the passwords most often seen in breaches, long enough to
// pass the length rule; the policy refuses them outright.
constexpr std::array<std::string_view, 24> common_passwords{
    "123456789012", "1234567890123", "12345678901234", "123456789123", "qwertyuiopas", "qwertyuiop123",
    "password1234", "password12345", "passwordpassword", "wachtwoord123", "wachtwoord1234", "motdepasse123",
    "azertyuiop123", "azertyuiopqs", "iloveyou1234", "welkom123456", "bienvenue123", "000000000000",
    "111111111111", "abcdefghijkl", "letmein12345", "administrator", "casechain123", "changeme1234"};

std::string compute(std::string_view password, std::string_view salt, std::string_view pepper,
                    const argon2_parameters& p) {
  std::string out(hash_bytes, '\0');
  std::string pwd(password), slt(salt), pep(pepper);  // argon2 wants mutable buffers
  argon2_context context{};
  context.out = reinterpret_cast<uint8_t*>(out.data());
  context.outlen = static_cast<uint32_t>(out.size());
  context.pwd = reinterpret_cast<uint8_t*>(pwd.data());
  context.pwdlen = static_cast<uint32_t>(pwd.size());
  context.salt = reinterpret_cast<uint8_t*>(slt.data());
  context.saltlen = static_cast<uint32_t>(slt.size());
  context.secret = reinterpret_cast<uint8_t*>(pep.data());
  context.secretlen = static_cast<uint32_t>(pep.size());
  context.t_cost = p.iterations;
  context.m_cost = p.memory_kib;
  context.lanes = p.parallelism;
  context.threads = p.parallelism;
  context.version = ARGON2_VERSION_13;
  context.flags = ARGON2_DEFAULT_FLAGS;
  int status = argon2_ctx(&context, Argon2_id);
  OPENSSL_cleanse(pwd.data(), pwd.size());
  if (status != ARGON2_OK) throw std::runtime_error(std::string("argon2: ") + argon2_error_message(status));
  return out;
}

// Reads "name=<digits>" from the front of `text` and moves past it.
std::optional<std::uint32_t> read_parameter(std::string_view& text, std::string_view name) {
  if (text.substr(0, name.size()) != name || text.size() <= name.size() || text[name.size()] != '=')
    return std::nullopt;
  text.remove_prefix(name.size() + 1);
  std::uint32_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{}) return std::nullopt;
  text.remove_prefix(static_cast<size_t>(end - text.data()));
  if (!text.empty() && text.front() == ',') text.remove_prefix(1);
  return value;
}

size_t count_characters(std::string_view utf8) {
  return static_cast<size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a continuation byte
  }));
}

}  // namespace

password_hasher::password_hasher(std::string pepper, argon2_parameters parameters)
    : pepper_(std::move(pepper)), parameters_(parameters) {}

std::string password_hasher::hash(std::string_view password) const {
  std::string salt(salt_bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), static_cast<int>(salt.size())) != 1)
    throw std::runtime_error("no randomness for a password salt");
  auto digest = compute(password, salt, pepper_, parameters_);
  return "$argon2id$v=19$m=" + std::to_string(parameters_.memory_kib) + ",t=" +
         std::to_string(parameters_.iterations) + ",p=" + std::to_string(parameters_.parallelism) + "$" +
         base64_encode(salt) + "$" + base64_encode(digest);
}

bool password_hasher::verify(std::string_view password, std::string_view encoded) const {
  constexpr std::string_view prefix = "$argon2id$v=19$";
  if (encoded.substr(0, prefix.size()) != prefix) return false;
  std::string_view rest = encoded.substr(prefix.size());
  argon2_parameters p;
  auto m = read_parameter(rest, "m");
  auto t = read_parameter(rest, "t");
  auto par = read_parameter(rest, "p");
  if (!m || !t || !par || rest.empty() || rest.front() != '$') return false;
  // Bounds keep a tampered hash from making verification arbitrarily costly.
  if (*m < 8 || *m > (1u << 21) || *t < 1 || *t > 16 || *par < 1 || *par > 8) return false;
  p = {*m, *t, *par};
  rest.remove_prefix(1);
  auto separator = rest.find('$');
  if (separator == std::string_view::npos) return false;
  auto salt = base64_decode(rest.substr(0, separator));
  auto expected = base64_decode(rest.substr(separator + 1));
  if (!salt || !expected || expected->size() != hash_bytes || salt->size() < 8) return false;
  auto actual = compute(password, *salt, pepper_, p);
  return CRYPTO_memcmp(actual.data(), expected->data(), hash_bytes) == 0;
}

std::optional<std::string> password_problem(std::string_view password) {
  auto length = count_characters(password);
  if (length < 12) return "the password is too short: use at least 12 characters (a few words make a good one)";
  if (length > 256) return "the password is too long: use at most 256 characters";
  std::string lowered(password);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (std::find(common_passwords.begin(), common_passwords.end(), lowered) != common_passwords.end())
    return "the password is one of the most common passwords; choose another";
  if (std::all_of(password.begin(), password.end(), [&](char c) { return c == password.front(); }))
    return "the password repeats one character; choose another";
  return std::nullopt;
}

}  // namespace casechain::core::auth
