// Reading role and account declarations from the files users already have:
// IAM / RAM CLI output, CloudFormation and ROS templates, Terraform plans.
//
// Every supported format is JSON or YAML, so one yaml-cpp parse reads them all
// (YAML is a superset of JSON) and keeps each node's position for "path:line"
// sources. The format is told by the document's keys, never by the file name.

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <map>
#include <new>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "declare/roles.h"
#include "samlint/declarations.h"
#include "samlint/duration.h"
#include "samlint/scenario.h"

namespace samlint {
namespace {

/// Files larger than this are refused unread: no real declarations file comes close.
constexpr std::size_t kMaxFileBytes = std::size_t{64} << 20;
/// Documents nested deeper than this are refused before yaml-cpp, whose parser
/// recurses once per level, sees them. Real declarations nest about 12 deep.
constexpr std::size_t kMaxDepth = 200;
/// yaml-cpp needs some hundreds of bytes per node: refuse documents whose value
/// count (estimated from the text) would need gigabytes.
constexpr std::size_t kMaxValues = 4'000'000;
/// Terraform module trees: at most this deep, and at most this many modules in
/// all (YAML aliases can make a module list refer to itself).
constexpr int kMaxModuleDepth = 64;
constexpr int kMaxModules = 10'000;

constexpr std::string_view kKnownFormats =
    " is not a declarations file samlint knows (aws iam get-role/list-roles, CloudFormation, "
    "Terraform plan JSON, aliyun ram GetRole/ListRoles, ROS, aws sso-admin "
    "describe-permission-set, aliyun ram GetSecurityPreference)";

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\0'; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (IsBlank(s.front()) || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (IsBlank(s.back()) || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

/// A value quoted for a message, cut short so that hostile input cannot flood reports.
std::string Quoted(std::string_view s) {
  constexpr std::size_t kMax = 40;
  std::string out = "\"";
  if (s.size() > kMax) {
    out.append(s.substr(0, kMax));
    out += "...";
  } else {
    out.append(s);
  }
  out += '"';
  return out;
}

std::string LineOf(const std::string& source, std::size_t line) {
  return source + ":" + std::to_string(line);
}

// ---------------------------------------------------------------------------
// The shape check: a cheap scan that bounds nesting depth and value count
// before yaml-cpp parses the text.

/// True when `rest` (what follows a '|' or '>') is a block scalar header:
/// indentation / chomping indicators, then nothing but blanks or a comment.
bool IsBlockScalarHeader(std::string_view rest) {
  std::size_t i = 0;
  while (i < rest.size() && (IsDigit(rest[i]) || rest[i] == '+' || rest[i] == '-')) ++i;
  while (i < rest.size() && IsBlank(rest[i])) ++i;
  return i == rest.size() || rest[i] == '#';
}

/// Refuses text nested deeper than kMaxDepth or holding more than about
/// kMaxValues values. It tracks flow brackets outside quoted scalars, and in
/// block context the stack of indentation columns (each leading "- " or "? "
/// indicator opening one more level); block scalars are skipped. It is an
/// estimate that errs on the high side; yaml-cpp's own recursion guard is the
/// backstop for text built to fool it.
std::optional<std::string> CheckShape(std::string_view text, const std::string& source) {
  std::vector<std::size_t> block;  // content columns of the open block-context nodes
  std::size_t flow = 0;            // open '[' / '{'
  char quote = 0;                  // '"' or '\'' while inside a quoted scalar
  std::optional<std::size_t> block_scalar;  // indentation of the line that opened | or >
  std::size_t values = 0;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  auto too_deep = [&]() {
    return LineOf(source, line_no) + ": is nested more than " + std::to_string(kMaxDepth) +
           " levels deep; samlint refuses such declarations files";
  };
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;

    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    std::size_t first = indent;
    while (first < line.size() && IsBlank(line[first])) ++first;
    const bool blank = first == line.size() || line[first] == '#';

    std::size_t start = 0;
    if (quote == 0 && flow == 0) {
      if (block_scalar) {
        if (blank || indent > *block_scalar) continue;
        block_scalar.reset();
      }
      if (blank) continue;
      while (!block.empty() && block.back() >= indent) block.pop_back();
      block.push_back(indent);
      std::size_t i = indent;
      // "- - x" and "? x": each indicator opens a level on the same line.
      while (i < line.size() && (line[i] == '-' || line[i] == '?') &&
             (i + 1 == line.size() || IsBlank(line[i + 1]))) {
        ++i;
        while (i < line.size() && IsBlank(line[i])) ++i;
        if (i == line.size()) break;
        block.push_back(i);
        ++values;
      }
      if (block.size() > kMaxDepth) return too_deep();
      values += 2;
      start = i;
    }

    for (std::size_t i = start; i < line.size(); ++i) {
      const char c = line[i];
      if (quote == '"') {
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          quote = 0;
        }
        continue;
      }
      if (quote == '\'') {
        if (c == '\'') {
          if (i + 1 < line.size() && line[i + 1] == '\'') {
            ++i;
          } else {
            quote = 0;
          }
        }
        continue;
      }
      const char prev = i == 0 ? ' ' : line[i - 1];
      // A quoted scalar or a flow collection can only begin where a node begins.
      const bool node_start = i == start || IsBlank(prev) || prev == '[' || prev == '{' ||
                              prev == ',' || (flow > 0 && prev == ':');
      if (c == '"' || c == '\'') {
        if (node_start) quote = c;
        continue;
      }
      if (c == '#' && IsBlank(prev)) break;
      if (c == '[' || c == '{') {
        if (flow > 0 || node_start) {
          ++flow;
          values += 2;
          if (block.size() + flow > kMaxDepth) return too_deep();
        }
        continue;
      }
      if (c == ']' || c == '}') {
        if (flow > 0) --flow;
        continue;
      }
      if (flow > 0) {
        if (c == ',') values += 2;
        continue;
      }
      if ((c == '|' || c == '>') && node_start && IsBlockScalarHeader(line.substr(i + 1))) {
        block_scalar = indent;
        break;
      }
    }
    if (values > kMaxValues) {
      return source + " holds more than " + std::to_string(kMaxValues) +
             " values; samlint refuses declarations files that large";
    }
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Node helpers. Nodes are only ever read through const references: yaml-cpp's
// non-const operator[] inserts keys.

struct Entry {
  YAML::Node key;
  YAML::Node value;
};

std::optional<Entry> Find(const YAML::Node& map, std::string_view name) {
  if (!map.IsDefined() || !map.IsMap()) return std::nullopt;
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (it->first.IsScalar() && it->first.Scalar() == name) return Entry{it->first, it->second};
  }
  return std::nullopt;
}

bool Has(const YAML::Node& map, std::string_view name) { return Find(map, name).has_value(); }

/// The value of `name` in `map`, or a null node.
YAML::Node Get(const YAML::Node& map, std::string_view name) {
  std::optional<Entry> e = Find(map, name);
  return e ? e->value : YAML::Node();
}

/// Tags that leave a node's meaning alone: none, plain ("?"), quoted ("!") and
/// the YAML core schema's. Anything else is an application tag (!Ref, !If, ...).
bool IsCoreTag(const std::string& tag) {
  return tag.empty() || tag == "?" || tag == "!" || tag.starts_with("tag:yaml.org,2002:");
}

std::optional<std::string> Text(const YAML::Node& node) {
  if (!node.IsDefined() || !node.IsScalar() || !IsCoreTag(node.Tag())) return std::nullopt;
  return node.Scalar();
}

/// The text of `name` in `map` when it is a non-empty scalar.
std::optional<std::string> TextAt(const YAML::Node& map, std::string_view name) {
  std::optional<std::string> text = Text(Get(map, name));
  if (!text || text->empty()) return std::nullopt;
  return text;
}

bool IsTrue(const YAML::Node& node) {
  std::optional<std::string> text = Text(node);
  return text && *text == "true";
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
    if (colon == std::string_view::npos) return "";
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
    while (begin > 0 && IsDigit(policy[begin - 1])) --begin;
    // iam::ACCOUNT:saml-provider/ or ram::ACCOUNT:saml-provider/
    if (begin == at || begin < 2 || policy.substr(begin - 2, 2) != "::") continue;
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

Number ReadInteger(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return {};
  if (node.IsMap()) return {std::nullopt, "it is a mapping, not a number"};
  if (node.IsSequence()) return {std::nullopt, "it is a list, not a number"};
  const std::string_view text = Trim(node.Scalar());
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
    if (negative && value != 0) return {std::nullopt, Quoted(text) + " is negative"};
    return {value, ""};
  }
  // 3600.5, 3.6e3, .5: numbers, but not whole ones.
  bool numeric = !digits.empty();
  bool any_digit = false;
  for (char c : digits) {
    any_digit = any_digit || IsDigit(c);
    if (!IsDigit(c) && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') numeric = false;
  }
  if (numeric && any_digit) {
    return {std::nullopt, Quoted(text) + " is not a whole number"};
  }
  return {std::nullopt, Quoted(text) + " is not a number"};
}

/// An ISO 8601 duration (PT8H), the only form Identity Center takes.
Number ReadIsoDuration(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return {};
  if (!node.IsScalar()) return {std::nullopt, "it is not an ISO 8601 duration such as PT8H"};
  const std::string_view text = Trim(node.Scalar());
  if (!text.empty() && (text.front() == 'P' || text.front() == 'p')) {
    if (std::optional<std::int64_t> seconds = ParseDuration(text)) return {seconds, ""};
  }
  return {std::nullopt, Quoted(text) + " is not an ISO 8601 duration such as PT8H"};
}

/// A CloudFormation / ROS intrinsic function: a tagged node (!Ref X) or a
/// one-key mapping ({"Ref": X}, {"Fn::If": [...]}).
struct Intrinsic {
  std::string name;  ///< as written: "!Ref", "Ref", "!GetAtt", "Fn::GetAtt", ...
  YAML::Node argument;
};

std::optional<Intrinsic> AsIntrinsic(const YAML::Node& node) {
  if (!node.IsDefined()) return std::nullopt;
  if (!IsCoreTag(node.Tag())) return Intrinsic{node.Tag(), node};
  if (node.IsMap() && node.size() == 1) {
    auto it = node.begin();
    if (it->first.IsScalar()) {
      const std::string key = it->first.Scalar();
      if (key == "Ref" || key.starts_with("Fn::")) return Intrinsic{key, it->second};
    }
  }
  return std::nullopt;
}

/// How values that are not plain data are explained: by the template engine
/// that evaluates them, with the template's Parameters.
struct Evaluator {
  std::string_view engine;  ///< "CloudFormation", "ROS"; empty outside templates
  YAML::Node parameters;
};

std::string Article(std::string_view name) { return name.starts_with("Fn::") ? "an " : "a "; }

/// A scalar's text whatever its tag: the argument of a short-form function (!Ref X).
std::string ArgumentText(const YAML::Node& node) {
  return node.IsDefined() && node.IsScalar() && !node.Scalar().empty() ? node.Scalar() : "?";
}

/// What an intrinsic is, to follow "it is " or "its Properties are ".
std::string Describe(const Intrinsic& f, const Evaluator& how) {
  if (how.engine.empty()) {
    return "a value tagged " + Quoted(f.name) + ", which samlint does not evaluate";
  }
  const std::string stack = "the " + std::string(how.engine) + " stack";
  std::string_view base = f.name;
  if (base.starts_with("!")) base.remove_prefix(1);
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
    if (f.argument.IsSequence()) {
      for (auto it = f.argument.begin(); it != f.argument.end(); ++it) {
        if (!target.empty()) target += '.';
        target += ArgumentText(*it);
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

Number Integer(const YAML::Node& node, const Evaluator& how) {
  if (std::optional<Intrinsic> f = AsIntrinsic(node)) return {std::nullopt, "it is " + Describe(*f, how)};
  return ReadInteger(node);
}

Number IsoDuration(const YAML::Node& node, const Evaluator& how) {
  if (std::optional<Intrinsic> f = AsIntrinsic(node)) return {std::nullopt, "it is " + Describe(*f, how)};
  return ReadIsoDuration(node);
}

bool IsRoleObject(const YAML::Node& node) {
  return node.IsMap() && (Has(node, "RoleName") || Has(node, "Arn"));
}

// ---------------------------------------------------------------------------

class Reader {
 public:
  Reader(const std::string& source, Declarations& out) : source_(source), out_(out) {}

  /// Reads one YAML document; false when it is none of the known formats.
  bool Document(const YAML::Node& doc) {
    if (doc.IsMap()) return Map(doc);
    if (!doc.IsSequence() || doc.size() == 0) return false;
    // A list of roles (aws iam list-roles --query 'Roles[]') or of pages
    // (--output yaml-stream): every element must be one of them.
    for (auto it = doc.begin(); it != doc.end(); ++it) {
      const YAML::Node element = *it;
      if (IsRoleObject(element) && !Has(element, "Role") && !Has(element, "Roles")) {
        CliRole(element, element.Mark(), Cloud::kAws, "aws iam list-roles", "aliyun ram ListRoles");
      } else if (!element.IsMap() || !Map(element)) {
        return false;
      }
    }
    return true;
  }

 private:
  std::string At(const YAML::Mark& mark) const {
    if (mark.line < 0) return source_;
    return LineOf(source_, static_cast<std::size_t>(mark.line) + 1);
  }

  bool Map(const YAML::Node& doc) {
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
        ps && ps->value.IsMap() && (Has(ps->value, "PermissionSetArn") || Has(ps->value, "Name"))) {
      CliPermissionSet(ps->value, ps->key.Mark());
      return true;
    }
    if (std::optional<Entry> sp = Find(doc, "SecurityPreference"); sp && sp->value.IsMap()) {
      SecurityPreference(sp->value);
      return true;
    }
    if (std::optional<Entry> role = Find(doc, "Role"); role && IsRoleObject(role->value)) {
      // aliyun output always carries a RequestId; the ARN decides when present.
      const Cloud hint = Has(doc, "RequestId") ? Cloud::kAliyun : Cloud::kAws;
      CliRole(role->value, role->key.Mark(), hint, "aws iam get-role", "aliyun ram GetRole");
      return true;
    }
    if (std::optional<Entry> roles = Find(doc, "Roles")) {
      if (roles->value.IsSequence()) {  // aws iam list-roles
        for (auto it = roles->value.begin(); it != roles->value.end(); ++it) {
          if (!it->IsMap()) return false;
          if (IsRoleObject(*it)) {
            CliRole(*it, it->Mark(), Cloud::kAws, "aws iam list-roles", "aliyun ram ListRoles");
          }
        }
        return true;
      }
      std::optional<Entry> inner = Find(roles->value, "Role");  // aliyun ram ListRoles
      if (inner && inner->value.IsSequence()) {
        for (auto it = inner->value.begin(); it != inner->value.end(); ++it) {
          if (IsRoleObject(*it)) {
            CliRole(*it, it->Mark(), Cloud::kAliyun, "aws iam list-roles", "aliyun ram ListRoles");
          }
        }
        return true;
      }
      if (inner && IsRoleObject(inner->value)) {
        CliRole(inner->value, inner->key.Mark(), Cloud::kAliyun, "aws iam list-roles",
                "aliyun ram ListRoles");
        return true;
      }
      return false;
    }
    // A bare role object: aws iam get-role --query Role.
    if (IsRoleObject(doc) && Has(doc, "RoleId")) {
      CliRole(doc, doc.Mark(), Cloud::kAws, "aws iam get-role", "aliyun ram GetRole");
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
    role.source = field ? At(field->key.Mark()) : At(fallback);
    if (!n.problem.empty()) {
      Unresolved(what, role.source, n.problem);
      return;
    }
    role.max_session = n.value;
    out_.roles.push_back(std::move(role));
  }

  void AddPermissionSet(DeclaredPermissionSet set, const std::optional<Entry>& field,
                        const Number& n, const YAML::Mark& fallback, const std::string& what) {
    set.source = field ? At(field->key.Mark()) : At(fallback);
    if (!n.problem.empty()) {
      Unresolved(what, set.source, n.problem);
      return;
    }
    set.session_duration = n.value;
    out_.permission_sets.push_back(std::move(set));
  }

  // --- aws iam get-role / list-roles, aliyun ram GetRole / ListRoles --------

  void CliRole(const YAML::Node& node, const YAML::Mark& where, Cloud hint,
               std::string_view aws_origin, std::string_view aliyun_origin) {
    DeclaredRole role;
    role.arn = TextAt(node, "Arn").value_or("");
    role.name = TextAt(node, "RoleName").value_or(RoleNameOf(role.arn));
    if (role.name.empty()) return;
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
    AddRole(std::move(role), field, n, name ? name->key.Mark() : where, what);
  }

  // --- aws sso-admin describe-permission-set --------------------------------

  void CliPermissionSet(const YAML::Node& node, const YAML::Mark& where) {
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

  void SecurityPreference(const YAML::Node& node) {
    std::optional<Entry> field = Find(Get(node, "LoginProfilePreference"), "LoginSessionDuration");
    if (!field) return;
    const std::string where = At(field->key.Mark());
    const std::string what = "LoginSessionDuration of the account";
    Number hours = Integer(field->value, {});
    if (!hours.problem.empty()) {
      Unresolved(what, where, hours.problem);
      return;
    }
    if (!hours.value) return;
    constexpr std::int64_t kSecondsPerHour = 3600;
    if (*hours.value > std::numeric_limits<std::int64_t>::max() / kSecondsPerHour) {
      Unresolved(what, where, "it is too large to be a number of hours");
      return;
    }
    out_.login_sessions.push_back(
        {*hours.value * kSecondsPerHour, where, "aliyun ram GetSecurityPreference"});
  }

  // --- CloudFormation and ROS templates --------------------------------------

  static bool IsTemplate(const YAML::Node& doc) {
    std::optional<Entry> resources = Find(doc, "Resources");
    if (!resources || !resources->value.IsMap()) return false;
    if (Has(doc, "AWSTemplateFormatVersion") || Has(doc, "ROSTemplateFormatVersion")) return true;
    for (auto it = resources->value.begin(); it != resources->value.end(); ++it) {
      if (Text(Get(it->second, "Type"))) return true;
    }
    return false;
  }

  void Template(const YAML::Node& doc) {
    const YAML::Node parameters = Get(doc, "Parameters");
    const YAML::Node resources = Get(doc, "Resources");
    for (auto it = resources.begin(); it != resources.end(); ++it) {
      // Copies: it-> yields a temporary, and nodes are cheap handles.
      const YAML::Node key = it->first;
      const YAML::Node resource = it->second;
      std::optional<std::string> logical_id = Text(key);
      std::optional<std::string> type = Text(Get(resource, "Type"));
      if (!logical_id || !type) continue;
      if (*type == "AWS::IAM::Role") {
        TemplateRole(*logical_id, key.Mark(), resource, Cloud::kAws,
                     {"CloudFormation", parameters}, "CloudFormation AWS::IAM::Role ");
      } else if (*type == "ALIYUN::RAM::Role") {
        TemplateRole(*logical_id, key.Mark(), resource, Cloud::kAliyun, {"ROS", parameters},
                     "ROS ALIYUN::RAM::Role ");
      } else if (*type == "AWS::SSO::PermissionSet") {
        TemplatePermissionSet(*logical_id, key.Mark(), resource,
                              {"CloudFormation", parameters});
      }
    }
  }

  void TemplateRole(const std::string& logical_id, const YAML::Mark& where,
                    const YAML::Node& resource, Cloud cloud, const Evaluator& how,
                    const std::string& origin) {
    const YAML::Node properties = Get(resource, "Properties");
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

  void TemplatePermissionSet(const std::string& logical_id, const YAML::Mark& where,
                             const YAML::Node& resource, const Evaluator& how) {
    const YAML::Node properties = Get(resource, "Properties");
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
    std::string_view kind;  ///< "plan" or "state"
    std::map<std::string, YAML::Node> changes;  ///< resource_changes by address
    std::set<std::string> seen;                 ///< addresses already read
    int modules_left = kMaxModules;
  };

  void Terraform(const YAML::Node& doc) {
    const bool is_plan = Has(doc, "planned_values") || Has(doc, "resource_changes");
    TerraformWalk walk;
    walk.kind = is_plan ? "plan" : "state";
    const YAML::Node changes = Get(doc, "resource_changes");
    if (changes.IsSequence()) {
      for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (std::optional<std::string> address = TextAt(*it, "address")) {
          walk.changes.emplace(*address, *it);  // the first entry for an address wins
        }
      }
    }
    const YAML::Node values = Get(doc, is_plan ? "planned_values" : "values");
    TerraformModule(Get(values, "root_module"), walk, 0);
    // resource_changes describe the same resources as planned_values: read
    // only those planned_values did not have.
    if (changes.IsSequence()) {
      for (auto it = changes.begin(); it != changes.end(); ++it) {
        const YAML::Node change = *it;
        std::optional<std::string> address = TextAt(change, "address");
        if (!address || walk.seen.contains(*address)) continue;
        const YAML::Node body = Get(change, "change");
        const YAML::Node after = Get(body, "after");
        if (!after.IsMap()) continue;  // deleted: nothing after apply
        walk.seen.insert(*address);
        TerraformResource(change, after, Get(body, "after_unknown"), walk.kind);
      }
    }
  }

  void TerraformModule(const YAML::Node& module, TerraformWalk& walk, int depth) {
    if (!module.IsMap() || depth > kMaxModuleDepth || walk.modules_left <= 0) return;
    --walk.modules_left;
    const YAML::Node resources = Get(module, "resources");
    if (resources.IsSequence()) {
      for (auto it = resources.begin(); it != resources.end(); ++it) {
        const YAML::Node resource = *it;
        if (!resource.IsMap()) continue;
        YAML::Node unknown;
        if (std::optional<std::string> address = TextAt(resource, "address")) {
          if (!walk.seen.insert(*address).second) continue;
          if (auto change = walk.changes.find(*address); change != walk.changes.end()) {
            unknown = Get(Get(change->second, "change"), "after_unknown");
          }
        }
        TerraformResource(resource, Get(resource, "values"), unknown, walk.kind);
      }
    }
    const YAML::Node children = Get(module, "child_modules");
    if (children.IsSequence()) {
      for (auto it = children.begin(); it != children.end(); ++it) {
        TerraformModule(*it, walk, depth + 1);
      }
    }
  }

  /// One resource of planned_values (`values`) or resource_changes
  /// (`change.after`); `unknown` is its change.after_unknown, which marks the
  /// attributes known only after apply (planned_values leaves them out).
  void TerraformResource(const YAML::Node& resource, const YAML::Node& values,
                         const YAML::Node& unknown, std::string_view kind) {
    const std::string type = TextAt(resource, "type").value_or("");
    const bool aws_role = type == "aws_iam_role";
    const bool aliyun_role = type == "alicloud_ram_role";
    const bool permission_set = type == "aws_ssoadmin_permission_set";
    if ((!aws_role && !aliyun_role && !permission_set) || !values.IsMap()) return;

    const std::string local_name = TextAt(resource, "name").value_or(type);
    std::optional<Entry> address_entry = Find(resource, "address");
    const std::string address = TextAt(resource, "address").value_or(type + "." + local_name);
    const YAML::Mark where = address_entry ? address_entry->key.Mark() : resource.Mark();
    const std::string origin = "Terraform " + std::string(kind) + " " + address;

    auto read = [&](std::string_view attribute, auto parse) -> std::pair<std::optional<Entry>, Number> {
      std::optional<Entry> field = Find(values, attribute);
      if (field && !field->value.IsNull()) return {field, parse(field->value)};
      if (IsTrue(Get(unknown, attribute))) {
        return {std::nullopt, Number{std::nullopt, "it is known only after apply"}};
      }
      return {field, Number{}};
    };

    if (permission_set) {
      DeclaredPermissionSet set;
      set.arn = TextAt(values, "arn").value_or("");
      set.name = TextAt(values, "name").value_or(local_name);
      set.origin = origin;
      auto [field, n] = read("session_duration", [](const YAML::Node& v) { return IsoDuration(v, {}); });
      const std::string what = "session_duration of permission set " + set.name + " (" + address + ")";
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
    if (role.name.empty() && !role.arn.empty()) role.name = RoleNameOf(role.arn);
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
      for (std::string_view policy : {"assume_role_policy", "assume_role_policy_document", "document"}) {
        if (std::optional<std::string> text = TextAt(values, policy)) {
          role.account = SamlProviderAccount(*text);
          if (!role.account.empty()) break;
        }
      }
    }
    role.origin = origin;
    auto [field, n] = read("max_session_duration", [](const YAML::Node& v) { return Integer(v, {}); });
    const std::string what = "max_session_duration of role " + role.name + " (" + address + ")";
    AddRole(std::move(role), field, n, where, what);
  }

  const std::string& source_;
  Declarations& out_;
};

template <typename T>
void Append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

std::optional<std::string> ParseDeclarations(std::string_view text, const std::string& source_name,
                                             Declarations& out) {
  try {
    if (std::optional<std::string> error = CheckShape(text, source_name)) return error;
    const std::vector<YAML::Node> documents = YAML::LoadAll(std::string(text));
    Declarations found;
    Reader reader(source_name, found);
    bool any = false;
    for (const YAML::Node& document : documents) {
      if (!document.IsDefined() || document.IsNull()) continue;
      if (!reader.Document(document)) return source_name + std::string(kKnownFormats);
      any = true;
    }
    if (!any) return source_name + std::string(kKnownFormats);
    Append(out.roles, found.roles);
    Append(out.login_sessions, found.login_sessions);
    Append(out.permission_sets, found.permission_sets);
    Append(out.unresolved, found.unresolved);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    const std::string where =
        e.mark.line < 0 ? source_name
                        : LineOf(source_name, static_cast<std::size_t>(e.mark.line) + 1);
    // yaml-cpp's recursion guard (DeepRecursion, whose type it does not
    // export) reports "bad file"; nothing else does when parsing a string.
    if (e.msg == "bad file") {
      return where + ": is nested too deeply; samlint refuses such declarations files";
    }
    return where + ": is not valid JSON or YAML: " + e.msg;
  } catch (const std::bad_alloc&) {
    return source_name + ": is too large to read (out of memory)";
  } catch (const std::exception& e) {
    return source_name + ": cannot be read: " + e.what();
  } catch (...) {
    return source_name + ": cannot be read";
  }
}

std::optional<std::string> LoadDeclarations(const std::string& path, Declarations& out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) return "cannot read " + path + ": it is a directory";
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    const int error = errno;
    return "cannot open " + path + ": " + std::generic_category().message(error);
  }
  // Read in pieces rather than trusting a size: the path may be a pipe (<(...)).
  std::string text;
  std::vector<char> buffer(std::size_t{1} << 16);
  while (file) {
    file.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    text.append(buffer.data(), static_cast<std::size_t>(file.gcount()));
    if (text.size() > kMaxFileBytes) {
      return path + " is larger than 64 MiB; samlint does not read declarations files that large";
    }
  }
  if (file.bad()) return "cannot read " + path;
  return ParseDeclarations(text, path, out);
}

}  // namespace samlint
