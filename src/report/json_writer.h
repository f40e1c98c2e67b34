// A JSON writer that appends straight to a string, with the bytes
// nlohmann::ordered_json::dump(indent, ' ', false, error_handler_t::replace)
// makes of the same tree, so the JSON report needs no tree per result.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace samlint {

/// Appends `s` as a JSON string body (no quotes) to `out`: '"', '\\' and control
/// characters escaped (\b \f \n \r \t, others as \u00xx), '/' and non-ASCII kept,
/// each invalid UTF-8 sequence replaced by U+FFFD where nlohmann's dump
/// (ensure_ascii false, error_handler_t::replace) replaces it.
void AppendJsonEscaped(std::string& out, std::string_view s);

/// Writes one JSON value (objects, arrays, scalars) to a string. Pretty
/// (`indent` >= 0): a member or element per line, `indent` spaces per level
/// after `margin` spaces on every line but the first, `[]` and `{}` when empty.
/// Compact (`indent` < 0): no whitespace. The caller keeps the calls well
/// nested (a Key before each object member's value); nothing is checked.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out, int indent = -1, int margin = 0)
      : out_(out), indent_(indent), margin_(margin) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  /// The name of the next object member.
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(std::int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();

 private:
  void BeforeValue();
  void NewLine(std::size_t depth);
  void Close(char bracket);

  std::string& out_;
  int indent_;
  int margin_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace samlint
