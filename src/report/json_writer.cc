#include "report/json_writer.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace samlint {
namespace {

// Bytes a string body cannot copy as they are: control characters, '"', '\\',
// and every non-ASCII byte (whose sequence must be checked as UTF-8).
constexpr std::array<bool, 256> kNeedsCare = [] {
  std::array<bool, 256> care{};
  for (std::size_t b = 0; b < 0x20; ++b) care[b] = true;
  care['"'] = true;
  care['\\'] = true;
  for (std::size_t b = 0x80; b < 0x100; ++b) care[b] = true;
  return care;
}();

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

void AppendAsciiEscape(std::string& out, unsigned char b) {
  switch (b) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default: {
      constexpr char kHex[] = "0123456789abcdef";
      const char escape[] = {'\\', 'u', '0', '0', kHex[b >> 4], kHex[b & 0xF]};
      out.append(escape, sizeof escape);
    }
  }
}

}  // namespace

// Well-formed UTF-8 is RFC 3629's (Unicode Table 3-7): no overlongs, no
// surrogates, nothing above U+10FFFF. Where a sequence breaks, nlohmann's dump
// writes one U+FFFD for the bytes read so far and reads the breaking byte
// again as the start of what follows; a byte that can start no sequence is one
// U+FFFD; a sequence cut short by the end of the string is one U+FFFD.
void AppendJsonEscaped(std::string& out, std::string_view s) {
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    std::size_t run = i;
    while (run < n && !kNeedsCare[static_cast<unsigned char>(s[run])]) ++run;
    out.append(s.data() + i, run - i);
    i = run;
    if (i == n) break;

    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) {
      AppendAsciiEscape(out, lead);
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;  // the range of the byte after the lead
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;   // overlong below U+0800
      if (lead == 0xED) high = 0x9F;  // surrogates U+D800..U+DFFF
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;   // overlong below U+10000
      if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
      out += kReplacement;  // a continuation byte, C0, C1 or F5..FF
      ++i;
      continue;
    }
    std::size_t k = 1;
    for (; k < length; ++k) {
      if (i + k == n) {
        out += kReplacement;
        return;
      }
      const auto next = static_cast<unsigned char>(s[i + k]);
      if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) break;
    }
    if (k == length) {
      out.append(s.data() + i, length);
    } else {
      out += kReplacement;
    }
    i += k;
  }
}

void JsonWriter::NewLine(std::size_t depth) {
  // One append of a line break and the indentation, as reports are shallow.
  static constexpr std::string_view kBreak =
      "\n                                                                ";
  std::size_t spaces =
      static_cast<std::size_t>(margin_) + depth * static_cast<std::size_t>(indent_);
  const std::size_t first = std::min(spaces, kBreak.size() - 1);
  out_.append(kBreak.data(), first + 1);
  spaces -= first;
  if (spaces > 0) out_.append(spaces, ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;  // the top-level value
  if (!empty_.back()) out_ += ',';
  empty_.back() = false;
  if (indent_ >= 0) NewLine(empty_.size());
}

void JsonWriter::Close(char bracket) {
  const bool was_empty = empty_.back();
  empty_.pop_back();
  if (!was_empty && indent_ >= 0) NewLine(empty_.size());
  out_ += bracket;
}

JsonWriter& JsonWriter::BeginObject() {
  BeforeValue();
  out_ += '{';
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  Close('}');
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  BeforeValue();
  out_ += '[';
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  Close(']');
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  BeforeValue();
  out_ += '"';
  AppendJsonEscaped(out_, key);
  out_ += indent_ >= 0 ? "\": " : "\":";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  out_ += '"';
  AppendJsonEscaped(out_, value);
  out_ += '"';
  return *this;
}

JsonWriter& JsonWriter::Int(std::int64_t value) {
  BeforeValue();
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out_.append(digits, end);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
  return *this;
}

}  // namespace samlint
