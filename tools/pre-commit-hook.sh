#!/usr/bin/env bash
# pre-commit entry for the `samlint` hook (.pre-commit-hooks.yaml): checks the
# files pre-commit passes, with the hook's `args` before them. Runs the
# samlint on PATH; without one, builds the binary once inside the hook's clone.
set -euo pipefail

if command -v samlint >/dev/null 2>&1; then
  exec samlint check "$@"
fi
root=$(cd "$(dirname "$0")/.." && pwd)
binary="$root/build/hook/samlint"
if [[ ! -x $binary ]]; then
  echo "samlint: building samlint once in $root/build/hook (packages: tools/install-deps.sh --build)" >&2
  cmake -S "$root" -B "$root/build/hook" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DSAMLINT_BUILD_TESTS=OFF >&2
  cmake --build "$root/build/hook" --target samlint_cli >&2
fi
exec "$binary" check "$@"
