#include "injector.h"

#include <chrono>
#include <cmath>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include "contraction.h"
#include "core/face_geometry.h"
#include "debug_frames.h"
#include "face_warp.h"
#include "landmark_track.h"
#include "natural_blinks.h"
#include "output_layout.h"
#include "schedule.h"
#include "source_clip.h"
#include "truth_writer.h"
#include "video_sink.h"
#include "vision/model_locator.h"
#include "vision/shape_model.h"

namespace hemitrack::inject {
namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

InjectOutcome fail(ExitCode code, const std::string& what, const std::string& problem) {
  return {code, what + ": " + problem};
}

}  // namespace

InjectOutcome run_injection(const InjectOptions& o) {
  const auto t_start = Clock::now();
  const std::string input = o.input.string();

  // Refuse an unwritable destination before the minutes of landmark fitting, not after.
  for (const auto& target : {o.output, o.truth}) {
    const auto folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
      return fail(kExitOutput, target.string(), "folder '" + folder.string() + "' does not exist");
  }

  auto located = locate_shape_model(o.model);
  if (auto* missing = std::get_if<ModelNotFound>(&located)) return {kExitModel, missing->message};
  const auto model_path = std::get<std::filesystem::path>(located);

  auto loaded = o.input_is_image ? load_image(o.input, o.image_fps) : load_video(o.input);
  if (auto* err = std::get_if<LoadError>(&loaded)) return fail(kExitInput, input, err->message);
  const SourceClip clip = std::move(std::get<SourceClip>(loaded));

  auto predictor = load_shape_predictor(model_path);
  if (auto* err = std::get_if<ModelLoadError>(&predictor)) return {kExitModel, err->message};

  // Landmarks of every source frame (a still has one), fitted once and reused when looping.
  const auto t_fit = Clock::now();
  LandmarkTrack track(std::get<std::shared_ptr<const ShapeModel>>(predictor));
  std::vector<std::optional<Shape68>> shapes;
  shapes.reserve(clip.frames.size());
  std::size_t found = 0;
  for (const auto& frame : clip.frames) {
    shapes.push_back(track.fit(frame));
    found += shapes.back().has_value();
  }
  const double fit_s = seconds_since(t_fit);
  if (found == 0) return fail(kExitNoFace, input, "no face found in any frame");

  const double fps = clip.fps;
  const double duration = o.duration_s.value_or(o.input_is_image ? 60.0 : clip.frames.size() / fps);
  const long frames = std::max(1L, std::lround(duration * fps));

  std::vector<bool> face_found(frames);
  std::vector<std::optional<EyeOpenness>> openness(frames);
  std::size_t found_out = 0;
  for (long k = 0; k < frames; ++k) {
    const auto& shape = shapes[clip.source_index(k)];
    face_found[k] = shape.has_value();
    found_out += face_found[k];
    if (shape) openness[k] = EyeOpenness{eye_aspect_ratio(*shape, Side::right), eye_aspect_ratio(*shape, Side::left)};
  }
  const auto natural = find_natural_blinks(openness, fps);

  ScheduleRequest request;
  request.fps = fps;
  request.face_found = face_found;
  request.natural_blinks = natural;
  request.events = o.events;
  request.blinks = o.blinks;
  request.seed = o.seed;
  request.side = o.side;
  auto scheduled = make_schedule(request);
  if (auto* err = std::get_if<ScheduleError>(&scheduled)) return fail(kExitUsage, input, err->message);
  const Schedule schedule = std::get<Schedule>(scheduled);

  const OutputLayout layout = OutputLayout::make(clip.frames[0].size(), o.out_width, o.out_height, o.mirror_output);
  VideoSink sink;
  if (!sink.open(o.output, fps, layout.size))
    return fail(kExitOutput, o.output.string(), "cannot open for writing (folder missing or not writable?)");
  if (o.debug_dir) {
    std::error_code ec;
    std::filesystem::create_directories(*o.debug_dir, ec);
    if (ec) return fail(kExitOutput, o.debug_dir->string(), "cannot create debug folder: " + ec.message());
  }
  const auto shots = o.debug_dir ? choose_debug_shots(schedule, fps) : std::vector<DebugShot>{};

  const auto t_render = Clock::now();
  const bool progress = isatty(STDERR_FILENO) != 0;
  long warped_frames = 0, flipped_frames = 0;
  for (long k = 0; k < frames; ++k) {
    const int src = clip.source_index(k);
    const cv::Mat& original = clip.frames[src];
    cv::Mat frame = original;
    const Contraction c = contraction_at(schedule, static_cast<double>(k) / fps);
    if (c.any() && shapes[src]) {
      WarpReport report;
      frame = warp_face(original, *shapes[src], c, &report);
      ++warped_frames;
      flipped_frames += report.flipped_triangles > 0;
    }
    for (const auto& shot : shots)
      if (shot.frame == k && shapes[src] && !write_debug_frame(*o.debug_dir, shot, original, frame, *shapes[src]))
        return fail(kExitOutput, o.debug_dir->string(), "cannot write debug frame");
    if (!sink.write(layout.apply(frame))) return fail(kExitOutput, o.output.string(), "frame write failed");
    if (progress && k % 250 == 0) std::cerr << "\rhemitrack-inject: frame " << k << "/" << frames << std::flush;
  }
  if (progress) std::cerr << "\r";
  if (!sink.finish()) return fail(kExitOutput, o.output.string(), "cannot finish the video file");
  const double render_s = seconds_since(t_render);

  TruthHeader header;
  header.source = input;
  header.fps = fps;
  header.frames = static_cast<int>(frames);
  header.face_found_fraction = static_cast<double>(found_out) / frames;
  header.seed = o.seed;
  header.mirrored_output = o.mirror_output;
  if (!write_truth_file(o.truth, truth_json(header, schedule, natural)))
    return fail(kExitOutput, o.truth.string(), "cannot write the truth file");

  std::ostringstream summary;
  summary.precision(3);
  summary << "hemitrack-inject: " << frames << " frames (" << frames / fps << " s at " << fps << " fps, codec "
          << sink.codec() << "), " << schedule.events.size() << " events, " << schedule.blinks.size()
          << " blinks, " << natural.size() << " natural blinks; landmarks " << fit_s << " s for "
          << clip.frames.size() << " source frames, render+encode " << render_s << " s (" << warped_frames
          << " warped), total " << seconds_since(t_start) << " s\n";
  if (flipped_frames > 0)
    summary << "hemitrack-inject: warning: " << flipped_frames
            << " warped frames had folded triangles (left unwarped there); check --debug-frames\n";
  std::cerr << summary.str();
  return {};
}

}  // namespace hemitrack::inject
