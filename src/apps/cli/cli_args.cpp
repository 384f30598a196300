#include "apps/cli/cli_args.h"

#include <cstdlib>

namespace hemitrack {

std::string usage_text() {
  return "usage: hemitrack analyze INPUT [-o OUTDIR] [--mirrored] [--model PATH] [--fps F] [--quiet]\n"
         "\n"
         "Analyses a video file (or a folder of images) for one-sided facial twitches.\n"
         "  INPUT          a video file OpenCV/FFmpeg can decode, or a folder of images\n"
         "  -o OUTDIR      where to write events.json, events.csv, signals.csv, summary.json\n"
         "                 (default: hemitrack-results/<input name>)\n"
         "  --mirrored     the video is mirrored (e.g. a phone selfie); sides stay anatomical\n"
         "  --model PATH   dlib 68-point shape model (default: $HEMITRACK_MODEL, then\n"
         "                 /usr/share/dlib/shape_predictor_68_face_landmarks.dat from libdlib-data)\n"
         "  --fps F        frame rate of an image folder (default 30)\n"
         "  --quiet        no progress bar and no summary on the terminal\n"
         "\n"
         "Exit codes: 0 ok, 2 usage, 3 unreadable input, 4 model missing, 5 output not writable,\n"
         "            6 no face found, 7 input damaged part-way (results up to the damage written),\n"
         "            130 interrupted (Ctrl-C; results so far written).\n"
         "hemitrack measures; it does not diagnose.\n";
}

ParsedArgs parse_args(const std::vector<std::string>& args) {
  if (args.empty()) return UsageError{"no command given (try: hemitrack analyze INPUT)"};
  if (args[0] == "-h" || args[0] == "--help" || args[0] == "help") return HelpRequest{usage_text()};
  if (args[0] != "analyze") return UsageError{"unknown command '" + args[0] + "' (try: hemitrack analyze INPUT)"};

  AnalyzeArgs out;
  bool have_input = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&](const char* flag) -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      (void)flag;
      return args[++i];
    };
    if (a == "-h" || a == "--help") return HelpRequest{usage_text()};
    if (a == "--mirrored") {
      out.mirrored = true;
    } else if (a == "--quiet" || a == "-q") {
      out.quiet = true;
    } else if (a == "-o" || a == "--output") {
      auto v = value("-o");
      if (!v) return UsageError{a + " needs a folder"};
      out.output_dir = *v;
    } else if (a == "--model") {
      auto v = value("--model");
      if (!v) return UsageError{"--model needs a path"};
      out.model = *v;
    } else if (a == "--fps") {
      auto v = value("--fps");
      char* end = nullptr;
      const double fps = v ? std::strtod(v->c_str(), &end) : 0.0;
      if (!v || end == v->c_str() || *end != '\0' || !(fps > 0.0 && fps <= 1000.0))
        return UsageError{"--fps needs a frame rate between 0 and 1000"};
      out.image_folder_fps = fps;
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      return UsageError{"unknown option '" + a + "'"};
    } else if (!have_input) {
      out.input = a;
      have_input = true;
    } else {
      return UsageError{"more than one input given ('" + out.input.string() + "' and '" + a + "')"};
    }
  }
  if (!have_input) return UsageError{"analyze needs an INPUT video or image folder"};
  return out;
}

}  // namespace hemitrack
