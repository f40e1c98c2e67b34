// input/form_fields: form pairs of captures and STS query strings.
#include "input/form_fields.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace samlint::input {
namespace {

// SplitFormFields is base/codec's: tests/base/codec_test.cc tests it.

TEST(FormFields, FindFieldMatchesTheExactNameFirstComeFirst) {
  const std::vector<FormField> fields =
      SplitFormFields("RelayState=r&SAMLResponse=one&SAMLResponse=two");
  const FormField* found = FindField(fields, "SAMLResponse");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->value, "one");
  EXPECT_EQ(FindField(fields, "samlresponse"), nullptr);
}

TEST(FormFields, Base64ValueKeepsPlusAndTurnsSpaceBackIntoPlus) {
  EXPECT_EQ(DecodeBase64FormValue("PD94%2Bb+A%3D"), "PD94+b+A=");
  EXPECT_EQ(DecodeBase64FormValue("ab cd"), "ab+cd");
  EXPECT_EQ(DecodeBase64FormValue("ab%2"), "ab%2") << "a malformed escape stays as written";
}

}  // namespace
}  // namespace samlint::input
