// Reading role and account declarations from the files users already have:
// IAM / RAM CLI output, CloudFormation and ROS templates, Terraform plans.
//
// Every supported format is JSON or YAML, so one yaml-cpp parse reads them all
// (YAML is a superset of JSON) and keeps each node's position for "path:line"
// sources. The format is told by the document's keys, never by the file name.

#include "declare/declarations_file.h"

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/emitterstyle.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <map>
#include <new>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "base/file.h"
#include "base/strings.h"
#include "parse/doc_tree.h"
#include "parse/roles.h"
#include "samlint/declarations.h"
#include "samlint/duration.h"
#include "samlint/scenario.h"

namespace samlint {
namespace {

using namespace doc_tree;  // NOLINT(google-build-using-namespace): the shared JSON/YAML tree

/// Terraform module trees: at most this deep, and at most this many modules in
/// all. (YAML aliases can repeat one module list at every level, but a module
/// node is read once however many aliases reach it.)
constexpr int kMaxModuleDepth = 64;
constexpr int kMaxModules = 10'000;
/// YAML streams: documents at most (each "---" line starts one).
constexpr std::size_t kMaxDocuments = 10'000;

constexpr std::string_view kKnownFormats =
    " is not a declarations file samlint knows (aws iam get-role/list-roles, CloudFormation, "
    "Terraform plan JSON, aliyun ram GetRole/ListRoles, ROS, aws sso-admin "
    "describe-permission-set, aliyun ram GetSecurityPreference, gcloud iam workforce-pools "
    "describe)";

bool AllDigits(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  for (char c : s) {
    if (!IsDigit(c)) {
      return false;
    }
  }
  return true;
}

// The blanks of a declarations file (doc_tree's IsBlank) and line feeds.
constexpr std::string_view kBlankOrNewline{" \t\r\0\n", 5};

/// A value quoted for a message, cut short so that hostile input cannot flood reports.
std::string Quoted(std::string_view s) {
  constexpr std::size_t kMax = 40;
  return "\"" + Shorten(s, kMax) + "\"";
}

/// The account of an ARN: arn:PARTITION:SERVICE:REGION:ACCOUNT:... (AWS) or
/// acs:SERVICE:REGION:ACCOUNT:... (Alibaba Cloud). Empty when there is none.
std::string AccountOf(std::string_view arn) {
  std::size_t field = 0;
  if (arn.starts_with("arn:")) {
    field = 4;
  } else if (arn.starts_with("acs:")) {
    field = 3;
  } else {
    return "";
  }
  for (std::size_t i = 0; i < field; ++i) {
    std::size_t colon = arn.find(':');
    if (colon == std::string_view::npos) {
      return "";
    }
    arn.remove_prefix(colon + 1);
  }
  std::string_view account = arn.substr(0, arn.find(':'));
  return AllDigits(account) ? std::string(account) : "";
}

/// The account of the saml-provider ARNs a trust policy names, when they all
/// name the same one. A role can only trust SAML providers of its own account
/// (IAM and RAM providers are account resources), so this is the role's account.
std::string SamlProviderAccount(std::string_view policy) {
  constexpr std::string_view kMarker = ":saml-provider/";
  std::string account;
  for (std::size_t at = policy.find(kMarker); at != std::string_view::npos;
       at = policy.find(kMarker, at + kMarker.size())) {
    std::size_t begin = at;
    while (begin > 0 && IsDigit(policy[begin - 1])) {
      --begin;
    }
    // iam::ACCOUNT:saml-provider/ or ram::ACCOUNT:saml-provider/
    if (begin == at || begin < 2 || policy.substr(begin - 2, 2) != "::") {
      continue;
    }
    std::string_view found = policy.substr(begin, at - begin);
    if (account.empty()) {
      account = found;
    } else if (account != found) {
      return "";
    }
  }
  return account;
}

// ---------------------------------------------------------------------------
// Values.

/// A declared number: a value, a reason it cannot be used, or neither (absent / null).
struct Number {
  std::optional<std::int64_t> value;
  std::string problem;
};

Number ReadInteger(Node node) {
  if (IsNull(node)) {
    return {};
  }
  if (IsMap(node)) {
    return {std::nullopt, "it is a mapping, not a number"};
  }
  if (IsSequence(node)) {
    return {std::nullopt, "it is a list, not a number"};
  }
  const std::string_view text = Trim(node->text, kBlankOrNewline);
  std::string_view digits = text;
  bool negative = false;
  if (!digits.empty() && (digits.front() == '+' || digits.front() == '-')) {
    negative = digits.front() == '-';
    digits.remove_prefix(1);
  }
  if (AllDigits(digits)) {
    std::int64_t value = 0;
    for (char c : digits) {
      const int digit = c - '0';
      if (value > (std::numeric_limits<std::int64_t>::max() - digit) / 10) {
        return {std::nullopt, Quoted(text) + " is too large to be a number of seconds"};
      }
      value = value * 10 + digit;
    }
    if (negative && value != 0) {
      return {std::nullopt, Quoted(text) + " is negative"};
    }
    return {value, ""};
  }
  // 3600.5, 3.6e3, .5: numbers, but not whole ones.
  bool numeric = !digits.empty();
  bool any_digit = false;
  for (char c : digits) {
    any_digit = any_digit || IsDigit(c);
    if (!IsDigit(c) && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
      numeric = false;
    }
  }
  if (numeric && any_digit) {
    return {std::nullopt, Quoted(text) + " is not a whole number"};
  }
  return {std::nullopt, Quoted(text) + " is not a number"};
}

/// An ISO 8601 duration (PT8H), the only form Identity Center takes.
Number ReadIsoDuration(Node node) {
  if (IsNull(node)) {
    return {};
  }
  if (!IsScalar(node)) {
    return {std::nullopt, "it is not an ISO 8601 duration such as PT8H"};
  }
  const std::string_view text = Trim(node->text, kBlankOrNewline);
  if (!text.empty() && (text.front() == 'P' || text.front() == 'p')) {
    if (std::optional<std::int64_t> seconds = ParseDuration(text)) {
      return {seconds, ""};
    }
  }
  return {std::nullopt, Quoted(text) + " is not an ISO 8601 duration such as PT8H"};
}

/// A CloudFormation / ROS intrinsic function: a tagged node (!Ref X) or a
/// one-key mapping ({"Ref": X}, {"Fn::If": [...]}).
struct Intrinsic {
  std::string name;  ///< as written: "!Ref", "Ref", "!GetAtt", "Fn::GetAtt", ...
  Node argument;
};

std::optional<Intrinsic> AsIntrinsic(Node node) {
  if (node == nullptr) {
    return std::nullopt;
  }
  if (!IsCoreTag(node->tag)) {
    return Intrinsic{node->tag, node};
  }
  if (IsMap(node) && node->pairs.size() == 1) {
    const auto& [key, value] = node->pairs.front();
    if (IsScalar(key) && (key->text == "Ref" || key->text.starts_with("Fn::"))) {
      return Intrinsic{key->text, value};
    }
  }
  return std::nullopt;
}

/// How values that are not plain data are explained: by the template engine
/// that evaluates them, with the template's Parameters.
struct Evaluator {
  std::string_view engine;  ///< "CloudFormation", "ROS"; empty outside templates
  Node parameters = nullptr;
};

std::string Article(std::string_view name) { return name.starts_with("Fn::") ? "an " : "a "; }

/// A scalar's text whatever its tag: the argument of a short-form function (!Ref X).
std::string ArgumentText(Node node) {
  return IsScalar(node) && !node->text.empty() ? node->text : "?";
}

/// What an intrinsic is, to follow "it is " or "its Properties are ".
std::string Describe(const Intrinsic& f, const Evaluator& how) {
  if (how.engine.empty()) {
    return "a value tagged " + Quoted(f.name) + ", which samlint does not evaluate";
  }
  const std::string stack = "the " + std::string(how.engine) + " stack";
  std::string_view base = f.name;
  if (base.starts_with("!")) {
    base.remove_prefix(1);
  }
  if (base == "Ref") {
    const std::string target = ArgumentText(f.argument);
    if (std::optional<Entry> parameter = Find(how.parameters, target)) {
      std::string text = Article(f.name) + f.name + " to parameter " + target +
                         ", whose value is chosen when " + stack + " is deployed";
      if (std::optional<std::string> fallback = Text(Get(parameter->value, "Default"))) {
        text += " (its Default is " + Quoted(*fallback) + ")";
      }
      return text;
    }
    return Article(f.name) + f.name + " to " + target + ", known only when " + stack +
           " is deployed";
  }
  if (base == "GetAtt" || base == "Fn::GetAtt") {
    std::string target;
    if (IsSequence(f.argument)) {
      for (Node part : f.argument->items) {
        if (!target.empty()) {
          target += '.';
        }
        target += ArgumentText(part);
      }
    } else {
      target = ArgumentText(f.argument);
    }
    return Article(f.name) + f.name + " of " + target + ", known only after " + stack +
           " is deployed";
  }
  return Article(f.name) + f.name + ", a function " + std::string(how.engine) +
         " evaluates only when it deploys the stack";
}

Number Integer(Node node, const Evaluator& how) {
  if (std::optional<Intrinsic> f = AsIntrinsic(node)) {
    return {std::nullopt, "it is " + Describe(*f, how)};
  }
  return ReadInteger(node);
}

Number IsoDuration(Node node, const Evaluator& how) {
  if (std::optional<Intrinsic> f = AsIntrinsic(node)) {
    return {std::nullopt, "it is " + Describe(*f, how)};
  }
  return ReadIsoDuration(node);
}

/// A protobuf Duration as Google Cloud writes it ("3600s").
Number ReadProtobufDuration(Node node) {
  if (IsNull(node)) {
    return {};
  }
  if (!IsScalar(node)) {
    return {std::nullopt, "it is not a duration such as \"3600s\""};
  }
  const std::string_view text = Trim(node->text, kBlankOrNewline);
  if (std::optional<std::int64_t> seconds = ParseProtobufDuration(text)) {
    return {seconds, ""};
  }
  return {std::nullopt, Quoted(text) + " is not a duration in seconds such as \"3600s\""};
}

constexpr std::string_view kWorkforcePoolPrefix = "locations/global/workforcePools/";

/// gcloud iam workforce-pools describe --format=json (the REST WorkforcePool):
/// its `name` is locations/global/workforcePools/POOL.
bool IsWorkforcePoolObject(Node node) {
  std::optional<std::string> name = TextAt(node, "name");
  return IsMap(node) && name && name->starts_with(kWorkforcePoolPrefix) &&
         name->size() > kWorkforcePoolPrefix.size() &&
         name->find('/', kWorkforcePoolPrefix.size()) == std::string::npos;
}

bool IsRoleObject(Node node) { return IsMap(node) && (Has(node, "RoleName") || Has(node, "Arn")); }

// ---------------------------------------------------------------------------

class Reader {
 public:
  Reader(const std::string& source, Declarations& out, DeclarationsWork& work)
      : source_(source), out_(out), work_(work) {}

  /// Reads one YAML document; false when it is none of the known formats.
  bool Document(Node doc) {
    if (IsMap(doc)) {
      return Map(doc);
    }
    if (!IsSequence(doc) || doc->items.empty()) {
      return false;
    }
    // A list of roles (aws iam list-roles --query 'Roles[]') or of pages
    // (--output yaml-stream): every element must be one of them.
    for (Node element : doc->items) {
      if (IsRoleObject(element) && !Has(element, "Role") && !Has(element, "Roles")) {
        CliRole(element, MarkOf(element), Cloud::kAws, "aws iam list-roles",
                "aliyun ram ListRoles");
      } else if (!IsMap(element) || !Map(element)) {
        return false;
      }
    }
    return true;
  }

 private:
  std::string At(const YAML::Mark& mark) const { return samlint::At(source_, mark); }

  bool Map(Node doc) {
    if (IsTemplate(doc)) {
      Template(doc);
      return true;
    }
    if (Has(doc, "planned_values") || Has(doc, "resource_changes") ||
        (Has(doc, "format_version") && Has(doc, "terraform_version"))) {
      Terraform(doc);
      return true;
    }
    if (std::optional<Entry> ps = Find(doc, "PermissionSet");
        ps && IsMap(ps->value) && (Has(ps->value, "PermissionSetArn") || Has(ps->value, "Name"))) {
      CliPermissionSet(ps->value, MarkOf(ps->key));
      return true;
    }
    if (IsWorkforcePoolObject(doc)) {
      CliWorkforcePool(doc);
      return true;
    }
    if (std::optional<Entry> sp = Find(doc, "SecurityPreference"); sp && IsMap(sp->value)) {
      SecurityPreference(sp->value);
      return true;
    }
    if (std::optional<Entry> role = Find(doc, "Role"); role && IsRoleObject(role->value)) {
      // aliyun output always carries a RequestId; the ARN decides when present.
      const Cloud hint = Has(doc, "RequestId") ? Cloud::kAliyun : Cloud::kAws;
      CliRole(role->value, MarkOf(role->key), hint, "aws iam get-role", "aliyun ram GetRole");
      return true;
    }
    if (std::optional<Entry> roles = Find(doc, "Roles")) {
      if (IsSequence(roles->value)) {  // aws iam list-roles
        for (Node role : roles->value->items) {
          if (!IsMap(role)) {
            return false;
          }
          if (IsRoleObject(role)) {
            CliRole(role, MarkOf(role), Cloud::kAws, "aws iam list-roles", "aliyun ram ListRoles");
          }
        }
        return true;
      }
      std::optional<Entry> inner = Find(roles->value, "Role");  // aliyun ram ListRoles
      if (inner && IsSequence(inner->value)) {
        for (Node role : inner->value->items) {
          if (IsRoleObject(role)) {
            CliRole(role, MarkOf(role), Cloud::kAliyun, "aws iam list-roles",
                    "aliyun ram ListRoles");
          }
        }
        return true;
      }
      if (inner && IsRoleObject(inner->value)) {
        CliRole(inner->value, MarkOf(inner->key), Cloud::kAliyun, "aws iam list-roles",
                "aliyun ram ListRoles");
        return true;
      }
      return false;
    }
    // A bare role object: aws iam get-role --query Role.
    if (IsRoleObject(doc) && Has(doc, "RoleId")) {
      CliRole(doc, MarkOf(doc), Cloud::kAws, "aws iam get-role", "aliyun ram GetRole");
      return true;
    }
    return false;
  }

  void Unresolved(std::string what, std::string source, std::string reason) {
    out_.unresolved.push_back({std::move(what), std::move(source), std::move(reason)});
  }

  /// Declares `role` with the MaxSessionDuration `n` read from `field` (the
  /// role itself, at `fallback`, when the field is absent), or records why not.
  void AddRole(DeclaredRole role, const std::optional<Entry>& field, const Number& n,
               const YAML::Mark& fallback, const std::string& what) {
    role.source = field ? At(MarkOf(field->key)) : At(fallback);
    if (!n.problem.empty()) {
      Unresolved(what, role.source, n.problem);
      return;
    }
    role.max_session = n.value;
    out_.roles.push_back(std::move(role));
  }

  void AddPermissionSet(DeclaredPermissionSet set, const std::optional<Entry>& field,
                        const Number& n, const YAML::Mark& fallback, const std::string& what) {
    set.source = field ? At(MarkOf(field->key)) : At(fallback);
    if (!n.problem.empty()) {
      Unresolved(what, set.source, n.problem);
      return;
    }
    set.session_duration = n.value;
    out_.permission_sets.push_back(std::move(set));
  }

  // --- aws iam get-role / list-roles, aliyun ram GetRole / ListRoles --------

  void CliRole(Node node, const YAML::Mark& where, Cloud hint, std::string_view aws_origin,
               std::string_view aliyun_origin) {
    DeclaredRole role;
    role.arn = TextAt(node, "Arn").value_or("");
    role.name = TextAt(node, "RoleName").value_or(RoleNameOf(role.arn));
    if (role.name.empty()) {
      return;
    }
    role.account = AccountOf(role.arn);
    if (role.arn.starts_with("acs:")) {
      role.cloud = Cloud::kAliyun;
    } else if (role.arn.starts_with("arn:")) {
      role.cloud = Cloud::kAws;
    } else {
      role.cloud = hint;
    }
    role.origin = role.cloud == Cloud::kAws ? aws_origin : aliyun_origin;
    std::optional<Entry> name = Find(node, "RoleName");
    std::optional<Entry> field = Find(node, "MaxSessionDuration");
    Number n = field ? Integer(field->value, {}) : Number{};
    const std::string what = "MaxSessionDuration of role " + role.name;
    AddRole(std::move(role), field, n, name ? MarkOf(name->key) : where, what);
  }

  // --- gcloud iam workforce-pools describe POOL --location=global --format=json

  void CliWorkforcePool(Node node) {
    DeclaredWorkforcePool pool;
    pool.pool = TextAt(node, "name").value_or("").substr(kWorkforcePoolPrefix.size());
    pool.origin = "gcloud iam workforce-pools describe";
    std::optional<Entry> name = Find(node, "name");
    if (std::optional<Entry> disabled = Find(node, "disabled"); disabled && IsTrue(disabled->value)) {
      pool.disabled = true;
      pool.disabled_source = At(MarkOf(disabled->key));
    }
    if (std::optional<Entry> restrictions = Find(node, "accessRestrictions")) {
      std::optional<Entry> off = Find(restrictions->value, "disableProgrammaticSignin");
      if (off && IsTrue(off->value)) {
        pool.programmatic_signin_disabled = true;
        pool.programmatic_source = At(MarkOf(off->key));
      }
    }
    std::optional<Entry> field = Find(node, "sessionDuration");
    Number n = field ? ReadProtobufDuration(field->value) : Number{};
    AddWorkforcePool(std::move(pool), field, n, MarkOf(name ? name->key : node));
  }

  /// Declares `pool` with the sessionDuration `n` read from `field` (the pool
  /// itself, at `fallback`, when the field is absent), or records why not.
  void AddWorkforcePool(DeclaredWorkforcePool pool, const std::optional<Entry>& field,
                        const Number& n, const YAML::Mark& fallback) {
    pool.source = field ? At(MarkOf(field->key)) : At(fallback);
    if (!n.problem.empty()) {
      Unresolved("sessionDuration of workforce pool " + pool.pool, pool.source, n.problem);
      return;
    }
    pool.session_duration = n.value;
    out_.workforce_pools.push_back(std::move(pool));
  }

  // --- aws sso-admin describe-permission-set --------------------------------

  void CliPermissionSet(Node node, const YAML::Mark& where) {
    DeclaredPermissionSet set;
    set.arn = TextAt(node, "PermissionSetArn").value_or("");
    set.name = TextAt(node, "Name").value_or(RoleNameOf(set.arn));
    set.origin = "aws sso-admin describe-permission-set";
    std::optional<Entry> field = Find(node, "SessionDuration");
    Number n = field ? IsoDuration(field->value, {}) : Number{};
    const std::string what = "SessionDuration of permission set " + set.name;
    AddPermissionSet(std::move(set), field, n, where, what);
  }

  // --- aliyun ram GetSecurityPreference --------------------------------------

  void SecurityPreference(Node node) {
    std::optional<Entry> field = Find(Get(node, "LoginProfilePreference"), "LoginSessionDuration");
    if (!field) {
      return;
    }
    const std::string where = At(MarkOf(field->key));
    const std::string what = "LoginSessionDuration of the account";
    Number hours = Integer(field->value, {});
    if (!hours.problem.empty()) {
      Unresolved(what, where, hours.problem);
      return;
    }
    if (!hours.value) {
      return;
    }
    constexpr std::int64_t kSecondsPerHour = 3600;
    if (*hours.value > std::numeric_limits<std::int64_t>::max() / kSecondsPerHour) {
      Unresolved(what, where, "it is too large to be a number of hours");
      return;
    }
    out_.login_sessions.push_back(
        {*hours.value * kSecondsPerHour, where, "aliyun ram GetSecurityPreference"});
  }

  // --- CloudFormation and ROS templates --------------------------------------

  static bool IsTemplate(Node doc) {
    std::optional<Entry> resources = Find(doc, "Resources");
    if (!resources || !IsMap(resources->value)) {
      return false;
    }
    if (Has(doc, "AWSTemplateFormatVersion") || Has(doc, "ROSTemplateFormatVersion")) {
      return true;
    }
    for (const auto& [key, resource] : resources->value->pairs) {
      if (Text(Get(resource, "Type"))) {
        return true;
      }
    }
    return false;
  }

  void Template(Node doc) {
    const Node parameters = Get(doc, "Parameters");
    for (const auto& [key, resource] : Pairs(Get(doc, "Resources"))) {
      std::optional<std::string> logical_id = Text(key);
      std::optional<std::string> type = Text(Get(resource, "Type"));
      if (!logical_id || !type) {
        continue;
      }
      if (*type == "AWS::IAM::Role") {
        TemplateRole(*logical_id, MarkOf(key), resource, Cloud::kAws,
                     {"CloudFormation", parameters}, "CloudFormation AWS::IAM::Role ");
      } else if (*type == "ALIYUN::RAM::Role") {
        TemplateRole(*logical_id, MarkOf(key), resource, Cloud::kAliyun, {"ROS", parameters},
                     "ROS ALIYUN::RAM::Role ");
      } else if (*type == "AWS::SSO::PermissionSet") {
        TemplatePermissionSet(*logical_id, MarkOf(key), resource, {"CloudFormation", parameters});
      }
    }
  }

  void TemplateRole(const std::string& logical_id, const YAML::Mark& where, Node resource,
                    Cloud cloud, const Evaluator& how, const std::string& origin) {
    const Node properties = Get(resource, "Properties");
    DeclaredRole role;
    role.name = TextAt(properties, "RoleName").value_or(logical_id);
    role.cloud = cloud;
    role.origin = origin + logical_id;
    const std::string what = "MaxSessionDuration of role " + role.name;
    if (std::optional<Intrinsic> f = AsIntrinsic(properties)) {
      Unresolved(what, At(where), "its Properties are " + Describe(*f, how));
      return;
    }
    std::optional<Entry> field = Find(properties, "MaxSessionDuration");
    Number n = field ? Integer(field->value, how) : Number{};
    AddRole(std::move(role), field, n, where, what);
  }

  void TemplatePermissionSet(const std::string& logical_id, const YAML::Mark& where, Node resource,
                             const Evaluator& how) {
    const Node properties = Get(resource, "Properties");
    DeclaredPermissionSet set;
    set.name = TextAt(properties, "Name").value_or(logical_id);
    set.origin = "CloudFormation AWS::SSO::PermissionSet " + logical_id;
    const std::string what = "SessionDuration of permission set " + set.name;
    if (std::optional<Intrinsic> f = AsIntrinsic(properties)) {
      Unresolved(what, At(where), "its Properties are " + Describe(*f, how));
      return;
    }
    std::optional<Entry> field = Find(properties, "SessionDuration");
    Number n = field ? IsoDuration(field->value, how) : Number{};
    AddPermissionSet(std::move(set), field, n, where, what);
  }

  // --- Terraform (terraform show -json) --------------------------------------

  struct TerraformWalk {
    std::string_view kind;                ///< "plan" or "state"
    std::map<std::string, Node> changes;  ///< resource_changes by address
    std::set<std::string> seen;           ///< addresses already read
    std::set<Node> walked;                ///< module nodes already read (aliases share them)
    int modules_left = kMaxModules;
  };

  void Terraform(Node doc) {
    const bool is_plan = Has(doc, "planned_values") || Has(doc, "resource_changes");
    TerraformWalk walk;
    walk.kind = is_plan ? "plan" : "state";
    const Node changes = Get(doc, "resource_changes");
    for (Node change : Items(changes)) {
      if (std::optional<std::string> address = TextAt(change, "address")) {
        walk.changes.emplace(*address, change);  // the first entry for an address wins
      }
    }
    const Node values = Get(doc, is_plan ? "planned_values" : "values");
    TerraformModule(Get(values, "root_module"), walk, 0);
    // resource_changes describe the same resources as planned_values: read
    // only those planned_values did not have.
    for (Node change : Items(changes)) {
      std::optional<std::string> address = TextAt(change, "address");
      if (!address || walk.seen.contains(*address)) {
        continue;
      }
      const Node body = Get(change, "change");
      const Node after = Get(body, "after");
      if (!IsMap(after)) {
        continue;  // deleted: nothing after apply
      }
      walk.seen.insert(*address);
      TerraformResource(change, after, Get(body, "after_unknown"), walk.kind);
    }
  }

  void TerraformModule(Node module, TerraformWalk& walk, int depth) {
    if (!IsMap(module) || depth > kMaxModuleDepth || walk.modules_left <= 0 ||
        !walk.walked.insert(module).second) {
      return;
    }
    --walk.modules_left;
    ++work_.modules_walked;
    for (Node resource : Items(Get(module, "resources"))) {
      if (!IsMap(resource)) {
        continue;
      }
      Node unknown = nullptr;
      if (std::optional<std::string> address = TextAt(resource, "address")) {
        if (!walk.seen.insert(*address).second) {
          continue;
        }
        if (auto change = walk.changes.find(*address); change != walk.changes.end()) {
          unknown = Get(Get(change->second, "change"), "after_unknown");
        }
      }
      TerraformResource(resource, Get(resource, "values"), unknown, walk.kind);
    }
    for (Node child : Items(Get(module, "child_modules"))) {
      TerraformModule(child, walk, depth + 1);
    }
  }

  /// One resource of planned_values (`values`) or resource_changes
  /// (`change.after`); `unknown` is its change.after_unknown, which marks the
  /// attributes known only after apply (planned_values leaves them out).
  void TerraformResource(Node resource, Node values, Node unknown, std::string_view kind) {
    const std::string type = TextAt(resource, "type").value_or("");
    const bool aws_role = type == "aws_iam_role";
    const bool aliyun_role = type == "alicloud_ram_role";
    const bool permission_set = type == "aws_ssoadmin_permission_set";
    const bool workforce_pool = type == "google_iam_workforce_pool";
    if ((!aws_role && !aliyun_role && !permission_set && !workforce_pool) || !IsMap(values)) {
      return;
    }

    const std::string local_name = TextAt(resource, "name").value_or(type);
    std::optional<Entry> address_entry = Find(resource, "address");
    const std::string address = TextAt(resource, "address").value_or(type + "." + local_name);
    const YAML::Mark where = MarkOf(address_entry ? address_entry->key : resource);
    const std::string origin = "Terraform " + std::string(kind) + " " + address;

    auto read = [&](std::string_view attribute,
                    auto parse) -> std::pair<std::optional<Entry>, Number> {
      std::optional<Entry> field = Find(values, attribute);
      if (field && !IsNull(field->value)) {
        return {field, parse(field->value)};
      }
      if (IsTrue(Get(unknown, attribute))) {
        return {std::nullopt, Number{std::nullopt, "it is known only after apply"}};
      }
      return {field, Number{}};
    };

    if (workforce_pool) {
      DeclaredWorkforcePool pool;
      pool.pool = TextAt(values, "workforce_pool_id").value_or(local_name);
      pool.origin = origin;
      if (std::optional<Entry> disabled = Find(values, "disabled");
          disabled && IsTrue(disabled->value)) {
        pool.disabled = true;
        pool.disabled_source = At(MarkOf(disabled->key));
      }
      for (Node restrictions : Items(Get(values, "access_restrictions"))) {
        std::optional<Entry> off = Find(restrictions, "disable_programmatic_signin");
        if (off && IsTrue(off->value)) {
          pool.programmatic_signin_disabled = true;
          pool.programmatic_source = At(MarkOf(off->key));
        }
      }
      // The provider sends "3600s" when session_duration is not set.
      auto [field, n] = read("session_duration", [](Node v) { return ReadProtobufDuration(v); });
      AddWorkforcePool(std::move(pool), field, n, where);
      return;
    }

    if (permission_set) {
      DeclaredPermissionSet set;
      set.arn = TextAt(values, "arn").value_or("");
      set.name = TextAt(values, "name").value_or(local_name);
      set.origin = origin;
      auto [field, n] = read("session_duration", [](Node v) { return IsoDuration(v, {}); });
      const std::string what =
          "session_duration of permission set " + set.name + " (" + address + ")";
      AddPermissionSet(std::move(set), field, n, where, what);
      return;
    }

    DeclaredRole role;
    role.cloud = aws_role ? Cloud::kAws : Cloud::kAliyun;
    role.arn = TextAt(values, "arn").value_or("");
    if (aliyun_role) {
      role.name = TextAt(values, "role_name").value_or(TextAt(values, "name").value_or(""));
    } else {
      role.name = TextAt(values, "name").value_or("");
    }
    if (role.name.empty() && !role.arn.empty()) {
      role.name = RoleNameOf(role.arn);
    }
    if (role.name.empty()) {
      // name_prefix: the name is chosen at apply, so no SAML Role value can be matched to it.
      if (IsTrue(Get(unknown, "name")) || IsTrue(Get(unknown, "role_name"))) {
        Unresolved("name of role " + address, At(where), "it is known only after apply");
        return;
      }
      role.name = local_name;
    }
    if (!role.arn.empty()) {
      role.account = AccountOf(role.arn);
    } else {
      for (std::string_view policy :
           {"assume_role_policy", "assume_role_policy_document", "document"}) {
        if (std::optional<std::string> text = TextAt(values, policy)) {
          role.account = SamlProviderAccount(*text);
          if (!role.account.empty()) {
            break;
          }
        }
      }
    }
    role.origin = origin;
    auto [field, n] = read("max_session_duration", [](Node v) { return Integer(v, {}); });
    const std::string what = "max_session_duration of role " + role.name + " (" + address + ")";
    AddRole(std::move(role), field, n, where, what);
  }

  const std::string& source_;
  Declarations& out_;
  DeclarationsWork& work_;
};

template <typename T>
void Append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

Status ReadDeclarations(std::string_view text, const std::string& source_name, Declarations& out,
                        Budget& budget, DeclarationsWork& work) {
  const Limits& limits = budget.limits;
  try {
    if (text.size() > limits.input_bytes) {
      const std::string message = source_name + " is " + std::to_string(text.size()) +
                                  " bytes; samlint did not read it, because of " +
                                  LimitHint(limits, "input-bytes") + ".";
      out.limits_exceeded.push_back(message);
      return Status::Error(message);
    }
    if (Status shape = CheckShape(text, source_name); !shape.ok()) {
      return shape;
    }
    std::istringstream input{std::string(text)};
    YAML::Parser parser(input);
    std::deque<Value> arena;
    TreeBuilder builder(arena, budget);
    Declarations found;
    Reader reader(source_name, found, work);
    bool any = false;
    std::optional<YAML::Mark> previous;
    for (std::size_t documents = 0; parser.HandleNextDocument(builder); ++documents) {
      // A document that starts where the previous one did consumed nothing:
      // yaml-cpp met a token it cannot place and would return it forever.
      if (previous && builder.DocumentMark().pos <= previous->pos) {
        return Status::Error(At(source_name, builder.DocumentMark()) +
                             ": is not valid JSON or YAML: unexpected character");
      }
      previous = builder.DocumentMark();
      if (documents >= kMaxDocuments) {
        return Status::Error(source_name + " holds more than " + std::to_string(kMaxDocuments) +
                             " YAML documents; samlint refuses such declarations files");
      }
      if (IsNull(builder.Root())) {
        continue;
      }
      if (!reader.Document(builder.Root())) {
        return Status::Error(source_name + std::string(kKnownFormats));
      }
      any = true;
    }
    if (!any) {
      return Status::Error(source_name + std::string(kKnownFormats));
    }
    Append(out.roles, found.roles);
    Append(out.login_sessions, found.login_sessions);
    Append(out.permission_sets, found.permission_sets);
    Append(out.workforce_pools, found.workforce_pools);
    Append(out.unresolved, found.unresolved);
    return Status();
  } catch (const LimitReached& reached) {
    std::string message = LimitMessage(source_name, reached, limits);
    out.limits_exceeded.push_back(message);
    return Status::Error(std::move(message));
  } catch (const YAML::Exception& e) {
    const std::string where = At(source_name, e.mark);
    // yaml-cpp's recursion guard (DeepRecursion, whose type it does not
    // export) reports "bad file"; nothing else does when parsing a string.
    if (e.msg == "bad file") {
      return Status::Error(where +
                           ": is nested too deeply; samlint refuses such declarations files");
    }
    return Status::Error(where + ": is not valid JSON or YAML: " + e.msg);
  } catch (const std::bad_alloc&) {
    return Status::Error(source_name + ": is too large to read (out of memory)");
  } catch (const std::exception& e) {
    return Status::Error(source_name + ": cannot be read: " + e.what());
  } catch (...) {
    return Status::Error(source_name + ": cannot be read");
  }
}

}  // namespace

Status ParseDeclarationsCounted(std::string_view text, const std::string& source_name,
                                Declarations& out, const Limits& limits, DeclarationsWork* work) {
  Budget budget(limits);
  Status read = ReadDeclarations(text, source_name, out, budget, *work);
  work->values_built = budget.built;
  work->values_charged = budget.values;
  return read;
}

Status ParseDeclarations(std::string_view text, const std::string& source_name, Declarations& out,
                         const Limits& limits) {
  DeclarationsWork work;
  return ParseDeclarationsCounted(text, source_name, out, limits, &work);
}

Status LoadDeclarations(const std::string& path, Declarations& out, const Limits& limits) {
  // Read in pieces rather than trusting a size: the path may be a pipe (<(...)).
  Result<LimitedBytes> read = ReadFileUpTo(path, limits.input_bytes);
  if (!read.ok()) {
    const StatusCode code = read.status().code();
    switch (code) {
      case StatusCode::kIsDirectory:
        return Status::Error("cannot read " + path + ": it is a directory", code);
      case StatusCode::kNotFound:
      case StatusCode::kOpenFailed:
        return Status::Error("cannot open " + path + ": " + read.error(), code);
      default:
        return Status::Error("cannot read " + path, code);
    }
  }
  if (read->Exceeds(limits.input_bytes)) {
    std::string message = path + " is " + std::to_string(read->size) +
                          " bytes; samlint did not read it, because of " +
                          LimitHint(limits, "input-bytes") + ".";
    out.limits_exceeded.push_back(message);
    return Status::Error(std::move(message));
  }
  return ParseDeclarations(read->bytes, path, out, limits);
}

}  // namespace samlint
