#include "core/crypto/sealer.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <map>
#include <mutex>
#include <stdexcept>

namespace casechain::core::crypto {
namespace {

constexpr std::size_t nonce_bytes = 12;
constexpr std::size_t tag_bytes = 16;
constexpr std::size_t header_bytes = 1 + 4 + nonce_bytes;

void put_big_endian(std::string& out, std::uint64_t value, int bytes) {
  for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xff);
}

// The associated data: what the blob is (format, key version) and where it belongs.
std::string associated_data(key_version version, const field_address& at) {
  std::string ad;
  ad.reserve(32 + at.table.size() + at.column.size());
  ad += static_cast<char>(sealed_format);
  put_big_endian(ad, version, 4);
  ad += at.table;
  ad += '\0';
  ad += at.column;
  ad += '\0';
  put_big_endian(ad, static_cast<std::uint64_t>(at.row), 8);
  put_big_endian(ad, static_cast<std::uint64_t>(at.position), 8);
  return ad;
}

std::string where(const field_address& at) {
  std::string text = std::string(at.table) + "." + std::string(at.column) + " of row " + std::to_string(at.row);
  if (at.position != 0) text += " position " + std::to_string(at.position);
  return text;
}

struct context_deleter {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using cipher_context = std::unique_ptr<EVP_CIPHER_CTX, context_deleter>;

cipher_context new_context() {
  cipher_context c(EVP_CIPHER_CTX_new());
  if (!c) throw std::runtime_error("OpenSSL cannot make a cipher context");
  return c;
}

const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

}  // namespace

struct sealer::contexts {
  EVP_CIPHER* cipher = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
  cipher_context seal;                              // the active key, set up to encrypt
  std::map<key_version, cipher_context> open;       // each key, set up to decrypt
  ~contexts() { EVP_CIPHER_free(cipher); }          // the contexts wipe their key schedules when freed
};

// Nonces drawn from RAND_bytes a block at a time: one call per 256 seals
// instead of one per seal. A forked child draws its own block, so parent and
// child never share a nonce.
struct sealer::nonce_pool {
  std::mutex mutex;
  std::array<unsigned char, nonce_bytes * 256> block{};
  std::size_t next = block.size();
  pid_t owner = 0;

  void draw(unsigned char* nonce) {
    std::lock_guard lock(mutex);
    if (next == block.size() || owner != ::getpid()) {
      if (RAND_bytes(block.data(), static_cast<int>(block.size())) != 1)
        throw std::runtime_error("no randomness available for nonces");
      next = 0;
      owner = ::getpid();
    }
    std::memcpy(nonce, block.data() + next, nonce_bytes);
    next += nonce_bytes;
  }
};

sealer::sealer(std::shared_ptr<const data_keys> keys)
    : active_(keys->active_version()), contexts_(std::make_unique<contexts>()), nonces_(std::make_unique<nonce_pool>()) {
  if (contexts_->cipher == nullptr) throw std::runtime_error("OpenSSL has no AES-256-GCM");
  for (auto version : keys->versions()) {
    auto decrypt = new_context();
    if (EVP_DecryptInit_ex2(decrypt.get(), contexts_->cipher, keys->find(version)->data(), nullptr, nullptr) != 1)
      throw std::runtime_error("OpenSSL cannot set up AES-256-GCM");
    contexts_->open.emplace(version, std::move(decrypt));
  }
  contexts_->seal = new_context();
  if (EVP_EncryptInit_ex2(contexts_->seal.get(), contexts_->cipher, keys->find(active_)->data(), nullptr, nullptr) != 1)
    throw std::runtime_error("OpenSSL cannot set up AES-256-GCM");
}

sealer::~sealer() = default;

std::optional<key_version> sealer::version_of(std::span<const unsigned char> blob) {
  if (blob.size() < sealed_overhead || blob[0] != sealed_format) return std::nullopt;
  return (key_version{blob[1]} << 24) | (key_version{blob[2]} << 16) | (key_version{blob[3]} << 8) | key_version{blob[4]};
}

sealed_blob sealer::seal(std::string_view value, const field_address& at) const {
  const key_version version = active_;
  sealed_blob blob(sealed_overhead + value.size());
  blob[0] = sealed_format;
  for (int i = 0; i < 4; ++i) blob[static_cast<size_t>(1 + i)] = static_cast<unsigned char>(version >> (24 - 8 * i));
  unsigned char* nonce = blob.data() + 5;
  nonces_->draw(nonce);
  const auto ad = associated_data(version, at);
  auto c = new_context();
  int length = 0;
  bool ok = EVP_CIPHER_CTX_copy(c.get(), contexts_->seal.get()) == 1 &&
            EVP_EncryptInit_ex2(c.get(), nullptr, nullptr, nonce, nullptr) == 1 &&
            EVP_EncryptUpdate(c.get(), nullptr, &length, bytes_of(ad), static_cast<int>(ad.size())) == 1;
  unsigned char* out = blob.data() + header_bytes;
  if (ok && !value.empty()) ok = EVP_EncryptUpdate(c.get(), out, &length, bytes_of(value), static_cast<int>(value.size())) == 1;
  ok = ok && EVP_EncryptFinal_ex(c.get(), out + value.size(), &length) == 1 &&
       EVP_CIPHER_CTX_ctrl(c.get(), EVP_CTRL_AEAD_GET_TAG, tag_bytes, blob.data() + blob.size() - tag_bytes) == 1;
  if (!ok) throw std::runtime_error("OpenSSL failed to seal " + where(at));
  return blob;
}

result<std::string> sealer::open(std::span<const unsigned char> blob, const field_address& at) const {
  auto version = version_of(blob);
  if (!version) return fail(errc::failed_precondition, where(at) + " is not a sealed value of a known format");
  auto keyed = contexts_->open.find(*version);
  if (keyed == contexts_->open.end())
    return fail(errc::failed_precondition, where(at) + " is sealed under key version " + std::to_string(*version) +
                                               ", which the data key file does not hold");
  const auto ad = associated_data(*version, at);
  const std::size_t length = blob.size() - sealed_overhead;
  std::string value(length, '\0');
  auto c = new_context();
  int written = 0;
  auto* tag = const_cast<unsigned char*>(blob.data() + blob.size() - tag_bytes);  // EVP's ctrl takes void*
  bool ok = EVP_CIPHER_CTX_copy(c.get(), keyed->second.get()) == 1 &&
            EVP_DecryptInit_ex2(c.get(), nullptr, nullptr, blob.data() + 5, nullptr) == 1 &&
            EVP_DecryptUpdate(c.get(), nullptr, &written, bytes_of(ad), static_cast<int>(ad.size())) == 1;
  auto* out = reinterpret_cast<unsigned char*>(value.data());
  if (ok && length > 0)
    ok = EVP_DecryptUpdate(c.get(), out, &written, blob.data() + header_bytes, static_cast<int>(length)) == 1;
  ok = ok && EVP_CIPHER_CTX_ctrl(c.get(), EVP_CTRL_AEAD_SET_TAG, tag_bytes, tag) == 1 &&
       EVP_DecryptFinal_ex(c.get(), out + length, &written) == 1;
  if (!ok) {
    OPENSSL_cleanse(value.data(), value.size());
    return fail(errc::failed_precondition, where(at) + " does not open: it was altered or belongs elsewhere");
  }
  return value;
}

}  // namespace casechain::core::crypto
