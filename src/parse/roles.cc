#include "parse/roles.h"

#include <cctype>

#include "base/strings.h"

namespace samlint {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// IAM names: letters, digits and "+=,.@_-"; role paths add '/'.
bool IamNameChars(std::string_view s, bool allow_slash) {
  if (s.empty()) return false;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '+' || c == '=' || c == ',' || c == '.' || c == '@' || c == '_' ||
        c == '-' || (allow_slash && c == '/')) {
      continue;
    }
    return false;
  }
  return true;
}

enum class ArnKind { kRole, kProvider, kOther };

// arn:PARTITION:iam::ACCOUNT:role/NAME or arn:PARTITION:iam::ACCOUNT:saml-provider/NAME
ArnKind AwsArnKind(std::string_view arn) {
  constexpr std::string_view kPartitions[] = {
      "arn:aws:iam::", "arn:aws-cn:iam::", "arn:aws-us-gov:iam::", "arn:aws-iso:iam::",
      "arn:aws-iso-b:iam::"};
  std::string_view rest;
  for (std::string_view p : kPartitions) {
    if (arn.substr(0, p.size()) == p) {
      rest = arn.substr(p.size());
      break;
    }
  }
  if (rest.empty()) return ArnKind::kOther;
  auto colon = rest.find(':');
  if (colon != 12 || !AllDigits(rest.substr(0, 12))) return ArnKind::kOther;
  std::string_view resource = rest.substr(13);
  if (resource.substr(0, 5) == "role/" && IamNameChars(resource.substr(5), true) &&
      resource.back() != '/') {
    return ArnKind::kRole;
  }
  if (resource.substr(0, 14) == "saml-provider/" && IamNameChars(resource.substr(14), false)) {
    return ArnKind::kProvider;
  }
  return ArnKind::kOther;
}

// acs:ram::ACCOUNT:role/NAME or acs:ram::ACCOUNT:saml-provider/NAME
ArnKind AliyunArnKind(std::string_view arn) {
  constexpr std::string_view kPrefix = "acs:ram::";
  if (arn.substr(0, kPrefix.size()) != kPrefix) return ArnKind::kOther;
  std::string_view rest = arn.substr(kPrefix.size());
  auto colon = rest.find(':');
  if (colon == std::string_view::npos || !AllDigits(rest.substr(0, colon))) return ArnKind::kOther;
  std::string_view resource = rest.substr(colon + 1);
  auto name_ok = [](std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
      auto u = static_cast<unsigned char>(c);
      if (!(std::isalnum(u) || c == '.' || c == '-' || c == '_' || c == '@')) return false;
    }
    return true;
  };
  if (resource.substr(0, 5) == "role/" && name_ok(resource.substr(5))) return ArnKind::kRole;
  if (resource.substr(0, 14) == "saml-provider/" && name_ok(resource.substr(14))) {
    return ArnKind::kProvider;
  }
  return ArnKind::kOther;
}

}  // namespace

std::string RoleNameOf(std::string_view role_arn) {
  auto slash = role_arn.rfind('/');
  return std::string(slash == std::string_view::npos ? role_arn : role_arn.substr(slash + 1));
}

Result<ParsedRole> ParseRoleValue(Cloud cloud, std::string_view value) {
  std::string_view v = Trim(value, kCWhitespace);
  if (v.empty()) {
    return Status::Error("the value is empty");
  }
  // An ARN has at most 2048 characters (IAM and RAM quotas), so a longer value
  // cannot be a pair; refusing it first also keeps the comma search linear.
  constexpr std::size_t kMaxPairBytes = 2 * 2048 + 1;
  if (v.size() > kMaxPairBytes) {
    return Status::Error("it is " + std::to_string(v.size()) +
                         " bytes long, longer than a role and a provider "
                         "ARN can be (an ARN has at most 2048 characters)");
  }
  if (v.find_first_of(" \t\r\n") != std::string_view::npos) {
    return Status::Error(
        "it contains white space; the two ARNs must be separated by a single comma");
  }
  auto comma = v.find(',');
  if (comma == std::string_view::npos || v.find(',', comma + 1) != std::string_view::npos) {
    // IAM role names may contain ',' themselves; accept exactly one split that works.
    std::optional<ParsedRole> found;
    for (std::size_t i = v.find(','); i != std::string_view::npos; i = v.find(',', i + 1)) {
      std::string left(v.substr(0, i));
      std::string right(v.substr(i + 1));
      auto kind = [&](std::string_view a) {
        return cloud == Cloud::kAws ? AwsArnKind(a) : AliyunArnKind(a);
      };
      ArnKind kl = kind(left), kr = kind(right);
      if ((kl == ArnKind::kRole && kr == ArnKind::kProvider) ||
          (kl == ArnKind::kProvider && kr == ArnKind::kRole)) {
        if (found) {
          return Status::Error("it splits into a role and a provider ARN in more than one way");
        }
        found = kl == ArnKind::kRole ? ParsedRole{left, right, RoleNameOf(left)}
                                     : ParsedRole{right, left, RoleNameOf(right)};
      }
    }
    if (found) return std::move(*found);
    return Status::Error("it is not a role ARN and a saml-provider ARN separated by one comma");
  }
  std::string_view a = v.substr(0, comma);
  std::string_view b = v.substr(comma + 1);
  auto kind = [&](std::string_view s) {
    return cloud == Cloud::kAws ? AwsArnKind(s) : AliyunArnKind(s);
  };
  ArnKind ka = kind(a), kb = kind(b);
  if (ka == ArnKind::kRole && kb == ArnKind::kProvider) {
    return ParsedRole{std::string(a), std::string(b), RoleNameOf(a)};
  }
  if (ka == ArnKind::kProvider && kb == ArnKind::kRole) {
    return ParsedRole{std::string(b), std::string(a), RoleNameOf(b)};
  }
  const char* shape = cloud == Cloud::kAws
                          ? "arn:aws:iam::ACCOUNT:role/NAME,arn:aws:iam::ACCOUNT:saml-provider/NAME"
                          : "acs:ram::ACCOUNT:role/NAME,acs:ram::ACCOUNT:saml-provider/NAME";
  return Status::Error(std::string("expected ") + shape);
}

}  // namespace samlint
