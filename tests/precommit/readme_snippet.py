#!/usr/bin/env python3
"""The README's pre-commit snippet, run by real pre-commit in a new repository.

Usage: readme_snippet.py SAMLINT_DIR

Takes the ```yaml block under "### pre-commit" in README.md as the user would
copy it, points its `repo:` at a local git repository holding this tree's
hook files (.pre-commit-hooks.yaml, tools/pre-commit-hook.sh), committed, and
its `rev:` at that commit (no network). The project repository beside it has
what real ones have: a .gitignore (ignoring build/, which holds a broken
response), a package.json, a README.md, an idp/README.md and an idp/ folder
with a good SAML response. `pre-commit run --all-files` must pass, with the
snippet as written and without its `files:` line (the hook's own default,
which also passes package.json and a force-added build/ file); then a broken
response in idp/ must make it fail with the finding. The samlint under test
is first on PATH, so the hook does not build one. Exits 77 (skipped, saying
why) without pre-commit or git, unless SAMLINT_REQUIRE_TOOLS=1.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TESTDATA = os.path.join(SOURCE_DIR, "testdata")
HANG_GUARD_SECONDS = 300  # a hang guard, not a speed assertion


def run(args, cwd, env, check=True):
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=HANG_GUARD_SECONDS)
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {done.returncode}:\n{done.stdout}{done.stderr}")
    return done


def readme_snippet():
    """The first ```yaml block after the '### pre-commit' heading of README.md."""
    with open(os.path.join(SOURCE_DIR, "README.md")) as f:
        text = f.read()
    section = text.split("\n### pre-commit\n", 1)
    if len(section) != 2:
        raise RuntimeError("README.md has no '### pre-commit' section")
    block = re.search(r"^```yaml\n(.*?)^```", section[1], re.S | re.M)
    if block is None:
        raise RuntimeError("README.md's pre-commit section has no ```yaml block")
    return block.group(1), section[1][:block.start()] + section[1][block.end():]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    if len(sys.argv) != 2:
        print("usage: readme_snippet.py SAMLINT_DIR")
        return 2
    samlint_dir = os.path.abspath(sys.argv[1])
    missing = [tool for tool in ("pre-commit", "git") if shutil.which(tool) is None]
    if missing:
        why = f"{' and '.join(missing)} not found (tools/install-deps.sh installs pre-commit)"
        if os.environ.get("SAMLINT_REQUIRE_TOOLS") == "1":
            print(f"precommit: FAILED: {why}; SAMLINT_REQUIRE_TOOLS=1 requires it")
            return 1
        print(f"precommit: skipped: {why}")
        return 77

    snippet, prose = readme_snippet()
    problems = []
    rev = re.search(r"^\s*rev:\s*(\S+)", snippet, re.M)
    if rev is None:
        problems.append("the snippet has no rev:")
    elif not re.fullmatch(r"[0-9a-f]{40}", rev.group(1)) and "pre-commit autoupdate" not in prose + snippet:
        problems.append(f"rev: {rev.group(1)} is no commit SHA and the README does not say to run "
                        "`pre-commit autoupdate`")
    if not re.search(r"^\s*files:", snippet, re.M):
        problems.append("the snippet has no files: example")

    with tempfile.TemporaryDirectory() as work:
        env = dict(os.environ)
        env.update({"PATH": samlint_dir + os.pathsep + env["PATH"],
                    "PRE_COMMIT_HOME": os.path.join(work, "pre-commit-cache"),
                    "GIT_AUTHOR_NAME": "samlint test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
                    "GIT_COMMITTER_NAME": "samlint test",
                    "GIT_COMMITTER_EMAIL": "test@example.invalid", "NO_COLOR": "1"})
        for variable in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
            env.pop(variable, None)

        # The hook repository: this tree's hook files at one commit.
        hooks = os.path.join(work, "samlint")
        for relative in (".pre-commit-hooks.yaml", "tools/pre-commit-hook.sh"):
            os.makedirs(os.path.dirname(os.path.join(hooks, relative)), exist_ok=True)
            shutil.copy2(os.path.join(SOURCE_DIR, relative), os.path.join(hooks, relative))
        run(["git", "init", "-q", "-b", "main"], hooks, env)
        run(["git", "add", "-A"], hooks, env)
        run(["git", "commit", "-q", "-m", "hooks"], hooks, env)
        sha = run(["git", "rev-parse", "HEAD"], hooks, env).stdout.strip()
        config = re.sub(r"^(\s*-?\s*repo:\s*)\S+.*$", lambda m: m.group(1) + hooks, snippet,
                        count=1, flags=re.M)
        config = re.sub(r"^(\s*rev:\s*)\S+.*$", lambda m: m.group(1) + sha, config, count=1,
                        flags=re.M)

        project = os.path.join(work, "project")
        broken = open(os.path.join(TESTDATA, "batch", "broken-truncated.xml")).read()
        write(os.path.join(project, ".gitignore"), "build/\n")
        write(os.path.join(project, "build", "broken.xml"), broken)
        write(os.path.join(project, "package.json"), '{"name": "infra", "version": "1.0.0"}\n')
        write(os.path.join(project, "README.md"), "# infra\n\nIdP configuration and samples.\n")
        write(os.path.join(project, "idp", "README.md"), "# IdP samples\n")
        write(os.path.join(project, "idp", "notes.txt"), "Saved from the browser.\n")
        shutil.copy2(os.path.join(TESTDATA, "batch", "aws-console.xml"),
                     os.path.join(project, "idp", "aws-console.xml"))
        run(["git", "init", "-q"], project, env)

        hook = ["pre-commit", "run", "--all-files", "--color", "never"]
        variants = [("the README's snippet", config),
                    ("the snippet without files: (the hook's default)",
                     re.sub(r"^\s*files:.*\n", "", config, flags=re.M))]
        for name, text in variants:
            write(os.path.join(project, ".pre-commit-config.yaml"), text)
            run(["git", "add", "-A"], project, env)
            # A generated file someone force-added: --force-exclude keeps it out.
            run(["git", "add", "-f", "build/broken.xml"], project, env)
            done = run(hook, project, env, check=False)
            print(f"precommit: {name}: pre-commit exited {done.returncode}")
            print(done.stdout[-3000:])
            if done.returncode != 0:
                problems.append(f"{name}: pre-commit exited {done.returncode} on good SAML material, "
                                f"expected 0:\n{done.stdout[-3000:]}{done.stderr[-2000:]}")

        write(os.path.join(project, ".pre-commit-config.yaml"), config)
        write(os.path.join(project, "idp", "cut.xml"), broken)
        run(["git", "add", "-A"], project, env)
        done = run(hook, project, env, check=False)
        print(f"precommit: with idp/cut.xml broken: pre-commit exited {done.returncode}")
        print(done.stdout[-3000:])
        if done.returncode != 1:
            problems.append(f"a broken response: pre-commit exited {done.returncode}, expected 1")
        for text in ("idp/cut.xml", "xml-malformed"):
            if text not in done.stdout:
                problems.append(f"a broken response: the hook's output does not show {text}")

    for p in problems:
        print(f"precommit: FAILED: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
