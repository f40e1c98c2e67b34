// A CloudTrail AssumeRoleWithSAML record for the rule tests of audited STS
// calls (observed-lifetime-short, sts-call-failed). Header-only.
#pragma once

#include <string>
#include <vector>

#include "samlint/check.h"
#include "samlint/options.h"
#include "samlint/result.h"

namespace samlint::testing {

/// The results of one CloudTrail AssumeRoleWithSAML record for role ops
/// (arn:aws:iam::123456789012:role/ops) at 2026-11-23T10:00:05Z that requested
/// `duration_seconds`; `outcome` holds the record's last members:
/// `"responseElements": {...}` of a call that succeeded, or
/// `"errorCode": ..., "errorMessage": ...` of one that failed.
inline std::vector<CheckResult> CheckCloudTrailSamlCall(int duration_seconds,
                                                        const std::string& outcome) {
  const std::string record =
      R"({"eventVersion": "1.08", "eventTime": "2026-11-23T10:00:05Z",
          "eventSource": "sts.amazonaws.com", "eventName": "AssumeRoleWithSAML",
          "awsRegion": "us-east-1",
          "requestParameters": {"sAMLAssertionID": "_a1", "roleSessionName": "alice@example.com",
            "roleArn": "arn:aws:iam::123456789012:role/ops",
            "principalArn": "arn:aws:iam::123456789012:saml-provider/idp",
            "durationSeconds": )" +
      std::to_string(duration_seconds) + "},\n" + outcome + "}";
  return CheckInput("events.json", record, CheckOptions{});
}

}  // namespace samlint::testing
