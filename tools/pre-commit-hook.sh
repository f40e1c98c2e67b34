#!/usr/bin/env bash
# pre-commit entry for the `samlint` hook (.pre-commit-hooks.yaml): checks the
# files pre-commit passes, with the hook's `args` before them. Runs the
# samlint on PATH; without one, builds the binary once inside the hook's clone:
# one line while it builds, the build's output in a log file that is shown
# (its path and its end) only when the build fails.
set -euo pipefail

if command -v samlint >/dev/null 2>&1; then
  exec samlint check "$@"
fi
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build/hook"
binary="$build/samlint"
if [[ ! -x $binary ]]; then
  log="$root/build/hook-build.log"
  mkdir -p "$root/build"
  echo "samlint: building the samlint binary once (a few minutes; needs the packages of tools/install-deps.sh --build)" >&2
  generator=()
  if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
  if ! { cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
           -DSAMLINT_BUILD_TESTS=OFF &&
         cmake --build "$build" --target samlint_cli; } >"$log" 2>&1; then
    echo "samlint: the build failed; the end of its log ($log):" >&2
    tail -n 25 "$log" >&2
    exit 2
  fi
fi
exec "$binary" check "$@"
