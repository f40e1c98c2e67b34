// parse/doc_tree: JSON/YAML documents read into the shared tree, with the
// nesting refused before yaml-cpp sees it and errors that name the source; the
// budget of a stream and the tree's small readers (Get, TextAt, IsTrue, Items).
#include "parse/doc_tree.h"

#include <gtest/gtest.h>

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "samlint/limits.h"
#include "support/idp_doc.h"

namespace samlint::doc_tree {
namespace {

TEST(DocTreeShape, AcceptsOrdinaryNesting) {
  EXPECT_TRUE(CheckShape("a:\n  b:\n    - [1, {c: 2}]\n", "ok.yaml").ok());
}

TEST(DocTreeShape, RefusesTextNestedTooDeeplyAtItsLine) {
  const std::string text = "a: 1\n" + std::string(kMaxDepth + 1, '[') + "\n";
  const Status shape = CheckShape(text, "deep.yaml");
  ASSERT_FALSE(shape.ok());
  EXPECT_EQ(shape.message(),
            "deep.yaml:2: is nested more than 200 levels deep; samlint refuses such "
            "declarations files");
}

TEST(DocTreeParse, ReturnsTheNonNullRootOfEachDocument) {
  const Limits limits;
  Budget budget(limits);
  std::deque<Value> arena;
  const Result<std::vector<Node>> roots =
      ParseDocuments("a: 1\n---\n---\n[1, 2]\n", "two.yaml", arena, budget);
  ASSERT_TRUE(roots.ok()) << roots.error();
  ASSERT_EQ(roots->size(), 2u);
  EXPECT_TRUE(IsMap(roots->front()));
  EXPECT_TRUE(IsSequence(roots->back()));
}

TEST(DocTreeParse, FailsWithTheSourceAndLine) {
  const Limits limits;
  Budget budget(limits);
  std::deque<Value> arena;
  const Result<std::vector<Node>> roots = ParseDocuments("a: [1, 2\n", "bad.yaml", arena, budget);
  ASSERT_FALSE(roots.ok());
  EXPECT_EQ(roots.error().rfind("bad.yaml:", 0), 0u) << roots.error();
  EXPECT_NE(roots.error().find(": is not valid JSON or YAML: "), std::string::npos)
      << roots.error();
  EXPECT_TRUE(budget.limit.empty());
}

TEST(DocTreeParse, ALimitNamesItself) {
  Limits limits;
  limits.json_nodes = 3;
  Budget budget(limits);
  std::deque<Value> arena;
  const Result<std::vector<Node>> roots =
      ParseDocuments("[1, 2, 3, 4, 5]\n", "many.json", arena, budget);
  ASSERT_FALSE(roots.ok());
  EXPECT_EQ(budget.limit, "json-nodes");
  EXPECT_EQ(roots.error().rfind("many.json holds more than 3 ", 0), 0u) << roots.error();
  EXPECT_NE(roots.error().find(LimitHint(limits, "json-nodes")), std::string::npos)
      << roots.error();
}

// Every document of `text` read with default limits into one arena.
struct Stream {
  explicit Stream(const std::string& text)
      : budget(limits), roots(ParseDocuments(text, "in.yaml", arena, budget)) {}

  Limits limits;
  Budget budget;
  std::deque<Value> arena;
  Result<std::vector<Node>> roots;
};

TEST(DocTreeParse, ReadsJson) {
  samlint::testing::ParsedDoc doc("{\"Role\": {\"RoleName\": \"ops\", \"Max\": 3600}}");
  Node role = Get(doc.root, "Role");
  ASSERT_TRUE(IsMap(role));
  EXPECT_EQ(TextAt(role, "RoleName"), "ops");
  EXPECT_EQ(TextAt(role, "Max"), "3600");
}

TEST(DocTreeParse, AnAliasCostsWhatItStandsFor) {
  Stream s("a: &x [1, 2, 3]\nb: *x\n");
  ASSERT_TRUE(s.roots.ok()) << s.roots.error();
  EXPECT_LT(s.budget.built, s.budget.values);
}

TEST(DocTreeParse, RefusesMoreDocumentsThanItReads) {
  std::string many;
  for (int i = 0; i < 10'002; ++i) many += "---\na: 1\n";
  Stream s(many);
  ASSERT_FALSE(s.roots.ok());
  EXPECT_NE(s.roots.error().find("more than 10000 documents"), std::string::npos)
      << s.roots.error();
}

TEST(DocTreeRead, TextIgnoresApplicationTags) {
  samlint::testing::ParsedDoc doc("a: !Ref Hours\nb: \"quoted\"\nc: ''\n");
  EXPECT_EQ(Text(Get(doc.root, "a")), std::nullopt);
  EXPECT_EQ(TextAt(doc.root, "b"), "quoted");
  EXPECT_EQ(TextAt(doc.root, "c"), std::nullopt);  // empty
  EXPECT_EQ(Text(Get(doc.root, "c")), "");
}

TEST(DocTreeRead, GetOfAMissingKeyOrANonMapIsNull) {
  samlint::testing::ParsedDoc doc("a: [1, 2]\n");
  EXPECT_EQ(Get(doc.root, "b"), nullptr);
  EXPECT_EQ(Get(Get(doc.root, "a"), "x"), nullptr);
  EXPECT_EQ(Items(Get(doc.root, "a")).size(), 2U);
  EXPECT_TRUE(Items(doc.root).empty());
  EXPECT_TRUE(Has(doc.root, "a"));
  EXPECT_FALSE(Has(doc.root, "b"));
}

TEST(DocTreeRead, IsTrueOnlyForTheScalarTrue) {
  samlint::testing::ParsedDoc doc("a: true\nb: \"true\"\nc: yes\nd: True\n");
  EXPECT_TRUE(IsTrue(Get(doc.root, "a")));
  EXPECT_TRUE(IsTrue(Get(doc.root, "b")));
  EXPECT_FALSE(IsTrue(Get(doc.root, "c")));
  EXPECT_FALSE(IsTrue(Get(doc.root, "d")));
  EXPECT_FALSE(IsTrue(nullptr));
}

}  // namespace
}  // namespace samlint::doc_tree
