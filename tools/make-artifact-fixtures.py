#!/usr/bin/env python3
"""Writes the artifact fixtures under testdata/artifacts/.

Inputs that carry a SAML response or an STS call inside something else, in
the shapes their producers write (see src/input/capture.cc, sts_request.cc and
audit_events.cc for sources):

  har/aws-signin.har          Chrome-style HAR of an Okta -> AWS sign-in; entry 3
                              POSTs SAMLResponse (aws-three-roles.xml) to
                              https://signin.aws.amazon.com/saml, params
                              percent-encoded as Chrome writes them
  har/aliyun-signin.har       Firefox-style HAR whose POST to the Alibaba Cloud
                              sign-in has only postData.text (aliyun-api-12h.xml)
  har/no-saml.har             a HAR without any SAMLResponse POST
  har/sts-calls.har           a proxy's HAR of a CLI federating: the AWS Query
                              POST of sts/aws-query.txt (43200 s) and the
                              Alibaba Cloud RPC GET of sts/aliyun-query.txt
  saml-tracer/aws-signin.json         SAML-tracer export ("requests", "post",
                                      "saml", export "timestamp")
  saml-tracer/aws-signin-hashed.json  the same exported with the "hash values"
                                      profile: post values are "{hash:...}",
                                      only "saml" (decoded XML) is left
  sts/aws-cli-assume-role-with-saml.json  --cli-input-json for
                              aws sts assume-role-with-saml (aws-api.xml, 43200 s)
  sts/aws-query.txt           the same call as an AWS Query body
  sts/aliyun-api.json         Alibaba Cloud AssumeRoleWithSAML parameters,
                              DurationSeconds omitted (aliyun-api-12h.xml)
  sts/aliyun-query.txt        the same as an RPC query string, DurationSeconds 3600
  cloudtrail/assume-role-with-saml.json   one record: durationSeconds 43200 but
                              credentials expire 1 h after eventTime (clamped by
                              SessionNotOnOrAfter)
  cloudtrail/log.json         {"Records": [...]}: 7 records, 5 of them STS calls
                              (see RECORDS below)
  cloudtrail/log.json.gz      log.json gzipped (mtime 0, no file name)
  cloudtrail/events.jsonl     records 2, 4 and 5 of log.json, one per line
  cloudtrail/lookup-events.json  `aws cloudtrail lookup-events` output, records
                              as JSON strings in CloudTrailEvent
  actiontrail/assume-role-with-saml.json  one ActionTrail AssumeRoleWithSAML event
  actiontrail/events.json     an array of 5 ActionTrail events, 4 of them STS calls

Standard library only; deterministic: running it twice writes identical files.

Usage: python3 tools/make-artifact-fixtures.py   (from anywhere)
"""

import base64
import copy
import gzip
import json
import pathlib
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
RESPONSES = ROOT / "testdata" / "responses"
OUT = ROOT / "testdata" / "artifacts"

AWS_ACCOUNT = "123456789012"
ALI_ACCOUNT = "1234567890123456"


def b64(name: str) -> str:
    return base64.b64encode((RESPONSES / name).read_bytes()).decode("ascii")


def pct(text: str) -> str:
    return urllib.parse.quote(text, safe="")


def pretty(value) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def compact(value) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


# --------------------------------------------------------------------------
# HAR


def har_entry(started, method, url, status, post=None, redirect="", mime="text/html"):
    request = {
        "method": method,
        "url": url,
        "httpVersion": "http/2.0",
        "headers": [
            {"name": "user-agent",
             "value": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
                      "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"},
        ],
        "queryString": [],
        "cookies": [],
        "headersSize": -1,
        "bodySize": 0,
    }
    if post is not None:
        request["headers"].append(
            {"name": "content-type", "value": post["mimeType"]})
        request["postData"] = post
        request["bodySize"] = len(post.get("text", ""))
    return {
        "_initiator": {"type": "other"},
        "_priority": "VeryHigh",
        "_resourceType": "document",
        "cache": {},
        "connection": "443",
        "pageref": "page_1",
        "request": request,
        "response": {
            "status": status,
            "statusText": "",
            "httpVersion": "http/2.0",
            "headers": [],
            "cookies": [],
            "content": {"size": 0, "mimeType": mime},
            "redirectURL": redirect,
            "headersSize": -1,
            "bodySize": -1,
            "_transferSize": 512,
            "_error": None,
        },
        "serverIPAddress": "192.0.2.10",
        "startedDateTime": started,
        "time": 84.2,
        "timings": {"blocked": 1.1, "dns": -1, "ssl": -1, "connect": -1,
                    "send": 0.2, "wait": 80.4, "receive": 2.5, "_blocked_queueing": 0.6},
    }


def har(entries, creator):
    return {"log": {"version": "1.2", "creator": creator,
                    "pages": [{"startedDateTime": entries[0]["startedDateTime"],
                               "id": "page_1", "title": entries[0]["request"]["url"],
                               "pageTimings": {"onContentLoad": 412.5, "onLoad": 801.3}}],
                    "entries": entries}}


def aws_signin_har():
    saml = b64("aws-three-roles.xml")
    body = "SAMLResponse=" + pct(saml) + "&RelayState="
    okta_app = "https://example.okta.com/app/amazon_aws/exk9z8y7x6w5V4u3T2s1/sso/saml"
    entries = [
        har_entry("2026-11-23T09:59:50.120Z", "GET", okta_app, 200),
        har_entry("2026-11-23T09:59:55.804Z", "POST", "https://example.okta.com/api/v1/authn",
                  200, post={"mimeType": "application/json",
                             "text": compact({"stateToken": "00Q8a7b6c5d4e3f2g1",
                                              "options": {"warnBeforePasswordExpired": True}})},
                  mime="application/json"),
        har_entry("2026-11-23T09:59:58.117Z", "GET", okta_app + "?fromLogin=true", 200),
        har_entry("2026-11-23T10:00:01.532Z", "POST", "https://signin.aws.amazon.com/saml", 302,
                  post={"mimeType": "application/x-www-form-urlencoded",
                        "text": body,
                        "params": [{"name": "SAMLResponse", "value": pct(saml)},
                                   {"name": "RelayState", "value": ""}]},
                  redirect="https://console.aws.amazon.com/console/home"),
        har_entry("2026-11-23T10:00:02.010Z", "GET",
                  "https://console.aws.amazon.com/console/home", 200),
    ]
    return har(entries, {"name": "WebInspector", "version": "537.36"})


def aliyun_signin_har():
    saml = b64("aliyun-api-12h.xml")
    idp = "https://example.okta.com/app/alibabacloud/exk1a2b3c4d5E6f7G8h9/sso/saml"
    entries = [
        har_entry("2026-11-23T09:59:57.300Z", "GET", idp, 200),
        har_entry("2026-11-23T10:00:00.905Z", "POST",
                  "https://signin.alibabacloud.com/saml-role/sso", 302,
                  post={"mimeType": "application/x-www-form-urlencoded",
                        "params": [],
                        "text": "SAMLResponse=" + pct(saml) + "&RelayState=" +
                                pct("https://home.console.aliyun.com/")},
                  redirect="https://home.console.aliyun.com/"),
    ]
    return har(entries, {"name": "Firefox", "version": "133.0"})


def no_saml_har():
    entries = [
        har_entry("2026-11-23T09:58:00.000Z", "GET", "https://example.com/", 200),
        har_entry("2026-11-23T09:58:03.000Z", "POST", "https://example.com/login", 302,
                  post={"mimeType": "application/x-www-form-urlencoded",
                        "params": [{"name": "user", "value": "alice"}],
                        "text": "user=alice"}),
    ]
    return har(entries, {"name": "WebInspector", "version": "537.36"})


def sts_calls_har():
    """What a recording proxy (mitmproxy's HAR export) saves while a CLI
    federates: STS calls, no browser POST of a SAMLResponse."""
    aws_body = aws_query().rstrip("\n")
    entries = [
        har_entry("2026-11-23T10:00:02.204Z", "POST", "https://sts.amazonaws.com/", 200,
                  post={"mimeType": "application/x-www-form-urlencoded; charset=utf-8",
                        "params": [], "text": aws_body},
                  mime="text/xml"),
        har_entry("2026-11-23T10:00:03.117Z", "GET",
                  "https://sts.aliyuncs.com/" + aliyun_query().rstrip("\n"), 200,
                  mime="application/json"),
    ]
    return har(entries, {"name": "mitmproxy", "version": "10.1.5"})


# --------------------------------------------------------------------------
# SAML-tracer (src/SAMLTraceIO.js: {"requests": [...], "timestamp": ...})


def tracer_request(request_id, method, url, status, status_text, post=None, saml=None,
                   hashed=False):
    request = {
        "method": method,
        "url": url,
        "requestId": request_id,
        "requestHeaders": [
            {"name": "Host", "value": urllib.parse.urlsplit(url).hostname},
            {"name": "User-Agent",
             "value": "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"},
        ],
    }
    if method == "GET":
        request["get"] = []
    if post is not None:
        request["requestHeaders"].append(
            {"name": "Content-Type", "value": "application/x-www-form-urlencoded"})
        if hashed:
            request["postData"] = "{overwritten}"
            request["post"] = [[name, "{hash:%064x}" % (0x5A17 + i)]
                               for i, (name, _) in enumerate(post)]
        else:
            request["postData"] = {name: [value] for name, value in post}
            request["post"] = [[name, value] for name, value in post]
        request["protocol"] = "SAML-P"
    if saml is not None:
        request["saml"] = saml
    request["responseStatus"] = status
    request["responseStatusText"] = status_text
    request["responseHeaders"] = [{"name": "Content-Type", "value": "text/html;charset=utf-8"}]
    return request


def saml_tracer_export(hashed):
    xml_bytes = (RESPONSES / "aws-three-roles.xml").read_bytes()
    saml = base64.b64encode(xml_bytes).decode("ascii")
    okta_app = "https://example.okta.com/app/amazon_aws/exk9z8y7x6w5V4u3T2s1/sso/saml"
    requests = [
        tracer_request("4811", "GET", okta_app, 200, "HTTP/1.1 200 OK"),
        tracer_request("4817", "POST", "https://signin.aws.amazon.com/saml", 302,
                       "HTTP/1.1 302 Found",
                       post=[("SAMLResponse", saml), ("RelayState", "")],
                       saml=xml_bytes.decode("utf-8"), hashed=hashed),
        tracer_request("4818", "GET", "https://console.aws.amazon.com/console/home", 200,
                       "HTTP/1.1 200 OK"),
    ]
    return {"requests": requests, "timestamp": "2026-11-23T10:02:14.871Z"}


# --------------------------------------------------------------------------
# STS requests


def aws_cli_json():
    # Key order of `aws sts assume-role-with-saml --generate-cli-skeleton`.
    return {
        "RoleArn": f"arn:aws:iam::{AWS_ACCOUNT}:role/ops",
        "PrincipalArn": f"arn:aws:iam::{AWS_ACCOUNT}:saml-provider/okta",
        "SAMLAssertion": b64("aws-api.xml"),
        "DurationSeconds": 43200,
    }


def aws_query():
    params = [
        ("Action", "AssumeRoleWithSAML"),
        ("Version", "2011-06-15"),
        ("RoleArn", f"arn:aws:iam::{AWS_ACCOUNT}:role/ops"),
        ("PrincipalArn", f"arn:aws:iam::{AWS_ACCOUNT}:saml-provider/okta"),
        ("SAMLAssertion", b64("aws-api.xml")),
        ("DurationSeconds", "43200"),
    ]
    return "&".join(f"{k}={pct(v)}" for k, v in params) + "\n"


def aliyun_api_json():
    return {
        "RoleArn": f"acs:ram::{ALI_ACCOUNT}:role/ops",
        "SAMLProviderArn": f"acs:ram::{ALI_ACCOUNT}:saml-provider/okta",
        "SAMLAssertion": b64("aliyun-api-12h.xml"),
    }


def aliyun_query():
    params = [
        ("Action", "AssumeRoleWithSAML"),
        ("Format", "JSON"),
        ("Version", "2015-04-01"),
        ("Timestamp", "2026-11-23T10:00:02Z"),
        ("RoleArn", f"acs:ram::{ALI_ACCOUNT}:role/ops"),
        ("SAMLProviderArn", f"acs:ram::{ALI_ACCOUNT}:saml-provider/okta"),
        ("SAMLAssertion", b64("aliyun-api-12h.xml")),
        ("DurationSeconds", "3600"),
    ]
    return "?" + "&".join(f"{k}={pct(v)}" for k, v in params) + "\n"


# --------------------------------------------------------------------------
# CloudTrail (shapes of the IAM user guide's "Example AWS STS API events in
# CloudTrail log" and of real records)


def saml_user(name):
    return {"type": "SAMLUser",
            "principalId": "Xq0vYb3ZtWk1mR8sPd2LhEoN4cU=:" + name,
            "userName": name,
            "identityProvider": "Xq0vYb3ZtWk1mR8sPd2LhEoN4cU="}


def ct_record(event_time, name, user_identity, request, response, event_id,
              error=None, user_agent="aws-cli/2.22.0 Python/3.12.6 Linux/6.1 exe/x86_64"):
    record = {
        "eventVersion": "1.08",
        "userIdentity": user_identity,
        "eventTime": event_time,
        "eventSource": "sts.amazonaws.com",
        "eventName": name,
        "awsRegion": "us-east-1",
        "sourceIPAddress": "198.51.100.23",
        "userAgent": user_agent,
    }
    if error is not None:
        record["errorCode"], record["errorMessage"] = error
    record["requestParameters"] = request
    record["responseElements"] = response
    record.update({
        "requestID": event_id[::-1],
        "eventID": event_id,
        "readOnly": True,
        "resources": [{"accountId": AWS_ACCOUNT, "type": "AWS::IAM::Role",
                       "ARN": request.get("roleArn", "")}],
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": AWS_ACCOUNT,
        "eventCategory": "Management",
        "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256",
                       "clientProvidedHostHeader": "sts.amazonaws.com"},
    })
    return record


def saml_response_elements(role, session, expiration):
    return {
        "credentials": {"accessKeyId": "ASIAIOSFODNN7EXAMPLE",
                        "sessionToken": "IQoJb3JpZ2luX2VjEXAMPLETOKEN",
                        "expiration": expiration},
        "assumedRoleUser": {"assumedRoleId": "AROAEXAMPLEID12345678:" + session,
                            "arn": f"arn:aws:sts::{AWS_ACCOUNT}:assumed-role/{role}/{session}"},
        "packedPolicySize": 6,
        "subject": session,
        "subjectType": "persistent",
        "issuer": "http://www.okta.com/exk9z8y7x6w5V4u3T2s1",
        "audience": "https://signin.aws.amazon.com/saml",
        "nameQualifier": "Xq0vYb3ZtWk1mR8sPd2LhEoN4cU=",
    }


def cloudtrail_records():
    clamped = ct_record(  # 43200 s requested, credentials for 1 h only
        "2026-11-23T10:00:05Z", "AssumeRoleWithSAML", saml_user("alice@example.com"),
        {"sAMLAssertionID": "_9c1d4f2e-7a3b-4e58-b6d0-3f8a2e1c5b47",
         "roleSessionName": "alice@example.com",
         "roleArn": f"arn:aws:iam::{AWS_ACCOUNT}:role/Admin",
         "principalArn": f"arn:aws:iam::{AWS_ACCOUNT}:saml-provider/okta",
         "durationSeconds": 43200},
        saml_response_elements("Admin", "alice@example.com", "Nov 23, 2026, 11:00:05 AM"),
        "5e0c7a1b-3d2f-4a8e-9b6c-1f0e2d3c4b5a")
    three_roles = ct_record(  # the assertion of aws-three-roles.xml, old date form
        "2026-11-23T10:00:02Z", "AssumeRoleWithSAML", saml_user("alice@example.com"),
        {"sAMLAssertionID": "id13579246802468013579246801",
         "roleSessionName": "alice@example.com",
         "roleArn": f"arn:aws:iam::{AWS_ACCOUNT}:role/ReadOnly",
         "principalArn": f"arn:aws:iam::{AWS_ACCOUNT}:saml-provider/okta",
         "durationSeconds": 28800},
        saml_response_elements("ReadOnly", "alice@example.com", "Nov 23, 2026 6:00:02 PM"),
        "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d")
    chained = ct_record(
        "2026-11-23T10:20:00Z", "AssumeRole",
        {"type": "AssumedRole",
         "principalId": "AROAEXAMPLEID12345678:alice@example.com",
         "arn": f"arn:aws:sts::{AWS_ACCOUNT}:assumed-role/ReadOnly/alice@example.com",
         "accountId": AWS_ACCOUNT,
         "accessKeyId": "ASIAIOSFODNN7EXAMPLE",
         "sessionContext": {
             "sessionIssuer": {"type": "Role", "principalId": "AROAEXAMPLEID12345678",
                               "arn": f"arn:aws:iam::{AWS_ACCOUNT}:role/ReadOnly",
                               "accountId": AWS_ACCOUNT, "userName": "ReadOnly"},
             "attributes": {"creationDate": "2026-11-23T10:00:02Z",
                            "mfaAuthenticated": "false"}}},
        {"roleArn": "arn:aws:iam::210987654321:role/Deploy",
         "roleSessionName": "deploy-session",
         "durationSeconds": 7200},
        None, "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
        error=("ValidationError",
               "The requested DurationSeconds exceeds the 1 hour session limit for roles "
               "assumed by role chaining."))
    too_long = ct_record(  # aws-api.xml's assertion, role max 1 h
        "2026-11-23T10:00:03Z", "AssumeRoleWithSAML", saml_user("alice@example.com"),
        {"sAMLAssertionID": "id82736451030192837465012345",
         "roleSessionName": "alice@example.com",
         "roleArn": f"arn:aws:iam::{AWS_ACCOUNT}:role/ops",
         "principalArn": f"arn:aws:iam::{AWS_ACCOUNT}:saml-provider/okta",
         "durationSeconds": 43200},
        None, "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
        error=("ValidationError",
               "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."))
    web_identity = ct_record(
        "2026-11-23T10:15:00Z", "AssumeRoleWithWebIdentity",
        {"type": "WebIdentityUser",
         "principalId": "accounts.google.com:1234567890.apps.googleusercontent.com:1098765",
         "userName": "1098765", "identityProvider": "accounts.google.com"},
        {"roleArn": f"arn:aws:iam::{AWS_ACCOUNT}:role/WebApp",
         "roleSessionName": "web-session", "durationSeconds": 3600},
        {"provider": "accounts.google.com",
         "subjectFromWebIdentityToken": "1098765",
         "audience": "1234567890.apps.googleusercontent.com",
         "credentials": {"accessKeyId": "ASIAIOSFODNN7EXAMPLE",
                         "expiration": "Nov 23, 2026, 11:15:00 AM",
                         "sessionToken": "IQoJb3JpZ2luX2VjEXAMPLETOKEN"},
         "assumedRoleUser": {"assumedRoleId": "AROAEXAMPLEWEB1234567:web-session",
                             "arn": f"arn:aws:sts::{AWS_ACCOUNT}:assumed-role/WebApp/web-session"}},
        "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a")
    caller_identity = ct_record(
        "2026-11-23T10:00:30Z", "GetCallerIdentity",
        {"type": "AssumedRole",
         "principalId": "AROAEXAMPLEID12345678:alice@example.com",
         "arn": f"arn:aws:sts::{AWS_ACCOUNT}:assumed-role/ReadOnly/alice@example.com",
         "accountId": AWS_ACCOUNT},
        {}, None, "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e")
    caller_identity["requestParameters"] = None
    caller_identity.pop("resources")
    console_login = {
        "eventVersion": "1.08",
        "userIdentity": {"type": "AssumedRole",
                         "principalId": "AROAEXAMPLEID12345678:alice@example.com",
                         "arn": f"arn:aws:sts::{AWS_ACCOUNT}:assumed-role/ReadOnly/alice@example.com",
                         "accountId": AWS_ACCOUNT},
        "eventTime": "2026-11-23T10:00:01Z",
        "eventSource": "signin.amazonaws.com",
        "eventName": "ConsoleLogin",
        "awsRegion": "us-east-1",
        "sourceIPAddress": "198.51.100.23",
        "userAgent": "Mozilla/5.0",
        "requestParameters": None,
        "responseElements": {"ConsoleLogin": "Success"},
        "additionalEventData": {"MobileVersion": "No", "MFAUsed": "No",
                                "SamlProviderArn": f"arn:aws:iam::{AWS_ACCOUNT}:saml-provider/okta"},
        "eventID": "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
        "readOnly": False,
        "eventType": "AwsConsoleSignIn",
        "managementEvent": True,
        "recipientAccountId": AWS_ACCOUNT,
        "eventCategory": "Management",
    }
    # Index: 0 ConsoleLogin (not STS), 1 GetCallerIdentity (not kept),
    # 2 AssumeRoleWithSAML clamped, 3 AssumeRoleWithSAML aws-three-roles,
    # 4 AssumeRole failed (role chaining), 5 AssumeRoleWithSAML failed
    # (MaxSessionDuration), 6 AssumeRoleWithWebIdentity.
    return [console_login, caller_identity, clamped, three_roles, chained, too_long,
            web_identity]


def lookup_events(records):
    events = []
    for record in records:
        events.append({
            "EventId": record["eventID"],
            "EventName": record["eventName"],
            "ReadOnly": "true",
            "EventTime": record["eventTime"].replace("Z", "+00:00"),
            "EventSource": record["eventSource"],
            "Username": record["userIdentity"].get("userName", "alice@example.com"),
            "Resources": [{"ResourceType": "AWS::IAM::Role",
                           "ResourceName": record["requestParameters"]["roleArn"]}],
            "CloudTrailEvent": compact(record),
        })
    return {"Events": events}


# --------------------------------------------------------------------------
# ActionTrail (shapes of ActionTrail's "Implement role-based SSO" and "STS"
# sample event pages)


def at_event(event_time, name, user_identity, request, response, event_id,
             error=("", "")):
    return {
        "apiVersion": "2015-04-01",
        "requestId": event_id,
        "eventType": "ApiCall",
        "userIdentity": user_identity,
        "acsRegion": "cn-hangzhou",
        "eventName": name,
        "requestParameters": dict({"AcsHost": "sts.aliyuncs.com", "AcsProduct": "Sts",
                                   "RequestId": event_id, "HostId": "sts.aliyuncs.com"},
                                  **request),
        "eventSource": "sts.aliyuncs.com",
        "serviceName": "Sts",
        "eventTime": event_time,
        "referencedResources": {"ACS::RAM::AccessKey": ["STS.NUQNP4PiGyckMsNiGELCs****"]},
        "userAgent": "AlibabaCloud (Linux; amd64) Java/1.8.0_352 Core/4.6.3",
        "eventId": event_id,
        "additionalEventData": {"Scheme": "https"},
        "responseElements": response,
        "errorCode": error[0],
        "errorMessage": error[1],
        "eventVersion": "1",
        "sourceIpAddress": "203.0.113.45",
    }


def at_saml_success():
    return at_event(
        "2026-11-23T10:00:03Z", "AssumeRoleWithSAML",
        {"accountId": ALI_ACCOUNT, "type": "saml-user", "userName": "alice@example.com"},
        {"SAMLAssertion": "****", "DurationSeconds": 3600,
         "SAMLProviderArn": f"acs:ram::{ALI_ACCOUNT}:saml-provider/okta",
         "RoleArn": f"acs:ram::{ALI_ACCOUNT}:role/ops"},
        {"RequestId": "6A1B2C3D-4E5F-5A6B-8C7D-9E0F1A2B3C4D",
         "SAMLAssertionInfo": {"SubjectType": "persistent",
                               "Issuer": "http://www.okta.com/exk1a2b3c4d5E6f7G8h9",
                               "Recipient": "https://signin.alibabacloud.com/saml-role/sso",
                               "Subject": "alice@example.com"},
         "AssumedRoleUser": {"Arn": f"acs:ram::{ALI_ACCOUNT}:role/ops/alice@example.com",
                             "AssumedRoleId": "300800000000000001:alice@example.com"},
         "Credentials": {"AccessKeyId": "STS.NUQNP4PiGyckMsNiGELCs****",
                         "AccessKeySecret": "****",
                         "Expiration": "2026-11-23T11:00:03Z"}},
        "6A1B2C3D-4E5F-5A6B-8C7D-9E0F1A2B3C4D")


def actiontrail_events():
    signin = {
        "eventId": "0B1C2D3E-4F5A-5B6C-7D8E-9F0A1B2C3D4E",
        "eventVersion": 1,
        "eventSource": "signin.aliyun.com",
        "serviceName": "AasSub",
        "eventName": "ConsoleSignin",
        "eventType": "ConsoleSignin",
        "eventTime": "2026-11-23T10:00:01Z",
        "acsRegion": "cn-hangzhou",
        "userIdentity": {"accountId": ALI_ACCOUNT, "type": "saml-user",
                         "userName": "alice@example.com"},
        "additionalEventData": {"loginAccount": "alice@example.com", "MFAUsed": "false"},
        "errorCode": "",
        "errorMessage": "",
        "sourceIpAddress": "203.0.113.45",
    }
    assume_role = at_event(
        "2026-11-23T10:10:00Z", "AssumeRole",
        {"accountId": ALI_ACCOUNT, "type": "ram-user", "userName": "builder",
         "principalId": "200800000000000002", "accessKeyId": "LTAI****************"},
        {"RoleSessionName": "builder", "DurationSeconds": 3600,
         "RoleArn": f"acs:ram::{ALI_ACCOUNT}:role/deploy"},
        # The AssumeRole sample writes the response in lowerCamel case.
        {"requestId": "7B2C3D4E-5F6A-5B7C-8D9E-0F1A2B3C4D5E",
         "assumedRoleUser": {"arn": f"acs:ram::{ALI_ACCOUNT}:role/deploy/builder",
                             "assumedRoleId": "300800000000000003:builder"},
         "credentials": {"accessKeyId": "STS.NUQNP4PiGyckMsNiGELCs****",
                         "accessKeySecret": "****",
                         "expiration": "2026-11-23T11:10:00Z"}},
        "7B2C3D4E-5F6A-5B7C-8D9E-0F1A2B3C4D5E")
    failed = at_event(
        "2026-11-23T10:05:00Z", "AssumeRoleWithSAML",
        {"accountId": ALI_ACCOUNT, "type": "saml-user", "userName": "alice@example.com"},
        {"SAMLAssertion": "****", "DurationSeconds": 43200,
         "SAMLProviderArn": f"acs:ram::{ALI_ACCOUNT}:saml-provider/okta",
         "RoleArn": f"acs:ram::{ALI_ACCOUNT}:role/ops"},
        None, "8C3D4E5F-6A7B-5C8D-9E0F-1A2B3C4D5E6F",
        error=("InvalidParameter.DurationSeconds",
               "The Min/Max value of DurationSeconds is 15min/1hr."))
    chained = at_event(
        "2026-11-23T10:30:00Z", "AssumeRole",
        {"accountId": ALI_ACCOUNT, "type": "assumed-role",
         "userName": "ops:alice@example.com",
         "principalId": "300800000000000001:alice@example.com",
         "accessKeyId": "STS.NUQNP4PiGyckMsNiGELCs****",
         "sessionContext": {"attributes": {"mfaAuthenticated": "false",
                                           "creationDate": "2026-11-23T10:00:03Z"}}},
        {"RoleSessionName": "alice", "DurationSeconds": 3600,
         "RoleArn": f"acs:ram::{ALI_ACCOUNT}:role/audit"},
        {"RequestId": "9D4E5F6A-7B8C-5D9E-0F1A-2B3C4D5E6F7A",
         "AssumedRoleUser": {"Arn": f"acs:ram::{ALI_ACCOUNT}:role/audit/alice",
                             "AssumedRoleId": "300800000000000004:alice"},
         "Credentials": {"AccessKeyId": "STS.NUQNP4PiGyckMsNiGELCs****",
                         "AccessKeySecret": "****",
                         "Expiration": "2026-11-23T11:30:00Z"}},
        "9D4E5F6A-7B8C-5D9E-0F1A-2B3C4D5E6F7A")
    # Index: 0 ConsoleSignin (not STS), 1 AssumeRoleWithSAML, 2 AssumeRole
    # (RAM user), 3 AssumeRoleWithSAML failed, 4 AssumeRole by a role session.
    return [signin, at_saml_success(), assume_role, failed, chained]


# --------------------------------------------------------------------------


def main() -> None:
    records = cloudtrail_records()
    log = {"Records": records}
    outputs = {
        "har/aws-signin.har": pretty(aws_signin_har()),
        "har/aliyun-signin.har": pretty(aliyun_signin_har()),
        "har/no-saml.har": pretty(no_saml_har()),
        "har/sts-calls.har": pretty(sts_calls_har()),
        "saml-tracer/aws-signin.json": pretty(saml_tracer_export(hashed=False)),
        "saml-tracer/aws-signin-hashed.json": pretty(saml_tracer_export(hashed=True)),
        "sts/aws-cli-assume-role-with-saml.json": pretty(aws_cli_json()),
        "sts/aws-query.txt": aws_query().encode("ascii"),
        "sts/aliyun-api.json": pretty(aliyun_api_json()),
        "sts/aliyun-query.txt": aliyun_query().encode("ascii"),
        "cloudtrail/assume-role-with-saml.json": pretty(copy.deepcopy(records[2])),
        "cloudtrail/log.json": pretty(log),
        # CloudTrail delivers compact JSON, gzipped.
        "cloudtrail/log.json.gz": gzip.compress(compact(log).encode("utf-8"), mtime=0),
        "cloudtrail/events.jsonl": "".join(
            compact(records[i]) + "\n" for i in (2, 4, 5)).encode("utf-8"),
        "cloudtrail/lookup-events.json": pretty(lookup_events(records[2:4])),
        "actiontrail/assume-role-with-saml.json": pretty(at_saml_success()),
        "actiontrail/events.json": pretty(actiontrail_events()),
    }
    for name, content in outputs.items():
        path = OUT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        print(f"wrote {path.relative_to(ROOT)} ({len(content)} bytes)")


if __name__ == "__main__":
    main()
