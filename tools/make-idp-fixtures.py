#!/usr/bin/env python3
"""Writes testdata/idp/: a Keycloak realm export and a Terraform plan
(`terraform show -json`, pretty-printed) whose SAML applications send the AWS
and Alibaba Cloud attributes. Shapes follow Keycloak's RealmRepresentation /
ClientRepresentation / ProtocolMapperRepresentation and the Terraform JSON
output format; values are made up. Run from the repository root."""
import json
import pathlib

OUT = pathlib.Path("testdata/idp")
AWS = "https://aws.amazon.com/SAML/Attributes/"
ALIYUN = "https://www.aliyun.com/SAML-Role/Attributes/"


def mapper(mid, name, kind, config):
    return {"id": mid, "name": name, "protocol": "saml", "protocolMapper": kind,
            "consentRequired": False, "config": config}


def hardcoded(mid, name, attribute, value):
    return mapper(mid, name, "saml-hardcode-attribute-mapper",
                  {"attribute.nameformat": "URI Reference", "attribute.name": attribute,
                   "attribute.value": value, "friendly.name": attribute.rsplit("/", 1)[1]})


def saml_client(cid, client_id, name, attributes, mappers):
    base = {"saml.authnstatement": "true", "saml.force.post.binding": "true",
            "saml_name_id_format": "username", "saml.client.signature": "false",
            "saml.encrypt": "false", "saml_force_name_id_format": "false"}
    base.update(attributes)
    return {"id": cid, "clientId": client_id, "name": name, "enabled": True,
            "protocol": "saml", "publicClient": False, "frontchannelLogout": True,
            "fullScopeAllowed": True, "redirectUris": [], "attributes": base,
            "protocolMappers": mappers,
            "defaultClientScopes": ["role_list"], "optionalClientScopes": []}


def realm():
    aws = saml_client(
        "5f0c2d1e-aws", "urn:amazon:webservices", "AWS (production)",
        {"saml.server.signature": "true", "saml.assertion.signature": "true",
         "saml.signature.algorithm": "RSA_SHA256",
         "saml_assertion_consumer_url_post": "https://signin.aws.amazon.com/saml",
         "saml_idp_initiated_sso_url_name": "amazon-aws"},
        [hardcoded("m-aws-1", "aws-session-duration", AWS + "SessionDuration", "43200"),
         hardcoded("m-aws-2", "aws-role-admin", AWS + "Role",
                   "arn:aws:iam::123456789012:role/KeycloakAdmin,"
                   "arn:aws:iam::123456789012:saml-provider/keycloak"),
         mapper("m-aws-3", "aws-session-name", "saml-user-property-mapper",
                {"attribute.nameformat": "URI Reference", "user.attribute": "username",
                 "attribute.name": AWS + "RoleSessionName"})])
    sandbox = saml_client(
        "7a1b9c3d-sandbox", "https://signin.aws.amazon.com/saml", "AWS (sandbox)",
        {"saml.server.signature": "true", "saml.assertion.signature": "false",
         "saml.signature.algorithm": "RSA_SHA1",
         "saml_assertion_consumer_url_post": "https://signin.aws.amazon.com/saml",
         "saml_idp_initiated_sso_url_name": "aws-sandbox"},
        [hardcoded("m-sb-1", "sandbox-session-duration", AWS + "SessionDuration", "3600"),
         hardcoded("m-sb-2", "sandbox-role", AWS + "Role",
                   "arn:aws:iam::210987654321:role/Sandbox,"
                   "arn:aws:iam::210987654321:saml-provider/keycloak"),
         mapper("m-sb-3", "sandbox-session-name", "saml-user-attribute-mapper",
                {"attribute.nameformat": "URI Reference", "user.attribute": "email",
                 "attribute.name": AWS + "RoleSessionName"})])
    aliyun = saml_client(
        "9e8d7c6b-aliyun", "urn:alibaba:cloudcomputing:international", "Alibaba Cloud",
        {"saml.server.signature": "true", "saml.assertion.signature": "true",
         "saml.signature.algorithm": "RSA_SHA256",
         "saml_assertion_consumer_url_post": "https://signin.alibabacloud.com/saml-role/sso",
         "saml.assertion.lifespan": "300"},
        [hardcoded("m-ali-1", "aliyun-session-duration", ALIYUN + "SessionDuration", "21600"),
         mapper("m-ali-2", "aliyun-roles", "saml-role-list-mapper",
                {"single": "false", "attribute.nameformat": "URI Reference",
                 "attribute.name": ALIYUN + "Role"}),
         mapper("m-ali-3", "aliyun-session-name", "saml-user-property-mapper",
                {"attribute.nameformat": "URI Reference", "user.attribute": "username",
                 "attribute.name": ALIYUN + "RoleSessionName"})])
    wiki = saml_client("1c2d3e4f-wiki", "https://wiki.example.com/saml", "Wiki",
                       {"saml.server.signature": "true",
                        "saml_assertion_consumer_url_post": "https://wiki.example.com/saml/acs"},
                       [])
    portal = {"id": "2b3c4d5e-portal", "clientId": "portal", "protocol": "openid-connect",
              "enabled": True, "publicClient": True, "redirectUris": ["https://portal.example.com/*"],
              "attributes": {}, "protocolMappers": []}
    return {
        "id": "corp", "realm": "corp", "displayName": "Corp", "enabled": True,
        "sslRequired": "external", "notBefore": 0,
        "accessTokenLifespan": 300, "accessTokenLifespanForImplicitFlow": 900,
        "ssoSessionIdleTimeout": 1800, "ssoSessionMaxLifespan": 36000,
        "ssoSessionIdleTimeoutRememberMe": 0, "ssoSessionMaxLifespanRememberMe": 0,
        "offlineSessionIdleTimeout": 2592000, "accessCodeLifespan": 60,
        "accessCodeLifespanUserAction": 300, "accessCodeLifespanLogin": 1800,
        "rememberMe": False, "registrationAllowed": False,
        "clients": [portal, aws, sandbox, aliyun, wiki],
    }


def plan():
    okta_values = {
        "label": "AWS", "status": "ACTIVE", "preconfigured_app": None,
        "sso_url": "https://signin.aws.amazon.com/saml",
        "recipient": "https://signin.aws.amazon.com/saml",
        "destination": "https://signin.aws.amazon.com/saml",
        "audience": "urn:amazon:webservices",
        "subject_name_id_template": "${user.userName}",
        "subject_name_id_format": "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
        "response_signed": True, "assertion_signed": True,
        "signature_algorithm": "RSA_SHA256", "digest_algorithm": "SHA256",
        "honor_force_authn": False, "authn_context_class_ref":
            "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
        "attribute_statements": [
            {"name": AWS + "Role", "namespace": "urn:oasis:names:tc:SAML:2.0:attrname-format:uri",
             "type": "EXPRESSION", "filter_type": None, "filter_value": None,
             "values": ["\"arn:aws:iam::123456789012:role/OktaReadOnly,"
                        "arn:aws:iam::123456789012:saml-provider/okta\""]},
            {"name": AWS + "RoleSessionName",
             "namespace": "urn:oasis:names:tc:SAML:2.0:attrname-format:uri",
             "type": "EXPRESSION", "filter_type": None, "filter_value": None,
             "values": ["user.email"]},
            {"name": AWS + "SessionDuration",
             "namespace": "urn:oasis:names:tc:SAML:2.0:attrname-format:uri",
             "type": "EXPRESSION", "filter_type": None, "filter_value": None,
             "values": ["28800"]},
        ],
    }
    realm_values = {"realm": "corp", "enabled": True, "sso_session_idle_timeout": "30m0s",
                    "sso_session_max_lifespan": "10h0m0s", "access_code_lifespan": "1m0s",
                    "access_token_lifespan": "5m0s"}
    kc_client = {"client_id": "urn:amazon:webservices", "name": "AWS", "enabled": True,
                 "sign_documents": True, "sign_assertions": True,
                 "signature_algorithm": "RSA_SHA256", "include_authn_statement": True,
                 "assertion_consumer_post_url": "https://signin.aws.amazon.com/saml",
                 "idp_initiated_sso_url_name": "amazon-aws", "force_post_binding": True}
    kc_duration = {"name": "aws-session-duration", "protocol": "saml",
                   "protocol_mapper": "saml-hardcode-attribute-mapper",
                   "config": {"attribute.name": AWS + "SessionDuration",
                              "attribute.nameformat": "URI Reference",
                              "attribute.value": "7200"}}
    kc_role = {"name": "aws-role", "protocol": "saml",
               "protocol_mapper": "saml-hardcode-attribute-mapper",
               "config": {"attribute.name": AWS + "Role", "attribute.nameformat": "URI Reference",
                          "attribute.value": "arn:aws:iam::123456789012:role/KeycloakAdmin,"
                                             "arn:aws:iam::123456789012:saml-provider/keycloak"}}
    kc_name = {"name": "aws-session-name", "user_property": "username",
               "saml_attribute_name": AWS + "RoleSessionName",
               "saml_attribute_name_format": "URI Reference", "friendly_name": ""}
    iam_role = {"name": "KeycloakAdmin", "max_session_duration": 43200,
                "assume_role_policy": "{\"Statement\":[{\"Action\":\"sts:AssumeRoleWithSAML\","
                                      "\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                                      "\"arn:aws:iam::123456789012:saml-provider/keycloak\"}}],"
                                      "\"Version\":\"2012-10-17\"}"}
    resources = [
        ("okta_app_saml", "aws", "registry.terraform.io/okta/okta", okta_values,
         {"id": True, "entity_key": True, "attribute_statements": [{}, {}, {}]}),
        ("keycloak_realm", "corp", "registry.terraform.io/keycloak/keycloak", realm_values,
         {"id": True}),
        ("keycloak_saml_client", "aws", "registry.terraform.io/keycloak/keycloak", kc_client,
         {"id": True, "realm_id": True}),
        ("keycloak_generic_protocol_mapper", "aws_session_duration",
         "registry.terraform.io/keycloak/keycloak", kc_duration,
         {"id": True, "realm_id": True, "client_id": True}),
        ("keycloak_generic_protocol_mapper", "aws_role",
         "registry.terraform.io/keycloak/keycloak", kc_role,
         {"id": True, "realm_id": True, "client_id": True}),
        ("keycloak_saml_user_property_protocol_mapper", "aws_session_name",
         "registry.terraform.io/keycloak/keycloak", kc_name,
         {"id": True, "realm_id": True, "client_id": True}),
        ("aws_iam_role", "keycloak_admin", "registry.terraform.io/hashicorp/aws", iam_role,
         {"arn": True, "id": True, "unique_id": True}),
    ]
    planned, changes, config = [], [], []
    for rtype, name, provider, values, unknown in resources:
        address = f"{rtype}.{name}"
        planned.append({"address": address, "mode": "managed", "type": rtype, "name": name,
                        "provider_name": provider, "schema_version": 0, "values": values,
                        "sensitive_values": {}})
        changes.append({"address": address, "mode": "managed", "type": rtype, "name": name,
                        "provider_name": provider,
                        "change": {"actions": ["create"], "before": None, "after": values,
                                   "after_unknown": unknown, "before_sensitive": False,
                                   "after_sensitive": {}}})
        expressions = {}
        if rtype.startswith("keycloak_") and rtype != "keycloak_realm":
            expressions["realm_id"] = {"references": ["keycloak_realm.corp.id",
                                                      "keycloak_realm.corp"]}
        if "mapper" in rtype:
            expressions["client_id"] = {"references": ["keycloak_saml_client.aws.id",
                                                       "keycloak_saml_client.aws"]}
        config.append({"address": address, "mode": "managed", "type": rtype, "name": name,
                       "provider_config_key": rtype.split("_")[0], "expressions": expressions,
                       "schema_version": 0})
    return {"format_version": "1.2", "terraform_version": "1.9.5",
            "planned_values": {"root_module": {"resources": planned}},
            "resource_changes": changes,
            "configuration": {"root_module": {"resources": config}}}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "keycloak-realm.json").write_text(json.dumps(realm(), indent=2) + "\n")
    (OUT / "terraform-plan.json").write_text(json.dumps(plan(), indent=2) + "\n")


if __name__ == "__main__":
    main()
