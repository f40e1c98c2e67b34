// idp/terraform_resource: a plan resource as an application (PlanApp) and the
// plan's after_unknown markers (UnknownAt).
#include "idp/terraform_resource.h"

#include <gtest/gtest.h>

#include <string>

#include "support/idp_doc.h"

namespace samlint::idp {
namespace {

using testing::ParsedDoc;

constexpr const char* kPlanResource =
    "{\"address\": \"okta_app_saml.aws\",\n"
    " \"values\": {\"label\": \"AWS\"},\n"
    " \"after_unknown\": {\"id\": true, \"label\": false}}";

TfResource Resource(const ParsedDoc& doc) {
  TfResource r;
  r.address = "okta_app_saml.aws";
  r.type = "okta_app_saml";
  r.name = "aws";
  r.resource = doc.root;
  r.values = doc_tree::Get(doc.root, "values");
  r.unknown = doc_tree::Get(doc.root, "after_unknown");
  r.pointer = "/resource_changes/0";
  return r;
}

TEST(PlanApp, NamesTheApplicationAfterTheResource) {
  ParsedDoc doc(kPlanResource);
  App app = PlanApp(Resource(doc), "okta");
  EXPECT_EQ(app.part.idp, "okta");
  EXPECT_EQ(app.part.origin, "Terraform plan");
  EXPECT_EQ(app.part.pointer, "/resource_changes/0");
  EXPECT_EQ(app.part.name, "okta_app_saml.aws");
  EXPECT_EQ(app.offset, Pos(doc.root));
}

TEST(UnknownAt, IsTrueForAKeyKnownOnlyAfterApply) {
  ParsedDoc doc(kPlanResource);
  EXPECT_TRUE(UnknownAt(Resource(doc).unknown, "id"));
}

TEST(UnknownAt, IsFalseForAKnownOrAbsentKey) {
  ParsedDoc doc(kPlanResource);
  TfResource r = Resource(doc);
  EXPECT_FALSE(UnknownAt(r.unknown, "label"));
  EXPECT_FALSE(UnknownAt(r.unknown, "missing"));
  EXPECT_FALSE(UnknownAt(nullptr, "id"));
}

}  // namespace
}  // namespace samlint::idp
