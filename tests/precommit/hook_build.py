#!/usr/bin/env python3
"""tools/pre-commit-hook.sh when no samlint is on PATH: it builds the binary.

Usage: hook_build.py

Runs the hook script from a copy of the hook files, with a stand-in `cmake`
first on PATH that records its arguments and prints a build's worth of
output (so the test takes a second, not the minutes of a real build):

- a build that succeeds: stderr is exactly one line, the build's output is in
  the log file only, cmake was asked for the samlint_cli target with tests
  off, and the built binary then runs with `check` and the hook's arguments;
  a second run does not build again;
- a build that fails: the hook exits 2 and prints its one line, the log's
  path and the log's last lines, and not the start of the log.
"""
import os
import shutil
import stat
import subprocess
import sys
import tempfile

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

FAKE_CMAKE = r"""#!/usr/bin/env bash
echo "$*" >> "$FAKE_CMAKE_CALLS"
for i in $(seq 1 60); do echo "[$i/60] Building CXX object src/file$i.cc.o"; echo "warning: noise $i" >&2; done
if [[ $1 == -S && $3 == -B ]]; then mkdir -p "$4"; fi
if [[ $1 == --build ]]; then
  if [[ -n ${FAKE_CMAKE_FAIL:-} ]]; then echo "src/x.cc:1:1: error: the last words" >&2; exit 1; fi
  printf '#!/usr/bin/env bash\necho "built samlint $*"\n' > "$2/samlint"
  chmod +x "$2/samlint"
fi
"""


def executable(path, text):
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def main():
    problems = []
    with tempfile.TemporaryDirectory() as work:
        clone = os.path.join(work, "clone")
        os.makedirs(os.path.join(clone, "tools"))
        shutil.copy2(os.path.join(SOURCE_DIR, "tools", "pre-commit-hook.sh"),
                     os.path.join(clone, "tools", "pre-commit-hook.sh"))
        bin_dir = os.path.join(work, "bin")
        os.makedirs(bin_dir)
        executable(os.path.join(bin_dir, "cmake"), FAKE_CMAKE)
        calls = os.path.join(work, "calls")
        # PATH without any samlint: only the stand-in and the system's tools.
        path = os.pathsep.join([bin_dir] + [d for d in os.environ["PATH"].split(os.pathsep)
                                            if not os.path.exists(os.path.join(d, "samlint"))])
        env = dict(os.environ, PATH=path, FAKE_CMAKE_CALLS=calls)
        hook = [os.path.join(clone, "tools", "pre-commit-hook.sh"), "--skip-unrecognised", "a.xml"]
        log = os.path.join(clone, "build", "hook-build.log")

        env_fail = dict(env, FAKE_CMAKE_FAIL="1")
        failed = subprocess.run(hook, env=env_fail, capture_output=True, text=True, timeout=60)
        if failed.returncode != 2:
            problems.append(f"a failed build: exit {failed.returncode}, expected 2")
        if log not in failed.stderr or "the last words" not in failed.stderr:
            problems.append(f"a failed build: stderr lacks the log's path or its end:\n{failed.stderr}")
        if "[1/60]" in failed.stderr:
            problems.append("a failed build: the whole log was printed, not its end")
        if failed.stdout:
            problems.append(f"a failed build wrote to stdout: {failed.stdout!r}")

        os.remove(calls)
        built = subprocess.run(hook, env=env, capture_output=True, text=True, timeout=60)
        if built.returncode != 0:
            problems.append(f"a build: exit {built.returncode}\n{built.stderr}")
        lines = built.stderr.splitlines()
        if len(lines) != 1 or not lines[0].startswith("samlint: building"):
            problems.append(f"a build: stderr is not one 'samlint: building' line:\n{built.stderr}")
        if built.stdout != "built samlint check --skip-unrecognised a.xml\n":
            problems.append(f"a build: the built binary was not run with check and the arguments: "
                            f"{built.stdout!r}")
        with open(log) as f:
            if "[60/60]" not in f.read():
                problems.append("a build: its output is not in the log")
        with open(calls) as f:
            recorded = f.read()
        if "-DSAMLINT_BUILD_TESTS=OFF" not in recorded or "--target samlint_cli" not in recorded:
            problems.append(f"cmake was not asked for the binary only:\n{recorded}")

        os.remove(calls)
        again = subprocess.run(hook, env=env, capture_output=True, text=True, timeout=60)
        if again.stderr or os.path.exists(calls):
            problems.append(f"a second run built again or printed: {again.stderr!r}")

    for p in problems:
        print(f"hook_build: FAILED: {p}")
    if not problems:
        print("hook_build: ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
