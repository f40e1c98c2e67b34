#include "declare/join.h"

#include <algorithm>

#include "base/diagnostic.h"
#include "parse/roles.h"
#include "samlint/duration.h"
#include "samlint/declarations.h"
#include "samlint/rule_id.h"

namespace samlint {
namespace {

constexpr std::int64_t kRoleMaxDefault = 3600;  // a role created without MaxSessionDuration

std::string AccountOf(const std::string& arn) {
  // arn:aws:iam::123456789012:role/x and acs:ram::1234567890123456:role/x
  auto first = arn.find("::");
  if (first == std::string::npos) return {};
  auto colon = arn.find(':', first + 2);
  return colon == std::string::npos ? std::string() : arn.substr(first + 2, colon - first - 2);
}

struct Candidate {
  std::int64_t seconds;
  std::string via;
};

// Picks the value from candidates; several different values are a conflict.
std::optional<DeclaredValue> Choose(const std::vector<Candidate>& candidates,
                                    const std::string& what, const std::string& role,
                                    std::vector<Diagnostic>& out) {
  if (candidates.empty()) return std::nullopt;
  auto lowest = std::min_element(
      candidates.begin(), candidates.end(),
      [](const Candidate& a, const Candidate& b) { return a.seconds < b.seconds; });
  bool conflict = std::any_of(candidates.begin(), candidates.end(),
                              [&](const Candidate& c) { return c.seconds != lowest->seconds; });
  if (conflict) {
    std::string list;
    for (const Candidate& c : candidates) {
      list += (list.empty() ? "" : ", ") + FormatDuration(c.seconds) + " (" + c.via + ")";
    }
    Diagnostic d = MakeDiagnostic(
        Rule::kDeclarationConflict,
        "The declarations disagree on the " + what + (role.empty() ? "" : " of " + Shorten(role)) +
            ": " + list + ". samlint uses the lowest, " + FormatDuration(lowest->seconds) +
            ", since the cloud cannot grant more than the tightest real setting.",
        std::nullopt,
        "Bring the files in line with the deployed value (read it with the cloud's CLI) and drop "
        "the stale one.");
    d.role = role;
    bool seen = std::any_of(out.begin(), out.end(), [&](const Diagnostic& e) {
      return e.rule == d.rule && e.message == d.message;
    });
    if (!seen) out.push_back(std::move(d));
  }
  return DeclaredValue{lowest->seconds, lowest->via};
}

constexpr std::int64_t kWorkforcePoolSessionDefault = 3600;  // sessionDuration not set

// The pools the response's endpoints name (all declared pools when they name
// none): their sessionDuration, and whether one is disabled.
void JoinWorkforcePools(const CheckOptions& options, const Declarations& d, ScenarioInputs& in,
                        std::vector<Diagnostic>& out) {
  std::vector<const DeclaredWorkforcePool*> pools;
  for (const DeclaredWorkforcePool& p : d.workforce_pools) {
    if (in.workforce_pool.empty() || p.pool == in.workforce_pool) pools.push_back(&p);
  }
  if (pools.empty()) return;
  std::vector<Candidate> candidates;
  for (const DeclaredWorkforcePool* p : pools) {
    std::string via = p->source + " (" + p->origin + ")";
    if (p->session_duration) {
      candidates.push_back({*p->session_duration, via});
    } else {
      // more-clouds.md open question 5: absent from describe output means unset.
      candidates.push_back(
          {kWorkforcePoolSessionDefault, via + ", sessionDuration not set: the default"});
    }
    if (p->disabled && !in.workforce_pool_disabled) in.workforce_pool_disabled = p->disabled_source;
    if (p->programmatic_signin_disabled && !in.programmatic_signin_disabled) {
      in.programmatic_signin_disabled = p->programmatic_source;
    }
  }
  if (in.workforce_pool.empty() && pools.size() == 1) in.workforce_pool = pools.front()->pool;
  if (options.workforce_pool_session) return;
  if (auto v = Choose(candidates, "workforce pool sessionDuration", "", out)) {
    in.workforce_pool_session = v;
  }
}

}  // namespace

void JoinDeclarationFiles(const CheckOptions& options, Cloud cloud, const std::string& role_arn,
                          ScenarioInputs& in, std::vector<Diagnostic>& out);

void JoinDeclarations(const CheckOptions& options, Cloud cloud, const std::string& role_arn,
                      ScenarioInputs& in, std::vector<Diagnostic>& out) {
  JoinDeclarationFiles(options, cloud, role_arn, in, out);
  if (!in.role_max_session && options.role_max_proven &&
      *options.role_max_proven > kRoleMaxDefault) {
    in.role_max_session = DeclaredValue{*options.role_max_proven,
                                        "at least the requested duration: the call succeeded"};
  }
}

void JoinDeclarationFiles(const CheckOptions& options, Cloud cloud, const std::string& role_arn,
                          ScenarioInputs& in, std::vector<Diagnostic>& out) {
  const Declarations* d = options.declarations.get();
  if (d == nullptr) return;
  if (!options.role_max_session && !role_arn.empty()) {
    std::string name = RoleNameOf(role_arn);
    std::string account = AccountOf(role_arn);
    std::vector<Candidate> candidates;
    for (const DeclaredRole& r : d->roles) {
      if (r.cloud != cloud) continue;
      bool exact = !r.arn.empty() && r.arn == role_arn;
      // A role whose ARN is known only after apply (Terraform) or never written
      // (CloudFormation) is matched by name, and by account when known.
      bool by_name = r.arn.empty() && r.name == name && (r.account.empty() || r.account == account);
      if (!exact && !by_name) continue;
      std::string via =
          r.source + " (" + r.origin + (by_name ? ", matched by role name" : "") + ")";
      if (r.max_session) {
        candidates.push_back({*r.max_session, via});
      } else {
        candidates.push_back({kRoleMaxDefault, via + ", MaxSessionDuration not set: the default"});
      }
    }
    if (auto v = Choose(candidates, "MaxSessionDuration", role_arn, out)) in.role_max_session = v;
  }
  if (!options.login_session && cloud == Cloud::kAliyun) {
    std::vector<Candidate> candidates;
    for (const DeclaredLoginSession& l : d->login_sessions) {
      candidates.push_back({l.seconds, l.source + " (" + l.origin + ")"});
    }
    if (auto v = Choose(candidates, "LoginSessionDuration", "", out)) in.login_session = v;
  }
  if (cloud == Cloud::kGcp) JoinWorkforcePools(options, *d, in, out);
  if (!options.permission_set_session && cloud == Cloud::kAws) {
    std::vector<Candidate> candidates;
    for (const DeclaredPermissionSet& p : d->permission_sets) {
      if (p.session_duration) {
        candidates.push_back(
            {*p.session_duration, p.source + " (" + p.origin + " " + p.name + ")"});
      }
    }
    if (auto v = Choose(candidates, "permission-set SessionDuration", "", out)) {
      in.permission_set_session = v;
    }
  }
}

std::vector<Diagnostic> DeclarationFileFindings(const Declarations& declarations) {
  std::vector<Diagnostic> out;
  for (const std::string& message : declarations.limits_exceeded) {
    out.push_back(MakeDiagnostic(Rule::kLimitExceeded, message));
  }
  for (const UnresolvedDeclaration& u : declarations.unresolved) {
    out.push_back(MakeDiagnostic(
        Rule::kDeclarationUnresolved,
        "The " + u.what + " at " + u.source + " cannot be resolved: " + u.reason +
            ". samlint uses the documented default instead.",
        std::nullopt,
        "Give the value literally, pass it with the matching option (e.g. --role-max-session), or "
        "declare the deployed role with `aws iam get-role` / `aliyun ram GetRole` output."));
  }
  return out;
}

}  // namespace samlint
