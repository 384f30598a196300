#include "report/report_format.h"

#include <cmath>
#include <cstdio>

namespace hemitrack::report {
namespace {

constexpr std::string_view kMinus = "\u2212";

std::string plain(double magnitude, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, magnitude);
  return buf;
}

// Rounds first so that -0.04 with one decimal prints "0.0", not "-0.0".
bool negative_after_rounding(double value, int decimals) {
  return std::round(std::abs(value) * std::pow(10.0, decimals)) > 0.0 && value < 0.0;
}

}  // namespace

std::string number(double value, int decimals) {
  if (!std::isfinite(value)) return std::string(kMissing);
  const std::string digits = plain(std::abs(value), decimals);
  return negative_after_rounding(value, decimals) ? std::string(kMinus) + digits : digits;
}

std::string signed_number(double value, int decimals) {
  if (!std::isfinite(value)) return std::string(kMissing);
  const std::string digits = plain(std::abs(value), decimals);
  if (std::round(std::abs(value) * std::pow(10.0, decimals)) == 0.0) return digits;
  return (value < 0.0 ? std::string(kMinus) : std::string("+")) + digits;
}

std::string number_or_missing(const std::optional<double>& value, int decimals, std::string_view unit) {
  if (!value || !std::isfinite(*value)) return std::string(kMissing);
  return number(*value, decimals) + std::string(unit);
}

std::string rate_text(const std::optional<double>& per_hour) {
  if (!per_hour || !std::isfinite(*per_hour)) return std::string(kMissing);
  return number(*per_hour, std::abs(*per_hour) < 1.0 ? 2 : 1);
}

std::string hours_text(double hours) { return number(hours, hours < 100.0 ? 1 : 0) + " h"; }

std::string seconds_text(double s) {
  const int decimals = s < 1.0 ? 2 : s < 10.0 ? 1 : 0;
  return number(s, decimals) + " s";
}

std::string clock_text(double s) {
  const long total = std::lround(std::max(0.0, s));
  const long h = total / 3600, m = total / 60 % 60, sec = total % 60;
  char buf[32];
  if (h > 0)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", h, m, sec);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", m, sec);
  return buf;
}

std::string change_text(const ChangeEstimate& c) {
  return signed_number(c.estimate, c.decimals) + c.unit + " (" + signed_number(c.low, c.decimals) + " to " +
         signed_number(c.high, c.decimals) + ")";
}

std::string side_text(Side side) { return side == Side::right ? "right" : "left"; }
std::string kind_text(EventKind kind) { return kind == EventKind::tonic ? "tonic" : "clonic"; }

std::string regions_text(const std::vector<Region>& regions) {
  std::string text;
  for (Region r : regions) {
    if (!text.empty()) text += " + ";
    text += std::string(to_string(r));
  }
  return text.empty() ? std::string(kMissing) : text;
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

}  // namespace hemitrack::report
