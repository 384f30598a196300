// hemitrack-inject: command-line parsing only; the work is in injector.cpp.
#include <charconv>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include "injector.h"

namespace {

using hemitrack::inject::InjectOptions;

constexpr const char* kUsage =
    "usage: hemitrack-inject (--video FILE | --image FILE) -o OUT.mp4 --truth OUT.json\n"
    "         [--duration SECONDS] [--fps F] [--seed N] [--events N] [--side right|left] [--blinks N]\n"
    "         [--size WxH] [--mirror-output] [--model PATH] [--debug-frames DIR]\n"
    "Injects one-sided facial contractions and bilateral blinks with known timing into\n"
    "face footage; writes the clip and a truth file (sides are the person's anatomical sides).\n"
    "  --duration S      output length; a video is looped ping-pong (default: its own length;\n"
    "                    60 s for --image)\n"
    "  --fps F           frame rate of the clip made from --image (default 30)\n"
    "  --seed N          schedule seed (default 1)\n"
    "  --events N        at least N one-sided events (default 24)\n"
    "  --side S          put every event on the person's right or left side (default: drawn per event)\n"
    "  --blinks N        bilateral blinks (default 12)\n"
    "  --size WxH        output frame size; letterboxed with black, aspect kept\n"
    "  --mirror-output   flip the output like a selfie camera (truth sides unchanged)\n"
    "  --model PATH      dlib 68-point shape predictor\n"
    "  --debug-frames D  write original|warped PNGs at the peaks of a selection of items\n"
    "exit codes: 0 ok, 2 usage (or clip too short for the requested items), 3 unreadable input,\n"
    "            4 model missing, 5 cannot write output, 6 no face\n";

struct UsageError {
  std::string message;
};

template <typename T>
std::optional<T> parse_number(std::string_view text) {
  T value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Returns the parsed options, or a message saying which argument is wrong.
std::optional<InjectOptions> parse(int argc, char** argv, bool& help) {
  InjectOptions o;
  bool have_video = false, have_image = false, have_fps = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> std::optional<std::string_view> {
      if (i + 1 >= argc) return std::nullopt;
      return std::string_view(argv[++i]);
    };
    auto need = [&](std::string_view name) -> std::string_view {
      auto v = value();
      if (!v) throw UsageError{std::string(name) + " needs a value"};
      return *v;
    };
    auto number = [&]<typename T>(std::string_view name, T lo) -> T {
      const auto text = need(name);
      const auto v = parse_number<T>(text);
      if (!v || *v < lo) throw UsageError{std::string(name) + ": invalid value '" + std::string(text) + "'"};
      return *v;
    };
    if (arg == "-h" || arg == "--help") {
      help = true;
      return std::nullopt;
    } else if (arg == "--video") {
      o.input = std::string(need(arg)), have_video = true;
    } else if (arg == "--image") {
      o.input = std::string(need(arg)), have_image = true, o.input_is_image = true;
    } else if (arg == "-o" || arg == "--output") {
      o.output = std::string(need(arg));
    } else if (arg == "--truth") {
      o.truth = std::string(need(arg));
    } else if (arg == "--duration") {
      o.duration_s = number(arg, 1e-3);
    } else if (arg == "--fps") {
      o.image_fps = number(arg, 1.0), have_fps = true;
    } else if (arg == "--seed") {
      o.seed = number(arg, 0u);
    } else if (arg == "--events") {
      o.events = number(arg, 0);
    } else if (arg == "--side") {
      const auto text = need(arg);
      if (text != "right" && text != "left")
        throw UsageError{"--side: expected right or left, got '" + std::string(text) + "'"};
      o.side = text == "right" ? hemitrack::Side::right : hemitrack::Side::left;
    } else if (arg == "--blinks") {
      o.blinks = number(arg, 0);
    } else if (arg == "--size") {
      const auto text = need(arg);
      const auto x = text.find('x');
      const auto w = x == std::string_view::npos ? std::nullopt : parse_number<int>(text.substr(0, x));
      const auto h = x == std::string_view::npos ? std::nullopt : parse_number<int>(text.substr(x + 1));
      if (!w || !h || *w < 16 || *h < 16 || *w % 2 || *h % 2)
        throw UsageError{"--size: expected even WxH such as 640x480, got '" + std::string(text) + "'"};
      o.out_width = *w, o.out_height = *h;
    } else if (arg == "--mirror-output") {
      o.mirror_output = true;
    } else if (arg == "--model") {
      o.model = std::string(need(arg));
    } else if (arg == "--debug-frames") {
      o.debug_dir = std::string(need(arg));
    } else {
      throw UsageError{"unknown argument '" + std::string(arg) + "'"};
    }
  }
  if (have_video == have_image) throw UsageError{"give exactly one of --video FILE or --image FILE"};
  if (o.output.empty()) throw UsageError{"missing -o OUT.mp4"};
  if (o.truth.empty()) throw UsageError{"missing --truth OUT.json"};
  if (have_fps && !have_image) throw UsageError{"--fps applies to --image only (a video keeps its own rate)"};
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  bool help = false;
  std::optional<InjectOptions> options;
  try {
    options = parse(argc, argv, help);
  } catch (const UsageError& e) {
    std::cerr << "hemitrack-inject: " << e.message << " (see --help)\n";
    return hemitrack::inject::kExitUsage;
  }
  if (help) {
    std::cout << kUsage;
    return hemitrack::inject::kExitOk;
  }
  const auto outcome = hemitrack::inject::run_injection(*options);
  if (outcome.code != hemitrack::inject::kExitOk) std::cerr << "hemitrack-inject: " << outcome.error << "\n";
  return outcome.code;
}
