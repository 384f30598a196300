#include "apps/cli/cli_args.h"

#include <algorithm>
#include <cstdlib>

namespace hemitrack {

std::string usage_text() {
  return "usage: hemitrack analyze INPUT [-o OUTDIR] [--mirrored] [--model PATH] [--fps F] [--quiet] [--no-store]\n"
         "                         [--tag TEXT ...]\n"
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
         "  --no-store     do not keep the result as a session in the history\n"
         "                 ($XDG_DATA_HOME/hemitrack/hemitrack.db, default ~/.local/share)\n"
         "  --tag TEXT     a context tag kept with the session (stress, caffeine, ...); repeatable\n"
         "\n"
         "Exit codes: 0 ok, 2 usage, 3 unreadable input, 4 model missing, 5 output not writable,\n"
         "            6 no face found, 7 input damaged part-way (results up to the damage written),\n"
         "            9 results written but not stored in the history, 130 interrupted\n"
         "            (Ctrl-C; results so far written).\n"
         "hemitrack measures; it does not diagnose.\n";
}

ParsedArgs parse_args(const std::vector<std::string>& args) {
  if (args.empty()) return UsageError{"no command given (try: hemitrack analyze INPUT)"};
  if (args[0] == "-h" || args[0] == "--help" || args[0] == "help") return HelpRequest{usage_text()};
  if (args[0] != "analyze")
    return UsageError{
        "unknown command '" + args[0] +
        "' (commands: analyze, sessions, treatments, diary, report, compare; no command opens the dashboard)"};

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
    } else if (a == "--no-store") {
      out.store = false;
    } else if (a == "--tag") {
      auto v = value("--tag");
      if (!v || v->empty()) return UsageError{"--tag needs a word or phrase, e.g. --tag tired"};
      out.tags.push_back(*v);
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

std::string sessions_usage_text() {
  return "usage: hemitrack sessions list\n"
         "       hemitrack sessions show ID\n"
         "       hemitrack sessions export ID (--csv | --json) [-o FILE]\n"
         "       hemitrack sessions delete ID [--yes]\n"
         "       hemitrack sessions tag ID [TAG ...]\n"
         "\n"
         "The monitoring history: every live session and every analysed file.\n"
         "  list           one line per session, newest first\n"
         "  show ID        a session's figures and its events\n"
         "  export ID      its events as CSV, or everything as JSON (the events.json shape),\n"
         "                 to standard output or to FILE\n"
         "  delete ID      the session, its events, signals and clips (asks first; --yes: don't)\n"
         "  tag ID TAG...  replaces the session's context tags, e.g. stress, tired, caffeine,\n"
         "                 screen-work, talking (any words; quote a phrase); no TAG clears them\n"
         "The history is kept in $XDG_DATA_HOME/hemitrack/hemitrack.db (default ~/.local/share).\n"
         "Exit codes: 0 ok, 2 usage, 3 no such session, 5 file not writable, 9 history unusable\n"
         "            (locked, damaged, not writable), 1 deletion not confirmed.\n";
}

ParsedSessionsArgs parse_sessions_args(const std::vector<std::string>& args) {
  if (args.size() < 2) return UsageError{"sessions needs an action: list, show, export, delete or tag"};
  const std::string& action = args[1];
  if (action == "-h" || action == "--help") return HelpRequest{sessions_usage_text()};
  SessionsArgs out;
  std::size_t next = 2;
  if (action == "list") {
    out.action = SessionsArgs::Action::list;
  } else if (action == "show" || action == "export" || action == "delete" || action == "tag") {
    char* end = nullptr;
    const long long id = next < args.size() ? std::strtoll(args[next].c_str(), &end, 10) : 0;
    if (next >= args.size() || end == args[next].c_str() || *end != '\0' || id <= 0)
      return UsageError{"sessions " + action + " needs a session number (see: hemitrack sessions list)"};
    out.id = id;
    ++next;
    out.action = action == "show"     ? SessionsArgs::Action::show
                 : action == "delete" ? SessionsArgs::Action::remove
                 : action == "tag"    ? SessionsArgs::Action::tag
                                      : SessionsArgs::Action::export_csv;
  } else {
    return UsageError{"unknown sessions action '" + action + "' (list, show, export, delete, tag)"};
  }
  bool format_given = false;
  for (std::size_t i = next; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") return HelpRequest{sessions_usage_text()};
    if (action == "export" && (a == "--csv" || a == "--json")) {
      if (format_given) return UsageError{"choose one of --csv and --json"};
      format_given = true;
      out.action = a == "--csv" ? SessionsArgs::Action::export_csv : SessionsArgs::Action::export_json;
    } else if (action == "export" && (a == "-o" || a == "--output")) {
      if (i + 1 >= args.size()) return UsageError{a + " needs a file"};
      out.output = args[++i];
    } else if (action == "delete" && a == "--yes") {
      out.yes = true;
    } else if (action == "tag" && (a.empty() || a[0] != '-')) {
      // A tag starting with '-' is more likely a mistyped option than a tag: refused below.
      if (a.find_first_not_of(" \t") == std::string::npos) return UsageError{"sessions tag: a tag cannot be blank"};
      if (std::find(out.tags.begin(), out.tags.end(), a) == out.tags.end()) out.tags.push_back(a);
    } else {
      return UsageError{"unexpected '" + a + "' for sessions " + action};
    }
  }
  if (action == "export" && !format_given) return UsageError{"sessions export needs --csv or --json"};
  return out;
}

}  // namespace hemitrack
