// In-process throughput of the library on the inputs users run it on, with
// Google Benchmark: whole inputs (BM_*Response, BM_HarCapture), then one
// benchmark per stage of the data path for the signed response (BM_Stage*),
// whose times add up to about BM_SignedResponseVerified plus the report.
// Run: build/bench/samlint_bench (tools/bench.sh builds and runs it; see
// docs/benchmarks.md for the machine and the numbers recorded).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <variant>

#include "input/decode.h"
#include "parse/extract.h"
#include "pipeline/response_read.h"
#include "samlint/check.h"
#include "samlint/options.h"
#include "samlint/report.h"
#include "samlint/trust.h"
#include "trust/signature.h"

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

// The stages of the data path, each on the signed AWS response, each fed
// what the stage before it made (src/pipeline/check.cc's order):
// bytes -> DecodeInput -> ExtractFacts -> VerifyResponse -> JudgeResponse
// (trust verdict, evaluation, diagnostics, locations) -> the JSON emitter.
const char* const kSignedResponse = "trust/valid/aws-assertion-signed-sha256-exc.xml";
const char* const kSignedResponseCert = "trust/keys/idp-rsa2048.cert.pem";

void BM_Stage1_Decode(benchmark::State& state) {
  const std::string bytes = Read(kSignedResponse);
  for (auto _ : state) {
    samlint::DecodedInput decoded = samlint::DecodeInput(bytes);
    benchmark::DoNotOptimize(decoded);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes.size()));
}
BENCHMARK(BM_Stage1_Decode);

void BM_Stage2_ExtractFacts(benchmark::State& state) {
  const std::string xml = samlint::DecodeInput(Read(kSignedResponse)).xml;
  for (auto _ : state) {
    samlint::ExtractOutcome extracted = samlint::ExtractFacts(xml);
    if (extracted.status != samlint::ExtractStatus::kOk) state.SkipWithError("not extracted");
    benchmark::DoNotOptimize(extracted);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(xml.size()));
}
BENCHMARK(BM_Stage2_ExtractFacts);

// xmlsec1: the libxml2 parse it needs, then every signature that can matter.
void BM_Stage3_VerifySignatures(benchmark::State& state) {
  const std::string xml = samlint::DecodeInput(Read(kSignedResponse)).xml;
  const samlint::ResponseFacts facts = samlint::ExtractFacts(xml).facts;
  const samlint::CheckOptions options = Trusting(kSignedResponseCert);
  const samlint::AssertionFact* read = facts.assertions.empty() ? nullptr : &facts.assertions[0];
  for (auto _ : state) {
    samlint::VerifyOutcome outcome =
        samlint::VerifyResponse(xml, facts, read, *options.trust_store, options.limits);
    if (outcome.checks.empty() || !outcome.checks[0].valid) state.SkipWithError("not verified");
    benchmark::DoNotOptimize(outcome);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Stage3_VerifySignatures);

// Everything after the verification: trust verdict from the verified outcome
// (the same trust store, so nothing is verified again), values, scenarios,
// diagnostics, line:column.
void BM_Stage4_Judge(benchmark::State& state) {
  const std::string bytes = Read(kSignedResponse);
  const samlint::CheckOptions options = Trusting(kSignedResponseCert);
  auto read = samlint::ReadResponse("bench.xml", bytes, options);
  const auto* response = std::get_if<std::shared_ptr<const samlint::ResponseRead>>(&read);
  if (response == nullptr) throw std::runtime_error("the response could not be read");
  for (auto _ : state) {
    samlint::CheckResult result = samlint::JudgeResponse("bench.xml", **response, options);
    if (!result.signature || result.signature->status != "verified")
      state.SkipWithError("not verified");
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Stage4_Judge);

// Counts what it is given and keeps none of it.
class CountingBuffer : public std::streambuf {
 public:
  std::int64_t count() const { return count_; }

 protected:
  int_type overflow(int_type c) override {
    ++count_;
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    count_ += n;
    return n;
  }

 private:
  std::int64_t count_ = 0;
};

// One result written by the emitter `--format json` uses.
void BM_Stage5_JsonResult(benchmark::State& state) {
  const samlint::CheckResult result =
      samlint::CheckBytes("bench.xml", Read(kSignedResponse), Trusting(kSignedResponseCert));
  CountingBuffer buffer;
  std::ostream out(&buffer);
  auto emitter = samlint::MakeEmitter(samlint::ReportFormat::kJson, out, {});
  emitter->Begin();
  const std::int64_t before = buffer.count();
  for (auto _ : state) emitter->Result(result);
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(buffer.count() - before);
}
BENCHMARK(BM_Stage5_JsonResult);

}  // namespace

BENCHMARK_MAIN();
