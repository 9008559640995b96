#pragma once
// TLS for the CaseChain server: the certificate and key of a data folder
// (DIR/tls/cert.pem, DIR/tls/key.pem; a self-signed one is made on first use)
// and the OpenSSL contexts built from them with CaseChain's protocol policy
// (TLS 1.2 and 1.3 only, ECDHE with AEAD, no compression, renegotiation or
// session tickets). It owns no sockets: the server and tests hand the contexts
// to their Asio streams.
// Errors: expected failures (missing or unreadable files, weak or mismatched
// keys) are returned as core::result and name the file; messages never hold
// key material. OpenSSL faults are internal/unavailable.
// Thread safety: every function may be called from any thread; a finished
// context is read-only and may be shared by all sessions.

#include "core/error.hpp"

#include <boost/asio/ssl/context.hpp>
#include <openssl/ssl.h>

#include <filesystem>
#include <memory>
#include <string>

namespace casechain::api {

struct tls_files {
  std::filesystem::path certificate;  // PEM; the leaf first, then any intermediates
  std::filesystem::path private_key;  // PEM, unencrypted
};

struct ensured_tls {
  tls_files files;
  bool created = false;  // true when a new self-signed certificate was made: print its fingerprint
};

// DIR/tls/{cert,key}.pem, making a self-signed localhost certificate when neither exists (creating the
// folders, 0700, key 0600, both written whole or not at all); failed_precondition naming the missing file
// when only one exists, since a configured key is never overwritten. Safe against a concurrent call.
core::result<ensured_tls> ensure_self_signed(const std::filesystem::path& data_dir);

// "SHA256:AB:CD:..." over the DER of the first certificate in the PEM file; not_found when the file is
// missing, invalid_argument when it holds no PEM certificate.
core::result<std::string> certificate_fingerprint(const std::filesystem::path& certificate_pem);

// A server context with the chain and key loaded; not_found for a missing file, invalid_argument for an
// unreadable or encrypted file, a key weaker than ECDSA P-256 or RSA-2048, or a key that does not match.
core::result<std::shared_ptr<boost::asio::ssl::context>> make_server_context(const tls_files& files);

// A client context that verifies the peer against the certificates in `ca_pem` (host names are checked by
// the caller's stream); a max_version below TLS 1.2 also lowers the client's security level so that the
// old protocol is really offered, which only tests should want. invalid_argument for a bad version.
core::result<std::shared_ptr<boost::asio::ssl::context>> make_client_context(const std::filesystem::path& ca_pem,
                                                                              int min_version = TLS1_2_VERSION,
                                                                              int max_version = 0);

}  // namespace casechain::api
