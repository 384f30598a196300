#include "runtime/offline_analysis.h"

#include "runtime/bounded_queue.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace hemitrack {
namespace {

// Decoded frames waiting for analysis: enough to smooth out decoding's uneven pace, but bounded
// in bytes as well, so a phone's 4K video does not hold a quarter of a gigabyte of frames.
std::size_t decode_queue_frames(const SourceInfo& info) {
  constexpr std::size_t kMaxFrames = 8;
  constexpr double kMaxBytes = 64.0 * 1024 * 1024;
  const double frame_bytes = 3.0 * std::max(info.width, 1) * std::max(info.height, 1);
  return std::clamp<std::size_t>(static_cast<std::size_t>(kMaxBytes / frame_bytes), 2, kMaxFrames);
}

}  // namespace

OfflineResult analyze_offline(FrameSource& source, AnalysisPipeline& pipeline, const FrameCallback& on_frame,
                              const ProgressCallback& on_progress, const std::atomic<bool>* stop) {
  OfflineResult result;
  result.source = source.info();

  BoundedQueue<Frame> decoded(decode_queue_frames(result.source));
  std::atomic<bool> damaged = false;
  std::thread decoder([&] {
    for (;;) {
      Frame frame;
      const ReadResult r = source.read(frame);
      if (r != ReadResult::frame) {
        damaged = r == ReadResult::damaged;
        break;
      }
      if (!decoded.push(std::move(frame))) break;
    }
    decoded.close();
  });

  double first_time = 0.0, last_time = 0.0;
  while (auto frame = decoded.pop()) {
    if (stop && stop->load()) {
      result.stopped = true;
      decoded.close();  // unblocks the decoder, which then ends
      break;
    }
    if (result.frames == 0) first_time = frame->time_s;
    last_time = frame->time_s;
    const FrameAnalysis analysis = pipeline.process(*frame);
    ++result.frames;
    if (analysis.observation.measurement.face_found) ++result.frames_with_face;
    if (on_frame) on_frame(analysis);
    if (on_progress && (result.frames % 16 == 0)) on_progress(result.frames, result.source.frame_count);
  }
  decoder.join();
  pipeline.finish();
  if (on_progress) on_progress(result.frames, result.source.frame_count);

  result.damaged = damaged;
  const double span = last_time - first_time;
  const double measured_fps = result.frames > 1 && span > 0 ? (result.frames - 1) / span : 0.0;
  result.fps = result.source.nominal_fps > 0 ? result.source.nominal_fps : measured_fps;
  result.duration_s = result.frames > 0 && result.fps > 0 ? span + 1.0 / result.fps : 0.0;
  result.events = pipeline.events();
  result.blinks = pipeline.blinks();
  result.summary = pipeline.summary();
  return result;
}

}  // namespace hemitrack
