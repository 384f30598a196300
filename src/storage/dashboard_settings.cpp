#include "storage/dashboard_settings.h"

#include "storage/atomic_file.h"
#include "storage/messages.h"
#include "storage/private_folders.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cfloat>
#include <charconv>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <system_error>
#include <vector>

#include <sys/stat.h>

namespace hemitrack {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Shortest text that reads back as the same value, so 16.1f is stored as 16.1, not 16.100000381.
template <class T>
std::string number_text(T v) {
  char buf[32];
  const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  return std::string(buf, end);
}



// nlohmann's text is "[json.exception.parse_error.101] parse error at line 1, column 2: ...;
// last read: '<file contents>'": keep the part that helps someone fix the file.
std::string parse_problem(const json::exception& e) {
  std::string s = e.what();
  if (const auto close = s.find("] "); s.rfind("[json.exception", 0) == 0 && close != std::string::npos)
    s.erase(0, close + 2);
  if (const auto last = s.find("; last read"); last != std::string::npos) s.erase(last);
  return s;
}


// Moves a file that could not be used out of the way, so the next save does not overwrite what the
// user had. Returns the end of the warning sentence.
std::string keep_aside(const fs::path& path) {
  fs::path bad = path;
  bad += ".bad";
  std::error_code ec;
  fs::rename(path, bad, ec);
  if (ec)
    return "; it could not be kept aside as '" + bad.string() + "' (" + ec.message() +
           ") and will be replaced at the next save";
  return "; it was kept as '" + bad.string() + "'";
}

std::optional<int> as_int(const json& v) {
  if (!v.is_number_integer()) return std::nullopt;
  // Saturates, so a huge number reads as out of range instead of wrapping into range.
  const std::int64_t n = v.is_number_unsigned()
                             ? static_cast<std::int64_t>(std::min<std::uint64_t>(v.get<std::uint64_t>(), INT_MAX))
                             : v.get<std::int64_t>();
  return static_cast<int>(std::clamp<std::int64_t>(n, INT_MIN, INT_MAX));
}

std::optional<float> as_float(const json& v) {
  if (!v.is_number()) return std::nullopt;
  return static_cast<float>(std::clamp(v.get<double>(), -double{FLT_MAX}, double{FLT_MAX}));
}

std::optional<bool> as_bool(const json& v) { return v.is_boolean() ? std::optional(v.get<bool>()) : std::nullopt; }

std::optional<Sensitivity> as_sensitivity(const json& v) {
  return v.is_string() ? parse_sensitivity(v.get_ref<const std::string&>()) : std::nullopt;
}

std::optional<ClipPolicy> as_clip_policy(const json& v) {
  return v.is_string() ? parse_clip_policy(v.get_ref<const std::string&>()) : std::nullopt;
}

std::optional<Theme> as_theme(const json& v) {
  return v.is_string() ? parse_theme(v.get_ref<const std::string&>()) : std::nullopt;
}

// Takes the file's fields one at a time, so one bad value costs only that field.
struct FieldReader {
  const json& doc;
  DashboardSettings settings;
  std::vector<std::string> problems;

  template <class T>
  void read(const char* key, T DashboardSettings::*field, std::optional<T> (*convert)(const json&),
            const char* expected) {
    const auto it = doc.find(key);
    if (it == doc.end()) return;
    const std::optional<T> value = convert(*it);
    if (!value) {
      problems.push_back(std::string(key) + " must be " + expected);
      return;
    }
    // The defaults pass validate(), so a copy of them differing in this field alone reports only
    // this field's problem.
    DashboardSettings probe;
    probe.*field = *value;
    if (auto e = probe.validate(); !e.empty())
      problems.push_back(std::move(e));
    else
      settings.*field = *value;
  }
};

json to_json(const DashboardSettings& s) {
  return {{"camera_index", s.camera_index},
          {"capture_width", s.capture_width},
          {"capture_height", s.capture_height},
          {"mirror_view", s.mirror_view},
          {"show_overlay", s.show_overlay},
          {"sensitivity", std::string(to_string(s.sensitivity))},
          {"theme", std::string(to_string(s.theme))},
          {"font_size", std::strtod(number_text(s.font_size).c_str(), nullptr)},
          {"event_clips", std::string(to_string(s.event_clips))},
          {"clip_overlay", s.clip_overlay},
          {"landmarks_only", s.landmarks_only},
          {"clip_budget_mb", s.clip_budget_mb}};
}


}  // namespace

std::string_view to_string(Sensitivity s) {
  switch (s) {
    case Sensitivity::low: return "low";
    case Sensitivity::normal: return "normal";
    case Sensitivity::high: return "high";
  }
  return "?";
}

std::optional<Sensitivity> parse_sensitivity(std::string_view text) {
  for (Sensitivity s : {Sensitivity::low, Sensitivity::normal, Sensitivity::high})
    if (text == to_string(s)) return s;
  return std::nullopt;
}

std::string_view describe(Sensitivity s) {
  switch (s) {
    case Sensitivity::low:
      return "Counts only clear twitches. Fewer false alarms; small flickers may be missed.";
    case Sensitivity::normal:
      return "Counts clear twitches and most smaller ones. The recommended balance for most people.";
    case Sensitivity::high:
      return "Counts even small flickers. Misses the least, but now and then an ordinary movement may be "
             "counted as a twitch.";
  }
  return "";
}

std::string_view to_string(Theme t) {
  switch (t) {
    case Theme::dark: return "dark";
    case Theme::light: return "light";
  }
  return "?";
}

std::optional<Theme> parse_theme(std::string_view text) {
  for (Theme t : {Theme::dark, Theme::light})
    if (text == to_string(t)) return t;
  return std::nullopt;
}

std::string DashboardSettings::validate() const {
  const auto between = [](auto v, auto lo, auto hi, const char* name) -> std::string {
    if (v >= lo && v <= hi) return {};  // written so that NaN fails
    return std::string(name) + " must be between " + number_text(lo) + " and " + number_text(hi);
  };
  if (auto e = between(camera_index, 0, kMaxCameraIndex, "camera_index"); !e.empty()) return e;
  if (auto e = between(capture_width, kMinCaptureWidth, kMaxCaptureWidth, "capture_width"); !e.empty()) return e;
  if (auto e = between(capture_height, kMinCaptureHeight, kMaxCaptureHeight, "capture_height"); !e.empty())
    return e;
  if (auto e = between(font_size, kMinFontSize, kMaxFontSize, "font_size"); !e.empty()) return e;
  // A value cast in from outside the enum has no name, so it does not survive the round trip.
  if (!parse_sensitivity(to_string(sensitivity))) return "sensitivity must be low, normal or high";
  if (!parse_theme(to_string(theme))) return "theme must be dark or light";
  if (!parse_clip_policy(to_string(event_clips))) return "event_clips must be all, tonic or none";
  if (auto e = between(clip_budget_mb, kMinClipBudgetMb, kMaxClipBudgetMb, "clip_budget_mb"); !e.empty()) return e;
  return {};
}

std::filesystem::path default_settings_path() {
  return user_folder("XDG_CONFIG_HOME", ".config", fs::path("hemitrack") / "settings.json");
}

SettingsLoad load_settings(const std::filesystem::path& path) {
  SettingsLoad result;
  try {
    const std::string where = "settings file '" + path.string() + "'";
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found) return result;  // first start
    if (ec) {
      result.warning = one_line(where + " cannot be checked (" + ec.message() + "); using default settings");
      return result;
    }
    if (status.type() != fs::file_type::regular) {
      result.warning = one_line(where + " is not a regular file; using default settings");
      return result;
    }

    std::ifstream in(path, std::ios::binary);
    if (!in) {
      const std::string reason = system_reason(errno);
      result.warning = one_line(where + " cannot be read (" + reason + "); using default settings" + keep_aside(path));
      return result;
    }
    json doc;
    try {
      doc = json::parse(in);
    } catch (const json::exception& e) {
      in.close();
      result.warning = one_line(where + " is not valid JSON (" + parse_problem(e) + "); using default settings" +
                                keep_aside(path));
      return result;
    }
    in.close();
    if (!doc.is_object()) {
      result.warning =
          one_line(where + " does not hold a JSON object; using default settings" + keep_aside(path));
      return result;
    }

    FieldReader r{doc, {}, {}};
    r.read("camera_index", &DashboardSettings::camera_index, as_int, "a whole number");
    r.read("capture_width", &DashboardSettings::capture_width, as_int, "a whole number");
    r.read("capture_height", &DashboardSettings::capture_height, as_int, "a whole number");
    r.read("mirror_view", &DashboardSettings::mirror_view, as_bool, "true or false");
    r.read("show_overlay", &DashboardSettings::show_overlay, as_bool, "true or false");
    r.read("sensitivity", &DashboardSettings::sensitivity, as_sensitivity, "\"low\", \"normal\" or \"high\"");
    r.read("theme", &DashboardSettings::theme, as_theme, "\"dark\" or \"light\"");
    r.read("font_size", &DashboardSettings::font_size, as_float, "a number");
    r.read("event_clips", &DashboardSettings::event_clips, as_clip_policy, "\"all\", \"tonic\" or \"none\"");
    r.read("clip_overlay", &DashboardSettings::clip_overlay, as_bool, "true or false");
    r.read("landmarks_only", &DashboardSettings::landmarks_only, as_bool, "true or false");
    r.read("clip_budget_mb", &DashboardSettings::clip_budget_mb, as_int, "a whole number");
    result.settings = r.settings;
    if (!r.problems.empty()) {
      std::string joined;
      for (const auto& p : r.problems) joined += (joined.empty() ? "" : "; ") + p;
      result.warning = one_line(where + ": " + joined + "; using the default for each");
    }
    return result;
  } catch (const std::exception& e) {  // e.g. out of memory: still start, with defaults
    return {DashboardSettings{}, one_line("settings file '" + path.string() + "': " + e.what() +
                                          "; using default settings")};
  }
}

std::string save_settings(const std::filesystem::path& path, const DashboardSettings& settings) {
  try {
    const auto failure = [&](const std::string& why) {
      return one_line("cannot save settings to '" + path.string() + "': " + why);
    };
    if (auto e = settings.validate(); !e.empty()) return failure(e);
    if (const fs::path folder = path.parent_path(); !folder.empty())
      if (auto e = create_private_folders(folder)) return failure(e->message);
    if (auto e = write_atomically(path, to_json(settings).dump(2) + "\n")) return failure(*e);
    return {};
  } catch (const std::exception& e) {
    return one_line("cannot save settings to '" + path.string() + "': " + e.what());
  }
}

}  // namespace hemitrack
