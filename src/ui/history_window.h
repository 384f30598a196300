#pragma once
// The monitoring history: past sessions, one session's traces, events and clips, clips played
// inside the window, and deleting a session after a confirmation. Reads the database through a
// connection of its own (the live session writes through another).
#include "storage/session_store.h"
#include "ui/video_texture.h"

#include <opencv2/videoio.hpp>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hemitrack::ui {

// Plays a clip file into a texture at its own rate, one decoded frame per due time.
class ClipPlayer {
 public:
  bool open(const std::filesystem::path& file);  // false when OpenCV cannot read it
  void close();
  bool playing() const { return capture_.isOpened(); }
  // Decodes the frame due now (if any) into the texture; closes at the end of the clip.
  void update();
  const VideoTexture& texture() const { return texture_; }
  const std::filesystem::path& file() const { return file_; }

 private:
  cv::VideoCapture capture_;
  VideoTexture texture_;
  std::filesystem::path file_;
  double fps_ = 25.0;
  std::int64_t shown_ = 0;
  std::chrono::steady_clock::time_point started_;
  cv::Mat frame_;
};

class HistoryWindow {
 public:
  explicit HistoryWindow(std::filesystem::path database) : database_(std::move(database)) {}
  // Draws the window while `open`; reloads the list whenever it is opened.
  void draw(bool& open);
  // The list as last loaded, or the problem that stopped it (for tests and the screenshot).
  const std::vector<SessionListing>& sessions() const { return sessions_; }
  const std::string& problem() const { return problem_; }
  // Shows the newest session once the list is loaded (the window opened from the command line).
  void show_newest() { newest_wanted_ = true; }

 private:
  void reload();
  void load(SessionId id);
  void draw_list();
  void draw_session();
  void draw_delete_confirmation();

  std::filesystem::path database_;
  std::optional<SessionStore> store_;
  bool was_open_ = false;
  std::vector<SessionListing> sessions_;
  std::optional<SessionRecord> record_;
  bool newest_wanted_ = false;
  std::string problem_;
  ClipPlayer player_;
  bool confirm_delete_ = false;
};

}  // namespace hemitrack::ui
