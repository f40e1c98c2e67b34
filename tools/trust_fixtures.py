#!/usr/bin/env python3
"""Signed SAML fixtures and signature-attack variants for samlint's trust tests.

Called by tools/make-trust-fixtures.sh once the keys exist (see that script's
header for what every file is). Standard library only; shells out to xmlsec1
for signing, encryption and the reference verdicts recorded in MANIFEST.tsv.

  python3 tools/trust_fixtures.py OUT_DIR     # OUT_DIR holds keys/ already

Every attack is made by editing the text of a validly signed response, so the
original signature bytes are kept; elements that carry a signature are moved
verbatim (re-indenting them would change their whitespace text nodes and break
the digest). Key generation is random, so the files differ from run to run,
but every signature in one run is made with the keys of that run.
"""

from __future__ import annotations

import dataclasses
import pathlib
import re
import subprocess
import sys
import tempfile

NS_PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol"
NS_ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion"
NS_DS = "http://www.w3.org/2000/09/xmldsig#"
NS_XENC = "http://www.w3.org/2001/04/xmlenc#"
NS_MD = "urn:oasis:names:tc:SAML:2.0:metadata"

ID_ATTRS = [
    "--id-attr:ID", NS_PROTOCOL + ":Response",
    "--id-attr:ID", NS_ASSERTION + ":Assertion",
]

ISSUER = "https://idp.example.com/saml"
ISSUE_INSTANT = "2026-11-23T10:00:00Z"
RESP_ID = "_resp-3f9a1c7e52b84d06a1e4"
ASSERT_ID = "_assert-8c2d4e6f10a34b7c9e51"
EVIL_RESP_ID = "_evil-resp-6b1f0e9d2c3a4857"
EVIL_ASSERT_ID = "_evil-assert-0d7c5b3a19e24f68"
FAKE_ASSERT_ID = "_not-saml-assert-4e2a9c71"

SIGNED_DURATION = "28800"
EVIL_DURATION = "43200"

C14N = {
    "exc": "http://www.w3.org/2001/10/xml-exc-c14n#",
    "inc": "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
}
SIGNATURE_METHOD = {
    "rsa-sha256": "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    "rsa-sha1": "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
    "ecdsa-sha256": "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
}
DIGEST_METHOD = {
    "sha256": "http://www.w3.org/2001/04/xmlenc#sha256",
    "sha1": "http://www.w3.org/2000/09/xmldsig#sha1",
}
BLOCK_CIPHER = {
    "aes128-cbc": ("http://www.w3.org/2001/04/xmlenc#aes128-cbc", "aes-128"),
    "aes256-gcm": ("http://www.w3.org/2009/xmlenc11#aes256-gcm", "aes-256"),
}


@dataclasses.dataclass(frozen=True)
class Cloud:
    name: str
    endpoint: str
    audience: str
    attribute_base: str
    account: str
    role_prefix: str

    def role(self, name: str) -> str:
        return (f"{self.role_prefix}{self.account}:role/{name},"
                f"{self.role_prefix}{self.account}:saml-provider/idp")


AWS = Cloud("aws", "https://signin.aws.amazon.com/saml", "urn:amazon:webservices",
            "https://aws.amazon.com/SAML/Attributes/", "123456789012", "arn:aws:iam::")
ALIYUN = Cloud("aliyun", "https://signin.alibabacloud.com/saml-role/sso",
               "urn:alibaba:cloudcomputing:international",
               "https://www.aliyun.com/SAML-Role/Attributes/", "1234567890123456", "acs:ram::")


@dataclasses.dataclass(frozen=True)
class Sig:
    c14n: str = "exc"
    method: str = "rsa-sha256"
    digest: str = "sha256"


@dataclasses.dataclass
class Values:
    role: str = "ops"
    duration: str = SIGNED_DURATION
    name_id: str = "alice@example.com"
    session_name: str = "alice@example.com"


class Fixtures:
    def __init__(self, out: pathlib.Path, work: pathlib.Path):
        self.out = out
        self.keys = out / "keys"
        self.work = work
        self.counter = 0
        self.rows: list[dict] = []
        self.texts: dict[str, str] = {}

    # ------------------------------------------------------------------ helpers

    def key(self, name: str) -> pathlib.Path:
        return self.keys / f"{name}.key.pem"

    def cert(self, name: str) -> pathlib.Path:
        return self.keys / f"{name}.cert.pem"

    def tmp(self, suffix: str) -> pathlib.Path:
        self.counter += 1
        return self.work / f"t{self.counter:03d}{suffix}"

    def run(self, args: list[str]) -> subprocess.CompletedProcess:
        return subprocess.run(args, capture_output=True, text=True)

    def must(self, args: list[str]) -> None:
        p = self.run(args)
        if p.returncode != 0:
            sys.exit(f"trust_fixtures.py: {' '.join(args)} failed:\n{p.stdout}{p.stderr}")

    # ---------------------------------------------------------------- templates

    def signature_template(self, ref: str, sig: Sig, indent: str) -> str:
        i = indent
        return (
            f'<ds:Signature xmlns:ds="{NS_DS}">\n'
            f'{i}  <ds:SignedInfo>\n'
            f'{i}    <ds:CanonicalizationMethod Algorithm="{C14N[sig.c14n]}"/>\n'
            f'{i}    <ds:SignatureMethod Algorithm="{SIGNATURE_METHOD[sig.method]}"/>\n'
            f'{i}    <ds:Reference URI="#{ref}">\n'
            f'{i}      <ds:Transforms>\n'
            f'{i}        <ds:Transform Algorithm="{NS_DS}enveloped-signature"/>\n'
            + (f'{i}        <ds:Transform Algorithm="{C14N[sig.c14n]}">\n'
               f'{i}          <ec:InclusiveNamespaces xmlns:ec="{C14N["exc"]}" PrefixList="xs"/>\n'
               f'{i}        </ds:Transform>\n'
               if sig.c14n == "exc" else
               f'{i}        <ds:Transform Algorithm="{C14N[sig.c14n]}"/>\n') +
            f'{i}      </ds:Transforms>\n'
            f'{i}      <ds:DigestMethod Algorithm="{DIGEST_METHOD[sig.digest]}"/>\n'
            f'{i}      <ds:DigestValue></ds:DigestValue>\n'
            f'{i}    </ds:Reference>\n'
            f'{i}  </ds:SignedInfo>\n'
            f'{i}  <ds:SignatureValue></ds:SignatureValue>\n'
            f'{i}  <ds:KeyInfo>\n'
            f'{i}    <ds:X509Data>\n'
            f'{i}      <ds:X509Certificate></ds:X509Certificate>\n'
            f'{i}    </ds:X509Data>\n'
            f'{i}  </ds:KeyInfo>\n'
            f'{i}</ds:Signature>')

    def attribute(self, cloud: Cloud, name: str, value: str) -> str:
        return (
            f'      <saml:Attribute Name="{cloud.attribute_base}{name}" '
            f'NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">\n'
            f'        <saml:AttributeValue xsi:type="xs:string">{value}</saml:AttributeValue>\n'
            f'      </saml:Attribute>\n')

    def response(self, cloud: Cloud, values: Values | None = None,
                 assertion_sig: Sig | None = None, resp_id: str = RESP_ID,
                 assert_id: str = ASSERT_ID) -> str:
        """A Response with one Assertion; the Assertion's signature template in
        place when assertion_sig is given (a Response signature is added by
        sign_response, after the Assertion is signed)."""
        v = values or Values()
        sig = ""
        if assertion_sig is not None:
            sig = "    " + self.signature_template(assert_id, assertion_sig, "    ") + "\n"
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<samlp:Response xmlns:samlp="{NS_PROTOCOL}" ID="{resp_id}" Version="2.0" '
            f'IssueInstant="{ISSUE_INSTANT}" Destination="{cloud.endpoint}">\n'
            f'  <saml:Issuer xmlns:saml="{NS_ASSERTION}">{ISSUER}</saml:Issuer>\n'
            '  <samlp:Status>\n'
            '    <samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/>\n'
            '  </samlp:Status>\n'
            f'  <saml:Assertion xmlns:saml="{NS_ASSERTION}" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            f'ID="{assert_id}" Version="2.0" IssueInstant="{ISSUE_INSTANT}">\n'
            f'    <saml:Issuer>{ISSUER}</saml:Issuer>\n'
            f'{sig}'
            '    <saml:Subject>\n'
            '      <saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">'
            f'{v.name_id}</saml:NameID>\n'
            '      <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">\n'
            '        <saml:SubjectConfirmationData NotOnOrAfter="2026-11-23T10:05:00Z" '
            f'Recipient="{cloud.endpoint}"/>\n'
            '      </saml:SubjectConfirmation>\n'
            '    </saml:Subject>\n'
            '    <saml:Conditions NotBefore="2026-11-23T09:55:00Z" NotOnOrAfter="2026-11-23T10:05:00Z">\n'
            '      <saml:AudienceRestriction>\n'
            f'        <saml:Audience>{cloud.audience}</saml:Audience>\n'
            '      </saml:AudienceRestriction>\n'
            '    </saml:Conditions>\n'
            '    <saml:AuthnStatement AuthnInstant="2026-11-23T09:59:58Z" '
            'SessionIndex="_session-5d1e0c4b" SessionNotOnOrAfter="2026-11-23T20:00:00Z">\n'
            '      <saml:AuthnContext>\n'
            '        <saml:AuthnContextClassRef>'
            'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport'
            '</saml:AuthnContextClassRef>\n'
            '      </saml:AuthnContext>\n'
            '    </saml:AuthnStatement>\n'
            '    <saml:AttributeStatement>\n'
            + self.attribute(cloud, "Role", cloud.role(v.role))
            + self.attribute(cloud, "RoleSessionName", v.session_name)
            + self.attribute(cloud, "SessionDuration", v.duration)
            + '    </saml:AttributeStatement>\n'
            '  </saml:Assertion>\n'
            '</samlp:Response>\n')

    # ------------------------------------------------------------------ xmlsec1

    def sign(self, text: str, key: str) -> str:
        """Fills the first empty ds:Signature template in document order."""
        template, signed = self.tmp(".xml"), self.tmp(".xml")
        template.write_text(text)
        self.must(["xmlsec1", "--sign", "--privkey-pem", f"{self.key(key)},{self.cert(key)}",
                   *ID_ATTRS, "--output", str(signed), str(template)])
        return signed.read_text()

    def sign_response(self, text: str, key: str, sig: Sig) -> str:
        """Adds a Response signature template right after the Response's
        Issuer and signs it (it comes first in document order, so xmlsec1
        fills it and leaves any Assertion signature as it is)."""
        marker = "</saml:Issuer>\n"
        at = text.index(marker) + len(marker)
        template = "  " + self.signature_template(RESP_ID, sig, "  ") + "\n"
        return self.sign(text[:at] + template + text[at:], key)

    def encrypt_assertion(self, text: str, cipher: str) -> str:
        """Wraps the Assertion in saml:EncryptedAssertion and has xmlsec1
        replace it with xenc:EncryptedData for sp-rsa2048 (RSA-OAEP key
        transport, EncryptedKey inside the EncryptedData's KeyInfo)."""
        s, e = element_span(text, "saml:Assertion")
        data = (text[:s] + f'<saml:EncryptedAssertion xmlns:saml="{NS_ASSERTION}">'
                + text[s:e] + "</saml:EncryptedAssertion>" + text[e:])
        algorithm, session_key = BLOCK_CIPHER[cipher]
        template = (
            f'<xenc:EncryptedData xmlns:xenc="{NS_XENC}" Type="{NS_XENC}Element">\n'
            f'    <xenc:EncryptionMethod Algorithm="{algorithm}"/>\n'
            f'    <ds:KeyInfo xmlns:ds="{NS_DS}">\n'
            '      <xenc:EncryptedKey>\n'
            f'        <xenc:EncryptionMethod Algorithm="{NS_XENC}rsa-oaep-mgf1p">\n'
            f'          <ds:DigestMethod Algorithm="{NS_DS}sha1"/>\n'
            '        </xenc:EncryptionMethod>\n'
            '        <ds:KeyInfo>\n'
            '          <ds:X509Data>\n'
            '            <ds:X509Certificate></ds:X509Certificate>\n'
            '          </ds:X509Data>\n'
            '        </ds:KeyInfo>\n'
            '        <xenc:CipherData>\n'
            '          <xenc:CipherValue></xenc:CipherValue>\n'
            '        </xenc:CipherData>\n'
            '      </xenc:EncryptedKey>\n'
            '    </ds:KeyInfo>\n'
            '    <xenc:CipherData>\n'
            '      <xenc:CipherValue></xenc:CipherValue>\n'
            '    </xenc:CipherData>\n'
            '  </xenc:EncryptedData>')
        data_file, template_file, out_file = self.tmp(".xml"), self.tmp(".xml"), self.tmp(".xml")
        data_file.write_text(data)
        template_file.write_text(template)
        self.must(["xmlsec1", "--encrypt", "--pubkey-cert-pem", str(self.cert("sp-rsa2048")),
                   "--session-key", session_key, "--xml-data", str(data_file),
                   "--node-xpath",
                   "//*[local-name()='EncryptedAssertion']/*[local-name()='Assertion']",
                   "--output", str(out_file), str(template_file)])
        return out_file.read_text()

    def decrypt(self, path: pathlib.Path) -> pathlib.Path | None:
        out = self.tmp(".xml")
        p = self.run(["xmlsec1", "--decrypt", "--privkey-pem", str(self.key("sp-rsa2048")),
                      "--output", str(out), str(path)])
        return out if p.returncode == 0 else None

    def verify(self, path: pathlib.Path, anchors: list[str]) -> tuple[str, str]:
        """xmlsec1's verdict with the anchors' certificates: OK, FAIL, or
        ERROR when it stopped before printing a verdict; and a short detail."""
        args = ["xmlsec1", "--verify"]
        for anchor in anchors:
            for cert in self.anchor_certs(anchor):
                flag = "--pubkey-cert-der" if cert.suffix == ".der" else "--pubkey-cert-pem"
                args += [flag, str(cert)]
        p = self.run(args + ID_ATTRS + [str(path)])
        output = p.stdout + p.stderr
        lines = [l.strip() for l in output.splitlines()]
        # xmlsec1 prints OK or FAIL after checking, ERROR when it gave up.
        verdict = next((l for l in lines if l in ("OK", "FAIL", "ERROR")), "ERROR")
        notes = []
        refs = [l for l in lines if l.startswith("SignedInfo References")]
        if refs:
            notes.append("references " + refs[0].split(":", 1)[1].strip())
        generic = ("failed to verify file", "signature failed", "failed to load document",
                   "failed to add ID attribute")
        for l in lines:
            what = None
            if l.startswith("Error: ") and not any(g in l for g in generic):
                what = l[len("Error: "):]
            elif l.startswith("C14N error : ") and "Internal error" not in l:
                what = "C14N: " + l[len("C14N error : "):]
            # (it always complains that the self-signed KeyInfo certificate is
            # not trusted, then uses the key it was given: not worth a note)
            elif "error=" in l and "certificate verification failed" not in l \
                    and "library function failed" not in l:
                m = re.search(r"error=\d+:(.*)$", l)
                what = m.group(1).replace("details=", "") if m else None
            if what:
                what = what.strip().rstrip(":")[:90]
                if what not in notes:
                    notes.append(what)
        detail = "; ".join(notes[:3])
        return verdict, detail.replace("\t", " ")

    def anchor_certs(self, anchor: str) -> list[pathlib.Path]:
        if anchor.endswith(".xml"):
            return [self.cert(n) for n in METADATA_SIGNING_CERTS[pathlib.Path(anchor).name]]
        return [self.out / anchor]

    # ------------------------------------------------------------------ output

    def write(self, rel: str, text: str, comment: str) -> None:
        """Writes a fixture with an explanatory comment after the XML
        declaration (outside the root element, so no signature is touched)."""
        decl = '<?xml version="1.0" encoding="UTF-8"?>\n'
        body = text.split("\n", 1)[1] if text.startswith("<?xml") else text
        assert "--" not in comment, rel
        note = "<!--\n" + "\n".join("  " + l if l else "" for l in comment.strip("\n").split("\n")) + "\n-->\n"
        full = decl + note + body
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(full)
        self.texts[rel] = full

    def row(self, rel: str, case: str, anchors: list[str], status: str, covers: str,
            algorithm: str, rules: str, description: str, sp_key: bool = False,
            extra: str = "") -> None:
        self.rows.append(dict(file=rel, case=case, anchors=anchors, sp_key=sp_key,
                              status=status, covers=covers, algorithm=algorithm,
                              rules=rules, description=description, extra=extra))


# ---------------------------------------------------------------------- text ops

def element_span(text: str, qname: str, start: int = 0) -> tuple[int, int]:
    """Start and end offsets of the first <qname ...>...</qname> at or after
    start, counting nested elements of the same name."""
    close = f"</{qname}>"
    tokens = re.compile(r"<" + re.escape(qname) + r"(?=[\s/>])|" + re.escape(close))
    begin, depth = None, 0
    for t in tokens.finditer(text, start):
        if t.group() == close:
            depth -= 1
            if depth == 0:
                return begin, t.end()
            continue
        gt = text.index(">", t.end())
        if text[gt - 1] == "/":          # <qname .../>
            if begin is None:
                return t.start(), gt + 1
            continue
        if begin is None:
            begin = t.start()
        depth += 1
    raise ValueError(f"no complete <{qname}> after offset {start}")


def element(text: str, qname: str, start: int = 0) -> str:
    s, e = element_span(text, qname, start)
    return text[s:e]


def strip_signature(elem: str) -> str:
    """Removes exactly the (first) ds:Signature element and nothing around it:
    the enveloped-signature transform removes the element only, so the
    whitespace around it is part of the digested text and must stay."""
    s, e = element_span(elem, "ds:Signature")
    return elem[:s] + elem[e:]


def insert_before_end(elem: str, qname: str, block: str) -> str:
    close = f"</{qname}>"
    at = elem.rindex(close)
    return elem[:at] + block + elem[at:]


def once(text: str, old: str, new: str) -> str:
    if text.count(old) < 1:
        raise ValueError(f"{old!r} not found")
    return text.replace(old, new, 1)


def evil(elem: str, cloud: Cloud = AWS, new_id: str = EVIL_ASSERT_ID, old_id: str = ASSERT_ID) -> str:
    """The attacker's edit of an assertion (or response): another ID, Role
    role/admin instead of role/ops, SessionDuration 43200 instead of 28800."""
    elem = once(elem, f'ID="{old_id}"', f'ID="{new_id}"')
    elem = once(elem, cloud.role("ops"), cloud.role("admin"))
    elem = once(elem, f">{SIGNED_DURATION}<", f">{EVIL_DURATION}<")
    return elem


def root_of(doc: str) -> tuple[str, str]:
    """(XML declaration line, root element text)."""
    decl, rest = doc.split("\n", 1)
    return decl + "\n", rest


# ---------------------------------------------------------------- metadata

METADATA_SIGNING_CERTS = {
    "idp-metadata.xml": ["idp-rsa2048"],
    "idp-metadata-other-entity.xml": ["idp-rsa2048"],
    "idp-metadata-rollover.xml": ["idp-rsa2048", "idp-rollover-rsa2048"],
}


def cert_base64(path: pathlib.Path) -> str:
    lines = path.read_text().strip().splitlines()
    return "\n".join(l for l in lines if not l.startswith("-----"))


def key_descriptor(use: str | None, cert: pathlib.Path, comment: str) -> str:
    use_attr = f' use="{use}"' if use else ""
    return (f'    <!-- {comment} -->\n'
            f'    <md:KeyDescriptor{use_attr}>\n'
            f'      <ds:KeyInfo>\n'
            f'        <ds:X509Data>\n'
            f'          <ds:X509Certificate>{cert_base64(cert)}</ds:X509Certificate>\n'
            f'        </ds:X509Data>\n'
            f'      </ds:KeyInfo>\n'
            f'    </md:KeyDescriptor>\n')


def metadata(entity_id: str, descriptors: str, comment: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<!--\n  {comment}\n  Generated by tools/make-trust-fixtures.sh (test keys only).\n-->\n'
        f'<md:EntityDescriptor xmlns:md="{NS_MD}" xmlns:ds="{NS_DS}" entityID="{entity_id}">\n'
        '  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" '
        f'protocolSupportEnumeration="{NS_PROTOCOL}">\n'
        f'{descriptors}'
        '    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>\n'
        '    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" '
        f'Location="{entity_id}/sso"/>\n'
        '    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" '
        f'Location="{entity_id}/sso"/>\n'
        '  </md:IDPSSODescriptor>\n'
        '</md:EntityDescriptor>\n')


def write_metadata(f: Fixtures) -> None:
    k = f.keys
    (k / "idp-metadata.xml").write_text(metadata(
        ISSUER,
        key_descriptor("signing", f.cert("idp-rsa2048"), "signing: idp-rsa2048"),
        "IdP metadata for https://idp.example.com/saml: one signing key, idp-rsa2048."))
    (k / "idp-metadata-other-entity.xml").write_text(metadata(
        "https://other.example.com",
        key_descriptor("signing", f.cert("idp-rsa2048"), "signing: idp-rsa2048"),
        "Same signing key as idp-metadata.xml, but the entityID https://other.example.com\n"
        "  is not the fixtures' Issuer (https://idp.example.com/saml): issuer mismatch."))
    (k / "idp-metadata-rollover.xml").write_text(metadata(
        ISSUER,
        key_descriptor("signing", f.cert("idp-rsa2048"), "signing: idp-rsa2048 (current)")
        + key_descriptor(None, f.cert("idp-rollover-rsa2048"),
                         "no use attribute (signing and encryption): idp-rollover-rsa2048 (next)")
        + key_descriptor("encryption", f.cert("attacker-rsa2048"),
                         "encryption only: attacker-rsa2048; must NOT become a signing trust anchor"),
        "Key rollover: two signing keys (idp-rsa2048 and idp-rollover-rsa2048) and an\n"
        "  encryption-only KeyDescriptor (attacker-rsa2048) that is not a signing anchor."))


# ------------------------------------------------------------------- fixtures

IDP = "keys/idp-rsa2048.cert.pem"
IDP_DER = "keys/idp-rsa2048.der"
IDP_1024 = "keys/idp-rsa1024.cert.pem"
IDP_EC = "keys/idp-ec256.cert.pem"
ROLLOVER = "keys/idp-rollover-rsa2048.cert.pem"
ATTACKER = "keys/attacker-rsa2048.cert.pem"
EXPIRED = "keys/idp-expired.cert.pem"
MD = "keys/idp-metadata.xml"
MD_OTHER = "keys/idp-metadata-other-entity.xml"
MD_ROLLOVER = "keys/idp-metadata-rollover.xml"

EXC256 = Sig()


def make_valid(f: Fixtures) -> dict[str, str]:
    """Writes valid/ and returns the signed texts the attacks start from."""
    base: dict[str, str] = {}

    def assertion_signed(name, cloud, sig, key, anchor, algorithm, rules, what, values=None):
        text = f.sign(f.response(cloud, values, assertion_sig=sig), key)
        rel = f"valid/{name}"
        f.write(rel, text, f"{what}\nThe Assertion is signed ({algorithm}, {sig.c14n} c14n) with "
                f"{key}; verify with {anchor}.")
        f.row(rel, "assertion-signed", [anchor], "verified", "assertion", algorithm, rules,
              what.replace("\n", " "))
        return text

    t = assertion_signed("aws-assertion-signed-sha256-exc.xml", AWS, EXC256, "idp-rsa2048", IDP,
                         "rsa-sha256/sha256", "-",
                         "AWS response, Assertion signed: RSA-SHA256, SHA-256 digest, exclusive c14n.")
    base["assertion"] = t
    rel = "valid/aws-assertion-signed-sha256-exc.xml"
    f.row(rel, "anchor-as-der", [IDP_DER], "verified", "assertion", "rsa-sha256/sha256", "-",
          "The same trust anchor given as DER.")
    f.row(rel, "anchor-from-metadata", [MD], "verified", "assertion", "rsa-sha256/sha256", "-",
          "Trust anchor from IdP metadata whose entityID equals the Issuer.")
    f.row(rel, "metadata-other-entity", [MD_OTHER], "verified", "assertion", "rsa-sha256/sha256",
          "issuer-mismatch",
          "Right key, but the metadata's entityID (https://other.example.com) is not the Issuer; "
          "issuer-mismatch is the rule id src/trust uses (not yet in cli-contract.md).")
    f.row(rel, "metadata-rollover", [MD_ROLLOVER], "verified", "assertion", "rsa-sha256/sha256", "-",
          "Metadata with two signing keys; the current one signed.")
    f.row(rel, "no-anchor", [], "not-checked", "-", "rsa-sha256/sha256", "signature-not-checked",
          "Signed, but no --cert/--idp-metadata: not-checked, a note.")
    f.row(rel, "wrong-anchor", [ATTACKER], "invalid", "-", "*", "signature-key-untrusted",
          "Valid signature, but its key is not the trust anchor given.")
    f.row(rel, "wrong-anchor-rollover-only", [ROLLOVER], "invalid", "-", "*",
          "signature-key-untrusted",
          "Only the next (rollover) certificate is trusted; the current key signed.")
    f.row(rel, "expired-anchor-wrong-key", [EXPIRED], "invalid", "-", "*",
          "signature-key-untrusted,certificate-expired",
          "The only anchor is an expired certificate of another key.")

    t = f.sign_response(f.response(AWS), "idp-rsa2048", EXC256)
    rel = "valid/aws-response-signed-sha256-exc.xml"
    f.write(rel, t, "AWS response, only the Response is signed (RSA-SHA256, exclusive c14n) with "
            "idp-rsa2048.\nThe Response holds exactly one Assertion, so it is covered: verified, "
            "plus the\nassertion-not-signed warning (AWS accepts Response-only signatures).")
    f.row(rel, "response-signed", [IDP], "verified", "response", "rsa-sha256/sha256",
          "assertion-not-signed", "Only the Response is signed; it holds exactly one Assertion.")
    base["response"] = t

    t = f.sign_response(f.sign(f.response(AWS, assertion_sig=EXC256), "idp-rsa2048"),
                        "idp-rsa2048", EXC256)
    rel = "valid/aws-both-signed-sha256-exc.xml"
    f.write(rel, t, "AWS response, Assertion signed first, then the Response (its signature covers "
            "the\nAssertion's). Both with idp-rsa2048, RSA-SHA256, exclusive c14n.")
    f.row(rel, "both-signed", [IDP], "verified", "response,assertion", "rsa-sha256/sha256", "-",
          "Assertion signed, then the Response (the outer signature covers the inner one).")
    base["both"] = t

    assertion_signed("aws-assertion-signed-sha1.xml", AWS, Sig("exc", "rsa-sha1", "sha1"),
                     "idp-rsa2048", IDP, "rsa-sha1/sha1", "signature-weak-algorithm",
                     "AWS response, Assertion signed with RSA-SHA1 and a SHA-1 digest.")
    assertion_signed("aws-assertion-signed-inclusive-c14n.xml", AWS, Sig("inc"), "idp-rsa2048", IDP,
                     "rsa-sha256/sha256", "-",
                     "AWS response, Assertion signed with inclusive C14N 1.0 (canonicalization and "
                     "transform).")
    assertion_signed("aws-assertion-signed-rsa1024.xml", AWS, EXC256, "idp-rsa1024", IDP_1024,
                     "rsa-sha256/sha256", "signature-weak-algorithm",
                     "AWS response, Assertion signed with a 1024-bit RSA key (weak key: verified, "
                     "plus a warning).")
    assertion_signed("aws-assertion-signed-ec256.xml", AWS, Sig("exc", "ecdsa-sha256", "sha256"),
                     "idp-ec256", IDP_EC, "ecdsa-sha256/sha256", "-",
                     "AWS response, Assertion signed with ECDSA P-256 / SHA-256.")

    t = assertion_signed("aws-assertion-signed-rollover.xml", AWS, EXC256, "idp-rollover-rsa2048",
                         ROLLOVER, "rsa-sha256/sha256", "-",
                         "AWS response signed with the rollover key idp-rollover-rsa2048.")
    rel = "valid/aws-assertion-signed-rollover.xml"
    f.row(rel, "rollover-both-anchors", [IDP, ROLLOVER], "verified", "assertion", "rsa-sha256/sha256",
          "-", "--cert given twice (current and next key), as during a key rollover. (xmlsec1 "
          "--verify cannot pick among several keys: see xmlsec1_detail.)")
    f.row(rel, "rollover-metadata", [MD_ROLLOVER], "verified", "assertion", "rsa-sha256/sha256", "-",
          "Rollover metadata: the KeyDescriptor without use= is a signing key (xmlsec1 is run with "
          "both signing certificates).")
    f.row(rel, "rollover-old-anchor-only", [IDP], "invalid", "-", "*", "signature-key-untrusted",
          "Signed with the new key while only the old certificate is trusted.")

    t = assertion_signed("aws-assertion-signed-expired-cert.xml", AWS, EXC256, "idp-expired", EXPIRED,
                         "rsa-sha256/sha256", "certificate-expired",
                         "AWS response signed with idp-expired, whose certificate ran from "
                         "2019-01-01 to 2020-01-01:\nstill checked (verified), plus the "
                         "certificate-expired warning.")

    assertion_signed("aliyun-assertion-signed.xml", ALIYUN, EXC256, "idp-rsa2048", IDP,
                     "rsa-sha256/sha256", "-",
                     "Alibaba Cloud response, Assertion signed (what Alibaba Cloud requires).")

    t = f.sign_response(f.response(ALIYUN), "idp-rsa2048", EXC256)
    rel = "valid/aliyun-response-only-signed.xml"
    f.write(rel, t, "Alibaba Cloud response, only the Response is signed: the signature is valid, "
            "but\nAlibaba Cloud requires the Assertion itself to be signed (assertion-not-signed, "
            "an error).")
    f.row(rel, "response-signed", [IDP], "verified", "response", "rsa-sha256/sha256",
          "assertion-not-signed",
          "Valid Response signature, but Alibaba Cloud requires the Assertion signed (error there).")

    signed = f.sign(f.response(AWS, assertion_sig=EXC256), "idp-rsa2048")
    for name, cipher in (("aws-encrypted-assertion.xml", "aes128-cbc"),
                         ("aws-encrypted-assertion-gcm.xml", "aes256-gcm")):
        rel = f"valid/{name}"
        f.write(rel, f.encrypt_assertion(signed, cipher),
                f"AWS response whose Assertion (signed with idp-rsa2048, RSA-SHA256, exc c14n) is "
                f"encrypted\nfor sp-rsa2048: EncryptedAssertion / EncryptedData ({cipher}) with the "
                f"EncryptedKey\n(RSA-OAEP-MGF1P) inside its KeyInfo. The SP key that "
                f"decrypts it is keys/sp-rsa2048.key.pem.")
        f.row(rel, "encrypted", [IDP], "verified", "assertion", "rsa-sha256/sha256", "-",
              f"EncryptedAssertion ({cipher}, RSA-OAEP); decrypted with --sp-key, the signed "
              "assertion inside verifies.", sp_key=True)
        f.row(rel, "encrypted-no-key", [IDP], "not-checked", "-", "*", "encrypted-assertion-no-key",
              "No --sp-key: nothing can be read. The contract does not say which status applies "
              "(the signature is inside the ciphertext); not-checked is a proposal.")

    rel = "valid/aws-unsigned.xml"
    f.write(rel, f.response(AWS), "AWS response without any signature.")
    f.row(rel, "unsigned", [IDP], "missing", "-", "*", "signature-missing",
          "No signature at all; with a trust anchor, signature-missing is an error.")
    f.row(rel, "unsigned-no-anchor", [], "missing", "-", "*", "signature-missing",
          "No signature and no anchor: signature-missing is a note.")
    return base


def make_attacks(f: Fixtures, base: dict[str, str]) -> None:
    A = "attacks/"
    a_doc = base["assertion"]
    decl, a_root = root_of(a_doc)
    oa = element(a_doc, "saml:Assertion")                   # the signed original Assertion
    oa_bare = strip_signature(oa)                            # ... without its signature
    evil_bare = evil(oa_bare)                                # attacker's, unsigned
    evil_signed = evil(oa)                                   # attacker's, keeping the signature

    def swap(doc: str, old: str, new: str) -> str:
        return once(doc, old, new)

    def attack(name, text, status, covers, algorithm, rules, what, anchors=(IDP,)):
        rel = A + name
        f.write(rel, text, what)
        f.row(rel, name[:-4], list(anchors), status, covers, algorithm, rules,
              what.replace("\n", " "))

    # XSW1-2: Response signature wrapping (base: Response-only signed).
    r_doc = base["response"]
    _, r_root = root_of(r_doc)
    orig_resp = strip_signature(r_root.rstrip("\n"))
    evil_resp = evil(r_root, old_id=ASSERT_ID)
    evil_resp = once(evil_resp, f'ID="{RESP_ID}"', f'ID="{EVIL_RESP_ID}"')
    sig_s, sig_e = element_span(evil_resp, "ds:Signature")
    sig = evil_resp[sig_s:sig_e]
    xsw1 = evil_resp[:sig_s] + insert_before_end(sig, "ds:Signature", orig_resp + "\n  ") + evil_resp[sig_e:]
    attack("xsw1.xml", decl + xsw1, "invalid", "-", "*", "signature-invalid",
           "XSW1: the attacker's Response (new ID, Role role/admin, SessionDuration 43200) keeps the\n"
           "original Response signature, and the original signed Response (without its signature)\n"
           "is copied into that ds:Signature, where the Reference now finds it. (A conforming\n"
           "enveloped-signature transform drops everything inside the ds:Signature, so the\n"
           "signature the attacker Response relies on does not verify: signature-invalid. Only\n"
           "verifiers that remove the ds:Signature element alone are fooled.)")
    xsw2 = evil_resp[:sig_s] + orig_resp + "\n  " + evil_resp[sig_s:]
    attack("xsw2.xml", decl + xsw2, "invalid", "-", "*", "signature-not-covering-assertion",
           "XSW2: like XSW1, but the original signed Response (without its signature) sits before\n"
           "the signature as a sibling (a detached signature) inside the attacker's Response.")

    # XSW3-8: Assertion wrapping (base: Assertion-only signed).
    attack("xsw3.xml", swap(a_doc, oa, evil_bare + "\n  " + oa), "invalid", "-", "*",
           "signature-not-covering-assertion,multiple-assertions",
           "XSW3: an unsigned attacker Assertion (role/admin, 43200) is inserted before the original\n"
           "signed Assertion, which stays intact.")
    attack("xsw4.xml", swap(a_doc, oa, insert_before_end(evil_bare, "saml:Assertion", "  " + oa + "\n  ")),
           "invalid", "-", "*", "signature-not-covering-assertion,content-outside-assertion",
           "XSW4: the attacker Assertion takes the original's place and contains the original\n"
           "signed Assertion as its last child.")
    attack("xsw5.xml", swap(swap(a_doc, oa, evil_signed), "</samlp:Response>",
                            "  " + oa_bare + "\n</samlp:Response>"),
           "invalid", "-", "*", "signature-not-covering-assertion,multiple-assertions",
           "XSW5: the attacker edits the signed Assertion (new ID, role/admin, 43200) but keeps its\n"
           "signature; a copy of the original Assertion without signature is appended at the end\n"
           "of the Response, where the Reference finds it.")
    s, e = element_span(evil_signed, "ds:Signature")
    xsw6_assertion = evil_signed[:s] + insert_before_end(
        evil_signed[s:e], "ds:Signature", "  " + oa_bare + "\n    ") + evil_signed[e:]
    attack("xsw6.xml", swap(a_doc, oa, xsw6_assertion), "invalid", "-", "*", "signature-invalid",
           "XSW6: like XSW5, but the copy of the original Assertion (without signature) is placed\n"
           "inside the attacker Assertion's ds:Signature (see xsw1 on the enveloped transform).")
    attack("xsw7.xml", swap(a_doc, "  <samlp:Status>",
                            "  <samlp:Extensions>\n    " + evil_bare + "\n  </samlp:Extensions>\n  <samlp:Status>"),
           "verified", "assertion", "rsa-sha256/sha256", "content-outside-assertion",
           "XSW7: an unsigned attacker Assertion is put in samlp:Extensions (schema-lax) before the\n"
           "original signed Assertion, which stays the Response's Assertion: verified, and the\n"
           "values must be role/ops and 28800, never the Extensions copy's.")
    xsw8_assertion = evil_signed[:s] + insert_before_end(
        evil_signed[s:e], "ds:Signature",
        "  <ds:Object>\n      " + oa_bare + "\n      </ds:Object>\n    ") + evil_signed[e:]
    attack("xsw8.xml", swap(a_doc, oa, xsw8_assertion), "invalid", "-", "*",
           "signature-invalid,content-outside-assertion",
           "XSW8: like XSW6, but the copy of the original Assertion (without signature) is wrapped\n"
           "in a ds:Object inside the attacker Assertion's ds:Signature (see xsw1 on the\n"
           "enveloped transform).")

    # Comments inside values (dropped by c14n, so the signature still verifies).
    split_base = f.sign(f.response(AWS, Values(name_id="alice@example.com.evil.example"),
                                   assertion_sig=EXC256), "idp-rsa2048")
    attack("comment-split-nameid.xml",
           once(split_base, ">alice@example.com.evil.example<", ">alice@example.com<!---->.evil.example<"),
           "verified", "assertion", "rsa-sha256/sha256", "xml-comment-in-value",
           "Comment injection: the IdP signed NameID alice@example.com.evil.example; a comment is\n"
           "inserted after alice@example.com. C14N drops comments, so the signature still verifies,\n"
           "but a parser reading only the first text node sees alice@example.com.")
    attack("comment-split-session-duration.xml",
           once(a_doc, f">{SIGNED_DURATION}<", ">288<!---->00<"),
           "verified", "assertion", "rsa-sha256/sha256", "xml-comment-in-value",
           "Comment injection in the signed SessionDuration: an empty comment after 288 (of 28800).\n"
           "The signature verifies; the value must be read as 28800 (all text), never 288.")
    dv = element(oa, "ds:DigestValue")
    inner = dv[len("<ds:DigestValue>"):-len("</ds:DigestValue>")]
    attack("comment-in-digestvalue.xml",
           once(a_doc, dv, f"<ds:DigestValue>{inner[:12]}<!-- x -->{inner[12:]}</ds:DigestValue>"),
           "verified", "assertion", "rsa-sha256/sha256", "xml-comment-in-value",
           "A comment splits the DigestValue text. SignedInfo's c14n drops it and the full text is\n"
           "the right digest, so the signature verifies; a reader of the first text node gets a\n"
           "truncated digest.")

    # Two SignedInfo: the attacker's (a valid digest of the attacker Assertion,
    # taken from signing it with the attacker key) before the original one.
    attacker_evil = f.sign(f.response(AWS, Values(role="admin", duration=EVIL_DURATION),
                                      assertion_sig=EXC256, assert_id=EVIL_ASSERT_ID),
                           "attacker-rsa2048")
    evil_assertion = element(attacker_evil, "saml:Assertion")
    evil_signed_info = element(evil_assertion, "ds:SignedInfo")
    orig_sig = element(oa, "ds:Signature")
    two = once(orig_sig, "<ds:SignedInfo>", evil_signed_info + "\n      <ds:SignedInfo>")
    two = insert_before_end(two, "ds:Signature",
                            "  <ds:Object>\n      " + oa_bare + "\n      </ds:Object>\n    ")
    es, ee = element_span(evil_assertion, "ds:Signature")
    attack("two-signedinfo.xml", swap(a_doc, oa, evil_assertion[:es] + two + evil_assertion[ee:]),
           "invalid", "-", "*", "signature-invalid",
           "Two ds:SignedInfo in one ds:Signature inside the attacker Assertion: the first references\n"
           "the attacker Assertion with a correct digest, the second is the original one (its\n"
           "Reference finds the original Assertion, copied into a ds:Object); the SignatureValue is\n"
           "the original's. A verifier that checks digests from one SignedInfo and the signature\n"
           "over the other is fooled.")

    attack("unsigned-assertion-beside-signed.xml", swap(a_doc, oa, oa + "\n  " + evil_bare),
           "verified", "assertion", "rsa-sha256/sha256", "multiple-assertions",
           "The original signed Assertion followed by an unsigned attacker Assertion (role/admin,\n"
           "43200). The first Assertion, the one read, is signed: verified, multiple-assertions,\n"
           "and no value from the second.")

    attack("assertion-in-extensions.xml",
           swap(swap(a_doc, oa, evil_bare), "  <samlp:Status>",
                "  <samlp:Extensions>\n    " + oa + "\n  </samlp:Extensions>\n  <samlp:Status>"),
           "invalid", "-", "*", "signature-not-covering-assertion,content-outside-assertion",
           "The original signed Assertion is moved into samlp:Extensions and an unsigned attacker\n"
           "Assertion takes its place as the Response's Assertion.")
    advice = ("    <saml:Advice>\n      " + oa + "\n    </saml:Advice>\n")
    attack("assertion-in-advice.xml",
           swap(a_doc, oa, once(evil_bare, "    <saml:AuthnStatement ", advice + "    <saml:AuthnStatement ")),
           "invalid", "-", "*", "signature-not-covering-assertion,content-outside-assertion",
           "The original signed Assertion is moved into saml:Advice of an unsigned attacker\n"
           "Assertion that takes its place.")
    r_sig = element(r_doc, "ds:Signature")
    evil_plain = evil(element(r_doc, "saml:Assertion"))
    attack("assertion-in-object.xml",
           swap(r_doc, r_sig, insert_before_end(
               r_sig, "ds:Signature", "  <ds:Object>\n      " + evil_plain + "\n    </ds:Object>\n  ")),
           "verified", "response", "rsa-sha256/sha256",
           "assertion-not-signed,content-outside-assertion",
           "An unsigned attacker Assertion is put in a ds:Object of the valid Response signature: the\n"
           "enveloped-signature transform leaves the whole ds:Signature out of the digest, so the\n"
           "Response still verifies without covering it. It comes first in document order; the\n"
           "Response's own Assertion is the original one: values must be role/ops and 28800.\n"
           "(The original Assertion moved into a ds:Object is xsw8.xml.)")

    # Re-signed by the attacker with the attacker's certificate in KeyInfo.
    attacker_doc = f.sign(f.response(AWS, Values(role="admin", duration=EVIL_DURATION),
                                     assertion_sig=EXC256), "attacker-rsa2048")
    what = ("The attacker's Assertion (role/admin, 43200) signed with attacker-rsa2048, whose\n"
            "certificate is embedded in KeyInfo: the signature is valid for the embedded key, which\n"
            "is not a trust anchor.")
    attack("embedded-attacker-key.xml", attacker_doc, "invalid", "-", "*", "signature-key-untrusted", what)
    rel = A + "embedded-attacker-key.xml"
    f.row(rel, "embedded-attacker-key-metadata", [MD_ROLLOVER], "invalid", "-", "*",
          "signature-key-untrusted",
          "The attacker certificate is in the rollover metadata only as use=\"encryption\"; it must "
          "not become a signing anchor.")
    f.row(rel, "embedded-attacker-key-trusted", [ATTACKER], "verified", "assertion",
          "rsa-sha256/sha256", "-",
          "Control: with the attacker certificate given as the anchor it verifies (the key, not "
          "KeyInfo, decides).")

    attack("duplicate-ids.xml",
           swap(a_doc, oa, once(evil_bare, f'ID="{EVIL_ASSERT_ID}"', f'ID="{ASSERT_ID}"') + "\n  " + oa),
           "invalid", "-", "*", "duplicate-id,multiple-assertions",
           "An unsigned attacker Assertion with the SAME ID as the signed original is put before it:\n"
           "the Reference #ID is ambiguous (getElementById may return either).")

    doctype = ('<!DOCTYPE samlp:Response [\n'
               '  <!ENTITY opsrole "arn:aws:iam::123456789012:role/ops">\n'
               ']>\n')
    d = once(a_doc, "<samlp:Response ", doctype + "<samlp:Response ")
    d = once(d, AWS.role("ops"), "&opsrole;,arn:aws:iam::123456789012:saml-provider/idp")
    attack("doctype-entities.xml", d, "-", "-", "*", "xml-doctype",
           "A DOCTYPE with an internal entity used in the Role value. The entity expands to the\n"
           "signed text, so the signature verifies after expansion (xmlsec1 does not expand it\n"
           "and cannot canonicalize the entity reference); samlint refuses any DOCTYPE before\n"
           "parsing (unreadable result, no signature object).")
    expanded = f.tmp(".xml")
    expanded.write_text(once(d.replace(doctype, ""), "&opsrole;", "arn:aws:iam::123456789012:role/ops"))
    f.rows[-1]["extra"] = "entity expanded by hand: " + f.verify(expanded, [IDP])[0]

    fake = once(evil_bare, f'xmlns:saml="{NS_ASSERTION}"', 'xmlns:saml="urn:example:not-saml:assertion"')
    fake = once(fake, f'ID="{EVIL_ASSERT_ID}"', f'ID="{FAKE_ASSERT_ID}"')
    attack("namespace-prefix-redefinition.xml", swap(a_doc, oa, fake + "\n  " + oa),
           "verified", "assertion", "rsa-sha256/sha256", "namespace-prefix-rebound",
           "Before the signed Assertion sits <saml:Assertion> with the saml prefix rebound to\n"
           "urn:example:not-saml:assertion (role/admin, 43200): not a SAML element at all, but a\n"
           "parser matching the prefix text sees it as the first Assertion. Verified; values must\n"
           "be role/ops and 28800.")

    attack("tampered-session-duration.xml",
           once(a_doc, f">{SIGNED_DURATION}<", f">{EVIL_DURATION}<"),
           "invalid", "-", "*", "signature-invalid",
           "SessionDuration edited from 28800 to 43200 after signing: digest mismatch.")
    sv = element(oa, "ds:SignatureValue")
    pos = len("<ds:SignatureValue>") + 20
    flipped = sv[:pos] + ("A" if sv[pos] != "A" else "B") + sv[pos + 1:]
    attack("tampered-signature-value.xml", once(a_doc, sv, flipped),
           "invalid", "-", "*", "signature-invalid",
           "One base64 character of the SignatureValue changed: the signature does not verify.")


# -------------------------------------------------------------------- manifest

COLUMNS = ["file", "case", "anchors", "status", "covers", "algorithm", "rules",
           "xmlsec1", "xmlsec1_detail", "description"]


def samlint_options(row: dict) -> str:
    opts = []
    for a in row["anchors"]:
        opts.append(("--idp-metadata " if a.endswith(".xml") else "--cert ") + a)
    if row["sp_key"]:
        opts.append("--sp-key keys/sp-rsa2048.key.pem")
    return " ".join(opts) or "-"


def write_manifest(f: Fixtures) -> list[str]:
    problems = []
    lines = ["\t".join(COLUMNS)]
    for row in f.rows:
        path = f.out / row["file"]
        if row["anchors"]:
            verdict, detail = f.verify(path, row["anchors"])
            if row["sp_key"]:
                clear = f.decrypt(path)
                after = f.verify(clear, row["anchors"])[0] if clear else "decryption failed"
                detail = (detail + "; " if detail else "") + f"after xmlsec1 --decrypt: {after}"
                if after != "OK":
                    problems.append(f"{row['file']}: decrypted assertion does not verify")
            certs = [c for a in row["anchors"] for c in f.anchor_certs(a)]
            if len(certs) > 1 and verdict != "OK":
                # xmlsec1 tries one of the loaded keys (it does not match KeyInfo).
                flag = lambda c: "--pubkey-cert-der" if c.suffix == ".der" else "--pubkey-cert-pem"
                p = f.run(["xmlsec1", "--verify"]
                          + [x for c in reversed(certs) for x in (flag(c), str(c))]
                          + ID_ATTRS + [str(path)])
                again = "OK" if "OK" in p.stderr.splitlines() + p.stdout.splitlines() else "not OK"
                detail += f"; with the certificates in reverse order: {again} (xmlsec1 tries one key)"
        else:
            verdict, detail = "-", "no anchor: not run"
        if row["extra"]:
            detail = (detail + "; " if detail else "") + row["extra"]
        row["xmlsec1"], row["xmlsec1_detail"] = verdict, detail or "-"
        cells = [row["file"], row["case"], samlint_options(row), row["status"], row["covers"],
                 row["algorithm"], row["rules"], verdict, row["xmlsec1_detail"], row["description"]]
        assert all("\t" not in c and "\n" not in c for c in cells), cells
        lines.append("\t".join(cells))
        # Self-checks: valid arrangements verify; tampering fails.
        # (With several certificates xmlsec1 tries only one key: no self-check.)
        single = sum(len(f.anchor_certs(a)) for a in row["anchors"]) == 1
        if row["file"].startswith("valid/") and row["status"] == "verified" and not row["sp_key"] \
                and single and verdict != "OK":
            problems.append(f"{row['file']} ({row['case']}): xmlsec1 says {verdict}")
        if row["case"].startswith("tampered") and verdict == "OK":
            problems.append(f"{row['file']}: tampered but xmlsec1 says OK")
    (f.out / "MANIFEST.tsv").write_text("\n".join(lines) + "\n")
    return problems


README = """\
# testdata/trust: signed SAML fixtures and signature attacks

Generated by `bash tools/make-trust-fixtures.sh` (which calls
`tools/trust_fixtures.py`); do not edit by hand, re-run the script. Keys are
generated afresh on every run, so all files change together; the keys are
test-only and committed on purpose. The script's header explains each file.

- `keys/`: `NAME.key.pem` (PKCS#8 PEM private key) and `NAME.cert.pem`
  (self-signed certificate, valid 2025-01-01..2035-01-01 so that it covers
  t_use 2026-11-23) for idp-rsa2048 (also `idp-rsa2048.der`), idp-rsa1024,
  idp-ec256 (P-256), idp-rollover-rsa2048, attacker-rsa2048, sp-rsa2048 (SP
  encryption key) and idp-expired (2019-01-01..2020-01-01); IdP metadata
  `idp-metadata.xml` (entityID https://idp.example.com/saml, idp-rsa2048),
  `idp-metadata-other-entity.xml` (entityID https://other.example.com) and
  `idp-metadata-rollover.xml` (two signing keys plus an encryption-only
  attacker key that must not become a trust anchor).
- `valid/`: correctly signed responses in each arrangement, and one unsigned.
- `attacks/`: edits of a validly signed response that keep its signature.
- `hostile/`: every attack class of the Trust issue (encoding differentials,
  illegal namespace declarations, SAML content outside the read Assertion,
  rebound prefixes, signatures over the wrong element, RSA-PSS), generated
  from the committed keys by `python3 tools/make-hostile-fixtures.py` (which
  never makes keys), with its own `hostile/MANIFEST.tsv` in the columns below
  (paths relative to testdata/trust). The megabyte-sized ones (thousands of
  signatures, a 15 MiB value) are built by tests/trust/hostile_work_test.cc.
- `MANIFEST.tsv`: one row per (file, trust anchors) case.

Every response: IssueInstant 2026-11-23T10:00:00Z, Issuer
https://idp.example.com/saml, SessionNotOnOrAfter IssueInstant + 10 h, signed
Role role/ops and SessionDuration 28800. Attacker elements carry role/admin
and SessionDuration 43200, so a test can prove that no value from an unsigned
element is reported (or reported as signed).

MANIFEST.tsv columns:

- `file`: relative to testdata/trust.
- `case`: arrangement or attack name.
- `anchors`: samlint options for this case (`--cert`, `--idp-metadata`,
  `--sp-key`), paths relative to testdata/trust; `-` for none.
- `status`: expected `signature.status` per cli-contract.md ("Signatures"):
  verified, invalid, missing, not-checked; `-` when the input is refused
  before parsing (no signature object).
- `covers`: expected `signature.covers` (`-` = empty list).
- `algorithm`: expected `algorithm/digest` (`*` = not specified).
- `rules`: trust and structure rule ids samlint should report at least
  (lifetime and other findings that follow from the values are not listed);
  `multiple-assertions` appears when the Response has more than one
  Assertion/EncryptedAssertion child; `content-outside-assertion` when an
  Assertion, AttributeStatement, AuthnStatement or Attribute sits anywhere
  but in the Response's read Assertion (xsw4, xsw7, xsw8, assertion-in-*);
  `namespace-prefix-rebound` when a prefix is bound to two namespaces.
- `xmlsec1`: what `xmlsec1 --verify --pubkey-cert-pem CERT --id-attr:ID
  ...:Response --id-attr:ID ...:Assertion FILE` printed when the fixtures were
  generated: OK, FAIL, or ERROR (it stopped before a verdict). xmlsec1 checks
  only the first ds:Signature in document order and does not care which
  element it covers, so OK on an attack is expected: it shows why samlint
  must check more than the cryptography. Metadata anchors are run with the
  metadata's signing certificates; DER with --pubkey-cert-der.
- `xmlsec1_detail`: its reference count and first errors; for encrypted
  files, the verdict after `xmlsec1 --decrypt`.
- `description`: what the case is.
"""


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: trust_fixtures.py OUT_DIR", file=sys.stderr)
        return 2
    out = pathlib.Path(sys.argv[1]).resolve()
    with tempfile.TemporaryDirectory(prefix="trust-fixtures-") as work:
        f = Fixtures(out, pathlib.Path(work))
        write_metadata(f)
        base = make_valid(f)
        make_attacks(f, base)
        problems = write_manifest(f)
    (out / "README.md").write_text(README)
    for p in problems:
        print(f"trust_fixtures.py: CHECK FAILED: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
