// A finding's identity across runs and formats: the stable fingerprint that
// SARIF publishes and --baseline matches, and how an input is named in a
// report that points at files (relative paths, SARIF artifact URIs). One
// module, so the report and suppress stages cannot drift apart.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "samlint/result.h"

namespace samlint {

/// A finding's stable identity: FNV-1a 64 (16 hex digits) over the rule id,
/// the artifact (the input as reported, or SARIF's artifact URI), the part,
/// the scenario, the role and the message with every digit run replaced by 0,
/// plus the occurrence number among equal keys in one result (0 for the first).
/// SARIF's partialFingerprints["samlint/v1"] is this value.
std::string FindingFingerprint(std::string_view rule, std::string_view artifact,
                               std::string_view part, std::string_view scenario,
                               std::string_view role, std::string_view message, int occurrence);

/// Fingerprints the findings of one result in order, numbering equal keys
/// (FindingFingerprint's `occurrence`) as they come.
class FingerprintSequence {
 public:
  std::string Next(std::string_view rule, std::string_view artifact, std::string_view part,
                   std::string_view scenario, std::string_view role, std::string_view message);

 private:
  std::map<std::string, int, std::less<>> seen_;
};

/// The fingerprints of a result's diagnostics, in order, with `artifact` naming the input.
std::vector<std::string> ResultFingerprints(const CheckResult& result, std::string_view artifact);

/// `base_directory` (empty: the working directory) as an absolute, normalised
/// path with forward slashes and a trailing '/': SARIF's %SRCROOT%.
std::string AbsoluteBase(std::string_view base_directory);

/// `input` relative to `base` (an AbsoluteBase) with forward slashes, or the
/// absolute path when the input lies outside it (`*inside` says which when
/// not null). Never touches the disk beyond resolving the current directory,
/// so it works for inputs that do not exist.
std::string RelativeInputPath(std::string_view input, std::string_view base, bool* inside);

/// RFC 3986 path characters kept, every other byte percent-encoded (':' too,
/// so a relative reference never looks like a scheme).
std::string PercentEncodePath(std::string_view path);

/// "file://" + the percent-encoded absolute path.
std::string FileUri(std::string_view absolute_path);

/// SARIF's artifact URI of `input`: relative to `base` and percent-encoded
/// when inside it, else an absolute file: URI.
std::string SarifArtifactUri(std::string_view input, std::string_view base);

/// A diagnostic's line:column counts in the document samlint parsed. That is
/// the input file itself only for a raw XML input that is not one part of a
/// bigger capture (HAR, audit log), and for IdP configurations; for base64,
/// form-encoded, decrypted or embedded responses it is a position in the
/// decoded document.
bool PositionsAreInFile(const CheckResult& result);

}  // namespace samlint
