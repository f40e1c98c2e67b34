#!/usr/bin/env python3
"""tools/check-layers on small made-up trees: a clean one passes, and each kind
of violation it promises to find is found (and named) on its own."""
import pathlib
import subprocess
import sys
import tempfile

TOOL = pathlib.Path(sys.argv[1])

CLEAN = {
    "include/samlint/limits.h": "#pragma once\nnamespace samlint {\nint LimitHint(int x);\n}\n",
    "include/samlint/trust.h":
        '#pragma once\n#include "samlint/limits.h"\nnamespace samlint {\n'
        "struct TrustStore {};\nint AddCertificateFile(const char* path);\n}\n",
    "src/base/limits.cc": '#include "samlint/limits.h"\nint LimitHint(int x) { return x; }\n',
    "src/parse/extract.h": "#pragma once\nint Extract();\n",
    "src/parse/extract.cc": '#include "parse/extract.h"\nint Extract() { return LimitHint(1); }\n',
    "src/trust/verify.h": '#pragma once\n#include "parse/extract.h"\nint Verify();\n',
    "src/trust/verify.cc":
        '#include "trust/verify.h"\n#include "samlint/trust.h"\n'
        "// AddCertificateFile( in a comment is no call\n"
        "int Verify() { TrustStore store; return Extract(); }\n"
        'int AddCertificateFile(const char* path) { return path != nullptr ? 1 : 0; }\n',
    "src/pipeline/check.cc":
        '#include "trust/verify.h"\n#include "samlint/trust.h"\n'
        'static int Helper();\nstatic int Helper() { return AddCertificateFile("x") + Verify(); }\n',
    "cli/main.cc": '#include "samlint/trust.h"\nint main() { return 0; }\n',
}

CASES = {
    "upward include": ({"src/parse/extract.cc": '#include "trust/verify.h"\nint Extract() { return 0; }\n'},
                       "includes trust/verify.h from the later stage trust/"),
    "upward call through a public header": (
        {"src/parse/extract.cc":
             '#include "samlint/trust.h"\nint Extract() { return AddCertificateFile("c"); }\n'},
        "calls AddCertificateFile() of samlint/trust.h, implemented later in trust/"),
    "hand declaration": ({"src/pipeline/check.cc": "int Verify();\nint Use() { return Verify(); }\n"},
                         "declares Verify() by hand"),
    "circle in a folder": ({"src/trust/verify.cc": '#include "trust/verify.h"\n#include "trust/sig.h"\n',
                            "src/trust/sig.h": "#pragma once\n",
                            "src/trust/sig.cc": '#include "trust/sig.h"\n#include "trust/verify.h"\n'},
                           "src/trust/sig and src/trust/verify include each other"),
    "unknown folder": ({"src/magic/x.cc": "int X() { return 0; }\n"}, "src/magic/: a folder missing"),
    "unknown public header": ({"include/samlint/new.h": "#pragma once\n"},
                              "include/samlint/new.h: missing from PUBLIC_HEADERS"),
    "private header in the CLI": ({"cli/main.cc": '#include "trust/verify.h"\nint main() { return 0; }\n'},
                                  "the CLI may include only include/samlint/ headers"),
}


def run(files):
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
        done = subprocess.run([sys.executable, str(TOOL), str(root)], capture_output=True, text=True)
        return done.returncode, done.stdout


failures = []
code, out = run(CLEAN)
if code != 0:
    failures.append(f"clean tree: exit {code}\n{out}")
for name, (change, expected) in CASES.items():
    code, out = run({**CLEAN, **change})
    if code != 1 or expected not in out:
        failures.append(f"{name}: exit {code}, expected a line with {expected!r}, got:\n{out}")
for f in failures:
    print("FAIL", f)
print(f"check_layers_test: {len(CASES) + 1 - len(failures)} of {len(CASES) + 1} cases pass")
sys.exit(1 if failures else 0)
