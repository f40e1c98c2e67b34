// Inputs that carry SAML responses inside something else: browser captures
// (HAR, SAML-tracer: input/capture.h), STS requests (AWS CLI JSON, AWS Query,
// Alibaba API parameters: input/sts_request.h), and audit events (CloudTrail,
// ActionTrail: input/audit_events.h). SplitArtifact tells them apart. Internal
// to the library (the pipeline, the fuzz harnesses and the tests use it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samlint/limits.h"
#include "samlint/scenario.h"
#include "samlint/timestamp.h"

namespace samlint {

/// An AssumeRoleWithSAML (or AssumeRole...) request as a client sent it.
struct StsRequest {
  Cloud cloud = Cloud::kAws;
  std::string action;  ///< "AssumeRoleWithSAML", "AssumeRole", "AssumeRoleWithWebIdentity",
                       ///< "AssumeRoleWithOIDC"
  std::string role_arn;
  std::string principal_arn;                     ///< AWS PrincipalArn / Alibaba SAMLProviderArn
  std::optional<std::int64_t> duration_seconds;  ///< nullopt: omitted
  std::string duration_text;                     ///< as written, when it is not an integer
};

/// One STS call recorded by CloudTrail or ActionTrail.
struct TrailEvent {
  Cloud cloud = Cloud::kAws;
  std::string event_name;  ///< "AssumeRoleWithSAML", "AssumeRole", "AssumeRoleWithWebIdentity"
  std::optional<Timestamp> event_time;
  std::string event_time_text;
  std::string role_arn;
  std::string principal_arn;
  std::optional<std::int64_t> duration_seconds;  ///< requested; nullopt when omitted
  std::optional<Timestamp> expiration;           ///< responseElements credentials expiration
  std::string expiration_text;
  std::string error_code;  ///< empty when the call succeeded
  std::string error_message;
  std::string saml_assertion_id;   ///< the assertion's ID, when the event names it
  bool caller_holds_role = false;  ///< userIdentity.type is AssumedRole (role chaining)
};

/// One thing to check inside an input.
struct ArtifactPart {
  std::string pointer;  ///< JSON Pointer into the input ("/log/entries/3"), "" for the whole input
  std::string saml;     ///< a SAML response (XML, base64 or form body) to check; may be empty
  std::optional<StsRequest> request;
  std::optional<TrailEvent> event;
  std::string capture_url;   ///< HAR / SAML-tracer: where it was posted
  std::string capture_time;  ///< HAR / SAML-tracer: when, as the capture says
};

/// What an input holds when it is an artifact.
struct SplitInput {
  /// "har", "saml-tracer", "sts-request", "cloudtrail", "actiontrail"; empty:
  /// not an artifact, check the bytes as a SAML response.
  std::string kind;
  std::vector<ArtifactPart> parts;
  std::string error;  ///< the artifact is recognised but broken (one sentence)
  /// The limit the input reached ("inflated-bytes", "json-nodes"), else
  /// empty; `error` then says so and ends with LimitHint's words.
  std::string limit;
  /// Work done, for tests: bytes inflated and JSON values parsed.
  std::size_t inflated_bytes = 0;
  std::size_t json_values = 0;
};

/// Detects artifacts by content (JSON, JSON Lines, gzip, query strings) and
/// splits them into parts. Never throws; work is bounded by `limits`
/// (inflated-bytes, json-nodes) and linear in the input.
SplitInput SplitArtifact(std::string_view bytes, const Limits& limits = {});

}  // namespace samlint
