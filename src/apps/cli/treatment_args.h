#pragma once
// The command line of the Botox cycle's records, parsed once at the edge into plain values:
// `hemitrack treatments ...` and `hemitrack diary ...`.
#include "apps/cli/cli_args.h"
#include "core/hfs7.h"
#include "core/treatment.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace hemitrack {

// hemitrack treatments add --date YYYY-MM-DD (--botox | --decompression | --medication)
//                          [--product TEXT] [--dose MUSCLE:SIDE:UNITS]... [--note TEXT]
//                    | list | delete ID [--yes]
struct TreatmentsArgs {
  enum class Action { add, list, remove };
  Action action = Action::list;
  Treatment treatment;  // add: validated (Treatment::validate passes)
  std::int64_t id = 0;  // delete
  bool yes = false;     // delete without asking
};

// hemitrack diary hfs7 --date YYYY-MM-DD A1 A2 A3 A4 A5 A6 A7 [--note TEXT] | list | delete ID [--yes]
struct DiaryArgs {
  enum class Action { add_hfs7, list, remove };
  Action action = Action::list;
  Hfs7Answers answers;  // hfs7: validated (every answer 0..4)
  std::int64_t id = 0;  // delete
  bool yes = false;
};

using ParsedTreatmentsArgs = std::variant<TreatmentsArgs, HelpRequest, UsageError>;
// Requires: args[0] == "treatments".
ParsedTreatmentsArgs parse_treatments_args(const std::vector<std::string>& args);
std::string treatments_usage_text();

using ParsedDiaryArgs = std::variant<DiaryArgs, HelpRequest, UsageError>;
// Requires: args[0] == "diary".
ParsedDiaryArgs parse_diary_args(const std::vector<std::string>& args);
std::string diary_usage_text();

}  // namespace hemitrack
