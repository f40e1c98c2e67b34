// --statistics: the counts per rule and severity, as a table a person scans
// (most frequent first) and a script splits on white space.
#include <algorithm>
#include <string>
#include <string_view>

#include "samlint/report.h"

namespace samlint {

std::string StatisticsTable(const RunSummary& summary) {
  std::size_t count_width = 1;
  for (const RuleCount& row : summary.by_rule) {
    count_width = std::max(count_width, std::to_string(row.count).size());
  }
  std::string table;
  for (const RuleCount& row : summary.by_rule) {
    std::string count = std::to_string(row.count);
    std::string_view severity = SeverityName(row.severity);
    table.append(count_width - count.size(), ' ');
    table += count;
    table += "  ";
    table += severity;
    table.append(9 - severity.size(), ' ');
    table += row.rule;
    table += "\n";
  }
  return table;
}

}  // namespace samlint
