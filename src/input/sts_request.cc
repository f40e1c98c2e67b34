#include "input/sts_request.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "input/form_fields.h"
#include "input/text.h"
#include "samlint/decode.h"
#include "samlint/scenario.h"

namespace samlint::input {
namespace {

bool IsStsAction(std::string_view action) {
  return action == "AssumeRoleWithSAML" || action == "AssumeRole" ||
         action == "AssumeRoleWithWebIdentity" || action == "AssumeRoleWithOIDC";
}

Cloud CloudFromArn(std::string_view role_arn, bool alibaba_provider_named) {
  if (StartsWith(role_arn, "acs:")) {
    return Cloud::kAliyun;
  }
  if (StartsWith(role_arn, "arn:")) {
    return Cloud::kAws;
  }
  return alibaba_provider_named ? Cloud::kAliyun : Cloud::kAws;
}

bool IsParameterName(std::string_view name) {
  if (name.empty()) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

}  // namespace

std::optional<SplitInput> SplitStsQuery(std::string_view text) {
  if (StartsWith(text, "https://") || StartsWith(text, "http://")) {
    const std::size_t question = text.find('?');
    if (question == std::string_view::npos) {
      return std::nullopt;
    }
    text.remove_prefix(question + 1);
    text = text.substr(0, text.find('#'));
  } else if (StartsWith(text, "?")) {
    text.remove_prefix(1);
  }
  if (text.empty() || std::any_of(text.begin(), text.end(), [](char c) {
        return IsSpace(c) || c == '<' || c == '{' || c == '"';
      })) {
    return std::nullopt;
  }
  const std::vector<FormField> fields = SplitForm(text);
  for (const FormField& field : fields) {
    if (!IsParameterName(field.name)) {
      return std::nullopt;
    }
  }
  const FormField* action_field = FindField(fields, "Action");
  const FormField* assertion_field = FindField(fields, "SAMLAssertion");
  std::string action;
  if (action_field != nullptr) {
    if (!DecodePercent(action_field->value, action, true) || !IsStsAction(action)) {
      return std::nullopt;
    }
  } else if (assertion_field != nullptr) {
    action = "AssumeRoleWithSAML";
  } else {
    return std::nullopt;  // a plain SAMLResponse= form body among others
  }

  SplitInput result;
  result.kind = "sts-request";
  ArtifactPart part;
  StsRequest request;
  request.action = action;
  std::vector<std::string> malformed;
  const auto decoded = [&](std::string_view name) {
    const FormField* field = FindField(fields, name);
    std::string out;
    if (field != nullptr && !DecodePercent(field->value, out, /*plus_is_space=*/true)) {
      malformed.emplace_back(name);
      out = std::string(field->value);
    }
    return out;
  };
  request.role_arn = decoded("RoleArn");
  const bool alibaba_provider = FindField(fields, "SAMLProviderArn") != nullptr;
  if (FindField(fields, "PrincipalArn") != nullptr) {
    request.principal_arn = decoded("PrincipalArn");
  } else if (alibaba_provider) {
    request.principal_arn = decoded("SAMLProviderArn");
  } else {
    request.principal_arn = decoded("OIDCProviderArn");
  }
  request.cloud = CloudFromArn(request.role_arn, alibaba_provider);
  if (action == "AssumeRoleWithOIDC") {
    request.cloud = Cloud::kAliyun;
  }
  if (FindField(fields, "DurationSeconds") != nullptr) {
    const std::string duration = decoded("DurationSeconds");
    request.duration_seconds = ParseInteger(Trim(duration));
    if (!request.duration_seconds) {
      request.duration_text = duration;
    }
  }
  if (assertion_field != nullptr) {
    std::string assertion;
    if (DecodePercent(assertion_field->value, assertion, /*plus_is_space=*/false)) {
      part.saml = std::move(assertion);
    } else {
      malformed.emplace_back("SAMLAssertion");
      part.saml = std::string(assertion_field->value);
    }
  }
  if (!malformed.empty()) {
    result.error = "the " + malformed.front() + " parameter has a malformed percent escape";
  }
  part.request = std::move(request);
  result.parts.push_back(std::move(part));
  return result;
}

std::optional<SplitInput> SplitStsJson(const Json& root) {
  if (!root.is_object()) {
    return std::nullopt;
  }
  const Json* assertion = Member(&root, "SAMLAssertion");
  const bool has_arn = Member(&root, "RoleArn") != nullptr ||
                       Member(&root, "PrincipalArn") != nullptr ||
                       Member(&root, "SAMLProviderArn") != nullptr;
  if (assertion == nullptr || !has_arn) {
    return std::nullopt;
  }
  SplitInput result;
  result.kind = "sts-request";
  ArtifactPart part;
  StsRequest request;
  request.action = "AssumeRoleWithSAML";
  const std::string action = StringMember(&root, "Action");
  if (!action.empty() && IsStsAction(action)) {
    request.action = action;
  }
  request.role_arn = StringMember(&root, "RoleArn");
  const bool alibaba_provider = Member(&root, "SAMLProviderArn") != nullptr;
  request.principal_arn = alibaba_provider ? StringMember(&root, "SAMLProviderArn")
                                           : StringMember(&root, "PrincipalArn");
  request.cloud = CloudFromArn(request.role_arn, alibaba_provider);
  request.duration_seconds = DurationOf(Member(&root, "DurationSeconds"), &request.duration_text);
  part.saml = StringOf(assertion);
  part.request = std::move(request);
  result.parts.push_back(std::move(part));
  return result;
}

}  // namespace samlint::input
