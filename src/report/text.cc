// The report for people: per input, per evaluation, the factors as a small bar
// chart against the target, what binds, what clamps, and how to fix it.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "report/emitters.h"
#include "samlint/duration.h"
#include "samlint/report.h"

namespace samlint {
namespace {

constexpr int kBarWidth = 24;

struct Palette {
  bool on = false;
  std::string_view Wrap(std::string_view code) const { return on ? code : std::string_view{}; }
  std::string_view Bold() const { return Wrap("\x1b[1m"); }
  std::string_view Dim() const { return Wrap("\x1b[2m"); }
  std::string_view Red() const { return Wrap("\x1b[31m"); }
  std::string_view Yellow() const { return Wrap("\x1b[33m"); }
  std::string_view Green() const { return Wrap("\x1b[32m"); }
  std::string_view Cyan() const { return Wrap("\x1b[36m"); }
  std::string_view Reset() const { return Wrap("\x1b[0m"); }
  std::string_view ForSeverity(Severity s) const {
    return s == Severity::kError ? Red() : s == Severity::kWarning ? Yellow() : Cyan();
  }
};

std::string Pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string PadLeft(std::string s, std::size_t width) {
  if (s.size() < width) s.insert(0, width - s.size(), ' ');
  return s;
}

// The resource part of a role ARN ("role/ops"), what tells roles apart in
// one response; the whole text when it is not an ARN.
std::string RoleResource(const std::string& arn) {
  std::size_t colon = arn.rfind(':');
  return colon == std::string::npos || colon + 1 == arn.size() ? arn : arn.substr(colon + 1);
}

std::string Origin(const Factor& f) {
  switch (f.origin) {
    case FactorOrigin::kDocument:
      return f.source ? "line " + std::to_string(f.source->line) : "document";
    case FactorOrigin::kDeclared:
      return f.via;
    case FactorOrigin::kDefault:
      return "assumed default";
    case FactorOrigin::kFixed:
      return "fixed cap";
  }
  return {};
}

class TextEmitter final : public Emitter {
 public:
  TextEmitter(std::ostream& out, ReportOptions options)
      : out_(out),
        summary_lines_(options.summary_lines),
        quiet_(options.quiet),
        statistics_(options.statistics) {
    p_.on = options.color;
  }

  void Begin() override {}

  void Result(const CheckResult& r) override {
    if (quiet_) {
      // --quiet: findings only, under their input's name.
      if (r.diagnostics.empty()) return;
      Header(r);
      out_ << "\n";
      for (const Diagnostic& d : r.diagnostics) Diagnostic_(d);
      out_ << "\n";
      return;
    }
    if (summary_lines_) {
      // Several inputs: one line per result, its findings under it, and a
      // blank line only where findings were.
      Header(r);
      SummaryLine(r);
      out_ << "\n";
      for (const Diagnostic& d : r.diagnostics) Diagnostic_(d);
      if (!r.diagnostics.empty()) out_ << "\n";
      blank_owed_ = r.diagnostics.empty();
      return;
    }
    Header(r);
    out_ << "\n";
    if (r.kind == ResultKind::kSamlResponse) {
      out_ << "  ";
      if (r.t_use)
        out_ << "time of use " << FormatDateTime(*r.t_use) << " (" << r.t_use_source << ")";
      else
        out_ << "time of use unknown";
      if (!r.subject.empty()) out_ << "; subject " << r.subject;
      if (r.signature) {
        out_ << "; signature " << r.signature->status;
        if (r.signature->algorithm) out_ << " (" << *r.signature->algorithm << ")";
      }
      out_ << "\n";
    }
    if (r.kind == ResultKind::kIdpConfig) {
      out_ << "  " << r.idp << " " << r.idp_client;
      if (r.t_use) out_ << "; signed in at " << FormatDateTime(*r.t_use) << " (--now)";
      if (r.signature) {
        out_ << "; signature " << r.signature->status << " (configuration";
        if (r.signature->algorithm) out_ << ", " << *r.signature->algorithm;
        out_ << ")";
      }
      out_ << "\n";
    }
    for (const Evaluation& e : r.evaluations) Evaluation_(e);
    if (!r.diagnostics.empty()) out_ << "\n";
    for (const Diagnostic& d : r.diagnostics) Diagnostic_(d);
    out_ << "\n";
  }

  void End(const RunSummary& s) override {
    if (!quiet_) {
      if (blank_owed_) out_ << "\n";
      out_ << s.checked << (s.checked == 1 ? " input" : " inputs") << " checked, " << s.skipped
           << " skipped: " << p_.ForSeverity(Severity::kError) << s.errors
           << (s.errors == 1 ? " error" : " errors") << p_.Reset() << ", " << s.warnings
           << (s.warnings == 1 ? " warning" : " warnings") << ", " << s.notes
           << (s.notes == 1 ? " note" : " notes");
      if (s.suppressed > 0) out_ << " (" << s.suppressed << " suppressed)";
      out_ << "\n";
    }
    if (statistics_) {
      std::string table = StatisticsTable(s);
      if (!table.empty() && !quiet_) out_ << "\n";
      out_ << table;
    }
    out_.flush();
  }

 private:
  // The input's name and what kind of input it was, without a line break.
  void Header(const CheckResult& r) {
    std::string name = r.input ? *r.input : std::string("(declarations)");
    if (!r.part.empty()) name += "#" + r.part;
    out_ << p_.Bold() << name << p_.Reset();
    std::vector<std::string> tags;
    if (r.kind != ResultKind::kSamlResponse) tags.emplace_back(ResultKindName(r.kind));
    if (r.cloud) tags.emplace_back(CloudName(*r.cloud));
    if (!r.encoding.empty() && r.encoding != "xml") tags.push_back(r.encoding);
    if (!tags.empty()) {
      out_ << p_.Dim() << "  (";
      for (std::size_t i = 0; i < tags.size(); ++i) out_ << (i ? ", " : "") << tags[i];
      out_ << ")" << p_.Reset();
    }
  }

  // After the header: each evaluation as "SCENARIO ROLE: LIFETIME, below
  // target T (FACTOR binds)" or "SCENARIO ROLE: rejected (RULE)", separated by "; ".
  void SummaryLine(const CheckResult& r) {
    std::map<std::string, std::set<std::string>> arns_by_name;
    for (const Evaluation& e : r.evaluations) {
      if (e.role) arns_by_name[RoleResource(*e.role)].insert(*e.role);
    }
    for (std::size_t i = 0; i < r.evaluations.size(); ++i) {
      const Evaluation& e = r.evaluations[i];
      out_ << (i == 0 ? "  " : "; ") << GetScenario(e.scenario).name;
      if (e.role) {
        std::string name = RoleResource(*e.role);
        out_ << " " << (arns_by_name[name].size() > 1 ? *e.role : name);
      }
      out_ << ": ";
      if (e.outcome == Outcome::kRejected) {
        out_ << p_.Red() << "rejected" << p_.Reset();
        if (!e.rejected_by.empty()) {
          out_ << " (";
          for (std::size_t j = 0; j < e.rejected_by.size(); ++j)
            out_ << (j ? ", " : "") << e.rejected_by[j];
          out_ << ")";
        }
        continue;
      }
      bool below = e.target_seconds && *e.effective_seconds < *e.target_seconds;
      out_ << (below ? p_.Red() : p_.Green()) << FormatDuration(*e.effective_seconds)
           << p_.Reset();
      if (e.target_seconds) {
        out_ << (below ? ", below target " : ", meets target ")
             << FormatDuration(*e.target_seconds);
      }
      if (!e.binding.empty()) {
        out_ << " (";
        for (std::size_t j = 0; j < e.binding.size(); ++j)
          out_ << (j ? " and " : "") << FactorKey(e.binding[j]);
        out_ << (e.binding.size() == 1 ? " binds)" : " bind)");
      }
    }
  }

  void Evaluation_(const Evaluation& e) {
    out_ << "\n  " << p_.Bold() << GetScenario(e.scenario).name << p_.Reset();
    if (e.role) out_ << "  " << *e.role;
    out_ << "\n    ";
    if (e.outcome == Outcome::kRejected) {
      out_ << p_.Red() << "rejected" << p_.Reset() << ": "
           << (GetScenario(e.scenario).cloud == Cloud::kGeneric
                   ? "the service provider refuses the response"
                   : "the cloud refuses the request");
      if (!e.rejected_by.empty()) {
        out_ << " (";
        for (std::size_t i = 0; i < e.rejected_by.size(); ++i)
          out_ << (i ? ", " : "") << e.rejected_by[i];
        out_ << ")";
      }
      out_ << "\n";
    } else if (!e.effective_seconds) {
      // saml:generic with no factor: the assertion leaves the length to the SP.
      out_ << "session not bounded by the assertion (the service provider decides)\n";
    } else {
      bool below = e.target_seconds && *e.effective_seconds < *e.target_seconds;
      out_ << "session " << (below ? p_.Red() : p_.Green()) << FormatDuration(*e.effective_seconds)
           << p_.Reset();
      if (e.target_seconds) {
        out_ << ", target " << FormatDuration(*e.target_seconds)
             << (below ? " (below target)" : " (meets target)");
      }
      out_ << "\n";
    }
    std::int64_t scale = e.target_seconds.value_or(0);
    for (const Factor& f : e.factors) scale = std::max(scale, f.seconds);
    for (const Factor& f : e.context) scale = std::max(scale, f.seconds);
    for (const Factor& f : e.factors) FactorLine(e, f, scale, false);
    for (const Factor& f : e.context) FactorLine(e, f, scale, true);
  }

  void FactorLine(const Evaluation& e, const Factor& f, std::int64_t scale, bool context) {
    bool binds =
        !context && std::find(e.binding.begin(), e.binding.end(), f.name) != e.binding.end();
    bool clamps = !context && std::find(e.clamps.begin(), e.clamps.end(), f.name) != e.clamps.end();
    out_ << "    " << (binds ? "> " : "  ");
    out_ << (binds ? p_.Bold() : std::string_view{}) << Pad(std::string(FactorKey(f.name)), 32)
         << PadLeft(FormatDuration(f.seconds), 10) << p_.Reset() << "  ";
    int filled = scale > 0 ? static_cast<int>((f.seconds * kBarWidth + scale - 1) / scale) : 0;
    int target_at = e.target_seconds && scale > 0
                        ? static_cast<int>((*e.target_seconds * kBarWidth) / scale)
                        : -1;
    out_ << (clamps ? p_.Red() : binds ? p_.Green() : p_.Dim());
    for (int i = 0; i < kBarWidth; ++i) {
      if (i == target_at && i >= filled) {
        out_ << p_.Reset() << "|" << (clamps ? p_.Red() : binds ? p_.Green() : p_.Dim());
      } else {
        out_ << (i < filled ? "#" : " ");
      }
    }
    out_ << p_.Reset() << "  " << Origin(f);
    std::vector<std::string> notes;
    if (binds) notes.emplace_back("binds");
    if (clamps) notes.emplace_back("below target");
    if (context) notes.emplace_back("context, does not limit");
    if (f.is_signed && f.origin == FactorOrigin::kDocument) {
      notes.emplace_back(*f.is_signed ? "signed" : "not verified");
    }
    if (!notes.empty()) {
      out_ << p_.Dim() << " [";
      for (std::size_t i = 0; i < notes.size(); ++i) out_ << (i ? ", " : "") << notes[i];
      out_ << "]" << p_.Reset();
    }
    out_ << "\n";
  }

  void Diagnostic_(const Diagnostic& d) {
    std::string where =
        d.location ? std::to_string(d.location->line) + ":" + std::to_string(d.location->column)
                   : "-";
    out_ << "  " << PadLeft(where, 7) << "  " << p_.ForSeverity(d.severity)
         << Pad(std::string(SeverityName(d.severity)), 8) << p_.Reset() << p_.Bold() << d.rule
         << p_.Reset();
    if (std::string scope = DiagnosticScope(d); !scope.empty())
      out_ << p_.Dim() << " [" << scope << "]" << p_.Reset();
    out_ << "\n           " << d.message << "\n";
    if (!d.fix.empty())
      out_ << "           " << p_.Green() << "fix: " << p_.Reset() << d.fix << "\n";
  }

  std::ostream& out_;
  Palette p_;
  bool summary_lines_ = false;
  bool quiet_ = false;
  bool statistics_ = false;
  bool blank_owed_ = false;  // the last summary line had no findings to end with a blank line
};

}  // namespace

std::unique_ptr<Emitter> MakeTextEmitter(std::ostream& out, ReportOptions options) {
  return std::make_unique<TextEmitter>(out, options);
}

}  // namespace samlint
