#include "storage/clip_recorder.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace hemitrack {

namespace {
// A clip is handed to the encoder once the ring holds this many frames (a third of a second at
// 30 fps), so its rate is measured on the frames the source delivered, not guessed.
constexpr std::size_t kFramesToMeasureRate = 10;
}  // namespace

std::string ClipRecorderConfig::validate() const {
  if (!(pre_roll_s >= 0.0)) return "pre_roll_s must not be negative";
  if (!(post_roll_s >= 0.0)) return "post_roll_s must not be negative";
  if (!(request_delay_s >= 0.0)) return "request_delay_s must not be negative";
  if (!(pre_roll_s + request_delay_s > 0.0)) return "pre_roll_s + request_delay_s must be positive";
  if (jpeg_quality < 1 || jpeg_quality > 100) return "jpeg_quality must be in [1, 100]";
  if (!(encoder.fallback_fps > 0.0 && encoder.fallback_fps <= 1000.0))
    return "encoder.fallback_fps must be in (0, 1000]";
  if (max_ring_frames < 1) return "max_ring_frames must be at least 1";
  if (encoder.max_queued_bytes < 1) return "encoder.max_queued_bytes must be at least 1";
  return {};
}

ClipRecorder::ClipRecorder(ClipRecorderConfig config)
    : config_(std::move(config)),
      ring_(std::max(config_.pre_roll_s + config_.request_delay_s, 1e-3), config_.max_ring_frames),
      encoder_(config_.encoder) {
  assert(config_.validate().empty());
}

ClipRecorder::~ClipRecorder() { finish_open_clips(); }

void ClipRecorder::push(const cv::Mat& bgr, double time_s) {
  // Compressing is the slow part: done before taking the lock, so requests from another thread
  // never wait for it.
  auto jpeg = std::isfinite(time_s) ? compress_frame(bgr, config_.jpeg_quality) : nullptr;
  std::lock_guard lock(mutex_);
  ++stats_.frames_pushed;
  if (!jpeg) {
    ++stats_.frames_unusable;
    return;
  }
  if (const auto newest = ring_.newest_time(); newest && time_s < *newest) {
    // A new source with its own clock: the old one's clips are as long as they will get.
    for (auto& clip : open_) end(clip);
    open_.clear();
  }
  const RingFrame frame{time_s, std::move(jpeg)};
  ring_.push(frame);
  std::erase_if(open_, [&](OpenClip& clip) {
    if (clip.starts_at_next_frame) {
      clip.from_s = time_s;
      clip.to_s = time_s + *clip.starts_at_next_frame;
      clip.starts_at_next_frame.reset();
    }
    if (time_s > clip.to_s) {
      end(clip);
      return true;
    }
    if (clip.announced) {
      if (time_s >= clip.from_s) send(clip, frame);
    } else if (ring_.size() >= kFramesToMeasureRate || time_s - clip.from_s >= ring_.span_s() / 2) {
      announce(clip);  // (the second case: a very slow source, before its first frames leave the ring)
    }
    return false;
  });
}

int ClipRecorder::request_clip(const ClipRequest& request) {
  assert(!request.path_stem.empty() && request.end_s >= request.start_s);
  OpenClip clip;
  clip.kind = request.kind;
  clip.final_path = clip_path(request.path_stem, request.kind);
  clip.from_s = request.start_s - config_.pre_roll_s;
  clip.to_s = std::max(request.end_s, request.start_s) + config_.post_roll_s;
  if (request.event_id) clip.event_ids.push_back(*request.event_id);

  std::lock_guard lock(mutex_);
  // Merge into the latest open clip of the same kind that the window overlaps. Once its first
  // frames went to the encoder only its end can move.
  for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
    if (it->kind != clip.kind || it->starts_at_next_frame) continue;
    if (clip.from_s > it->to_s || clip.to_s < it->from_s) continue;
    if (!it->announced) it->from_s = std::min(it->from_s, clip.from_s);
    it->to_s = std::max(it->to_s, clip.to_s);
    if (request.event_id) it->event_ids.push_back(*request.event_id);
    return it->id;
  }
  return open_clip(std::move(clip));
}

int ClipRecorder::record(double duration_s, const std::filesystem::path& path_stem) {
  assert(!path_stem.empty() && duration_s >= 0.0);
  OpenClip clip;
  clip.kind = ClipKind::manual;
  clip.final_path = clip_path(path_stem, clip.kind);
  std::lock_guard lock(mutex_);
  if (const auto newest = ring_.newest_time()) {
    clip.from_s = *newest;
    clip.to_s = *newest + duration_s;
  } else {
    clip.starts_at_next_frame = duration_s;
  }
  return open_clip(std::move(clip));
}

// The helpers below are called with the lock held.

int ClipRecorder::open_clip(OpenClip clip) {
  clip.id = next_id_++;
  const int id = clip.id;
  if (!clip.starts_at_next_frame) {
    const auto newest = ring_.newest_time();
    const bool complete = newest && *newest > clip.to_s;  // wholly in the past
    if (complete) {
      end(clip);
      return id;
    }
    if (ring_.size() >= kFramesToMeasureRate) announce(clip);
  }
  open_.push_back(std::move(clip));
  return id;
}

void ClipRecorder::announce(OpenClip& clip) {
  encoder_.begin(ClipSpec{clip.id, clip.final_path, clip.kind, ring_.estimated_fps(0.0)});
  clip.announced = true;
  for (const auto& frame : ring_.between(clip.from_s, clip.to_s)) send(clip, frame);
}

void ClipRecorder::send(OpenClip& clip, const RingFrame& frame) {
  clip.last_offered_s = frame.time_s;
  if (encoder_.add(clip.id, frame)) return;
  ++clip.dropped;
  ++stats_.frames_dropped;
}

void ClipRecorder::end(OpenClip& clip) {
  if (!clip.announced) announce(clip);
  encoder_.end(clip.id, ClipEnding{clip.event_ids, clip.from_s, clip.to_s, clip.dropped, clip.last_offered_s});
}

void ClipRecorder::finish_open_clips() {
  std::lock_guard lock(mutex_);
  for (auto& clip : open_) end(clip);
  open_.clear();
}

std::vector<ClipResult> ClipRecorder::take_finished() { return encoder_.take_finished(); }

bool ClipRecorder::wait_idle(std::chrono::milliseconds timeout) const { return encoder_.wait_idle(timeout); }

ClipRecorderStats ClipRecorder::stats() const {
  std::lock_guard lock(mutex_);
  ClipRecorderStats s = stats_;
  s.ring_frames = ring_.size();
  s.ring_bytes = ring_.bytes();
  s.queued_bytes = encoder_.queued_bytes();
  s.open_clips = static_cast<int>(open_.size());
  return s;
}

}  // namespace hemitrack
