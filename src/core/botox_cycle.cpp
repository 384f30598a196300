#include "core/botox_cycle.h"

#include <algorithm>
#include <cassert>
#include <limits>

namespace hemitrack {

std::string_view label(BotoxPhase p) {
  switch (p) {
    case BotoxPhase::before_onset: return "waiting for effect";
    case BotoxPhase::taking_effect: return "taking effect";
    case BotoxPhase::peak: return "peak effect";
    case BotoxPhase::benefit: return "benefit";
    case BotoxPhase::wearing_off: return "wearing off";
  }
  return "";
}

namespace {

double phase_start(BotoxPhase p) {
  switch (p) {
    case BotoxPhase::before_onset: return 0.0;
    case BotoxPhase::taking_effect: return kBotoxOnsetDay;
    case BotoxPhase::peak: return kBotoxPeakDay;
    case BotoxPhase::benefit: return kBotoxBenefitDay;
    case BotoxPhase::wearing_off: return kBotoxWearingOffDay;
  }
  return 0.0;
}

double phase_end(BotoxPhase p) {
  switch (p) {
    case BotoxPhase::before_onset: return kBotoxOnsetDay;
    case BotoxPhase::taking_effect: return kBotoxPeakDay;
    case BotoxPhase::peak: return kBotoxBenefitDay;
    case BotoxPhase::benefit: return kBotoxWearingOffDay;
    case BotoxPhase::wearing_off: return std::numeric_limits<double>::infinity();
  }
  return 0.0;
}

}  // namespace

BotoxPhase phase_after(double days_since) {
  assert(days_since >= 0.0);
  BotoxPhase phase = BotoxPhase::before_onset;
  for (BotoxPhase p : kAllBotoxPhases)
    if (days_since >= phase_start(p)) phase = p;
  return phase;
}

std::vector<PhaseSpan> botox_phases(DayNumber injection, std::optional<DayNumber> next_injection, DayNumber until) {
  const double cut = next_injection ? std::min(*next_injection, until) : until;
  std::vector<PhaseSpan> spans;
  for (BotoxPhase p : kAllBotoxPhases) {
    const double from = injection + phase_start(p);
    if (from >= cut) break;
    spans.push_back({p, from, std::min(injection + phase_end(p), cut)});
  }
  return spans;
}

DayNumber next_injection_due(DayNumber injection) { return injection + kBotoxIntervalDays; }

std::optional<BotoxPhase> phase_on(double day, std::span<const Treatment> treatments) {
  std::optional<DayNumber> latest;
  for (const Treatment& t : treatments)
    if (t.kind == TreatmentKind::botox && t.day <= day && (!latest || t.day > *latest)) latest = t.day;
  if (!latest) return std::nullopt;
  return phase_after(day - *latest);
}

}  // namespace hemitrack
