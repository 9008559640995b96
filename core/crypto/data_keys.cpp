#include "core/crypto/data_keys.hpp"

#include "core/util/atomic_file.hpp"
#include "core/util/base64.hpp"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <iterator>

namespace casechain::core::crypto {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view file_header = "casechain-data-keys 1";

// A string holding key material, wiped when it goes out of scope.
struct wiped_string {
  std::string text;
  ~wiped_string() { OPENSSL_cleanse(text.data(), text.size()); }
};

void append_key(std::string& out, const secret_key& key) {
  wiped_string encoded{base64_encode({reinterpret_cast<const char*>(key.data()), key.size()})};
  out += encoded.text;
}

bool decode_key(std::string_view text, secret_key& key) {
  auto decoded = base64_decode(text);
  if (!decoded) return false;
  wiped_string bytes{std::move(*decoded)};
  if (bytes.text.size() != key.size()) return false;
  std::memcpy(key.data(), bytes.text.data(), key.size());
  return true;
}

bool parse_version(std::string_view text, key_version& version) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
  return ec == std::errc{} && end == text.data() + text.size() && version > 0;
}

std::vector<std::string_view> split_words(std::string_view line) {
  std::vector<std::string_view> words;
  size_t at = 0;
  while (at < line.size()) {
    auto end = line.find(' ', at);
    if (end == std::string_view::npos) end = line.size();
    if (end > at) words.push_back(line.substr(at, end - at));
    at = end + 1;
  }
  return words;
}

result<void> check_private(const fs::path& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) {
    if (errno == ENOENT) return fail(errc::not_found, "the data key file " + file.string() + " is missing");
    return fail(errc::unavailable, "cannot read " + file.string() + ": " + std::strerror(errno));
  }
  if ((info.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
    return fail(errc::permission_denied, "the data key file " + file.string() + " has mode " + mode +
                                             ": others may read it; it must be 0600 (chmod 600 " + file.string() +
                                             ") and the keys should be rotated");
  }
  return {};
}

}  // namespace

data_keys data_keys::generate() {
  data_keys ring;
  ring.keys_.emplace(1, secret_key::random());
  ring.active_ = 1;
  ring.hash_key_ = secret_key::random();
  return ring;
}

const secret_key* data_keys::find(key_version version) const {
  auto it = keys_.find(version);
  return it == keys_.end() ? nullptr : &it->second;
}

std::vector<key_version> data_keys::versions() const {
  std::vector<key_version> out;
  for (const auto& [version, key] : keys_) out.push_back(version);
  return out;
}

key_version data_keys::add_version() {
  key_version next = keys_.empty() ? 1 : keys_.rbegin()->first + 1;
  keys_.emplace(next, secret_key::random());
  active_ = next;
  return next;
}

result<void> data_keys::retire(key_version version) {
  if (version == active_) return fail(errc::failed_precondition, "key version " + std::to_string(version) + " is active");
  if (keys_.erase(version) == 0) return fail(errc::not_found, "no key version " + std::to_string(version));
  return {};
}

std::string data_keys::to_text() const {
  std::string out(file_header);
  out += "\nhash ";
  append_key(out, hash_key_);
  for (const auto& [version, key] : keys_) {
    out += "\nkey " + std::to_string(version) + ' ';
    append_key(out, key);
  }
  out += "\nactive " + std::to_string(active_) + '\n';
  return out;
}

result<data_keys> data_keys::from_text(std::string_view text, const fs::path& file) {
  auto damaged = [&](const std::string& why) {
    return fail(errc::failed_precondition, "the data key file " + file.string() + " is damaged: " + why);
  };
  data_keys ring;
  bool has_header = false, has_hash = false;
  std::size_t line_number = 0;
  while (!text.empty()) {
    auto end = text.find('\n');
    auto line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++line_number;
    auto words = split_words(line);
    if (words.empty()) continue;
    const auto where = " (line " + std::to_string(line_number) + ")";
    if (!has_header) {
      if (line != file_header) return damaged("it does not start with \"" + std::string(file_header) + "\"");
      has_header = true;
    } else if (words[0] == "hash" && words.size() == 2 && !has_hash) {
      if (!decode_key(words[1], ring.hash_key_)) return damaged("a bad hash key" + where);
      has_hash = true;
    } else if (words[0] == "key" && words.size() == 3) {
      key_version version = 0;
      if (!parse_version(words[1], version)) return damaged("a bad key version" + where);
      secret_key key;
      if (!decode_key(words[2], key)) return damaged("a bad key" + where);
      if (!ring.keys_.emplace(version, key).second) return damaged("key version " + std::string(words[1]) + " twice");
    } else if (words[0] == "active" && words.size() == 2) {
      if (!parse_version(words[1], ring.active_)) return damaged("a bad active version" + where);
    } else {
      return damaged("an unknown line" + where);
    }
  }
  if (!has_header || !has_hash) return damaged("no hash key");
  if (ring.find(ring.active_) == nullptr) return damaged("the active key version is not in the file");
  return ring;
}

result<data_keys> data_keys::load(const fs::path& file) {
  if (auto ok = check_private(file); !ok) return ok.error();
  std::ifstream in(file, std::ios::binary);
  if (!in) return fail(errc::unavailable, "cannot read the data key file " + file.string());
  wiped_string text{std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())};
  if (in.bad()) return fail(errc::unavailable, "cannot read the data key file " + file.string());
  return from_text(text.text, file);
}

result<data_keys> data_keys::create(const fs::path& file) {
  auto ring = generate();
  wiped_string text{ring.to_text()};
  // Whole or not at all (temporary file, synced, linked into place): a crash
  // at first start never leaves a half key file.
  auto out = atomic_file::create(file, 0600);
  if (!out) return out.error();
  if (!out->write(text.text)) return fail(errc::unavailable, "cannot write the data key file " + file.string());
  auto linked = out->commit_new();
  if (!linked && linked.error().code == errc::already_exists) return load(file);  // another process made it first
  if (!linked) return linked.error();
  return ring;
}

result<void> data_keys::save(const fs::path& file) const {
  auto out = atomic_file::create(file, 0600);
  if (!out) return out.error();
  wiped_string text{to_text()};
  if (!out->write(text.text)) return fail(errc::unavailable, "cannot write the data key file " + file.string());
  return out->commit();
}

}  // namespace casechain::core::crypto
