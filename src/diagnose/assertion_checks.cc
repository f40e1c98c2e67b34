#include "diagnose/assertion_checks.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "base/diagnostic.h"
#include "base/strings.h"
#include "parse/assertion_values.h"
#include "parse/cloud.h"
#include "samlint/duration.h"
#include "samlint/rule_id.h"

namespace samlint {
namespace {

constexpr std::string_view kSuccess = "urn:oasis:names:tc:SAML:2.0:status:Success";
constexpr std::int64_t kRedemptionWindow =
    300;  // observed: "Token must be redeemed within 5 minutes"
constexpr std::int64_t kSessionDurationMin = 900;
constexpr std::int64_t kSessionDurationMax = 43200;

// A document value in a message: shortened (see Shorten), in quotes, with
// line breaks and tabs escaped.
std::string Quoted(std::string_view s) {
  std::string q = "\"";
  for (char c : Shorten(s)) {
    if (c == '\n')
      q += "\\n";
    else if (c == '\t')
      q += "\\t";
    else
      q += c;
  }
  return q + "\"";
}

void CheckTime(const TimeFact& t, std::string_view where, std::vector<Diagnostic>& out) {
  if (t.present && !t.value) {
    out.push_back(
        MakeDiagnostic(Rule::kXmlMalformed,
                       std::string(where) + " " + Quoted(t.text) + " is not a valid xs:dateTime.",
                       t.offset, "Send UTC times like 2026-11-23T10:00:00Z."));
  }
}

// Which characters of `value` fall outside `allowed`, each once, for messages.
std::string Offending(std::string_view value, bool (*allowed)(char)) {
  std::string bad;
  for (char c : value) {
    if (!allowed(c) && bad.find(c) == std::string::npos) bad += c;
  }
  return bad;
}

bool AwsNameChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '+' || c == '=' || c == ',' || c == '.' || c == '@' ||
         c == '-';
}

bool AliyunNameChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '.' || c == '@' || c == '-' || c == '_';
}

bool AliyunLegacyNameChar(char c) { return AliyunNameChar(c) || c == '=' || c == ',' || c == '+'; }

// " (N more <what> are not listed)" on the last of `listed` findings of a kind
// whose further `unlisted` ones the parse stage only counted.
std::string Unlisted(std::size_t i, std::size_t listed, std::size_t unlisted, const char* what) {
  if (i + 1 != listed || unlisted == 0) return {};
  return " (" + std::to_string(unlisted) + " more " + what + " are not listed)";
}

}  // namespace

bool SuccessWithoutAssertion(const ResponseFacts& facts) {
  return facts.is_response && facts.has_status && facts.status_code.value == kSuccess &&
         facts.assertions.empty() && facts.encrypted_assertions.empty();
}

void CheckDocument(const ResponseFacts& facts, const CheckOptions& options,
                   std::vector<Diagnostic>& out) {
  (void)options;
  if (SuccessWithoutAssertion(facts)) {
    // SAML Profiles §4.1.4.2: a successful <Response> MUST contain at least one assertion.
    out.push_back(MakeDiagnostic(
        Rule::kAssertionMissing,
        "The Response reports Success but carries no Assertion (nor an EncryptedAssertion): "
        "there is no sign-in to read, and every service provider refuses it.",
        facts.status_code.present ? facts.status_code.offset : facts.offset,
        "Check the IdP application and its logs: a successful response carries the signed "
        "Assertion; look for a proxy or tool that strips it."));
  }
  for (const UndeclaredPrefix& u : facts.undeclared_prefixes) {
    std::string what = "<" + Shorten(u.qualified_name) + ">";
    if (!u.name_attribute.empty()) what += " (Name=" + Quoted(u.name_attribute) + ")";
    out.push_back(MakeDiagnostic(
        Rule::kXmlMalformed,
        "The namespace prefix " + Quoted(u.prefix) + " of " + what +
            " is never declared, so the document is not namespace-well-formed; a "
            "namespace-aware SP such as AWS or Alibaba Cloud rejects it or does not see this "
            "element as SAML, and samlint ignores it.",
        u.offset,
        "Declare xmlns:" + Shorten(u.prefix) +
            "=\"urn:oasis:names:tc:SAML:2.0:assertion\" (or "
            "the right namespace) on the element or an ancestor."));
  }
  for (std::size_t i = 0; i < facts.misplaced.size(); ++i) {
    const MisplacedContent& m = facts.misplaced[i];
    out.push_back(MakeDiagnostic(
        Rule::kContentOutsideAssertion,
        "<" + Shorten(m.element) + "> sits inside <" + Shorten(m.container) +
            ">, outside the Assertion the cloud reads: no service provider reads SAML content "
            "there, and it is how signature-wrapping attacks hide a second set of values. samlint "
            "takes no value from it" +
            Unlisted(i, facts.misplaced.size(), facts.misplaced_unlisted, "such elements") + ".",
        m.offset,
        "Reject the response; a conforming IdP puts every statement inside the one signed "
        "Assertion."));
  }
  for (std::size_t i = 0; i < facts.rebound_prefixes.size(); ++i) {
    const ReboundPrefix& p = facts.rebound_prefixes[i];
    out.push_back(MakeDiagnostic(
        Rule::kNamespacePrefixRebound,
        "The prefix \"" + Shorten(p.prefix) + "\" is bound to " + Shorten(p.first_uri) +
            " and here again to " + Shorten(p.second_uri) +
            ": elements with the same prefix text are different elements, which lets a parser "
            "that matches prefixes and one that matches namespaces read different assertions" +
            Unlisted(i, facts.rebound_prefixes.size(), facts.rebound_unlisted, "rebindings") + ".",
        p.offset, "Reject the response; a conforming IdP binds each prefix once."));
  }
  for (const CommentInValue& c : facts.comments_in_values) {
    out.push_back(MakeDiagnostic(
        Rule::kXmlCommentInValue,
        "A comment splits the text of <" + Shorten(c.element) +
            ">; parsers disagree on whether the text after it counts (the comment-injection "
            "trick behind several SAML authentication bypasses).",
        c.offset, "Remove comments from element text; a conforming IdP never emits them."));
  }
  std::map<std::string, std::size_t> seen;
  for (const auto& [id, offset] : facts.ids) {
    auto [it, inserted] = seen.emplace(id, offset);
    if (!inserted) {
      out.push_back(MakeDiagnostic(
          Rule::kDuplicateId,
          "ID " + Quoted(id) +
              " is used by more than one element; a signature Reference to it is "
              "ambiguous, which is how signature-wrapping attacks slip in an unsigned element.",
          offset, "Give every element a unique ID."));
    }
  }
  if (facts.is_response) {
    CheckTime(facts.issue_instant, "Response/@IssueInstant", out);
    if (!facts.has_status) {
      out.push_back(MakeDiagnostic(Rule::kStatusNotSuccess,
                                   "The Response has no samlp:Status; the cloud treats it as "
                                   "a failed sign-in.",
                                   facts.offset, "Fix the IdP so it sends a Status of Success."));
    } else if (facts.status_code.value != kSuccess) {
      std::string message =
          "The Response status is " +
          Quoted(facts.status_code.present ? facts.status_code.value : "(no StatusCode)");
      if (facts.sub_status_code.present) message += " / " + Quoted(facts.sub_status_code.value);
      if (facts.status_message.present && !facts.status_message.value.empty()) {
        message += " with message " + Quoted(facts.status_message.value);
      }
      message += ", not Success: the IdP reports a failed sign-in and the cloud refuses it.";
      out.push_back(
          MakeDiagnostic(Rule::kStatusNotSuccess, std::move(message),
                         facts.status_code.present ? facts.status_code.offset : facts.status_offset,
                         "Look at the IdP's logs for why it refused the sign-in."));
    }
  }
  std::size_t assertion_count = facts.assertions.size() + facts.encrypted_assertions.size();
  if (assertion_count > 1) {
    std::size_t second = facts.assertions.size() > 1           ? facts.assertions[1].offset
                         : !facts.encrypted_assertions.empty() ? facts.encrypted_assertions.back()
                                                               : facts.offset;
    out.push_back(MakeDiagnostic(
        Rule::kMultipleAssertions,
        "The Response carries " + std::to_string(assertion_count) +
            " assertions; AWS and Alibaba Cloud read one, and which one a parser picks is how "
            "signature-wrapping attacks work. samlint reads the first.",
        second, "Send exactly one Assertion per Response."));
  }
  for (const AssertionFact& a : facts.assertions) {
    CheckTime(a.issue_instant, "Assertion/@IssueInstant", out);
    CheckTime(a.not_before, "Conditions/@NotBefore", out);
    CheckTime(a.not_on_or_after, "Conditions/@NotOnOrAfter", out);
    for (const SubjectConfirmationFact& sc : a.subject_confirmations) {
      CheckTime(sc.not_before, "SubjectConfirmationData/@NotBefore", out);
      CheckTime(sc.not_on_or_after, "SubjectConfirmationData/@NotOnOrAfter", out);
    }
    for (const AuthnStatementFact& s : a.authn_statements) {
      CheckTime(s.authn_instant, "AuthnStatement/@AuthnInstant", out);
      CheckTime(s.session_not_on_or_after, "AuthnStatement/@SessionNotOnOrAfter", out);
    }
  }
}

namespace {

// What is wrong with the SessionDuration attribute, in the words of session-duration-out-of-range.
void CheckSessionDuration(const SessionDurationValue& sd, Cloud cloud,
                          std::vector<Diagnostic>& out) {
  if (!sd.attribute.present) return;
  const char* fix =
      "Send one SessionDuration value: an integer number of seconds from 900 to 43200.";
  const std::vector<const TextFact*>& values = sd.attribute.values;
  if (values.empty()) {
    out.push_back(MakeDiagnostic(Rule::kSessionDurationOutOfRange,
                                 "The SessionDuration attribute has no value; it is treated "
                                 "as absent.",
                                 sd.attribute.offset, fix));
    return;
  }
  if (values.size() > 1) {
    out.push_back(
        MakeDiagnostic(Rule::kSessionDurationOutOfRange,
                       "The SessionDuration attribute is given " + std::to_string(values.size()) +
                           " times; the cloud expects exactly one value. samlint uses the first.",
                       values[1]->offset, fix));
  }
  const TextFact& v = *values.front();
  if (!sd.seconds) {
    out.push_back(MakeDiagnostic(Rule::kSessionDurationOutOfRange,
                                 "The SessionDuration attribute " + Quoted(v.value) +
                                     " is not an integer number of seconds; it is treated as "
                                     "absent.",
                                 v.offset, fix));
    return;
  }
  std::int64_t seconds = *sd.seconds;
  if (seconds < kSessionDurationMin || seconds > kSessionDurationMax) {
    std::string message = "The SessionDuration attribute " + SecondsAndHuman(seconds) +
                          " is outside 900..43200 seconds";
    message += cloud == Cloud::kAws
                   ? "; AWS documents no behaviour for it. samlint still uses the value."
                   : " (older Alibaba Cloud documentation allowed only 900..3600). samlint "
                     "still uses the value.";
    out.push_back(
        MakeDiagnostic(Rule::kSessionDurationOutOfRange, std::move(message), v.offset, fix));
  }
}

// Conditions and bearer SubjectConfirmationData windows at `t_use`, with `skew`
// (SAML Profiles §4.1.4.3), in the words of a cloud or of any service provider.
void CheckValidityWindows(const AssertionFact& a, const Timestamp& t_use, std::int64_t skew,
                          bool generic_sp, std::vector<Diagnostic>& out) {
  const std::string who = generic_sp ? "the service provider" : "the cloud";
  const std::string expired_quote =
      generic_sp ? " (SAML Profiles §4.1.4.3)" : " (\"Response has expired\")";
  auto expired = [&](const TimeFact& t, const char* what) {
    if (!t.value) return;
    if (t_use >= AddSeconds(*t.value, skew)) {
      out.push_back(MakeDiagnostic(
          Rule::kAssertionExpired,
          std::string(what) + " " + FormatDateTime(*t.value) + " is " +
              FormatDuration(SecondsBetween(*t.value, t_use)) + " before the time of use " +
              FormatDateTime(t_use) + " (clock skew " + FormatDuration(skew) + "): " + who +
              " refuses it" + expired_quote + ".",
          t.offset, "Use the response sooner, or have the IdP allow a longer validity window."));
    }
  };
  auto not_yet = [&](const TimeFact& t, const char* what) {
    if (!t.value) return;
    if (*t.value > AddSeconds(t_use, skew)) {
      out.push_back(MakeDiagnostic(
          Rule::kAssertionNotYetValid,
          std::string(what) + " " + FormatDateTime(*t.value) + " is " +
              FormatDuration(SecondsBetween(t_use, *t.value)) + " after the time of use " +
              FormatDateTime(t_use) + " (clock skew " + FormatDuration(skew) + "): " + who +
              " refuses it until then.",
          t.offset, "Check the IdP's clock (NTP); NotBefore must not lie in the future."));
    }
  };
  not_yet(a.not_before, "Conditions/@NotBefore");
  expired(a.not_on_or_after, "Conditions/@NotOnOrAfter");
  for (const SubjectConfirmationFact& sc : a.subject_confirmations) {
    not_yet(sc.not_before, "SubjectConfirmationData/@NotBefore");
    expired(sc.not_on_or_after, "SubjectConfirmationData/@NotOnOrAfter");
  }
}

}  // namespace

namespace {

constexpr std::string_view kBearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

// more-clouds.md § Generic SAML 2.0 service provider: what SAML Profiles
// §4.1.4.2-4.1.4.3 makes every SP check, against the SP the user declares
// (--sp-entity-id, --sp-acs-url); nothing about roles or cloud attributes.
void CheckForGenericSp(const ResponseFacts& facts, const AssertionValues& values,
                       const CheckOptions& options, std::vector<Diagnostic>& out,
                       const UnknownValues& unknown) {
  const AssertionFact& a = *values.assertion;
  if (options.sp_entity_id && !unknown.audience) {
    const std::string& entity = *options.sp_entity_id;
    bool named = false;
    for (const TextFact& au : a.audiences) named |= Trim(au.value, kCWhitespace) == entity;
    if (!named) {
      out.push_back(MakeDiagnostic(
          Rule::kAudienceMismatch,
          (a.audiences.empty()
               ? std::string("The assertion has no Conditions/AudienceRestriction/Audience")
               : "No Audience of the assertion is the service provider's entity ID " +
                     Quoted(entity) + " (first Audience: " + Quoted(a.audiences.front().value) +
                     ")") +
              "; the SAML Web Browser SSO profile requires an AudienceRestriction naming the SP "
              "(Profiles §4.1.4.2), and the SP refuses an assertion meant for another audience.",
          a.audiences.empty() ? (a.has_conditions ? a.conditions_offset : a.offset)
                              : a.audiences.front().offset,
          "Set the audience / SP entity ID of the IdP application to " + Quoted(entity) +
              " (or pass the SP's real entity ID with --sp-entity-id)."));
    }
  }
  if (options.sp_acs_url && !unknown.recipient) {
    const std::string& acs = *options.sp_acs_url;
    const SubjectConfirmationFact* first_bearer = nullptr;
    bool delivered = false;
    for (const SubjectConfirmationFact& sc : a.subject_confirmations) {
      if (sc.method != kBearer) continue;
      if (first_bearer == nullptr) first_bearer = &sc;
      delivered |= sc.recipient.present && Trim(sc.recipient.value, kCWhitespace) == acs;
    }
    if (!delivered) {
      out.push_back(MakeDiagnostic(
          Rule::kRecipientMismatch,
          (first_bearer != nullptr && first_bearer->recipient.present
               ? "SubjectConfirmationData/@Recipient " + Quoted(first_bearer->recipient.value) +
                     " is not the service provider's assertion consumer service URL " + Quoted(acs)
               : "No bearer SubjectConfirmationData carries the Recipient " + Quoted(acs)) +
              "; the SP requires a bearer SubjectConfirmation whose Recipient is its ACS URL "
              "(Profiles §4.1.4.2) and refuses the assertion.",
          first_bearer != nullptr && first_bearer->recipient.present
              ? first_bearer->recipient.offset
              : a.offset,
          "Set the IdP application's ACS URL / recipient to " + Quoted(acs) +
              " (or pass the SP's real ACS URL with --sp-acs-url)."));
    }
    if (facts.is_response && facts.destination.present &&
        Trim(facts.destination.value, kCWhitespace) != acs) {
      out.push_back(MakeDiagnostic(
          Rule::kDestinationMismatch,
          "Response/@Destination " + Quoted(facts.destination.value) +
              " is not the service provider's ACS URL " + Quoted(acs) +
              " (SAML Bindings §3.5.5.2: a signed Response names the URL it is posted to).",
          facts.destination.offset, "Set the IdP's ACS URL / destination to " + Quoted(acs) + "."));
    }
  }
  if (values.t_use) {
    CheckValidityWindows(a, *values.t_use, options.clock_skew, /*generic_sp=*/true, out);
  }
}

constexpr std::string_view kGcpAudienceShape =
    "https://iam.googleapis.com/locations/global/workforcePools/POOL/providers/PROVIDER";
constexpr std::string_view kGcpCallbackShape =
    "https://auth.cloud.google/signin-callback/locations/global/workforcePools/POOL/providers/"
    "PROVIDER";

// more-clouds.md § Google Cloud Workforce Identity Federation: no Role or
// session-name attribute (access comes from IAM bindings on the principal), so
// only the delivery checks, in Google's own error texts.
void CheckForGoogle(const ResponseFacts& facts, const AssertionValues& values,
                    const CheckOptions& options, std::vector<Diagnostic>& out,
                    const UnknownValues& unknown) {
  const AssertionFact& a = *values.assertion;
  bool any_audience = false;
  for (const TextFact& au : a.audiences) {
    any_audience |= IsCloudAudience(Cloud::kGcp, Trim(au.value, kCWhitespace));
  }
  if (!any_audience && !unknown.audience) {
    out.push_back(MakeDiagnostic(
        Rule::kAudienceMismatch,
        (a.audiences.empty()
             ? std::string("The assertion has no Conditions/AudienceRestriction/Audience")
             : "No Audience of the assertion is a workforce pool provider's entity ID (first "
               "Audience: " +
                   Quoted(a.audiences.front().value) + ")") +
            "; Google Cloud expects " + std::string(kGcpAudienceShape) +
            " and refuses the response: \"All <AudienceRestriction>s should contain the SAML RP "
            "entity ID\".",
        a.audiences.empty() ? (a.has_conditions ? a.conditions_offset : a.offset)
                            : a.audiences.front().offset,
        "Set the IdP application's entity ID / audience to " + std::string(kGcpAudienceShape) +
            " with the pool and provider ids."));
  }
  if (!unknown.recipient) {
    const SubjectConfirmationFact* first_with_recipient = nullptr;
    bool matching = false;
    for (const SubjectConfirmationFact& sc : a.subject_confirmations) {
      if (!sc.recipient.present) continue;
      if (first_with_recipient == nullptr) first_with_recipient = &sc;
      matching |= IsSigninEndpoint(Cloud::kGcp, Trim(sc.recipient.value, kCWhitespace));
    }
    if (!matching) {
      out.push_back(MakeDiagnostic(
          Rule::kRecipientMismatch,
          (first_with_recipient != nullptr
               ? "SubjectConfirmationData/@Recipient " +
                     Quoted(first_with_recipient->recipient.value) +
                     " is not a workforce pool provider's sign-in callback"
               : std::string("No SubjectConfirmationData carries a Recipient")) +
              "; Google Cloud expects " + std::string(kGcpCallbackShape) +
              " and refuses the response: \"Recipient in SAML assertion is not set to the correct "
              "ACS URL\".",
          first_with_recipient != nullptr ? first_with_recipient->recipient.offset : a.offset,
          "Set the IdP application's ACS URL / reply URL to " + std::string(kGcpCallbackShape) +
              " with the pool and provider ids."));
    }
    if (facts.is_response && facts.destination.present &&
        !IsSigninEndpoint(Cloud::kGcp, Trim(facts.destination.value, kCWhitespace))) {
      out.push_back(MakeDiagnostic(
          Rule::kDestinationMismatch,
          "Response/@Destination " + Quoted(facts.destination.value) +
              " is not a workforce pool provider's sign-in callback " +
              std::string(kGcpCallbackShape) +
              "; Google Cloud refuses it: \"SAMLResponse destination does not match RP callback "
              "URL\".",
          facts.destination.offset,
          "Set the IdP's ACS URL / destination to " + std::string(kGcpCallbackShape) + "."));
    }
  }
  if (values.t_use) {
    CheckValidityWindows(a, *values.t_use, options.clock_skew, /*generic_sp=*/false, out);
  }
}

}  // namespace

void CheckAssertionForCloud(const ResponseFacts& facts, const AssertionValues& values, Cloud cloud,
                            const CheckOptions& options, std::vector<Diagnostic>& out,
                            const UnknownValues& unknown) {
  if (cloud == Cloud::kGeneric) {
    CheckForGenericSp(facts, values, options, out, unknown);
    return;
  }
  if (cloud == Cloud::kGcp) {
    CheckForGoogle(facts, values, options, out, unknown);
    return;
  }
  const AssertionFact& a = *values.assertion;
  const CloudValues& read = values.For(cloud);
  const std::optional<Timestamp>& t_use = values.t_use;
  const CloudAttributes& names = AttributesOf(cloud);
  const std::string cloud_name = cloud == Cloud::kAws ? "AWS" : "Alibaba Cloud";

  // Role
  if (read.roles.empty() && !unknown.roles) {
    out.push_back(
        MakeDiagnostic(Rule::kRoleAttributeMissing,
                       std::string("The assertion has no ") + names.role + " value; " + cloud_name +
                           " cannot tell which role to assume and refuses the sign-in.",
                       read.role_attribute.present ? read.role_attribute.offset : a.offset,
                       std::string("Map the IdP's role attribute to ") + names.role +
                           " with values \"ROLE_ARN,PROVIDER_ARN\"."));
  }
  for (const RoleValue& role : read.roles) {
    if (!role.parsed) {
      out.push_back(MakeDiagnostic(
          Rule::kRoleAttributeMalformed,
          "Role value " + Quoted(role.text->value) + " is malformed: " + role.why + ".",
          role.text->offset, "Send each role as ROLE_ARN,PROVIDER_ARN with no spaces."));
    }
  }

  // RoleSessionName
  AttributeValues session_names = AttributeValuesOf(a, names.role_session_name);
  const std::vector<const TextFact*>& names_values = session_names.values;
  if (names_values.empty()) {
    if (!unknown.role_session_name) {
      out.push_back(MakeDiagnostic(Rule::kRoleSessionNameMissing,
                                   std::string("The assertion has no ") + names.role_session_name +
                                       " value; " + cloud_name +
                                       " requires it and refuses the sign-in.",
                                   session_names.present ? session_names.offset : a.offset,
                                   std::string("Map a user identifier (user name or email) to ") +
                                       names.role_session_name + "."));
    }
  } else {
    if (names_values.size() > 1) {
      out.push_back(MakeDiagnostic(Rule::kRoleSessionNameInvalid,
                                   "RoleSessionName is given " +
                                       std::to_string(names_values.size()) +
                                       " times; exactly one value is allowed.",
                                   names_values[1]->offset, "Send one RoleSessionName value."));
    }
    const TextFact& v = *names_values.front();
    std::string shown = Shorten(Redact(v.value, options.show_identities));
    std::size_t length = v.value.size();
    if (cloud == Cloud::kAws) {
      std::string bad = Offending(v.value, AwsNameChar);
      if (length < 2 || length > 64 || !bad.empty()) {
        std::string why =
            length < 2 || length > 64
                ? "is " + std::to_string(length) + " characters long (2..64 allowed)"
                : "contains characters outside [a-zA-Z_0-9+=,.@-]: " +
                      (options.show_identities ? Quoted(bad) : std::string("(redacted)"));
        out.push_back(MakeDiagnostic(
            Rule::kRoleSessionNameInvalid,
            "RoleSessionName " + shown + " " + why + "; AssumeRoleWithSAML rejects it.", v.offset,
            "Map a value of 2 to 64 characters from [a-zA-Z_0-9+=,.@-], "
            "e.g. the user's email or user name."));
      }
    } else {
      std::string bad = Offending(v.value, AliyunNameChar);
      std::string legacy_bad = Offending(v.value, AliyunLegacyNameChar);
      if (length < 2 || length > 64 || !legacy_bad.empty()) {
        std::string why = length < 2 || length > 64
                              ? "is " + std::to_string(length) + " characters long (2..64 allowed)"
                              : "contains characters other than letters, digits and . @ - _";
        out.push_back(MakeDiagnostic(
            Rule::kRoleSessionNameInvalid,
            "RoleSessionName " + shown + " " + why + "; Alibaba Cloud rejects it.", v.offset,
            "Map a value of 2 to 64 letters, digits, '.', '@', '-' or "
            "'_'."));
      } else if (!bad.empty() || length > 32) {
        Diagnostic d = MakeDiagnostic(
            Rule::kRoleSessionNameInvalid,
            "RoleSessionName " + shown +
                (bad.empty() ? " is longer than 32 characters" : " contains '=', ',' or '+'") +
                ": the current documentation does not allow that, though older role-SSO "
                "documentation did (2..32 characters, also = , +). It may be refused.",
            v.offset, "Prefer 2 to 64 letters, digits, '.', '@', '-' or '_'.");
        d.severity = Severity::kWarning;
        // Length 33..64 is allowed by the current documentation; only the characters warn.
        if (!bad.empty()) out.push_back(std::move(d));
      }
    }
  }

  // SourceIdentity (AWS)
  if (names.source_identity != nullptr) {
    for (const TextFact* v : AttributeValuesOf(a, names.source_identity).values) {
      std::string value(v->value);
      bool aws_prefix = StartsWithNoCase(value, "aws:");
      std::string bad = Offending(value, AwsNameChar);
      if (value.size() < 2 || value.size() > 64 || !bad.empty() || aws_prefix) {
        std::string why = aws_prefix     ? "starts with \"aws:\", which is reserved"
                          : !bad.empty() ? "contains characters outside [a-zA-Z_0-9+=,.@-]"
                                         : "is " + std::to_string(value.size()) +
                                               " characters long (2..64 allowed)";
        out.push_back(MakeDiagnostic(Rule::kSourceIdentityInvalid,
                                     "SourceIdentity " +
                                         Shorten(Redact(value, options.show_identities)) + " " +
                                         why + "; AssumeRoleWithSAML rejects it.",
                                     v->offset,
                                     "Map 2 to 64 characters from [a-zA-Z_0-9+=,.@-] not starting "
                                     "with aws:."));
      }
    }
  }

  // Audience
  bool any_audience = false;
  for (const TextFact& au : a.audiences) {
    if (IsCloudAudience(cloud, Trim(au.value, kCWhitespace))) any_audience = true;
  }
  if (!any_audience && !unknown.audience) {
    std::string expected = cloud == Cloud::kAws ? "urn:amazon:webservices"
                                                : "urn:alibaba:cloudcomputing:international (or "
                                                  "urn:alibaba:cloudcomputing on the China site)";
    // A few audiences are enough to show what the IdP sends.
    constexpr std::size_t kAudiencesShown = 5;
    std::string found;
    for (std::size_t i = 0; i < a.audiences.size() && i < kAudiencesShown; ++i) {
      found += (found.empty() ? "" : ", ") + Quoted(a.audiences[i].value);
    }
    if (a.audiences.size() > kAudiencesShown) {
      found += " and " + std::to_string(a.audiences.size() - kAudiencesShown) + " more";
    }
    out.push_back(MakeDiagnostic(
        Rule::kAudienceMismatch,
        a.audiences.empty() ? "The assertion has no Conditions/AudienceRestriction/Audience; " +
                                  cloud_name + " expects " + expected + "."
                            : "The Audience " + found + " is not " + expected + "; " + cloud_name +
                                  " refuses assertions meant for another audience.",
        a.audiences.empty() ? (a.has_conditions ? a.conditions_offset : a.offset)
                            : a.audiences.front().offset,
        "Set the SP entity ID / audience in the IdP to " + expected + "."));
  }

  // Recipient: exactly one bearer SubjectConfirmationData with Recipient and NotOnOrAfter.
  int with_both = 0;
  const SubjectConfirmationFact* matching = nullptr;
  const SubjectConfirmationFact* first_with_recipient = nullptr;
  for (const SubjectConfirmationFact& sc : a.subject_confirmations) {
    if (sc.recipient.present && sc.not_on_or_after.present) ++with_both;
    if (sc.recipient.present && first_with_recipient == nullptr) first_with_recipient = &sc;
    if (sc.recipient.present && IsSigninEndpoint(cloud, Trim(sc.recipient.value, kCWhitespace)))
      matching = &sc;
  }
  std::string endpoint = cloud == Cloud::kAws
                             ? "https://signin.aws.amazon.com/saml (or a regional "
                               "https://REGION.signin.aws.amazon.com/saml)"
                             : "https://signin.alibabacloud.com/saml-role/sso (or "
                               "https://signin.aliyun.com/saml-role/sso on the China site)";
  if (unknown.recipient) {
    // The sign-in endpoint is set where the configuration does not say.
  } else if (matching == nullptr) {
    out.push_back(MakeDiagnostic(
        Rule::kRecipientMismatch,
        first_with_recipient != nullptr
            ? "SubjectConfirmationData/@Recipient " +
                  Quoted(first_with_recipient->recipient.value) + " is not " + cloud_name +
                  "'s sign-in endpoint " + endpoint + "."
            : "No SubjectConfirmationData carries a Recipient; " + cloud_name + " expects " +
                  endpoint + ".",
        first_with_recipient != nullptr ? first_with_recipient->recipient.offset : a.offset,
        "Set the IdP's ACS URL / recipient to " + endpoint + "."));
  } else if (cloud == Cloud::kAws && with_both != 1) {
    out.push_back(MakeDiagnostic(
        Rule::kRecipientMismatch,
        "AWS requires exactly one SubjectConfirmationData carrying both NotOnOrAfter and "
        "Recipient; this assertion has " +
            std::to_string(with_both) + ".",
        matching->recipient.offset,
        "Send one bearer SubjectConfirmation whose data has both Recipient and NotOnOrAfter."));
  }

  // Destination (Response)
  if (!unknown.recipient && facts.is_response && facts.destination.present &&
      !IsSigninEndpoint(cloud, Trim(facts.destination.value, kCWhitespace))) {
    out.push_back(MakeDiagnostic(
        Rule::kDestinationMismatch,
        "Response/@Destination " + Quoted(facts.destination.value) + " is not " + cloud_name +
            "'s sign-in endpoint " + endpoint + ".",
        facts.destination.offset, "Set the IdP's ACS URL / destination to " + endpoint + "."));
  }

  CheckSessionDuration(read.session_duration, cloud, out);

  if (!t_use) return;
  const std::int64_t skew = options.clock_skew;
  CheckValidityWindows(a, *t_use, skew, /*generic_sp=*/false, out);
  if (cloud == Cloud::kAws) {
    std::optional<Timestamp> issued;
    for (const TimeFact* t : {&facts.issue_instant, &a.issue_instant}) {
      if (t->value && (!issued || *t->value < *issued)) issued = *t->value;
    }
    if (issued && SecondsBetween(*issued, *t_use) > kRedemptionWindow + skew) {
      out.push_back(MakeDiagnostic(
          Rule::kRedemptionWindowExceeded,
          "The response is used " + FormatDuration(SecondsBetween(*issued, *t_use)) +
              " after it was issued (" + FormatDateTime(*issued) +
              "); AWS STS refuses assertions older than 5 minutes (plus clock skew " +
              FormatDuration(skew) + "): \"Token must be redeemed within 5 minutes of issuance\".",
          facts.issue_instant.value && *facts.issue_instant.value == *issued
              ? facts.issue_instant.offset
              : a.issue_instant.offset,
          "Redeem the assertion right after sign-in; check the IdP's and client's clocks."));
    }
  }
}

}  // namespace samlint
