#pragma once
// Calendar dates for the treatment log, the diary and the trend. A date is a whole number of days
// since 1970-01-01 (UTC), so "weeks after the injection" is a subtraction; a moment is a
// fractional day on the same scale. Pure: the current date is the caller's business.
#include <optional>
#include <string>
#include <string_view>

namespace hemitrack {

using DayNumber = int;  // days since 1970-01-01

// "2026-03-03" -> its day number; none for anything else (including 2026-02-30).
std::optional<DayNumber> parse_date(std::string_view text);
// ISO-8601 UTC as the history stores it ("2026-03-03T10:30:00Z", fractional seconds allowed,
// a bare date allowed) -> fractional days; none when unreadable.
std::optional<double> parse_moment(std::string_view text);
std::string format_date(DayNumber day);       // "2026-03-03"
std::string format_date_long(DayNumber day);  // "3 March 2026"
std::string format_day_month(DayNumber day);  // "3 Mar"

}  // namespace hemitrack
