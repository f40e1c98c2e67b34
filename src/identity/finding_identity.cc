#include "identity/finding_identity.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace samlint {

namespace {

std::uint64_t Fnv1a64(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string Hex64(std::uint64_t value) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kHex[value & 0xF];
    value >>= 4;
  }
  return out;
}

// The message with every run of digits replaced by one 0: values and line
// numbers change between runs, the finding does not.
std::string WithoutNumbers(std::string_view message) {
  std::string out;
  bool in_digits = false;
  for (char c : message) {
    bool digit = c >= '0' && c <= '9';
    if (digit && !in_digits) out.push_back('0');
    if (!digit) out.push_back(c);
    in_digits = digit;
  }
  return out;
}

std::string Key(std::string_view rule, std::string_view artifact, std::string_view part,
                std::string_view scenario, std::string_view role, std::string_view message) {
  std::string key(rule);
  for (std::string_view field : {artifact, part, scenario, role}) {
    key.push_back('\x1f');
    key.append(field);
  }
  key.push_back('\x1f');
  key += WithoutNumbers(message);
  return key;
}

}  // namespace

std::string FindingFingerprint(std::string_view rule, std::string_view artifact,
                               std::string_view part, std::string_view scenario,
                               std::string_view role, std::string_view message, int occurrence) {
  std::string key = Key(rule, artifact, part, scenario, role, message);
  if (occurrence > 0) key += "\x1f#" + std::to_string(occurrence);
  return Hex64(Fnv1a64(key));
}

std::string FingerprintSequence::Next(std::string_view rule, std::string_view artifact,
                                      std::string_view part, std::string_view scenario,
                                      std::string_view role, std::string_view message) {
  int occurrence = seen_[Key(rule, artifact, part, scenario, role, message)]++;
  return FindingFingerprint(rule, artifact, part, scenario, role, message, occurrence);
}

std::vector<std::string> ResultFingerprints(const CheckResult& result, std::string_view artifact) {
  FingerprintSequence sequence;
  std::vector<std::string> out;
  for (const Diagnostic& d : result.diagnostics)
    out.push_back(sequence.Next(d.rule, artifact, result.part, d.scenario, d.role, d.message));
  return out;
}

std::string AbsoluteBase(std::string_view base_directory) {
  std::error_code ec;
  std::filesystem::path base = base_directory.empty() ? std::filesystem::current_path(ec)
                                                      : std::filesystem::path(base_directory);
  if (ec) base = ".";
  base = std::filesystem::absolute(base, ec).lexically_normal();
  std::string s = base.generic_string();
  if (s.empty() || s.back() != '/') s.push_back('/');
  return s;
}

std::string RelativeInputPath(std::string_view input, std::string_view base, bool* inside) {
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(std::filesystem::path(input), ec);
  if (ec) abs = std::filesystem::path(input);
  abs = abs.lexically_normal();
  std::string_view trimmed = base;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.remove_suffix(1);
  std::filesystem::path rel = abs.lexically_relative(std::filesystem::path(trimmed));
  bool is_inside = !rel.empty() && *rel.begin() != "." && *rel.begin() != "..";
  std::string rel_text = rel.generic_string();
  if (inside != nullptr) *inside = is_inside;
  return is_inside ? rel_text : abs.generic_string();
}

bool PositionsAreInFile(const CheckResult& result) {
  // An IdP configuration's positions are in the file itself, whatever its part.
  return (result.part.empty() && result.encoding == "xml") || result.kind == ResultKind::kIdpConfig;
}

std::string PercentEncodePath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                std::string_view("-._~/!$&'()*+,;=@").find(ch) != std::string_view::npos;
    if (keep) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

std::string FileUri(std::string_view absolute_path) {
  return "file://" + PercentEncodePath(absolute_path);
}

std::string SarifArtifactUri(std::string_view input, std::string_view base) {
  bool inside = false;
  std::string path = RelativeInputPath(input, base, &inside);
  return inside ? PercentEncodePath(path) : FileUri(path);
}

}  // namespace samlint
