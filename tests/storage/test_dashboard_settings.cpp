#include "storage/dashboard_settings.h"
#include "env_var.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

using namespace hemitrack;
namespace fs = std::filesystem;

namespace {

using test::TempDir;

using test::EnvVar;

void write_text(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
  REQUIRE(out.good());
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool same(const DashboardSettings& a, const DashboardSettings& b) {
  return a.camera_index == b.camera_index && a.capture_width == b.capture_width &&
         a.capture_height == b.capture_height && a.mirror_view == b.mirror_view && a.show_overlay == b.show_overlay &&
         a.sensitivity == b.sensitivity && a.theme == b.theme && a.font_size == b.font_size;
}

bool one_line(const std::string& s) { return s.find('\n') == std::string::npos && s.find('\r') == std::string::npos; }

bool running_as_root() { return ::geteuid() == 0; }

}  // namespace

TEST_CASE("default dashboard settings are valid and the names round-trip") {
  CHECK(DashboardSettings{}.validate().empty());
  for (Sensitivity s : {Sensitivity::low, Sensitivity::normal, Sensitivity::high}) {
    CHECK(parse_sensitivity(to_string(s)) == s);
    CHECK_FALSE(describe(s).empty());
  }
  for (Theme t : {Theme::dark, Theme::light}) CHECK(parse_theme(to_string(t)) == t);
  CHECK_FALSE(parse_sensitivity("High").has_value());
  CHECK_FALSE(parse_theme("").has_value());

  DashboardSettings s;
  s.font_size = 40.0f;
  CHECK(s.validate().find("font_size") != std::string::npos);
}

TEST_CASE("dashboard settings survive a save and a load") {
  TempDir dir;
  const fs::path path = dir.path() / "hemitrack" / "settings.json";
  DashboardSettings s;
  s.camera_index = 2;
  s.capture_width = 1280;
  s.capture_height = 720;
  s.mirror_view = false;
  s.show_overlay = false;
  s.sensitivity = Sensitivity::high;
  s.theme = Theme::light;
  s.font_size = 16.1f;

  REQUIRE(save_settings(path, s).empty());
  const SettingsLoad loaded = load_settings(path);
  CHECK(loaded.warning.empty());
  CHECK(same(loaded.settings, s));

  const std::string text = read_text(path);
  CHECK(text.find("\"sensitivity\": \"high\"") != std::string::npos);
  CHECK(text.find("\"theme\": \"light\"") != std::string::npos);
  CHECK(text.find("16.1,") != std::string::npos);  // not 16.100000381...

  // Saving again replaces the file and leaves no temporary file behind.
  s.sensitivity = Sensitivity::low;
  REQUIRE(save_settings(path, s).empty());
  CHECK(load_settings(path).settings.sensitivity == Sensitivity::low);
  int files = 0;
  for (const auto& entry : fs::directory_iterator(path.parent_path())) {
    CHECK(entry.path().filename() == "settings.json");
    ++files;
  }
  CHECK(files == 1);
}

TEST_CASE("the settings path honours an absolute XDG_CONFIG_HOME") {
  EnvVar home("HOME", "/home/tester");
  EnvVar xdg("XDG_CONFIG_HOME", "/custom/config");
  CHECK(default_settings_path() == fs::path("/custom/config/hemitrack/settings.json"));
}

TEST_CASE("the settings path falls back to HOME/.config when XDG_CONFIG_HOME is unusable") {
  EnvVar home("HOME", "/home/tester");
  const fs::path expected = "/home/tester/.config/hemitrack/settings.json";
  SECTION("unset") {
    EnvVar xdg("XDG_CONFIG_HOME", nullptr);
    CHECK(default_settings_path() == expected);
  }
  SECTION("relative, which the XDG spec says to ignore") {
    EnvVar xdg("XDG_CONFIG_HOME", "relative/config");
    CHECK(default_settings_path() == expected);
  }
  SECTION("empty") {
    EnvVar xdg("XDG_CONFIG_HOME", "");
    CHECK(default_settings_path() == expected);
  }
}

TEST_CASE("the settings path falls back to the working folder without XDG_CONFIG_HOME or HOME") {
  EnvVar xdg("XDG_CONFIG_HOME", nullptr);
  EnvVar home("HOME", nullptr);
  CHECK(default_settings_path() == fs::current_path() / "hemitrack" / "settings.json");
}

TEST_CASE("a missing settings file gives the defaults without a warning") {
  TempDir dir;
  const SettingsLoad loaded = load_settings(dir.path() / "hemitrack" / "settings.json");
  CHECK(loaded.warning.empty());
  CHECK(same(loaded.settings, DashboardSettings{}));
}

TEST_CASE("a corrupt settings file gives the defaults and a warning, and is kept aside") {
  TempDir dir;
  const fs::path path = dir.path() / "settings.json";
  std::string content;
  SECTION("not JSON") { content = "{ \"camera_index\": 3,\n  oops\n"; }
  SECTION("empty") { content = ""; }
  SECTION("JSON but not an object") { content = "[1, 2, 3]\n"; }
  write_text(path, content);

  const SettingsLoad loaded = load_settings(path);
  CHECK(same(loaded.settings, DashboardSettings{}));
  CHECK(loaded.warning.find(path.string()) != std::string::npos);
  CHECK(one_line(loaded.warning));
  CHECK_FALSE(fs::exists(path));
  const fs::path bad = dir.path() / "settings.json.bad";
  REQUIRE(fs::exists(bad));
  CHECK(read_text(bad) == content);

  // The next save writes a fresh file and leaves the user's old one alone.
  REQUIRE(save_settings(path, DashboardSettings{}).empty());
  CHECK(read_text(bad) == content);
}

TEST_CASE("a field of the wrong type falls back alone, unknown fields are ignored") {
  TempDir dir;
  const fs::path path = dir.path() / "settings.json";
  write_text(path, R"({"camera_index": "two", "capture_width": 800, "capture_height": 600,
                       "mirror_view": false, "show_overlay": 1, "sensitivity": "extreme", "theme": "light",
                       "font_size": 20, "added_in_a_later_version": {"x": 1}})");
  const SettingsLoad loaded = load_settings(path);
  CHECK(loaded.settings.camera_index == 0);
  CHECK(loaded.settings.show_overlay == true);
  CHECK(loaded.settings.sensitivity == Sensitivity::normal);
  CHECK(loaded.settings.capture_width == 800);
  CHECK(loaded.settings.capture_height == 600);
  CHECK(loaded.settings.mirror_view == false);
  CHECK(loaded.settings.theme == Theme::light);
  CHECK(loaded.settings.font_size == 20.0f);
  CHECK(loaded.warning.find(path.string()) != std::string::npos);
  CHECK(loaded.warning.find("camera_index") != std::string::npos);
  CHECK(loaded.warning.find("show_overlay") != std::string::npos);
  CHECK(loaded.warning.find("sensitivity") != std::string::npos);
  CHECK(loaded.warning.find("added_in_a_later_version") == std::string::npos);
  CHECK(one_line(loaded.warning));
  CHECK(fs::exists(path));  // a readable file with one bad field is not moved aside
}

TEST_CASE("out-of-range values fall back alone") {
  TempDir dir;
  const fs::path path = dir.path() / "settings.json";
  // 2^32 + 720 would wrap to a plausible 720 if cast to int naively.
  write_text(path, R"({"camera_index": 5, "capture_width": 20, "capture_height": 4294968016,
                       "font_size": 3.5, "theme": "light"})");
  const SettingsLoad loaded = load_settings(path);
  CHECK(loaded.settings.camera_index == 5);
  CHECK(loaded.settings.theme == Theme::light);
  CHECK(loaded.settings.capture_width == 640);
  CHECK(loaded.settings.capture_height == 480);
  CHECK(loaded.settings.font_size == 17.0f);
  CHECK(loaded.warning.find("capture_width") != std::string::npos);
  CHECK(loaded.warning.find("capture_height") != std::string::npos);
  CHECK(loaded.warning.find("font_size") != std::string::npos);
  CHECK(loaded.warning.find("camera_index") == std::string::npos);
  CHECK(one_line(loaded.warning));
}

TEST_CASE("saving into a read-only folder reports the path instead of throwing") {
  if (running_as_root()) {
    WARN("running as root, which ignores folder permissions: read-only check skipped");
    return;
  }
  TempDir dir;
  const fs::path folder = dir.path() / "locked";
  fs::create_directories(folder);
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);  // 0500
  const fs::path path = folder / "settings.json";
  std::string error;
  REQUIRE_NOTHROW(error = save_settings(path, DashboardSettings{}));
  CHECK(error.find(path.string()) != std::string::npos);
  CHECK(one_line(error));
  CHECK_FALSE(fs::exists(path));
}

TEST_CASE("an unreadable settings file gives the defaults and a warning, and is kept aside") {
  if (running_as_root()) {
    WARN("running as root, which ignores file permissions: unreadable-file check skipped");
    return;
  }
  TempDir dir;
  const fs::path path = dir.path() / "settings.json";
  write_text(path, R"({"camera_index": 3})");
  fs::permissions(path, fs::perms::none);
  const SettingsLoad loaded = load_settings(path);
  CHECK(loaded.settings.camera_index == 0);
  CHECK(loaded.warning.find(path.string()) != std::string::npos);
  CHECK(fs::exists(dir.path() / "settings.json.bad"));
}

TEST_CASE("saving under a path whose parent is a file reports the path instead of throwing") {
  TempDir dir;
  write_text(dir.path() / "not-a-folder", "x");
  const fs::path path = dir.path() / "not-a-folder" / "hemitrack" / "settings.json";
  std::string error;
  REQUIRE_NOTHROW(error = save_settings(path, DashboardSettings{}));
  CHECK(error.find(path.string()) != std::string::npos);
  CHECK(one_line(error));
}

TEST_CASE("saving refuses settings that would not load back") {
  TempDir dir;
  const fs::path path = dir.path() / "settings.json";
  DashboardSettings s;
  s.capture_width = 0;
  const std::string error = save_settings(path, s);
  CHECK(error.find("capture_width") != std::string::npos);
  CHECK_FALSE(fs::exists(path));
}

TEST_CASE("saving creates the missing settings folders with mode 0700") {
  TempDir dir;
  const fs::path path = dir.path() / "config" / "hemitrack" / "settings.json";
  REQUIRE(save_settings(path, DashboardSettings{}).empty());
  for (const fs::path& folder : {path.parent_path(), path.parent_path().parent_path()}) {
    struct stat st {};
    REQUIRE(::stat(folder.c_str(), &st) == 0);
    INFO(folder);
    CHECK((st.st_mode & 07777) == 0700);
  }
  // An existing folder keeps the mode its owner gave it.
  const fs::path shared = dir.path() / "shared";
  fs::create_directories(shared);
  fs::permissions(shared, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
  REQUIRE(save_settings(shared / "settings.json", DashboardSettings{}).empty());
  CHECK(fs::status(shared).permissions() == (fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec));
}
