#include "storage/clip_encoder.h"

#include "concurrency/helper_thread.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <map>
#include <optional>
#include <system_error>
#include <utility>

#include <sys/resource.h>
#include <unistd.h>

namespace hemitrack {
namespace fs = std::filesystem;

namespace {

std::string seconds(double s) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", s);
  return text;
}

// "x.auto.mp4" when free, else "x-2.auto.mp4", "x-3.auto.mp4", ...
fs::path free_name(const fs::path& wanted) {
  std::error_code ec;
  if (!fs::exists(wanted, ec)) return wanted;
  const std::string name = wanted.filename().string();
  const auto kind = clip_kind_of(wanted);
  const std::string suffix = kind ? "." + std::string(to_string(*kind)) + ".mp4" : wanted.extension().string();
  const std::string base = name.substr(0, name.size() - suffix.size());
  for (int n = 2;; ++n) {
    fs::path candidate = wanted.parent_path() / (base + "-" + std::to_string(n) + suffix);
    if (!fs::exists(candidate, ec)) return candidate;
  }
}

// One clip being written, owned by the encoder thread.
class ClipWriter {
 public:
  ClipWriter(ClipSpec spec, const ClipEncoderOptions& options)
      : spec_(std::move(spec)), options_(options), fps_(spec_.fps > 0.0 ? spec_.fps : options.fallback_fps) {
    partial_ = clip_partial_path(spec_.final_path);
  }

  void write(const RingFrame& frame) {
    if (!error_.empty()) return;  // a clip that cannot be written still consumes its frames
    cv::Mat picture = decompress_frame(*frame.jpeg);
    if (picture.empty()) return;  // cannot happen for frames compress_frame made; the gap is filled
    if (!writer_.isOpened() && !open(picture.size())) return;
    if (picture.size() != size_) cv::resize(picture, picture, size_, 0, 0, cv::INTER_AREA);  // camera changed mode
    if (written_ == 0) first_s_ = frame.time_s;
    // Place the frame by its timestamp: repeat the previous one over a gap of a frame or more.
    const auto slot = static_cast<std::int64_t>(std::llround((frame.time_s - first_s_) * fps_));
    while (written_ < slot && !last_.empty()) {
      writer_.write(last_);
      ++written_;
      ++repeated_;
    }
    writer_.write(picture);
    ++written_;
    last_ = picture;
    last_s_ = frame.time_s;
  }

  ClipResult finish(const ClipEnding& ending) {
    ClipResult r;
    r.clip_id = spec_.id;
    r.kind = spec_.kind;
    r.event_ids = ending.event_ids;
    r.frames_dropped = ending.frames_dropped;
    fs::path target;
    try {
      // Frames dropped at the very end leave no later frame to fill their gap: hold the last one.
      if (written_ > 0 && ending.last_offered_s) {
        const auto slots = std::llround((*ending.last_offered_s - first_s_) * fps_) + 1;
        while (written_ < slots) {
          writer_.write(last_);
          ++written_;
          ++repeated_;
        }
      }
      writer_.release();
      if (error_.empty() && written_ == 0)
        fail("no frames between " + seconds(ending.from_s) + " and " + seconds(ending.to_s) +
             " s reached the recorder (asked for too late, or the source stopped)");
      if (error_.empty() && !complete()) fail("the encoded file came out incomplete (disk full or write error)");
      if (error_.empty()) {
        target = free_name(spec_.final_path);
        std::error_code ec;
        fs::rename(partial_, target, ec);
        if (ec) fail("cannot move the finished clip into place (" + ec.message() + ")");
        // A clip shows the person's face: readable by them only, like the database, even if the
        // folder is later copied or its mode changed.
        if (!ec) fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write, ec);
      }
    } catch (const std::exception& e) {
      fail(std::string("finishing failed: ") + e.what());
    }
    if (!error_.empty()) {
      std::error_code ignored;
      if (probed_) fs::remove(partial_, ignored);  // created by this clip: never leave half a clip behind
      r.error = error_;
      return r;
    }
    std::error_code ec;
    r.path = target;
    r.bytes = fs::file_size(target, ec);
    r.codec = codec_;
    r.frames = written_;
    r.frames_repeated = repeated_;
    r.first_frame_s = first_s_;
    r.last_frame_s = last_s_;
    return r;
  }

  // Keeps the first problem only: later ones follow from it. Returns false, for open()'s returns.
  bool fail(const std::string& problem) {
    if (error_.empty()) error_ = "clip " + spec_.final_path.string() + ": " + problem;
    return false;
  }

 private:
  bool open(cv::Size size) {
    const fs::path folder = spec_.final_path.parent_path().empty() ? fs::path(".") : spec_.final_path.parent_path();
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) return fail("cannot create the folder " + folder.string() + " (" + ec.message() + ")");
    const fs::space_info space = fs::space(folder, ec);
    if (!ec && space.available < options_.min_free_bytes)
      return fail("only " + std::to_string(space.available >> 20) + " MB free on the disk, " +
                  std::to_string(options_.min_free_bytes >> 20) + " MB are kept free");
    // OpenCV says only "not opened"; a plain file open says why (no permission, not a folder).
    {
      std::ofstream probe(partial_, std::ios::binary | std::ios::trunc);
      probed_ = static_cast<bool>(probe);
      if (!probe) return fail("cannot write in " + folder.string() + " (" + std::strerror(errno) + ")");
    }
    for (const char* fourcc : {"avc1", "mp4v"}) {
      const int code = cv::VideoWriter::fourcc(fourcc[0], fourcc[1], fourcc[2], fourcc[3]);
      writer_.open(partial_.string(), cv::CAP_FFMPEG, code, fps_, size);
      if (writer_.isOpened()) {
        codec_ = fourcc;
        size_ = size;
        return true;
      }
    }
    return fail("OpenCV's FFmpeg backend has no encoder for avc1 or mp4v");
  }

  // The container's own frame count, read back: a disk that filled up mid-clip leaves a file
  // without its index (or with fewer frames) even though every write looked fine to OpenCV.
  bool complete() const {
    cv::VideoCapture check(partial_.string(), cv::CAP_FFMPEG);
    if (!check.isOpened()) return false;
    return static_cast<std::int64_t>(std::llround(check.get(cv::CAP_PROP_FRAME_COUNT))) == written_;
  }

  ClipSpec spec_;
  const ClipEncoderOptions& options_;
  double fps_;
  fs::path partial_;
  cv::VideoWriter writer_;
  cv::Size size_;
  std::string codec_;
  std::string error_;
  bool probed_ = false;
  cv::Mat last_;
  double first_s_ = 0.0;
  double last_s_ = 0.0;
  std::int64_t written_ = 0;
  std::int64_t repeated_ = 0;
};

}  // namespace

ClipEncoder::ClipEncoder(ClipEncoderOptions options) : options_(std::move(options)), worker_([this] { run(); }) {}

ClipEncoder::~ClipEncoder() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

void ClipEncoder::enqueue(Message m, std::size_t bytes) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(m));
    queued_bytes_ += bytes;
  }
  wake_.notify_one();
}

void ClipEncoder::begin(ClipSpec spec) { enqueue(std::move(spec), 0); }

bool ClipEncoder::add(int clip_id, RingFrame frame) {
  const std::size_t bytes = frame.bytes();
  {
    std::lock_guard lock(mutex_);
    // An empty queue takes any frame, so a budget smaller than one frame still lets frames through.
    if (queued_bytes_ > 0 && queued_bytes_ + bytes > options_.max_queued_bytes) return false;
    queue_.push_back(FrameMessage{clip_id, std::move(frame)});
    queued_bytes_ += bytes;
  }
  wake_.notify_one();
  return true;
}

void ClipEncoder::end(int clip_id, ClipEnding ending) { enqueue(EndMessage{clip_id, std::move(ending)}, 0); }

std::vector<ClipResult> ClipEncoder::take_finished() {
  std::lock_guard lock(results_mutex_);
  return std::exchange(finished_, {});
}

bool ClipEncoder::wait_idle(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return idle_.wait_for(lock, timeout, [&] { return queue_.empty() && !busy_; });
}

std::size_t ClipEncoder::queued_bytes() const {
  std::lock_guard lock(mutex_);
  return queued_bytes_;
}

void ClipEncoder::run() {
  // Clips are for later; the live picture and its analysis are for now. A lower priority (Linux
  // applies nice per thread, and the encoder's own worker threads inherit it) leaves analysis and
  // drawing most of the processor.
  setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
  // At idle priority the encoding moves to a thread of its own, and this thread keeps to itself
  // the locks it shares with the recorder (the queue's and the results').
  std::optional<HelperThread> idle_helper;
  if (options_.idle_priority) idle_helper.emplace(HelperThread::Priority::idle);
  const auto encode = [&](const std::function<void()>& job) {
    if (idle_helper) idle_helper->run(job);
    else job();
  };
  std::map<int, ClipWriter> clips;
  const auto deliver = [&](ClipResult r) {
    std::lock_guard lock(results_mutex_);
    finished_.push_back(std::move(r));
  };
  for (;;) {
    Message m;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) break;  // stopping, and everything queued is done
      m = std::move(queue_.front());
      queue_.pop_front();
      if (const auto* f = std::get_if<FrameMessage>(&m)) queued_bytes_ -= f->frame.bytes();
      busy_ = true;
    }
    // An exception must not end the thread (that would end the program): it fails the clip.
    try {
      if (auto* spec = std::get_if<ClipSpec>(&m)) {
        const int id = spec->id;
        clips.try_emplace(id, std::move(*spec), options_);
      } else if (auto* f = std::get_if<FrameMessage>(&m)) {
        if (auto it = clips.find(f->clip_id); it != clips.end()) {
          try {
            encode([&] {
              if (options_.before_each_frame) options_.before_each_frame();
              it->second.write(f->frame);
            });
          } catch (const std::exception& e) {
            it->second.fail(std::string("encoding failed: ") + e.what());
          }
        }
      } else if (auto* e = std::get_if<EndMessage>(&m)) {
        if (auto it = clips.find(e->clip_id); it != clips.end()) {
          ClipResult r;
          encode([&] { r = it->second.finish(e->ending); });
          deliver(std::move(r));
          clips.erase(it);
        }
      }
    } catch (const std::exception&) {
      // Only a failed allocation for a new clip gets here; its frames and end are then ignored.
    }
    {
      std::lock_guard lock(mutex_);
      busy_ = false;
      if (queue_.empty()) idle_.notify_all();
    }
  }
  for (auto& entry : clips) {
    ClipResult r;
    encode([&] { r = entry.second.finish(ClipEnding{}); });
    deliver(std::move(r));
  }
}

}  // namespace hemitrack
