// report/json_writer: the direct JSON writer writes the bytes nlohmann's dump
// (ensure_ascii false, error_handler_t::replace) writes: strings escaped and
// invalid UTF-8 replaced the same way, the same layout at every indent, and the
// JSON report the same as the nlohmann tree it replaced.
#include "report/json_writer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "identity/finding_identity.h"
#include "report/emitters.h"
#include "samlint/report.h"
#include "samlint/version.h"

namespace samlint {
namespace {

using Json = nlohmann::ordered_json;

std::string Written(std::string_view s) {
  std::string out = "\"";
  AppendJsonEscaped(out, s);
  out += '"';
  return out;
}

std::string Dumped(std::string_view s) {
  return Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string Hex(std::string_view s) {
  std::string out;
  char byte[4];
  for (char c : s) {
    std::snprintf(byte, sizeof byte, "%02x ", static_cast<unsigned char>(c));
    out += byte;
  }
  return out;
}

#define EXPECT_ESCAPED_AS_NLOHMANN(s) EXPECT_EQ(Written(s), Dumped(s)) << "input bytes: " << Hex(s)

const std::string kFffd = "\xEF\xBF\xBD";

TEST(AppendJsonEscaped, EscapesEveryControlCharacterAsNlohmannDoes) {
  for (int c = 0; c < 0x20; ++c) {
    const std::string s(1, static_cast<char>(c));
    EXPECT_ESCAPED_AS_NLOHMANN(s);
  }
  EXPECT_EQ(Written(std::string_view("\0", 1)), "\"\\u0000\"");
  EXPECT_EQ(Written("\x1f"), "\"\\u001f\"");
  EXPECT_EQ(Written("\x0b"), "\"\\u000b\"");
  EXPECT_EQ(Written("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
}

TEST(AppendJsonEscaped, EscapesQuoteAndBackslashButNotSlashOrDelete) {
  EXPECT_EQ(Written("a\"b\\c/d\x7f"), "\"a\\\"b\\\\c/d\x7f\"");
  EXPECT_ESCAPED_AS_NLOHMANN("a\"b\\c/d\x7f");
}

TEST(AppendJsonEscaped, PassesValidUtf8Through) {
  const std::string valid =
      "\xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 \xEF\xBF\xBF "
      "\xF0\x90\x80\x80 \xF4\x8F\xBF\xBF \xE2\x82\xAC";
  EXPECT_EQ(Written(valid), "\"" + valid + "\"");
  EXPECT_ESCAPED_AS_NLOHMANN(valid);
}

TEST(AppendJsonEscaped, ReplacesEachInvalidSequenceAsNlohmannDoes) {
  struct Case {
    std::string in;
    std::string out;
  };
  const std::vector<Case> cases = {
      {"\x80", kFffd},                                      // lone continuation
      {std::string("a\xBF") + "b", "a" + kFffd + "b"},      // lone continuation inside
      {"\x80\x80", kFffd + kFffd},                          // two of them
      {"\xC0\xAF", kFffd + kFffd},                          // overlong '/', C0 never starts one
      {"\xC1\xBF", kFffd + kFffd},                          // overlong, C1
      {"\xE0\x80\xAF", kFffd + kFffd + kFffd},              // overlong 3-byte
      {"\xF0\x80\x80\xAF", kFffd + kFffd + kFffd + kFffd},  // overlong 4-byte
      {"\xED\xA0\x80", kFffd + kFffd + kFffd},              // surrogate U+D800
      {"\xED\xBF\xBF", kFffd + kFffd + kFffd},              // surrogate U+DFFF
      {"\xF4\x90\x80\x80", kFffd + kFffd + kFffd + kFffd},  // U+110000
      {"\xF5\x80\x80\x80", kFffd + kFffd + kFffd + kFffd},  // F5 starts nothing
      {"\xFF", kFffd},
      {std::string("\xE2\x82") + "A", kFffd + "A"},      // truncated, then ASCII read again
      {"\xE2\x82\xE2\x82\xAC", kFffd + "\xE2\x82\xAC"},  // truncated, then a valid lead
      {"\xF0\x9F\x98\"", kFffd + "\\\""},                // truncated, then a quote to escape
      {"\xC3\n", kFffd + "\\n"},                         // truncated, then a control character
      {"x\xC3", "x" + kFffd},                            // truncated at the end
      {"x\xE2\x82", "x" + kFffd},                        // truncated 3-byte at the end: one U+FFFD
      {"x\xF0\x9F\x98", "x" + kFffd},                    // truncated 4-byte at the end: one U+FFFD
      {"\xF0", kFffd},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Written(c.in), "\"" + c.out + "\"") << "input bytes: " << Hex(c.in);
    EXPECT_ESCAPED_AS_NLOHMANN(c.in);
  }
}

TEST(AppendJsonEscaped, MatchesNlohmannOnEveryOneAndTwoByteString) {
  for (int a = 0; a < 256; ++a) {
    const std::string one(1, static_cast<char>(a));
    EXPECT_ESCAPED_AS_NLOHMANN(one);
    for (int b = 0; b < 256; ++b) {
      const std::string two = one + static_cast<char>(b);
      ASSERT_EQ(Written(two), Dumped(two)) << "input bytes: " << Hex(two);
    }
  }
}

// Bytes at every boundary the UTF-8 rules draw, and a few ordinary ones.
const std::vector<unsigned char> kBoundaryBytes = {
    0x00, 0x08, 0x1f, 0x20, '"',  '\\', '/',  'a',  0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0,
    0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff};

TEST(AppendJsonEscaped, MatchesNlohmannOnEveryThreeAndFourByteStringOfBoundaryBytes) {
  const std::size_t n = kBoundaryBytes.size();
  std::string s(4, ' ');
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) {
      for (std::size_t c = 0; c < n; ++c) {
        s.assign({static_cast<char>(kBoundaryBytes[a]), static_cast<char>(kBoundaryBytes[b]),
                  static_cast<char>(kBoundaryBytes[c])});
        ASSERT_EQ(Written(s), Dumped(s)) << "input bytes: " << Hex(s);
        for (std::size_t d = 0; d < n; ++d) {
          s.resize(3);
          s += static_cast<char>(kBoundaryBytes[d]);
          ASSERT_EQ(Written(s), Dumped(s)) << "input bytes: " << Hex(s);
        }
      }
    }
  }
}

// A random string mixing ASCII, control characters, valid sequences of each
// length, and the pieces of broken ones.
std::string RandomString(std::mt19937& rng, std::size_t max_length) {
  static const std::vector<std::string> kPieces = {"a",
                                                   "Z",
                                                   " ",
                                                   "/",
                                                   "\"",
                                                   "\\",
                                                   "\n",
                                                   "\t",
                                                   std::string(1, '\0'),
                                                   "\x01",
                                                   "\x1f",
                                                   "\x7f",
                                                   "\xC3\xA9",
                                                   "\xE2\x82\xAC",
                                                   "\xF0\x9F\x98\x80",
                                                   "\xF4\x8F\xBF\xBF",
                                                   "\xED\x9F\xBF",
                                                   "\x80",
                                                   "\xBF",
                                                   "\xC0",
                                                   "\xC1",
                                                   "\xC2",
                                                   "\xE0",
                                                   "\xE0\xA0",
                                                   "\xED",
                                                   "\xED\xA0",
                                                   "\xF0",
                                                   "\xF0\x90",
                                                   "\xF0\x90\x80",
                                                   "\xF4",
                                                   "\xF4\x90",
                                                   "\xF5",
                                                   "\xFF",
                                                   "urn:oasis:names:tc:SAML"};
  std::uniform_int_distribution<std::size_t> length(0, max_length);
  std::uniform_int_distribution<std::size_t> piece(0, kPieces.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> coin(0, 3);
  std::string s;
  for (std::size_t i = length(rng); i > 0; --i) {
    if (coin(rng) == 0) {
      s += static_cast<char>(byte(rng));
    } else {
      s += kPieces[piece(rng)];
    }
  }
  return s;
}

TEST(AppendJsonEscaped, MatchesNlohmannOnRandomStrings) {
  std::mt19937 rng(12);
  for (int i = 0; i < 50000; ++i) {
    const std::string s = RandomString(rng, 24);
    ASSERT_EQ(Written(s), Dumped(s)) << "input bytes: " << Hex(s);
  }
}

// Writes `j` with the writer, as a caller builds a report.
void WriteTree(JsonWriter& w, const Json& j) {
  switch (j.type()) {
    case Json::value_t::object:
      w.BeginObject();
      for (const auto& [key, value] : j.items()) {
        w.Key(key);
        WriteTree(w, value);
      }
      w.EndObject();
      return;
    case Json::value_t::array:
      w.BeginArray();
      for (const Json& element : j) WriteTree(w, element);
      w.EndArray();
      return;
    case Json::value_t::string:
      w.String(j.get_ref<const std::string&>());
      return;
    case Json::value_t::boolean:
      w.Bool(j.get<bool>());
      return;
    case Json::value_t::number_integer:
      w.Int(j.get<std::int64_t>());
      return;
    case Json::value_t::null:
      w.Null();
      return;
    default:
      FAIL() << "no such value in a report: " << j.type_name();
  }
}

std::string WrittenTree(const Json& j, int indent, int margin = 0) {
  std::string out;
  JsonWriter w(out, indent, margin);
  WriteTree(w, j);
  return out;
}

TEST(JsonWriter, WritesEmptyContainersAsNlohmannDoes) {
  const Json j = {{"a", Json::array()}, {"o", Json::object()}, {"n", {Json::array()}}};
  for (int indent : {-1, 0, 2, 4}) EXPECT_EQ(WrittenTree(j, indent), j.dump(indent));
  EXPECT_EQ(WrittenTree(Json::object(), 2), "{}");
  EXPECT_EQ(WrittenTree(Json::array(), 2), "[]");
  EXPECT_EQ(WrittenTree(j, 2), "{\n  \"a\": [],\n  \"o\": {},\n  \"n\": [\n    []\n  ]\n}");
  EXPECT_EQ(WrittenTree(j, -1), "{\"a\":[],\"o\":{},\"n\":[[]]}");
}

TEST(JsonWriter, WritesIntegersAsNlohmannDoes) {
  for (std::int64_t i :
       {std::int64_t{0}, std::int64_t{-1}, std::int64_t{9}, std::int64_t{10}, std::int64_t{43200},
        std::int64_t{-86400}, std::numeric_limits<std::int64_t>::max(),
        std::numeric_limits<std::int64_t>::min()}) {
    EXPECT_EQ(WrittenTree(Json(i), 2), Json(i).dump(2));
  }
}

TEST(JsonWriter, AMarginIndentsEveryLineButTheFirst) {
  const Json j = {{"k", {1, {{"x", "a\nb"}}}}};
  std::string reindented;
  for (char c : j.dump(2)) {
    reindented += c;
    if (c == '\n') reindented += "    ";
  }
  EXPECT_EQ(WrittenTree(j, 2, 4), reindented);
}

TEST(JsonWriter, IndentsDeeperThanItsPreparedIndentation) {
  Json j = "leaf";
  for (int depth = 0; depth < 40; ++depth) j = Json{{"k", Json::array({j, depth})}};
  EXPECT_EQ(WrittenTree(j, 4), j.dump(4));
  std::string reindented;
  for (char c : j.dump(1)) {
    reindented += c;
    if (c == '\n') reindented += std::string(70, ' ');
  }
  EXPECT_EQ(WrittenTree(j, 1, 70), reindented);
}

// A random report-like tree: objects, arrays, strings, integers, booleans, nulls.
Json RandomTree(std::mt19937& rng, int depth) {
  std::uniform_int_distribution<int> kind(0, depth > 3 ? 3 : 5);
  std::uniform_int_distribution<int> size(0, 4);
  std::uniform_int_distribution<std::int64_t> number(-100000, 100000);
  switch (kind(rng)) {
    case 0:
      return RandomString(rng, 8);
    case 1:
      return number(rng);
    case 2:
      return number(rng) % 2 == 0;
    case 3:
      return nullptr;
    case 4: {
      Json a = Json::array();
      for (int i = size(rng); i > 0; --i) a.push_back(RandomTree(rng, depth + 1));
      return a;
    }
    default: {
      Json o = Json::object();
      for (int i = size(rng); i > 0; --i) {
        o[RandomString(rng, 4) + std::to_string(i)] = RandomTree(rng, depth + 1);
      }
      return o;
    }
  }
}

TEST(JsonWriter, MatchesNlohmannOnRandomTreesAtEveryIndent) {
  std::mt19937 rng(7);
  for (int i = 0; i < 3000; ++i) {
    const Json j = RandomTree(rng, 0);
    for (int indent : {-1, 0, 1, 2, 4}) {
      ASSERT_EQ(WrittenTree(j, indent), j.dump(indent, ' ', false, Json::error_handler_t::replace))
          << "indent " << indent;
    }
  }
}

// ---- The JSON report against the nlohmann tree it was built as before the
// direct writer (kept here as the oracle).

Json LocationTree(const std::optional<Location>& loc) {
  if (!loc) return nullptr;
  return Json{{"line", loc->line}, {"column", loc->column}};
}

Json OptionalStringTree(const std::optional<std::string>& s) {
  if (!s) return nullptr;
  return *s;
}

Json FactorTree(const Factor& f) {
  Json j;
  j["name"] = FactorKey(f.name);
  j["seconds"] = f.seconds;
  j["assumed"] = f.assumed();
  j["signed"] = f.is_signed ? Json(*f.is_signed) : Json(nullptr);
  if (f.source) j["source"] = LocationTree(f.source);
  if (f.origin == FactorOrigin::kDeclared && !f.via.empty()) j["declared_in"] = f.via;
  if (f.inferred) j["inferred"] = true;
  if (!f.configured_by.empty()) j["configured_by"] = f.configured_by;
  return j;
}

Json EvaluationTree(const Evaluation& e) {
  Json j;
  j["scenario"] = GetScenario(e.scenario).name;
  j["role"] = OptionalStringTree(e.role);
  j["provider"] = OptionalStringTree(e.provider);
  j["outcome"] = e.outcome == Outcome::kIssued ? "issued" : "rejected";
  j["effective_seconds"] = e.effective_seconds ? Json(*e.effective_seconds) : Json(nullptr);
  j["target_seconds"] = e.target_seconds ? Json(*e.target_seconds) : Json(nullptr);
  Json binding = Json::array();
  for (FactorName f : e.binding) binding.push_back(FactorKey(f));
  j["binding"] = std::move(binding);
  Json clamps = Json::array();
  for (FactorName f : e.clamps) clamps.push_back(FactorKey(f));
  j["clamps"] = std::move(clamps);
  Json factors = Json::array();
  for (const Factor& f : e.factors) factors.push_back(FactorTree(f));
  j["factors"] = std::move(factors);
  Json context = Json::array();
  for (const Factor& f : e.context) context.push_back(FactorTree(f));
  j["context"] = std::move(context);
  if (e.observed_seconds) j["observed_seconds"] = *e.observed_seconds;
  return j;
}

Json DiagnosticTree(const Diagnostic& d, const std::string& fingerprint) {
  Json j;
  j["rule"] = d.rule;
  j["severity"] = SeverityName(d.severity);
  j["message"] = d.message;
  if (!d.scenario.empty()) j["scenario"] = d.scenario;
  if (!d.role.empty()) j["role"] = d.role;
  j["location"] = LocationTree(d.location);
  j["fix"] = d.fix.empty() ? Json(nullptr) : Json(d.fix);
  j["fingerprint"] = fingerprint;
  return j;
}

Json ResultTree(const CheckResult& r) {
  Json j;
  j["input"] = OptionalStringTree(r.input);
  if (!r.part.empty()) j["part"] = r.part;
  j["kind"] = ResultKindName(r.kind);
  j["cloud"] = r.cloud ? Json(CloudName(*r.cloud)) : Json(nullptr);
  if (r.kind == ResultKind::kIdpConfig) {
    j["idp"] = r.idp;
    j["idp_client"] = r.idp_client;
  }
  if (r.signature) {
    const SignatureSummary& s = *r.signature;
    Json sig;
    sig["status"] = s.status;
    sig["covers"] = s.covers;
    sig["algorithm"] = OptionalStringTree(s.algorithm);
    sig["digest"] = OptionalStringTree(s.digest);
    sig["key"] = OptionalStringTree(s.key);
    j["signature"] = std::move(sig);
  }
  if (r.kind == ResultKind::kSamlResponse || r.kind == ResultKind::kStsRequest ||
      r.kind == ResultKind::kIdpConfig) {
    Json roles = Json::array();
    for (const RolePair& p : r.roles) {
      roles.push_back(Json{{"role", p.role},
                           {"provider", p.provider},
                           {"signed", p.is_signed ? Json(*p.is_signed) : Json(nullptr)}});
    }
    j["roles"] = std::move(roles);
  }
  if (r.t_use) j["t_use"] = FormatDateTime(*r.t_use);
  if (!r.capture_url.empty() || !r.capture_time.empty()) {
    j["capture"] = Json{{"url", r.capture_url}, {"time", r.capture_time}};
  }
  Json evaluations = Json::array();
  for (const Evaluation& e : r.evaluations) evaluations.push_back(EvaluationTree(e));
  j["evaluations"] = std::move(evaluations);
  Json diagnostics = Json::array();
  std::vector<std::string> fingerprints = ResultFingerprints(r, r.input.value_or(""));
  for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
    diagnostics.push_back(DiagnosticTree(r.diagnostics[i], fingerprints[i]));
  }
  j["diagnostics"] = std::move(diagnostics);
  if (r.suppressed > 0) j["suppressed"] = r.suppressed;
  return j;
}

// The report the JSON emitter wrote before the direct writer.
std::string ReferenceReport(const std::vector<CheckResult>& results, const RunSummary& summary) {
  Json tool{{"name", "samlint"}, {"version", std::string(Version())}};
  std::string out = "{\n  \"tool\": " + tool.dump() + ",\n  \"results\": [";
  bool first = true;
  for (const CheckResult& r : results) {
    out += first ? "\n" : ",\n";
    first = false;
    out += "    ";
    for (char c : ResultTree(r).dump(2, ' ', false, Json::error_handler_t::replace)) {
      out += c;
      if (c == '\n') out += "    ";
    }
  }
  Json counts{{"checked", summary.checked}, {"skipped", summary.skipped},
              {"errors", summary.errors},   {"warnings", summary.warnings},
              {"notes", summary.notes},     {"suppressed", summary.suppressed}};
  out += std::string(first ? "],\n" : "\n  ],\n") + "  \"summary\": " + counts.dump() + "\n}\n";
  return out;
}

template <typename T>
T Pick(std::mt19937& rng, int count) {
  return static_cast<T>(std::uniform_int_distribution<int>(0, count - 1)(rng));
}

bool Chance(std::mt19937& rng) { return std::uniform_int_distribution<int>(0, 1)(rng) == 1; }

std::optional<std::string> MaybeString(std::mt19937& rng) {
  if (Chance(rng)) return std::nullopt;
  return RandomString(rng, 12);
}

std::optional<Location> MaybeLocation(std::mt19937& rng) {
  if (Chance(rng)) return std::nullopt;
  std::uniform_int_distribution<int> n(0, 5000);
  return Location{n(rng), n(rng)};
}

Factor RandomFactor(std::mt19937& rng) {
  Factor f;
  f.name = Pick<FactorName>(rng, 7);
  f.seconds = std::uniform_int_distribution<std::int64_t>(-100, 200000)(rng);
  f.origin = Pick<FactorOrigin>(rng, 4);
  if (Chance(rng)) f.is_signed = Chance(rng);
  f.source = MaybeLocation(rng);
  if (Chance(rng)) f.via = RandomString(rng, 10);
  f.inferred = Chance(rng);
  if (Chance(rng)) f.configured_by = RandomString(rng, 10);
  return f;
}

CheckResult RandomResult(std::mt19937& rng) {
  std::uniform_int_distribution<int> few(0, 3);
  CheckResult r;
  r.input = MaybeString(rng);
  if (Chance(rng)) r.part = RandomString(rng, 6);
  r.kind = Pick<ResultKind>(rng, 8);
  if (Chance(rng)) r.cloud = Pick<Cloud>(rng, 2);
  r.idp = RandomString(rng, 6);
  r.idp_client = RandomString(rng, 6);
  if (Chance(rng)) {
    SignatureSummary s;
    s.status = RandomString(rng, 8);
    for (int i = few(rng); i > 0; --i) s.covers.push_back(RandomString(rng, 8));
    s.algorithm = MaybeString(rng);
    s.digest = MaybeString(rng);
    s.key = MaybeString(rng);
    r.signature = s;
  }
  for (int i = few(rng); i > 0; --i) {
    RolePair p;
    p.role = RandomString(rng, 10);
    p.provider = RandomString(rng, 10);
    if (Chance(rng)) p.is_signed = Chance(rng);
    r.roles.push_back(p);
  }
  if (Chance(rng)) {
    r.t_use = Timestamp{std::uniform_int_distribution<std::int64_t>(0, 4000000000000000)(rng)};
  }
  if (Chance(rng)) r.capture_url = RandomString(rng, 6);
  if (Chance(rng)) r.capture_time = RandomString(rng, 6);
  for (int i = few(rng); i > 0; --i) {
    Evaluation e;
    e.scenario = Pick<ScenarioId>(rng, 14);
    e.role = MaybeString(rng);
    e.provider = MaybeString(rng);
    e.outcome = Pick<Outcome>(rng, 2);
    if (Chance(rng))
      e.effective_seconds = std::uniform_int_distribution<std::int64_t>(0, 1 << 20)(rng);
    if (Chance(rng))
      e.target_seconds = std::uniform_int_distribution<std::int64_t>(0, 1 << 20)(rng);
    for (int k = few(rng); k > 0; --k) e.binding.push_back(Pick<FactorName>(rng, 7));
    for (int k = few(rng); k > 0; --k) e.clamps.push_back(Pick<FactorName>(rng, 7));
    for (int k = few(rng); k > 0; --k) e.factors.push_back(RandomFactor(rng));
    for (int k = few(rng); k > 0; --k) e.context.push_back(RandomFactor(rng));
    if (Chance(rng))
      e.observed_seconds = std::uniform_int_distribution<std::int64_t>(0, 1 << 20)(rng);
    r.evaluations.push_back(e);
  }
  for (int i = few(rng); i > 0; --i) {
    Diagnostic d;
    d.rule = RandomString(rng, 8);
    d.severity = Pick<Severity>(rng, 3);
    d.message = RandomString(rng, 30);
    if (Chance(rng)) d.scenario = RandomString(rng, 6);
    if (Chance(rng)) d.role = RandomString(rng, 6);
    d.location = MaybeLocation(rng);
    if (Chance(rng)) d.fix = RandomString(rng, 20);
    r.diagnostics.push_back(d);
  }
  if (Chance(rng)) r.suppressed = std::uniform_int_distribution<int>(-2, 5)(rng);
  return r;
}

TEST(ResultToJson, MatchesTheNlohmannTreeOnRandomResults) {
  std::mt19937 rng(2026);
  for (int i = 0; i < 2000; ++i) {
    const CheckResult r = RandomResult(rng);
    const Json tree = ResultTree(r);
    for (int indent : {-1, 0, 2}) {
      ASSERT_EQ(ResultToJson(r, indent),
                tree.dump(indent, ' ', false, Json::error_handler_t::replace))
          << "result " << i << " indent " << indent;
    }
  }
}

TEST(JsonEmitter, WritesTheBytesOfTheNlohmannTreesOnRandomResults) {
  std::mt19937 rng(5);
  for (int run = 0; run < 200; ++run) {
    std::vector<CheckResult> results;
    for (int i = Pick<int>(rng, 4); i > 0; --i) results.push_back(RandomResult(rng));
    std::uniform_int_distribution<int> count(0, 30);
    const RunSummary summary{count(rng), count(rng), count(rng),
                             count(rng), count(rng), count(rng), {}};
    std::ostringstream out;
    auto emitter = MakeJsonEmitter(out);
    emitter->Begin();
    for (const CheckResult& r : results) emitter->Result(r);
    emitter->End(summary);
    ASSERT_EQ(out.str(), ReferenceReport(results, summary)) << "run " << run;
  }
}

}  // namespace
}  // namespace samlint
