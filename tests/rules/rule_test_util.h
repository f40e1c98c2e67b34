// Small helpers shared by the per-rule tests in tests/rules/*_test.cc.
// Header-only; every function is inline. Expectations in those tests come
// from /work/shared/spec (cli-contract.md, lifetime-rules.md), not from src/.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samlint/check.h"
#include "samlint/diagnostic.h"
#include "samlint/options.h"
#include "samlint/result.h"
#include "samlint/scenario.h"
#include "samlint/timestamp.h"
#include "support/saml_builder.h"

/// Every diagnostic of `rule`, in report order.
inline std::vector<const samlint::Diagnostic*> DiagnosticsWithRule(
    const samlint::CheckResult& result, std::string_view rule) {
  std::vector<const samlint::Diagnostic*> found;
  for (const samlint::Diagnostic& d : result.diagnostics) {
    if (d.rule == rule) found.push_back(&d);
  }
  return found;
}

/// The first element of `items` that `matches`, or nullptr.
template <typename Item, typename Matches>
const Item* FirstOrNull(const std::vector<Item>& items, Matches matches) {
  const auto it = std::find_if(items.begin(), items.end(), matches);
  return it == items.end() ? nullptr : &*it;
}

/// The first diagnostic of `rule`, or nullptr.
inline const samlint::Diagnostic* FindDiagnostic(const samlint::CheckResult& result,
                                                 std::string_view rule) {
  return FirstOrNull(result.diagnostics,
                     [&](const samlint::Diagnostic& d) { return d.rule == rule; });
}

/// The first diagnostic of `rule` about `scenario` (e.g. "aws:saml-console"), or nullptr.
inline const samlint::Diagnostic* FindDiagnostic(const samlint::CheckResult& result,
                                                 std::string_view rule, std::string_view scenario) {
  return FirstOrNull(result.diagnostics, [&](const samlint::Diagnostic& d) {
    return d.rule == rule && d.scenario == scenario;
  });
}

inline bool HasRule(const samlint::CheckResult& result, std::string_view rule) {
  return FindDiagnostic(result, rule) != nullptr;
}

/// One line per diagnostic, for failure messages: "rule [severity] scenario @line:col: message".
inline std::string Describe(const samlint::CheckResult& result) {
  std::string out = "kind " + std::string(samlint::ResultKindName(result.kind)) + ", " +
                    std::to_string(result.diagnostics.size()) + " diagnostic(s):\n";
  for (const samlint::Diagnostic& d : result.diagnostics) {
    out += "  " + d.rule + " [" + std::string(samlint::SeverityName(d.severity)) + "]";
    if (!d.scenario.empty()) out += " " + d.scenario;
    if (d.location) {
      out += " @" + std::to_string(d.location->line) + ":" + std::to_string(d.location->column);
    }
    out += ": " + d.message + "\n";
  }
  return out;
}

/// The first evaluation of `scenario`, or nullptr.
inline const samlint::Evaluation* FindEvaluation(const samlint::CheckResult& result,
                                                 samlint::ScenarioId scenario) {
  return FirstOrNull(result.evaluations,
                     [&](const samlint::Evaluation& e) { return e.scenario == scenario; });
}

/// The factor `name` of `evaluation` (not its context), or nullptr.
inline const samlint::Factor* FindFactor(const samlint::Evaluation& evaluation,
                                         samlint::FactorName name) {
  return FirstOrNull(evaluation.factors, [&](const samlint::Factor& f) { return f.name == name; });
}

/// An xs:dateTime that must parse (fails the test otherwise).
inline samlint::Timestamp Utc(std::string_view text) {
  std::optional<samlint::Timestamp> t = samlint::ParseDateTime(text);
  EXPECT_TRUE(t.has_value()) << text;
  return t.value_or(samlint::Timestamp{});
}

/// CheckBytes on a document named "test.xml".
inline samlint::CheckResult CheckXml(const std::string& xml,
                                     const samlint::CheckOptions& options = {}) {
  return samlint::CheckBytes("test.xml", xml, options);
}

/// CheckDeclarations for option-only scenarios; an empty result (and a
/// failure) when the library returns none.
inline samlint::CheckResult CheckOptionsOnly(const samlint::CheckOptions& options) {
  std::optional<samlint::CheckResult> result = samlint::CheckDeclarations(options);
  EXPECT_TRUE(result.has_value()) << "CheckDeclarations returned nullopt";
  return result.value_or(samlint::CheckResult{});
}

/// 1-based byte column of the first occurrence of `needle` in `text` (0 if absent).
inline int ColumnOf(const std::string& text, std::string_view needle) {
  std::size_t pos = text.find(needle);
  if (pos == std::string::npos) return 0;
  std::size_t line_start = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  line_start = (line_start == std::string::npos || pos == 0) ? 0 : line_start + 1;
  return static_cast<int>(pos - line_start) + 1;
}

/// `d` is located on the line of the first `needle` in `xml`; a fatal
/// failure when the needle is not in the document or `d` has no location.
inline void ExpectOnTheLineOf(const samlint::Diagnostic& d, const std::string& xml,
                              const std::string& needle) {
  ASSERT_NE(samlint::testing::LineOf(xml, needle), 0) << "needle not in the document: " << needle;
  ASSERT_TRUE(d.location.has_value()) << d.rule << " has no location; expected at " << needle;
  EXPECT_EQ(d.location->line, samlint::testing::LineOf(xml, needle)) << d.rule << " at " << needle;
}

/// `d` is located on the line of the first `needle` in `xml`, at its first byte.
inline void ExpectLocatedAt(const samlint::Diagnostic& d, const std::string& xml,
                            std::string_view needle) {
  const std::string n(needle);
  ASSERT_NO_FATAL_FAILURE(ExpectOnTheLineOf(d, xml, n));
  EXPECT_EQ(d.location->column, ColumnOf(xml, n)) << d.rule << " at " << n;
}

/// `d` is located on the line of the first `needle` in `xml`, at a column
/// inside `needle` (for findings whose exact column is the implementation's
/// choice: the element's '<', an attribute name or the start of a value).
inline void ExpectLocatedWithin(const samlint::Diagnostic& d, const std::string& xml,
                                std::string_view needle) {
  const std::string n(needle);
  ASSERT_NO_FATAL_FAILURE(ExpectOnTheLineOf(d, xml, n));
  const int first = ColumnOf(xml, n);
  const int last = first + static_cast<int>(n.size()) - 1;
  EXPECT_GE(d.location->column, first) << d.rule << " in " << n;
  EXPECT_LE(d.location->column, last) << d.rule << " in " << n;
}

/// `d` is located somewhere between the lines of `from` and `to` (inclusive).
inline void ExpectLocatedBetween(const samlint::Diagnostic& d, const std::string& xml,
                                 std::string_view from, std::string_view to) {
  const int first = samlint::testing::LineOf(xml, std::string(from));
  const int last = samlint::testing::LineOf(xml, std::string(to));
  ASSERT_NE(first, 0) << from;
  ASSERT_NE(last, 0) << to;
  ASSERT_TRUE(d.location.has_value()) << d.rule << " has no location";
  EXPECT_GE(d.location->line, first) << d.rule;
  EXPECT_LE(d.location->line, last) << d.rule;
}

/// The scenario ids as the contract spells them.
inline constexpr std::string_view kAwsSamlConsole = "aws:saml-console";
inline constexpr std::string_view kAwsSamlApi = "aws:saml-api";
inline constexpr std::string_view kAwsAssumeRole = "aws:assume-role";
inline constexpr std::string_view kAliyunSamlConsole = "aliyun:saml-console";
inline constexpr std::string_view kAliyunSamlApi = "aliyun:saml-api";

/// The role ARNs of the builder's default Role attribute.
inline const std::string kAwsOpsRole = "arn:aws:iam::123456789012:role/ops";
inline const std::string kAliyunOpsRole = "acs:ram::1234567890123456:role/ops";

/// Exactly one `rule` diagnostic, of `severity`; returns it (nullptr after a
/// failure, so that a caller which reads it further asserts it is not null).
inline const samlint::Diagnostic* ExpectOne(const samlint::CheckResult& result,
                                            std::string_view rule, samlint::Severity severity) {
  const auto found = DiagnosticsWithRule(result, rule);
  EXPECT_EQ(found.size(), 1u) << rule << " in " << Describe(result);
  if (found.size() != 1u) return nullptr;
  EXPECT_EQ(found[0]->severity, severity) << rule;
  return found[0];
}

/// ExpectOne, and the diagnostic located within the first `needle` of `xml`.
inline const samlint::Diagnostic* ExpectOneWithin(const samlint::CheckResult& result,
                                                  const std::string& xml, std::string_view rule,
                                                  samlint::Severity severity,
                                                  std::string_view needle) {
  const samlint::Diagnostic* d = ExpectOne(result, rule, severity);
  if (d != nullptr) ExpectLocatedWithin(*d, xml, needle);
  return d;
}

/// `d`'s message holds every one of `parts`.
inline void ExpectMessageHas(const samlint::Diagnostic& d,
                             std::initializer_list<std::string_view> parts) {
  for (std::string_view part : parts) {
    EXPECT_THAT(d.message, ::testing::HasSubstr(std::string(part))) << d.rule;
  }
}

/// Options whose t_use is `now` (an xs:dateTime that must parse).
inline samlint::CheckOptions OptionsAt(std::string_view now) {
  samlint::CheckOptions options;
  options.now = Utc(now);
  return options;
}

/// The signature was judged `status` ("verified", "invalid", ...); a fatal
/// failure when the result has no signature (wrap in ASSERT_NO_FATAL_FAILURE).
inline void ExpectSignatureStatus(const samlint::CheckResult& result, std::string_view status) {
  ASSERT_TRUE(result.signature.has_value()) << Describe(result);
  EXPECT_EQ(result.signature->status, status);
}

/// Exactly one `rule` diagnostic, of `severity`, located within the first
/// `<ds:Signature ` of `xml`; returns it (nullptr after a failure).
inline const samlint::Diagnostic* ExpectOneAtTheSignature(const samlint::CheckResult& result,
                                                          const std::string& xml,
                                                          std::string_view rule,
                                                          samlint::Severity severity) {
  return ExpectOneWithin(result, xml, rule, severity, "<ds:Signature ");
}

/// A certificate-validity finding is about a file given on the command line,
/// not a place in the document; the contract does not fix a location. If one
/// is given, it must be the signature that was checked with the certificate.
inline void ExpectNoneOrAtTheSignature(const samlint::Diagnostic& d, const std::string& xml) {
  if (d.location.has_value()) ExpectLocatedWithin(d, xml, "<ds:Signature ");
}

/// Still checked with the anchor's key: verified, neither invalid nor
/// untrusted, and the first role reported as signed.
inline void ExpectVerifiedAndRoleSigned(const samlint::CheckResult& result) {
  ASSERT_NO_FATAL_FAILURE(ExpectSignatureStatus(result, "verified"));
  EXPECT_FALSE(HasRule(result, "signature-invalid")) << Describe(result);
  EXPECT_FALSE(HasRule(result, "signature-key-untrusted")) << Describe(result);
  ASSERT_FALSE(result.roles.empty());
  EXPECT_EQ(result.roles[0].is_signed, std::optional<bool>(true));
}

/// Options that evaluate the aws:saml-console scenario only.
inline samlint::CheckOptions ConsoleOnly() {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAwsSamlConsole};
  return options;
}
