#!/usr/bin/env python3
"""The pre-commit hook, run by pre-commit itself on a sample repository.

Usage: run_precommit.py SAMLINT_DIR CASE_DIR

CASE_DIR holds `repo/` (the files of a sample repository), `fix.diff` (the
change the report's fix asks for, as `git apply` takes it) and `expect.json`:

  {"hook": "samlint",                      hook id in .pre-commit-hooks.yaml
   "findings": [{"rule": ..., "file": ..., "line": N}, ...],  must be reported
   "fix_mentions": ["...", ...],           text the reported fixes must contain
   "absent": ["rule", ...]}                rules that must not be reported

The test copies `repo/` into a new git repository, stages it, and runs
`pre-commit try-repo <samlint sources> <hook> --all-files` (pre-commit passes the
staged file names to the hook's entry, as on a commit). The run must fail with
the expected findings, the report's fixes must name the change `fix.diff`
makes, and after applying it and staging again the same run must pass. The
samlint under test is first on PATH, so the hook uses it instead of building
one. Exits 77 (skipped, saying why) without pre-commit or git, unless
SAMLINT_REQUIRE_TOOLS=1 (tools/test.sh sets it).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:  # Debian's python3-yaml serves /usr/bin/python3
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    yaml = None

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HANG_GUARD_SECONDS = 300  # a hang guard, not a speed assertion


def run(args, cwd, env, check=True):
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=HANG_GUARD_SECONDS)
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {done.returncode}:\n{done.stdout}{done.stderr}")
    return done


def stage(repo, env):
    run(["git", "add", "-A"], repo, env)


def main():
    if len(sys.argv) != 3:
        print("usage: run_precommit.py SAMLINT_DIR CASE_DIR")
        return 2
    samlint_dir, case = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    missing = [tool for tool in ("pre-commit", "git") if shutil.which(tool) is None]
    if yaml is None:
        missing.append("PyYAML (python3-yaml)")
    if not os.path.exists(os.path.join(SOURCE_DIR, ".git")):  # a file in a worktree
        missing.append(f"a git checkout of samlint at {SOURCE_DIR}")
    if missing:
        why = f"{' and '.join(missing)} not found (tools/install-deps.sh installs pre-commit)"
        if os.environ.get("SAMLINT_REQUIRE_TOOLS") == "1":
            print(f"precommit: FAILED: {why}; SAMLINT_REQUIRE_TOOLS=1 requires it")
            return 1
        print(f"precommit: skipped: {why}")
        return 77
    with open(os.path.join(case, "expect.json")) as f:
        expect = json.load(f)
    with open(os.path.join(SOURCE_DIR, ".pre-commit-hooks.yaml")) as f:
        manifest = yaml.safe_load(f)

    problems = []
    with tempfile.TemporaryDirectory() as work:
        repo = os.path.join(work, "repo")
        shutil.copytree(os.path.join(case, "repo"), repo)
        env = dict(os.environ)
        env.update({"PATH": samlint_dir + os.pathsep + env["PATH"],
                    "PRE_COMMIT_HOME": os.path.join(work, "pre-commit-cache"),
                    "GIT_AUTHOR_NAME": "samlint test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
                    "GIT_COMMITTER_NAME": "samlint test",
                    "GIT_COMMITTER_EMAIL": "test@example.invalid", "NO_COLOR": "1"})
        env.pop("GIT_DIR", None)
        run(["git", "init", "-q"], repo, env)
        stage(repo, env)
        hook = ["pre-commit", "try-repo", SOURCE_DIR, expect["hook"], "--all-files",
                "--color", "never"]

        before = run(hook, repo, env, check=False)
        print(f"precommit: before the fix, pre-commit exited {before.returncode}")
        print(before.stdout[-4000:])
        if before.returncode != 1:
            problems.append(f"before the fix: pre-commit exited {before.returncode}, expected 1")
        # The same files through the JSON report: where each finding is, and
        # what the report tells the user to change.
        # The files pre-commit hands the hook: `files` and not `exclude`, by re.search.
        hook_spec = next(h for h in manifest if h["id"] == expect["hook"])
        files = [f for f in run(["git", "ls-files"], repo, env).stdout.split()
                 if re.search(hook_spec.get("files", ""), f)
                 and not re.search(hook_spec.get("exclude", "^$"), f)]
        report = run(["samlint", "check", "--format", "json"] + files, repo, env, check=False)
        found = [(r["input"], d) for r in json.loads(report.stdout)["results"]
                 for d in r["diagnostics"]]
        for finding in expect["findings"]:
            rule, file, line = finding["rule"], finding["file"], finding["line"]
            if rule not in before.stdout or file not in before.stdout:
                problems.append(f"before the fix: the hook's output does not show {rule} in {file}")
            if not any(i == file and d["rule"] == rule and (d.get("location") or {}).get("line") == line
                       for i, d in found):
                problems.append(f"before the fix: no {rule} at {file}:{line} in the report: "
                                f"{[(i, d['rule'], d.get('location')) for i, d in found]}")
        for rule in expect.get("absent", []):
            if any(d["rule"] == rule for _, d in found):
                problems.append(f"before the fix: {rule} was reported: "
                                f"{[(i, d['message']) for i, d in found if d['rule'] == rule]}")
        fixes = " ".join(d.get("fix") or "" for _, d in found)
        for text in expect["fix_mentions"]:
            if text not in fixes:
                problems.append(f"the report's fixes do not mention {text!r}: {fixes}")

        run(["git", "apply", os.path.join(case, "fix.diff")], repo, env)
        stage(repo, env)
        after = run(hook, repo, env, check=False)
        print(f"precommit: after the fix, pre-commit exited {after.returncode}")
        if after.returncode != 0:
            print(after.stdout[-4000:])
            problems.append(f"after the fix: pre-commit exited {after.returncode}, expected 0")

    for p in problems:
        print(f"precommit: FAILED: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
