#include "core/calendar.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace hemitrack {
namespace {

// Howard Hinnant's days-from-civil and civil-from-days (proleptic Gregorian calendar).
DayNumber days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Civil {
  int year;
  unsigned month;
  unsigned day;
};

Civil civil_from_days(DayNumber z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(yoe) + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

unsigned days_in_month(int y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Digits only, exactly `width` of them.
std::optional<int> number(std::string_view text, std::size_t from, std::size_t width) {
  if (from + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = from; i < from + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

constexpr std::array<std::string_view, 12> kMonths = {"January",   "February", "March",    "April",
                                                      "May",       "June",     "July",     "August",
                                                      "September", "October",  "November", "December"};

}  // namespace

std::optional<DayNumber> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = number(text, 0, 4);
  const auto m = number(text, 5, 2);
  const auto d = number(text, 8, 2);
  if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1) return std::nullopt;
  if (static_cast<unsigned>(*d) > days_in_month(*y, static_cast<unsigned>(*m))) return std::nullopt;
  return days_from_civil(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d));
}

std::optional<double> parse_moment(std::string_view text) {
  const auto day = parse_date(text.substr(0, std::min<std::size_t>(10, text.size())));
  if (!day) return std::nullopt;
  if (text.size() == 10) return static_cast<double>(*day);
  // "T10:30:00" then optional ".fff", then "Z"
  if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text.back() != 'Z')
    return std::nullopt;
  const auto h = number(text, 11, 2);
  const auto mi = number(text, 14, 2);
  const auto s = number(text, 17, 2);
  if (!h || !mi || !s || *h > 23 || *mi > 59 || *s > 60) return std::nullopt;
  double seconds = *h * 3600.0 + *mi * 60.0 + *s;
  const std::string_view rest = text.substr(19, text.size() - 20);
  if (!rest.empty()) {
    if (rest[0] != '.' || rest.size() < 2) return std::nullopt;
    double scale = 0.1;
    for (char c : rest.substr(1)) {
      if (c < '0' || c > '9') return std::nullopt;
      seconds += (c - '0') * scale;
      scale /= 10.0;
    }
  }
  return *day + seconds / 86400.0;
}

std::string format_date(DayNumber day) {
  const Civil c = civil_from_days(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
  return buf;
}

std::string format_date_long(DayNumber day) {
  const Civil c = civil_from_days(day);
  return std::to_string(c.day) + " " + std::string(kMonths[c.month - 1]) + " " + std::to_string(c.year);
}

std::string format_day_month(DayNumber day) {
  const Civil c = civil_from_days(day);
  return std::to_string(c.day) + " " + std::string(kMonths[c.month - 1].substr(0, 3));
}

}  // namespace hemitrack
