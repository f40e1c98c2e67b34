// input/form_fields: form pairs of captures and STS query strings.
#include "input/form_fields.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace samlint::input {
namespace {

TEST(FormFields, SplitsPairsInOrderAndSkipsEmptyOnes) {
  const std::vector<FormField> fields = SplitForm("a=1&&b&c=x=y&");
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[0].name, "a");
  EXPECT_EQ(fields[0].value, "1");
  EXPECT_EQ(fields[1].name, "b");
  EXPECT_EQ(fields[1].value, "");
  EXPECT_EQ(fields[2].name, "c");
  EXPECT_EQ(fields[2].value, "x=y");
  EXPECT_TRUE(SplitForm("").empty());
}

TEST(FormFields, FindFieldMatchesTheExactNameFirstComeFirst) {
  const std::vector<FormField> fields = SplitForm("RelayState=r&SAMLResponse=one&SAMLResponse=two");
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
