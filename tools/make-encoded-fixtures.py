#!/usr/bin/env python3
"""Writes the encoded variants of testdata/responses/aws-api.xml.

The same SAML response as an IdP would POST it, three ways, so the end-to-end
tests can check that samlint detects each encoding from the content and gives
the numbers it gives for the raw XML:

  testdata/encoded/aws-api.b64          standard base64, 76-character lines
                                        ending in CRLF (MIME style, as many
                                        IdPs and browser add-ons wrap it)
  testdata/encoded/aws-api-urlsafe.b64  URL-safe alphabet (- and _), no '='
                                        padding, one line
  testdata/encoded/aws-api.form.txt     the HTTP-POST binding's form body:
                                        SAMLResponse=<percent-encoded base64>
                                        &RelayState=https%3A%2F%2Fconsole.aws.amazon.com%2F

The XML is encoded byte for byte (its explanatory comment included), so line
numbers inside the decoded document are those of aws-api.xml. Standard
library only; deterministic: running it twice writes identical files.

Usage: python3 tools/make-encoded-fixtures.py   (from anywhere)
"""

import base64
import pathlib
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "testdata" / "responses" / "aws-api.xml"
OUT = ROOT / "testdata" / "encoded"
RELAY_STATE = "https://console.aws.amazon.com/"


def wrapped_base64(data: bytes, width: int = 76) -> bytes:
    text = base64.b64encode(data)
    lines = [text[i:i + width] for i in range(0, len(text), width)]
    return b"".join(line + b"\r\n" for line in lines)


def urlsafe_base64(data: bytes) -> bytes:
    return base64.urlsafe_b64encode(data).rstrip(b"=") + b"\n"


def form_body(data: bytes) -> bytes:
    encoded = base64.b64encode(data).decode("ascii")
    body = ("SAMLResponse=" + urllib.parse.quote(encoded, safe="") +
            "&RelayState=" + urllib.parse.quote(RELAY_STATE, safe=""))
    return body.encode("ascii")


def main() -> None:
    data = SOURCE.read_bytes()
    OUT.mkdir(parents=True, exist_ok=True)
    outputs = {
        "aws-api.b64": wrapped_base64(data),
        "aws-api-urlsafe.b64": urlsafe_base64(data),
        "aws-api.form.txt": form_body(data),
    }
    for name, content in outputs.items():
        path = OUT / name
        path.write_bytes(content)
        print(f"wrote {path.relative_to(ROOT)} ({len(content)} bytes)")


if __name__ == "__main__":
    main()
