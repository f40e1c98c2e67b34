// Rule selection (--select, --extend-select, --ignore and their samlint.toml
// keys), resolved once per config into the set of rules left out.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "samlint/config.h"
#include "samlint/rule_id.h"
#include "samlint/rules.h"
#include "samlint/suppress.h"

namespace samlint {
namespace {

// The findings that say an input was not (fully) checked: selecting other
// rules must not make such an input pass, as ruff still reports syntax errors.
constexpr RuleId kAlwaysReported[] = {Rule::kInputUnreadable, Rule::kXmlMalformed,
                                      Rule::kLimitExceeded, Rule::kConfigInvalid};

bool AlwaysReported(std::string_view rule) {
  return std::any_of(std::begin(kAlwaysReported), std::end(kAlwaysReported),
                     [&](RuleId id) { return id == rule; });
}

// How specifically `selector` names `rule`: -1 when it does not, 0 for
// "ALL", else its length (an exact id is longer than any prefix of it).
int Specificity(std::string_view selector, std::string_view rule) {
  if (selector == "ALL") return 0;
  return rule.starts_with(selector) ? static_cast<int>(selector.size()) : -1;
}

int MostSpecific(const std::vector<std::string>& selectors, std::string_view rule) {
  int best = -1;
  for (const std::string& s : selectors) best = std::max(best, Specificity(s, rule));
  return best;
}

Status CheckSelectors(std::string_view option, const std::vector<std::string>& selectors) {
  for (const std::string& s : selectors) {
    if (SelectsAnyRule(s)) continue;
    std::vector<std::string> names = RuleSelectorNames();
    std::string near = NearestWord(s, {names.begin(), names.end()});
    return Status::Error(std::string(option) + ": '" + s + "' matches no rule" +
                         (near.empty() ? std::string() : " (did you mean '" + near + "'?)") +
                         "; run 'samlint rules' for the list");
  }
  return Status();
}

}  // namespace

Status RuleSelection::Apply(const RuleSelectors& layer) {
  if (layer.select) {
    if (Status s = CheckSelectors("--select", *layer.select); !s.ok()) return s;
  }
  if (Status s = CheckSelectors("--extend-select", layer.extend_select); !s.ok()) return s;
  if (Status s = CheckSelectors("--ignore", layer.ignore); !s.ok()) return s;

  std::set<std::string, std::less<>> unselected;
  for (const RuleInfo& info : AllRules()) {
    const std::string_view rule = info.id;
    // What this layer selects the rule with; the layers before count as "ALL".
    int selected = MostSpecific(layer.extend_select, rule);
    if (layer.select) {
      selected = std::max(selected, MostSpecific(*layer.select, rule));
    } else if (Selected(rule)) {
      selected = std::max(selected, 0);
    }
    bool keep;
    if (AlwaysReported(rule)) {
      bool named = std::find(layer.ignore.begin(), layer.ignore.end(), rule) != layer.ignore.end();
      keep = !named && (Selected(rule) || selected >= 0);
    } else {
      keep = selected >= 0 && selected > MostSpecific(layer.ignore, rule);
    }
    if (!keep) unselected.emplace(rule);
  }
  unselected_ = std::move(unselected);
  return Status();
}

void ApplyRuleSelection(CheckResult& result, const RuleSelection& selection) {
  if (selection.unselected().empty()) return;
  std::erase_if(result.diagnostics,
                [&](const Diagnostic& d) { return !selection.Selected(d.rule); });
}

}  // namespace samlint
