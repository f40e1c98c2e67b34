// application/x-www-form-urlencoded fields as they sit in captures and STS
// query strings, for the artifact readers (input/*.cc). Internal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace samlint::input {

/// One name=value pair, still percent-encoded; views into the split text.
struct FormField {
  std::string_view name;
  std::string_view value;
};

/// The '&'-separated pairs of `text` in order; empty pairs are skipped and a
/// pair without '=' has an empty value.
std::vector<FormField> SplitForm(std::string_view text);

/// The first field named exactly `name`, or null.
const FormField* FindField(const std::vector<FormField>& fields, std::string_view name);

/// Percent-decodes a form value that is base64: '+' stays '+' and a space
/// becomes '+' again. A malformed escape keeps the value as written.
std::string DecodeBase64FormValue(std::string_view value);

}  // namespace samlint::input
