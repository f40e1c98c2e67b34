// One input read and recognised once: a run recognises every input before it
// evaluates any (declarations among the inputs join every evaluation), and
// checks each from what was kept here, never from its bytes again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "idp/idp_config.h"
#include "input/artifacts.h"
#include "samlint/declarations.h"
#include "samlint/limits.h"
#include "samlint/options.h"
#include "samlint/result.h"
#include "samlint/timestamp.h"

namespace samlint {

/// What an input turned out to be.
enum class InputKind {
  kFinished,      ///< its results need no options (config, declarations, broken input)
  kIdpConfig,     ///< an IdP configuration: one result per SAML application
  kArtifact,      ///< a capture, STS request or audit events: one result per part
  kSamlResponse,  ///< anything else goes through CheckBytes
};

/// An input recognised by PrepareInput, holding only what checking it needs.
struct PreparedInput {
  std::string name;
  InputKind kind = InputKind::kFinished;
  std::string bytes;                    ///< kIdpConfig, kSamlResponse: the input itself
  std::vector<CheckResult> finished;    ///< kFinished: its results
  SplitInput split;                     ///< kArtifact: its parts
  IdpConfigSplit idp;                   ///< kIdpConfig: its applications
  std::optional<CheckResult> declared;  ///< kIdpConfig: findings about the roles it declares
  /// The roles, login sessions and permission sets it declares for every
  /// evaluation of the run; nullopt when it declares none.
  std::optional<Declarations> declarations;
  /// Whether it is a kind samlint reads, even a broken one; false for a file
  /// that is none (a package.json, a README): found inside a directory, it is
  /// skipped (cli-contract.md, Decisions: Directories).
  bool recognised = true;
  std::string looks_like;  ///< when not recognised: what it looks like ("JSON", "text", ...)
};

/// Recognises `bytes` (an input no larger than `limits.input_bytes`) once: an
/// IdP configuration (applications read as if signed in at `sign_in`), a
/// samlint config, an artifact, a declarations file, or a SAML response.
/// Never throws.
PreparedInput PrepareInput(std::string_view input_name, std::string bytes, const Limits& limits,
                           Timestamp sign_in);

/// Recognises a file larger than `limits.input_bytes` (`size` bytes; `start`
/// is what was read of it): a HAR capture up to `limits.capture_bytes` is read
/// again as a stream that keeps only its SAMLResponse POSTs; anything else
/// is a limit-exceeded result giving its real size. Never throws.
PreparedInput PrepareLargeInput(std::string_view input_name, const std::string& path,
                                std::uintmax_t size, std::string_view start, const Limits& limits);

/// The results of a prepared input under `options` (whose limits are the ones
/// it was prepared with). Never throws.
std::vector<CheckResult> CheckPrepared(PreparedInput input, const CheckOptions& options);

/// The moment IdP configurations are evaluated as signed in at: --now, else a
/// fixed instant that no result reports.
Timestamp SignInInstant(const CheckOptions& options);

/// The declarations of a text that is no artifact (`split` is its SplitArtifact
/// result), or nullopt when it is not a declarations file; `error` fails when
/// it is one that could not be read whole (see ReadDeclarationsInput).
std::optional<Declarations> ReadDeclarationsText(std::string_view input_name,
                                                 std::string_view bytes, const SplitInput& split,
                                                 const Limits& limits, Status& error);

/// The `"kind": "declarations"` result of a declarations file given as INPUT,
/// from what ReadDeclarationsText read (see CheckDeclarationsInput).
CheckResult DeclarationsInputResult(std::string_view input_name, const Declarations& declarations,
                                    const Status& error);

}  // namespace samlint
