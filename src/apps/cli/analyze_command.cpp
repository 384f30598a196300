#include "apps/cli/analyze_command.h"

#include "apps/cli/exit_codes.h"
#include "apps/cli/history_record.h"
#include "apps/cli/progress_bar.h"
#include "runtime/offline_analysis.h"
#include "storage/analysis_files.h"
#include "vision/frame_source.h"
#include "vision/model_locator.h"
#include "vision/shape_model.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <system_error>
#include <utility>
#include <vector>

namespace hemitrack {
namespace {

// Set by SIGINT/SIGTERM: the analysis stops at the next frame and writes what it has. A signal
// handler can only reach a global.
std::atomic<bool> g_stop_requested{false};
extern "C" void request_stop(int) { g_stop_requested = true; }

int fail(int code, const std::string& message) {
  std::cerr << "hemitrack: " << message << "\n";
  return code;
}

// Creates the folder and proves it takes a file, before minutes of analysis are spent.
std::optional<std::string> prepare_output(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return "output folder '" + dir.string() + "' cannot be created: " + ec.message();
  const auto probe = dir / ".hemitrack-write-test";
  {
    std::ofstream out(probe);
    if (!(out << "x")) return "output folder '" + dir.string() + "' is not writable";
  }
  std::filesystem::remove(probe, ec);
  return std::nullopt;
}

// How much of the recording the rates below stand on, and what kept the rest from being measured.
void print_measured_time(const SessionSummary& s) {
  if (s.duration_s <= 0.0) return;
  std::printf("  measured side to side: %.1f s (%.0f%%)", s.monitored_s, 100.0 * s.monitored_s / s.duration_s);
  std::vector<std::pair<double, NotMeasured>> lost;
  for (std::size_t i = 1; i < kNotMeasuredReasons; ++i)
    if (s.not_measured_s[i] >= 0.05) lost.emplace_back(s.not_measured_s[i], static_cast<NotMeasured>(i));
  std::sort(lost.begin(), lost.end(), std::greater<>());
  const auto phrase = [](NotMeasured why) {
    switch (why) {
      case NotMeasured::no_face: return "no face in view";
      case NotMeasured::head_turned: return "head turned too far";
      case NotMeasured::hard_to_follow: return "face hard to follow";
      case NotMeasured::moving: return "head moving";
      case NotMeasured::no: break;
    }
    return "";
  };
  for (std::size_t i = 0; i < lost.size(); ++i)
    std::printf("%s%s %.1f s", i == 0 ? "; not measured: " : ", ", phrase(lost[i].second), lost[i].first);
  std::printf("\n");
  if (s.monitored_s < 0.5 * s.duration_s)
    std::printf("  under half of the recording was measured: the rates below stand on %.1f s\n", s.monitored_s);
}

void print_summary(const OfflineResult& r, const std::filesystem::path& out_dir) {
  const SessionSummary& s = r.summary;
  const auto count = [&](Side side, int kind) { return s.events_by_side_kind[static_cast<std::size_t>(index_of(side))][static_cast<std::size_t>(kind)]; };
  std::printf("%s: %.1f s analysed, face found in %.0f%% of %lld frames\n", r.source.name.c_str(), r.duration_s,
              100.0 * r.face_found_fraction(), static_cast<long long>(r.frames));
  print_measured_time(s);
  std::printf("  one-sided twitches: %d  (right: %d clonic, %d tonic; left: %d clonic, %d tonic)\n", s.events_total,
              count(Side::right, 0), count(Side::right, 1), count(Side::left, 0), count(Side::left, 1));
  std::printf("  events per minute: %.1f   blinks: %d (%.1f per minute, not counted as twitches)\n",
              s.events_per_minute, s.blinks_total, s.blinks_per_minute);
  if (s.affected_side)
    std::printf("  affected side: %s; that eye closed %.1f%% of the time; longest event %.2f s\n",
                std::string(to_string(*s.affected_side)).c_str(), s.affected_eye_closed_pct,
                s.longest_event->duration_s());
  if (s.babinski_events > 0)
    std::printf("  brow rose with the closing eye (\"other Babinski sign\") in %d event%s\n", s.babinski_events,
                s.babinski_events == 1 ? "" : "s");
  std::printf("  results: %s\n", out_dir.string().c_str());
  std::printf("  hemitrack measures; it does not diagnose.\n");
}

}  // namespace

int run_analyze(const AnalyzeArgs& args) {
  SourceOrError opened = open_source(args.input, args.image_folder_fps);
  if (auto* err = std::get_if<SourceError>(&opened)) return fail(exit_code::input_unreadable, err->message);
  FrameSource& source = *std::get<std::unique_ptr<FrameSource>>(opened);

  const std::filesystem::path out_dir =
      args.output_dir.value_or(std::filesystem::path("hemitrack-results") / args.input.stem());
  if (auto problem = prepare_output(out_dir)) return fail(exit_code::output_unwritable, *problem);

  auto located = locate_shape_model(args.model);
  if (auto* err = std::get_if<ModelNotFound>(&located)) return fail(exit_code::model_missing, err->message);
  auto loaded = load_shape_predictor(std::get<std::filesystem::path>(located));
  if (auto* err = std::get_if<ModelLoadError>(&loaded)) return fail(exit_code::model_missing, err->message);

  AnalysisConfig config;
  config.mirrored = args.mirrored;
  AnalysisPipeline pipeline(std::get<std::shared_ptr<const ShapeModel>>(loaded), config);

  auto signals = SignalsCsvWriter::open(out_dir / "signals.csv");
  if (auto* err = std::get_if<WriteError>(&signals)) return fail(exit_code::output_unwritable, err->message);
  SignalsCsvWriter& signals_csv = std::get<SignalsCsvWriter>(signals);

  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  ProgressBar progress;
  std::vector<FrameSignals> signals_for_history;
  const OfflineResult result = analyze_offline(
      source, pipeline,
      [&](const FrameAnalysis& f) {
        signals_csv.write(f.index, f.signals);
        if (args.store) signals_for_history.push_back(f.signals);
      },
      [&](std::int64_t done, std::int64_t total) {
        if (!args.quiet) progress.update(done, total);
      },
      &g_stop_requested);
  progress.finish();

  if (result.frames == 0)
    return fail(exit_code::input_unreadable, "input '" + args.input.string() + "' has no decodable frames (truncated or corrupt)");

  AnalysisRecord record;
  record.source = args.input.string();
  record.fps = result.fps;
  record.frames = result.frames;
  record.duration_s = result.duration_s;
  record.face_found_fraction = result.face_found_fraction();
  record.mirrored = args.mirrored;
  record.damaged = result.damaged;
  record.interrupted = result.stopped;
  record.events = result.events;
  record.blinks = result.blinks;
  for (const auto& err : {signals_csv.close(), write_events_json(out_dir / "events.json", record),
                          write_events_csv(out_dir / "events.csv", record.events),
                          write_summary_json(out_dir / "summary.json", record, result.summary)})
    if (err) return fail(exit_code::output_unwritable, err->message);

  if (!args.quiet) print_summary(result, out_dir);
  std::optional<std::string> not_stored;
  if (args.store) {
    // Bulk writing: syncing every one-second chunk to the disk would make storing slower than analysing.
    StoreOptions options;
    options.sync_every_commit = false;
    auto opened = SessionStore::open(default_database_path(), options);
    if (auto* e = std::get_if<StoreError>(&opened)) {
      not_stored = e->message;
    } else {
      auto stored = record_analysis(std::get<SessionStore>(opened), result, signals_for_history, args.mirrored, args.tags);
      if (auto* e = std::get_if<StoreError>(&stored))
        not_stored = e->message;
      else if (!args.quiet)
        std::printf("  kept in the history as session %lld (hemitrack sessions show %lld)\n",
                    static_cast<long long>(std::get<SessionId>(stored)), static_cast<long long>(std::get<SessionId>(stored)));
    }
    // Said now, whatever else is reported below: the results files exist, the history lacks them.
    if (not_stored) std::cerr << "hemitrack: " << *not_stored << " (results files were written; the history was not)\n";
  }
  if (result.frames_with_face == 0)
    return fail(exit_code::no_face, "input '" + args.input.string() + "': no face found in any of its " +
                                        std::to_string(result.frames) + " frames");
  if (result.stopped)
    return fail(exit_code::interrupted, "analysis of '" + args.input.string() + "' interrupted after " +
                                            std::to_string(result.frames) + " frames; results up to there were written");
  if (result.damaged) {
    char when[64];
    std::snprintf(when, sizeof when, "%.2f", result.duration_s);
    return fail(exit_code::input_damaged, "input '" + args.input.string() + "' is damaged: decoding stopped after " +
                                              std::to_string(result.frames) + " of " +
                                              std::to_string(result.source.frame_count) + " frames (" + when +
                                              " s); results up to there were written");
  }
  return not_stored ? exit_code::not_stored : exit_code::ok;
}

}  // namespace hemitrack
