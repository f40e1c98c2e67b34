// Inline suppressions: `<!-- samlint-disable RULE[,RULE...]: reason -->`.
// XML forbids "--" inside a comment, so the reason follows a colon (the
// shellcheck/ruff "directive, then why" shape in a form XML accepts). A
// comment outside the root element covers the whole file; one inside covers
// the next element after it and that element's subtree, by byte offsets.
// Trust rules cannot be silenced this way (see ParseDirective). The
// document was already found well-formed, so a small tag scanner suffices.
#include <algorithm>

#include "base/diagnostic.h"
#include "base/strings.h"
#include "samlint/rule_id.h"
#include "samlint/rules.h"
#include "samlint/suppress.h"

namespace samlint {
namespace {

constexpr std::string_view kDirective = "samlint-disable";

struct Suppression {
  std::size_t comment_offset = 0;
  std::vector<std::string> rules;  ///< known rule ids only
  std::vector<bool> used;
  bool whole_file = false;
  bool has_scope = false;
  std::size_t begin = 0, end = 0;  ///< [begin, end) when has_scope
  std::size_t depth = 0;
  bool pending = false;
};

// Parses one comment's text. Returns false when it is not a directive.
bool ParseDirective(std::string_view text, std::size_t offset, Suppression& out,
                    std::vector<Diagnostic>& findings) {
  text = Trim(text);
  if (text.substr(0, kDirective.size()) != kDirective) return false;
  std::string_view rest = text.substr(kDirective.size());
  if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t' && rest.front() != '\n' &&
      rest.front() != '\r' && rest.front() != ':') {
    return false;  // "samlint-disabled..." is prose, not a directive
  }
  std::size_t colon = rest.find(':');
  std::string_view list = colon == std::string_view::npos ? rest : rest.substr(0, colon);
  std::string_view reason =
      colon == std::string_view::npos ? std::string_view() : Trim(rest.substr(colon + 1));
  out.comment_offset = offset;
  std::vector<std::string> names;
  std::string current;
  for (char c : list) {
    if (c == ',' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (!current.empty()) names.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) names.push_back(std::move(current));
  if (names.empty()) {
    findings.push_back(MakeDiagnostic(
        Rule::kSuppressionInvalid,
        "This samlint-disable comment names no rule, so it suppresses nothing.", offset,
        "Name the rules and the reason: <!-- samlint-disable audience-mismatch: why it is "
        "acceptable -->."));
    return true;
  }
  if (reason.empty()) {
    std::string joined;
    for (const std::string& n : names) joined += (joined.empty() ? "" : ",") + n;
    joined = Shorten(joined);
    findings.push_back(MakeDiagnostic(
        Rule::kSuppressionInvalid,
        "This samlint-disable comment for " + joined +
            " gives no reason, so it is not applied: a suppression must say why the finding is "
            "acceptable.",
        offset, "Add the reason after a colon: <!-- samlint-disable " + joined + ": why -->."));
    return true;
  }
  std::vector<std::string_view> ids;
  for (const RuleInfo& r : AllRules()) ids.push_back(r.id);
  for (std::string& n : names) {
    const RuleInfo* rule = FindRule(n);
    if (rule != nullptr && rule->category == RuleCategory::kTrust) {
      // Comments are outside the signed canonical form: anyone on the path
      // can add one to a validly signed response. What the document says
      // about itself never silences what samlint says about its signature.
      findings.push_back(MakeDiagnostic(
          Rule::kSuppressionInvalid,
          "This samlint-disable comment names the trust rule '" + n +
              "': signature and trust findings cannot be silenced from inside the document "
              "being judged (a comment can be added to a signed response without breaking "
              "its signature).",
          offset,
          "Silence it in samlint.toml's [rules] table, or accept it with --baseline, if it is "
          "really expected."));
      continue;
    }
    if (rule == nullptr) {
      std::string near = NearestWord(n, ids);
      findings.push_back(
          MakeDiagnostic(Rule::kSuppressionInvalid,
                         "This samlint-disable comment names the unknown rule '" + Shorten(n) +
                             "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                             ", which suppresses nothing.",
                         offset, "Use a rule id from `samlint rules`."));
      continue;
    }
    if (std::find(out.rules.begin(), out.rules.end(), n) == out.rules.end()) {
      out.rules.push_back(std::move(n));
    }
  }
  out.used.assign(out.rules.size(), false);
  return true;
}

// The position just past the first `terminator` at or after `from`, or the
// end of `xml` when there is none.
std::size_t PastNext(std::string_view xml, std::string_view terminator, std::size_t from) {
  std::size_t end = xml.find(terminator, from);
  return end == std::string_view::npos ? xml.size() : end + terminator.size();
}

// Finds the directives and their scopes.
std::vector<Suppression> Scan(std::string_view xml, std::vector<Diagnostic>& findings) {
  std::vector<Suppression> out;
  struct Open {
    std::vector<std::size_t> waiting;  // suppressions that end with this element
  };
  std::vector<Open> stack;
  std::size_t i = 0;
  auto close_pending_at = [&](std::size_t depth) {
    for (Suppression& s : out) {
      if (s.pending && s.depth == depth) s.pending = false;  // no element followed: empty scope
    }
  };
  while (i < xml.size()) {
    std::size_t lt = xml.find('<', i);
    if (lt == std::string_view::npos) break;
    std::string_view at = xml.substr(lt);
    if (at.substr(0, 4) == "<!--") {
      std::size_t end = xml.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      Suppression s;
      if (ParseDirective(xml.substr(lt + 4, end - lt - 4), lt, s, findings) && !s.rules.empty()) {
        s.depth = stack.size();
        s.whole_file = stack.empty();
        s.pending = !s.whole_file;
        out.push_back(std::move(s));
      }
      i = end + 3;
    } else if (at.substr(0, 9) == "<![CDATA[") {
      i = PastNext(xml, "]]>", lt + 9);
    } else if (at.substr(0, 2) == "<?") {
      i = PastNext(xml, "?>", lt + 2);
    } else if (at.substr(0, 2) == "<!") {
      i = PastNext(xml, ">", lt + 2);
    } else if (at.substr(0, 2) == "</") {
      i = PastNext(xml, ">", lt + 2);
      close_pending_at(stack.size());
      if (!stack.empty()) {
        for (std::size_t k : stack.back().waiting) out[k].end = i;
        stack.pop_back();
      }
    } else {
      // A start tag: find its '>' outside quoted attribute values.
      std::size_t j = lt + 1;
      char quote = 0;
      while (j < xml.size()) {
        char c = xml[j];
        if (quote != 0) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          break;
        }
        ++j;
      }
      if (j >= xml.size()) break;
      bool self_closing = xml[j - 1] == '/';
      i = j + 1;
      Open element;
      for (std::size_t k = 0; k < out.size(); ++k) {
        Suppression& s = out[k];
        if (!s.pending || s.depth != stack.size()) continue;
        s.pending = false;
        s.has_scope = true;
        s.begin = lt;
        s.end = xml.size();
        element.waiting.push_back(k);
      }
      if (self_closing) {
        for (std::size_t k : element.waiting) out[k].end = i;
      } else {
        stack.push_back(std::move(element));
      }
    }
  }
  return out;
}

}  // namespace

void ApplyInlineSuppressions(std::string_view xml, CheckResult& result) {
  if (xml.find(kDirective) == std::string_view::npos) return;
  std::vector<Diagnostic> findings;
  std::vector<Suppression> suppressions = Scan(xml, findings);
  std::vector<Diagnostic> kept;
  for (Diagnostic& d : result.diagnostics) {
    bool suppressed = false;
    if (d.rule != Rule::kSuppressionInvalid && d.rule != Rule::kSuppressionUnused) {
      for (Suppression& s : suppressions) {
        auto it = std::find(s.rules.begin(), s.rules.end(), d.rule);
        if (it == s.rules.end()) continue;
        bool covers =
            s.whole_file || (s.has_scope && d.offset && *d.offset >= s.begin && *d.offset < s.end);
        if (!covers) continue;
        s.used[static_cast<std::size_t>(it - s.rules.begin())] = true;
        suppressed = true;
      }
    }
    if (suppressed) {
      ++result.suppressed;
    } else {
      kept.push_back(std::move(d));
    }
  }
  for (const Suppression& s : suppressions) {
    for (std::size_t k = 0; k < s.rules.size(); ++k) {
      if (s.used[k]) continue;
      std::string where = s.whole_file  ? "anywhere in this file"
                          : s.has_scope ? "in the element that follows it"
                                        : "(no element follows it, so it covers nothing)";
      findings.push_back(MakeDiagnostic(
          Rule::kSuppressionUnused,
          "This samlint-disable comment for " + s.rules[k] + " suppresses nothing: " + s.rules[k] +
              " does not fire " + where + ".",
          s.comment_offset, "Remove " + s.rules[k] + " from the comment, or the comment itself."));
    }
  }
  for (Diagnostic& f : findings) kept.push_back(std::move(f));
  result.diagnostics = std::move(kept);
}

}  // namespace samlint
