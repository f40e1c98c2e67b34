// JUnit XML (--format junit): a testsuite per result, a testcase per finding,
// failures for errors, well-formed whatever the messages quote.
#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "samlint/report.h"
#include "support/report_builders.h"

namespace samlint {
namespace {

using samlint::testing::Base64SignatureMissingResult;
using samlint::testing::Diag;
using samlint::testing::EmitReport;
using samlint::testing::XmlResult;

pugi::xml_document Parse(const std::string& xml) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_string(xml.c_str());
  EXPECT_TRUE(parsed) << parsed.description() << " at " << parsed.offset << " in\n" << xml;
  return doc;
}

TEST(ReportJunit, TestsuitePerResultTestcasePerFindingFailureForErrors) {
  CheckResult a =
      XmlResult("idp/a.xml", {Diag("xml-doctype", Severity::kError, "A DOCTYPE.", Location{3, 5}),
                              Diag("certificate-expired", Severity::kWarning, "Old.")});
  a.diagnostics[1].fix = "Rotate `the key`.";
  CheckResult b = XmlResult("idp/b.xml", {});
  pugi::xml_document doc = Parse(EmitReport(ReportFormat::kJunit, {a, b}));
  pugi::xml_node root = doc.child("testsuites");
  ASSERT_TRUE(root);
  EXPECT_STREQ(root.attribute("name").value(), "samlint");
  std::vector<pugi::xml_node> suites;
  for (pugi::xml_node s : root.children("testsuite")) suites.push_back(s);
  ASSERT_EQ(suites.size(), 2u);

  EXPECT_STREQ(suites[0].attribute("name").value(), "idp/a.xml");
  EXPECT_EQ(suites[0].attribute("tests").as_int(), 2);
  EXPECT_EQ(suites[0].attribute("failures").as_int(), 1);
  pugi::xml_node error_case = suites[0].child("testcase");
  EXPECT_STREQ(error_case.attribute("name").value(), "xml-doctype");
  EXPECT_STREQ(error_case.attribute("classname").value(), "idp/a.xml");
  EXPECT_STREQ(error_case.attribute("file").value(), "idp/a.xml");
  EXPECT_EQ(error_case.attribute("line").as_int(), 3);
  pugi::xml_node failure = error_case.child("failure");
  ASSERT_TRUE(failure);
  EXPECT_STREQ(failure.attribute("type").value(), "xml-doctype");
  EXPECT_STREQ(failure.attribute("message").value(), "A DOCTYPE.");
  EXPECT_STREQ(failure.text().get(), "error at line 3, column 5: A DOCTYPE.");

  pugi::xml_node warning_case = error_case.next_sibling("testcase");
  EXPECT_FALSE(warning_case.child("failure"));
  EXPECT_STREQ(warning_case.child("system-out").text().get(),
               "warning: Old.\nFix: Rotate `the key`.");

  // An input without findings is still a (passing) test.
  EXPECT_EQ(suites[1].attribute("tests").as_int(), 1);
  EXPECT_EQ(suites[1].attribute("failures").as_int(), 0);
  EXPECT_STREQ(suites[1].child("testcase").attribute("name").value(), "no findings");
}

TEST(ReportJunit, ScopeInTheNameAndPartInTheSuite) {
  CheckResult r = XmlResult(
      "cap.har", {Diag("lifetime-below-target", Severity::kError, "Short.", Location{9, 2})});
  r.part = "/log/entries/3";
  r.encoding = "base64";
  r.diagnostics[0].scenario = "aws:saml-console";
  r.diagnostics[0].role = "arn:aws:iam::123456789012:role/ops";
  pugi::xml_document doc = Parse(EmitReport(ReportFormat::kJunit, {r}));
  pugi::xml_node suite = doc.child("testsuites").child("testsuite");
  EXPECT_STREQ(suite.attribute("name").value(), "cap.har#/log/entries/3");
  pugi::xml_node test = suite.child("testcase");
  EXPECT_STREQ(test.attribute("name").value(),
               "lifetime-below-target (/log/entries/3, aws:saml-console, 123456789012:role/ops)");
  // A position in the decoded document is not a line of the file.
  EXPECT_FALSE(test.attribute("line"));
  EXPECT_STREQ(test.child("failure").text().get(),
               "error at line 9, column 2 of the decoded base64 document: Short.");
}

TEST(ReportJunit, RepeatedNamesInASuiteAreNumbered) {
  CheckResult r = XmlResult("a.xml", {Diag("assumed-default", Severity::kNote, "one"),
                                      Diag("assumed-default", Severity::kNote, "two"),
                                      Diag("assumed-default", Severity::kNote, "three")});
  pugi::xml_document doc = Parse(EmitReport(ReportFormat::kJunit, {r}));
  std::vector<std::string> names;
  for (pugi::xml_node t : doc.child("testsuites").child("testsuite").children("testcase")) {
    names.push_back(t.attribute("name").value());
  }
  EXPECT_EQ(names, (std::vector<std::string>{"assumed-default", "assumed-default #2",
                                             "assumed-default #3"}));
}

TEST(ReportJunit, HostileTextStaysWellFormed) {
  const std::string hostile =
      "a<b>&c\"d'e]]>f\x01g\x1bh\xff\xfei\xed\xa0\x80j\xef\xbf\xbfk\r\n\tl \xc3\xa9";
  CheckResult r =
      XmlResult("x\"<&>.xml", {Diag("xml-comment-in-value", Severity::kError, hostile)});
  r.diagnostics[0].scenario = "</testcase><x>";
  std::string xml = EmitReport(ReportFormat::kJunit, {r});
  pugi::xml_document doc = Parse(xml);
  pugi::xml_node suite = doc.child("testsuites").child("testsuite");
  EXPECT_STREQ(suite.attribute("name").value(), "x\"<&>.xml");
  pugi::xml_node test = suite.child("testcase");
  EXPECT_STREQ(test.attribute("name").value(), "xml-comment-in-value (</testcase><x>)");
  const std::string replacement = "\xEF\xBF\xBD";
  // Forbidden characters and bytes that are not UTF-8 become U+FFFD; line
  // breaks and tabs survive in the attribute through character references.
  std::string expected = "a<b>&c\"d'e]]>f" + replacement + "g" + replacement + "h" + replacement +
                         replacement + "i" + replacement + replacement + replacement + "j" +
                         replacement + "k\r\n\tl \xc3\xa9";
  EXPECT_EQ(std::string(test.child("failure").attribute("message").value()), expected);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  EXPECT_EQ(xml.find('\xff'), std::string::npos);
}

TEST(ReportJunit, EmptyRunIsAnEmptyTestsuitesElement) {
  pugi::xml_document doc = Parse(EmitReport(ReportFormat::kJunit, {}));
  ASSERT_TRUE(doc.child("testsuites"));
  EXPECT_FALSE(doc.child("testsuites").child("testsuite"));
  CheckResult b64 = Base64SignatureMissingResult();
  pugi::xml_document one = Parse(EmitReport(ReportFormat::kJunit, {b64}));
  EXPECT_STREQ(
      one.child("testsuites").child("testsuite").child("testcase").child("system-out").text().get(),
      "note at line 28, column 3 of the decoded base64 document: s");
}

}  // namespace
}  // namespace samlint
