#include "core/audit/audit_head.hpp"

#include "core/util/atomic_file.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

namespace casechain::core::audit {
namespace {

// "<id> <64 hex digits>\n"
std::string format_head(const audit_head& head) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string text = std::to_string(head.id) + " ";
  for (unsigned char byte : head.hash) {
    text += digits[byte >> 4];
    text += digits[byte & 0xf];
  }
  return text + "\n";
}

std::optional<audit_head> parse_head(std::string_view text) {
  audit_head head;
  auto space = text.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + space, head.id);
  if (ec != std::errc{} || end != text.data() + space || head.id < 1) return std::nullopt;
  auto hex = text.substr(space + 1);
  if (!hex.empty() && hex.back() == '\n') hex.remove_suffix(1);
  if (hex.size() != head.hash.size() * 2) return std::nullopt;
  for (std::size_t i = 0; i < head.hash.size(); ++i) {
    unsigned value = 0;
    auto [hex_end, hex_ec] = std::from_chars(hex.data() + 2 * i, hex.data() + 2 * i + 2, value, 16);
    if (hex_ec != std::errc{} || hex_end != hex.data() + 2 * i + 2) return std::nullopt;
    head.hash[i] = static_cast<unsigned char>(value);
  }
  return head;
}

}  // namespace

std::filesystem::path audit_head_file(const data_dir& dir) { return dir.secrets_dir() / "audit.head"; }

result<std::optional<audit_head>> read_audit_head(const data_dir& dir) {
  auto file = audit_head_file(dir);
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) return std::optional<audit_head>{};
    return fail(errc::unavailable, "cannot read " + file.string() + ": " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto head = parse_head(text.str());
  if (!head) return fail(errc::failed_precondition, file.string() + " is damaged: expected an entry id and its hash");
  return std::optional<audit_head>{*head};
}

result<void> write_audit_head(const data_dir& dir, const audit_head& head) {
  auto file = atomic_file::create(audit_head_file(dir));
  if (!file) return file.error();
  if (!file->write(format_head(head)))
    return fail(errc::unavailable, "cannot write " + audit_head_file(dir).string() + ": " + std::strerror(errno));
  // Not synced: the head may lag the trail after a power cut, which verification allows.
  return file->commit_unsynced();
}

}  // namespace casechain::core::audit
