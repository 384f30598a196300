#include "storage/analysis_files.h"

#include "storage/atomic_file.h"
#include "storage/event_format.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <system_error>

namespace hemitrack {
namespace {

using nlohmann::json;

std::optional<WriteError> write_file(const std::filesystem::path& path, const std::string& text) {
  if (auto reason = write_atomically(path, text)) return WriteError{"cannot write '" + path.string() + "': " + *reason};
  return std::nullopt;
}

std::optional<Side> side_from(const std::string& s) {
  if (s == "right") return Side::right;
  if (s == "left") return Side::left;
  return std::nullopt;
}

}  // namespace

std::optional<WriteError> write_events_json(const std::filesystem::path& path, const AnalysisRecord& r) {
  const json events = events_to_json(r.events);
  const json blinks = blinks_to_json(r.blinks);
  const json doc = {{"source", r.source},
                    {"fps", round_to(r.fps, 3)},
                    {"frames", r.frames},
                    {"duration_s", round_to(r.duration_s, 3)},
                    {"face_found_fraction", round_to(r.face_found_fraction, 4)},
                    {"mirrored", r.mirrored},
                    {"input_damaged", r.damaged},
                    {"interrupted", r.interrupted},
                    {"events", events},
                    {"blinks", blinks}};
  return write_file(path, doc.dump(2) + "\n");
}

std::optional<WriteError> write_events_csv(const std::filesystem::path& path, const std::vector<TwitchEvent>& events) {
  return write_file(path, events_csv(events));
}

std::optional<WriteError> write_summary_json(const std::filesystem::path& path, const AnalysisRecord& r,
                                             const SessionSummary& s) {
  const auto side_counts = [&](Side side) {
    const auto& k = s.events_by_side_kind[static_cast<std::size_t>(index_of(side))];
    return json{{"clonic", k[0]}, {"tonic", k[1]}, {"total", k[0] + k[1]}};
  };
  json not_measured = json::object();
  for (std::size_t i = 1; i < kNotMeasuredReasons; ++i)
    not_measured[std::string(to_string(static_cast<NotMeasured>(i)))] = round_to(s.not_measured_s[i], 3);
  json doc = {{"source", r.source},
              {"duration_s", round_to(s.duration_s, 3)},
              {"monitored_s", round_to(s.monitored_s, 3)},
              {"not_measured_s", not_measured},
              {"face_found_fraction", round_to(r.face_found_fraction, 4)},
              {"events_total", s.events_total},
              {"events", {{"right", side_counts(Side::right)}, {"left", side_counts(Side::left)}}},
              {"events_by_region",
               {{"eye", s.events_by_region[0]}, {"mouth", s.events_by_region[1]}, {"brow", s.events_by_region[2]}}},
              {"other_babinski_events", s.babinski_events},
              {"events_per_minute", round_to(s.events_per_minute, 3)},
              {"blinks_total", s.blinks_total},
              {"blinks_per_minute", round_to(s.blinks_per_minute, 3)},
              {"affected_side", s.affected_side ? json(std::string(to_string(*s.affected_side))) : json(nullptr)},
              {"affected_eye_closed_pct", round_to(s.affected_eye_closed_pct, 2)},
              {"longest_event", s.longest_event ? event_to_json(*s.longest_event) : json(nullptr)},
              {"input_damaged", r.damaged}};
  return write_file(path, doc.dump(2) + "\n");
}

std::variant<AnalysisRecord, ReadError> read_events_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return ReadError{"cannot open '" + path.string() + "'"};
  json doc;
  try {
    doc = json::parse(in);
    AnalysisRecord r;
    r.source = doc.value("source", "");
    r.fps = doc.value("fps", 0.0);
    r.frames = doc.value("frames", std::int64_t{0});
    r.duration_s = doc.value("duration_s", 0.0);
    r.face_found_fraction = doc.value("face_found_fraction", 0.0);
    r.mirrored = doc.value("mirrored", false);
    r.damaged = doc.value("input_damaged", false);
    r.interrupted = doc.value("interrupted", false);
    int next_id = 1;
    for (const auto& e : doc.at("events")) {
      TwitchEvent ev;
      ev.id = e.value("id", next_id);
      ++next_id;
      ev.start_s = e.at("start_s").get<double>();
      ev.end_s = e.at("end_s").get<double>();
      const auto side = side_from(e.at("side").get<std::string>());
      if (!side) return ReadError{"'" + path.string() + "': event side must be \"left\" or \"right\""};
      ev.side = *side;
      for (const auto& name : e.value("regions", json::array())) {
        const std::string n = name.get<std::string>();
        if (n == "eye") ev.regions.push_back(Region::eye);
        else if (n == "mouth") ev.regions.push_back(Region::mouth);
        else if (n == "brow") ev.regions.push_back(Region::brow);
      }
      ev.kind = e.value("kind", "clonic") == "tonic" ? EventKind::tonic : EventKind::clonic;
      ev.peak_closure = e.value("peak_closure", 0.0);
      ev.other_babinski = e.value("other_babinski", e.value("babinski", false));
      r.events.push_back(std::move(ev));
    }
    for (const auto& b : doc.value("blinks", json::array()))
      r.blinks.push_back({b.at("start_s").get<double>(), b.at("end_s").get<double>(), 0.0, 0.0});
    return r;
  } catch (const json::exception& e) {
    return ReadError{"'" + path.string() + "' is not a valid events file: " + e.what()};
  }
}

std::variant<std::vector<FrameSignals>, ReadError> read_signals_csv(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line)) return ReadError{"cannot read '" + path.string() + "'"};
  const auto split = [](const std::string& text) {
    std::vector<std::string> cells;
    std::stringstream row(text);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    return cells;
  };
  const std::vector<std::string> header = split(line);
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < header.size(); ++i) column[header[i]] = i;
  for (const char* name : {"time_s", "face_found", "valid", "quality", "closure_right", "closure_left", "mouth_right",
                           "mouth_left", "brow_right", "brow_left", "yaw_deg", "pitch_deg", "roll_deg", "extreme_pose",
                           "head_speed", "settled", "spread_eye", "spread_mouth", "spread_brow"})
    if (!column.count(name)) return ReadError{"'" + path.string() + "' is not a signals file: no column " + name};

  std::vector<FrameSignals> frames;
  for (std::size_t row = 2; std::getline(in, line); ++row) {
    const std::vector<std::string> cells = split(line);
    const auto bad_row = [&] {
      return ReadError{"'" + path.string() + "' line " + std::to_string(row) + " is not a row of numbers"};
    };
    if (cells.size() != header.size()) return bad_row();
    std::vector<double> v(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
      char* end = nullptr;
      v[i] = std::strtod(cells[i].c_str(), &end);
      if (cells[i].empty() || *end != '\0') return bad_row();
    }
    const auto at = [&](const char* name) { return v[column.at(name)]; };
    FrameSignals s;
    s.time_s = at("time_s");
    s.face_found = at("face_found") != 0.0;
    s.valid = at("valid") != 0.0;
    s.settled = at("settled") != 0.0;
    s.quality = at("quality");
    s.closure = {at("closure_right"), at("closure_left")};
    s.mouth = {at("mouth_right"), at("mouth_left")};
    s.brow = {at("brow_right"), at("brow_left")};
    s.pose.yaw_deg = at("yaw_deg");
    s.pose.pitch_deg = at("pitch_deg");
    s.pose.roll_deg = at("roll_deg");
    s.extreme_pose = at("extreme_pose") != 0.0;
    s.head_speed = at("head_speed");
    s.spread = {at("spread_eye"), at("spread_mouth"), at("spread_brow")};
    frames.push_back(s);
  }
  return frames;
}

SignalsCsvWriter::SignalsCsvWriter(std::filesystem::path final_path, std::filesystem::path temp_path)
    : final_path_(std::move(final_path)), temp_path_(std::move(temp_path)) {}

std::variant<SignalsCsvWriter, WriteError> SignalsCsvWriter::open(const std::filesystem::path& path) {
  SignalsCsvWriter w(path, partial_name(path));
  w.out_.open(w.temp_path_, std::ios::binary | std::ios::trunc);
  if (!w.out_) return WriteError{"cannot write '" + path.string() + "': the folder is missing or not writable"};
  w.out_ << "frame,time_s,face_found,valid,quality,closure_right,closure_left,mouth_right,mouth_left,"
            "brow_right,brow_left,yaw_deg,pitch_deg,roll_deg,extreme_pose,head_speed,settled,spread_eye,spread_mouth,spread_brow\n";
  return w;
}

void SignalsCsvWriter::write(std::int64_t frame_index, const FrameSignals& s) {
  char line[320];
  std::snprintf(line, sizeof line, "%lld,%.4f,%d,%d,%.3f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.1f,%.1f,%.1f,%d,%.3f,%d,%.4f,%.4f,%.4f\n",
                static_cast<long long>(frame_index), s.time_s, s.face_found ? 1 : 0, s.valid ? 1 : 0, s.quality,
                s.closure[0], s.closure[1], s.mouth[0], s.mouth[1], s.brow[0], s.brow[1], s.pose.yaw_deg,
                s.pose.pitch_deg, s.pose.roll_deg, s.extreme_pose ? 1 : 0, s.head_speed, s.settled ? 1 : 0,
                s.spread[0], s.spread[1], s.spread[2]);
  out_ << line;
}

std::optional<WriteError> SignalsCsvWriter::close() {
  if (auto reason = finish_partial(out_, temp_path_, final_path_))
    return WriteError{"cannot write '" + final_path_.string() + "': " + *reason};
  return std::nullopt;
}

}  // namespace hemitrack
