// parse/doc_tree: ParseDocuments' roots, errors and budget, and the tree's
// small readers (Get, TextAt, IsTrue, Items).
#include "parse/doc_tree.h"

#include <gtest/gtest.h>

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "support/idp_doc.h"

namespace samlint::doc_tree {
namespace {

using testing::ParsedDoc;

// Every document of `text` parsed under `limits`: the roots, the error, the budget.
struct Parsed {
  explicit Parsed(const std::string& text, const Limits& l = {}) : limits(l), budget(limits) {
    error = ParseDocuments(text, "in.yaml", arena, roots, budget);
  }

  Limits limits;
  Budget budget;
  std::deque<Value> arena;
  std::vector<Node> roots;
  std::optional<std::string> error;
};

TEST(ParseDocuments, ReadsJson) {
  ParsedDoc doc("{\"Role\": {\"RoleName\": \"ops\", \"Max\": 3600}}");
  Node role = Get(doc.root, "Role");
  ASSERT_TRUE(IsMap(role));
  EXPECT_EQ(TextAt(role, "RoleName"), "ops");
  EXPECT_EQ(TextAt(role, "Max"), "3600");
}

TEST(ParseDocuments, ReadsEachDocumentOfAYamlStream) {
  Parsed p("a: 1\n---\nb: 2\n");
  ASSERT_FALSE(p.error.has_value()) << *p.error;
  ASSERT_EQ(p.roots.size(), 2U);
  EXPECT_EQ(TextAt(p.roots[0], "a"), "1");
  EXPECT_EQ(TextAt(p.roots[1], "b"), "2");
}

TEST(ParseDocuments, SkipsEmptyDocuments) {
  Parsed p("---\n---\na: 1\n");
  ASSERT_FALSE(p.error.has_value()) << *p.error;
  EXPECT_EQ(p.roots.size(), 1U);
}

TEST(ParseDocuments, InvalidTextIsAnErrorAtItsLine) {
  Parsed p("a: 1\nb: [1, 2\n");
  ASSERT_TRUE(p.error.has_value());
  EXPECT_EQ(p.error->rfind("in.yaml:", 0), 0U) << *p.error;
  EXPECT_NE(p.error->find("is not valid JSON or YAML"), std::string::npos) << *p.error;
}

TEST(ParseDocuments, RefusesNestingBeyondTheDepthLimit) {
  const std::string deep = std::string(kMaxDepth + 1, '[') + std::string(kMaxDepth + 1, ']');
  Parsed p(deep);
  ASSERT_TRUE(p.error.has_value());
  EXPECT_NE(p.error->find("nested more than"), std::string::npos) << *p.error;
  const std::string fine = std::string(kMaxDepth - 1, '[') + std::string(kMaxDepth - 1, ']');
  EXPECT_FALSE(Parsed(fine).error.has_value());
}

TEST(ParseDocuments, StopsAtTheJsonNodesLimit) {
  Limits limits;
  limits.json_nodes = 3;
  Parsed p("[1, 2, 3, 4, 5]", limits);
  ASSERT_TRUE(p.error.has_value());
  EXPECT_EQ(p.budget.limit, "json-nodes");
  EXPECT_EQ(p.error->rfind("in.yaml ", 0), 0U) << *p.error;
  EXPECT_NE(p.error->find("json-nodes"), std::string::npos) << *p.error;
}

TEST(ParseDocuments, AnAliasCostsWhatItStandsFor) {
  Parsed p("a: &x [1, 2, 3]\nb: *x\n");
  ASSERT_FALSE(p.error.has_value()) << *p.error;
  EXPECT_LT(p.budget.built, p.budget.values);
}

TEST(ParseDocuments, RefusesMoreDocumentsThanItReads) {
  std::string many;
  for (int i = 0; i < 10'002; ++i) many += "---\na: 1\n";
  Parsed p(many);
  ASSERT_TRUE(p.error.has_value());
  EXPECT_NE(p.error->find("more than 10000 documents"), std::string::npos) << *p.error;
}

TEST(DocTree, TextIgnoresApplicationTags) {
  ParsedDoc doc("a: !Ref Hours\nb: \"quoted\"\nc: ''\n");
  EXPECT_EQ(Text(Get(doc.root, "a")), std::nullopt);
  EXPECT_EQ(TextAt(doc.root, "b"), "quoted");
  EXPECT_EQ(TextAt(doc.root, "c"), std::nullopt);  // empty
  EXPECT_EQ(Text(Get(doc.root, "c")), "");
}

TEST(DocTree, GetOfAMissingKeyOrANonMapIsNull) {
  ParsedDoc doc("a: [1, 2]\n");
  EXPECT_EQ(Get(doc.root, "b"), nullptr);
  EXPECT_EQ(Get(Get(doc.root, "a"), "x"), nullptr);
  EXPECT_EQ(Items(Get(doc.root, "a")).size(), 2U);
  EXPECT_TRUE(Items(doc.root).empty());
  EXPECT_TRUE(Has(doc.root, "a"));
  EXPECT_FALSE(Has(doc.root, "b"));
}

TEST(DocTree, IsTrueOnlyForTheScalarTrue) {
  ParsedDoc doc("a: true\nb: \"true\"\nc: yes\nd: True\n");
  EXPECT_TRUE(IsTrue(Get(doc.root, "a")));
  EXPECT_TRUE(IsTrue(Get(doc.root, "b")));
  EXPECT_FALSE(IsTrue(Get(doc.root, "c")));
  EXPECT_FALSE(IsTrue(Get(doc.root, "d")));
  EXPECT_FALSE(IsTrue(nullptr));
}

}  // namespace
}  // namespace samlint::doc_tree
