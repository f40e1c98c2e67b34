#include "input/form_fields.h"

#include <algorithm>

#include "base/codec.h"

namespace samlint::input {

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
