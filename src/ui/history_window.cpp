#include "ui/history_window.h"

#include "ui/opaque_draw.h"
#include "ui/palette.h"
#include "ui/panels.h"
#include "ui/time_plot.h"

#include <imgui.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

namespace hemitrack::ui {
namespace {

std::string duration_text(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld h %02ld min", s / 3600, s / 60 % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld min %02ld s", s / 60, s % 60);
  return buf;
}

// "2026-11-22T03:40:12Z" -> "2026-11-22 03:40"
std::string date_text(const std::string& iso) { return iso.size() >= 16 ? iso.substr(0, 10) + " " + iso.substr(11, 5) : iso; }

void seconds_into_session(double value, char* buf, int size, void*) {
  if (std::abs(value - std::round(value)) > 0.01) {  // ticks closer than a second: a short session
    std::snprintf(buf, static_cast<std::size_t>(size), "%.1f s", value);
    return;
  }
  const long s = std::lround(value);
  std::snprintf(buf, static_cast<std::size_t>(size), "%ld:%02ld", s / 60, s % 60);
}

}  // namespace

bool ClipPlayer::open(const std::filesystem::path& file) {
  close();
  if (!capture_.open(file.string(), cv::CAP_FFMPEG)) return false;
  file_ = file;
  const double fps = capture_.get(cv::CAP_PROP_FPS);
  fps_ = fps > 0 && fps < 240 ? fps : 25.0;
  shown_ = 0;
  started_ = std::chrono::steady_clock::now();
  update();
  return true;
}

void ClipPlayer::close() {
  capture_.release();
  shown_ = 0;
}

void ClipPlayer::update() {
  if (!capture_.isOpened()) return;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  const auto due = static_cast<std::int64_t>(elapsed * fps_) + 1;
  bool decoded = false;
  while (shown_ < due) {
    if (!capture_.read(frame_)) {
      capture_.release();  // the end: the last frame stays on screen
      break;
    }
    ++shown_;
    decoded = true;
  }
  if (decoded) texture_.upload(frame_, false);
}

void HistoryWindow::reload() {
  if (!store_) {
    auto opened = SessionStore::open(database_);
    if (auto* e = std::get_if<StoreError>(&opened)) {
      problem_ = e->message;
      return;
    }
    store_.emplace(std::move(std::get<SessionStore>(opened)));
  }
  auto listed = store_->list_sessions();
  if (auto* e = std::get_if<StoreError>(&listed)) {
    problem_ = e->message;
    return;
  }
  problem_.clear();
  sessions_ = std::move(std::get<std::vector<SessionListing>>(listed));
}

void HistoryWindow::load(SessionId id) {
  player_.close();
  auto loaded = store_->load_session(id);
  if (auto* e = std::get_if<StoreError>(&loaded)) {
    problem_ = e->message;
    record_.reset();
    return;
  }
  record_ = std::move(std::get<SessionRecord>(loaded));
}

void HistoryWindow::draw(bool& open) {
  if (!open) {
    was_open_ = false;
    player_.close();
    return;
  }
  if (!was_open_) {
    reload();
    was_open_ = true;
  }
  if (newest_wanted_ && store_ && !sessions_.empty()) load(sessions_.front().id);
  newest_wanted_ = false;
  if (!begin_large_window("History", open, 70, 44)) {
    ImGui::End();
    return;
  }
  draw_problem(problem_);
  ImGui::BeginChild("sessions", ImVec2(ImGui::GetFontSize() * 28, 0), true);
  draw_list();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("session", ImVec2(0, 0), false);
  draw_session();
  ImGui::EndChild();
  draw_delete_confirmation();
  ImGui::End();
}

void HistoryWindow::draw_list() {
  if (ImGui::SmallButton("Refresh")) reload();
  ImGui::SameLine();
  ImGui::TextDisabled(sessions_.size() == 1 ? "1 session" : "%zu sessions", sessions_.size());
  if (sessions_.empty()) {
    ImGui::TextWrapped("Nothing kept yet. Every monitoring session and every analysed file appears here.");
    return;
  }
  if (!ImGui::BeginTable("list", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Started (UTC)");
  ImGui::TableSetupColumn("Length");
  ImGui::TableSetupColumn("Twitches/h");
  ImGui::TableSetupColumn("Longest");
  ImGui::TableHeadersRow();
  for (const SessionListing& s : sessions_) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(s.id));
    const bool selected = record_ && record_->id == s.id;
    if (ImGui::Selectable(date_text(s.started_at).c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) load(s.id);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.source.c_str());
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(duration_text(s.duration_s).c_str());
    ImGui::TableNextColumn();
    if (s.events_per_hour) {
      if (s.dominant_side) ImGui::PushStyleColor(ImGuiCol_Text, side_colour(*s.dominant_side));
      ImGui::Text("%.0f%s", *s.events_per_hour, s.dominant_side ? (*s.dominant_side == Side::right ? " R" : " L") : "");
      if (s.dominant_side) ImGui::PopStyleColor();
    } else {
      ImGui::TextDisabled("-");
    }
    ImGui::TableNextColumn();
    if (s.events > 0)
      ImGui::Text("%.1f s", s.longest_event_s);
    else
      ImGui::TextDisabled("-");
  }
  ImGui::EndTable();
}

void HistoryWindow::draw_session() {
  if (!record_) {
    ImGui::TextDisabled("Choose a session on the left.");
    return;
  }
  const SessionRecord& r = *record_;
  std::array<int, 2> per_side{};
  int tonic = 0;
  for (const TwitchEvent& e : r.events) {
    ++per_side[static_cast<std::size_t>(index_of(e.side))];
    tonic += e.kind == EventKind::tonic;
  }
  ImGui::Text("%s  -  %s", date_text(r.info.started_at).c_str(), r.info.source.c_str());
  ImGui::Text("%s monitored of %s;  %zu one-sided twitches (right %d, left %d; %d tonic);  %zu blinks",
              duration_text(r.monitored_s).c_str(), duration_text(r.duration_s).c_str(), r.events.size(), per_side[0],
              per_side[1], tonic, r.blinks.size());
  if (r.monitored_s > 0)
    ImGui::Text("%.1f twitches per hour of monitored time", static_cast<double>(r.events.size()) * 3600.0 / r.monitored_s);

  // The whole session's eye closure, with the events shaded.
  std::vector<float> x, right, left;
  x.reserve(r.signals.size());
  right.reserve(r.signals.size());
  left.reserve(r.signals.size());
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const double t0 = r.signals.empty() ? 0.0 : r.signals.front().time_s;
  for (const StoredFrame& f : r.signals) {
    x.push_back(static_cast<float>(f.time_s - t0));
    right.push_back(f.valid ? static_cast<float>(f.closure[0]) : nan);
    left.push_back(f.valid ? static_cast<float>(f.closure[1]) : nan);
  }
  std::vector<PlotSpan> spans;
  for (const TwitchEvent& e : r.events)
    spans.push_back({static_cast<float>(e.start_s - t0), static_cast<float>(e.end_s - t0), side_colour(e.side, 90)});
  const std::array<PlotSeries, 2> series = {{{"right", side_colour(Side::right), x, right, 1.5f},
                                             {"left", side_colour(Side::left), x, left, 1.5f}}};
  PlotOptions o;
  o.title = "Eye closure over the session (minutes:seconds)";
  o.x_min = 0.0f;
  o.x_max = x.empty() ? 1.0f : std::max(1.0f, x.back());
  o.max_y_ticks = 3;
  o.x_tick_formatter = seconds_into_session;
  time_plot("session_closure", ImVec2(-1, ImGui::GetFontSize() * 8), o, series, spans);

  const float list_h = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 1.5f;
  ImGui::BeginChild("events_and_clips", ImVec2(ImGui::GetContentRegionAvail().x * 0.5f, list_h));
  if (ImGui::BeginTable("events", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("At");
    ImGui::TableSetupColumn("Side");
    ImGui::TableSetupColumn("Regions");
    ImGui::TableSetupColumn("Clip");
    ImGui::TableHeadersRow();
    for (const TwitchEvent& e : r.events) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      char at[32];
      seconds_into_session(e.start_s - t0, at, sizeof at, nullptr);
      ImGui::Text("%s  %.2f s %s", at, e.duration_s(), std::string(to_string(e.kind)).c_str());
      ImGui::TableNextColumn();
      ImGui::PushStyleColor(ImGuiCol_Text, side_colour(e.side));
      ImGui::TextUnformatted(e.side == Side::right ? "right" : "left");
      ImGui::PopStyleColor();
      ImGui::TableNextColumn();
      std::string regions;
      for (Region g : e.regions) regions += (regions.empty() ? "" : " + ") + std::string(to_string(g));
      ImGui::TextUnformatted(regions.c_str());
      ImGui::TableNextColumn();
      // The clip showing the event: its own, or the one a burst of events was merged into.
      for (const ClipInfo& c : r.clips) {
        if (c.kind != ClipKind::automatic || c.start_s > e.start_s || c.end_s < e.end_s) continue;
        ImGui::PushID(static_cast<int>(c.id));
        if (ImGui::SmallButton("Play") && !player_.open(c.path)) problem_ = "cannot play clip '" + c.path.string() + "'";
        ImGui::PopID();
        break;
      }
    }
    ImGui::EndTable();
  }
  for (const ClipInfo& c : r.clips) {
    if (c.kind != ClipKind::manual) continue;
    ImGui::PushID(static_cast<int>(c.id));
    if (ImGui::SmallButton("Play recording") && !player_.open(c.path)) problem_ = "cannot play clip '" + c.path.string() + "'";
    ImGui::SameLine();
    ImGui::TextDisabled("%s", c.path.filename().string().c_str());
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("player", ImVec2(0, list_h));
  player_.update();
  const VideoTexture& tex = player_.texture();
  if (!tex.empty() && !player_.file().empty()) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const cv::Size size = tex.size();
    const float scale = std::min(avail.x / size.width, (avail.y - ImGui::GetTextLineHeightWithSpacing()) / size.height);
    if (scale > 0) opaque_image(tex.id(), ImVec2(size.width * scale, size.height * scale));
    ImGui::TextDisabled("%s%s", player_.file().filename().string().c_str(), player_.playing() ? "" : "  (ended)");
  } else if (r.clips.empty()) {
    ImGui::TextWrapped(r.info.landmarks_only ? "Landmarks only: no video was kept for this session."
                                             : "No clips in this session.");
  } else {
    ImGui::TextWrapped("Press Play beside an event to watch its clip (3 s before to 3 s after).");
  }
  ImGui::EndChild();

  if (ImGui::Button("Delete this session...")) confirm_delete_ = true;
}

void HistoryWindow::draw_delete_confirmation() {
  if (confirm_delete_) {
    ImGui::OpenPopup("Delete session?");
    confirm_delete_ = false;
  }
  if (!ImGui::BeginPopupModal("Delete session?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (record_) {
    ImGui::Text("Delete the session of %s with its %zu twitches and %zu clips?", date_text(record_->info.started_at).c_str(),
                record_->events.size(), record_->clips.size());
    ImGui::TextDisabled("This cannot be undone.");
    if (ImGui::Button("Delete")) {
      player_.close();
      auto deleted = store_->delete_session(record_->id);
      if (auto* e = std::get_if<StoreError>(&deleted)) {
        problem_ = e->message;
      } else {
        for (const auto& clip : std::get<std::vector<std::filesystem::path>>(deleted)) {
          std::error_code ec;
          std::filesystem::remove(clip, ec);
        }
        record_.reset();
        reload();
      }
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
  }
  if (ImGui::Button("Keep it")) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace hemitrack::ui
