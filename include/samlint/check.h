/// The pipeline: bytes in, a CheckResult out. Thread-safe; no global state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samlint/options.h"
#include "samlint/result.h"
#include "samlint/status.h"
#include "samlint/version.h"

namespace samlint {

/// The default input-bytes limit (Limits::input_bytes): larger inputs are
/// refused with `limit-exceeded`.
inline constexpr std::size_t kMaxInputBytes = 16u * 1024u * 1024u;

/// Checks one input: decode → extract → evaluate → diagnose. A pure function
/// of its arguments; never throws. `input_name` is reported as given.
CheckResult CheckBytes(std::string_view input_name, std::string_view bytes,
                       const CheckOptions& options);

/// Checks one input of any kind (SAML response, HAR or SAML-tracer capture, STS
/// request, CloudTrail / ActionTrail events): one result per response or event
/// it holds, each with its JSON Pointer in `part`. Never throws.
std::vector<CheckResult> CheckInput(std::string_view input_name, std::string_view bytes,
                                    const CheckOptions& options);

/// Whether `result` is an audit event that succeeded and names an assertion
/// ID: among several inputs it is judged from the SAML response with that ID.
bool AwaitsResponse(const CheckResult& result);

/// Judges the audit event `event` (see AwaitsResponse) from `response`, the
/// first SAML response result whose assertion ID it names, using the read that
/// result keeps (never its bytes again): the response's SessionNotOnOrAfter is
/// measured at the event's time instead of inferring the cause from the
/// observed lifetime. Returns false, leaving `event` as it is, when `response`
/// keeps no read.
bool JoinEventWithResponse(CheckResult& event, const CheckResult& response,
                           const CheckOptions& options);

/// A result for an input that could not be read at all (missing file, I/O error).
CheckResult UnreadableInput(std::string_view input_name, std::string_view reason);

/// A result for an input that reached a work limit: one `limit-exceeded`
/// finding whose message (ending with LimitHint's words) is `message`.
CheckResult LimitExceededInput(std::string_view input_name, std::string message);

/// The result for an input of `size` bytes, larger than `limits.input_bytes`:
/// limit-exceeded, naming its real size.
CheckResult OversizedInput(std::string_view input_name, std::uintmax_t size, const Limits& limits);

/// Evaluates the scenarios that take no SAML response from the options alone
/// (`"kind": "declarations"`). Returns nullopt when no such scenario was asked for.
std::optional<CheckResult> CheckDeclarations(const CheckOptions& options);

/// A result reporting problems in the --declarations files themselves
/// (unresolved values), with `input` naming the files; nullopt when none.
std::optional<CheckResult> DeclarationsResult(const Declarations& declarations,
                                              const std::vector<std::string>& files);

/// The declarations of an INPUT that is a declarations file (get-role output,
/// CloudFormation, Terraform plan, ...: what LoadDeclarations accepts, and no
/// capture, STS request or audit event), or nullopt when it is not one. Never throws.
/// A text that reached a work limit reads as a declarations file whose
/// `limits_exceeded` says so.
std::optional<Declarations> ReadDeclarationsInput(std::string_view input_name,
                                                  std::string_view bytes,
                                                  const Limits& limits = {});

/// The `"kind": "declarations"` result for a declarations file given as INPUT:
/// findings about its own values (out of range, unresolved), `input` its name.
CheckResult CheckDeclarationsInput(std::string_view input_name, std::string_view bytes,
                                   const Limits& limits = {});

/// Checks options for combinations that make no sense (a usage error, exit 2):
/// fails with the one-line message.
Status ValidateOptions(const CheckOptions& options, bool has_inputs);

}  // namespace samlint
