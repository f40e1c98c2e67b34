#!/usr/bin/env python3
"""Runs the composite GitHub Action (action.yml) the way a runner would, minus GitHub.

Usage: run_action.py SAMLINT_DIR

Reads action.yml, and runs its `shell: bash` steps in order with the runner's
environment (GITHUB_ACTION_PATH, GITHUB_OUTPUT, GITHUB_PATH, RUNNER_TEMP) and
`${{ inputs.* }}` / `${{ steps.*.outputs.* }}` expressions substituted. The
samlint under test is on PATH, so the build step takes its "already there"
branch. `uses:` steps are not run: the test checks that the upload step hands
code scanning the SARIF file the check step wrote. Two runs: the bundled
example (findings: exit 1, and the job fails with it) and a clean response
(exit 0).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:  # Debian's python3-yaml serves /usr/bin/python3
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    print("action: skipped: no PyYAML (apt-get install python3-yaml)")
    sys.exit(77)

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# The github context of a run that uses the action as OWNER/samlint@v0.1.0.
GITHUB_CONTEXT = {"server_url": "https://github.com", "action_repository": "example/samlint",
                  "action_ref": "v0.1.0"}
DOCS_URL = "https://github.com/example/samlint/blob/v0.1.0/docs/rules.md"
EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def evaluate(expression, inputs, outputs):
    """The few expressions action.yml uses: inputs, step outputs, always(), ==, !=, &&."""
    def value(term):
        term = term.strip()
        if term == "always()":
            return True
        if term.startswith("'") and term.endswith("'"):
            return term[1:-1]
        if term.startswith("inputs."):
            return inputs[term[len("inputs."):]]
        if term.startswith("github."):
            return GITHUB_CONTEXT[term[len("github."):]]
        match = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", term)
        if match:
            return outputs.get(match.group(1), {}).get(match.group(2), "")
        raise ValueError(f"expression not understood by this test: {term}")

    def comparison(part):
        for op in ("!=", "=="):
            if op in part:
                left, right = part.split(op, 1)
                return (value(left) == value(right)) == (op == "==")
        return value(part)

    parts = expression.split("&&")
    if len(parts) == 1:
        return comparison(parts[0])
    return all(comparison(part) for part in parts)


def substitute(text, inputs, outputs):
    return EXPRESSION.sub(lambda m: str(evaluate(m.group(1), inputs, outputs)), text)


def read_pairs(path):
    pairs = {}
    with open(path) as f:
        for line in f:
            if "=" in line:
                key, _, val = line.rstrip("\n").partition("=")
                pairs[key] = val
    return pairs


def run_action(action, given, samlint_dir, work):
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    inputs.update(given)
    outputs, uploads, status = {}, [], 0
    for step in action["runs"]["steps"]:
        condition = step.get("if")
        if condition is not None and not evaluate(EXPRESSION.sub(lambda m: m.group(1), condition),
                                                  inputs, outputs):
            continue
        if "uses" in step:
            uploads.append({"uses": step["uses"],
                            "with": {k: substitute(str(v), inputs, outputs)
                                     for k, v in step.get("with", {}).items()}})
            continue
        assert step.get("shell") == "bash", f"step {step.get('name')} is not a bash step"
        output_file = os.path.join(work, f"output-{len(outputs)}")
        open(output_file, "w").close()
        env = dict(os.environ)
        env.update({k: substitute(str(v), inputs, outputs) for k, v in step.get("env", {}).items()})
        env.update({"GITHUB_ACTION_PATH": SOURCE_DIR, "GITHUB_OUTPUT": output_file,
                    "GITHUB_PATH": os.path.join(work, "path"), "RUNNER_TEMP": work,
                    "PATH": samlint_dir + os.pathsep + env["PATH"]})
        script = substitute(step["run"], inputs, outputs)
        done = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=SOURCE_DIR, env=env,
                              capture_output=True, text=True)
        if "id" in step:
            outputs[step["id"]] = read_pairs(output_file)
        if done.returncode != 0:
            status = done.returncode
            break
    return status, outputs, uploads


def main():
    if len(sys.argv) != 2:
        print("usage: run_action.py SAMLINT_DIR")
        return 2
    samlint_dir = sys.argv[1]
    with open(os.path.join(SOURCE_DIR, "action.yml")) as f:
        action = yaml.safe_load(f)
    problems = []
    cases = [
        ("clamped example", {"paths": "testdata/examples/aliyun-console-clamped.xml",
                             "args": "--scenario aliyun:saml-console --login-session 6h "
                                     "--role-max-session 1h --target 8h"}, 1),
        ("clean response", {"paths": "testdata/examples/aliyun-console-clamped.xml",
                            "args": "--scenario aliyun:saml-console --login-session 6h "
                                    "--role-max-session 12h"}, 0),
    ]
    for name, given, expected in cases:
        with tempfile.TemporaryDirectory() as work:
            sarif = os.path.join(work, "samlint.sarif")
            status, outputs, uploads = run_action(action, dict(given, **{"sarif-file": sarif}),
                                                  samlint_dir, work)
            exit_code = outputs.get("check", {}).get("exit-code")
            print(f"action: {name}: samlint exited {exit_code}, the job {status}")
            if exit_code != str(expected) or status != expected:
                problems.append(f"{name}: samlint exit {exit_code}, job exit {status}; "
                                f"expected {expected} for both")
            try:
                with open(sarif) as f:
                    log = json.load(f)
                results = log["runs"][0]["results"]
                rules = log["runs"][0]["tool"]["driver"]["rules"]
                if any(r.get("helpUri") != f"{DOCS_URL}#{r['id']}" for r in rules):
                    problems.append(f"{name}: SARIF rules do not link to {DOCS_URL}#<rule id>")
                if expected == 1 and not any(r["ruleId"] == "lifetime-below-target" for r in results):
                    problems.append(f"{name}: the SARIF has no lifetime-below-target result")
            except (OSError, ValueError, KeyError, IndexError) as e:
                problems.append(f"{name}: no SARIF report at {sarif}: {e}")
            upload = [u for u in uploads if u["uses"].startswith("github/codeql-action/upload-sarif@")]
            if len(upload) != 1 or upload[0]["with"].get("sarif_file") != sarif:
                problems.append(f"{name}: the upload step does not send {sarif}: {uploads}")
    for p in problems:
        print(f"action: FAILED: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
