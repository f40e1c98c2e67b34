#!/usr/bin/env bash
# Quick start: installs the packages the build needs, builds the samlint binary
# (only the binary: tools/test.sh builds the tests), installs it on PATH and
# runs it on a bundled example whose session is clamped below its 8-hour target.
#
# Installs into /usr/local as root, into ~/.local otherwise; SAMLINT_PREFIX=DIR
# installs into DIR instead.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh --build
# The install preset: the binary alone, -O2 without debug info (which would
# add a third to the compile), warnings not fatal (a user's compiler may know
# warnings ours does not); tools/test.sh builds the tests in build/release.
cmake --preset install >/dev/null
cmake --build --preset install

if [[ -n ${SAMLINT_PREFIX:-} ]]; then prefix=$SAMLINT_PREFIX
elif [[ $(id -u) -eq 0 ]]; then prefix=/usr/local
else prefix=$HOME/.local
fi
cmake --install build/install --prefix "$prefix" --strip >/dev/null
echo "quickstart: installed $prefix/bin/samlint"

found=$(command -v samlint || true)
if [[ $found != "$prefix/bin/samlint" ]]; then
  if [[ -n $found ]]; then
    echo "quickstart: another samlint comes first on PATH ($found); this run uses $prefix/bin/samlint" >&2
  else
    echo "quickstart: $prefix/bin is not on PATH; add it, e.g. in ~/.profile:" >&2
    echo "    export PATH=\"$prefix/bin:\$PATH\"" >&2
  fi
  export PATH="$prefix/bin:$PATH"
  hash -r
fi

echo
echo "\$ samlint check testdata/examples/aliyun-console-clamped.xml --scenario aliyun:saml-console \\"
echo "      --login-session 6h --role-max-session 1h --target 8h"
echo
status=0
samlint check testdata/examples/aliyun-console-clamped.xml \
  --scenario aliyun:saml-console --login-session 6h --role-max-session 1h --target 8h || status=$?
# Exit 1 means "findings at error severity": exactly what this example shows.
if [[ $status -ne 1 ]]; then
  echo "quickstart: expected samlint to exit 1 (session below target), got $status" >&2
  exit 1
fi
echo
echo "samlint is installed (exit 1 above = the session is below its target): try \`samlint check --help\`."
