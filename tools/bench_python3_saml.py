#!/usr/bin/env python3
"""python3-saml (Debian's python3-onelogin-saml2) over N signed responses in one
process, as ../shared/bench/peers.md measures it: Response.is_valid with
strict=False, the IdP certificate in the settings. tools/bench.sh runs it.

Usage: bench_python3_saml.py CERT.pem PATH...   (PATH: a response or a directory)
Prints "verified V failed F loop S": S is the in-process loop's seconds.
Exit 0 when every response verified, 1 otherwise, 2 when python3-saml is missing.
"""

import base64
import os
import sys
import time

try:
    from onelogin.saml2.response import OneLogin_Saml2_Response
    from onelogin.saml2.settings import OneLogin_Saml2_Settings
except ImportError:
    print("python3-saml (onelogin.saml2) is not installed", file=sys.stderr)
    sys.exit(2)


def files_of(paths):
    for path in paths:
        if os.path.isdir(path):
            for entry in os.scandir(path):
                if entry.is_file() and not entry.name.startswith("."):
                    yield entry.path
        else:
            yield path


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="ascii") as f:
        cert = "".join(line.strip() for line in f if "-----" not in line)
    settings = OneLogin_Saml2_Settings(
        {
            "strict": False,
            "sp": {
                "entityId": "urn:amazon:webservices",
                "assertionConsumerService": {"url": "https://signin.aws.amazon.com/saml"},
            },
            "idp": {
                "entityId": "https://idp.example.com/saml",
                "singleSignOnService": {"url": "https://idp.example.com/sso"},
                "x509cert": cert,
            },
        },
        sp_validation_only=True,
    )
    request = {"https": "on", "http_host": "signin.aws.amazon.com", "script_name": "/saml"}
    verified = failed = 0
    start = time.perf_counter()
    for path in files_of(sys.argv[2:]):
        with open(path, "rb") as f:
            encoded = base64.b64encode(f.read()).decode("ascii")
        try:
            ok = OneLogin_Saml2_Response(settings, encoded).is_valid(request)
        except Exception:  # a response it cannot read counts as failed
            ok = False
        if ok:
            verified += 1
        else:
            failed += 1
    loop = time.perf_counter() - start
    print(f"verified {verified} failed {failed} loop {loop:.3f}")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
