#include "input/form_fields.h"

#include <algorithm>

#include "samlint/decode.h"

namespace samlint::input {

std::vector<FormField> SplitForm(std::string_view text) {
  std::vector<FormField> fields;
  while (!text.empty()) {
    const std::size_t amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    if (!pair.empty()) {
      const std::size_t eq = pair.find('=');
      fields.push_back(eq == std::string_view::npos
                           ? FormField{pair, {}}
                           : FormField{pair.substr(0, eq), pair.substr(eq + 1)});
    }
    if (amp == std::string_view::npos) {
      break;
    }
    text.remove_prefix(amp + 1);
  }
  return fields;
}

const FormField* FindField(const std::vector<FormField>& fields, std::string_view name) {
  for (const FormField& field : fields) {
    if (field.name == name) {
      return &field;
    }
  }
  return nullptr;
}

// Browsers send '+' as %2B, and a literal '+' from a hand-made body is
// base64's, never a space; old SAML-tracer versions turned '+' into a space.
std::string DecodeBase64FormValue(std::string_view value) {
  std::string out;
  if (!DecodePercent(value, out, /*plus_is_space=*/false)) {
    out = std::string(value);
  }
  std::replace(out.begin(), out.end(), ' ', '+');
  return out;
}

}  // namespace samlint::input
