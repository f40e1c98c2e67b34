#!/usr/bin/env bash
# The whole test suite: a release build with warnings as errors, then the same
# tests under AddressSanitizer and UndefinedBehaviorSanitizer, then a short
# smoke run of every libFuzzer harness.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each phase's wall time, so a slow CI run says where the time went.
phase_start=$SECONDS
phase_done() {
  echo "== $1: done in $((SECONDS - phase_start)) s (total $SECONDS s)"
  phase_start=$SECONDS
}

bash tools/install-deps.sh
phase_done "install-deps"

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
  phase_done "$preset build"
  ctest --preset "$preset" -j "$jobs"
  phase_done "$preset tests"
done

# A smoke run of every harness: proves they build and start from their seeds,
# and replays the grown corpus under build/ when there is one. Seed and input
# count are fixed (each harness stops after 20000 inputs or 20 s), so CI's run
# is the same run on any machine fast enough and a prefix of it on a slower
# one: what passed here passes there, and a failure replays exactly with
# `SAMLINT_FUZZ_SEED=1 SAMLINT_FUZZ_RUNS=20000 tools/fuzz 20 HARNESS`.
# Exploring (a new seed each time) is `tools/fuzz 600`.
echo "== fuzz: smoke run"
SAMLINT_FUZZ_SEED=${SAMLINT_FUZZ_SEED:-1} SAMLINT_FUZZ_RUNS=${SAMLINT_FUZZ_RUNS:-20000} tools/fuzz 20
phase_done "fuzz"
