// STS requests as a client sent them: AWS Query and Alibaba Cloud RPC
// parameters (a query string or URL), or the same parameters as JSON (AWS
// CLI --cli-input-json). Internal.
#pragma once

#include <optional>
#include <string_view>

#include "input/artifacts.h"
#include "input/json_reader.h"

namespace samlint::input {

/// An AWS Query (Action=AssumeRoleWithSAML&Version=2011-06-15&RoleArn=...)
/// or Alibaba Cloud RPC request (...&SAMLProviderArn=...&Version=2015-04-01),
/// bare, after '?' or as an http(s) URL: one part with the request and its
/// SAMLAssertion. nullopt when `text` is no STS request (a plain
/// SAMLResponse= form body among them); an error on a malformed escape.
std::optional<SplitInput> SplitStsQuery(std::string_view text);

/// The same parameters as a JSON object (SAMLAssertion and an ARN at least).
/// nullopt when `root` is no such object.
std::optional<SplitInput> SplitStsJson(const Json& root);

}  // namespace samlint::input
