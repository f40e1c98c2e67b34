/// Role and account declarations read from files users already have: IAM and
/// RAM CLI output, gcloud workforce pool JSON, CloudFormation / ROS templates,
/// Terraform plans.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samlint/limits.h"
#include "samlint/scenario.h"
#include "samlint/status.h"

namespace samlint {

/// A role and its MaxSessionDuration, as some file declares it.
struct DeclaredRole {
  std::string arn;      ///< full role ARN; empty when not known until apply (see name/account)
  std::string name;     ///< role name (last path segment), always set
  std::string account;  ///< account id when known, else empty
  Cloud cloud = Cloud::kAws;
  std::optional<std::int64_t> max_session;  ///< seconds; nullopt: not set there (cloud default applies)
  std::string source;   ///< "path:line" of the value (or of the role when the value is absent)
  std::string origin;   ///< "aws iam get-role", "CloudFormation AWS::IAM::Role", "Terraform plan aws_iam_role", ...
};

/// An Alibaba Cloud account's RAM LoginSessionDuration (GetSecurityPreference).
struct DeclaredLoginSession {
  std::int64_t seconds = 0;  ///< the API's hours, in seconds
  std::string source;
  std::string origin;
};

/// An IAM Identity Center permission set's SessionDuration.
struct DeclaredPermissionSet {
  std::string arn;
  std::string name;
  std::optional<std::int64_t> session_duration;  ///< seconds
  std::string source;
  std::string origin;
};

/// A Google Cloud workforce pool (`gcloud iam workforce-pools describe`, or a
/// Terraform google_iam_workforce_pool).
struct DeclaredWorkforcePool {
  std::string pool;  ///< the pool id (last segment of locations/global/workforcePools/POOL)
  std::optional<std::int64_t> session_duration;  ///< whole seconds; nullopt: not set (3600 s)
  bool disabled = false;
  bool programmatic_signin_disabled = false;  ///< accessRestrictions.disableProgrammaticSignin
  std::string source;  ///< "path:line" of sessionDuration, else of the pool
  std::string disabled_source;      ///< "path:line" of `disabled: true`
  std::string programmatic_source;  ///< "path:line" of `disableProgrammaticSignin: true`
  std::string origin;  ///< "gcloud iam workforce-pools describe", "Terraform plan ..."
};

/// A value a file declares but samlint cannot resolve to a number (a !Ref, a
/// variable, "known after apply"): reported as declaration-unresolved.
struct UnresolvedDeclaration {
  std::string what;     ///< "MaxSessionDuration of role ops"
  std::string source;   ///< "path:line"
  std::string reason;   ///< "it is a !Ref to parameter SessionHours"
};

struct Declarations {
  std::vector<DeclaredRole> roles;
  std::vector<DeclaredLoginSession> login_sessions;
  std::vector<DeclaredPermissionSet> permission_sets;
  std::vector<DeclaredWorkforcePool> workforce_pools;
  std::vector<UnresolvedDeclaration> unresolved;
  /// Files that reached a work limit and were not read: each a sentence ending
  /// with LimitHint's words, reported as limit-exceeded.
  std::vector<std::string> limits_exceeded;
};

/// Parses one declarations file's text, detecting its format by content, and
/// appends what it declares to `out`. `source_name` prefixes every source
/// ("roles.json" → "roles.json:12"). Fails with a one-sentence error when the
/// text is none of the supported formats (`out` unchanged). Work is bounded by
/// `limits` (json-nodes, with YAML aliases counted as what they stand for, and
/// input-bytes): a text that reaches one fails and also appends the error's
/// message to `out.limits_exceeded`. Never throws.
Status ParseDeclarations(std::string_view text, const std::string& source_name, Declarations& out,
                         const Limits& limits = {});

/// Reads and parses a file (see ParseDeclarations); a file larger than
/// input-bytes is refused unread the same way. A file that cannot be read fails
/// with the code of the read (kNotFound, kIsDirectory, ...).
Status LoadDeclarations(const std::string& path, Declarations& out, const Limits& limits = {});

}  // namespace samlint
