#!/usr/bin/env python3
"""Corpus conformance: run samlint over real SAML responses nobody here wrote.

Reads $SAMLINT_CORPUS/MANIFEST.tsv, checks each response with the certificate
the manifest names, and requires for every file: no crash (exit 0 or 1, one
JSON report), and a signature verdict that sides with the source project:
valid-signature rows verify, xsw-attack and invalid-signature rows do not.
Each file is then checked again without --cloud (issue #14, "Done when"): no
exit 2, a signature verdict, and a saml:generic or cloud evaluation unless the
response has no assertion to read.
Times are printed for the record, never asserted. Exits 77 (skipped) when the
corpus is absent.
"""
import csv
import json
import os
import subprocess
import sys
import time

HANG_GUARD_SECONDS = 20  # a hang guard, not a speed assertion


# A result that has no assertion to evaluate says so with one of these.
NOTHING_TO_READ = {"encrypted-assertion-no-key", "assertion-missing", "status-not-success"}


def check_without_cloud(binary, corpus, row, failures):
    """Runs the file with no --cloud; returns its evaluated scenarios for the log."""
    args = [binary, "check", os.path.join(corpus, row["file"]), "--format", "json", "--jobs", "1"]
    if row["cert"] != "-":
        args += ["--cert", os.path.join(corpus, row["cert"])]
    try:
        run = subprocess.run(args, capture_output=True, timeout=HANG_GUARD_SECONDS)
    except subprocess.TimeoutExpired:
        failures.append(f"{row['file']} (no --cloud): no answer within {HANG_GUARD_SECONDS} s")
        return "-"
    if run.returncode not in (0, 1):
        failures.append(f"{row['file']} (no --cloud): exit {run.returncode}: "
                        f"{run.stderr.decode(errors='replace').strip()}")
        return "-"
    try:
        results = json.loads(run.stdout)["results"]
    except (ValueError, KeyError) as e:
        failures.append(f"{row['file']} (no --cloud): not a JSON report ({e})")
        return "-"
    scenarios = set()
    for result in results:
        if result.get("kind") == "unreadable":
            continue
        if not isinstance(result.get("signature"), dict) or "status" not in result["signature"]:
            failures.append(f"{row['file']} (no --cloud): no signature verdict")
        rules = {d["rule"] for d in result.get("diagnostics", [])}
        evaluations = result.get("evaluations", [])
        scenarios.update(e["scenario"] for e in evaluations)
        if not evaluations and not rules & NOTHING_TO_READ:
            failures.append(f"{row['file']} (no --cloud): no saml:generic or cloud evaluation")
        if "cloud-undetected" in rules and any(e["scenario"] != "saml:generic" for e in evaluations):
            failures.append(f"{row['file']} (no --cloud): cloud undetected but not saml:generic")
    return ",".join(sorted(scenarios)) or "no assertion"


def main() -> int:
    binary = sys.argv[1]
    corpus = os.environ.get("SAMLINT_CORPUS", "")
    manifest = os.path.join(corpus, "MANIFEST.tsv")
    if not corpus or not os.path.isfile(manifest):
        print(f"corpus: skipped: no MANIFEST.tsv under SAMLINT_CORPUS={corpus!r}")
        return 77

    failures = []
    timings = []
    with open(manifest, newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for row in rows:
        path = os.path.join(corpus, row["file"])
        args = [binary, "check", path, "--format", "json", "--jobs", "1"]
        if row["cloud"] in ("aws", "aliyun"):
            args += ["--cloud", row["cloud"]]
        else:
            args += ["--cloud", "aws"]
        if row["cert"] != "-":
            args += ["--cert", os.path.join(corpus, row["cert"])]
        start = time.monotonic()
        try:
            run = subprocess.run(args, capture_output=True, timeout=HANG_GUARD_SECONDS)
        except subprocess.TimeoutExpired:
            failures.append(f"{row['file']}: no answer within {HANG_GUARD_SECONDS} s")
            continue
        elapsed = time.monotonic() - start
        timings.append((elapsed, row["file"]))
        if run.returncode not in (0, 1):
            failures.append(f"{row['file']}: exit {run.returncode}: {run.stderr.decode(errors='replace').strip()}")
            continue
        try:
            report = json.loads(run.stdout)
            result = report["results"][0]
        except (ValueError, KeyError, IndexError) as e:
            failures.append(f"{row['file']}: not a JSON report ({e})")
            continue
        status = (result.get("signature") or {}).get("status")
        expected = row["expected"]
        if expected == "valid-signature" and status != "verified":
            failures.append(f"{row['file']}: the source project accepts its signature; samlint says {status}")
        if expected in ("xsw-attack", "invalid-signature") and status == "verified":
            failures.append(f"{row['file']}: the source project rejects it ({row['why']}); samlint says verified")
        scenarios = check_without_cloud(binary, corpus, row, failures)
        print(f"{elapsed * 1000:7.1f} ms  {expected:17} {str(status):12} {row['file']}  [{scenarios}]")

    timings.sort(reverse=True)
    if timings:
        total = sum(t for t, _ in timings)
        print(f"corpus: {len(rows)} files, slowest {timings[0][0] * 1000:.1f} ms ({timings[0][1]}), "
              f"mean {total / len(timings) * 1000:.1f} ms per process")
    for failure in failures:
        print("FAIL " + failure)
    print(f"corpus: {len(rows) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
