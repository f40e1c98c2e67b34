#!/usr/bin/env bash
# Fetches the test assets no Debian package ships, pinned and checked, into
# build/test-assets/ (outside the repository's sources, never committed):
#
#   sarif-2.1.0-rtm.5.json  the SARIF 2.1.0 JSON schema, from the MIT-licensed
#                           npm package @microsoft/jest-sarif@1.0.0-beta.0
#                           (lib/schemas/); tests/report/sarif_test.cc validates
#                           samlint's SARIF against it.
#
# Prints the schema's path on stdout. Safe to run twice: a file whose SHA-256
# matches is kept. Exits non-zero when the asset cannot be fetched or does not
# match its pinned digest.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly package="@microsoft/jest-sarif@1.0.0-beta.0"
readonly member="package/lib/schemas/sarif-2.1.0-rtm.5.json"
readonly sha256="2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8"
readonly dir="build/test-assets"
readonly schema="$dir/sarif-2.1.0-rtm.5.json"

matches() { [[ -f "$1" ]] && echo "$sha256  $1" | sha256sum --check --status; }

mkdir -p "$dir"
if ! matches "$schema"; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  # npm verifies the tarball against the registry's integrity hash.
  tarball=$(cd "$work" && npm pack --silent "$package" | tail -n 1)
  tar -xzf "$work/$tarball" -C "$work" "$member"
  if ! matches "$work/$member"; then
    echo "fetch-test-assets: $package: $member does not have the pinned SHA-256" >&2
    exit 1
  fi
  mv "$work/$member" "$schema"
fi
echo "$PWD/$schema"
