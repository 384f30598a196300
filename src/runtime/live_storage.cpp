#include "runtime/live_storage.h"

#include "storage/clip_budget.h"

#include <opencv2/imgproc.hpp>

#include <chrono>
#include <sys/resource.h>
#include <unistd.h>
#include <ctime>

namespace hemitrack {
namespace {

using namespace std::chrono_literals;

// Signal frames waiting for the disk: a minute at 30 fps. Beyond it new frames are dropped.
constexpr std::size_t kMaxQueued = 1800;
// Frames waiting for the clip ring: half a second at 30 fps (they hold uncompressed pictures).
constexpr std::size_t kMaxFeedFrames = 15;

std::string utc_stamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
  return buf;
}

bool wants_clip(ClipPolicy policy, const TwitchEvent& e) {
  return policy == ClipPolicy::all || (policy == ClipPolicy::tonic_only && e.kind == EventKind::tonic);
}

}  // namespace

LiveStorage::LiveStorage(LiveStorageOptions options) : options_(std::move(options)), stem_prefix_(utc_stamp()) {
  if (!options_.landmarks_only) {
    ClipRecorderConfig clips;
    clips.encoder.idle_priority = options_.paced_source;
    clips_ = std::make_unique<ClipRecorder>(std::move(clips));
    feeder_ = std::thread([this] { feed_clips(); });
  }
  thread_ = std::thread([this] { run(); });
}

LiveStorage::~LiveStorage() {
  if (feeder_.joinable()) {
    {
      std::lock_guard lock(feed_mutex_);
      feed_stopping_ = true;
    }
    feed_wake_.notify_one();
    feeder_.join();
  }
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

std::filesystem::path LiveStorage::clip_stem(const std::string& what) const {
  return options_.clips_dir / (stem_prefix_ + "-" + what);
}

void LiveStorage::frame(const cv::Mat& bgr, const FrameAnalysis& analysis) {
  newest_time_s_ = analysis.time_s;
  if (clips_) {
    std::unique_lock lock(feed_mutex_);
    // A file can wait (as its frames wait for analysis), so its clips are complete; a camera
    // cannot, so its clips lose frames rather than the live picture.
    if (options_.info.source_kind == SourceKind::file)
      feed_space_.wait(lock, [&] { return feed_.size() < kMaxFeedFrames; });
    if (feed_.size() >= kMaxFeedFrames) {
      std::lock_guard status_lock(mutex_);
      ++status_.clip_frames_dropped;
    } else {
      feed_.push_back({bgr, analysis.time_s, analysis.observation.landmarks, analysis.observation.measurement.face_found});
      feed_wake_.notify_one();
    }
  }
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= kMaxQueued) {
      ++status_.signal_frames_dropped;
      return;
    }
    queue_.push_back(Signals{analysis.signals});
  }
  wake_.notify_one();
}

void LiveStorage::feed_clips() {
  setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);  // Linux: nice applies per thread
  for (;;) {
    ToRing f;
    {
      std::unique_lock lock(feed_mutex_);
      feed_wake_.wait(lock, [&] { return feed_stopping_ || !feed_.empty(); });
      if (feed_.empty()) return;
      f = std::move(feed_.front());
      feed_.pop_front();
    }
    feed_space_.notify_one();
    if (options_.burn_in_overlay && f.face_found) {
      cv::Mat drawn = f.bgr.clone();
      for (const Point2& p : f.landmarks)
        cv::circle(drawn, cv::Point2d(p.x, p.y), 2, cv::Scalar(160, 255, 120), cv::FILLED, cv::LINE_AA);
      clips_->push(drawn, f.time_s);
    } else {
      clips_->push(f.bgr, f.time_s);
    }
  }
}

void LiveStorage::found(const std::vector<TwitchEvent>& events, const std::vector<Blink>& blinks) {
  if (events.empty() && blinks.empty()) return;
  if (clips_)
    for (const TwitchEvent& e : events)
      if (wants_clip(options_.clips, e))
        clips_->request_clip({e.start_s, e.end_s, ClipKind::automatic, clip_stem("event-" + std::to_string(e.id)), e.id});
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(Found{events, blinks});  // never dropped: events are what the history is for
  }
  wake_.notify_one();
}

void LiveStorage::totals(double duration_s, double monitored_s) {
  std::lock_guard lock(mutex_);
  duration_s_ = duration_s;
  monitored_s_ = monitored_s;
}

void LiveStorage::record(double seconds) {
  if (!clips_) return set_problem("no video is kept (landmarks only): nothing to record");
  recording_until_s_ = newest_time_s_ + seconds;
  clips_->record(seconds, clip_stem("recording-" + std::to_string(++recordings_)));
}

LiveStorageStatus LiveStorage::status() const {
  std::lock_guard lock(mutex_);
  LiveStorageStatus out = status_;
  out.recording = newest_time_s_ < recording_until_s_;
  return out;
}

void LiveStorage::set_problem(const std::string& problem) {
  std::lock_guard lock(mutex_);
  status_.problem = problem;
}

void LiveStorage::run() {
  // A clip cut short by a crash or a power cut leaves its hidden partial file; an hour is far
  // longer than any clip takes to write, so older ones are leftovers, not clips in progress.
  if (clips_) remove_stale_partial_clips(options_.clips_dir, 1h);
  auto opened = SessionStore::open(options_.database);
  SessionStore* store = std::get_if<SessionStore>(&opened);
  SessionId id = 0;
  if (!store) {
    set_problem(std::get<StoreError>(opened).message + "; this session is not kept");
  } else {
    auto begun = store->begin_session(options_.info);
    if (auto* e = std::get_if<StoreError>(&begun)) {
      set_problem(e->message + "; this session is not kept");
      store = nullptr;
    } else {
      id = std::get<SessionId>(begun);
      std::lock_guard lock(mutex_);
      status_.session = id;
    }
  }

  for (;;) {
    std::deque<Message> batch;
    bool stop = false;
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, 500ms, [&] { return stopping_ || !queue_.empty(); });
      batch.swap(queue_);
      stop = stopping_;
    }
    if (store)
      for (Message& m : batch) write(*store, id, m);
    if (store && clips_) collect_clips(*store, id);
    if (stop) break;
  }

  if (clips_) {
    clips_->finish_open_clips();
    clips_->wait_idle(20s);
    if (store) collect_clips(*store, id);
  }
  if (store) {
    std::lock_guard lock(mutex_);
    if (auto e = store->end_session(id, SessionEnd{{}, duration_s_, monitored_s_})) status_.problem = e->message;
  }
}

void LiveStorage::write(SessionStore& store, SessionId id, Message& m) {
  std::optional<StoreError> e;
  if (auto* s = std::get_if<Signals>(&m)) {
    e = store.add_signals(id, std::span<const FrameSignals>(&s->signals, 1));
  } else if (auto* f = std::get_if<Found>(&m)) {
    if (!f->events.empty()) e = store.add_events(id, f->events);
    if (!e && !f->blinks.empty()) e = store.add_blinks(id, f->blinks);
  }
  if (e) set_problem(e->message);
}

void LiveStorage::collect_clips(SessionStore& store, SessionId id) {
  bool added = false;
  for (const ClipResult& r : clips_->take_finished()) {
    if (!r.ok()) {
      set_problem(r.error);
      continue;
    }
    NewClip clip;
    clip.session = id;
    if (!r.event_ids.empty()) clip.event_number = r.event_ids.front();
    clip.path = r.path;
    clip.kind = r.kind;
    clip.start_s = r.first_frame_s;
    clip.end_s = r.last_frame_s;
    clip.bytes = static_cast<std::int64_t>(r.bytes);
    const auto stored = store.add_clip(clip);
    if (const auto* e = std::get_if<StoreError>(&stored)) {
      set_problem(e->message);
      continue;
    }
    added = true;
    std::lock_guard lock(mutex_);
    ++status_.clips_written;
  }
  if (!added) return;
  // Oldest automatic clips go first when the folder outgrows its budget; manual ones never.
  auto over = store.clips_over_budget(options_.clip_budget_bytes);
  if (auto* clips = std::get_if<std::vector<ClipInfo>>(&over)) {
    for (const ClipInfo& c : *clips) {
      std::error_code ec;
      std::filesystem::remove(c.path, ec);
      store.remove_clip(c.id);
    }
  }
}

}  // namespace hemitrack
