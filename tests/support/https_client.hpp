#pragma once
// A small HTTPS client for integration tests: one TLS connection per
// request, verifying the server's certificate against a given CA file and
// the host name "localhost".

#include "api/server/tls.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <map>
#include <string>

namespace casechain::test {

namespace http = boost::beast::http;
using test_response = http::response<http::string_body>;

class https_client {
 public:
  https_client(const std::filesystem::path& ca_pem, unsigned short port) : port_(port) {
    context_ = api::make_client_context(ca_pem).value();
  }

  test_response send(http::verb method, const std::string& target, const std::string& body = {},
                     const std::map<std::string, std::string>& headers = {},
                     const std::string& content_type = "application/json") {
    namespace net = boost::asio;
    namespace beast = boost::beast;
    net::io_context ioc;
    beast::ssl_stream<beast::tcp_stream> stream(ioc, *context_);
    SSL_set_tlsext_host_name(stream.native_handle(), "localhost");
    stream.set_verify_callback(net::ssl::host_name_verification("localhost"));
    beast::get_lowest_layer(stream).connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port_));
    stream.handshake(net::ssl::stream_base::client);
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, "localhost");
    for (const auto& [name, value] : headers) req.set(name, value);
    if (!body.empty() || method == http::verb::post) {
      req.set(http::field::content_type, content_type);
      req.body() = body;
    }
    req.keep_alive(false);
    req.prepare_payload();
    // The server may answer (413) and close before an oversized body is all
    // written: a failed write still leaves its answer to read.
    beast::error_code write_error;
    http::write(stream, req, write_error);
    beast::flat_buffer buffer;
    test_response res;
    http::read(stream, buffer, res);
    beast::error_code ignored;
    stream.shutdown(ignored);
    return res;
  }

  test_response get(const std::string& target, const std::map<std::string, std::string>& headers = {}) {
    return send(http::verb::get, target, {}, headers);
  }
  test_response post(const std::string& target, const std::string& body,
                     const std::map<std::string, std::string>& headers = {}) {
    return send(http::verb::post, target, body, headers);
  }

 private:
  unsigned short port_;
  std::shared_ptr<boost::asio::ssl::context> context_;
};

inline std::map<std::string, std::string> bearer(const std::string& token) {
  return {{"Authorization", "Bearer " + token}};
}

}  // namespace casechain::test
