#include "api/server/tls.hpp"
#include "tests/support/temp_dir.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <doctest/doctest.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <thread>
#include <vector>

using namespace casechain;
namespace asio = boost::asio;
namespace fs = std::filesystem;
using tcp = asio::ip::tcp;

namespace {

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
using bignum_ptr = std::unique_ptr<BIGNUM, free_with<BN_free>>;
using general_names_ptr = std::unique_ptr<GENERAL_NAMES, free_with<GENERAL_NAMES_free>>;
using basic_constraints_ptr = std::unique_ptr<BASIC_CONSTRAINTS, free_with<BASIC_CONSTRAINTS_free>>;

unsigned mode_of(const fs::path& p) {
  struct stat info {};
  REQUIRE(::stat(p.c_str(), &info) == 0);
  return info.st_mode & 0777;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

x509_ptr read_certificate(const fs::path& p) {
  bio_ptr bio(BIO_new_file(p.c_str(), "r"));
  REQUIRE(bio);
  x509_ptr certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  REQUIRE(certificate);
  return certificate;
}

pkey_ptr read_key(const fs::path& p) {
  bio_ptr bio(BIO_new_file(p.c_str(), "r"));
  REQUIRE(bio);
  pkey_ptr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  REQUIRE(key);
  return key;
}

api::tls_files made_certificate(const test::temp_dir& tmp, const std::string& name = "data") {
  auto ensured = api::ensure_self_signed(tmp / name);
  REQUIRE(ensured);
  return ensured->files;
}

// A key pair of any kind written as FOLDER/cert.pem (self-signed, minimal) and FOLDER/key.pem, optionally
// encrypted with `passphrase`; for the keys ensure_self_signed never makes.
api::tls_files write_pair(const fs::path& folder, EVP_PKEY* key, const char* passphrase = nullptr) {
  fs::create_directories(folder);
  x509_ptr certificate(X509_new());
  X509* x = certificate.get();
  REQUIRE(X509_set_version(x, X509_VERSION_3) == 1);
  REQUIRE(ASN1_INTEGER_set(X509_get_serialNumber(x), 1) == 1);
  REQUIRE(X509_gmtime_adj(X509_getm_notBefore(x), 0));
  REQUIRE(X509_gmtime_adj(X509_getm_notAfter(x), 86400));
  REQUIRE(X509_NAME_add_entry_by_txt(X509_get_subject_name(x), "CN", MBSTRING_ASC,
                                     reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0) == 1);
  REQUIRE(X509_set_issuer_name(x, X509_get_subject_name(x)) == 1);
  REQUIRE(X509_set_pubkey(x, key) == 1);
  REQUIRE(X509_sign(x, key, EVP_sha256()) > 0);

  api::tls_files files{folder / "cert.pem", folder / "key.pem"};
  bio_ptr certificate_out(BIO_new_file(files.certificate.c_str(), "w"));
  REQUIRE(PEM_write_bio_X509(certificate_out.get(), x) == 1);
  bio_ptr key_out(BIO_new_file(files.private_key.c_str(), "w"));
  const EVP_CIPHER* cipher = passphrase ? EVP_aes_256_cbc() : nullptr;
  REQUIRE(PEM_write_bio_PrivateKey(key_out.get(), key, cipher, nullptr, 0, nullptr, const_cast<char*>(passphrase)) ==
          1);
  return files;
}

pkey_ptr rsa_key(unsigned bits) {
  pkey_ptr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<std::size_t>(bits)));
  REQUIRE(key);
  return key;
}

// The OpenSSL reason behind an Asio SSL error, e.g. SSL_R_UNSUPPORTED_PROTOCOL.
int ssl_reason(const boost::system::error_code& ec) {
  if (ec.category() != asio::error::get_ssl_category()) return 0;
  return ERR_GET_REASON(static_cast<unsigned long>(ec.value()));
}

struct handshake_outcome {
  boost::system::error_code client_error;
  boost::system::error_code server_error;
  long verify_result = -1;  // as the client saw it
  int version = 0;          // negotiated, as the client saw it
  std::string cipher;
  std::string received;     // what the server sent once the handshake was done
  bool ticket = false;      // whether the server handed out a session ticket
};

// A real TLS connection on 127.0.0.1: a server thread accepts one connection with `server_context`,
// completes the handshake and sends "ok"; the client verifies the server's certificate for `host`.
handshake_outcome handshake(asio::ssl::context& server_context, asio::ssl::context& client_context,
                            const std::string& host = "localhost") {
  handshake_outcome out;
  asio::io_context server_io;
  tcp::acceptor acceptor(server_io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  const auto port = acceptor.local_endpoint().port();
  std::thread server([&] {
    asio::ssl::stream<tcp::socket> stream(server_io, server_context);
    acceptor.accept(stream.next_layer(), out.server_error);
    if (!out.server_error) stream.handshake(asio::ssl::stream_base::server, out.server_error);
    if (out.server_error) return;
    asio::write(stream, asio::buffer(std::string_view("ok")), out.server_error);
    // Wait for the client to hang up, so no unread bytes turn our close into a reset.
    std::array<char, 1> rest{};
    boost::system::error_code ignored;
    asio::read(stream, asio::buffer(rest), ignored);
  });

  asio::io_context client_io;
  {
    asio::ssl::stream<tcp::socket> stream(client_io, client_context);
    stream.set_verify_mode(asio::ssl::verify_peer);
    stream.set_verify_callback(asio::ssl::host_name_verification(host));
    boost::system::error_code not_an_address;
    asio::ip::make_address(host, not_an_address);
    if (not_an_address) SSL_set_tlsext_host_name(stream.native_handle(), host.c_str());  // SNI carries names only
    stream.next_layer().connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), out.client_error);
    if (!out.client_error) stream.handshake(asio::ssl::stream_base::client, out.client_error);
    out.verify_result = SSL_get_verify_result(stream.native_handle());
    if (!out.client_error) {
      out.version = SSL_version(stream.native_handle());
      out.cipher = SSL_CIPHER_get_name(SSL_get_current_cipher(stream.native_handle()));
      std::array<char, 2> buffer{};
      asio::read(stream, asio::buffer(buffer), out.client_error);
      out.received.assign(buffer.data(), buffer.size());
      out.ticket = SSL_SESSION_has_ticket(SSL_get0_session(stream.native_handle())) == 1;
    }
  }  // closing the client's socket ends whatever the server still waits for
  server.join();
  return out;
}

}  // namespace

TEST_SUITE("api/tls") {
  TEST_CASE("makes a self-signed certificate and a private key in a private folder") {
    test::temp_dir tmp;
    auto ensured = api::ensure_self_signed(tmp / "data");
    REQUIRE(ensured);
    CHECK(ensured->created);
    CHECK(ensured->files.certificate == tmp / "data" / "tls" / "cert.pem");
    CHECK(ensured->files.private_key == tmp / "data" / "tls" / "key.pem");
    CHECK(mode_of(tmp / "data") == 0700);
    CHECK(mode_of(tmp / "data" / "tls") == 0700);
    CHECK(mode_of(ensured->files.private_key) == 0600);
    CHECK(read_file(ensured->files.private_key).starts_with("-----BEGIN PRIVATE KEY-----\n"));
    CHECK(read_file(ensured->files.certificate).starts_with("-----BEGIN CERTIFICATE-----\n"));
    // Written whole and renamed into place: no temporary files left behind.
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(tmp / "data" / "tls")) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"cert.pem", "key.pem"});
  }

  TEST_CASE("a second call keeps the certificate it made") {
    test::temp_dir tmp;
    auto first = api::ensure_self_signed(tmp / "data");
    REQUIRE(first);
    auto fingerprint = api::certificate_fingerprint(first->files.certificate);
    REQUIRE(fingerprint);
    auto key = read_file(first->files.private_key);

    auto second = api::ensure_self_signed(tmp / "data");
    REQUIRE(second);
    CHECK_FALSE(second->created);
    CHECK(second->files.certificate == first->files.certificate);
    CHECK(api::certificate_fingerprint(second->files.certificate).value() == *fingerprint);
    CHECK(read_file(second->files.private_key) == key);
  }

  TEST_CASE("refuses to pair a configured key with a new certificate") {
    test::temp_dir tmp;
    auto files = made_certificate(tmp);
    auto key = read_file(files.private_key);
    fs::remove(files.certificate);

    auto again = api::ensure_self_signed(tmp / "data");
    REQUIRE_FALSE(again);
    CHECK(again.error().code == core::errc::failed_precondition);
    CHECK(again.error().message.find(files.certificate.string() + " is missing") != std::string::npos);
    CHECK_FALSE(fs::exists(files.certificate));
    CHECK(read_file(files.private_key) == key);
  }

  TEST_CASE("a pair half made by a start killed between its two renames is made again") {
    test::temp_dir tmp;
    auto files = made_certificate(tmp);
    auto key = read_file(files.private_key);
    fs::remove(files.certificate);
    // What a start killed after the key's rename leaves: the key and the marker it wrote first.
    { std::ofstream(files.certificate.parent_path() / ".making-self-signed"); }

    auto again = api::ensure_self_signed(tmp / "data");
    REQUIRE(again);
    CHECK(again->created);
    CHECK(fs::exists(files.certificate));
    CHECK(read_file(files.private_key) != key);
    CHECK_FALSE(fs::exists(files.certificate.parent_path() / ".making-self-signed"));
    CHECK(api::make_server_context(again->files));
  }

  TEST_CASE("refuses to replace the key of a configured certificate") {
    test::temp_dir tmp;
    auto files = made_certificate(tmp);
    auto certificate = read_file(files.certificate);
    fs::remove(files.private_key);

    auto again = api::ensure_self_signed(tmp / "data");
    REQUIRE_FALSE(again);
    CHECK(again.error().code == core::errc::failed_precondition);
    CHECK(again.error().message.find(files.private_key.string() + " is missing") != std::string::npos);
    CHECK_FALSE(fs::exists(files.private_key));
    CHECK(read_file(files.certificate) == certificate);
  }

  TEST_CASE("the certificate is for localhost, ECDSA P-256, valid 397 days from an hour ago, not a CA") {
    test::temp_dir tmp;
    auto files = made_certificate(tmp);
    auto certificate = read_certificate(files.certificate);
    X509* x = certificate.get();

    std::array<char, 64> common_name{};
    REQUIRE(X509_NAME_get_text_by_NID(X509_get_subject_name(x), NID_commonName, common_name.data(),
                                      static_cast<int>(common_name.size())) > 0);
    CHECK(std::string(common_name.data()) == "localhost");
    CHECK(X509_NAME_cmp(X509_get_subject_name(x), X509_get_issuer_name(x)) == 0);
    CHECK(X509_get_version(x) == X509_VERSION_3);

    general_names_ptr names(
        static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(x, NID_subject_alt_name, nullptr, nullptr)));
    REQUIRE(names);
    CHECK(sk_GENERAL_NAME_num(names.get()) == 3);
    CHECK(X509_check_host(x, "localhost", 0, 0, nullptr) == 1);
    CHECK(X509_check_ip_asc(x, "127.0.0.1", 0) == 1);
    CHECK(X509_check_ip_asc(x, "::1", 0) == 1);
    CHECK(X509_check_host(x, "casechain.example", 0, 0, nullptr) == 0);
    CHECK(X509_check_ip_asc(x, "10.0.0.1", 0) == 0);

    EVP_PKEY* public_key = X509_get0_pubkey(x);
    REQUIRE(public_key);
    CHECK(EVP_PKEY_get_base_id(public_key) == EVP_PKEY_EC);
    std::array<char, 64> group{};
    REQUIRE(EVP_PKEY_get_group_name(public_key, group.data(), group.size(), nullptr) == 1);
    CHECK(std::string(group.data()) == "prime256v1");
    CHECK(EVP_PKEY_eq(public_key, read_key(files.private_key).get()) == 1);
    CHECK(X509_get_signature_nid(x) == NID_ecdsa_with_SHA256);
    CHECK(X509_verify(x, public_key) == 1);

    int days = 0;
    int seconds = 0;
    REQUIRE(ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(x), X509_get0_notAfter(x)) == 1);
    CHECK(days == 397);
    CHECK(seconds == 0);
    REQUIRE(ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(x), nullptr) == 1);  // to now
    CHECK(days == 0);
    CHECK(seconds >= 3600);
    CHECK(seconds < 3700);

    basic_constraints_ptr constraints(
        static_cast<BASIC_CONSTRAINTS*>(X509_get_ext_d2i(x, NID_basic_constraints, nullptr, nullptr)));
    REQUIRE(constraints);
    CHECK(constraints->ca == 0);
    CHECK(X509_check_ca(x) == 0);
    CHECK(X509_EXTENSION_get_critical(X509_get_ext(x, X509_get_ext_by_NID(x, NID_basic_constraints, -1))) == 1);
    CHECK(X509_get_key_usage(x) == KU_DIGITAL_SIGNATURE);
    CHECK(X509_get_extended_key_usage(x) == XKU_SSL_SERVER);

    bignum_ptr serial(ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), nullptr));
    REQUIRE(serial);
    CHECK_FALSE(BN_is_negative(serial.get()));
    CHECK(BN_num_bits(serial.get()) <= 128);
    CHECK(BN_num_bits(serial.get()) > 96);  // random: shorter only once in 2^32
    auto other = read_certificate(made_certificate(tmp, "other").certificate);
    bignum_ptr other_serial(ASN1_INTEGER_to_BN(X509_get0_serialNumber(other.get()), nullptr));
    CHECK(BN_cmp(serial.get(), other_serial.get()) != 0);
  }

  TEST_CASE("the fingerprint is the SHA-256 of the DER certificate in colon-separated hex") {
    test::temp_dir tmp;
    auto files = made_certificate(tmp);
    auto fingerprint = api::certificate_fingerprint(files.certificate);
    REQUIRE(fingerprint);
    CHECK(std::regex_match(*fingerprint, std::regex("SHA256(:[0-9A-F]{2}){32}")));

    auto certificate = read_certificate(files.certificate);
    unsigned char* der = nullptr;
    int length = i2d_X509(certificate.get(), &der);
    REQUIRE(length > 0);
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int digest_length = 0;
    REQUIRE(EVP_Digest(der, static_cast<std::size_t>(length), digest.data(), &digest_length, EVP_sha256(), nullptr) ==
            1);
    OPENSSL_free(der);
    std::string expected = "SHA256";
    for (unsigned i = 0; i < digest_length; ++i) {
      std::array<char, 4> hex{};
      std::snprintf(hex.data(), hex.size(), ":%02X", digest[i]);
      expected += hex.data();
    }
    CHECK(*fingerprint == expected);
    CHECK(api::certificate_fingerprint(made_certificate(tmp, "other").certificate).value() != *fingerprint);

    auto missing = api::certificate_fingerprint(tmp / "none.pem");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == core::errc::not_found);
    CHECK(missing.error().message.find((tmp / "none.pem").string()) != std::string::npos);
    { std::ofstream(tmp / "garbage.pem") << "not a certificate\n"; }
    auto garbage = api::certificate_fingerprint(tmp / "garbage.pem");
    REQUIRE_FALSE(garbage);
    CHECK(garbage.error().code == core::errc::invalid_argument);
    // The key file is PEM too, but not a certificate.
    auto key = api::certificate_fingerprint(files.private_key);
    REQUIRE_FALSE(key);
    CHECK(key.error().code == core::errc::invalid_argument);
  }

  TEST_CASE("a server context holds the made certificate and the TLS policy") {
    test::temp_dir tmp;
    auto context = api::make_server_context(made_certificate(tmp));
    REQUIRE(context);
    SSL_CTX* ctx = (*context)->native_handle();
    CHECK(SSL_CTX_get_min_proto_version(ctx) == TLS1_2_VERSION);
    CHECK(SSL_CTX_get_max_proto_version(ctx) == TLS1_3_VERSION);
    const auto options = SSL_CTX_get_options(ctx);
    CHECK((options & SSL_OP_CIPHER_SERVER_PREFERENCE) != 0);
    CHECK((options & SSL_OP_NO_COMPRESSION) != 0);
    CHECK((options & SSL_OP_NO_RENEGOTIATION) != 0);
    CHECK((options & SSL_OP_NO_TICKET) != 0);
    CHECK(SSL_CTX_get_num_tickets(ctx) == 0);
    CHECK(SSL_CTX_get0_certificate(ctx) != nullptr);
    CHECK(SSL_CTX_get0_privatekey(ctx) != nullptr);
    // Every TLS 1.2 suite on offer is ECDHE with an AEAD cipher.
    auto* ciphers = SSL_CTX_get_ciphers(ctx);
    REQUIRE(ciphers);
    int tls12 = 0;
    for (int i = 0; i < sk_SSL_CIPHER_num(ciphers); ++i) {
      const SSL_CIPHER* cipher = sk_SSL_CIPHER_value(ciphers, i);
      if (std::string_view(SSL_CIPHER_get_version(cipher)) == "TLSv1.3") continue;
      ++tls12;
      CAPTURE(SSL_CIPHER_get_name(cipher));
      CHECK(SSL_CIPHER_get_kx_nid(cipher) == NID_kx_ecdhe);
      CHECK(SSL_CIPHER_is_aead(cipher) == 1);
    }
    CHECK(tls12 == 6);
  }

  TEST_CASE("a server context names a missing file") {
    test::temp_dir tmp;
    auto files = made_certificate(tmp);
    auto no_certificate = api::make_server_context({tmp / "none.pem", files.private_key});
    REQUIRE_FALSE(no_certificate);
    CHECK(no_certificate.error().code == core::errc::not_found);
    CHECK(no_certificate.error().message.find((tmp / "none.pem").string()) != std::string::npos);
    auto no_key = api::make_server_context({files.certificate, tmp / "none-key.pem"});
    REQUIRE_FALSE(no_key);
    CHECK(no_key.error().code == core::errc::not_found);
    CHECK(no_key.error().message.find((tmp / "none-key.pem").string()) != std::string::npos);
  }

  TEST_CASE("a server context refuses a key that does not match the certificate") {
    test::temp_dir tmp;
    auto ours = made_certificate(tmp, "ours");
    auto theirs = made_certificate(tmp, "theirs");
    auto mixed = api::make_server_context({ours.certificate, theirs.private_key});
    REQUIRE_FALSE(mixed);
    CHECK(mixed.error().code == core::errc::invalid_argument);
    CHECK(mixed.error().message.find("does not match") != std::string::npos);
    CHECK(mixed.error().message.find(theirs.private_key.string()) != std::string::npos);
    CHECK(mixed.error().message.find(ours.certificate.string()) != std::string::npos);
  }

  TEST_CASE("a server context refuses an RSA key under 2048 bits and accepts RSA-2048") {
    test::temp_dir tmp;
    auto weak = write_pair(tmp / "weak", rsa_key(1024).get());
    auto refused = api::make_server_context(weak);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == core::errc::invalid_argument);
    CHECK(refused.error().message.find(weak.private_key.string()) != std::string::npos);
    CHECK(refused.error().message.find("1024") != std::string::npos);
    CHECK(refused.error().message.find("PRIVATE KEY") == std::string::npos);

    auto strong = write_pair(tmp / "strong", rsa_key(2048).get());
    CHECK(api::make_server_context(strong));
  }

  TEST_CASE("a server context refuses an encrypted key without prompting for a passphrase") {
    test::temp_dir tmp;
    pkey_ptr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    REQUIRE(key);
    auto files = write_pair(tmp / "encrypted", key.get(), "correct horse");
    REQUIRE(read_file(files.private_key).starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    auto refused = api::make_server_context(files);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == core::errc::invalid_argument);
    CHECK(refused.error().message.find(files.private_key.string()) != std::string::npos);
    CHECK(ERR_peek_error() == 0);  // the OpenSSL error queue is left clean
  }

  TEST_CASE("a client context needs its trusted certificates") {
    test::temp_dir tmp;
    auto missing = api::make_client_context(tmp / "ca.pem");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == core::errc::not_found);
    { std::ofstream(tmp / "garbage.pem") << "not a certificate\n"; }
    auto garbage = api::make_client_context(tmp / "garbage.pem");
    REQUIRE_FALSE(garbage);
    CHECK(garbage.error().code == core::errc::invalid_argument);
    auto files = made_certificate(tmp);
    auto bad_version = api::make_client_context(files.certificate, 12345);
    REQUIRE_FALSE(bad_version);
    CHECK(bad_version.error().code == core::errc::invalid_argument);
  }

  TEST_CASE("a loopback handshake negotiates TLS 1.3 and verifies the certificate") {
    test::temp_dir tmp;
    auto files = made_certificate(tmp);
    auto server = api::make_server_context(files);
    auto client = api::make_client_context(files.certificate);
    REQUIRE(server);
    REQUIRE(client);
    auto outcome = handshake(**server, **client);
    CHECK_MESSAGE(!outcome.client_error, outcome.client_error.message());
    CHECK_MESSAGE(!outcome.server_error, outcome.server_error.message());
    CHECK(outcome.verify_result == X509_V_OK);
    CHECK(outcome.version == TLS1_3_VERSION);
    CHECK(outcome.received == "ok");
    CHECK_FALSE(outcome.ticket);
  }

  TEST_CASE("a client capped at TLS 1.2 gets TLS 1.2 with ECDHE and AES-GCM") {
    test::temp_dir tmp;
    auto files = made_certificate(tmp);
    auto server = api::make_server_context(files);
    auto client = api::make_client_context(files.certificate, TLS1_2_VERSION, TLS1_2_VERSION);
    REQUIRE(server);
    REQUIRE(client);
    auto outcome = handshake(**server, **client);
    CHECK_MESSAGE(!outcome.client_error, outcome.client_error.message());
    CHECK(outcome.version == TLS1_2_VERSION);
    CHECK(outcome.cipher == "ECDHE-ECDSA-AES128-GCM-SHA256");  // the server's first choice
    CHECK(outcome.received == "ok");
    CHECK_FALSE(outcome.ticket);
  }

  TEST_CASE("the server refuses a client capped at TLS 1.1") {
    test::temp_dir tmp;
    auto files = made_certificate(tmp);
    auto server = api::make_server_context(files);
    auto client = api::make_client_context(files.certificate, TLS1_VERSION, TLS1_1_VERSION);
    REQUIRE(server);
    REQUIRE(client);
    auto outcome = handshake(**server, **client);
    CHECK(outcome.client_error);
    REQUIRE(outcome.server_error);
    CAPTURE(outcome.server_error.message());
    CHECK(ssl_reason(outcome.server_error) == SSL_R_UNSUPPORTED_PROTOCOL);  // refused by the server, not the client
    CHECK(outcome.version == 0);
  }

  TEST_CASE("the server refuses TLS 1.2 suites without AEAD") {
    test::temp_dir tmp;
    auto files = made_certificate(tmp);
    auto server = api::make_server_context(files);
    auto client = api::make_client_context(files.certificate, TLS1_2_VERSION, TLS1_2_VERSION);
    REQUIRE(server);
    REQUIRE(client);
    REQUIRE(SSL_CTX_set_cipher_list((*client)->native_handle(), "ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA") ==
            1);
    auto outcome = handshake(**server, **client);
    CHECK(outcome.client_error);
    REQUIRE(outcome.server_error);
    CAPTURE(outcome.server_error.message());
    CHECK(ssl_reason(outcome.server_error) == SSL_R_NO_SHARED_CIPHER);
  }

  TEST_CASE("a client trusting another certificate fails verification") {
    test::temp_dir tmp;
    auto files = made_certificate(tmp);
    auto stranger = made_certificate(tmp, "stranger");
    auto server = api::make_server_context(files);
    auto client = api::make_client_context(stranger.certificate);
    REQUIRE(server);
    REQUIRE(client);
    auto outcome = handshake(**server, **client);
    REQUIRE(outcome.client_error);
    CAPTURE(outcome.client_error.message());
    CHECK(ssl_reason(outcome.client_error) == SSL_R_CERTIFICATE_VERIFY_FAILED);
    CHECK(outcome.verify_result != X509_V_OK);
    CHECK(outcome.server_error);
    CHECK(outcome.received.empty());
  }

  TEST_CASE("host name verification follows the certificate's names") {
    test::temp_dir tmp;
    auto files = made_certificate(tmp);
    auto server = api::make_server_context(files);
    auto client = api::make_client_context(files.certificate);
    REQUIRE(server);
    REQUIRE(client);
    auto by_address = handshake(**server, **client, "127.0.0.1");
    CHECK_MESSAGE(!by_address.client_error, by_address.client_error.message());
    CHECK(by_address.received == "ok");
    auto other_name = handshake(**server, **client, "casechain.example");
    REQUIRE(other_name.client_error);
    CHECK(ssl_reason(other_name.client_error) == SSL_R_CERTIFICATE_VERIFY_FAILED);
    CHECK(other_name.received.empty());
  }
}
