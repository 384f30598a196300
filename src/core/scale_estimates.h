#pragma once
// Estimates of the clinical scales from measured figures. They are always called estimates: the
// scales are meant to be scored by a clinician who watches the patient and asks about daily life,
// and a camera sees neither the patient's whole day nor how disabling the spasms are. Each
// estimate carries one plain sentence saying what it rests on.
//
// Conservative by design: every grade needs all of its measured signs, so an estimate errs towards
// the lower grade. The thresholds are fixed, documented constants (no tuning per person or clip):
//
// Jankovic Rating Scale, frequency (0–4), anchors as published (DESIGN §2):
//   0 no eyelid twitches; 1 slightly increased blinking; 2 eyelid fluttering lasting < 1 s;
//   3 eyelid spasms lasting > 1 s, eye open more than 50 % of the time;
//   4 eye closed more than 50 % of the (waking) time.
//   Measured: 1 = brief (clonic) eyelid twitches only, fewer than kFrequentPerHour;
//   2 = brief twitches only, at least kFrequentPerHour; 3 = any tonic eyelid spasm;
//   4 = tonic spasms and the affected eye closed more than 50 % of the monitored time (the
//   spasms must be there: an eye shut for other reasons — dozing, looking down — is not HFS).
//
// Jankovic Rating Scale, severity (0–4): 0 none; 1 increased blinking; 2 mild, noticeable
//   fluttering without spasm; 3 moderate, very noticeable spasm, mildly incapacitating;
//   4 severe, incapacitating spasm of the lids and possibly other facial muscles.
//   Measured: 1 = eyelid twitches that are rare (< kFrequentPerHour) or shallow (the lid never
//   closes halfway, peak closure < kHalfClosed); 2 = frequent brief twitches that close the lid
//   at least halfway; 3 = tonic spasms that close the lid at least halfway; 4 = tonic spasms
//   with the eye closed at least kIncapacitatingClosedPct of the monitored time (the measurable
//   side of "incapacitating"). Spread never raises the severity on its own: the severity grades
//   how disabling the spasms are, and grade 4 names other muscles only as "possibly" involved.
//
// SMC grade (I–IV; score 1–4, 0 when no twitches were measured): I periocular only;
//   II spread to other facial muscles; III interferes with vision; IV disfigurement.
//   Measured: II = at least kMinPatternEvents events and kSpreadMinShare of them reaching the
//   mouth or the brow (a single coincidence is not spread); III = frequent tonic spasms (at least
//   kMinPatternEvents of them and kFrequentTonicPerHour) or the eye closed at least
//   kVisionClosedPct of the monitored time; IV is never assigned — disfigurement (lasting
//   asymmetry, a face pulled at rest) is not something the twitch measurements see.
//
// "Eyelid twitches" are the affected side's events except those of the mouth alone (brow events
// count: in HFS the brow moves with the closing eye).
#include "core/session_sample.h"
#include "core/trend.h"

#include <array>
#include <span>
#include <string>

namespace hemitrack {

constexpr double kFrequentPerHour = 6.0;           // one every ten minutes: more than a few extra blinks
constexpr double kHalfClosed = 0.5;                // peak closure (0 open .. 1 closed)
constexpr double kIncapacitatingClosedPct = 25.0;  // a quarter of the time unable to see with that eye
// Normal blinking keeps an eye shut about 3–5 % of the time (15–20 blinks a minute of ~0.15 s);
// three times that is a share a person notices in reading or driving.
constexpr double kVisionClosedPct = 15.0;
constexpr double kFrequentTonicPerHour = 2.0;
constexpr int kMinPatternEvents = 2;  // one event is a coincidence, not a pattern
constexpr double kSpreadMinShare = 0.10;

// What the estimates are computed from: the affected side over the sessions of interest.
struct ScaleInputs {
  double monitored_h = 0.0;
  int events = 0;                             // affected side
  int tonic = 0;                              // affected side's tonic events that involve the eye
  std::array<int, kSpreadCount> by_spread{};  // affected side, indexed by Spread
  double eye_closed_pct = 0.0;                // affected eye closed, % of monitored time
  double max_peak_closure = 0.0;              // highest peak closure among the affected side's events

  double events_per_hour() const { return monitored_h > 0.0 ? events / monitored_h : 0.0; }
  int eyelid_events() const { return events - by_spread[static_cast<std::size_t>(Spread::without_eye)]; }
  int spread_events() const;  // reaching the mouth or the brow
};

// Gathers ScaleInputs from every session given (the caller picks the period).
ScaleInputs scale_inputs(std::span<const SessionSample> sessions, Side affected);

struct ScaleEstimate {
  std::string scale;  // "Jankovic frequency (estimate)", ...
  int score = 0;
  int max = 4;
  std::string basis;       // one plain sentence: how it was estimated
  bool available = false;  // false without monitored time: nothing to estimate from
};

ScaleEstimate estimate_jankovic_frequency(const ScaleInputs& in);
ScaleEstimate estimate_jankovic_severity(const ScaleInputs& in);
ScaleEstimate estimate_smc_grade(const ScaleInputs& in);  // score 1..3 for grades I..III, 0 without twitches

}  // namespace hemitrack
