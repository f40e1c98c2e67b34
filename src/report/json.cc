// The JSON report of cli-contract.md, streamed one result at a time. Each
// result is written straight into one reused buffer (report/json_writer.h),
// byte for byte what nlohmann's dump of the same ordered tree was.
#include "identity/finding_identity.h"
#include "report/emitters.h"
#include "report/json_writer.h"
#include "samlint/report.h"
#include "samlint/suppress.h"
#include "samlint/version.h"

namespace samlint {
namespace {

void WriteLocation(JsonWriter& w, const std::optional<Location>& loc) {
  if (!loc) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Key("line").Int(loc->line);
  w.Key("column").Int(loc->column);
  w.EndObject();
}

void WriteOptionalString(JsonWriter& w, const std::optional<std::string>& s) {
  if (s) {
    w.String(*s);
  } else {
    w.Null();
  }
}

void WriteOptionalBool(JsonWriter& w, const std::optional<bool>& b) {
  if (b) {
    w.Bool(*b);
  } else {
    w.Null();
  }
}

void WriteOptionalInt(JsonWriter& w, const std::optional<std::int64_t>& i) {
  if (i) {
    w.Int(*i);
  } else {
    w.Null();
  }
}

void WriteFactorKeys(JsonWriter& w, const std::vector<FactorName>& names) {
  w.BeginArray();
  for (FactorName f : names) w.String(FactorKey(f));
  w.EndArray();
}

void WriteFactor(JsonWriter& w, const Factor& f) {
  w.BeginObject();
  w.Key("name").String(FactorKey(f.name));
  w.Key("seconds").Int(f.seconds);
  w.Key("assumed").Bool(f.assumed());
  WriteOptionalBool(w.Key("signed"), f.is_signed);
  if (f.source) WriteLocation(w.Key("source"), f.source);
  // Where a declared value comes from: the option, or a declarations file's path:line.
  if (f.origin == FactorOrigin::kDeclared && !f.via.empty()) w.Key("declared_in").String(f.via);
  if (f.inferred) w.Key("inferred").Bool(true);
  if (!f.configured_by.empty()) w.Key("configured_by").String(f.configured_by);
  w.EndObject();
}

void WriteFactors(JsonWriter& w, const std::vector<Factor>& factors) {
  w.BeginArray();
  for (const Factor& f : factors) WriteFactor(w, f);
  w.EndArray();
}

void WriteEvaluation(JsonWriter& w, const Evaluation& e) {
  w.BeginObject();
  w.Key("scenario").String(GetScenario(e.scenario).name);
  WriteOptionalString(w.Key("role"), e.role);
  WriteOptionalString(w.Key("provider"), e.provider);
  w.Key("outcome").String(e.outcome == Outcome::kIssued ? "issued" : "rejected");
  WriteOptionalInt(w.Key("effective_seconds"), e.effective_seconds);
  WriteOptionalInt(w.Key("target_seconds"), e.target_seconds);
  WriteFactorKeys(w.Key("binding"), e.binding);
  WriteFactorKeys(w.Key("clamps"), e.clamps);
  WriteFactors(w.Key("factors"), e.factors);
  WriteFactors(w.Key("context"), e.context);
  if (e.observed_seconds) w.Key("observed_seconds").Int(*e.observed_seconds);
  w.EndObject();
}

void WriteDiagnostic(JsonWriter& w, const Diagnostic& d, const std::string& fingerprint) {
  w.BeginObject();
  w.Key("rule").String(d.rule);
  w.Key("severity").String(SeverityName(d.severity));
  w.Key("message").String(d.message);
  if (!d.scenario.empty()) w.Key("scenario").String(d.scenario);
  if (!d.role.empty()) w.Key("role").String(d.role);
  WriteLocation(w.Key("location"), d.location);
  if (d.fix.empty()) {
    w.Key("fix").Null();
  } else {
    w.Key("fix").String(d.fix);
  }
  // The identity --baseline matches on (the same definition as SARIF's samlint/v1).
  w.Key("fingerprint").String(fingerprint);
  w.EndObject();
}

void WriteResult(JsonWriter& w, const CheckResult& r) {
  w.BeginObject();
  WriteOptionalString(w.Key("input"), r.input);
  if (!r.part.empty()) w.Key("part").String(r.part);
  w.Key("kind").String(ResultKindName(r.kind));
  if (r.cloud) {
    w.Key("cloud").String(CloudName(*r.cloud));
  } else {
    w.Key("cloud").Null();
  }
  if (r.kind == ResultKind::kIdpConfig) {
    w.Key("idp").String(r.idp);
    w.Key("idp_client").String(r.idp_client);
  }
  if (r.signature) {
    const SignatureSummary& s = *r.signature;
    w.Key("signature").BeginObject();
    w.Key("status").String(s.status);
    w.Key("covers").BeginArray();
    for (const std::string& c : s.covers) w.String(c);
    w.EndArray();
    WriteOptionalString(w.Key("algorithm"), s.algorithm);
    WriteOptionalString(w.Key("digest"), s.digest);
    WriteOptionalString(w.Key("key"), s.key);
    w.EndObject();
  }
  if (r.kind == ResultKind::kSamlResponse || r.kind == ResultKind::kStsRequest ||
      r.kind == ResultKind::kIdpConfig) {
    w.Key("roles").BeginArray();
    for (const RolePair& p : r.roles) {
      w.BeginObject();
      w.Key("role").String(p.role);
      w.Key("provider").String(p.provider);
      WriteOptionalBool(w.Key("signed"), p.is_signed);
      w.EndObject();
    }
    w.EndArray();
  }
  if (r.t_use) w.Key("t_use").String(FormatDateTime(*r.t_use));
  if (!r.capture_url.empty() || !r.capture_time.empty()) {
    w.Key("capture").BeginObject();
    w.Key("url").String(r.capture_url);
    w.Key("time").String(r.capture_time);
    w.EndObject();
  }
  w.Key("evaluations").BeginArray();
  for (const Evaluation& e : r.evaluations) WriteEvaluation(w, e);
  w.EndArray();
  w.Key("diagnostics").BeginArray();
  std::vector<std::string> fingerprints = ResultFingerprints(r, r.input.value_or(""));
  for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
    WriteDiagnostic(w, r.diagnostics[i], fingerprints[i]);
  }
  w.EndArray();
  if (r.suppressed > 0) w.Key("suppressed").Int(r.suppressed);
  w.EndObject();
}

class JsonEmitter final : public Emitter {
 public:
  explicit JsonEmitter(std::ostream& out) : out_(out) {}

  void Begin() override {
    std::string tool;
    JsonWriter w(tool);
    w.BeginObject();
    w.Key("name").String("samlint");
    w.Key("version").String(Version());
    w.EndObject();
    out_ << "{\n  \"tool\": " << tool << ",\n  \"results\": [";
  }

  void Result(const CheckResult& result) override {
    buffer_.assign(first_ ? "\n    " : ",\n    ");
    first_ = false;
    // The result's lines sit 4 spaces in, under "results".
    JsonWriter w(buffer_, 2, 4);
    WriteResult(w, result);
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

  void End(const RunSummary& summary) override {
    std::string counts;
    JsonWriter w(counts);
    w.BeginObject();
    w.Key("checked").Int(summary.checked);
    w.Key("skipped").Int(summary.skipped);
    w.Key("errors").Int(summary.errors);
    w.Key("warnings").Int(summary.warnings);
    w.Key("notes").Int(summary.notes);
    w.Key("suppressed").Int(summary.suppressed);
    w.EndObject();
    out_ << (first_ ? "],\n" : "\n  ],\n") << "  \"summary\": " << counts << "\n}\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::string buffer_;  // one result's text, reused so its capacity is allocated once
  bool first_ = true;
};

}  // namespace

std::string ResultToJson(const CheckResult& result, int indent) {
  std::string text;
  JsonWriter w(text, indent);
  WriteResult(w, result);
  return text;
}

std::unique_ptr<Emitter> MakeJsonEmitter(std::ostream& out) {
  return std::make_unique<JsonEmitter>(out);
}

}  // namespace samlint
