#!/usr/bin/env bash
# The whole test suite: a release build with warnings as errors, then the same
# tests under AddressSanitizer and UndefinedBehaviorSanitizer, then a short
# smoke run of every libFuzzer harness.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh

export SAMLINT_CORPUS="${SAMLINT_CORPUS:-$(cd .. && pwd)/shared/corpus}"
# The SARIF schema test and the browser test run here, never skip.
SAMLINT_SARIF_SCHEMA=$(bash tools/fetch-test-assets.sh)
export SAMLINT_SARIF_SCHEMA
export SAMLINT_REQUIRE_TOOLS=1
jobs=$(nproc)

# Before compiling anything: no stage includes or calls a later one.
python3 tools/check-layers

for preset in release asan; do
  echo "== $preset: configure, build, test"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs"
done

# 15 seconds per harness: proves they build and start from their seeds, and
# replays the grown corpus under build/ when there is one.
echo "== fuzz: smoke run"
tools/fuzz 15
