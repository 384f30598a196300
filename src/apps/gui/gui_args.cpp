#include "apps/gui/gui_args.h"

#include <cstdio>
#include <cstdlib>

namespace hemitrack {
namespace {

std::optional<double> number(const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0') return std::nullopt;
  return v;
}

}  // namespace

std::string dashboard_usage_text() {
  return "usage: hemitrack [--camera N | --input FILE] [--mirrored] [--model PATH] [--speed X]\n"
         "                 [--screenshot OUT.png [--frames N]] [--size WxH] [--settings] [--history]\n"
         "                 [--cycle [trend|compare|treatments|diary|report]]\n"
         "       hemitrack analyze INPUT ...   (hemitrack analyze --help)\n"
         "       hemitrack sessions | treatments | diary ...   the history, the treatment log and\n"
         "                                     the HFS-7 diary (hemitrack COMMAND --help)\n"
         "       hemitrack report | compare ...   the neurologist's PDF report, before/after comparison\n"
         "\n"
         "Opens the live dashboard. Without a camera it plays the bundled demo clip.\n"
         "  --camera N         camera number (default: the one saved in the settings, at first 0)\n"
         "  --input FILE       play a video file through the live analysis instead of a camera\n"
         "  --mirrored         the source is mirrored (e.g. a phone selfie); sides stay anatomical\n"
         "  --model PATH       dlib 68-point shape model (default as for analyze)\n"
         "  --speed X          file playback speed: 1 its own rate (default), 0 as fast as possible\n"
         "  --drop-late        with --input: drop frames analysis cannot keep up with, as a\n"
         "                     camera does (benchmarks of the live path)\n"
         "  --screenshot PNG   run without interaction, save the window to PNG and what it showed\n"
         "                     to the same name with .json, then quit\n"
         "  --frames N         with --screenshot: after N analysed frames (default: the file's end)\n"
         "  --size WxH         window size (default 1280x800)\n"
         "  --settings         start with the Settings window open\n"
         "  --history          start with the History window open on the newest session\n"
         "  --cycle [TAB]      start with the Treatment cycle window open (trend by default)\n"
         "Settings are kept in $XDG_CONFIG_HOME/hemitrack/settings.json (default ~/.config),\n"
         "sessions and clips in $XDG_DATA_HOME/hemitrack/ (default ~/.local/share).\n"
         "hemitrack measures; it does not diagnose.\n";
}

DashboardParsed parse_dashboard_args(const std::vector<std::string>& args) {
  DashboardArgs out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    if (a == "-h" || a == "--help") return HelpRequest{dashboard_usage_text()};
    if (a == "--mirrored") {
      out.mirrored = true;
    } else if (a == "--settings") {
      out.open_settings = true;
    } else if (a == "--drop-late") {
      out.drop_late = true;
    } else if (a == "--history") {
      out.open_history = true;
    } else if (a == "--cycle") {
      out.open_cycle = true;
      if (i + 1 < args.size() && !args[i + 1].starts_with("-")) {
        const std::string& tab = args[++i];
        if (tab != "trend" && tab != "compare" && tab != "treatments" && tab != "diary" && tab != "report")
          return UsageError{"--cycle: unknown tab '" + tab + "' (trend, compare, treatments, diary, report)"};
        out.cycle_tab = tab;
      }
    } else if (a == "--camera") {
      auto v = value();
      auto n = v ? number(*v) : std::nullopt;
      if (!n || *n < 0 || *n > 63 || *n != static_cast<int>(*n)) return UsageError{"--camera needs a camera number 0-63"};
      out.camera = static_cast<int>(*n);
    } else if (a == "--input") {
      auto v = value();
      if (!v) return UsageError{"--input needs a video file"};
      out.input = *v;
    } else if (a == "--model") {
      auto v = value();
      if (!v) return UsageError{"--model needs a path"};
      out.model = *v;
    } else if (a == "--speed") {
      auto v = value();
      auto n = v ? number(*v) : std::nullopt;
      if (!n || *n < 0 || *n > 64) return UsageError{"--speed needs a number from 0 (as fast as possible) to 64"};
      out.speed = *n;
    } else if (a == "--screenshot") {
      auto v = value();
      if (!v) return UsageError{"--screenshot needs a PNG path"};
      out.screenshot = *v;
    } else if (a == "--frames") {
      auto v = value();
      auto n = v ? number(*v) : std::nullopt;
      if (!n || *n < 1 || *n != static_cast<std::int64_t>(*n)) return UsageError{"--frames needs a whole number of frames"};
      out.frames = static_cast<std::int64_t>(*n);
    } else if (a == "--size") {
      auto v = value();
      int w = 0, h = 0;
      if (!v || std::sscanf(v->c_str(), "%dx%d", &w, &h) != 2 || w < 640 || h < 480 || w > 8192 || h > 8192)
        return UsageError{"--size needs WIDTHxHEIGHT, at least 640x480"};
      out.width = w;
      out.height = h;
    } else {
      return UsageError{"unknown option '" + a + "'"};
    }
  }
  if (out.camera && out.input) return UsageError{"choose either --camera or --input, not both"};
  if (out.frames > 0 && !out.screenshot) return UsageError{"--frames only applies with --screenshot"};
  return out;
}

}  // namespace hemitrack
