// The rule registry: one sorted constexpr table drives `samlint rules`, severity
// overrides, SARIF rules[] and docs/rules.md. Numbers and quoted error texts come
// from the vendor pages each rule's reference names (by URL); references cite
// only those pages and files of this repository (RuleRegistry.ReferencesStayInTheRepository).
#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "samlint/diagnostic.h"
#include "samlint/rule_id.h"
#include "samlint/rules.h"

namespace samlint {
namespace {

using enum Severity;
using enum RuleCategory;

// Sorted by id (ascending ASCII); FindRule binary-searches it and a
// static_assert below keeps it that way. Ids are stable and never reused.
constexpr std::array kRules = {
    RuleInfo{
        .id = Rule::kAssertionExpired.name(),
        .default_severity = kError,
        .category = kAssertion,
        .summary = "The moment of use is at or after the assertion's NotOnOrAfter (in Conditions "
                   "or SubjectConfirmationData), beyond the --clock-skew tolerance.",
        .rationale = "AWS STS refuses such an assertion with \"Response has expired\" and no "
                     "credentials are issued. It usually means a saved response was replayed, the "
                     "IdP gives the response a very short validity window, or a clock is wrong. "
                     "AWS documents no clock-skew tolerance; samlint applies --clock-skew "
                     "(default 3m).",
        .example = "SubjectConfirmationData NotOnOrAfter=\"2026-11-23T10:05:00Z\" checked with "
                   "--now 2026-11-23T10:30:00Z and the default --clock-skew 3m.",
        .fix = "Sign in again through the IdP and use the fresh response right away; synchronise "
               "the IdP's and the client's clocks (NTP); if the IdP's validity window is shorter "
               "than your tools need to post the response, widen it in the IdP application.",
        .reference = "AWS IAM User Guide, Troubleshoot SAML 2.0 federation with AWS "
                     "(https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html); "
                     "SAML 2.0 Core "
                     "(https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf), "
                     "Conditions and SubjectConfirmationData (NotOnOrAfter); README.md § Reference "
                     "(Command line: --clock-skew, --now)",
    },
    RuleInfo{
        .id = Rule::kAssertionMissing.name(),
        .default_severity = kError,
        .category = kAssertion,
        .summary = "A Response whose status is Success carries neither an Assertion nor an "
                   "EncryptedAssertion.",
        .rationale = "Every service provider reads the sign-in from the assertion: a Success "
                     "response without one is refused whatever the cloud (SAML Profiles §4.1.4.2: "
                     "a successful Response MUST contain at least one assertion), and there is no "
                     "session to evaluate. It usually means the IdP application is misconfigured "
                     "or a proxy stripped the assertion.",
        .example = "<samlp:Response> with StatusCode urn:oasis:names:tc:SAML:2.0:status:Success "
                   "and no <saml:Assertion> child.",
        .fix = "Check the IdP application and its logs: a successful response must carry the "
               "signed Assertion; look for a proxy or tool that rewrites responses.",
        .reference = "SAML 2.0 Profiles §4.1.4.2 (<Response> usage) "
                     "(https://docs.oasis-open.org/security/saml/v2.0/saml-profiles-2.0-os.pdf); "
                     "SAML 2.0 Core §3.3.3 "
                     "(https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf); "
                     "README.md § Any SAML service provider",
    },
    RuleInfo{
        .id = Rule::kAssertionNotSigned.name(),
        .default_severity = kWarning,
        .category = kTrust,
        .summary = "Only the Response is signed; the Assertion itself carries no signature.",
        .rationale =
            "Alibaba Cloud states \"Alibaba Cloud requires that the entire saml2:Assertion "
            "element be signed\", so on Alibaba Cloud this finding is an error and the "
            "sign-in fails. AWS documents no rule on which element must be signed, so on "
            "AWS it is a warning: the assertion's values are vouched for only while it "
            "stays inside that exact signed Response.",
        .example = "An Alibaba Cloud response with `<ds:Signature>` as a child of "
                   "`<samlp:Response>` and none inside `<saml:Assertion>`.",
        .fix = "In the IdP application's SAML settings, sign the Assertion (\"sign assertion\" or "
               "\"sign response and assertion\"), then capture a new response and check it with "
               "--cert or --idp-metadata.",
        .reference = "Alibaba Cloud, SAML response for role-based SSO "
                     "(https://www.alibabacloud.com/help/en/ram/saml-response-for-role-based-sso); "
                     "AWS IAM User Guide, Configure SAML assertions for the authentication "
                     "response "
                     "(https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                     "id_roles_providers_create_saml_assertions.html); "
                     "README.md § Checking signatures",
    },
    RuleInfo{
        .id = Rule::kAssertionNotYetValid.name(),
        .default_severity = kError,
        .category = kAssertion,
        .summary = "The moment of use is before the assertion's NotBefore, beyond the --clock-skew "
                   "tolerance.",
        .rationale = "A service provider refuses an assertion that is not valid yet, so the "
                     "sign-in fails although the user did nothing wrong; it almost always means "
                     "the IdP's clock runs ahead of the cloud's.",
        .example = "Conditions NotBefore=\"2026-11-23T10:10:00Z\" checked with --now "
                   "2026-11-23T10:00:00Z and the default --clock-skew 3m.",
        .fix = "Synchronise the IdP's clock (NTP) and check that --now is the real moment of use; "
               "a larger --clock-skew hides the drift from samlint, not from the cloud.",
        .reference = "SAML 2.0 Core "
                     "(https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf), "
                     "Conditions (NotBefore); README.md § Reference (Command line): --now, "
                     "--clock-skew",
    },
    RuleInfo{
        .id = Rule::kAssumedDefault.name(),
        .default_severity = kNote,
        .category = kLifetime,
        .summary = "A lifetime factor was not declared, so its documented default was used in the "
                   "evaluation.",
        .rationale = "The reported lifetime is only as true as its inputs: an undeclared role "
                     "MaxSessionDuration counts as 3600 s, an omitted DurationSeconds as 3600 s, "
                     "an absent console SessionDuration attribute as 3600 s, an undeclared Alibaba "
                     "Cloud LoginSessionDuration as 6 h and an undeclared permission-set duration "
                     "as PT1H. If your account differs, the real session is longer or shorter "
                     "than reported; and a 1 h session is often a client that omits "
                     "DurationSeconds, not the IdP.",
        .example = "AssumeRoleWithSAML evaluated without --duration-seconds for a role whose "
                   "MaxSessionDuration is 28800: duration_seconds is 3600 (assumed) and binds.",
        .fix = "Declare the value with the option the note names (--role-max-session, "
               "--duration-seconds, --login-session, --permission-set-session), or pass "
               "--declarations FILE with the output of `aws iam get-role --role-name NAME` or "
               "`aliyun ram GetRole --RoleName NAME`.",
        .reference =
            "Alibaba Cloud, How do I adjust session durations and STS token validity "
            "periods? "
            "(https://www.alibabacloud.com/help/en/ram/support/"
            "how-do-i-modify-the-validity-period-of-a-logon-session-or-an-sts-token); "
            "AWS STS API Reference, AssumeRoleWithSAML "
            "(https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html), "
            "AssumeRole "
            "(https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html); "
            "AWS IAM API Reference, UpdateRole (MaxSessionDuration; "
            "https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateRole.html); "
            "AWS IAM Identity Center User Guide, Set session duration "
            "(https://docs.aws.amazon.com/singlesignon/latest/userguide/"
            "howtosessionduration.html); "
            "README.md § Debugging a short session; README.md § Decisions where the "
            "contract is silent",
    },
    RuleInfo{
        .id = Rule::kAudienceMismatch.name(),
        .default_severity = kError,
        .category = kAssertion,
        .summary = "No Audience in the assertion's AudienceRestriction names the cloud the "
                   "response is for.",
        .rationale = "The cloud accepts only an assertion addressed to it: AWS expects "
                     "urn:amazon:webservices (an older copy of the guide also lists "
                     "https://signin.aws.amazon.com/saml), Alibaba Cloud expects "
                     "urn:alibaba:cloudcomputing:international (international site) or "
                     "urn:alibaba:cloudcomputing (China site). A wrong Audience, often the IdP "
                     "application's own entity ID, makes every sign-in fail.",
        .example = "An AWS response whose only Audience is https://idp.example.com/app.",
        .fix = "Set the IdP application's Audience (SP entity ID) to urn:amazon:webservices for "
               "AWS, or to urn:alibaba:cloudcomputing:international or urn:alibaba:cloudcomputing "
               "for Alibaba Cloud; pass --cloud if samlint detected the wrong cloud.",
        .reference = "AWS IAM User Guide, Configure SAML assertions for the authentication "
                     "response "
                     "(https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                     "id_roles_providers_create_saml_assertions.html); "
                     "Alibaba Cloud, SAML response for role-based SSO "
                     "(https://www.alibabacloud.com/help/en/ram/saml-response-for-role-based-sso)",
    },
    RuleInfo{
        .id = Rule::kCertificateExpired.name(),
        .default_severity = kWarning,
        .category = kTrust,
        .summary = "A trust-anchor certificate given with --cert or --idp-metadata is past its "
                   "validity (its NotAfter is at or before the moment of use).",
        .rationale =
            "The signature is still checked with that certificate, so today's sign-in is "
            "not affected; but an IdP signing with an expired certificate is due for a "
            "key rollover, and when it switches keys every sign-in fails until the cloud's "
            "SAML provider holds the new metadata.",
        .example = "--cert idp.pem whose notAfter is 2026-01-01T00:00:00Z, checked with --now "
                   "2026-11-23T10:00:00Z.",
        .fix = "Roll the IdP signing certificate and upload the new metadata: `aws iam "
               "update-saml-provider --saml-provider-arn ARN --saml-metadata-document "
               "file://metadata.xml` or `aliyun ram UpdateSAMLProvider --SAMLProviderName NAME "
               "--NewEncodedSAMLMetadataDocument BASE64`; then check with the new --cert or "
               "--idp-metadata.",
        .reference = "XML Signature Syntax and Processing 1.1 "
                     "(https://www.w3.org/TR/xmldsig-core1/), KeyInfo and X509Data; RFC 5280 § "
                     "4.1.2.5, Validity (https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.5); "
                     "README.md § Checking signatures; README.md § Decisions where the contract is "
                     "silent",
    },
    RuleInfo{
        .id = Rule::kCertificateNotYetValid.name(),
        .default_severity = kWarning,
        .category = kTrust,
        .summary = "A trust-anchor certificate's validity starts after the moment of use "
                   "(its NotBefore is later than t_use).",
        .rationale = "samlint still checks the signature with the anchor's key, as most SAML "
                     "service providers do, but a provider that checks certificate dates refuses "
                     "the response, and a certificate dated in the future usually means the IdP "
                     "rotated to a key the cloud does not have yet, or a clock is wrong.",
        .example = "--cert next-idp.pem whose certificate runs from 2027-01-01, checking a "
                   "response issued on 2026-11-23.",
        .fix = "Check the IdP's clock and which certificate it signs with; upload the IdP's "
               "current metadata to the cloud before the IdP switches keys.",
        .reference = "RFC 5280 § 4.1.2.5, Validity "
                     "(https://www.rfc-editor.org/rfc/rfc5280#section-4.1.2.5); README.md § "
                     "Checking signatures; README.md § Decisions where the contract is silent",
    },
    RuleInfo{
        .id = Rule::kCloudUndetected.name(),
        .default_severity = kWarning,
        .category = kInput,
        .summary = "A SAML response whose cloud cannot be told from its attribute names, Audience, "
                   "Recipient or Destination, when no --cloud or --scenario says which cloud.",
        .rationale = "AWS and Alibaba Cloud differ in attribute names, Audience, Recipient, "
                     "defaults and limits, and every scenario's factors depend on the cloud; "
                     "without it samlint evaluates no cloud scenario: the response is checked in "
                     "full (signature, structure, validity windows, status) and evaluated as "
                     "saml:generic, for any SAML service provider. It usually means the response "
                     "is meant for another service provider or the IdP application lacks the "
                     "cloud's Role attribute mapping.",
        .example = "A response whose Audience is https://app.example.com and whose only "
                   "attributes are email and groups, checked without --cloud or --scenario.",
        .fix = "Pass --cloud aws or --cloud aliyun (or a --scenario such as aws:saml-console), or "
               "configure the IdP application to send the cloud's Audience, Recipient and Role "
               "attribute; for another service provider pass --cloud generic (with "
               "--sp-entity-id and --sp-acs-url to check its Audience and Recipient).",
        .reference = "AWS IAM User Guide, Configure SAML assertions for the authentication "
                     "response "
                     "(https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                     "id_roles_providers_create_saml_assertions.html); "
                     "Alibaba Cloud, SAML response for role-based SSO "
                     "(https://www.alibabacloud.com/help/en/ram/saml-response-for-role-based-sso); "
                     "README.md § Reference (Command line): --cloud, --scenario; README.md § "
                     "Decisions where the contract is silent",
    },
    RuleInfo{
        .id = Rule::kConfigInvalid.name(),
        .default_severity = kError,
        .category = kInput,
        .summary = "A samlint.toml given as INPUT has a TOML syntax error, an unknown key, an "
                   "unknown rule id or a value of the wrong type or range.",
        .rationale = "A broken project config stops every later samlint run (it is a usage "
                     "error when loaded to configure a run), and a misspelt key is silently "
                     "nothing: `tagret = \"8h\"` would leave the target unset. Linting the "
                     "file itself, as pre-commit does with a staged samlint.toml, catches both "
                     "before they land.",
        .example = "`samlint check samlint.toml` where line 3 reads `tagret = \"8h\"`: "
                   "\"unknown key 'tagret' (did you mean 'target'?)\" at 3:1.",
        .fix = "Correct the key or value at the reported line and column; docs/config.md lists "
               "every key, the values it takes, and the rule ids [rules] accepts.",
        .reference = "docs/config.md (samlint project configuration); TOML v1.0.0 "
                     "(https://toml.io/en/v1.0.0)",
    },
    RuleInfo{
        .id = Rule::kContentOutsideAssertion.name(),
        .default_severity = kError,
        .category = kTrust,
        .summary = "An Assertion, statement or attribute sits outside the assertion the cloud "
                   "reads: in samlp:Extensions, a ds:Object, saml:Advice, StatusDetail, or as a "
                   "Response-level statement.",
        .rationale = "Service providers read one Assertion, the Response's; SAML content anywhere "
                     "else is never read by them and never needs to be there. It is the shape of "
                     "a signature-wrapping attack: the attacker hides a signed original (or their "
                     "own values) where one parser looks and another does not, so that what is "
                     "verified is not what is used.",
        .example = "An unsigned saml:Assertion with Role role/admin inside samlp:Extensions before "
                   "the signed Assertion (XSW7), or a second AttributeStatement with "
                   "SessionDuration directly under the Response.",
        .fix = "Reject the response. If your IdP produced it, find what rewrites responses in "
               "transit; a conforming IdP puts every statement inside the one signed Assertion.",
        .reference =
            "SAML 2.0 Core "
            "(https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf) § "
            "2.3.3 and § 3.3.3; SAML V2.0 Security and Privacy Considerations "
            "(https://docs.oasis-open.org/security/saml/v2.0/saml-sec-consider-2.0-os.pdf); "
            "Somorovsky et al., On Breaking SAML: Be Whoever You Want to Be, USENIX "
            "Security 2012 "
            "(https://www.usenix.org/conference/usenixsecurity12/technical-sessions/presentation/"
            "somorovsky); "
            "README.md § Checking signatures",
    },
    RuleInfo{
        .id = Rule::kDeclarationConflict.name(),
        .default_severity = kError,
        .category = kInput,
        .summary = "Two declarations give different values for the same setting of the same role "
                   "or account.",
        .rationale = "The lifetime depends on the value the cloud really holds; a stale get-role "
                     "export and a fresh Terraform plan, or an option and a file, can disagree, "
                     "and a result computed from the wrong one sends you to change a setting that "
                     "is not the limit.",
        .example = "--role-max-session 43200 while --declarations role.json (get-role output) "
                   "says MaxSessionDuration 3600 for the same role.",
        .fix = "Remove or refresh the stale declaration (e.g. `aws iam get-role --role-name NAME "
               "> role.json`, `aliyun ram GetRole --RoleName NAME > role.json`) so that each "
               "setting is declared once.",
        .reference = "README.md § From a browser capture and `aws iam get-role`; README.md § "
                     "Decisions where the contract is silent (Declarations precedence)",
    },
    RuleInfo{
        .id = Rule::kDeclarationUnresolved.name(),
        .default_severity = kWarning,
        .category = kInput,
        .summary = "A declaration cannot be matched to a role or account, or its value cannot be "
                   "resolved (an intrinsic function, a variable, a value known only after apply).",
        .rationale = "A declaration that cannot be used does not count: the documented default "
                     "is assumed in its place (3600 s for a role MaxSessionDuration), so the "
                     "reported lifetime may differ from the one users get.",
        .example = "A CloudFormation role with `MaxSessionDuration: !Ref SessionParam`, or a "
                   "Terraform plan whose role ARN is known only after apply and whose role name "
                   "matches no role in the assertion.",
        .fix = "Declare the value directly (--role-max-session 43200), or give declarations with "
               "concrete values (`terraform show -json plan.out`, `aws iam get-role --role-name "
               "NAME`), and check that the role name and account match the assertion's Role "
               "attribute.",
        .reference = "README.md § From a browser capture and `aws iam get-role`; Terraform JSON "
                     "output format "
                     "(https://developer.hashicorp.com/terraform/internals/json-format); README.md "
                     "§ Decisions where the contract is silent",
    },
    RuleInfo{
        .id = Rule::kDestinationMismatch.name(),
        .default_severity = kWarning,
        .category = kAssertion,
        .summary = "The Response's Destination attribute does not name the cloud's sign-in "
                   "endpoint.",
        .rationale = "Destination should be the endpoint the response is posted to; another value "
                     "usually means the IdP application was set up for another site, region or "
                     "service provider, and a service provider that checks it refuses the "
                     "sign-in. The clouds document the Recipient (see recipient-mismatch), so this "
                     "is a warning.",
        .example = "Destination=\"https://signin.aliyun.com/saml-role/sso\" in a response whose "
                   "Recipient is https://signin.alibabacloud.com/saml-role/sso.",
        .fix = "Set the IdP application's ACS (single sign-on) URL to the cloud's endpoint: "
               "https://signin.aws.amazon.com/saml or `https://<region>.signin.aws.amazon.com/saml`"
               " on AWS, https://signin.alibabacloud.com/saml-role/sso (international) or "
               "https://signin.aliyun.com/saml-role/sso (China site) on Alibaba Cloud.",
        .reference = "SAML 2.0 Core "
                     "(https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf), "
                     "StatusResponseType (Destination); AWS IAM User Guide, Configure SAML "
                     "assertions for the authentication response "
                     "(https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                     "id_roles_providers_create_saml_assertions.html); "
                     "Alibaba Cloud, SAML response for role-based SSO "
                     "(https://www.alibabacloud.com/help/en/ram/saml-response-for-role-based-sso)",
    },
    RuleInfo{
        .id = Rule::kDuplicateId.name(),
        .default_severity = kError,
        .category = kAssertion,
        .summary = "Two elements of the response carry the same ID attribute value.",
        .rationale = "A signature points at the element it covers by ID; with duplicates, the "
                     "signature check and the code that reads the values can pick different "
                     "elements. That is how XML signature wrapping slips unsigned Role or "
                     "SessionDuration values past a valid signature.",
        .example = "A Response whose Assertion and an injected Extensions child both have "
                   "ID=\"_a1b2c3\".",
        .fix = "Have the IdP generate a unique ID for every element; a response your IdP did not "
               "produce this way has been tampered with and must not be trusted.",
        .reference = "XML Signature Syntax and Processing 1.1 "
                     "(https://www.w3.org/TR/xmldsig-core1/), same-document references; SAML 2.0 "
                     "Core (https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf), "
                     "ID attributes; README.md § Checking signatures",
    },
    RuleInfo{
        .id = Rule::kDurationExceedsRoleMax.name(),
        .default_severity = kError,
        .category = kLifetime,
        .summary = "The requested DurationSeconds is above the role's MaxSessionDuration, so the "
                   "STS call is refused.",
        .rationale = "AWS AssumeRole, AssumeRoleWithSAML and AssumeRoleWithWebIdentity fail with "
                     "\"The requested DurationSeconds exceeds the MaxSessionDuration set for this "
                     "role.\" and Alibaba Cloud AssumeRole, AssumeRoleWithSAML and "
                     "AssumeRoleWithOIDC fail with InvalidParameter.DurationSeconds: no "
                     "credentials at all. The usual cause is a CLI tool that copies the SAML "
                     "SessionDuration attribute into DurationSeconds while the role keeps the "
                     "default maximum of 3600 s.",
        .example = "DurationSeconds=43200 with a role MaxSessionDuration of 3600.",
        .fix = "Raise the role maximum to at least the requested duration (`aws iam update-role "
               "--role-name NAME --max-session-duration 43200`, `aliyun ram UpdateRole --RoleName "
               "NAME --NewMaxSessionDuration 43200`), or request no more than the role allows "
               "(e.g. `--duration-seconds 3600` in the client, or a smaller SessionDuration "
               "attribute in the IdP). Under role chaining (AssumeRole from another role's "
               "session) a higher role maximum does not help, since chained sessions are capped "
               "at 1 hour: request at most 3600 seconds, or stop chaining and raise the role "
               "maximum.",
        .reference =
            "AWS STS API Reference, AssumeRoleWithSAML "
            "(https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html), "
            "AssumeRole "
            "(https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html) "
            "and AssumeRoleWithWebIdentity "
            "(https://docs.aws.amazon.com/STS/latest/APIReference/"
            "API_AssumeRoleWithWebIdentity.html) "
            "(DurationSeconds); AWS IAM API Reference, UpdateRole (MaxSessionDuration; "
            "https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateRole.html); "
            "Alibaba Cloud STS API reference, AssumeRole "
            "(https://www.alibabacloud.com/help/en/ram/developer-reference/"
            "api-sts-2015-04-01-assumerole), "
            "AssumeRoleWithSAML "
            "(https://www.alibabacloud.com/help/en/ram/developer-reference/"
            "api-sts-2015-04-01-assumerolewithsaml) "
            "and AssumeRoleWithOIDC "
            "(https://www.alibabacloud.com/help/en/ram/developer-reference/"
            "api-sts-2015-04-01-assumerolewithoidc) "
            "(DurationSeconds); README.md § Decisions where the contract is silent "
            "(Rejection order)",
    },
    RuleInfo{
        .id = Rule::kDurationOutOfRange.name(),
        .default_severity = kError,
        .category = kLifetime,
        .summary = "The requested DurationSeconds is outside the range the STS API itself "
                   "accepts, whatever the role allows.",
        .rationale = "AWS role APIs accept 900..43200 s, GetFederationToken and GetSessionToken "
                     "900..129600 s, and Alibaba Cloud AssumeRole, AssumeRoleWithSAML and "
                     "AssumeRoleWithOIDC at least 900 s (failing with "
                     "InvalidParameter.DurationSeconds). The request is refused and gives no "
                     "credentials, and raising the role maximum does not help.",
        .example = "AssumeRoleWithSAML with DurationSeconds=600, or AssumeRole with "
                   "DurationSeconds=86400.",
        .fix = "Request a duration inside the API's range: 900..43200 for the AWS role APIs, "
               "900..129600 for GetFederationToken and GetSessionToken, at least 900 on Alibaba "
               "Cloud (e.g. `aws sts assume-role-with-saml ... --duration-seconds 3600`).",
        .reference =
            "AWS STS API Reference, AssumeRoleWithSAML "
            "(https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html), "
            "AssumeRole "
            "(https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html), "
            "AssumeRoleWithWebIdentity "
            "(https://docs.aws.amazon.com/STS/latest/APIReference/"
            "API_AssumeRoleWithWebIdentity.html), "
            "GetFederationToken "
            "(https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html) "
            "and GetSessionToken "
            "(https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html) "
            "(DurationSeconds); Alibaba Cloud STS API reference, AssumeRole "
            "(https://www.alibabacloud.com/help/en/ram/developer-reference/"
            "api-sts-2015-04-01-assumerole), "
            "AssumeRoleWithSAML "
            "(https://www.alibabacloud.com/help/en/ram/developer-reference/"
            "api-sts-2015-04-01-assumerolewithsaml) "
            "and AssumeRoleWithOIDC "
            "(https://www.alibabacloud.com/help/en/ram/developer-reference/"
            "api-sts-2015-04-01-assumerolewithoidc) "
            "(DurationSeconds); README.md § Decisions where the contract is silent "
            "(Rejection order)",
    },
    RuleInfo{
        .id = Rule::kEncryptedAssertionNoKey.name(),
        .default_severity = kError,
        .category = kTrust,
        .summary = "The response holds an EncryptedAssertion and no --sp-key was given, or the "
                   "key given does not decrypt it.",
        .rationale = "Without the plaintext assertion samlint cannot read the Role, "
                     "SessionDuration or SessionNotOnOrAfter values, so none of the response's "
                     "lifetime factors or signatures can be checked.",
        .example = "A response with `<saml:EncryptedAssertion>` checked without --sp-key.",
        .fix = "Pass the service provider's private key whose certificate the IdP encrypts to "
               "(--sp-key sp-key.pem), or check a capture taken before encryption.",
        .reference = "SAML 2.0 Core "
                     "(https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf), "
                     "EncryptedAssertion; XML Encryption Syntax and Processing 1.1 "
                     "(https://www.w3.org/TR/xmlenc-core1/); README.md § Checking signatures; "
                     "README.md § Reference (Command line): --sp-key",
    },
    RuleInfo{
        .id = Rule::kIdpValueUnknown.name(),
        .default_severity = kNote,
        .category = kInput,
        .summary = "An IdP configuration leaves a value the cloud reads to be computed at sign-in "
                   "(or known only after apply), so samlint cannot evaluate it from the "
                   "configuration.",
        .rationale = "A Keycloak realm export or a Terraform plan says what the IdP will send only "
                     "for hard-coded values: a mapper that reads a user attribute or the user's "
                     "roles, an Okta expression or group filter, or a Terraform value known after "
                     "apply is decided at sign-in. samlint does not invent such values: roles it "
                     "cannot know are not evaluated one by one, a SessionDuration computed at "
                     "sign-in is treated as absent, and checks of a value it cannot see are left "
                     "out. The note says which value and where it is configured.",
        .example = "A Keycloak client whose Role attribute comes from a saml-role-list-mapper, or "
                   "an okta_app_saml attribute statement `user.email` for RoleSessionName.",
        .fix = "Nothing to fix in the configuration; capture a response (browser capture or "
               "SAML-tracer export) and check it with samlint to see the values sent at sign-in, "
               "or hard-code the value in the IdP if it should not depend on the user.",
        .reference = "Keycloak Server Administration Guide, SAML clients "
                     "(https://www.keycloak.org/docs/latest/server_admin/); Terraform JSON output "
                     "format, after_unknown "
                     "(https://developer.hashicorp.com/terraform/internals/json-format); "
                     "docs/idp-config.md",
    },
    RuleInfo{
        .id = Rule::kInputUnreadable.name(),
        .default_severity = kError,
        .category = kInput,
        .summary = "An input cannot be read, or is none of the kinds samlint recognises (a SAML "
                   "response as XML, base64 or form body, a HAR capture, an STS request, a "
                   "CloudTrail event, role declarations).",
        .rationale = "A file that is not checked cannot show a problem: reporting it as an error "
                     "keeps a CI run from passing when a capture is truncated, double-encoded, "
                     "empty or unreadable.",
        .example = "A .b64 file holding a truncated base64 SAMLResponse, or a file without read "
                   "permission inside a directory given on the command line.",
        .fix = "Give the raw SAMLResponse (XML, base64 or the URL-encoded form body), a HAR "
               "export or a declarations file; check the file's permissions and that the capture "
               "is complete.",
        .reference = "README.md § Reference (Command line); README.md § Reference (Exit status); "
                     "README.md § Decisions where the contract is silent",
    },
    RuleInfo{
        .id = Rule::kIssuerMismatch.name(),
        .default_severity = kError,
        .category = kTrust,
        .summary = "The response's Issuer is not the entityID of the IdP metadata given with "
                   "--idp-metadata.",
        .rationale = "The cloud finds the SAML provider, and so the certificate it trusts, by "
                     "matching the Issuer to the entityID of the metadata uploaded for it; a "
                     "response whose Issuer differs is refused even when its signature is "
                     "valid.",
        .example = "Metadata with entityID http://www.okta.com/exk1 and a response whose Issuer "
                   "is http://www.okta.com/exk2 (a second Okta app).",
        .fix = "Make the IdP's entity ID match the metadata uploaded to the cloud, or upload the "
               "metadata of the IdP that actually signs.",
        .reference = "Alibaba Cloud, SAML response for role-based SSO "
                     "(https://www.alibabacloud.com/help/en/ram/saml-response-for-role-based-sso) "
                     "(Issuer must equal the entity ID of the uploaded IdP metadata); README.md § "
                     "Checking signatures; README.md § Reference (Command line): --idp-metadata",
    },
    RuleInfo{
        .id = Rule::kLifetimeBelowTarget.name(),
        .default_severity = kError,
        .category = kLifetime,
        .summary = "The effective lifetime of a scenario is shorter than the session length "
                   "asked for with --target.",
        .rationale = "The session ends at the minimum of its factors, so one forgotten setting (a "
                     "role maximum of 3600 s, a LoginSessionDuration of 6 h, an omitted "
                     "DurationSeconds) cuts the working day short and forces a new sign-in "
                     "mid-task. The finding names the binding factor and every factor below the "
                     "target, so the setting to change is the one named, not the IdP's session "
                     "length.",
        .example = "Alibaba Cloud console sign-in with SessionDuration 43200, SessionNotOnOrAfter "
                   "10 h ahead, LoginSessionDuration 6 h, role MaxSessionDuration 3600 and "
                   "--target 8h: effective 3600 s, bound by role_max_session_duration, with "
                   "login_session_duration also below the target.",
        .fix = "Raise each factor below the target, e.g. `aliyun ram UpdateRole --RoleName NAME "
               "--NewMaxSessionDuration 28800`, `aliyun ram SetSecurityPreference "
               "--LoginSessionDuration 8`, `aws iam update-role --role-name NAME "
               "--max-session-duration 28800`, `aws sso-admin update-permission-set "
               "--instance-arn ARN --permission-set-arn ARN --session-duration PT8H`, or the "
               "IdP's SessionDuration attribute and session length; or lower --target.",
        .reference =
            "Alibaba Cloud, How do I adjust session durations and STS token validity "
            "periods? "
            "(https://www.alibabacloud.com/help/en/ram/support/"
            "how-do-i-modify-the-validity-period-of-a-logon-session-or-an-sts-token); "
            "AWS STS API Reference, AssumeRoleWithSAML "
            "(https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html); "
            "AWS IAM Identity Center User Guide, Set session duration "
            "(https://docs.aws.amazon.com/singlesignon/latest/userguide/"
            "howtosessionduration.html); "
            "README.md § Debugging a short session",
    },
    RuleInfo{
        .id = Rule::kLifetimeUnbounded.name(),
        .default_severity = kNote,
        .category = kLifetime,
        .summary = "A saml:generic evaluation whose assertion carries no SessionNotOnOrAfter, with "
                   "no --sp-session-limit declared: the response does not bound the session.",
        .rationale = "A generic service provider decides its own session length (its session "
                     "timeout, idle timeout, refresh); the SAML assertion bounds it only through "
                     "AuthnStatement/@SessionNotOnOrAfter (SAML Core §2.7.2). The Conditions and "
                     "SubjectConfirmationData NotOnOrAfter bound delivery, not the session. "
                     "Without either factor samlint reports no number instead of inventing one: "
                     "the evaluation is issued with effective_seconds null and no binding factor.",
        .example = "A response to https://sp.example.com/acs whose AuthnStatement has no "
                   "SessionNotOnOrAfter, checked without --cloud and without --sp-session-limit.",
        .fix = "Declare the service provider's own session limit with --sp-session-limit DURATION "
               "(or sp-session-limit in samlint.toml), or have the IdP send SessionNotOnOrAfter in "
               "the AuthnStatement.",
        .reference = "SAML 2.0 Core §2.7.2 (SessionNotOnOrAfter) "
                     "(https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf); "
                     "SAML 2.0 Profiles §4.1.4.3 "
                     "(https://docs.oasis-open.org/security/saml/v2.0/saml-profiles-2.0-os.pdf); "
                     "README.md § Any SAML service provider",
    },
    RuleInfo{
        .id = Rule::kLimitExceeded.name(),
        .default_severity = kError,
        .category = kInput,
        .summary = "An input reached one of samlint's work limits (input size, gzip inflation, "
                   "signatures verified, XML or JSON nodes); what lies beyond the limit was not "
                   "checked.",
        .rationale = "Every byte samlint reads may come from an attacker or a broken IdP, so the "
                     "work one input may cause is bounded: thousands of signatures, a gzip bomb "
                     "or millions of tiny JSON values would otherwise take minutes and gigabytes. "
                     "A real SAML response or declarations file is far below every limit; an "
                     "input that reaches one was not fully checked, which must not pass "
                     "silently.",
        .example = "A response carrying 4,000 ds:Signature elements, or a .gz CloudTrail log that "
                   "inflates past 64 MiB.",
        .fix = "Check that the input is what you meant to give; if it is a genuine input, raise "
               "the limit the message names with --limit NAME=N.",
        .reference = "README.md § Reference (Limits)",
    },
    RuleInfo{
        .id = Rule::kLoginSessionOutOfRange.name(),
        .default_severity = kError,
        .category = kLifetime,
        .summary = "The declared Alibaba Cloud LoginSessionDuration is not a whole number of hours "
                   "from 1 to 24.",
        .rationale = "SetSecurityPreference takes LoginSessionDuration in whole hours, 1..24 "
                     "(older documentation said 6..24); another value is refused, so the console "
                     "session of RAM users and SAML role sign-ins keeps the current setting "
                     "(default 6 h) and the lifetime you planned does not happen.",
        .example = "--login-session 90m (not whole hours), or --login-session 36h (above 24).",
        .fix = "Declare and set a whole number of hours from 1 to 24: `aliyun ram "
               "SetSecurityPreference --LoginSessionDuration 12`.",
        .reference = "Alibaba Cloud RAM API reference, SetSecurityPreference "
                     "(LoginSessionDuration; "
                     "https://www.alibabacloud.com/help/en/ram/developer-reference/"
                     "api-ram-2015-05-01-setsecuritypreference); "
                     "Alibaba Cloud, How do I adjust session durations and STS token validity "
                     "periods? "
                     "(https://www.alibabacloud.com/help/en/ram/support/"
                     "how-do-i-modify-the-validity-period-of-a-logon-session-or-an-sts-token)",
    },
    RuleInfo{
        .id = Rule::kMultipleAssertions.name(),
        .default_severity = kError,
        .category = kAssertion,
        .summary = "The response holds more than one Assertion or EncryptedAssertion.",
        .rationale = "With several assertions, the one whose signature is checked and the one the "
                     "cloud reads can differ: that is how signature wrapping slips unsigned "
                     "values in, and a lifetime computed from one assertion may not be the one "
                     "the cloud uses.",
        .example = "A Response with a signed Assertion followed by a second, unsigned Assertion "
                   "carrying another Role attribute.",
        .fix = "Configure the IdP to send one Assertion per response; a second assertion the IdP "
               "did not put there means the response was tampered with.",
        .reference = "SAML 2.0 Core "
                     "(https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf), "
                     "Response; SAML 2.0 Profiles "
                     "(https://docs.oasis-open.org/security/saml/v2.0/saml-profiles-2.0-os.pdf) § "
                     "4.1.4.2; README.md § Checking signatures",
    },
    RuleInfo{
        .id = Rule::kNamespacePrefixRebound.name(),
        .default_severity = kError,
        .category = kTrust,
        .summary = "A namespace prefix is bound to two different namespaces in one response, so "
                   "elements that look alike in the text are different elements.",
        .rationale = "SAML and XML Signature are matched by namespace, not by prefix text. A "
                     "prefix such as `saml` rebound to another namespace makes an element read as "
                     "saml:Assertion by a prefix-matching parser and as something else by a "
                     "namespace-aware one: a way to make two parsers disagree about which "
                     "Assertion and which values the response carries. IdPs never need it.",
        .example = "`<saml:Assertion xmlns:saml=\"urn:example:not-saml:assertion\">` before the "
                   "signed Assertion, whose `saml` prefix is the SAML assertion namespace.",
        .fix = "Reject the response. If your IdP produced it, configure it (or what rewrites the "
               "response) to bind each prefix once.",
        .reference = "Namespaces in XML 1.0 § 6 "
                     "(https://www.w3.org/TR/xml-names/#scoping-defaulting); SAML 2.0 Core "
                     "(https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf) § 1.2; "
                     "README.md § Checking signatures",
    },
    RuleInfo{
        .id = Rule::kObservedLifetimeShort.name(),
        .default_severity = kWarning,
        .category = kLifetime,
        .summary = "An audit event shows credentials that expired sooner than the DurationSeconds "
                   "the call requested.",
        .rationale = "STS caps AssumeRoleWithSAML credentials at the assertion's "
                     "SessionNotOnOrAfter without an error, so the only trace of the cut is an "
                     "expiration earlier than asked for; the session ends mid-task and nobody "
                     "sees why.",
        .example = "A CloudTrail AssumeRoleWithSAML event with durationSeconds 43200 whose "
                   "credentials expire 1 hour after eventTime.",
        .fix = "Lengthen the IdP session that sets AuthnStatement/@SessionNotOnOrAfter, or "
               "request no more than it allows.",
        .reference =
            "AWS STS API Reference, AssumeRoleWithSAML "
            "(https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html) "
            "(SessionNotOnOrAfter); README.md § From a browser capture and `aws iam "
            "get-role` (CloudTrail and ActionTrail); README.md § Decisions where the "
            "contract is silent (Audit events)",
    },
    RuleInfo{
        .id = Rule::kOptionIgnored.name(),
        .default_severity = kNote,
        .category = kInput,
        .summary = "An option was given that does not apply to the scenario evaluated, so it had "
                   "no effect.",
        .rationale = "An option dropped without a word makes the result look as if it took your "
                     "setting into account: --role-chaining on Alibaba Cloud (no role-chaining cap "
                     "is documented there), --login-session on an AWS scenario, or "
                     "--duration-seconds for an input that carries its own DurationSeconds.",
        .example = "--scenario aliyun:assume-role --role-chaining.",
        .fix = "Drop the option, or choose with --scenario the scenario it applies to (e.g. "
               "aws:assume-role for --role-chaining).",
        .reference = "Alibaba Cloud, How do I adjust session durations and STS token validity "
                     "periods? "
                     "(https://www.alibabacloud.com/help/en/ram/support/"
                     "how-do-i-modify-the-validity-period-of-a-logon-session-or-an-sts-token) "
                     "(no role-chaining cap on Alibaba Cloud); README.md § Decisions where the "
                     "contract is silent (option-ignored)",
    },
    RuleInfo{
        .id = Rule::kPermissionSetDurationOutOfRange.name(),
        .default_severity = kError,
        .category = kLifetime,
        .summary = "The declared IAM Identity Center permission-set SessionDuration is outside "
                   "PT1H..PT12H.",
        .rationale = "Identity Center accepts a permission-set session duration from 1 h to 12 h "
                     "(ISO 8601, default PT1H) and refuses other values, so the role credentials "
                     "users get from the access portal and the CLI keep the old duration. The "
                     "access-portal session (default 8 h) is a separate setting and does not "
                     "lengthen role credentials.",
        .example = "--permission-set-session PT30M, or --permission-set-session PT24H.",
        .fix = "Use a value from PT1H to PT12H: `aws sso-admin update-permission-set "
               "--instance-arn ARN --permission-set-arn ARN --session-duration PT8H`, then `aws "
               "sso-admin provision-permission-set --instance-arn ARN --permission-set-arn ARN "
               "--target-type ALL_PROVISIONED_ACCOUNTS`.",
        .reference =
            "AWS IAM Identity Center User Guide, Set session duration "
            "(https://docs.aws.amazon.com/singlesignon/latest/userguide/howtosessionduration.html)",
    },
    RuleInfo{
        .id = Rule::kRecipientMismatch.name(),
        .default_severity = kError,
        .category = kAssertion,
        .summary = "The SubjectConfirmationData Recipient is not the cloud's sign-in endpoint, or "
                   "there is not exactly one SubjectConfirmationData carrying both NotOnOrAfter "
                   "and Recipient.",
        .rationale = "AWS needs exactly one SubjectConfirmationData with NotOnOrAfter and a "
                     "Recipient of https://signin.aws.amazon.com/saml, "
                     "`https://<region>.signin.aws.amazon.com/saml` or, with encryption, "
                     "`.../saml/acs/<IdP-ID>`; Alibaba Cloud expects "
                     "https://signin.alibabacloud.com/saml-role/sso (international) or "
                     "https://signin.aliyun.com/saml-role/sso (China site). Any other Recipient "
                     "makes the sign-in fail.",
        .example = "An AWS response with Recipient=\"https://idp.example.com/acs\", or with no "
                   "Recipient at all.",
        .fix = "Set the IdP application's ACS (Recipient) URL to the cloud's endpoint and emit "
               "one SubjectConfirmationData with both NotOnOrAfter and Recipient.",
        .reference = "AWS IAM User Guide, Configure SAML assertions for the authentication "
                     "response "
                     "(https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                     "id_roles_providers_create_saml_assertions.html); "
                     "Alibaba Cloud, SAML response for role-based SSO "
                     "(https://www.alibabacloud.com/help/en/ram/saml-response-for-role-based-sso)",
    },
    RuleInfo{
        .id = Rule::kRedemptionWindowExceeded.name(),
        .default_severity = kError,
        .category = kAssertion,
        .summary = "An AWS SAML response is used more than 5 minutes (plus --clock-skew) after "
                   "the earlier of the Response's and the Assertion's IssueInstant.",
        .rationale = "AWS STS refuses such an assertion with \"Token must be redeemed within 5 "
                     "minutes of issuance\" (observed behaviour, not documented): a response saved "
                     "and replayed later, or a slow tool chain between IdP and STS, gets no "
                     "credentials.",
        .example = "IssueInstant=\"2026-11-23T10:00:00Z\" checked with --now 2026-11-23T10:10:00Z "
                   "and the default --clock-skew 3m.",
        .fix = "Call AssumeRoleWithSAML right after sign-in with a fresh response (sign in again "
               "rather than reuse a saved one), and synchronise the IdP's and the client's clocks "
               "(NTP).",
        .reference =
            "AWS IAM User Guide, Troubleshoot SAML 2.0 federation with AWS "
            "(https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html); "
            "AWS STS API Reference, AssumeRoleWithSAML "
            "(https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html)",
    },
    RuleInfo{
        .id = Rule::kRoleAttributeMalformed.name(),
        .default_severity = kError,
        .category = kAssertion,
        .summary = "A value of the Role attribute is not a role ARN and a saml-provider ARN "
                   "separated by one comma.",
        .rationale = "AWS needs each value as a role ARN and a saml-provider ARN separated by a "
                     "comma, in either order, with no spaces; Alibaba Cloud needs "
                     "`acs:ram::<account>:role/<name>,acs:ram::<account>:saml-provider/<name>`. A "
                     "value with a space, a missing provider or the other cloud's ARN makes the "
                     "sign-in fail or hides that role from the role picker.",
        .example = "`arn:aws:iam::123456789012:role/ops, "
                   "arn:aws:iam::123456789012:saml-provider/okta` (a space after the comma).",
        .fix = "Have the IdP emit each value as ROLE_ARN,PROVIDER_ARN with no spaces, e.g. "
               "`arn:aws:iam::123456789012:role/ops,arn:aws:iam::123456789012:saml-provider/okta` "
               "or `acs:ram::1234567890123456:role/ops,acs:ram::1234567890123456:saml-provider/"
               "okta`.",
        .reference = "AWS IAM User Guide, Configure SAML assertions for the authentication "
                     "response "
                     "(https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                     "id_roles_providers_create_saml_assertions.html) "
                     "(Role); Alibaba Cloud, SAML response for role-based SSO "
                     "(https://www.alibabacloud.com/help/en/ram/saml-response-for-role-based-sso); "
                     "README.md § Decisions where the contract is silent (Role values)",
    },
    RuleInfo{
        .id = Rule::kRoleAttributeMissing.name(),
        .default_severity = kError,
        .category = kAssertion,
        .summary = "The assertion has no Role attribute for the cloud "
                   "(https://aws.amazon.com/SAML/Attributes/Role or "
                   "https://www.aliyun.com/SAML-Role/Attributes/Role), or the attribute has no "
                   "value.",
        .rationale = "The Role attribute is required on both clouds: without it there is no role "
                     "to assume and the sign-in fails before any session exists. A typo in the "
                     "attribute name or the other cloud's prefix is the usual cause.",
        .example = "An Alibaba Cloud response with "
                   "https://www.aliyun.com/SAML-Role/Attributes/RoleSessionName but no "
                   "https://www.aliyun.com/SAML-Role/Attributes/Role.",
        .fix = "Add the attribute to the IdP application: name "
               "https://aws.amazon.com/SAML/Attributes/Role or "
               "https://www.aliyun.com/SAML-Role/Attributes/Role, one value per role, each "
               "ROLE_ARN,PROVIDER_ARN.",
        .reference = "AWS IAM User Guide, Configure SAML assertions for the authentication "
                     "response "
                     "(https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                     "id_roles_providers_create_saml_assertions.html) "
                     "(Role); Alibaba Cloud, SAML response for role-based SSO "
                     "(https://www.alibabacloud.com/help/en/ram/saml-response-for-role-based-sso)",
    },
    RuleInfo{
        .id = Rule::kRoleChainingLimit.name(),
        .default_severity = kError,
        .category = kLifetime,
        .summary = "An AWS AssumeRole call made with role credentials (role chaining) requests "
                   "more than 3600 seconds.",
        .rationale = "AWS caps role-chained sessions at 1 h and refuses a longer request with "
                     "\"The requested DurationSeconds exceeds the 1 hour session limit for roles "
                     "assumed by role chaining.\" This includes switching role in the console "
                     "after a SAML sign-in; raising the second role's MaxSessionDuration does not "
                     "lift the cap.",
        .example = "--scenario aws:assume-role --role-chaining --duration-seconds 43200.",
        .fix = "Request at most 3600 s for a chained call (`aws sts assume-role --role-arn ARN "
               "--role-session-name NAME --duration-seconds 3600`), or reach the target role "
               "directly (list it in the SAML Role attribute, or assume it from user "
               "credentials) so that its own MaxSessionDuration applies.",
        .reference = "AWS STS API Reference, AssumeRole "
                     "(https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html) "
                     "(DurationSeconds, role chaining); AWS IAM User Guide, Roles terms and "
                     "concepts: role chaining "
                     "(https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                     "id_roles_terms-and-concepts.html#iam-term-role-chaining)",
    },
    RuleInfo{
        .id = Rule::kRoleMaxOutOfRange.name(),
        .default_severity = kError,
        .category = kLifetime,
        .summary = "The declared role MaxSessionDuration is outside 3600..43200 seconds.",
        .rationale = "CreateRole and UpdateRole on AWS and on Alibaba Cloud accept a role maximum "
                     "from 3600 to 43200 s only; another value is refused, so the role keeps its "
                     "current maximum (default 3600 s) and any longer DurationSeconds is "
                     "rejected.",
        .example = "--role-max-session 1800, or a CloudFormation role with `MaxSessionDuration: "
                   "86400`.",
        .fix = "Use a value from 3600 to 43200: `aws iam update-role --role-name NAME "
               "--max-session-duration 43200` or `aliyun ram UpdateRole --RoleName NAME "
               "--NewMaxSessionDuration 43200`.",
        .reference = "AWS IAM API Reference, UpdateRole (MaxSessionDuration; "
                     "https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateRole.html); "
                     "Alibaba Cloud, Specify the maximum session duration for a RAM role "
                     "(https://www.alibabacloud.com/help/en/ram/user-guide/"
                     "specify-the-maximum-session-duration-for-a-ram-role)",
    },
    RuleInfo{
        .id = Rule::kRoleNotInAssertion.name(),
        .default_severity = kWarning,
        .category = kInput,
        .summary = "A role named by a declaration or an option is not among the Role attribute "
                   "values of the SAML response it is checked with.",
        .rationale = "Evaluations are made for the roles the assertion offers, so the declared "
                     "limits of another role are applied to none of them. It usually means the "
                     "IdP maps the user to another role or account than the one you tuned, and "
                     "the role people sign in to still has its old limits.",
        .example = "--declarations role.json for arn:aws:iam::123456789012:role/admin with a "
                   "response whose only Role value is arn:aws:iam::123456789012:role/ops.",
        .fix = "Declare the role the assertion offers, or fix the IdP application's Role "
               "attribute so that it lists the role you mean.",
        .reference = "README.md § From a browser capture and `aws iam get-role` (STS requests); "
                     "README.md § Decisions where the contract is silent (Role values)",
    },
    RuleInfo{
        .id = Rule::kRoleSessionNameInvalid.name(),
        .default_severity = kError,
        .category = kAssertion,
        .summary = "The RoleSessionName attribute has several values or breaks the cloud's rules: "
                   "on AWS 2..64 characters of `[a-zA-Z_0-9+=,.@-]`, on Alibaba Cloud 2..64 "
                   "letters, digits and `. @ - _`.",
        .rationale = "The cloud refuses the sign-in or the STS call when the session name is too "
                     "short, too long or has other characters, typically a display name with a "
                     "space or a long email address. On Alibaba Cloud, `= , +` (allowed by "
                     "older role-SSO documentation, which also limited names to 32 characters) "
                     "give a warning instead of an error.",
        .example = "RoleSessionName \"Jane Doe\" (a space), or \"j\" (one character).",
        .fix = "Map RoleSessionName in the IdP application to a value both clouds accept, e.g. "
               "the username or email address, 2..64 characters of letters, digits and "
               "`. @ - _`.",
        .reference = "AWS IAM User Guide, Configure SAML assertions for the authentication "
                     "response "
                     "(https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                     "id_roles_providers_create_saml_assertions.html) "
                     "(RoleSessionName); Alibaba Cloud, SAML response for role-based SSO "
                     "(https://www.alibabacloud.com/help/en/ram/saml-response-for-role-based-sso); "
                     "README.md § Decisions where the contract is silent (Alibaba RoleSessionName)",
    },
    RuleInfo{
        .id = Rule::kRoleSessionNameMissing.name(),
        .default_severity = kError,
        .category = kAssertion,
        .summary = "The assertion has no RoleSessionName attribute for the cloud.",
        .rationale = "RoleSessionName (https://aws.amazon.com/SAML/Attributes/RoleSessionName, "
                     "https://www.aliyun.com/SAML-Role/Attributes/RoleSessionName) is required on "
                     "both clouds; without it the sign-in fails. It is also the name that shows "
                     "who acted in CloudTrail and ActionTrail.",
        .example = "An AWS response with a Role attribute but no "
                   "https://aws.amazon.com/SAML/Attributes/RoleSessionName.",
        .fix = "Add the attribute to the IdP application with one value per user, e.g. the "
               "username or email address.",
        .reference = "AWS IAM User Guide, Configure SAML assertions for the authentication "
                     "response "
                     "(https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                     "id_roles_providers_create_saml_assertions.html) "
                     "(RoleSessionName); Alibaba Cloud, SAML response for role-based SSO "
                     "(https://www.alibabacloud.com/help/en/ram/saml-response-for-role-based-sso)",
    },
    RuleInfo{
        .id = Rule::kSessionDurationExceedsRoleMax.name(),
        .default_severity = kWarning,
        .category = kLifetime,
        .summary = "The SAML SessionDuration attribute is longer than the declared role "
                   "MaxSessionDuration.",
        .rationale = "On AWS the console session follows the attribute and ignores the role "
                     "maximum, so the console works; but tools that copy SessionDuration into "
                     "DurationSeconds are then rejected with \"The requested DurationSeconds "
                     "exceeds the MaxSessionDuration set for this role.\" On Alibaba Cloud the "
                     "role maximum also caps the console session, so users get less than the "
                     "attribute promises.",
        .example = "SessionDuration attribute 43200 with a declared role MaxSessionDuration of "
                   "3600.",
        .fix = "Raise the role maximum to the attribute's value (`aws iam update-role --role-name "
               "NAME --max-session-duration 43200`, `aliyun ram UpdateRole --RoleName NAME "
               "--NewMaxSessionDuration 43200`), or lower the SessionDuration attribute in the "
               "IdP application to the role maximum.",
        .reference = "AWS IAM User Guide, Configure SAML assertions for the authentication "
                     "response "
                     "(https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                     "id_roles_providers_create_saml_assertions.html) "
                     "(SessionDuration); AWS IAM API Reference, UpdateRole (MaxSessionDuration; "
                     "https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateRole.html); "
                     "README.md § Decisions where the contract is silent "
                     "(session-duration-exceeds-role-max)",
    },
    RuleInfo{
        .id = Rule::kSessionDurationOutOfRange.name(),
        .default_severity = kError,
        .category = kLifetime,
        .summary = "The SAML SessionDuration attribute is outside 900..43200 seconds, is not an "
                   "integer, or is given more than once.",
        .rationale = "Both clouds document SessionDuration as one integer number of seconds from "
                     "900 to 43200 (older Alibaba Cloud documentation: 900..3600); AWS documents "
                     "no behaviour for other values, so the session may be refused or silently "
                     "get another length. An integer is still used as the factor; anything else "
                     "counts as absent, with the 3600 s default assumed.",
        .example = "`<AttributeValue>12h</AttributeValue>` for "
                   "https://aws.amazon.com/SAML/Attributes/SessionDuration, or the value 86400.",
        .fix = "Have the IdP send one integer from 900 to 43200 in the SessionDuration attribute "
               "(e.g. 28800 for 8 h), no more than the role's MaxSessionDuration.",
        .reference = "AWS IAM User Guide, Configure SAML assertions for the authentication "
                     "response "
                     "(https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                     "id_roles_providers_create_saml_assertions.html) "
                     "(SessionDuration); Alibaba Cloud, SAML response for role-based SSO "
                     "(https://www.alibabacloud.com/help/en/ram/saml-response-for-role-based-sso); "
                     "README.md § Decisions where the contract is silent (The SessionDuration "
                     "attribute given twice)",
    },
    RuleInfo{
        .id = Rule::kSessionExpired.name(),
        .default_severity = kError,
        .category = kLifetime,
        .summary = "The assertion's SessionNotOnOrAfter is at or before the moment of use, so the "
                   "session is already over.",
        .rationale = "SessionNotOnOrAfter caps both the console session and the "
                     "AssumeRoleWithSAML credentials on both clouds; once it has passed there is "
                     "no session to give and the sign-in fails or ends at once. samlint reports "
                     "the factor as 0 s, never as a negative lifetime.",
        .example = "SessionNotOnOrAfter=\"2026-11-23T09:00:00Z\" checked with --now "
                   "2026-11-23T10:00:00Z.",
        .fix = "Sign in again for a fresh response; if the IdP sets SessionNotOnOrAfter at or "
               "near IssueInstant, lengthen the IdP's session lifetime for the application so "
               "that SessionNotOnOrAfter lies at least the target beyond IssueInstant.",
        .reference =
            "SAML 2.0 Core "
            "(https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf), "
            "AuthnStatement (SessionNotOnOrAfter); Alibaba Cloud, How do I adjust session "
            "durations and STS token validity periods? "
            "(https://www.alibabacloud.com/help/en/ram/support/"
            "how-do-i-modify-the-validity-period-of-a-logon-session-or-an-sts-token); "
            "AWS STS API Reference, AssumeRoleWithSAML "
            "(https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html)",
    },
    RuleInfo{
        .id = Rule::kSignatureAlgorithmUnsupported.name(),
        .default_severity = kError,
        .category = kTrust,
        .summary = "The signature uses an algorithm samlint's xmlsec 1.2 cannot check (for "
                   "example RSA-PSS), so it was not verified.",
        .rationale = "A signature that cannot be checked proves nothing to samlint, so no value is "
                     "reported as signed and the status is not-checked. The cloud may still "
                     "accept the algorithm; this finding is about what samlint could verify, not "
                     "a proof that the signature is wrong.",
        .example = "SignatureMethod http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1 "
                   "(RSA-PSS).",
        .fix = "Sign with RSA-SHA256 (or ECDSA-SHA256) and a SHA-256 digest, which every SAML "
               "service provider supports; or verify this response with a tool that supports the "
               "algorithm.",
        .reference = "XML Signature 1.1 § 6, Algorithms "
                     "(https://www.w3.org/TR/xmldsig-core1/#sec-Algorithms); XML Security Library "
                     "(xmlsec) (https://www.aleksey.com/xmlsec/); README.md § Decisions where the "
                     "contract is silent (Algorithms xmlsec 1.2 cannot compute)",
    },
    RuleInfo{
        .id = Rule::kSignatureInvalid.name(),
        .default_severity = kError,
        .category = kTrust,
        .summary = "A signature's digest or signature value does not verify: the signed content "
                   "changed after signing, or it was signed with another key than the one it "
                   "names.",
        .rationale = "The cloud refuses a response whose signature does not verify, so the "
                     "sign-in fails; and if the response was edited (a Role value or "
                     "SessionDuration changed by hand or by a proxy), the values samlint reads are "
                     "not the ones the IdP vouched for.",
        .example = "A signed response whose SessionDuration attribute was edited from 3600 to "
                   "43200 after signing.",
        .fix = "Check a capture taken unmodified (no re-indenting, re-encoding or pretty "
               "printing); if it is exactly what the IdP sent, check the IdP's signing "
               "configuration and the certificate uploaded to the cloud's SAML provider.",
        .reference = "XML Signature Syntax and Processing 1.1 "
                     "(https://www.w3.org/TR/xmldsig-core1/), reference and signature validation; "
                     "README.md § Checking signatures",
    },
    RuleInfo{
        .id = Rule::kSignatureKeyUntrusted.name(),
        .default_severity = kError,
        .category = kTrust,
        .summary = "The response is signed with a key that matches none of the trust anchors "
                   "given with --cert or --idp-metadata.",
        .rationale = "The cloud accepts only signatures made with the certificates in its SAML "
                     "provider's metadata; a response signed by another key (after an IdP key "
                     "rollover, or from another IdP application) fails to sign in, and a forged "
                     "response looks exactly like this.",
        .example = "A response whose KeyInfo certificate has the fingerprint sha256:ab12... while "
                   "--idp-metadata lists only sha256:9f86....",
        .fix = "If the IdP rolled its key, upload the new metadata (`aws iam update-saml-provider "
               "--saml-provider-arn ARN --saml-metadata-document file://metadata.xml`, `aliyun "
               "ram UpdateSAMLProvider --SAMLProviderName NAME --NewEncodedSAMLMetadataDocument "
               "BASE64`) and pass the new certificate with --cert; otherwise do not trust the "
               "response.",
        .reference = "Alibaba Cloud, SAML response for role-based SSO "
                     "(https://www.alibabacloud.com/help/en/ram/saml-response-for-role-based-sso) "
                     "(IdP metadata); README.md § Checking signatures; README.md § Reference "
                     "(Command line): --cert, --idp-metadata",
    },
    RuleInfo{
        .id = Rule::kSignatureMissing.name(),
        .default_severity = kNote,
        .category = kTrust,
        .summary = "The response carries no signature at all.",
        .rationale = "The cloud checks the IdP's signature against the metadata it holds, and "
                     "Alibaba Cloud requires the whole Assertion to be signed, so an unsigned "
                     "response signs nobody in; none of its values (Role, SessionDuration, "
                     "SessionNotOnOrAfter) can be trusted. A note by default, since captures are "
                     "often checked for their lifetime only; an error with --cert, "
                     "--idp-metadata or --require-signature.",
        .example = "A Response and Assertion without any `<ds:Signature>` element.",
        .fix = "Enable signing in the IdP application (sign the Assertion, which Alibaba Cloud "
               "requires, or both Response and Assertion), and verify it with --cert or "
               "--idp-metadata.",
        .reference = "Alibaba Cloud, SAML response for role-based SSO "
                     "(https://www.alibabacloud.com/help/en/ram/saml-response-for-role-based-sso); "
                     "AWS IAM User Guide, Configure SAML assertions for the authentication "
                     "response "
                     "(https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                     "id_roles_providers_create_saml_assertions.html); "
                     "SAML 2.0 Profiles "
                     "(https://docs.oasis-open.org/security/saml/v2.0/saml-profiles-2.0-os.pdf) § "
                     "4.1.4.5; README.md § Checking signatures",
    },
    RuleInfo{
        .id = Rule::kSignatureNotChecked.name(),
        .default_severity = kNote,
        .category = kTrust,
        .summary = "The response is signed, but no trust anchor (--cert or --idp-metadata) was "
                   "given to check the signature against.",
        .rationale = "Without a trust anchor samlint cannot tell a valid response from an edited "
                     "or forged one, so every factor from the document is reported as not signed "
                     "and the lifetime is computed from the values as they stand. A note by "
                     "default; an error with --require-signature.",
        .example = "`samlint check response.xml` on a signed response, with no --cert and no "
                   "--idp-metadata.",
        .fix = "Pass the IdP signing certificate (--cert idp.pem) or the IdP metadata "
               "(--idp-metadata metadata.xml, the same file uploaded to the cloud's SAML "
               "provider).",
        .reference = "README.md § Checking signatures; README.md § Reference (Command line): "
                     "--cert, --idp-metadata, --require-signature",
    },
    RuleInfo{
        .id = Rule::kSignatureNotCoveringAssertion.name(),
        .default_severity = kError,
        .category = kTrust,
        .summary = "A valid signature exists, but it covers neither the assertion the cloud reads "
                   "nor a Response holding exactly that one assertion.",
        .rationale = "This is the shape of XML signature wrapping: a signed element sits somewhere "
                     "in the document while the cloud reads an unsigned assertion next to it. The "
                     "unsigned assertion's Role and SessionDuration values are not vouched for by "
                     "the IdP.",
        .example = "A signed Assertion moved into an Extensions element, with an unsigned "
                   "Assertion carrying another Role placed as the Response's child.",
        .fix = "Do not trust the response unless your IdP produced it as is; if it did, configure "
               "the IdP to sign the Assertion it sends (or a Response holding only that "
               "Assertion).",
        .reference = "XML Signature Syntax and Processing 1.1 "
                     "(https://www.w3.org/TR/xmldsig-core1/), same-document references; README.md "
                     "§ Checking signatures (binding, one view); README.md § Decisions where the "
                     "contract is silent (Wrapped signatures)",
    },
    RuleInfo{
        .id = Rule::kSignatureWeakAlgorithm.name(),
        .default_severity = kWarning,
        .category = kTrust,
        .summary = "The signature covering the assertion uses SHA-1 as its signature or digest "
                   "method, or a key shorter than the 1024 bits AWS asks of a metadata "
                   "certificate.",
        .rationale = "SHA-1 collisions are practical, so a SHA-1 signature protects less than it "
                     "seems. AWS documents no SHA-1 ban and asks only for a metadata certificate "
                     "key of at least 1024 bits, so the signature still verifies and sign-in "
                     "works today; this is a warning to move before it is refused.",
        .example = "SignatureMethod http://www.w3.org/2000/09/xmldsig#rsa-sha1 with DigestMethod "
                   "http://www.w3.org/2000/09/xmldsig#sha1.",
        .fix = "Switch the IdP application to RSA-SHA256 signatures with SHA-256 digests (the "
               "signature and digest algorithm settings of its SAML configuration).",
        .reference = "XML Signature 1.1 § 6, Algorithms "
                     "(https://www.w3.org/TR/xmldsig-core1/#sec-Algorithms); AWS IAM User Guide, "
                     "Configure SAML assertions for the authentication response "
                     "(https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                     "id_roles_providers_create_saml_assertions.html); "
                     "README.md § Checking signatures",
    },
    RuleInfo{
        .id = Rule::kSourceIdentityInvalid.name(),
        .default_severity = kError,
        .category = kAssertion,
        .summary = "The AWS SourceIdentity attribute has several values, starts with aws:, or is "
                   "not 2..64 characters of `[a-zA-Z_0-9+=,.@-]`.",
        .rationale = "AWS refuses an assertion whose SourceIdentity breaks these rules, so the "
                     "sign-in fails for every user the IdP maps that way, typically because a "
                     "display name or a long email address is used.",
        .example = "SourceIdentity \"aws:jane\" or \"Jane Doe\".",
        .fix = "Map SourceIdentity to a value of 2..64 characters from `[a-zA-Z_0-9+=,.@-]` that "
               "does not start with aws:, or stop sending the attribute.",
        .reference = "AWS IAM User Guide, Configure SAML assertions for the authentication "
                     "response "
                     "(https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                     "id_roles_providers_create_saml_assertions.html) "
                     "(SourceIdentity)",
    },
    RuleInfo{
        .id = Rule::kStatusNotSuccess.name(),
        .default_severity = kError,
        .category = kAssertion,
        .summary = "The Response's top-level StatusCode is not "
                   "urn:oasis:names:tc:SAML:2.0:status:Success.",
        .rationale = "The IdP is reporting a failure (authentication failed, request denied, "
                     "unknown principal); the response carries no usable assertion, so the cloud "
                     "refuses it and no lifetime can be computed from it.",
        .example = "`<StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Responder\"/>` with "
                   "a second-level urn:oasis:names:tc:SAML:2.0:status:AuthnFailed.",
        .fix = "Read the StatusMessage and the second-level StatusCode and fix the IdP side (the "
               "user's assignment to the application, MFA, sign-on policy); then capture a new "
               "response.",
        .reference = "SAML 2.0 Core "
                     "(https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf), "
                     "Status and StatusCode",
    },
    RuleInfo{
        .id = Rule::kStsCallFailed.name(),
        .default_severity = kError,
        .category = kInput,
        .summary = "An audit event records an STS call that failed for a reason no other rule "
                   "names.",
        .rationale = "A failed AssumeRole* call means no session at all; the event's errorCode "
                     "and errorMessage are the cloud's own explanation and belong in the report.",
        .example = "A CloudTrail AssumeRoleWithSAML event with errorCode AccessDenied and "
                   "errorMessage \"Not authorized to perform sts:AssumeRoleWithSAML\".",
        .fix = "Read the quoted error message; for AccessDenied, check the role's trust policy "
               "and the SAML provider ARN.",
        .reference = "AWS STS API Reference, Common errors "
                     "(https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html); "
                     "README.md § From a browser capture and `aws iam get-role` (CloudTrail and "
                     "ActionTrail)",
    },
    RuleInfo{
        .id = Rule::kSuppressionInvalid.name(),
        .default_severity = kWarning,
        .category = kInput,
        .summary = "An inline `samlint-disable` comment gives no reason, names no rule, names "
                   "a rule that does not exist, or names a trust rule; the rules it cannot name "
                   "are not suppressed.",
        .rationale = "A suppression is a decision someone must be able to review: without a "
                     "reason it is not applied, and a misspelt rule id would otherwise hide "
                     "nothing while looking like it does. Trust rules (signatures, keys, "
                     "issuer) cannot be silenced from inside the document: comments are outside "
                     "the signed canonical form, so anyone on the path could add one to a "
                     "signed response.",
        .example = "`<!-- samlint-disable audience-mismatch -->` (no reason), or "
                   "`<!-- samlint-disable audience-mismatc: staging SP -->` (unknown rule).",
        .fix = "Write `<!-- samlint-disable RULE[,RULE...]: why the finding is acceptable -->` "
               "with rule ids from `samlint rules`.",
        .reference = "docs/config.md § Inline suppressions",
    },
    RuleInfo{
        .id = Rule::kSuppressionUnused.name(),
        .default_severity = kWarning,
        .category = kInput,
        .summary = "An inline `samlint-disable` comment names a rule that does not fire where the "
                   "comment applies.",
        .rationale = "A stale suppression outlives the problem it excused and would silently "
                     "hide the same finding if it came back for another reason; removing it "
                     "keeps the file honest (like ruff's unused-noqa).",
        .example = "`<!-- samlint-disable recipient-mismatch: legacy ACS -->` before an element "
                   "whose Recipient matches.",
        .fix = "Remove the rule from the comment, or the comment when it names nothing else.",
        .reference = "docs/config.md § Inline suppressions",
    },
    RuleInfo{
        .id = Rule::kWorkforcePoolSessionOutOfRange.name(),
        .default_severity = kError,
        .category = kLifetime,
        .summary = "The declared Google Cloud workforce pool sessionDuration is outside 900..43200 "
                   "seconds.",
        .rationale = "Google Cloud accepts a workforce pool sessionDuration from 15 minutes (900 "
                     "s) to 12 hours (43200 s) only; another value is refused when the pool is "
                     "created or updated, so the pool keeps its current duration (default 3600 s) "
                     "and the declaration does not describe a pool that can exist.",
        .example = "--workforce-pool-session 50000, or a pool described with \"sessionDuration\": "
                   "\"600s\".",
        .fix = "Use a value from 900 to 43200 seconds: `gcloud iam workforce-pools update POOL "
               "--location=global --session-duration=43200s`.",
        .reference =
            "Google Cloud IAM REST reference, locations.workforcePools (sessionDuration; "
            "https://docs.cloud.google.com/iam/docs/reference/rest/v1/locations.workforcePools)",
    },
    RuleInfo{
        .id = Rule::kWorkforcePoolSignInDisabled.name(),
        .default_severity = kError,
        .category = kLifetime,
        .summary = "The declared Google Cloud workforce pool is disabled, or disables programmatic "
                   "sign-in for an STS token exchange.",
        .rationale = "A disabled workforce pool cannot be used to exchange tokens or to sign in "
                     "(\"You cannot use a disabled pool to exchange tokens\"), and a pool with "
                     "accessRestrictions.disableProgrammaticSignin set refuses token issue through "
                     "the Security Token Service endpoint, so no session is issued at all.",
        .example = "A `gcloud iam workforce-pools describe` JSON with \"disabled\": true, or with "
                   "\"accessRestrictions\": {\"disableProgrammaticSignin\": true} checked for "
                   "gcp:workforce-token.",
        .fix = "Enable the pool (`gcloud iam workforce-pools update POOL --location=global "
               "--no-disabled`), or, when programmatic sign-in is disabled on purpose, sign in "
               "through the console instead of the STS token exchange.",
        .reference =
            "Google Cloud IAM REST reference, locations.workforcePools (disabled, "
            "accessRestrictions.disableProgrammaticSignin; "
            "https://docs.cloud.google.com/iam/docs/reference/rest/v1/locations.workforcePools)",
    },
    RuleInfo{
        .id = Rule::kXmlCommentInValue.name(),
        .default_severity = kError,
        .category = kTrust,
        .summary = "An XML comment sits inside a value that is read: NameID, an AttributeValue or "
                   "a DigestValue.",
        .rationale = "Parsers disagree on text around a comment: some read only the part before "
                     "it, while canonicalization drops the comment, so the signature still "
                     "verifies. That is the known comment-injection attack on SAML libraries: "
                     "`admin@example.com<!---->.evil.example` is read as admin@example.com, and a "
                     "Role value can be changed the same way.",
        .example = "`<NameID>admin@example.com<!---->.evil.example</NameID>`.",
        .fix = "Do not trust the response: IdPs do not put comments inside values, so find out "
               "who edited it; if your IdP does, report it to its vendor.",
        .reference = "XML Signature Syntax and Processing 1.1 "
                     "(https://www.w3.org/TR/xmldsig-core1/), canonicalization without comments; "
                     "README.md § Checking signatures",
    },
    RuleInfo{
        .id = Rule::kXmlDoctype.name(),
        .default_severity = kError,
        .category = kTrust,
        .summary = "The input contains a DOCTYPE declaration.",
        .rationale = "A SAML message never needs a DOCTYPE; one is used for entity expansion "
                     "(billion laughs) and external entity (XXE) attacks on whoever parses the "
                     "response. samlint refuses the input without processing it, as a careful "
                     "service provider does.",
        .example = "`<!DOCTYPE Response [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>` before "
                   "`<samlp:Response>`.",
        .fix = "Remove the DOCTYPE; if your IdP emits one, report it to its vendor; a response "
               "from elsewhere that carries one is an attack attempt.",
        .reference =
            "SAML 2.0 Bindings "
            "(https://docs.oasis-open.org/security/saml/v2.0/saml-bindings-2.0-os.pdf) "
            "and SAML V2.0 Security and Privacy Considerations "
            "(https://docs.oasis-open.org/security/saml/v2.0/saml-sec-consider-2.0-os.pdf); "
            "README.md § Checking signatures",
    },
    RuleInfo{
        .id = Rule::kXmlMalformed.name(),
        .default_severity = kError,
        .category = kInput,
        .summary = "The input is not well-formed XML, or lacks something every SAML response "
                   "needs, such as a Response or Assertion element or an IssueInstant.",
        .rationale = "A cloud that cannot parse the response refuses the sign-in. A response "
                     "without IssueInstant gives no moment of use, so the SessionNotOnOrAfter "
                     "factor cannot be computed and the reported lifetime is incomplete.",
        .example = "A base64 SAMLResponse whose decoded XML ends in the middle of an element, or "
                   "an Assertion without IssueInstant.",
        .fix = "Capture the response again without truncation or re-encoding; if the IdP emits it "
               "malformed, fix the IdP application or report it to the IdP's vendor; give "
               "--now when IssueInstant is missing.",
        .reference = "SAML 2.0 Core "
                     "(https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf), "
                     "Response and Assertion (IssueInstant); README.md § Checking signatures; "
                     "README.md § Decisions where the contract is silent (Two readings of one "
                     "document; Undeclared namespace prefixes)",
    },
};

constexpr bool IsSortedAndUnique() {
  for (std::size_t i = 1; i < kRules.size(); ++i) {
    if (!(kRules[i - 1].id < kRules[i].id)) return false;
  }
  return true;
}
static_assert(IsSortedAndUnique(), "kRules must be sorted by id with no duplicates");

}  // namespace

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case kNote:
      return "note";
    case kWarning:
      return "warning";
    case kError:
      return "error";
  }
  return "error";
}

std::string_view CategoryName(RuleCategory category) {
  switch (category) {
    case kLifetime:
      return "lifetime";
    case kAssertion:
      return "assertion";
    case kTrust:
      return "trust";
    case kInput:
      return "input";
  }
  return "input";
}

std::span<const RuleInfo> AllRules() { return kRules; }

const RuleInfo* FindRule(std::string_view id) {
  const auto* it =
      std::lower_bound(kRules.begin(), kRules.end(), id,
                       [](const RuleInfo& rule, std::string_view key) { return rule.id < key; });
  if (it == kRules.end() || it->id != id) return nullptr;
  return &*it;
}

bool SelectsAnyRule(std::string_view selector) {
  if (selector.empty()) return false;
  if (selector == "ALL") return true;
  // Rules are sorted by id: the first id not below the selector starts with it if any does.
  const auto* it = std::lower_bound(
      kRules.begin(), kRules.end(), selector,
      [](const RuleInfo& rule, std::string_view key) { return rule.id < key; });
  return it != kRules.end() && it->id.starts_with(selector);
}

std::vector<std::string> RuleSelectorNames() {
  std::vector<std::string> names = {"ALL"};
  for (const RuleInfo& rule : kRules) {
    for (std::size_t dash = rule.id.find('-'); dash != std::string_view::npos;
         dash = rule.id.find('-', dash + 1)) {
      names.emplace_back(rule.id.substr(0, dash + 1));
    }
    names.emplace_back(rule.id);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace samlint
