// hemitrack-bench VIDEO [--model PATH]
// Speed of `hemitrack analyze` on a video, stage by stage, against the naive approach (HOG face
// detection + one shape fit on every frame) measured in the same run, and peak memory.
#include "runtime/offline_analysis.h"
#include "vision/frame_source.h"
#include "vision/model_locator.h"
#include "vision/shape_model.h"

#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_processing/shape_predictor.h>
#include <dlib/opencv/cv_image.h>
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgproc.hpp>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

using namespace hemitrack;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

std::unique_ptr<FrameSource> open_or_exit(const std::string& path) {
  auto opened = open_source(path);
  if (auto* e = std::get_if<SourceError>(&opened)) {
    std::cerr << "hemitrack-bench: " << e->message << "\n";
    std::exit(3);
  }
  return std::move(std::get<std::unique_ptr<FrameSource>>(opened));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: hemitrack-bench VIDEO [--model PATH]\n";
    return 2;
  }
  setenv("OPENCV_FFMPEG_LOGLEVEL", "-8", 0);
  cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
  const std::string input = argv[1];
  std::optional<std::filesystem::path> model_arg;
  if (argc >= 4 && std::string(argv[2]) == "--model") model_arg = argv[3];
  auto located = locate_shape_model(model_arg);
  if (auto* e = std::get_if<ModelNotFound>(&located)) {
    std::cerr << "hemitrack-bench: " << e->message << "\n";
    return 4;
  }
  auto loaded = load_shape_predictor(std::get<std::filesystem::path>(located));
  if (auto* e = std::get_if<ModelLoadError>(&loaded)) {
    std::cerr << "hemitrack-bench: " << e->message << "\n";
    return 4;
  }
  const auto predictor = std::get<std::shared_ptr<const ShapeModel>>(loaded);
  const double rss_model = peak_rss_mb();

  // 1. Decoding alone.
  auto t0 = Clock::now();
  std::int64_t frames = 0;
  {
    auto source = open_or_exit(input);
    Frame f;
    while (source->read(f) == ReadResult::frame) ++frames;
  }
  const double decode_s = seconds_since(t0);
  auto probe = open_or_exit(input);
  const SourceInfo info = probe->info();
  probe.reset();

  // 2. The real analysis, as `hemitrack analyze` runs it (decoding overlapped on its own thread).
  double analyze_s = 0.0;
  {
    auto source = open_or_exit(input);
    AnalysisPipeline pipeline(predictor, AnalysisConfig{});
    t0 = Clock::now();
    const OfflineResult r = analyze_offline(*source, pipeline);
    analyze_s = seconds_since(t0);
    std::printf("analysis: %lld frames, face found in %.1f%%, %d events, %d blinks\n",
                static_cast<long long>(r.frames), 100.0 * r.face_found_fraction(), r.summary.events_total,
                r.summary.blinks_total);
  }
  const double rss_analyze = peak_rss_mb();

  // 3. Stage times, one frame at a time on this thread (no overlap), for where the time goes.
  double track_s = 0.0, signal_s = 0.0;
  std::int64_t searches = 0;
  {
    auto source = open_or_exit(input);
    FaceTracker tracker(*predictor, TrackerConfig{});
    SignalExtractor extractor(SignalConfig{});
    TwitchDetector detector(DetectorConfig{});
    Frame f;
    while (source->read(f) == ReadResult::frame) {
      auto a = Clock::now();
      const FaceObservation obs = tracker.process(f.bgr, f.time_s);
      track_s += seconds_since(a);
      searches += obs.detected_this_frame ? 1 : 0;
      a = Clock::now();
      detector.push(extractor.push(f.time_s, obs.measurement));
      signal_s += seconds_since(a);
    }
  }

  // 4. The naive approach: full-frame HOG detection and one fit of dlib's own shape predictor on
  // every frame (loaded after the memory figures above, which are hemitrack's alone).
  double naive_s = 0.0;
  {
    dlib::shape_predictor stock;
    dlib::deserialize(std::get<std::filesystem::path>(located).string()) >> stock;
    auto source = open_or_exit(input);
    dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
    Frame f;
    cv::Mat grey;
    t0 = Clock::now();
    while (source->read(f) == ReadResult::frame) {
      cv::cvtColor(f.bgr, grey, cv::COLOR_BGR2GRAY);
      const dlib::cv_image<unsigned char> img(grey);
      const auto faces = detector(img);
      if (!faces.empty()) (void)stock(img, faces[0]);
    }
    naive_s = seconds_since(t0);
  }

  const double n = static_cast<double>(frames);
  std::printf("input: %s (%dx%d, %lld frames)\n", input.c_str(), info.width, info.height, static_cast<long long>(frames));
  std::printf("hemitrack analyze: %.0f frames/s (%.2f ms/frame wall clock, decoding overlapped)\n", n / analyze_s,
              1000.0 * analyze_s / n);
  std::printf("  stages, sequential: decode %.2f ms, tracking + per-side fits %.2f ms, signals + detector %.3f ms per frame\n",
              1000.0 * decode_s / n, 1000.0 * track_s / n, 1000.0 * signal_s / n);
  std::printf("  full-frame face searches: %lld of %lld frames\n", static_cast<long long>(searches), static_cast<long long>(frames));
  std::printf("naive (HOG every frame + one fit): %.0f frames/s\n", n / naive_s);
  std::printf("speed-up over naive: %.1fx\n", naive_s / analyze_s);
  std::printf("peak memory: %.0f MB after loading the model, %.0f MB after the analysis\n", rss_model, rss_analyze);
  return 0;
}
