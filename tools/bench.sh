#!/usr/bin/env bash
# Measures samlint against the floor (bench/floor.c: bare libxml2 + xmlsec1 in
# C, the key loaded once and lent to each verify) and the peers of
# ../shared/bench/peers.md, on the same input (a signed Okta-to-AWS response,
# RSA-2048/SHA-256, checked against its certificate), in one run:
#   1. Google Benchmark over the library (bench/check_bench.cc), whole inputs
#      and one benchmark per stage of the data path;
#   2. files/s in bulk, whole process: samlint --jobs 1 and --jobs $(nproc);
#      the floor in one process (one core) and in $(nproc) processes on
#      parts; python3-saml in one process; the xmlsec1 CLI, a process per file;
#   3. one file, whole process: hyperfine's median (else runs timed with date);
#   4. peak RSS: samlint over 2,000 / 20,000 / 100,000 hard links to the
#      response, and each other tool over its bulk run;
#   5. instructions per file (callgrind, when valgrind is installed): samlint
#      and the floor over the same files, in all and by stage; unlike times,
#      they do not depend on what else the machine is doing;
#   6. the summary: a table and the ratios to the targets of the Performance
#      issue, ready to paste into docs/benchmarks.md.
# Whatever is optional (python3-saml, xmlsec1, hyperfine, GNU time, valgrind)
# is detected and skipped with a message. Never run by the tests.
#
# Usage: tools/bench.sh [--quick] [--no-build]
#   --quick     a smoke run: 200 files, RSS at 200 and 2,000, short benchmarks,
#               no callgrind
#   --no-build  use build/bench as it is (default: configure and build the
#               `bench` preset first)
# Environment (defaults in brackets; --quick's second):
#   SAMLINT_BENCH_FILES      files in the bulk runs [2000; 200]
#   SAMLINT_BENCH_RSS_FILES  file counts of the RSS runs ["2000 20000 100000"; "200 2000"]
#   SAMLINT_BENCH_CLI_FILES  files for the xmlsec1 CLI, a process each [100; 20]
#   SAMLINT_BENCH_RUNS       runs of each one-file measure [30; 10]
#   SAMLINT_BENCH_ROUNDS     rounds in which samlint and the floor (and, for
#                            one file, every tool) take turns; medians [3; 1]
#   SAMLINT_BENCH_CALLGRIND_FILES  files in the callgrind runs, 0: none [200; 0]
#   SAMLINT_BENCH_PEERS      the peers' table [../shared/bench/peers.md]
#   SAMLINT_BENCH_BUILD_JOBS parallel compile jobs [nproc]
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
build=1
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    --no-build) build=0 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "usage: tools/bench.sh [--quick] [--no-build]" >&2; exit 2 ;;
  esac
done
if ((quick)); then
  n=${SAMLINT_BENCH_FILES:-200}
  rss_counts=${SAMLINT_BENCH_RSS_FILES:-200 2000}
  cli_n=${SAMLINT_BENCH_CLI_FILES:-20}
  runs=${SAMLINT_BENCH_RUNS:-10}
  callgrind_n=${SAMLINT_BENCH_CALLGRIND_FILES:-0}
  rounds=${SAMLINT_BENCH_ROUNDS:-1}
  gbench_args=(--benchmark_min_time=0.05)
else
  n=${SAMLINT_BENCH_FILES:-2000}
  rss_counts=${SAMLINT_BENCH_RSS_FILES:-2000 20000 100000}
  cli_n=${SAMLINT_BENCH_CLI_FILES:-100}
  runs=${SAMLINT_BENCH_RUNS:-30}
  callgrind_n=${SAMLINT_BENCH_CALLGRIND_FILES:-200}
  rounds=${SAMLINT_BENCH_ROUNDS:-3}
  gbench_args=(--benchmark_min_time=1 --benchmark_repetitions=3
               --benchmark_report_aggregates_only=true)
fi
peers=${SAMLINT_BENCH_PEERS:-../shared/bench/peers.md}
cores=$(nproc)

response=testdata/trust/valid/aws-assertion-signed-sha256-exc.xml
cert=testdata/trust/keys/idp-rsa2048.cert.pem
binary=build/bench/samlint
floor=build/bench/samlint_floor

# --- helpers ------------------------------------------------------------------

now() { date +%s.%N; }
# calc 'EXPR' [name=value ...]: awk arithmetic, printed with the format in fmt= ("%.0f" by default).
calc() {
  local expr=$1 args=(-v fmt=%.0f) a
  shift
  for a in "$@"; do args+=(-v "$a"); done
  awk "${args[@]}" "BEGIN { printf fmt, $expr }"
}
load() { cut -d' ' -f1-3 /proc/loadavg; }

# Peak RSS in KiB of a command: GNU time when present, else python3's getrusage.
# rss_run FILE CMD...: runs CMD (stdout and exit status passed through),
# writes its peak RSS (KiB) to FILE, its wall time (s) to FILE.wall and its
# CPU time (user + system, s; 10 ms resolution) to FILE.cpu.
if /usr/bin/time -f %M -o /dev/null true >/dev/null 2>&1; then
  rss_tool="GNU time (/usr/bin/time -f %M)"
  rss_run() {
    local file=$1 status=0 start
    shift
    start=$(now)
    /usr/bin/time -f '%M %U %S' -o "$file.raw" "$@" || status=$?
    calc 'e - s' s="$start" e="$(now)" fmt='%.4f\n' > "$file.wall"
    # GNU time writes "Command exited with ..." first when the status is not 0.
    tail -n1 "$file.raw" | awk '{ print $1 }' > "$file"
    tail -n1 "$file.raw" | awk '{ printf "%.2f\n", $2 + $3 }' > "$file.cpu"
    return $status
  }
else
  # Linux counts the forking python3's own peak into the child's at exec:
  # values at that level (measured on `true` below) are upper bounds. The
  # wall time is the child's alone (python3's start-up is not in it).
  rss_tool="python3 resource.getrusage(RUSAGE_CHILDREN).ru_maxrss, GNU time not installed;"
  rss_run() {
    local file=$1
    shift
    python3 -c '
import resource, subprocess, sys, time
start = time.perf_counter()
status = subprocess.call(sys.argv[2:])
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write(f"{usage.ru_maxrss}\n")
open(sys.argv[1] + ".wall", "w").write(f"{wall:.4f}\n")
open(sys.argv[1] + ".cpu", "w").write(f"{usage.ru_utime + usage.ru_stime:.2f}\n")
sys.exit(status)' "$file" "$@"
  }
fi
mib() { calc 'kib / 1024' kib="$(cat "$1")" fmt="%.1f"; }

# The median of the numbers on stdin, one a line.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) printf "%.6f", (v[int((NR + 1) / 2)] + v[int(NR / 2) + 1]) / 2 }'; }

# One file, whole process: latency_round TOOL CMD... appends the wall times (ms)
# of $runs / $rounds runs of CMD (stdout discarded) to $work/times.TOOL.
per_round=$(((runs + rounds - 1) / rounds))
if ((rounds > 1)); then in_rounds="in $rounds rounds taking turns"; else in_rounds="in 1 round"; fi
if command -v hyperfine >/dev/null 2>&1; then
  latency_tool="hyperfine -N, median of $((per_round * rounds)) runs $in_rounds, 1 warm-up a round"
else
  latency_tool="date around each run, median of $((per_round * rounds)) runs $in_rounds (hyperfine is not installed)"
fi
latency_round() {
  local tool=$1 i start end
  shift
  if command -v hyperfine >/dev/null 2>&1; then
    if hyperfine -N --warmup 1 --runs "$per_round" --export-json "$work/hf.json" \
        "$(printf '%q ' "$@")" >/dev/null 2>&1; then
      python3 -c '
import json, sys
result = json.load(open(sys.argv[1]))["results"][0]
with open(sys.argv[2], "a") as times:
    times.writelines("%.3f\n" % (t * 1000) for t in result["times"])
with open(sys.argv[3], "a") as cpu:  # the mean of the round, weighted by its runs
    cpu.writelines("%.3f\n" % ((result["user"] + result["system"]) * 1000) for _ in result["times"])
' "$work/hf.json" "$work/times.$tool" "$work/cpu.$tool"
      return
    fi
  fi
  for ((i = 0; i < per_round; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    calc '(e - s) / 1e6' s="$start" e="$end" fmt='%.3f\n' >> "$work/times.$tool"
  done
}

# Makes DIR with COUNT files r0.xml ... holding the response: hard links (so
# 100,000 files cost no disk), or copies with "copy". A file takes at most
# 65,000 links (ext4), so the links share several copies made next to DIR.
populate() {
  python3 -c '
import os, shutil, sys
src, directory, count, how = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
os.makedirs(directory)
target = None
for i in range(count):
    name = os.path.join(directory, f"r{i}.xml")
    if how == "copy":
        shutil.copyfile(src, name)
        continue
    if i % 50000 == 0:
        target = f"{directory}.{i // 50000}.xml"
        shutil.copyfile(src, target)
    os.link(target, name)
' "$response" "$1" "$2" "${3:-link}"
}

# Verified results in a samlint JSON report read from stdin.
count_verified() { grep -c '"status": "verified"' || true; }
# "verified V failed F ..." lines (floor, python3-saml) on stdin: the sum of V.
sum_verified() { awk '{ v += $2 } END { print v + 0 }'; }
# verified GOT WANT: "GOT/WANT verified", and a warning on stderr unless all
# were: a rate over responses that failed is not the rate of verifying them.
verified() {
  if [[ $1 != "$2" ]]; then echo "bench: WARNING: only $1 of $2 responses verified" >&2; fi
  echo "$1/$2 verified"
}

# --- machine ------------------------------------------------------------------

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
mhz=$(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //' | cut -d. -f1)
load_before=$(load)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git status --porcelain --untracked-files=no 2>/dev/null) ]]; then commit+="+changes"; fi
echo "== machine: $cores cores, $cpu${mhz:+ ($mhz MHz)}, load average $load_before," \
     "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
os=$(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release 2>/dev/null || true)
echo "   ${os:-unknown OS}, samlint $commit," \
     "xmlsec1 $(pkg-config --modversion xmlsec1-openssl), libxml2 $(pkg-config --modversion libxml-2.0)," \
     "OpenSSL $(pkg-config --modversion openssl)"
echo "   command: tools/bench.sh $*  (N=$n, RSS at $rss_counts, xmlsec1 CLI over $cli_n files)"

if ((build)); then
  echo "== building the bench preset (build/bench)"
  cmake --preset bench >/dev/null
  cmake --build --preset bench --parallel "${SAMLINT_BENCH_BUILD_JOBS:-$cores}" >/dev/null
fi
for b in "$binary" "$floor" build/bench/samlint_bench; do
  [[ -x $b ]] || { echo "bench: $b is missing: run without --no-build" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ $rss_tool == python3* ]]; then
  rss_run "$work/rss" true
  rss_tool+=" values up to $(mib "$work/rss") MiB, python3's own, are upper bounds"
fi

# The floor must verify the response and reject a tampered copy, or its
# numbers are not a floor.
sed 's/>28800</>28801</' "$response" > "$work/tampered.xml"
if ! "$floor" "$cert" "$response" >/dev/null || "$floor" "$cert" "$work/tampered.xml" >/dev/null; then
  echo "bench: the floor program does not tell the valid response from a tampered one" >&2
  exit 1
fi

# --- 1. Google Benchmark ------------------------------------------------------

echo "== 1. in-process (Google Benchmark: whole inputs, then each stage of the signed response)"
build/bench/samlint_bench "${gbench_args[@]}" 2>/dev/null

# --- 2. bulk ------------------------------------------------------------------

populate "$work/batch" "$n" copy
# The same files in one part per core, for the floor's processes.
python3 -c '
import os, sys
work, n, parts = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for p in range(parts):
    os.makedirs(f"{work}/parts/{p}")
for i in range(n):
    os.link(f"{work}/batch/r{i}.xml", f"{work}/parts/{i % parts}/r{i}.xml")
' "$work" "$n" "$cores"
echo "== 2. bulk, whole process, $n files of $(wc -c < "$response") bytes" \
     "(peak RSS with $rss_tool)"

# samlint and the floor take turns, $rounds rounds, so that a change in the
# machine's load falls on both; each rate is the median round's.
declare -A rate
for ((round = 1; round <= rounds; round++)); do
  for jobs in 1 "$cores"; do
    rss_run "$work/rss" "$binary" check --cert "$cert" --format json --jobs "$jobs" "$work/batch" \
      > "$work/out.json" || true
    cat "$work/rss.wall" >> "$work/walls.samlint_j$jobs"
    cat "$work/rss.cpu" >> "$work/cpus.samlint_j$jobs"
    if ((jobs == cores)); then rss_samlint=$(mib "$work/rss"); fi
    count_verified < "$work/out.json" >> "$work/verified.samlint_j$jobs"
  done
  rss_run "$work/rss" "$floor" "$cert" "$work/batch" > "$work/floor.out" || true
  cat "$work/rss.wall" >> "$work/walls.floor_1"
  cat "$work/rss.cpu" >> "$work/cpus.floor_1"
  rss_floor=$(mib "$work/rss")
  sum_verified < "$work/floor.out" >> "$work/verified.floor_1"
  start=$(now)
  for ((p = 0; p < cores; p++)); do "$floor" "$cert" "$work/parts/$p" > "$work/floor.$p.out" & done
  wait
  calc 'e - s' s="$start" e="$(now)" fmt='%.4f\n' >> "$work/walls.floor_all"
  cat "$work"/floor.[0-9]*.out | sum_verified >> "$work/verified.floor_all"
done
# bulk KEY LABEL [MORE]: the rate of KEY's median round, its files per
# CPU-second (user + system: what the load changes least), what it verified.
declare -A per_cpu
bulk() {
  local wall cpu=""
  wall=$(median < "$work/walls.$1")
  rate[$1]=$(calc 'n / w' n="$n" w="$wall")
  if [[ -f $work/cpus.$1 ]]; then
    per_cpu[$1]=$(calc 'n / c' n="$n" c="$(median < "$work/cpus.$1")")
    cpu=", ${per_cpu[$1]} files per CPU-second"
  fi
  echo "$2: ${rate[$1]} files/s ($( ((rounds > 1)) && echo "median of $rounds: ")$(sort -n "$work/walls.$1" | awk '{ printf "%s%.2f", (NR > 1 ? ", " : ""), $1 }') s)$cpu," \
       "$(verified "$(sort -n "$work/verified.$1" | head -n1)" "$n")${3:-}"
}
bulk samlint_j1 "samlint --jobs 1"
bulk "samlint_j$cores" "samlint --jobs $cores" ", peak RSS $rss_samlint MiB"
bulk floor_1 "floor, 1 process" ", peak RSS $rss_floor MiB"
bulk floor_all "floor, $cores processes on $cores parts"

# python3-saml: Debian's package is for /usr/bin/python3, which may not be the python3 on PATH.
saml_python=""
for py in python3 /usr/bin/python3; do
  if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import onelogin.saml2.response' 2>/dev/null; then
    saml_python=$(command -v "$py")
    break
  fi
done
if [[ -n $saml_python ]]; then
  saml_version=$(dpkg-query -W -f='${Version}' python3-onelogin-saml2 2>/dev/null || echo "?")
  rss_run "$work/rss" "$saml_python" tools/bench_python3_saml.py "$cert" "$work/batch" \
    > "$work/saml.out" || true
  rate[python3_saml]=$(calc 'n / w' n="$n" w="$(cat "$work/rss.wall")")
  rate[python3_saml_loop]=$(calc 'n / l' n="$n" l="$(awk '{ print $6 }' "$work/saml.out")")
  rss_saml=$(mib "$work/rss")
  echo "python3-saml $saml_version (strict=False), 1 process: ${rate[python3_saml]} files/s" \
       "(in-process loop ${rate[python3_saml_loop]} files/s), $(verified "$(sum_verified < "$work/saml.out")" "$n")," \
       "peak RSS $rss_saml MiB"
else
  echo "python3-saml: skipped (python3-onelogin-saml2 is not installed; apt-get install python3-onelogin-saml2)"
fi

if command -v xmlsec1 >/dev/null 2>&1; then
  xmlsec1_cmd=(xmlsec1 --verify --pubkey-cert-pem "$cert"
               --id-attr:ID urn:oasis:names:tc:SAML:2.0:assertion:Assertion)
  ok=0
  start=$(now)
  for ((i = 0; i < cli_n; i++)); do
    if "${xmlsec1_cmd[@]}" "$work/batch/r$i.xml" >/dev/null 2>&1; then ok=$((ok + 1)); fi
  done
  end=$(now)
  rate[xmlsec1]=$(calc 'n / (e - s)' n="$cli_n" s="$start" e="$end" fmt=%.1f)
  rss_run "$work/rss" "${xmlsec1_cmd[@]}" "$response" >/dev/null 2>&1 || true
  rss_xmlsec1=$(mib "$work/rss")
  echo "xmlsec1 CLI $(xmlsec1 --version | awk '{ print $2 }'), a process per file: ${rate[xmlsec1]} files/s" \
       "over $cli_n files, $(verified "$ok" "$cli_n"), peak RSS $rss_xmlsec1 MiB (one file)"
else
  echo "xmlsec1 CLI: skipped (xmlsec1 is not installed)"
fi

# --- 3. one file --------------------------------------------------------------

echo "== 3. one file, whole process ($latency_tool)"
declare -A one
latency_tools=(samlint floor)
[[ -n $saml_python ]] && latency_tools+=(python3_saml)
[[ -n ${xmlsec1_cmd:-} ]] && latency_tools+=(xmlsec1)
for ((round = 1; round <= rounds; round++)); do
  for tool in "${latency_tools[@]}"; do
    case $tool in
      samlint) latency_round "$tool" "$binary" check --cert "$cert" --format json "$response" ;;
      floor) latency_round "$tool" "$floor" "$cert" "$response" ;;
      python3_saml) latency_round "$tool" "$saml_python" tools/bench_python3_saml.py "$cert" "$response" ;;
      xmlsec1) latency_round "$tool" "${xmlsec1_cmd[@]}" "$response" ;;
    esac
  done
done
# one[TOOL]: the median wall time (ms); one_cpu[TOOL]: the mean user + system
# time (ms, hyperfine only), which the machine's load changes less.
declare -A one_cpu
for tool in "${latency_tools[@]}"; do
  one[$tool]=$(calc t t="$(median < "$work/times.$tool")" fmt=%.1f)
  cpu=""
  if [[ -s $work/cpu.$tool ]]; then
    one_cpu[$tool]=$(awk '{ s += $1 } END { printf "%.1f", s / NR }' "$work/cpu.$tool")
    cpu=" (CPU ${one_cpu[$tool]} ms)"
  fi
  case $tool in
    samlint) echo "samlint check --cert --format json: ${one[$tool]} ms$cpu" ;;
    floor) echo "floor: ${one[$tool]} ms$cpu" ;;
    python3_saml) echo "python3-saml: ${one[$tool]} ms$cpu" ;;
    xmlsec1) echo "xmlsec1 CLI: ${one[$tool]} ms$cpu" ;;
  esac
done

# --- 4. memory ----------------------------------------------------------------

echo "== 4. samlint's peak RSS by number of files (hard links to one response, --jobs $cores)"
declare -A rss
for count in $rss_counts; do
  populate "$work/rss$count" "$count"
  got=$( (rss_run "$work/rss" "$binary" check --cert "$cert" --format json --jobs "$cores" \
                 "$work/rss$count" || true) | count_verified)
  rss[$count]=$(mib "$work/rss")
  echo "$count files: peak RSS ${rss[$count]} MiB, $(verified "$got" "$count")," \
       "$(calc 'n / w' n="$count" w="$(cat "$work/rss.wall")") files/s"
  rm -rf "$work/rss$count" "$work/rss$count".*.xml
done

# --- 5. instructions ----------------------------------------------------------

declare -A ir
if ((callgrind_n > 0)) && command -v valgrind >/dev/null 2>&1; then
  echo "== 5. instructions per file (callgrind; samlint --jobs 1 over the same files as the floor)"
  populate "$work/cg1" 1
  populate "$work/cg$callgrind_n" "$callgrind_n"
  # instructions COUNT CMD...: the program's total instructions (Ir) over COUNT files.
  # instructions OUT CMD...: the program's total instructions (Ir); the profile is kept in OUT.
  instructions() {
    local out=$1
    shift
    valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>&1 || true
    callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'
  }
  for tool in samlint floor; do
    if [[ $tool == samlint ]]; then cmd=("$binary" check --cert "$cert" --format json --jobs 1)
    else cmd=("$floor" "$cert"); fi
    i1=$(instructions "$work/cg.$tool.1" "${cmd[@]}" "$work/cg1")
    iN=$(instructions "$work/cg.$tool" "${cmd[@]}" "$work/cg$callgrind_n")
    ir[$tool]=$(calc '(b - a) / (n - 1)' a="$i1" b="$iN" n="$callgrind_n")
    ir[${tool}_one]=$i1
    if [[ $tool == samlint ]]; then iN_samlint=$iN; else iN_floor=$iN; fi
    echo "$tool: $(calc 'b / n / 1e6' b="$iN" n="$callgrind_n" fmt=%.2f) M per file over $callgrind_n files" \
         "(start-up included), $(calc '(b - a) / (n - 1) / 1e6' a="$i1" b="$iN" n="$callgrind_n" fmt=%.2f) M" \
         "per added file, $(calc 'a / 1e6' a="$i1" fmt=%.1f) M for one file"
  done
  echo "samlint / floor, per added file: $(calc 'a / b' a="${ir[samlint]}" b="${ir[floor]}" fmt=%.2f)"
  # Where the instructions go: inclusive counts of the stages' functions over
  # the $callgrind_n-file runs, per file ("-": no such function, e.g. renamed).
  echo
  echo "| per file, inclusive (callgrind, $callgrind_n files) | samlint | floor |"
  echo "|---|---|---|"
  python3 -c '
import re, subprocess, sys
n = int(sys.argv[1])
def inclusive(profile):
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", profile],
                         capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+) \([ \d.%]+\)\s+(\S.*)$", line)
        if m:
            rows.append((int(m.group(1).replace(",", "")), m.group(2)))
    return rows
samlint, floor = inclusive(sys.argv[2]), inclusive(sys.argv[3])
def cell(rows, pattern):
    if not pattern:
        return "-"
    for ir, name in rows:  # largest first: callgrind_annotate sorts by Ir
        if re.search(pattern, name):
            return f"{ir / n / 1e6:.2f} M"
    return "-"
stages = [
    ("whole process (start-up shared by the files)", r"PROGRAM TOTALS", r"PROGRAM TOTALS"),
    ("decode the input (DecodeInput)", r"samlint::DecodeInput\(", None),
    ("facts: pugixml parse + extraction, every read (ExtractFacts)", r"samlint::ExtractFacts\(", None),
    ("  of which the verified bytes read again (SignedView)", r"::SignedView\(", None),
    ("signatures (VerifyResponse / VerifyDocument)", r"samlint::VerifyResponse\(", r"floor\.c:VerifyDocument"),
    ("  libxml2 parse (ParseHardened / xmlReadMemory)", r"samlint::xmlsec::ParseHardened\(", r"\bxmlReadMemory\b"),
    ("  xmlSecDSigCtxVerify", r"\bxmlSecDSigCtxVerify\b", r"\bxmlSecDSigCtxVerify\b"),
    ("judge: verdict, scenarios, diagnostics (JudgeResponse)", r"samlint::JudgeResponse\(", None),
    ("JSON report, one result (JsonEmitter::Result)", r"JsonEmitter::Result\(", None),
]
for label, s_pattern, f_pattern in stages:
    if label.startswith("whole"):
        s_cell = "%.2f M" % (int(sys.argv[4]) / n / 1e6)
        f_cell = "%.2f M" % (int(sys.argv[5]) / n / 1e6)
    else:
        s_cell, f_cell = cell(samlint, s_pattern), cell(floor, f_pattern)
    print(f"| {label} | {s_cell} | {f_cell} |")
' "$callgrind_n" "$work/cg.samlint" "$work/cg.floor" "$iN_samlint" "$iN_floor"
elif ((callgrind_n > 0)); then
  echo "== 5. instructions per file: skipped (valgrind is not installed)"
fi

# --- 6. summary ---------------------------------------------------------------

load_after=$(load)
fmt_rss() { [[ -n ${rss[$1]:-} ]] && echo "${rss[$1]} MiB" || echo "-"; }
read -r -a counts <<< "$rss_counts"
first=${counts[0]}
last=${counts[${#counts[@]} - 1]}
echo
echo "== summary (load average $load_before before, $load_after after; paste into docs/benchmarks.md)"
echo
header="| tool | files/s, 1 core | files/s, $cores cores | one file | peak RSS"
rule="|---|---|---|---|---"
for count in "${counts[@]}"; do
  header+=" | RSS $count"
  rule+="|---"
done
echo "$header |"
echo "$rule|"
rss_cells=""
dashes=""
for count in "${counts[@]}"; do
  rss_cells+=" | $(fmt_rss "$count")"
  dashes+=" | -"
done
# one_cell TOOL: "wall ms (CPU ms)"; cpu_cell KEY: "; N/CPU-s".
one_cell() { echo "${one[$1]} ms${one_cpu[$1]:+ (CPU ${one_cpu[$1]} ms)}"; }
cpu_cell() { echo "${per_cpu[$1]:+; ${per_cpu[$1]}/CPU-s}"; }
echo "| samlint \`check --cert --format json\` | ${rate[samlint_j1]} (\`--jobs 1\`$(cpu_cell samlint_j1)) | ${rate[samlint_j$cores]} (\`--jobs $cores\`) | $(one_cell samlint) | $rss_samlint MiB ($n files)$rss_cells |"
echo "| floor (bench/floor.c) | ${rate[floor_1]} ($(cpu_cell floor_1 | cut -c3-)) | ${rate[floor_all]} ($cores processes) | $(one_cell floor) | $rss_floor MiB ($n files)$dashes |"
if [[ -n $saml_python ]]; then
  echo "| python3-saml $saml_version, strict=False | ${rate[python3_saml]} (loop ${rate[python3_saml_loop]}) | - | $(one_cell python3_saml) | $rss_saml MiB ($n files)$dashes |"
else
  echo "| python3-saml | skipped: not installed | - | - | -$dashes |"
fi
if [[ -n ${xmlsec1_cmd:-} ]]; then
  echo "| xmlsec1 CLI, a process per file | ${rate[xmlsec1]} ($cli_n files) | - | $(one_cell xmlsec1) | $rss_xmlsec1 MiB (one file)$dashes |"
else
  echo "| xmlsec1 CLI | skipped: not installed | - | - | -$dashes |"
fi

# The fastest peer users would pick instead (the C rows of peers.md are floors, not tools).
peer=""
if [[ -f $peers ]]; then
  peer=$(python3 - "$peers" <<'PY'
import re, sys
column, best = None, None
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.startswith("|"):
        continue
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if cells[0] == "Tool":
        column = next((i for i, c in enumerate(cells) if c.startswith("files/s")), None)
        continue
    if column is None or len(cells) <= column or cells[0].startswith("C:"):
        continue
    m = re.search(r"\*\*([\d.]+)\*\*", cells[column])
    if m and (best is None or float(m.group(1)) > best[0]):
        best = (float(m.group(1)), cells[0])
if best:
    print(f"{best[0]:g}\t{best[1]}")
PY
)
fi

echo
echo "| ratio | value | target | met |"
echo "|---|---|---|---|"
# ratio LABEL VALUE OP TARGET
ratio() {
  local met
  met=$(awk -v v="$2" -v t="$4" -v op="$3" 'BEGIN { print ((op == ">=" ? v >= t : v <= t) ? "yes" : "no") }')
  echo "| $1 | $2 | $3 $4 | $met |"
}
ratio "bulk: samlint \`--jobs $cores\` / (floor per core × $cores cores)" \
      "$(calc 's / (f * c)' s="${rate[samlint_j$cores]}" f="${rate[floor_1]}" c="$cores" fmt=%.2f)" ">=" 0.8
ratio "bulk, one core: samlint \`--jobs 1\` / floor, 1 process" \
      "$(calc 's / f' s="${rate[samlint_j1]}" f="${rate[floor_1]}" fmt=%.2f)" ">=" 0.8
ratio "bulk: samlint \`--jobs $cores\` / floor in $cores processes (measured)" \
      "$(calc 's / f' s="${rate[samlint_j$cores]}" f="${rate[floor_all]}" fmt=%.2f)" ">=" 0.8
ratio "files per CPU-second (less load-dependent): samlint \`--jobs 1\` / floor" \
      "$(calc 's / f' s="${per_cpu[samlint_j1]}" f="${per_cpu[floor_1]}" fmt=%.2f)" ">=" 0.8
ratio "moonshot: samlint \`--jobs 1\` / floor, 1 process" \
      "$(calc 's / f' s="${rate[samlint_j1]}" f="${rate[floor_1]}" fmt=%.2f)" ">=" 1
if [[ -n $peer ]]; then
  ratio "bulk: samlint \`--jobs $cores\` / fastest peer in peers.md (${peer#*$'\t'}, ${peer%%$'\t'*} files/s)" \
        "$(calc 's / p' s="${rate[samlint_j$cores]}" p="${peer%%$'\t'*}" fmt=%.1f)" ">=" 10
elif [[ -n ${rate[python3_saml_loop]:-} ]]; then
  ratio "bulk: samlint \`--jobs $cores\` / python3-saml's loop measured here ($peers not found)" \
        "$(calc 's / p' s="${rate[samlint_j$cores]}" p="${rate[python3_saml_loop]}" fmt=%.1f)" ">=" 10
else
  echo "| bulk / fastest peer | skipped: $peers not found and python3-saml not installed | >= 10 | - |"
fi
ratio "one file: samlint / floor" "$(calc 's / f' s="${one[samlint]}" f="${one[floor]}" fmt=%.2f)" "<=" 1.2
if [[ -n ${one_cpu[samlint]:-} ]]; then
  ratio "one file, CPU time (user + system): samlint / floor" \
        "$(calc 's / f' s="${one_cpu[samlint]}" f="${one_cpu[floor]}" fmt=%.2f)" "<=" 1.2
fi
# Memory must not grow with the inputs: 20,000 files against 2,000 (else the
# largest count measured against the smallest).
small=$first
large=$last
if [[ -n ${rss[2000]:-} && -n ${rss[20000]:-} ]]; then small=2000 large=20000; fi
if ((${#counts[@]} > 1)); then
  ratio "peak RSS $large files / $small files" \
        "$(calc 'b / a' a="${rss[$small]}" b="${rss[$large]}" fmt=%.2f)" "<=" 1.5
fi
if [[ -n ${rss[100000]:-} ]]; then
  ratio "peak RSS at 100000 files (MiB)" "${rss[100000]}" "<=" 200
else
  echo "| peak RSS at 100000 files | not measured (SAMLINT_BENCH_RSS_FILES) | <= 200 MB | - |"
fi
if [[ -n ${ir[samlint]:-} ]]; then
  echo "| one file, instructions (callgrind): samlint / floor | $(calc 'a / 1e6' a="${ir[samlint_one]}" fmt=%.1f) M / $(calc 'b / 1e6' b="${ir[floor_one]}" fmt=%.1f) M = $(calc 'a / b' a="${ir[samlint_one]}" b="${ir[floor_one]}" fmt=%.2f) | <= 1.2 | $(awk -v a="${ir[samlint_one]}" -v b="${ir[floor_one]}" 'BEGIN { print (a / b <= 1.2 ? "yes" : "no") }') |"
  echo "| instructions per added file: samlint / floor (callgrind) | $(calc 'a / 1e6' a="${ir[samlint]}" fmt=%.2f) M / $(calc 'b / 1e6' b="${ir[floor]}" fmt=%.2f) M = $(calc 'a / b' a="${ir[samlint]}" b="${ir[floor]}" fmt=%.2f) | - | - |"
fi
