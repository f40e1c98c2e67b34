#!/usr/bin/env bash
# Quick start: installs what is missing, builds samlint, and runs it on a
# bundled example whose session is clamped below its 8-hour target.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release

echo
echo "\$ samlint check testdata/examples/aliyun-console-clamped.xml --scenario aliyun:saml-console \\"
echo "      --login-session 6h --role-max-session 1h --target 8h"
echo
status=0
./build/release/samlint check testdata/examples/aliyun-console-clamped.xml \
  --scenario aliyun:saml-console --login-session 6h --role-max-session 1h --target 8h || status=$?
# Exit 1 means "findings at error severity": exactly what this example shows.
if [[ $status -ne 1 ]]; then
  echo "quickstart: expected samlint to exit 1 (session below target), got $status" >&2
  exit 1
fi
echo
echo "samlint is at ./build/release/samlint (exit 1 above = the session is below its target)."
