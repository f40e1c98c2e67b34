#!/usr/bin/env bash
# Writes every report samlint makes of testdata/ and ../shared/corpus into DIR,
# one file per input and format, so a refactoring can prove its reports are
# byte-identical:  tools/report-snapshot.sh /tmp/before  (on the old build)
#                  tools/report-snapshot.sh /tmp/after   (on the new build)
#                  diff -r /tmp/before /tmp/after
# Usage: tools/report-snapshot.sh DIR [SAMLINT]   (run from the repository root)
set -uo pipefail
out=${1:?usage: tools/report-snapshot.sh DIR [SAMLINT]}
samlint=${2:-build/release/samlint}
corpus=${SAMLINT_CORPUS:-../shared/corpus}
mkdir -p "$out"
here=$(pwd)

run() {  # NAME ARGS...: stdout, stderr and exit code of one run, paths made relative
  local name=$1; shift
  "$samlint" check --no-config --jobs 1 "$@" >"$out/$name.out" 2>"$out/$name.err"
  echo "exit $?" >>"$out/$name.err"
  sed -i "s#$here#<repo>#g" "$out/$name.out" "$out/$name.err"
}

n=0
while IFS= read -r -d '' f; do
  key=$(printf '%s' "$f" | tr '/' '_')
  for format in json text sarif github; do run "$key.$format" --format "$format" "$f"; done
  run "$key.aws" --format json --cloud aws --target 12h --role-max-session 4h "$f"
  n=$((n + 1))
done < <(find testdata -type f ! -name '*.md' -print0 | sort -z)

for d in testdata/*/; do
  key=$(printf '%s' "$d" | tr '/' '_')
  run "dir.$key.json" --format json "$d"
  run "dir.$key.text" --format text --color never "$d"
done
run "all.testdata.json" --format json testdata
run "all.testdata.sarif" --format sarif testdata

if [[ -d $corpus ]]; then
  while IFS= read -r -d '' f; do
    key=corpus$(printf '%s' "${f#"$corpus"}" | tr '/' '_')
    run "$key.json" --format json "$f"
    run "$key.text" --format text "$f"
  done < <(find "$corpus" -type f ! -name '*.md' ! -name 'MANIFEST*' -print0 | sort -z)
  run "all.corpus.json" --format json "$corpus"
fi
echo "report-snapshot: $n testdata files, $(ls "$out" | wc -l) files in $out"
