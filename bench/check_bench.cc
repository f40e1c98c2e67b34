// In-process throughput of the library on the inputs users run it on, with
// Google Benchmark. Run: build/bench/bench/samlint_bench (see docs/benchmarks.md
// for the command that builds it, the machine, and the numbers recorded).
#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "samlint/check.h"
#include "samlint/options.h"
#include "samlint/trust.h"

namespace {

std::string Read(const std::string& relative) {
  std::ifstream in(std::string(SAMLINT_TESTDATA) + "/" + relative, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

samlint::CheckOptions Trusting(const std::string& cert) {
  auto store = std::make_shared<samlint::TrustStore>();
  const samlint::Status added =
      samlint::AddCertificateFile(std::string(SAMLINT_TESTDATA) + "/" + cert, *store);
  if (!added.ok()) throw std::runtime_error(added.message());
  samlint::CheckOptions options;
  options.trust_store = std::move(store);
  return options;
}

void Run(benchmark::State& state, const std::string& bytes, const samlint::CheckOptions& options) {
  for (auto _ : state) {
    samlint::CheckResult result = samlint::CheckBytes("bench.xml", bytes, options);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes.size()));
}

// An unsigned Alibaba console response: decode, parse, evaluate, diagnose.
void BM_UnsignedResponse(benchmark::State& state) {
  samlint::CheckOptions options;
  options.target = 8 * 3600;
  Run(state, Read("examples/aliyun-console-clamped.xml"), options);
}
BENCHMARK(BM_UnsignedResponse);

// A signed AWS response checked against its trust anchor (RSA-2048, SHA-256,
// exclusive c14n): the peers' table measures the same work.
void BM_SignedResponseVerified(benchmark::State& state) {
  Run(state, Read("trust/valid/aws-assertion-signed-sha256-exc.xml"),
      Trusting("trust/keys/idp-rsa2048.cert.pem"));
}
BENCHMARK(BM_SignedResponseVerified);

// The same signed response without a trust anchor: everything but xmlsec1.
void BM_SignedResponseNotChecked(benchmark::State& state) {
  Run(state, Read("trust/valid/aws-assertion-signed-sha256-exc.xml"), samlint::CheckOptions{});
}
BENCHMARK(BM_SignedResponseNotChecked);

// A HAR capture of an AWS sign-in (the response among the browser's requests), through CheckInput.
void BM_HarCapture(benchmark::State& state) {
  std::string bytes = Read("artifacts/har/aws-signin.har");
  samlint::CheckOptions options;
  for (auto _ : state) {
    auto results = samlint::CheckInput("bench.har", bytes, options);
    benchmark::DoNotOptimize(results);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes.size()));
}
BENCHMARK(BM_HarCapture);

}  // namespace

BENCHMARK_MAIN();
