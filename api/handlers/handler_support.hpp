#pragma once
// What handlers share: reading the JSON body (answering 400/415 when it
// cannot be read), writing JSON answers, and mapping domain objects to JSON.

#include "api/http/json_body.hpp"
#include "api/http/problem.hpp"
#include "api/http/router.hpp"
#include "core/model/case_record.hpp"
#include "core/model/chain_records.hpp"
#include "core/util/json_writer.hpp"

#include <boost/json/object.hpp>

#include <optional>

namespace casechain::api {

struct json_request {
  std::optional<boost::json::object> body;
  std::optional<response> problem;  // set when the body cannot be used
};
json_request read_json(const request_context& c, std::initializer_list<std::string_view> fields);

// Answers `status` with the JSON the writer function produces.
template <class Write>
core::result<response> answer(const request_context& c, http::status status, Write&& write) {
  std::string body;
  core::json_writer w(body);
  write(w);
  return json_response(status, std::move(body), c.req.version());
}

// A whole-number query parameter within bounds, `fallback` when absent.
core::result<int> query_number(const request_context& c, const char* name, int fallback, int low, int high);

// A list's page: `limit` (1 to `max_limit`, `default_limit` when absent) and `offset`.
struct page {
  int limit = 0;
  int offset = 0;
  // Writes the page's "limit" and "offset" fields into the answer's object.
  void write(core::json_writer& w) const;
};
core::result<page> query_page(const request_context& c, int default_limit, int max_limit);

void write_user(core::json_writer& w, const core::user& u);
void write_case_summary(core::json_writer& w, const core::case_record& c);
// One intervention, the same in the case answer and in the user's tasks.
void write_intervention(core::json_writer& w, const core::intervention& i);
void write_case_event(core::json_writer& w, const core::case_event& e);

}  // namespace casechain::api
