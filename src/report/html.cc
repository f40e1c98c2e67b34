// The HTML report (--format html): one self-contained page, readable offline.
// First an overview table (input x scenario x role: lifetime, binding factor,
// outcome) linking to the sections; then per input a header, per evaluation
// an SVG timeline of the factors from t_use against the target (in a rejected
// evaluation, the factors the cloud refuses are marked instead of a binding
// one), the clamps with their fixes, then the diagnostics. Fix commands (the
// `quoted` parts of a fix) are set as code.
//
// The overview needs every result, so the sections are kept until End and
// the page is written then (the other formats stream).
//
// Everything printed that came from an input (messages quote SAML values,
// issuers, role ARNs, file names) is attacker-controlled, so every text goes
// through Escape(), and the page forbids scripts and remote loads with a
// Content-Security-Policy as a second line of defence. No JavaScript, no
// external fonts, styles or images.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/lifetime.h"
#include "identity/finding_identity.h"
#include "report/emitters.h"
#include "samlint/duration.h"
#include "samlint/report.h"
#include "samlint/rule_id.h"
#include "samlint/rules.h"
#include "samlint/version.h"

namespace samlint {

namespace {

// Text for HTML element content and quoted attribute values alike. C0
// controls other than tab, LF and CR are not allowed in HTML text; they
// become U+FFFD.
std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
            c == '\x7f') {
          out += "\xEF\xBF\xBD";
        } else {
          out.push_back(c);
        }
    }
  }
  return out;
}

std::string Origin(const Factor& f) {
  switch (f.origin) {
    case FactorOrigin::kDocument:
      return f.source ? "line " + std::to_string(f.source->line) : std::string("document");
    case FactorOrigin::kDeclared:
      return f.via.empty() ? std::string("declared") : f.via;
    case FactorOrigin::kDefault:
      return "assumed default";
    case FactorOrigin::kFixed:
      return "fixed cap";
  }
  return {};
}

bool Contains(const std::vector<FactorName>& names, FactorName name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// A fix with its `quoted` commands and values set as code; an unpaired
// backtick stays text.
std::string FixHtml(std::string_view fix) {
  std::string out;
  std::size_t at = 0;
  while (at < fix.size()) {
    std::size_t open = fix.find('`', at);
    std::size_t close = open == std::string_view::npos ? open : fix.find('`', open + 1);
    if (close == std::string_view::npos) {
      out += Escape(fix.substr(at));
      break;
    }
    out += Escape(fix.substr(at, open - at));
    out += "<code class=\"cmd\">" + Escape(fix.substr(open + 1, close - open - 1)) + "</code>";
    at = close + 1;
  }
  return out;
}

// The factors (or context values) of a rejected evaluation that its rules
// found the cloud would refuse.
std::vector<FactorName> Refused(const Evaluation& e) {
  std::vector<FactorName> out;
  if (e.outcome != Outcome::kRejected) return out;
  auto present = [&](FactorName name) {
    auto named = [&](const Factor& f) { return f.name == name; };
    return std::any_of(e.factors.begin(), e.factors.end(), named) ||
           std::any_of(e.context.begin(), e.context.end(), named);
  };
  for (const std::string& rule : e.rejected_by) {
    for (FactorName name : RefusedFactors(rule)) {
      if (present(name) && !Contains(out, name)) out.push_back(name);
    }
  }
  return out;
}

// A generous width of `text` in the timeline's 12px sans-serif (0.6em per
// character: wider than system-ui's average), so labels are never clipped.
int TextWidth(std::string_view text, bool bold) {
  return static_cast<int>(std::ceil(static_cast<double>(text.size()) * (bold ? 7.8 : 7.2)));
}

// A tick spacing that gives at most six intervals over [0, scale].
std::int64_t TickStep(std::int64_t scale) {
  constexpr std::array<std::int64_t, 14> kSteps = {60,     300,    900,     1800,    3600,
                                                   7200,   10800,  21600,   43200,   86400,
                                                   172800, 604800, 2592000, 31536000};
  for (std::int64_t step : kSteps) {
    if (scale / step <= 6) return step;
  }
  return kSteps.back();
}

constexpr std::string_view kStyle = R"css(
:root { --ink: #1b1f24; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --panel: #f6f8fa;
        --bind: #0b6bcb; --clamp: #cf222e; --ok: #1a7f37; --warn: #9a6700; --note: #0969da; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       background: var(--bg); margin: 0 auto; max-width: 70rem; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; overflow-wrap: anywhere; }
h4 { font-size: .95rem; margin: .75rem 0 .25rem; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
.muted { color: var(--muted); }
section.result { border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem;
                 margin: 1.25rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .25rem 0 .5rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line);
         overflow-wrap: anywhere; }
th { background: var(--panel); font-weight: 600; }
td.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; overflow-wrap: normal; }
td .scope { white-space: normal; overflow-wrap: anywhere; font-size: .8em; max-width: 16rem; }
th { white-space: nowrap; }
.sev { font-weight: 600; white-space: nowrap; }
.sev-error, .outcome-bad { color: var(--clamp); }
.sev-warning { color: var(--warn); }
.sev-note { color: var(--note); }
.outcome-good { color: var(--ok); }
.fix { background: var(--panel); border-left: 3px solid var(--ok); padding: .4rem .6rem; margin: .25rem 0; }
svg.timeline { display: block; width: 100%; max-width: 820px; height: auto; margin: .5rem 0; }
svg.timeline text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg.timeline text.value { fill: var(--muted); }
svg.timeline text.bind-label { font-weight: 700; }
svg.timeline .axis { stroke: var(--line); stroke-width: 1; }
svg.timeline .tuse { stroke: var(--ink); stroke-width: 1.5; }
svg.timeline .target { stroke: var(--clamp); stroke-width: 2; stroke-dasharray: 5 3; }
svg.timeline text.target-label { fill: var(--clamp); font-weight: 600; }
svg.timeline .observed { stroke: var(--ok); stroke-width: 2; stroke-dasharray: 1 3; }
svg.timeline text.observed-label { fill: var(--ok); font-weight: 600; }
svg.timeline rect.factor { fill: #8c959f; }
svg.timeline rect.context { fill: #d0d7de; stroke: #8c959f; stroke-dasharray: 3 2; }
svg.timeline rect.clamp { fill: #ff8182; }
svg.timeline rect.bind { fill: var(--bind); stroke: #033d8b; stroke-width: 2; }
svg.timeline rect.bind.clamp { fill: var(--clamp); stroke: #82071e; }
.legend { font-size: .85rem; color: var(--muted); margin: 0 0 .5rem; }
.swatch { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em; margin: 0 .25em 0 .75em;
          border-radius: 2px; }
footer { margin-top: 2rem; color: var(--muted); font-size: .9rem; }
code.cmd { background: var(--panel); border: 1px solid var(--line); border-radius: 3px;
           padding: 0 .25em; overflow-wrap: anywhere; }
.refuse { color: var(--clamp); font-weight: 700; }
tr.refuse td { background: #ffebe9; }
svg.timeline rect.refuse { fill: var(--clamp); stroke: #82071e; stroke-width: 2; stroke-dasharray: 4 2; }
svg.timeline text.refuse-label { fill: var(--clamp); font-weight: 700; }
section.overview { margin: 1.25rem 0; }
table.overview td { overflow-wrap: anywhere; }
)css";

class HtmlEmitter final : public Emitter {
 public:
  explicit HtmlEmitter(std::ostream& page) : page_(page) {}

  void Begin() override {
    page_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
             "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
          << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          << "<meta name=\"generator\" content=\"samlint " << Escape(Version()) << "\">\n"
          << "<title>samlint report</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
          << "<header>\n<h1>samlint report</h1>\n<p class=\"muted\">Session lifetimes of federated "
             "AWS and Alibaba Cloud sign-ins: each factor that caps a session, the one that binds, "
             "and what to change. Generated by samlint "
          << Escape(Version()) << ".</p>\n</header>\n<main>\n";
    page_.flush();
  }

  void Result(const CheckResult& r) override {
    ++result_number_;
    std::string id = "r" + std::to_string(result_number_);
    std::string name = r.input ? *r.input : std::string("(declarations)");
    if (!r.part.empty()) name += "#" + r.part;
    out_ << "<section class=\"result\" id=\"" << id << "\">\n<h2>" << Escape(name) << "</h2>\n";
    Header(r);
    int evaluation_number = 0;
    for (const Evaluation& e : r.evaluations) {
      std::string evaluation_id = id + "-e" + std::to_string(++evaluation_number);
      OverviewRow(name, id, &e, evaluation_id, r);
      EvaluationSection(r, e, evaluation_id);
    }
    if (r.evaluations.empty()) OverviewRow(name, id, nullptr, id, r);
    Diagnostics(r);
    out_ << "</section>\n";
  }

  void End(const RunSummary& s) override {
    if (!overview_.empty()) {
      page_ << "<section class=\"overview\" id=\"overview\">\n<h2>Overview</h2>\n"
            << "<table class=\"overview\">\n<thead><tr><th>input</th><th>scenario</th>"
               "<th>role</th><th>lifetime</th><th>binding</th><th>outcome</th></tr></thead>\n"
               "<tbody>\n"
            << overview_ << "</tbody>\n</table>\n</section>\n";
    }
    page_ << out_.str();
    out_.str(std::string());
    page_ << "</main>\n<footer>\n<p>" << s.checked << (s.checked == 1 ? " input" : " inputs")
          << " checked, " << s.skipped << " skipped: " << s.errors
          << (s.errors == 1 ? " error" : " errors") << ", " << s.warnings
          << (s.warnings == 1 ? " warning" : " warnings") << ", " << s.notes
          << (s.notes == 1 ? " note" : " notes") << ".</p>\n"
          << "<p>Rule documentation: <code>samlint rules RULE</code> or docs/rules.md in the "
             "samlint sources.</p>\n</footer>\n</body>\n</html>\n";
    page_.flush();
  }

 private:
  // One row of the overview: an evaluation, or (e == nullptr) a result that
  // has none, which names its kind and its worst findings instead.
  void OverviewRow(const std::string& name, const std::string& result_id, const Evaluation* e,
                   const std::string& anchor, const CheckResult& r) {
    std::string row = "<tr";
    const std::vector<FactorName> refused = e != nullptr ? Refused(*e) : std::vector<FactorName>{};
    if (e != nullptr && e->outcome == Outcome::kRejected) row += " class=\"refuse\"";
    row += "><td><a href=\"#" + result_id + "\">" + Escape(name) + "</a></td>";
    if (e == nullptr) {
      int errors = 0, warnings = 0;
      for (const Diagnostic& d : r.diagnostics) {
        errors += d.severity == Severity::kError ? 1 : 0;
        warnings += d.severity == Severity::kWarning ? 1 : 0;
      }
      std::string findings = std::to_string(errors) + (errors == 1 ? " error" : " errors") + ", " +
                             std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
      row +=
          "<td class=\"muted\">-</td><td class=\"muted\">-</td><td class=\"muted\">-</td>"
          "<td class=\"muted\">-</td><td><span class=\"" +
          std::string(errors > 0 ? "outcome-bad" : "muted") + "\">not evaluated (" +
          Escape(ResultKindName(r.kind)) + "): " + findings + "</span></td></tr>\n";
      overview_ += row;
      return;
    }
    row += "<td class=\"nowrap\"><a href=\"#" + anchor + "\"><code>" +
           Escape(GetScenario(e->scenario).name) + "</code></a></td>";
    row += "<td class=\"mono\">" + (e->role ? Escape(*e->role) : std::string("-")) + "</td>";
    if (e->outcome == Outcome::kRejected) {
      row += "<td class=\"muted\">-</td><td>";
      if (refused.empty()) row += "<span class=\"muted\">-</span>";
      for (std::size_t i = 0; i < refused.size(); ++i) {
        row += std::string(i ? ", " : "") + "<code class=\"refuse\">" +
               Escape(FactorKey(refused[i])) + "</code>";
      }
      row += refused.empty() ? "" : " <span class=\"refuse\">refused</span>";
      row += "</td><td><strong class=\"outcome-bad\">rejected</strong>";
      for (std::size_t i = 0; i < e->rejected_by.size(); ++i) {
        row += std::string(i ? ", " : " (") + "<code>" + Escape(e->rejected_by[i]) + "</code>";
      }
      row += e->rejected_by.empty() ? "" : ")";
      row += "</td></tr>\n";
      overview_ += row;
      return;
    }
    const bool below =
        e->effective_seconds && e->target_seconds && *e->effective_seconds < *e->target_seconds;
    row += "<td class=\"num\">" +
           (e->effective_seconds ? Escape(FormatDuration(*e->effective_seconds)) : "-") +
           "</td><td>";
    for (std::size_t i = 0; i < e->binding.size(); ++i) {
      row += std::string(i ? ", " : "") + "<code>" + Escape(FactorKey(e->binding[i])) + "</code>";
    }
    if (e->binding.empty()) row += "<span class=\"muted\">-</span>";
    row += "</td><td>";
    if (!e->target_seconds) {
      row += "<span class=\"outcome-good\">issued</span>";
    } else {
      row += std::string("<strong class=\"") +
             (below ? "outcome-bad\">below" : "outcome-good\">meets") + " the target</strong> " +
             Escape(FormatDuration(*e->target_seconds));
    }
    row += "</td></tr>\n";
    overview_ += row;
  }

  void Fact(std::string_view term, const std::string& value, bool mono = false) {
    out_ << "<dt>" << Escape(term) << "</dt><dd" << (mono ? " class=\"mono\"" : "") << ">"
         << Escape(value) << "</dd>\n";
  }

  void Header(const CheckResult& r) {
    out_ << "<dl class=\"facts\">\n";
    Fact("kind", std::string(ResultKindName(r.kind)));
    Fact("cloud", r.cloud ? std::string(CloudName(*r.cloud))
                          : std::string(r.cloud_undetected ? "not detected" : "-"));
    if (!r.encoding.empty()) Fact("encoding", r.encoding);
    if (r.signature) {
      std::string sig = r.signature->status;
      if (r.signature->algorithm) sig += ", " + *r.signature->algorithm;
      if (r.signature->digest) sig += " / " + *r.signature->digest;
      if (!r.signature->covers.empty()) {
        sig += "; covers ";
        for (std::size_t i = 0; i < r.signature->covers.size(); ++i) {
          sig += (i ? ", " : "") + r.signature->covers[i];
        }
      }
      Fact("signature", sig);
      if (r.signature->key) Fact("signing key", *r.signature->key, true);
    }
    if (!r.capture_url.empty()) Fact("captured at", r.capture_url, true);
    if (!r.capture_time.empty()) Fact("capture time", r.capture_time);
    if (r.t_use || r.kind == ResultKind::kSamlResponse) {
      Fact("time of use", r.t_use ? FormatDateTime(*r.t_use) +
                                        (r.t_use_source.empty() ? "" : " (" + r.t_use_source + ")")
                                  : std::string("unknown"));
    }
    if (!r.issuer.empty()) Fact("issuer", r.issuer, true);
    if (!r.subject.empty()) Fact("subject", r.subject, true);
    for (const RolePair& p : r.roles) {
      std::string signed_text = p.is_signed ? (*p.is_signed ? " (signed)" : " (not verified)") : "";
      Fact("role", p.role + " via " + p.provider + signed_text, true);
    }
    out_ << "</dl>\n";
  }

  void EvaluationSection(const CheckResult& r, const Evaluation& e, const std::string& id) {
    std::string_view scenario = GetScenario(e.scenario).name;
    out_ << "<h3 id=\"" << id << "\">" << Escape(scenario);
    if (e.role) out_ << " <span class=\"muted mono\">" << Escape(*e.role) << "</span>";
    out_ << "</h3>\n<p>";
    if (e.outcome == Outcome::kRejected) {
      out_ << "<strong class=\"outcome-bad\">rejected</strong>: "
           << (GetScenario(e.scenario).cloud == Cloud::kGeneric
                   ? "the service provider refuses the response"
                   : "the cloud refuses the request");
      if (!e.rejected_by.empty()) {
        out_ << " (";
        for (std::size_t i = 0; i < e.rejected_by.size(); ++i) {
          out_ << (i ? ", " : "") << "<code>" << Escape(e.rejected_by[i]) << "</code>";
        }
        out_ << ")";
      }
      const std::vector<FactorName> refused = Refused(e);
      if (!refused.empty()) {
        out_ << "; refused: ";
        for (std::size_t i = 0; i < refused.size(); ++i) {
          const Factor* f = FindFactor(e, refused[i]);
          out_ << (i ? ", " : "") << "<code class=\"refuse\">" << Escape(FactorKey(refused[i]))
               << "</code>";
          if (f != nullptr) out_ << " " << Escape(FormatDuration(f->seconds));
        }
      }
      out_ << ".";
    } else if (e.effective_seconds) {
      bool below = e.target_seconds && *e.effective_seconds < *e.target_seconds;
      out_ << "session <strong class=\"" << (below ? "outcome-bad" : "outcome-good") << "\">"
           << Escape(FormatDuration(*e.effective_seconds)) << "</strong>";
      if (e.target_seconds) {
        out_ << ", target " << Escape(FormatDuration(*e.target_seconds))
             << (below ? " (below target)" : " (meets target)");
      }
      if (!e.binding.empty()) {
        out_ << "; binding: ";
        for (std::size_t i = 0; i < e.binding.size(); ++i) {
          out_ << (i ? ", " : "") << "<code>" << Escape(FactorKey(e.binding[i])) << "</code>";
        }
      }
      out_ << ".";
    } else {
      // saml:generic with no factor: the assertion leaves the length to the SP.
      out_ << "session <strong>not bounded by the assertion</strong>: the service provider "
              "decides (see <code>lifetime-unbounded</code>).";
    }
    if (e.observed_seconds) {
      out_ << " The credentials really lasted <strong>"
           << Escape(FormatDuration(*e.observed_seconds)) << "</strong> (observed).";
    }
    out_ << "</p>\n";
    Timeline(e, id);
    FactorTable(e);
    Clamps(r, e);
  }

  // One bar per factor (then per context value) from t_use at the left, a
  // dashed line at the target; the binding factor outlined, clamps red.
  void Timeline(const Evaluation& e, const std::string& id) {
    std::vector<std::pair<const Factor*, bool>> rows;  // factor, is context
    for (const Factor& f : e.factors) rows.emplace_back(&f, false);
    for (const Factor& f : e.context) rows.emplace_back(&f, true);
    if (rows.empty()) return;

    std::int64_t scale = std::max<std::int64_t>(e.target_seconds.value_or(0), 1);
    for (const auto& row : rows) scale = std::max(scale, row.first->seconds);
    if (e.observed_seconds) scale = std::max(scale, *e.observed_seconds);

    const std::vector<FactorName> refused = Refused(e);
    // The label column and the room right of the bars grow with the longest
    // text, so that no label or value is clipped by the viewBox.
    int label_width = 245, value_width = 128;
    for (const auto& [f, context] : rows) {
      bool marked = (!context && Contains(e.binding, f->name)) || Contains(refused, f->name);
      label_width =
          std::max(label_width, TextWidth(Label(*f, context), marked) + (marked ? 16 : 0));
      value_width = std::max(value_width, TextWidth(ValueText(e, *f, context), false) + 6);
    }
    const int kLabelRight = label_width + 10, kX0 = kLabelRight + 10, kX1 = kX0 + 415;
    const int kWidth = kX1 + 6 + value_width + 8;
    constexpr int kTop = 30, kRow = 26, kBar = 16;
    const int height = kTop + static_cast<int>(rows.size()) * kRow + 30;
    auto x_at = [&](std::int64_t seconds) {
      return kX0 + static_cast<int>((static_cast<double>(seconds) / static_cast<double>(scale)) *
                                    (kX1 - kX0));
    };

    std::string title_id = id + "-timeline";
    out_ << "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << kWidth
         << " " << height << "\" width=\"" << kWidth << "\" height=\"" << height
         << "\" style=\"max-width:" << kWidth << "px\" role=\"img\" aria-labelledby=\"" << title_id
         << "\">\n<title id=\"" << title_id << "\">Factors of "
         << Escape(GetScenario(e.scenario).name) << " from the time of use";
    if (e.target_seconds)
      out_ << " against the target " << Escape(FormatDuration(*e.target_seconds));
    out_ << "</title>\n";

    // Axis: ticks in human units, t_use at 0.
    std::int64_t step = TickStep(scale);
    const int axis_bottom = kTop + static_cast<int>(rows.size()) * kRow;
    for (std::int64_t t = 0; t <= scale; t += step) {
      int x = x_at(t);
      out_ << "<line class=\"axis\" x1=\"" << x << "\" y1=\"" << kTop - 6 << "\" x2=\"" << x
           << "\" y2=\"" << axis_bottom << "\"/>"
           << "<text x=\"" << x << "\" y=\"" << kTop - 10 << "\" text-anchor=\"middle\">"
           << (t == 0 ? std::string("t_use") : Escape(FormatDuration(t))) << "</text>\n";
    }
    out_ << "<line class=\"tuse\" x1=\"" << kX0 << "\" y1=\"" << kTop - 6 << "\" x2=\"" << kX0
         << "\" y2=\"" << axis_bottom << "\"/>\n";

    int y = kTop;
    for (const auto& [f, context] : rows) {
      bool binds = !context && Contains(e.binding, f->name);
      bool clamps = !context && Contains(e.clamps, f->name);
      // A refused value may be context (a role maximum that only judges the request).
      bool refuses = Contains(refused, f->name);
      std::string cls = context ? "context" : "factor";
      if (clamps) cls = "clamp";
      if (binds) cls = clamps ? "bind clamp" : "bind";
      if (refuses) cls = "refuse";
      int bar_y = y + (kRow - kBar) / 2;
      int width = std::max(x_at(f->seconds) - kX0, f->seconds > 0 ? 1 : 0);
      std::string label = Label(*f, context);
      std::vector<std::string> notes;
      if (refuses) notes.emplace_back("refused by the cloud");
      if (binds) notes.emplace_back("binds");
      if (clamps) notes.emplace_back("below target");
      if (context) notes.emplace_back("context, does not limit");
      notes.push_back(Origin(*f));
      std::string tooltip = std::string(FactorKey(f->name)) + ": " + FormatDuration(f->seconds);
      for (const std::string& n : notes) tooltip += "; " + n;

      out_ << "<g data-factor=\"" << Escape(FactorKey(f->name)) << "\""
           << (binds ? " data-binds=\"true\"" : "") << (refuses ? " data-refused=\"true\"" : "")
           << ">\n<title>" << Escape(tooltip) << "</title>\n"
           << "<text x=\"" << kLabelRight << "\" y=\"" << bar_y + kBar - 3
           << "\" text-anchor=\"end\""
           << (refuses ? " class=\"refuse-label\""
               : binds ? " class=\"bind-label\""
                       : "")
           << ">"
           << (refuses ? "&#10006; "
               : binds ? "&#9654; "
                       : "")
           << Escape(label) << "</text>\n"
           << "<rect class=\"" << cls << "\" x=\"" << kX0 << "\" y=\"" << bar_y << "\" width=\""
           << width << "\" height=\"" << kBar << "\" rx=\"2\"/>\n"
           << "<text class=\"value\" x=\"" << kX0 + width + 6 << "\" y=\"" << bar_y + kBar - 3
           << "\">" << Escape(ValueText(e, *f, context)) << "</text>\n</g>\n";
      y += kRow;
    }

    if (e.target_seconds) {
      int x = x_at(*e.target_seconds);
      out_ << "<line class=\"target\" x1=\"" << x << "\" y1=\"" << kTop - 6 << "\" x2=\"" << x
           << "\" y2=\"" << axis_bottom + 6 << "\"/>"
           << "<text class=\"target-label\" x=\"" << x << "\" y=\"" << axis_bottom + 20
           << "\" text-anchor=\"middle\">target " << Escape(FormatDuration(*e.target_seconds))
           << "</text>\n";
    }
    if (e.observed_seconds) {
      int x = x_at(*e.observed_seconds);
      out_ << "<line class=\"observed\" x1=\"" << x << "\" y1=\"" << kTop - 6 << "\" x2=\"" << x
           << "\" y2=\"" << axis_bottom + 6 << "\"/>"
           << "<text class=\"observed-label\" x=\"" << x << "\" y=\"" << axis_bottom + 20
           << "\" text-anchor=\"" << (e.target_seconds ? "end" : "middle") << "\">observed "
           << Escape(FormatDuration(*e.observed_seconds)) << "</text>\n";
    }
    out_ << "</svg>\n<p class=\"legend\">"
         << "<span class=\"swatch\" style=\"background:#0b6bcb\"></span>binds"
         << "<span class=\"swatch\" style=\"background:#ff8182\"></span>below the target"
         << "<span class=\"swatch\" style=\"background:#cf222e\"></span>binds, below the target"
         << "<span class=\"swatch\" style=\"background:#8c959f\"></span>other factor"
         << "<span class=\"swatch\" style=\"background:#d0d7de\"></span>context, does not limit"
         << (refused.empty() ? ""
                             : "<span class=\"swatch\" style=\"background:#cf222e\"></span>"
                               "&#10006; refused by the cloud")
         << (e.target_seconds ? "; dashed line: the target" : "")
         << (e.observed_seconds ? "; dotted line: the lifetime observed" : "") << "</p>\n";
  }

  void FactorTable(const Evaluation& e) {
    if (e.factors.empty() && e.context.empty()) return;
    out_ << "<table>\n<thead><tr><th>factor</th><th>value</th><th>seconds</th><th>from</th>"
            "<th>signed</th><th>effect</th></tr></thead>\n<tbody>\n";
    const std::vector<FactorName> refused = Refused(e);
    auto row = [&](const Factor& f, bool context) {
      bool binds = !context && Contains(e.binding, f.name);
      bool clamps = !context && Contains(e.clamps, f.name);
      bool refuses = Contains(refused, f.name);
      std::string effect = context ? "context, does not limit" : "";
      if (refuses) effect = "refused by the cloud";
      if (binds) effect = "binds";
      if (clamps) effect += effect.empty() ? "below target" : ", below target";
      if (f.inferred) effect += effect.empty() ? "inferred" : ", inferred";
      std::string signed_text = f.is_signed ? (*f.is_signed ? "yes" : "no") : "-";
      out_ << (refuses ? "<tr class=\"refuse\">" : "<tr>") << "<td><code>"
           << Escape(FactorKey(f.name)) << "</code></td><td class=\"num\">"
           << Escape(FormatDuration(f.seconds)) << "</td><td class=\"num\">" << f.seconds
           << "</td><td>" << Escape(Origin(f)) << "</td><td>" << signed_text << "</td><td>"
           << (refuses ? "<strong class=\"refuse\">"
               : binds ? "<strong>"
                       : "")
           << Escape(effect) << (binds || refuses ? "</strong>" : "") << "</td></tr>\n";
    };
    for (const Factor& f : e.factors) row(f, false);
    for (const Factor& f : e.context) row(f, true);
    out_ << "</tbody>\n</table>\n";
  }

  // The factors below the target, tightest first, and the fixes that the
  // diagnostics of this evaluation carry (lifetime-below-target names every
  // setting to change; a rejecting rule says what the cloud refused).
  void Clamps(const CheckResult& r, const Evaluation& e) {
    std::string_view scenario = GetScenario(e.scenario).name;
    std::string role = e.role.value_or("");
    std::vector<const Diagnostic*> fixes;
    for (const Diagnostic& d : r.diagnostics) {
      if (d.fix.empty() || d.scenario != scenario || d.role != role) continue;
      bool rejecting =
          std::find(e.rejected_by.begin(), e.rejected_by.end(), d.rule) != e.rejected_by.end();
      if (d.rule == Rule::kLifetimeBelowTarget || rejecting) fixes.push_back(&d);
    }
    if (e.clamps.empty() && fixes.empty()) return;
    if (!e.clamps.empty()) {
      out_ << "<h4>Below the target</h4>\n<ul>\n";
      for (FactorName name : e.clamps) {
        auto it = std::find_if(e.factors.begin(), e.factors.end(),
                               [&](const Factor& f) { return f.name == name; });
        out_ << "<li><code>" << Escape(FactorKey(name)) << "</code>";
        if (it != e.factors.end()) {
          out_ << " " << Escape(FormatDuration(it->seconds));
          if (e.target_seconds && *e.target_seconds > it->seconds) {
            out_ << ", " << Escape(FormatDuration(*e.target_seconds - it->seconds))
                 << " short of the target";
          }
          out_ << " (" << Escape(Origin(*it)) << ")";
        }
        out_ << "</li>\n";
      }
      out_ << "</ul>\n";
    }
    if (!fixes.empty()) {
      out_ << "<h4>Fix</h4>\n";
      for (const Diagnostic* d : fixes) {
        out_ << "<div class=\"fix\"><code>" << Escape(d->rule) << "</code>: " << FixHtml(d->fix)
             << "</div>\n";
      }
    }
  }

  void Diagnostics(const CheckResult& r) {
    if (r.diagnostics.empty()) {
      out_ << "<p class=\"muted\">No findings.</p>\n";
      return;
    }
    bool positions_in_file = PositionsAreInFile(r);
    out_ << "<h3>Diagnostics</h3>\n<table>\n<thead><tr><th>severity</th><th>rule</th>"
            "<th>where</th><th>message</th><th>fix</th></tr></thead>\n<tbody>\n";
    for (const Diagnostic& d : r.diagnostics) {
      std::string_view severity = SeverityName(d.severity);
      std::string where = "-";
      if (d.location) {
        where = std::to_string(d.location->line) + ":" + std::to_string(d.location->column);
        if (!positions_in_file) where += " (decoded)";
      }
      std::string scenario = d.scenario;
      if (!d.role.empty()) scenario += (scenario.empty() ? "" : " ") + d.role;
      const RuleInfo* rule = FindRule(d.rule);
      out_ << "<tr><td class=\"sev sev-" << Escape(severity) << "\">" << Escape(severity)
           << "</td><td class=\"nowrap\"><code";
      if (rule != nullptr) out_ << " title=\"" << Escape(rule->summary) << "\"";
      out_ << ">" << Escape(d.rule) << "</code>";
      if (!scenario.empty())
        out_ << "<div class=\"scope mono muted\">" << Escape(scenario) << "</div>";
      out_ << "</td><td class=\"mono nowrap\">" << Escape(where) << "</td><td>" << Escape(d.message)
           << "</td><td>" << FixHtml(d.fix) << "</td></tr>\n";
    }
    out_ << "</tbody>\n</table>\n";
  }

  // The factor (or context value) named `name`, or nullptr.
  static const Factor* FindFactor(const Evaluation& e, FactorName name) {
    for (const std::vector<Factor>* list : {&e.factors, &e.context}) {
      for (const Factor& f : *list) {
        if (f.name == name) return &f;
      }
    }
    return nullptr;
  }

  static std::string Label(const Factor& f, bool context) {
    std::string label(FactorKey(f.name));
    if (f.assumed()) label += " (assumed)";
    if (f.inferred) label += " (inferred)";
    if (context) label += " (context)";
    return label;
  }

  static std::string ValueText(const Evaluation& e, const Factor& f, bool context) {
    bool clamps = !context && Contains(e.clamps, f.name);
    return FormatDuration(f.seconds) + (clamps ? " (below target)" : "");
  }

  std::ostream& page_;
  std::ostringstream out_;  // the sections, written after the overview at End
  std::string overview_;    // the overview table's rows
  int result_number_ = 0;
};

}  // namespace

std::unique_ptr<Emitter> MakeHtmlEmitter(std::ostream& out, ReportOptions options) {
  (void)options;
  return std::make_unique<HtmlEmitter>(out);
}

}  // namespace samlint
