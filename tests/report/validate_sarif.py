#!/usr/bin/env python3
"""Validates a SARIF log against a SARIF 2.1.0 JSON schema.

Usage: validate_sarif.py SCHEMA SARIF_FILE

SCHEMA is a copy of the SARIF 2.1.0 schema (the OASIS errata01 file, or the
copies shipped by the MIT-licensed npm packages @microsoft/jest-sarif
(lib/schemas/sarif-2.1.0-rtm.5.json) or @microsoft/sarif-multitool-linux
(sarif-2.1.0.json)); the draft it declares picks the validator. Exit 0 when
valid, 1 with one line per problem when not, 2 on a usage error.

jsonschema checks "format" only with optional packages, so the two formats
SARIF relies on are checked here: "uri" must be absolute (it has a scheme),
"uri-reference" may be relative; neither may contain characters that RFC 3986
does not allow unencoded. The errata01 rule that a region names its start
(startLine, charOffset or byteOffset) is checked too, for schema copies that
predate it.
"""

import json
import re
import sys

try:
    import jsonschema
    from jsonschema import validators
except ImportError:  # pragma: no cover - reported to the caller
    print("python3-jsonschema is not installed (apt-get install python3-jsonschema)")
    sys.exit(2)

# RFC 3986 characters: unreserved, reserved, and percent-encodings.
_URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def _is_uri_reference(value):
    return not isinstance(value, str) or bool(_URI_CHARS.match(value))


def _is_uri(value):
    return not isinstance(value, str) or (_is_uri_reference(value) and bool(_SCHEME.match(value)))


def _regions(node, path="$"):
    if isinstance(node, dict):
        for key, value in node.items():
            child = f"{path}.{key}"
            if key == "region" and isinstance(value, dict):
                yield child, value
            yield from _regions(value, child)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _regions(value, f"{path}[{i}]")


def main(argv):
    if len(argv) != 3:
        print("usage: validate_sarif.py SCHEMA SARIF_FILE")
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(argv[2], encoding="utf-8") as f:
        log = json.load(f)

    checker = jsonschema.FormatChecker()
    checker.checks("uri")(_is_uri)
    checker.checks("uri-reference")(_is_uri_reference)
    cls = validators.validator_for(schema, default=jsonschema.Draft7Validator)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=checker)

    problems = []
    for error in sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path)):
        where = "$" + "".join(f"[{p!r}]" for p in error.absolute_path)
        problems.append(f"{where}: {error.message}")
    for where, region in _regions(log):
        if not any(k in region for k in ("startLine", "charOffset", "byteOffset")):
            problems.append(f"{where}: a region needs startLine, charOffset or byteOffset")

    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"valid against {schema.get('title', argv[1])} ({cls.__name__})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
