#!/usr/bin/env bash
# Measures samlint the way ../shared/bench/peers.md measures the tools users
# would pick instead, on the same shape of input (a signed Okta-to-AWS
# response, RSA-2048/SHA-256, checked against its certificate):
#   1. in-process: Google Benchmark over the library (bench/check_bench.cc);
#   2. whole process, batch: one `samlint check` over N files (files/s), with
#      --jobs 1 and with every core;
#   3. whole process, one file: hyperfine's median wall time;
#   4. instructions per checked response (callgrind), which do not depend on
#      what else the machine is doing.
# Prints the machine and its load first: record both with the numbers
# (docs/benchmarks.md). Never run by the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

n=${SAMLINT_BENCH_FILES:-2000}
response=testdata/trust/valid/aws-assertion-signed-sha256-exc.xml
cert=testdata/trust/keys/idp-rsa2048.cert.pem

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
     "load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%M:%SZ)"
cmake --preset bench >/dev/null
cmake --build --preset bench >/dev/null
binary=build/bench/samlint

echo "== 1. in-process (Google Benchmark)"
build/bench/samlint_bench --benchmark_min_time=2 --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/batch"
for ((i = 0; i < n; i++)); do cp "$response" "$work/batch/r$i.xml"; done
echo "== 2. whole process, $n files of $(wc -c < "$response") bytes"
for jobs in 1 "$(nproc)"; do
  start=$(date +%s.%N)
  "$binary" check --cert "$cert" --format json --jobs "$jobs" "$work/batch" > "$work/out.json" || true
  end=$(date +%s.%N)
  python3 - "$start" "$end" "$n" "$jobs" "$work/out.json" <<'PY'
import json, sys
start, end, n, jobs, out = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
results = json.load(open(out))["results"]
verified = sum(1 for r in results if (r.get("signature") or {}).get("status") == "verified")
print(f"--jobs {jobs}: {n / (end - start):.0f} files/s ({end - start:.2f} s wall), {verified}/{len(results)} verified")
PY
done

echo "== 3. whole process, one file"
hyperfine --warmup 5 --runs 50 -N "$binary check --cert $cert --format json $response" 2>/dev/null |
  grep -E 'Time|Range' || "$binary" check --cert "$cert" "$response" >/dev/null

echo "== 4. instructions per checked response (callgrind, inside CheckBytes)"
if command -v valgrind >/dev/null 2>&1; then
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" '--toggle-collect=samlint::CheckBytes*' \
    build/bench/samlint_bench --benchmark_filter=BM_SignedResponseVerified \
    --benchmark_min_time=0 >/dev/null 2>&1
  callgrind_annotate "$work/cg.out" 2>/dev/null | grep 'PROGRAM TOTALS'
fi
