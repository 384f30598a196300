#pragma once
// Numbers and words as the report prints them. Negative numbers use the minus sign (U+2212), as a
// printed table does; a missing figure is an em dash.
#include "core/events.h"
#include "core/landmarks.h"
#include "report/report_document.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hemitrack::report {

inline constexpr std::string_view kMissing = "\u2014";  // em dash

std::string number(double value, int decimals);         // "12.5", "\u22123.0"
std::string signed_number(double value, int decimals);  // "+12.5", "\u22123.0", "0"
std::string number_or_missing(const std::optional<double>& value, int decimals, std::string_view unit = "");
// Events per hour: two decimals below 1 (0.07 is not 0.1), one above.
std::string rate_text(const std::optional<double>& per_hour);
std::string hours_text(double hours);  // "42.5 h", "0.4 h"
std::string seconds_text(double s);    // "0.42 s", "2.4 s", "14 s"
std::string clock_text(double s);      // time in a session: "4:05", "1:02:03"
// "\u221242% (\u221255 to \u221225)": the estimate, its unit, and the 95 % interval.
std::string change_text(const ChangeEstimate& change);

std::string side_text(Side side);                              // "right", "left"
std::string kind_text(EventKind kind);                         // "clonic", "tonic"
std::string regions_text(const std::vector<Region>& regions);  // "eye + mouth"
std::string capitalised(std::string text);

}  // namespace hemitrack::report
