#!/usr/bin/env bash
# make-trust-fixtures.sh: regenerate testdata/trust/ from scratch (keys,
# certificates, IdP metadata, signed SAML responses, signature attacks and
# MANIFEST.tsv) for samlint's trust tests.
#
#   bash tools/make-trust-fixtures.sh        # needs openssl, xmlsec1, python3
#
# Key generation is random: every run replaces all keys and all signed files
# together (each signature is made with the keys of the same run). The keys
# are test-only and committed on purpose. The work happens in a temporary
# directory; testdata/trust/ is replaced only when everything succeeded,
# including the self-checks (every valid arrangement verifies with xmlsec1,
# the tampered files do not, each encrypted assertion decrypts and verifies).
# The XML editing is done by tools/trust_fixtures.py (standard library only).
#
# Every response: IssueInstant 2026-11-23T10:00:00Z, Issuer
# https://idp.example.com/saml, SessionNotOnOrAfter = IssueInstant + 10 h, signed
# Role .../role/ops and SessionDuration 28800. Attacker elements carry
# role/admin and SessionDuration 43200: a test can prove no value from an
# unsigned element is used or reported as signed. Signatures sit right after
# the Issuer of the element they sign, Reference URI="#ID", transforms
# enveloped-signature + exc-c14n (PrefixList="xs") unless noted.
#
# keys/ (NAME.key.pem PKCS#8 key, NAME.cert.pem self-signed certificate)
#   idp-rsa2048            the IdP signing key (also idp-rsa2048.der)
#   idp-rsa1024            weak 1024-bit IdP key
#   idp-ec256              ECDSA P-256 IdP key
#   idp-rollover-rsa2048   the IdP's next key (rollover: a second legit anchor)
#   attacker-rsa2048       the attacker's key
#   sp-rsa2048             the SP (cloud) encryption key, for --sp-key
#   idp-expired            certificate valid 2019-01-01..2020-01-01 only
#   idp-rsa2048.pub.pem, .pub.der, .rsapub.pem, idp-rsa2048-future.cert.pem: made
#   from idp-rsa2048.key.pem by tools/make-anchor-fixtures.sh (run at the end)
#   All other certificates are valid 2025-01-01..2035-01-01 (they must cover
#   t_use 2026-11-23, which is before the day they are generated).
#   idp-metadata.xml               entityID https://idp.example.com/saml, signing: idp-rsa2048
#   idp-metadata-other-entity.xml  entityID https://other.example.com, same key
#   idp-metadata-rollover.xml      signing: idp-rsa2048 + idp-rollover-rsa2048 (no use=),
#                                  encryption-only: attacker-rsa2048 (not an anchor)
#
# valid/
#   aws-assertion-signed-sha256-exc.xml     Assertion signed, RSA-SHA256/SHA-256, exc-c14n
#   aws-response-signed-sha256-exc.xml      only the Response signed (one Assertion inside)
#   aws-both-signed-sha256-exc.xml          Assertion signed, then the Response
#   aws-assertion-signed-sha1.xml           RSA-SHA1 with a SHA-1 digest
#   aws-assertion-signed-inclusive-c14n.xml inclusive C14N 1.0
#   aws-assertion-signed-rsa1024.xml        1024-bit RSA key
#   aws-assertion-signed-ec256.xml          ECDSA-SHA256, P-256
#   aws-assertion-signed-rollover.xml       signed with idp-rollover-rsa2048
#   aws-assertion-signed-expired-cert.xml   signed with idp-expired (certificate-expired)
#   aliyun-assertion-signed.xml             Alibaba Cloud, Assertion signed
#   aliyun-response-only-signed.xml         Alibaba Cloud, only the Response signed
#   aws-encrypted-assertion.xml             signed Assertion encrypted for sp-rsa2048:
#                                           RSA-OAEP-MGF1P key transport + AES-128-CBC
#   aws-encrypted-assertion-gcm.xml         the same with AES-256-GCM
#   aws-unsigned.xml                        no signature
#
# attacks/ (edits of a validly signed response that keep the original signature)
#   xsw1.xml  attacker Response keeps the Response signature; the original Response is copied into it
#   xsw2.xml  same, the original Response copied before the signature as a sibling (detached)
#   xsw3.xml  unsigned attacker Assertion inserted before the original signed one
#   xsw4.xml  attacker Assertion replaces the original and contains it as a child
#   xsw5.xml  signed Assertion edited, signature kept; unsigned copy of the original appended to the Response
#   xsw6.xml  as xsw5, the copy of the original placed inside the attacker Assertion's ds:Signature
#   xsw7.xml  unsigned attacker Assertion in samlp:Extensions before the untouched signed one
#   xsw8.xml  as xsw6, the copy of the original wrapped in a ds:Object of that ds:Signature
#   comment-split-nameid.xml            signed NameID alice@example.com.evil.example split by a comment
#   comment-split-session-duration.xml  signed SessionDuration 28800 split by a comment after 288
#   comment-in-digestvalue.xml          a comment inside the DigestValue text (c14n drops it)
#   two-signedinfo.xml                  attacker SignedInfo (valid digest of the attacker Assertion) before the original one
#   unsigned-assertion-beside-signed.xml  unsigned attacker Assertion after the signed one
#   assertion-in-extensions.xml         signed Assertion moved into samlp:Extensions, attacker Assertion in its place
#   assertion-in-advice.xml             signed Assertion moved into the attacker Assertion's saml:Advice
#   assertion-in-object.xml             unsigned attacker Assertion in a ds:Object of a valid Response signature
#   embedded-attacker-key.xml           attacker Assertion re-signed with attacker-rsa2048, its certificate in KeyInfo
#   duplicate-ids.xml                   unsigned attacker Assertion with the same ID, before the signed one
#   doctype-entities.xml                DOCTYPE with an internal entity used in the Role value
#   namespace-prefix-redefinition.xml   <saml:Assertion> with saml rebound to a non-SAML URI before the signed one
#   tampered-session-duration.xml       SessionDuration changed after signing (digest mismatch)
#   tampered-signature-value.xml        one SignatureValue character changed
#
# MANIFEST.tsv: one row per (file, trust anchors) case: the samlint options,
# the expected signature status/covers/algorithm and rules per
# /work/shared/spec/cli-contract.md, and what xmlsec1 --verify printed.
# README.md in testdata/trust/ documents the columns.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/testdata/trust"

for tool in openssl xmlsec1 python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "make-trust-fixtures.sh: $tool is required (apt-get install openssl xmlsec1 python3)" >&2
    exit 2
  fi
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/trust-fixtures.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
OUT="$WORK/trust"
KEYS="$OUT/keys"
CA="$WORK/ca"
mkdir -p "$KEYS" "$OUT/valid" "$OUT/attacks" "$CA"

# `openssl ca -selfsign` is the OpenSSL 3.0 way to set both validity dates
# (req -x509 and x509 -req only take -days from now).
cat >"$CA/ca.cnf" <<EOF
[ ca ]
default_ca = fixtures
[ fixtures ]
dir = $CA
database = $CA/index.txt
new_certs_dir = $CA
serial = $CA/serial
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
email_in_dn = no
[ anything ]
organizationName = optional
organizationalUnitName = optional
commonName = supplied
[ signing ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
[ encryption ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,keyEncipherment,dataEncipherment
subjectKeyIdentifier = hash
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
EOF
: >"$CA/index.txt"
echo 1000 >"$CA/serial"

# make_cert NAME rsa:BITS|ec:CURVE SUBJECT START END EXTENSIONS
make_cert() {
  local name=$1 alg=$2 subject=$3 start=$4 end=$5 ext=$6
  local key="$KEYS/$name.key.pem" cert="$KEYS/$name.cert.pem"
  case "$alg" in
    rsa:*) openssl genpkey -quiet -algorithm RSA -pkeyopt "rsa_keygen_bits:${alg#rsa:}" -out "$key" ;;
    ec:*)  openssl genpkey -quiet -algorithm EC -pkeyopt "ec_paramgen_curve:${alg#ec:}" \
             -pkeyopt ec_param_enc:named_curve -out "$key" ;;
  esac
  openssl req -new -config "$CA/ca.cnf" -key "$key" -subj "$subject" -out "$CA/$name.csr"
  openssl ca -batch -config "$CA/ca.cnf" -selfsign -preserveDN -notext \
    -keyfile "$key" -in "$CA/$name.csr" -out "$cert" \
    -startdate "$start" -enddate "$end" -extensions "$ext" 2>"$CA/$name.log" || {
      cat "$CA/$name.log" >&2; exit 1; }
}

FROM=20250101000000Z
UNTIL=20350101000000Z
T="/O=samlint test fixtures/OU"
make_cert idp-rsa2048          rsa:2048   "$T=IdP signing key (test only)/CN=idp.example.com" $FROM $UNTIL signing
make_cert idp-rsa1024          rsa:1024   "$T=IdP weak RSA-1024 key (test only)/CN=idp.example.com" $FROM $UNTIL signing
make_cert idp-ec256            ec:P-256   "$T=IdP ECDSA P-256 key (test only)/CN=idp.example.com" $FROM $UNTIL signing
make_cert idp-rollover-rsa2048 rsa:2048   "$T=IdP next signing key, rollover (test only)/CN=idp.example.com" $FROM $UNTIL signing
make_cert attacker-rsa2048     rsa:2048   "$T=attacker key (test only)/CN=idp.example.com" $FROM $UNTIL signing
make_cert sp-rsa2048           rsa:2048   "$T=SP encryption key (test only)/CN=signin.aws.amazon.com" $FROM $UNTIL encryption
make_cert idp-expired          rsa:2048   "$T=IdP expired signing key (test only)/CN=idp.example.com" \
  20190101000000Z 20200101000000Z signing
openssl x509 -in "$KEYS/idp-rsa2048.cert.pem" -outform DER -out "$KEYS/idp-rsa2048.der"
chmod 644 "$KEYS"/*.key.pem   # test-only keys, committed; readable like any fixture

python3 "$ROOT/tools/trust_fixtures.py" "$OUT"

rm -rf "$DEST"
mkdir -p "$(dirname "$DEST")"
cp -R "$OUT" "$DEST"
# The public-key forms and the not-yet-valid certificate of the new idp-rsa2048.
bash "$ROOT/tools/make-anchor-fixtures.sh" "$DEST/keys"
echo "make-trust-fixtures.sh: wrote $(find "$DEST" -type f | wc -l) files to ${DEST#"$ROOT"/}"
