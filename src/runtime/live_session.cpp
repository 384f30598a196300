#include "runtime/live_session.h"

#include "runtime/frame_handover.h"
#include "vision/model_locator.h"
#include "vision/shape_model.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <deque>
#include <mutex>
#include <thread>

namespace hemitrack {

std::string_view to_string(LiveState state) {
  switch (state) {
    case LiveState::loading_model: return "loading model";
    case LiveState::model_error: return "model error";
    case LiveState::opening_source: return "opening source";
    case LiveState::source_error: return "source error";
    case LiveState::running: return "running";
    case LiveState::camera_lost: return "camera lost";
    case LiveState::finished: return "finished";
  }
  return "unknown";
}

namespace {

constexpr auto kCameraRetry = std::chrono::milliseconds(1000);

struct Captured {
  Frame frame;
  LiveClock::time_point captured_at;
  int epoch = 0;             // which capture run the frame came from
  bool new_session = false;  // the run starts a new session (a file, or after one)
  bool end = false;          // the file ended: no frame, finish the session
  bool damaged = false;
};

// Events per second over a sliding window of timestamps.
class RateMeter {
 public:
  void tick(LiveClock::time_point t) {
    times_.push_back(t);
    while (!times_.empty() && t - times_.front() > std::chrono::seconds(2)) times_.pop_front();
  }
  // Falls to zero when the ticks stop (a camera that was unplugged).
  double rate(LiveClock::time_point now) const {
    if (times_.size() < 2 || now - times_.back() > std::chrono::seconds(1)) return 0.0;
    const double span = std::chrono::duration<double>(times_.back() - times_.front()).count();
    return span > 0 ? (times_.size() - 1) / span : 0.0;
  }

 private:
  std::deque<LiveClock::time_point> times_;
};

double median_of(std::deque<double> values) {
  if (values.empty()) return 0.0;
  auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), mid, values.end());
  return *mid;
}

}  // namespace

struct LiveSession::Shared {
  explicit Shared(LiveOptions o) : options(std::move(o)), handover(FrameHandover<Captured>::Policy::latest_wins) {}

  LiveOptions options;
  FrameHandover<Captured> handover;
  const LiveClock::time_point session_clock_start = LiveClock::now();

  std::mutex mutex;  // guards everything below up to the threads
  LiveUpdate pending;
  // The model's state outranks the source's: a running camera means nothing without the model.
  LiveState model_state = LiveState::loading_model;  // loading_model, model_error, or running once loaded
  std::string model_message = "Loading the face model...";
  LiveState source_state = LiveState::opening_source;
  std::string source_message;
  std::function<void()> wakeup;
  RateMeter capture_rate;
  RateMeter analysis_rate;
  std::int64_t captured = 0;
  std::int64_t dropped_before_analysis = 0;  // frames dropped while the model was still loading
  std::optional<std::int64_t> dropped_at_warmup;  // handover.dropped() when warm-up ended

  std::atomic<bool> stopping{false};
  std::atomic<bool> capture_stop{false};
  std::atomic<bool> recalibrate{false};
  std::atomic<double> record_request{0.0};  // seconds of a manual clip asked for
  std::atomic<bool> playing_file{false};
  int epoch = 0;
  std::thread capture_thread;
  std::thread analysis_thread;

  void set_state(LiveState state, std::string message) {
    std::function<void()> wake;
    {
      std::lock_guard lock(mutex);
      const bool model = state == LiveState::loading_model || state == LiveState::model_error;
      (model ? model_state : source_state) = state;
      (model ? model_message : source_message) = std::move(message);
      wake = wakeup;
    }
    if (wake) wake();
  }

  void start_capture(LiveSource source, bool new_session) {
    capture_stop = false;
    const int run = ++epoch;
    capture_thread = std::thread([this, source = std::move(source), run, new_session] { capture(source, run, new_session); });
  }

  void stop_capture() {
    capture_stop = true;
    // A file reader may be waiting for analysis to take its frame: let it through so it sees the stop.
    handover.set_policy(FrameHandover<Captured>::Policy::latest_wins);
    if (capture_thread.joinable()) capture_thread.join();
  }

  std::unique_ptr<FrameSource> open(const LiveSource& source, bool& demo) {
    demo = false;
    set_state(LiveState::opening_source, {});
    if (source.kind == LiveSource::Kind::camera) {
      SourceOrError cam = source.open_camera(source.camera_index, source.width, source.height);
      if (auto* ok = std::get_if<std::unique_ptr<FrameSource>>(&cam)) return std::move(*ok);
      if (!source.fallback_file) {
        set_state(LiveState::camera_lost, std::get<SourceError>(cam).message + ": waiting for it (check the cable)");
        return nullptr;
      }
      demo = true;
    }
    const std::filesystem::path path = demo ? *source.fallback_file : source.file;
    SourceOrError file = open_source(path);
    if (auto* err = std::get_if<SourceError>(&file)) {
      set_state(LiveState::source_error, err->message);
      return nullptr;
    }
    return std::move(std::get<std::unique_ptr<FrameSource>>(file));
  }

  void capture(const LiveSource& source, int run, bool new_session) {
    bool demo = false;
    std::unique_ptr<FrameSource> src;
    while (!src && !capture_stop && !stopping) {
      src = open(source, demo);
      if (src) break;
      if (source.kind != LiveSource::Kind::camera || source.fallback_file) return;  // a file error is final
      std::this_thread::sleep_for(kCameraRetry);
    }
    if (!src) return;
    const bool live = src->info().live;
    playing_file = !live;
    handover.set_policy(live || source.drop_late ? FrameHandover<Captured>::Policy::latest_wins
                                                 : FrameHandover<Captured>::Policy::wait_for_space);
    {
      std::lock_guard lock(mutex);
      pending.source = src->info();
      pending.demo = demo;
    }
    set_state(LiveState::running, demo ? "No camera found: playing the demo clip" : "");

    // Files are paced against the wall clock from an anchor that moves when playback falls behind
    // (while the model loads, say), so it never rushes to catch up.
    std::optional<std::pair<LiveClock::time_point, double>> anchor;
    bool first = true;
    while (!capture_stop && !stopping) {
      Captured item;
      item.epoch = run;
      item.new_session = new_session && first;
      const ReadResult r = src->read(item.frame);
      if (r != ReadResult::frame) {
        if (live) {
          set_state(LiveState::camera_lost, src->info().name + " stopped delivering frames: reconnecting...");
          src.reset();
          while (!src && !capture_stop && !stopping) {
            std::this_thread::sleep_for(kCameraRetry);
            SourceOrError again = source.open_camera(source.camera_index, source.width, source.height);
            if (auto* ok = std::get_if<std::unique_ptr<FrameSource>>(&again)) src = std::move(*ok);
          }
          if (src) set_state(LiveState::running, "");
          continue;
        }
        item.end = true;
        item.damaged = r == ReadResult::damaged;
        handover.put(std::move(item));
        return;
      }
      if (live) {
        // One clock for the whole session, so that a reconnected camera continues its timeline.
        item.frame.time_s = std::chrono::duration<double>(LiveClock::now() - session_clock_start).count();
      } else if (source.speed > 0.0) {
        const auto now = LiveClock::now();
        if (!anchor) anchor = {now, item.frame.time_s};
        const auto due = anchor->first + std::chrono::duration_cast<LiveClock::duration>(std::chrono::duration<double>(
                                             (item.frame.time_s - anchor->second) / source.speed));
        if (now - due > std::chrono::milliseconds(250)) anchor = {now, item.frame.time_s};
        else std::this_thread::sleep_until(due);
      }
      first = false;
      item.captured_at = LiveClock::now();
      {
        std::lock_guard lock(mutex);
        ++captured;
        capture_rate.tick(item.captured_at);
      }
      if (!handover.put(std::move(item))) return;
    }
  }

  void analyse() {
    auto located = locate_shape_model(options.model);
    if (auto* err = std::get_if<ModelNotFound>(&located)) return set_state(LiveState::model_error, err->message);
    auto loaded = load_shape_predictor(std::get<std::filesystem::path>(located));
    if (auto* err = std::get_if<ModelLoadError>(&loaded)) return set_state(LiveState::model_error, err->message);
    const auto predictor = std::get<std::shared_ptr<const ShapeModel>>(loaded);
    {
      std::lock_guard lock(mutex);
      dropped_before_analysis = handover.dropped();
      model_state = LiveState::running;
      model_message.clear();
    }

    auto pipeline = std::make_unique<AnalysisPipeline>(predictor, options.analysis);
    CalibrationTracker calibration(options.calibration);
    PeakFrameKeeper peaks;
    std::deque<double> latencies_ms;
    std::int64_t analysed = 0;
    int epoch_seen = 0;
    bool finished = false;
    bool calibration_pending = true;
    double last_time = -1.0, time_shift = 0.0;
    std::unique_ptr<LiveStorage> storage;  // this session's place in the history, from its first frame

    while (auto item = handover.take()) {
      if (stopping) break;
      if (item->epoch != epoch_seen) {
        epoch_seen = item->epoch;
        if (item->new_session && (analysed > 0 || finished)) {
          storage.reset();
          pipeline = std::make_unique<AnalysisPipeline>(predictor, options.analysis);
          peaks = PeakFrameKeeper();
          last_time = -1.0;
          time_shift = 0.0;
          analysed = 0;
          finished = false;
          calibration_pending = true;
          std::lock_guard lock(mutex);
          LiveUpdate fresh;
          fresh.source = pending.source;
          fresh.demo = pending.demo;
          fresh.session_restarted = true;
          pending = std::move(fresh);
        }
      }
      if (item->end) {
        if (finished) continue;
        pipeline->finish();
        finished = true;
        publish(*pipeline, calibration, peaks, nullptr, {}, storage.get());
        storage.reset();  // the session is complete: end it in the history now
        const std::string name = pending_source_name();
        set_state(LiveState::finished, item->damaged ? name + " is damaged: played up to the damage; counts cover what was read"
                                                     : "Reached the end of " + name + ": the counts are final");
        continue;
      }
      if (finished) continue;  // a stale frame of a file that already ended

      // Times never run backwards within a session, whatever the sources did.
      Frame& frame = item->frame;
      if (frame.time_s + time_shift <= last_time) time_shift = last_time + 1.0 / 30.0 - frame.time_s;
      frame.time_s += time_shift;
      last_time = frame.time_s;

      if (calibration_pending || recalibrate.exchange(false)) {
        if (!calibration_pending) pipeline->recalibrate();
        calibration.start(frame.time_s);
        calibration_pending = false;
      }
      if (!storage && analysed == 0) storage = start_storage();
      if (const double seconds = record_request.exchange(0.0); seconds > 0.0 && storage) storage->record(seconds);
      const bool was_calibrating = calibration.status().active;
      const FrameAnalysis result = pipeline->process(frame);
      calibration.push(result.signals);
      if (was_calibrating && calibration.status().done)
        calibration.set_open_eye_ratio({pipeline->open_eye_baseline(Side::right), pipeline->open_eye_baseline(Side::left)});
      ++analysed;
      if (analysed == LiveStats::kWarmupFrames) {
        std::lock_guard lock(mutex);
        dropped_at_warmup = handover.dropped();
      }

      const auto done_at = LiveClock::now();
      latencies_ms.push_back(std::chrono::duration<double, std::milli>(done_at - item->captured_at).count());
      if (latencies_ms.size() > 150) latencies_ms.pop_front();

      LiveFrame newest{frame.bgr, result, item->captured_at};
      LiveStats stats;
      stats.analysis_latency_ms = median_of(latencies_ms);
      stats.analysed = analysed;
      publish(*pipeline, calibration, peaks, &newest, stats, storage.get());
      // After publishing: copies and compression must not delay the result on screen.
      peaks.add(frame.bgr, result);
      if (storage) storage->frame(frame.bgr, result);
    }
  }

  // A session is kept in the history unless storing is off or it is the demo clip, which is not
  // the person's face.
  std::unique_ptr<LiveStorage> start_storage() {
    if (!options.storage) return nullptr;
    LiveStorageOptions o = *options.storage;
    {
      std::lock_guard lock(mutex);
      if (pending.demo) return nullptr;
      o.info.source = pending.source.name;
      o.info.source_kind = pending.source.live ? SourceKind::camera : SourceKind::file;
      o.paced_source = pending.source.live || options.source.speed > 0.0;
    }
    o.info.mirrored = options.analysis.mirrored;
    o.info.landmarks_only = o.landmarks_only;
    return std::make_unique<LiveStorage>(std::move(o));
  }

  std::string pending_source_name() {
    std::lock_guard lock(mutex);
    return pending.source.name;
  }

  // Moves the pipeline's news into the pending update and wakes the UI.
  void publish(AnalysisPipeline& pipeline, CalibrationTracker& calibration, PeakFrameKeeper& peaks,
               const LiveFrame* newest, const LiveStats& stats, LiveStorage* storage) {
    auto events = pipeline.take_events();
    auto blinks = pipeline.take_blinks();
    const SessionSummary summary = pipeline.summary();
    if (storage) {
      storage->found(events, blinks);
      storage->totals(summary.duration_s, summary.monitored_s);
    }
    calibration.add_blinks(static_cast<int>(blinks.size()));
    std::vector<PeakFrame> new_peaks;
    for (const auto& e : events)
      if (PeakFrame p = peaks.peak_of(e); !p.bgr.empty()) new_peaks.push_back(std::move(p));
    std::function<void()> wake;
    {
      std::lock_guard lock(mutex);
      if (newest) {
        pending.newest = *newest;
        pending.signals.push_back(newest->analysis.signals);
        analysis_rate.tick(LiveClock::now());
        pending.stats.analysis_latency_ms = stats.analysis_latency_ms;
        pending.stats.analysed = stats.analysed;
      }
      std::move(events.begin(), events.end(), std::back_inserter(pending.events));
      std::move(blinks.begin(), blinks.end(), std::back_inserter(pending.blinks));
      std::move(new_peaks.begin(), new_peaks.end(), std::back_inserter(pending.peaks));
      pending.summary = summary;
      pending.calibration = calibration.status();
      pending.storage = storage ? storage->status() : LiveStorageStatus{};
      wake = wakeup;
    }
    if (wake) wake();
  }
};

LiveSession::LiveSession(LiveOptions options) : shared_(std::make_unique<Shared>(std::move(options))) {
  assert(shared_->options.analysis.validate().empty());
  shared_->analysis_thread = std::thread([s = shared_.get()] { s->analyse(); });
  shared_->start_capture(shared_->options.source, true);
}

LiveSession::~LiveSession() {
  shared_->stopping = true;
  shared_->stop_capture();
  shared_->handover.close();
  if (shared_->analysis_thread.joinable()) shared_->analysis_thread.join();
}

LiveUpdate LiveSession::drain() {
  Shared& s = *shared_;
  std::lock_guard lock(s.mutex);
  LiveUpdate out = std::move(s.pending);
  // What describes the session so far stays; the news was handed over.
  s.pending = LiveUpdate{};
  s.pending.source = out.source;
  s.pending.demo = out.demo;
  s.pending.summary = out.summary;
  s.pending.calibration = out.calibration;
  s.pending.storage = out.storage;
  s.pending.stats = out.stats;
  const bool model_ready = s.model_state == LiveState::running;
  out.state = model_ready ? s.source_state : s.model_state;
  out.message = model_ready ? s.source_message : s.model_message;
  const auto now = LiveClock::now();
  out.stats.capture_fps = s.capture_rate.rate(now);
  out.stats.analysis_fps = s.analysis_rate.rate(now);
  out.stats.captured = s.captured;
  out.stats.dropped = s.handover.dropped() - s.dropped_before_analysis;
  out.stats.dropped_after_warmup = s.dropped_at_warmup ? s.handover.dropped() - *s.dropped_at_warmup : 0;
  return out;
}

void LiveSession::set_wakeup(std::function<void()> wakeup) {
  std::lock_guard lock(shared_->mutex);
  shared_->wakeup = std::move(wakeup);
}

void LiveSession::switch_source(LiveSource source) {
  const bool new_session = shared_->playing_file || source.kind == LiveSource::Kind::file;
  shared_->stop_capture();
  shared_->start_capture(std::move(source), new_session);
}

void LiveSession::recalibrate() { shared_->recalibrate = true; }

void LiveSession::record(double seconds) { shared_->record_request = seconds; }

}  // namespace hemitrack
