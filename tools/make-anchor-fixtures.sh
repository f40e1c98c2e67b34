#!/usr/bin/env bash
# make-anchor-fixtures.sh: derive the extra --cert forms of the committed IdP
# test key testdata/trust/keys/idp-rsa2048.key.pem (which it never changes):
#
#   idp-rsa2048.pub.pem           the public key, SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY")
#   idp-rsa2048.pub.der           the same, DER
#   idp-rsa2048.rsapub.pem        the same key, PKCS#1 PEM ("BEGIN RSA PUBLIC KEY")
#   idp-rsa2048-future.cert.pem   a self-signed certificate for the same key, valid
#                                 2030-01-01..2035-01-01 only (certificate-not-yet-valid
#                                 at every fixture's t_use, 2026-11-23)
#
#   bash tools/make-anchor-fixtures.sh        # needs openssl
#
# The public-key files are the same on every run; the certificate differs
# (signature randomness aside, the dates and serial are fixed). Run by
# tools/make-trust-fixtures.sh after it regenerates the keys.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KEYS="${1:-$ROOT/testdata/trust/keys}"
KEY="$KEYS/idp-rsa2048.key.pem"

if ! command -v openssl >/dev/null 2>&1; then
  echo "make-anchor-fixtures.sh: openssl is required (apt-get install openssl)" >&2
  exit 2
fi
if [[ ! -f "$KEY" ]]; then
  echo "make-anchor-fixtures.sh: $KEY is missing; run tools/make-trust-fixtures.sh" >&2
  exit 2
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/anchor-fixtures.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

openssl pkey -in "$KEY" -pubout -out "$WORK/idp-rsa2048.pub.pem"
openssl pkey -in "$KEY" -pubout -outform DER -out "$WORK/idp-rsa2048.pub.der"
openssl rsa -in "$KEY" -RSAPublicKey_out -out "$WORK/idp-rsa2048.rsapub.pem" 2>/dev/null

# OpenSSL 3.0's req -x509 and x509 -req only take -days from now; `openssl ca
# -selfsign` sets both dates (as in make-trust-fixtures.sh).
cat >"$WORK/ca.cnf" <<EOF
[ ca ]
default_ca = fixtures
[ fixtures ]
dir = $WORK
database = $WORK/index.txt
new_certs_dir = $WORK
serial = $WORK/serial
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
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
EOF
: >"$WORK/index.txt"
echo 2030 >"$WORK/serial"
openssl req -new -config "$WORK/ca.cnf" -key "$KEY" -out "$WORK/future.csr" \
  -subj "/O=samlint test fixtures/OU=IdP signing key, certificate valid from 2030 (test only)/CN=idp.example.com"
openssl ca -batch -config "$WORK/ca.cnf" -selfsign -preserveDN -notext -keyfile "$KEY" \
  -in "$WORK/future.csr" -out "$WORK/idp-rsa2048-future.cert.pem" \
  -startdate 20300101000000Z -enddate 20350101000000Z -extensions signing 2>"$WORK/ca.log" || {
    cat "$WORK/ca.log" >&2; exit 1; }

# Self-check: every form carries the key of idp-rsa2048.key.pem.
want="$(openssl pkey -in "$KEY" -pubout -outform DER | openssl dgst -sha256 -r | cut -d' ' -f1)"
for form in "pkey -pubin -in $WORK/idp-rsa2048.pub.pem" \
            "pkey -pubin -inform DER -in $WORK/idp-rsa2048.pub.der" \
            "rsa -RSAPublicKey_in -in $WORK/idp-rsa2048.rsapub.pem -pubout" \
            "x509 -in $WORK/idp-rsa2048-future.cert.pem -pubkey -noout"; do
  # shellcheck disable=SC2086
  got="$(openssl $form 2>/dev/null | openssl pkey -pubin -outform DER | openssl dgst -sha256 -r | cut -d' ' -f1)"
  if [[ "$got" != "$want" ]]; then
    echo "make-anchor-fixtures.sh: openssl $form does not give the key of $KEY" >&2
    exit 1
  fi
done

cp "$WORK"/idp-rsa2048.pub.pem "$WORK"/idp-rsa2048.pub.der "$WORK"/idp-rsa2048.rsapub.pem \
  "$WORK"/idp-rsa2048-future.cert.pem "$KEYS/"
chmod 644 "$KEYS"/idp-rsa2048.pub.* "$KEYS"/idp-rsa2048.rsapub.pem "$KEYS"/idp-rsa2048-future.cert.pem
echo "make-anchor-fixtures.sh: wrote 4 files to ${KEYS#"$ROOT"/} (SPKI sha256:$want)"
