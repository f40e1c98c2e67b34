// A JSON or YAML text parsed into the shared document tree, for the IdP
// configuration reader tests (tests/idp/*_test.cc). Header-only.
#pragma once

#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <vector>

#include "parse/doc_tree.h"
#include "samlint/limits.h"
#include "samlint/status.h"
#include "samlint/timestamp.h"

namespace samlint::testing {

/// One parsed document; `root` is null (and the test failed) when it does not parse.
struct ParsedDoc {
  explicit ParsedDoc(const std::string& text) {
    doc_tree::Budget budget(limits);
    const Result<std::vector<doc_tree::Node>> roots =
        doc_tree::ParseDocuments(text, "test", arena, budget);
    EXPECT_TRUE(roots.ok()) << roots.error();
    if (!roots.ok()) return;
    EXPECT_EQ(roots->size(), 1u);
    if (roots->size() == 1) root = roots->front();
  }

  Limits limits;
  std::deque<doc_tree::Value> arena;
  doc_tree::Node root = nullptr;
};

/// 2026-11-23T10:00:00Z, the moment of sign-in the IdP tests measure from.
inline Timestamp SignInTime() {
  return ParseDateTime("2026-11-23T10:00:00Z").value_or(Timestamp{});
}

}  // namespace samlint::testing
