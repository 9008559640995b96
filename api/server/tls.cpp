#include "api/server/tls.hpp"

#include "core/util/atomic_file.hpp"

#include <fcntl.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace casechain::api {
namespace fs = std::filesystem;
namespace ssl = boost::asio::ssl;
using core::errc;
using core::fail;

namespace {

// TLS 1.2 suites: forward secrecy (ECDHE) and AEAD only, in the server's order of preference.
// TLS 1.3 keeps OpenSSL's defaults, which are all AEAD.
constexpr const char* tls12_ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
    "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

constexpr long validity_days = 397;  // the longest the CA/Browser Forum allows, so browsers accept an exception
constexpr long backdate_seconds = 3600;  // tolerates clients whose clock is a little behind

template <auto Free>
struct free_with {
  template <class T>
  void operator()(T* p) const {
    Free(p);
  }
};
using bio_ptr = std::unique_ptr<BIO, free_with<BIO_free_all>>;
using pkey_ptr = std::unique_ptr<EVP_PKEY, free_with<EVP_PKEY_free>>;
using x509_ptr = std::unique_ptr<X509, free_with<X509_free>>;
using extension_ptr = std::unique_ptr<X509_EXTENSION, free_with<X509_EXTENSION_free>>;
using bignum_ptr = std::unique_ptr<BIGNUM, free_with<BN_free>>;

// The oldest error in this thread's OpenSSL queue as one short line; the queue is emptied so that it
// cannot be blamed on a later call. OpenSSL's texts name routines and reasons, never key material.
std::string openssl_reason() {
  unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return "unknown OpenSSL error";
  std::array<char, 256> text{};
  ERR_error_string_n(code, text.data(), text.size());
  return text.data();
}

core::error openssl_failure(errc code, const std::string& what) { return fail(code, what + ": " + openssl_reason()); }

// Present as a file or as a link (even a dangling one): a link somebody configured is never replaced.
core::result<bool> is_present(const fs::path& file) {
  std::error_code ec;
  auto status = fs::symlink_status(file, ec);
  if (ec && ec != std::errc::no_such_file_or_directory)
    return fail(errc::unavailable, "cannot look at " + file.string() + ": " + ec.message());
  return fs::exists(status);
}

core::result<void> require_file(const fs::path& file, std::string_view what) {
  auto present = is_present(file);
  if (!present) return present.error();
  if (!*present) return fail(errc::not_found, std::string(what) + " " + file.string() + " does not exist");
  return {};
}

// Creates `folder` and its missing parents with mode 0700 (private from the first moment, whatever the
// umask), then makes sure `folder` itself is 0700.
core::result<void> make_private_folder(const fs::path& folder) {
  std::vector<fs::path> missing;
  std::error_code ec;
  for (auto p = folder; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it)
    if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST)
      return fail(errc::unavailable, "cannot create folder " + it->string() + ": " + std::strerror(errno));
  if (::chmod(folder.c_str(), 0700) != 0)
    return fail(errc::unavailable, "cannot restrict folder " + folder.string() + ": " + std::strerror(errno));
  return {};
}

// An exclusive lock on a folder for the scope (released when the descriptor closes), so that two
// processes starting on the same data folder never make two key pairs and mix their halves. The
// descriptor also syncs the folder, making the renames inside it durable.
class folder_lock {
 public:
  static core::result<folder_lock> acquire(const fs::path& folder) {
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return fail(errc::unavailable, "cannot open folder " + folder.string() + ": " + std::strerror(errno));
    folder_lock lock(fd);
    int locked;
    do locked = ::flock(fd, LOCK_EX);
    while (locked != 0 && errno == EINTR);
    if (locked != 0) return fail(errc::unavailable, "cannot lock folder " + folder.string() + ": " + std::strerror(errno));
    return lock;
  }
  folder_lock(folder_lock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  folder_lock& operator=(folder_lock&&) = delete;
  ~folder_lock() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool sync() const { return ::fsync(fd_) == 0; }

 private:
  explicit folder_lock(int fd) : fd_(fd) {}
  int fd_;
};

// true when both files are there, false when neither is; failed_precondition naming the missing one
// otherwise, since making a new pair would throw away a configured key or certificate.
core::result<bool> pair_present(const tls_files& files) {
  auto certificate = is_present(files.certificate);
  if (!certificate) return certificate.error();
  auto key = is_present(files.private_key);
  if (!key) return key.error();
  if (*certificate && *key) return true;
  if (!*certificate && !*key) return false;
  const auto& [missing, present] = *key ? std::pair(files.certificate, files.private_key)
                                        : std::pair(files.private_key, files.certificate);
  return fail(errc::failed_precondition, missing.string() + " is missing while " + present.string() +
                                             " exists; restore it, or remove both to make a new self-signed certificate");
}

core::result<pkey_ptr> make_p256_key() {
  pkey_ptr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  if (!key) return openssl_failure(errc::internal, "cannot make an ECDSA P-256 key");
  return key;
}

core::result<void> add_extension(X509* certificate, X509V3_CTX* context, int nid, const char* value) {
  extension_ptr extension(X509V3_EXT_conf_nid(nullptr, context, nid, value));
  if (!extension || X509_add_ext(certificate, extension.get(), -1) != 1)
    return openssl_failure(errc::internal, std::string("cannot add the certificate extension ") + OBJ_nid2sn(nid));
  return {};
}

// A self-signed certificate for localhost over `key`, fit for a browser exception or a pinned client.
core::result<x509_ptr> make_localhost_certificate(EVP_PKEY* key) {
  x509_ptr certificate(X509_new());
  if (!certificate) return openssl_failure(errc::internal, "cannot make a certificate");
  X509* x = certificate.get();

  std::array<unsigned char, 16> serial{};
  if (RAND_bytes(serial.data(), static_cast<int>(serial.size())) != 1)
    return openssl_failure(errc::internal, "no randomness available for a certificate serial");
  serial[0] = static_cast<unsigned char>(serial[0] | 1);  // never zero, which RFC 5280 forbids
  bignum_ptr number(BN_bin2bn(serial.data(), static_cast<int>(serial.size()), nullptr));
  auto* name = X509_get_subject_name(x);
  if (!number || !BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(x)) ||
      X509_set_version(x, X509_VERSION_3) != 1 ||
      !X509_gmtime_adj(X509_getm_notBefore(x), -backdate_seconds) ||
      !X509_time_adj_ex(X509_getm_notAfter(x), static_cast<int>(validity_days), -backdate_seconds, nullptr) ||
      X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("localhost"), -1,
                                 -1, 0) != 1 ||
      X509_set_issuer_name(x, name) != 1 || X509_set_pubkey(x, key) != 1)
    return openssl_failure(errc::internal, "cannot fill in the certificate");

  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, x, x, nullptr, nullptr, 0);
  for (auto [nid, value] : {std::pair{NID_basic_constraints, "critical,CA:FALSE"},
                            std::pair{NID_key_usage, "critical,digitalSignature"},
                            std::pair{NID_ext_key_usage, "serverAuth"},
                            std::pair{NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1"},
                            std::pair{NID_subject_key_identifier, "hash"}})
    if (auto added = add_extension(x, &context, nid, value); !added) return added.error();

  if (X509_sign(x, key, EVP_sha256()) <= 0) return openssl_failure(errc::internal, "cannot sign the certificate");
  return certificate;
}

// PEM text in a memory BIO that wipes its buffer when freed (it holds the private key).
core::result<bio_ptr> to_pem(const std::string& what, const auto& write) {
  bio_ptr bio(BIO_new(BIO_s_secmem()));
  if (!bio || write(bio.get()) != 1) return openssl_failure(errc::internal, "cannot encode the " + what);
  return bio;
}

std::string_view contents(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return {data, static_cast<std::size_t>(std::max(size, 0L))};
}

// Both files written whole, the key first: a crash between the two renames leaves only key.pem, which the
// next start reports rather than pairing it with a new certificate.
core::result<void> write_pair(const tls_files& files, std::string_view key_pem, std::string_view certificate_pem) {
  auto key_file = core::atomic_file::create(files.private_key, 0600);
  if (!key_file) return key_file.error();
  auto certificate_file = core::atomic_file::create(files.certificate, 0644);
  if (!certificate_file) return certificate_file.error();
  if (!key_file->write(key_pem) || !certificate_file->write(certificate_pem))
    return fail(errc::unavailable, "cannot write in " + files.private_key.parent_path().string() + ": " +
                                       std::strerror(errno));
  if (auto done = key_file->commit(); !done) return done.error();
  if (auto done = certificate_file->commit(); !done) {
    std::error_code ignored;
    fs::remove(files.private_key, ignored);
    return done.error();
  }
  return {};
}

core::result<bio_ptr> open_for_reading(const fs::path& file, std::string_view what) {
  if (auto present = require_file(file, what); !present) return present.error();
  bio_ptr bio(BIO_new_file(file.c_str(), "r"));
  if (!bio) return openssl_failure(errc::unavailable, "cannot read " + std::string(what) + " " + file.string());
  return bio;
}

core::result<x509_ptr> read_certificate(const fs::path& file) {
  auto bio = open_for_reading(file, "the certificate");
  if (!bio) return bio.error();
  x509_ptr certificate(PEM_read_bio_X509(bio->get(), nullptr, nullptr, nullptr));
  if (!certificate) return openssl_failure(errc::invalid_argument, file.string() + " holds no PEM certificate");
  return certificate;
}

// Refuses a passphrase instead of letting OpenSSL prompt for one on the terminal.
int no_passphrase(char*, int, int, void*) { return -1; }

core::result<pkey_ptr> read_private_key(const fs::path& file) {
  auto bio = open_for_reading(file, "the private key");
  if (!bio) return bio.error();
  pkey_ptr key(PEM_read_bio_PrivateKey(bio->get(), nullptr, no_passphrase, nullptr));
  if (!key)
    return openssl_failure(errc::invalid_argument, file.string() + " holds no unencrypted PEM private key");
  return key;
}

// ECDSA on P-256, P-384 or P-521, or RSA of at least 2048 bits: what browsers accept and 112-bit security.
core::result<void> check_key_strength(EVP_PKEY* key, const fs::path& file) {
  switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_EC: {
      std::array<char, 64> group{};
      std::size_t length = 0;
      if (EVP_PKEY_get_group_name(key, group.data(), group.size(), &length) == 1) {
        int nid = OBJ_sn2nid(group.data());
        if (nid == NID_undef) nid = EC_curve_nist2nid(group.data());
        if (nid == NID_X9_62_prime256v1 || nid == NID_secp384r1 || nid == NID_secp521r1) return {};
      }
      ERR_clear_error();
      return fail(errc::invalid_argument, file.string() + " holds an EC key on a curve other than P-256, P-384 or P-521");
    }
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS: {
      int bits = EVP_PKEY_get_bits(key);
      if (bits >= 2048) return {};
      return fail(errc::invalid_argument,
                  file.string() + " holds a " + std::to_string(bits) + "-bit RSA key; at least 2048 bits are needed");
    }
    default:
      return fail(errc::invalid_argument, file.string() + " holds a key that is neither ECDSA nor RSA");
  }
}

core::result<std::shared_ptr<ssl::context>> new_context(ssl::context::method method) {
  try {
    return std::make_shared<ssl::context>(method);
  } catch (const boost::system::system_error& e) {
    ERR_clear_error();
    return fail(errc::internal, std::string("cannot make a TLS context: ") + e.what());
  }
}

}  // namespace

core::result<ensured_tls> ensure_self_signed(const fs::path& data_dir) {
  const auto folder = data_dir / "tls";
  ensured_tls out{{folder / "cert.pem", folder / "key.pem"}, false};
  // There while a pair is being made: a start killed between the two renames
  // leaves it beside half a pair, which is then its own to make again (a
  // configured pair never has it, so it is never thrown away).
  const auto making = folder / ".making-self-signed";
  std::error_code ec;
  auto present = pair_present(out.files);
  if (present && *present && !fs::exists(making, ec)) return out;
  if (!present && !fs::exists(making, ec)) return present.error();

  if (auto made = make_private_folder(folder); !made) return made.error();
  auto lock = folder_lock::acquire(folder);
  if (!lock) return lock.error();
  if (fs::exists(making, ec)) {
    fs::remove(out.files.private_key, ec);
    fs::remove(out.files.certificate, ec);
  }
  // Another process may have made the pair while this one waited for the lock.
  present = pair_present(out.files);
  if (!present) return present.error();
  if (*present) return out;
  if (int fd = ::open(making.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600); fd >= 0) ::close(fd);
  else return fail(errc::unavailable, "cannot write in " + folder.string() + ": " + std::strerror(errno));
  if (!lock->sync()) return fail(errc::unavailable, "cannot sync folder " + folder.string() + ": " + std::strerror(errno));

  ERR_clear_error();
  auto key = make_p256_key();
  if (!key) return key.error();
  auto certificate = make_localhost_certificate(key->get());
  if (!certificate) return certificate.error();
  auto key_pem = to_pem("private key", [&](BIO* bio) {
    return PEM_write_bio_PrivateKey(bio, key->get(), nullptr, nullptr, 0, nullptr, nullptr);
  });
  if (!key_pem) return key_pem.error();
  auto certificate_pem = to_pem("certificate", [&](BIO* bio) { return PEM_write_bio_X509(bio, certificate->get()); });
  if (!certificate_pem) return certificate_pem.error();

  if (auto written = write_pair(out.files, contents(key_pem->get()), contents(certificate_pem->get())); !written)
    return written.error();
  fs::remove(making, ec);
  if (!lock->sync()) return fail(errc::unavailable, "cannot sync folder " + folder.string() + ": " + std::strerror(errno));
  out.created = true;
  return out;
}

core::result<std::string> certificate_fingerprint(const fs::path& certificate_pem) {
  ERR_clear_error();
  auto certificate = read_certificate(certificate_pem);
  if (!certificate) return certificate.error();
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (X509_digest(certificate->get(), EVP_sha256(), digest.data(), &length) != 1)
    return openssl_failure(errc::internal, "cannot hash the certificate " + certificate_pem.string());
  constexpr std::string_view hex = "0123456789ABCDEF";
  std::string text = "SHA256";
  for (unsigned int i = 0; i < length; ++i) {
    text += ':';
    text += hex[digest[i] >> 4];
    text += hex[digest[i] & 0x0f];
  }
  return text;
}

core::result<std::shared_ptr<ssl::context>> make_server_context(const tls_files& files) {
  ERR_clear_error();
  // The key is read and judged before anything else, so a weak or foreign key is reported by its name.
  auto key = read_private_key(files.private_key);
  if (!key) return key.error();
  if (auto strong = check_key_strength(key->get(), files.private_key); !strong) return strong.error();
  auto leaf = read_certificate(files.certificate);
  if (!leaf) return leaf.error();
  if (X509_check_private_key(leaf->get(), key->get()) != 1) {
    ERR_clear_error();
    return fail(errc::invalid_argument, "the private key " + files.private_key.string() +
                                            " does not match the certificate " + files.certificate.string());
  }

  auto context = new_context(ssl::context::tls_server);
  if (!context) return context.error();
  SSL_CTX* ctx = (*context)->native_handle();
  if (SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) != 1 ||
      SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION) != 1 || SSL_CTX_set_cipher_list(ctx, tls12_ciphers) != 1 ||
      SSL_CTX_set_num_tickets(ctx, 0) != 1)
    return openssl_failure(errc::internal, "cannot apply the TLS policy");
  // No tickets at all: SSL_OP_NO_TICKET alone still sends stateful tickets in TLS 1.3.
  SSL_CTX_set_options(ctx, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION |
                               SSL_OP_NO_TICKET);
  // 112-bit security whatever the system's openssl.cnf says: no SHA-1 signatures or weak intermediates.
  SSL_CTX_set_security_level(ctx, 2);

  if (SSL_CTX_use_certificate_chain_file(ctx, files.certificate.c_str()) != 1)
    return openssl_failure(errc::invalid_argument, "cannot load the certificate chain " + files.certificate.string());
  if (SSL_CTX_use_PrivateKey(ctx, key->get()) != 1 || SSL_CTX_check_private_key(ctx) != 1)
    return openssl_failure(errc::internal, "cannot use the private key " + files.private_key.string());
  return *context;
}

core::result<std::shared_ptr<ssl::context>> make_client_context(const fs::path& ca_pem, int min_version,
                                                                 int max_version) {
  ERR_clear_error();
  if (auto present = require_file(ca_pem, "the trusted certificate file"); !present) return present.error();
  // A cap below the floor pins the protocol to the cap: the caller asked for exactly that old version.
  if (max_version != 0 && max_version < min_version) min_version = max_version;

  auto context = new_context(ssl::context::tls_client);
  if (!context) return context.error();
  SSL_CTX* ctx = (*context)->native_handle();
  if (max_version != 0 && max_version < TLS1_2_VERSION) {
    // TLS 1.0 and 1.1 sign with SHA-1, which security level 1 and up refuse before a ClientHello is sent;
    // level 0 lets a test offer them so that the server's refusal is what gets tested.
    SSL_CTX_set_security_level(ctx, 0);
    if (SSL_CTX_set_cipher_list(ctx, "DEFAULT:@SECLEVEL=0") != 1)
      return openssl_failure(errc::internal, "cannot allow old cipher suites");
  }
  if (SSL_CTX_set_min_proto_version(ctx, min_version) != 1 ||
      (max_version != 0 && SSL_CTX_set_max_proto_version(ctx, max_version) != 1)) {
    ERR_clear_error();
    return fail(errc::invalid_argument, "unsupported TLS version bounds " + std::to_string(min_version) + ".." +
                                            std::to_string(max_version));
  }
  if (SSL_CTX_load_verify_file(ctx, ca_pem.c_str()) != 1)
    return openssl_failure(errc::invalid_argument, "cannot load trusted certificates from " + ca_pem.string());
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  return *context;
}

}  // namespace casechain::api
