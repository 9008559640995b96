#include "core/data_dir.hpp"

#include "core/store/database.hpp"
#include "core/util/atomic_file.hpp"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace casechain::core {
namespace fs = std::filesystem;

namespace {

result<void> make_private_folder(const fs::path& folder) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return fail(errc::unavailable, "cannot create folder " + folder.string() + ": " + ec.message());
  fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) return fail(errc::unavailable, "cannot restrict folder " + folder.string() + ": " + ec.message());
  return {};
}

// Whole or not at all (a temporary file, synced, then linked into place): a
// crash while a key is first made never leaves a short key behind.
result<void> write_new_file(const fs::path& file, const std::string& contents) {
  auto out = atomic_file::create(file, 0600);
  if (!out) return out.error();
  if (!out->write(contents)) return fail(errc::unavailable, "cannot write " + file.string());
  return out->commit_new();
}

}  // namespace

result<std::string> load_or_create_secret(const fs::path& file, std::size_t bytes) {
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    std::string secret(bytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(secret.data()), static_cast<int>(bytes)) != 1)
      return fail(errc::internal, "no randomness available for a new secret");
    auto written = write_new_file(file, secret);
    // Another process may have won the race: then read what it wrote.
    if (!written && written.error().code != errc::already_exists) return written.error();
  }
  std::ifstream in(file, std::ios::binary);
  std::string secret((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return fail(errc::unavailable, "cannot read " + file.string());
  if (secret.size() != bytes)
    return fail(errc::failed_precondition, file.string() + " is damaged: expected " + std::to_string(bytes) + " bytes");
  return secret;
}

result<data_dir> data_dir::create(const fs::path& root) {
  data_dir dir(root);
  std::error_code ec;
  if (fs::exists(dir.database_file(), ec))
    return fail(errc::already_exists, "the data folder " + root.string() + " is already initialised");
  if (auto made = make_private_folder(root); !made) return made.error();
  if (auto made = make_private_folder(dir.secrets_dir()); !made) return made.error();
  if (auto pepper = dir.pepper(); !pepper) return pepper.error();
  auto db = store::database::open(dir.database_file(), {.create = true});
  if (!db) return db.error();
  ::chmod(dir.database_file().c_str(), 0600);
  return dir;
}

result<data_dir> data_dir::open(const fs::path& root) {
  data_dir dir(root);
  std::error_code ec;
  if (!fs::exists(dir.database_file(), ec))
    return fail(errc::not_found,
                "no CaseChain data in " + root.string() + "; create it with `casechain init --data " + root.string() + "`");
  return dir;
}

result<std::string> data_dir::pepper() const { return load_or_create_secret(secrets_dir() / "pepper", 32); }

}  // namespace casechain::core
