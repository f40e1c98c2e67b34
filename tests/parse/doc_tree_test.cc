// parse/doc_tree: JSON/YAML documents read into the shared tree, with the
// nesting refused before yaml-cpp sees it and errors that name the source.
#include "parse/doc_tree.h"

#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <vector>

#include "samlint/limits.h"

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

}  // namespace
}  // namespace samlint::doc_tree
