#include "core/retention/retention_policy.hpp"

#include "core/retention/builtin_policies.hpp"

#include <boost/json/parse.hpp>

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace casechain::core::retention {
namespace {

namespace json = boost::json;

constexpr std::size_t max_policy_bytes = 64 * 1024;
constexpr std::int64_t max_years = 100;
constexpr std::int64_t max_days = 36500;

result<int> bounded_integer(const json::object& o, std::string_view key, std::int64_t limit, const std::string& where) {
  auto* v = o.if_contains(key);
  if (!v) return fail(errc::invalid_argument, where + "." + std::string(key) + ": missing");
  if (!v->is_int64() || v->as_int64() < 0 || v->as_int64() > limit)
    return fail(errc::invalid_argument, where + "." + std::string(key) + ": a whole number from 0 to " + std::to_string(limit));
  return static_cast<int>(v->as_int64());
}

result<period> parse_period(const json::object& periods, std::string_view name) {
  const std::string where = "periods." + std::string(name);
  auto* v = periods.if_contains(name);
  if (!v || !v->is_object()) return fail(errc::invalid_argument, where + ": missing (an object with years and days)");
  for (const auto& [key, value] : v->get_object())
    if (key != "years" && key != "days" && key != "after")
      return fail(errc::invalid_argument, where + ": unknown key '" + std::string(key) + "'");
  auto years = bounded_integer(v->get_object(), "years", max_years, where);
  if (!years) return years.error();
  auto days = bounded_integer(v->get_object(), "days", max_days, where);
  if (!days) return days.error();
  return period{*years, *days};
}

}  // namespace

timestamp after(timestamp t, const period& p) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const auto time_of_day = t - day;
  std::chrono::year_month_day ymd{day};
  ymd = ymd + std::chrono::years{p.years};
  if (!ymd.ok()) ymd = ymd.year() / ymd.month() / std::chrono::last;  // 29 February in a common year
  return timestamp{std::chrono::sys_days{ymd} + std::chrono::days{p.days} + time_of_day};
}

result<retention_policy> parse_retention_policy(std::string_view json_text) {
  if (json_text.size() > max_policy_bytes) return fail(errc::invalid_argument, "the retention policy is over 64 KiB");
  boost::system::error_code ec;
  auto document = json::parse(json_text, ec);
  if (ec || !document.is_object()) return fail(errc::invalid_argument, "the retention policy is not a JSON object");
  const auto& root = document.get_object();
  auto* format = root.if_contains("format");
  if (!format || !format->is_string() || format->get_string() != "casechain-retention")
    return fail(errc::invalid_argument, "format: must be \"casechain-retention\"");
  auto version = bounded_integer(root, "version", 1000000, "retention policy");
  if (!version) return version.error();
  auto* periods = root.if_contains("periods");
  if (!periods || !periods->is_object()) return fail(errc::invalid_argument, "periods: missing");
  for (const auto& [key, value] : periods->get_object())
    if (key != "closed_help_offer" && key != "closed_chain_case" && key != "report_without_case")
      return fail(errc::invalid_argument, "periods: unknown category '" + std::string(key) + "'");
  retention_policy p;
  p.version = "retention-" + std::to_string(*version);
  auto help = parse_period(periods->get_object(), "closed_help_offer");
  if (!help) return help.error();
  auto chain = parse_period(periods->get_object(), "closed_chain_case");
  if (!chain) return chain.error();
  auto reports = parse_period(periods->get_object(), "report_without_case");
  if (!reports) return reports.error();
  p.closed_help_offer = *help;
  p.closed_chain_case = *chain;
  p.report_without_case = *reports;
  return p;
}

retention_policy builtin_retention_policy() {
  for (const auto& file : builtin_files())
    if (file.name == "retention-1.json") {
      auto parsed = parse_retention_policy(file.bytes);
      if (parsed) return *parsed;
    }
  // The built-in file is checked by a test; reaching here is a build error.
  std::abort();
}

result<retention_policy> load_retention_policy(const std::optional<std::filesystem::path>& override_file,
                                               const std::filesystem::path& data_folder_file) {
  std::error_code ec;
  std::optional<std::filesystem::path> file = override_file;
  if (!file && std::filesystem::exists(data_folder_file, ec)) file = data_folder_file;
  if (!file) return builtin_retention_policy();
  std::ifstream in(*file, std::ios::binary);
  if (!in) return fail(errc::not_found, "cannot read the retention policy " + file->string());
  std::string text;
  text.resize(max_policy_bytes + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  auto parsed = parse_retention_policy(text);
  if (!parsed) return fail(parsed.error().code, file->string() + ": " + parsed.error().message);
  return parsed;
}

}  // namespace casechain::core::retention
