#pragma once
// The files `hemitrack analyze` writes, and the reader for events.json (DESIGN §4; tools and tests
// read it back). Every file is written to a temporary name and renamed when complete, so a reader
// never sees half a file.
#include "core/events.h"
#include "core/session_summary.h"
#include "core/signal_extractor.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hemitrack {

struct AnalysisRecord {
  std::string source;
  double fps = 0.0;
  std::int64_t frames = 0;
  double duration_s = 0.0;
  double face_found_fraction = 0.0;
  bool mirrored = false;
  bool damaged = false;      // the input broke off early; the record covers what was read
  bool interrupted = false;  // the user stopped the analysis; the record covers what was read
  std::vector<TwitchEvent> events;
  std::vector<Blink> blinks;
};

struct WriteError {
  std::string message;  // one line naming the file and the problem
};

std::optional<WriteError> write_events_json(const std::filesystem::path& path, const AnalysisRecord& record);
std::optional<WriteError> write_events_csv(const std::filesystem::path& path, const std::vector<TwitchEvent>& events);
std::optional<WriteError> write_summary_json(const std::filesystem::path& path, const AnalysisRecord& record,
                                             const SessionSummary& summary);

struct ReadError {
  std::string message;
};
// Reads events.json (or a truth file of the same shape). Unknown fields are ignored.
std::variant<AnalysisRecord, ReadError> read_events_json(const std::filesystem::path& path);

// signals.csv back into one FrameSignals per row, columns found by their header names (values
// carry the file's four decimals). Tools and tests read an analysis's signals with it.
std::variant<std::vector<FrameSignals>, ReadError> read_signals_csv(const std::filesystem::path& path);

// signals.csv, one row per frame, written as frames are analysed.
class SignalsCsvWriter {
 public:
  static std::variant<SignalsCsvWriter, WriteError> open(const std::filesystem::path& path);
  void write(std::int64_t frame_index, const FrameSignals& s);
  // Flushes and moves the file into place.
  std::optional<WriteError> close();

 private:
  SignalsCsvWriter(std::filesystem::path final_path, std::filesystem::path temp_path);
  std::filesystem::path final_path_;
  std::filesystem::path temp_path_;
  std::ofstream out_;
};

}  // namespace hemitrack
