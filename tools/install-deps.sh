#!/usr/bin/env bash
# Installs the Debian packages samlint builds, tests and benchmarks with.
# Safe to run twice: it installs only what is missing, and needs root (or sudo).
#
#   tools/install-deps.sh            everything: build, tests, browser test
#   tools/install-deps.sh --build    only what building the samlint binary needs
#                                    (the quick start, the GitHub Action, the
#                                    pre-commit hook)
#   tools/install-deps.sh --package  that, and what cpack needs for the .deb
#                                    (the Dockerfile's build stage)
set -euo pipefail

build=(
  build-essential cmake ninja-build pkg-config git
  libpugixml-dev          # facts: fast DOM with byte offsets
  libxml2-dev libxmlsec1-dev libxmlsec1-openssl libssl-dev  # signatures (xmlsec1 on OpenSSL)
  nlohmann-json3-dev      # JSON report
  libcli11-dev            # command line
  zlib1g-dev              # gzip CloudTrail logs
  libyaml-cpp-dev         # declarations: CloudFormation/ROS YAML (and JSON, with line numbers)
  libtomlplusplus-dev     # samlint.toml project config (TOML with line:column for every key)
  libgit2-dev             # .gitignore and .git/info/exclude read as git reads them (directories)
)
package=(
  file dpkg-dev           # cpack's .deb: dpkg-shlibdeps derives its Depends from the binary
)
tests=(
  libgtest-dev libgmock-dev libbenchmark-dev  # tests and benchmarks
  xmlsec1 openssl         # fixture generation and cross-checks
  python3                 # end-to-end test drivers
  python3-jsonschema      # SARIF 2.1.0 schema test (tests/report/validate_sarif.py)
  chromium chromium-driver  # the HTML report rendered in a real browser (tests/browser)
  python3-yaml            # reads action.yml in its test (tests/action)
  pre-commit              # the hook run the way pre-commit runs it (tests/precommit)
  clang-14 libclang-rt-14-dev  # libFuzzer harnesses (fuzz/, tools/fuzz)
  hyperfine time          # tools/bench.sh: one-file latency, peak RSS (GNU time)
  debootstrap             # a clean Debian 12 root the .deb and the Dockerfile are tried in (tests/package)
)

case "${1:-}" in
  --build) packages=("${build[@]}") ;;
  --package) packages=("${build[@]}" "${package[@]}") ;;
  "") packages=("${build[@]}" "${package[@]}" "${tests[@]}")
      # npm fetches the SARIF schema for its test (tools/fetch-test-assets.sh);
      # the machine's Node.js usually brings it, Debian's package otherwise.
      command -v npm >/dev/null 2>&1 || packages+=(npm) ;;
  *) echo "usage: install-deps.sh [--build | --package]" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
