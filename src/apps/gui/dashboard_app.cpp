#include "apps/gui/dashboard_app.h"

#include "apps/cli/exit_codes.h"
#include "apps/gui/demo_locator.h"
#include "apps/gui/screenshot_report.h"
#include "runtime/live_session.h"
#include "storage/dashboard_settings.h"
#include "ui/dashboard_model.h"
#include "ui/gl_window.h"
#include "report/pdf_report.h"
#include "report/report_builder.h"
#include "ui/cycle_window.h"
#include "ui/history_window.h"
#include "ui/palette.h"
#include "ui/panels.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

namespace hemitrack {
namespace {

using namespace std::chrono_literals;

// How much less (> 1) or more (< 1) readily the detector starts an episode: every threshold is
// scaled alike, so the balance between eye, mouth and brow stays as documented in DetectorConfig.
double threshold_scale(Sensitivity s) {
  switch (s) {
    case Sensitivity::low: return 1.3;
    case Sensitivity::high: return 0.8;
    case Sensitivity::normal: break;
  }
  return 1.0;
}

LiveOptions live_options(const DashboardArgs& args, const DashboardSettings& settings) {
  LiveOptions o;
  o.model = args.model;
  o.analysis.mirrored = args.mirrored;
  o.analysis.detector = o.analysis.detector.scaled(threshold_scale(settings.sensitivity));
  if (args.input) {
    o.source.kind = LiveSource::Kind::file;
    o.source.file = *args.input;
  } else {
    o.source.kind = LiveSource::Kind::camera;
    o.source.camera_index = args.camera.value_or(settings.camera_index);
    o.source.fallback_file = locate_demo_clip();
  }
  o.source.width = settings.capture_width;
  o.source.height = settings.capture_height;
  o.source.speed = args.speed;
  o.source.drop_late = args.drop_late;

  LiveStorageOptions storage;
  storage.database = default_database_path();
  storage.clips_dir = default_data_dir() / "clips";
  storage.clips = settings.event_clips;
  storage.landmarks_only = settings.landmarks_only;
  storage.burn_in_overlay = settings.clip_overlay;
  storage.clip_budget_bytes = static_cast<std::int64_t>(settings.clip_budget_mb) << 20;
  storage.info.settings_json = "{\"sensitivity\":\"" + std::string(to_string(settings.sensitivity)) + "\"}";
  o.storage = storage;
  return o;
}

// The dashboard's "Write PDF report": the same steps as `hemitrack report`, on the window's worker
// thread with a database connection of its own.
std::optional<std::string> write_report(DayNumber from, DayNumber to, const std::filesystem::path& pdf) {
  auto opened = SessionStore::open(default_database_path());
  if (auto* e = std::get_if<StoreError>(&opened)) return e->message;
  const SessionStore& store = std::get<SessionStore>(opened);
  auto gathered = gather_period(store, from, to);
  if (auto* e = std::get_if<StoreError>(&gathered)) return e->message;
  ReportOptions options;
  options.generated_day = today_utc();
  return report::write_report_pdf(build_report(store, std::get<PeriodData>(gathered), options), pdf);
}

// Reports go where a person looks for documents: the home folder, else the current one.
std::filesystem::path report_folder() {
  const char* home = std::getenv("HOME");
  return home && home[0] == '/' ? std::filesystem::path(home) : std::filesystem::current_path();
}

struct Banner {
  std::string text;
  ImU32 colour;
};

std::vector<Banner> banners(const ui::DashboardModel& model, const std::string& settings_problem) {
  std::vector<Banner> out;
  if (model.demo)
    out.push_back({"No camera found: playing the bundled demo clip (a real face with added twitches). "
                   "Connect a camera and choose it in Settings.",
                   ui::kWarning});
  const bool error = model.state == LiveState::model_error || model.state == LiveState::source_error ||
                     model.state == LiveState::camera_lost;
  if (error || model.state == LiveState::finished) out.push_back({model.message, error ? ui::kError : ui::kGood});
  if (!model.storage.problem.empty()) out.push_back({"History: " + model.storage.problem, ui::kWarning});
  if (!settings_problem.empty()) out.push_back({settings_problem, ui::kWarning});
  return out;
}

class Dashboard {
 public:
  Dashboard(const DashboardArgs& args, ui::GlWindow& window, DashboardSettings settings,
            std::filesystem::path settings_path, std::string settings_problem)
      : args_(args),
        window_(window),
        settings_(settings),
        settings_path_(std::move(settings_path)),
        settings_problem_(std::move(settings_problem)),
        settings_open_(args.open_settings),
        history_open_(args.open_history),
        history_(default_database_path()),
        cycle_open_(args.open_cycle),
        cycle_(default_database_path(), report_folder(), write_report) {
    if (args.open_history) history_.show_newest();
    if (args.open_cycle) cycle_.show_tab(args.cycle_tab);
    start_session();
  }

  ~Dashboard() { session_.reset(); }  // before the window: the session's wake-up calls into GLFW

  // Takes the session's news and lays out one UI frame into the back buffer.
  void frame() {
    model_.apply(session_->drain());
    if (model_.frame_changed && model_.frame) {
      video_.upload(model_.frame->bgr, settings_.mirror_view);
      model_.frame_changed = false;
    }
    window_.begin_frame();
    layout();
    window_.render();
  }

  void shown(LiveClock::time_point drawing_started) {
    const auto now = LiveClock::now();
    model_.frame_shown(now);
    model_.draw_ms.add(std::chrono::duration<double, std::milli>(now - drawing_started).count());
  }
  const ui::DashboardModel& model() const { return model_; }
  const DashboardLayout& last_layout() const { return layout_; }

 private:
  void start_session() {
    session_.reset();
    session_ = std::make_unique<LiveSession>(live_options(args_, settings_));
    session_->set_wakeup([] { ui::GlWindow::wake(); });
  }

  void layout() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    // The main window fills the screen, where glClear has painted its colour already: blending it
    // over every pixel again costs a software renderer (Xvfb) milliseconds a frame.
    ImGui::SetNextWindowBgAlpha(0.0f);
    ImGui::Begin("hemitrack", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    toolbar();
    for (const Banner& b : banners(model_, settings_problem_)) banner(b);

    const ImGuiStyle& style = ImGui::GetStyle();
    const float status_h = ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float body_h = avail.y - status_h;
    const float left_w = avail.x * 0.42f;

    ImGui::BeginChild("left", ImVec2(left_w, body_h));
    // The picture takes what the calibration card and the counters (about 13 lines) leave.
    const float below_video = ImGui::GetTextLineHeightWithSpacing() * 13.5f + ImGui::GetFontSize() * 1.8f;
    const float video_h = std::clamp(body_h - below_video, body_h * 0.35f, left_w * 3.0f / 4.0f);
    layout_.video = ui::draw_video_panel(model_, settings_, video_, ImVec2(left_w, video_h));
    ImGui::Separator();
    if (ui::draw_calibration_card(model_)) session_->recalibrate();
    ImGui::Separator();
    ui::draw_counters_panel(model_, window_.fonts());
    ImGui::EndChild();

    ImGui::SameLine();
    ImGui::BeginChild("right", ImVec2(0, body_h));
    const ImVec2 right = ImGui::GetContentRegionAvail();
    layout_.traces = ui::draw_traces_panel(model_, ImVec2(right.x, right.y * 0.6f));
    ImGui::TextUnformatted("One-sided twitches (select one to see it at its peak)");
    ui::draw_event_log(model_, settings_.mirror_view, peak_, ImGui::GetContentRegionAvail());
    ImGui::EndChild();

    ImGui::Separator();
    ui::draw_status_bar(model_);
    ImGui::End();

    settings_window();
    history_window();
    cycle_.draw(cycle_open_, model_.storage.session);
    layout_.cycle_treatments = cycle_open_ ? static_cast<int>(cycle_.treatment_count()) : -1;
    if (cycle_open_ && cycle_.shown() && cycle_.shown()->comparison)
      layout_.cycle_comparison = cycle_.shown()->comparison->sentence;
  }

  void history_window() {
    history_.draw(history_open_);
    layout_.history_sessions = history_open_ ? static_cast<int>(history_.sessions().size()) : -1;
  }

  void toolbar() {
    ImGui::PushFont(window_.fonts().regular);
    ImGui::TextUnformatted("hemitrack");
    ImGui::SameLine();
    ImGui::TextDisabled("one-sided facial twitches, measured live");
    const char* record_label = model_.storage.recording ? "Recording..." : "Record 30 s";
    const float buttons_w =
        ImGui::CalcTextSize(
            (std::string(record_label) + "  History  Treatment cycle  Landmarks  Mirror  Settings").c_str())
            .x +
        ImGui::GetFrameHeight() * 7;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - buttons_w);
    ImGui::BeginDisabled(model_.storage.session == 0 || settings_.landmarks_only || model_.storage.recording);
    if (ImGui::Button(record_label)) session_->record(30.0);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("Keeps the next 30 s as a clip for your neurologist (History shows it).");
    ImGui::SameLine();
    if (ImGui::Button("History")) history_open_ = true;
    ImGui::SameLine();
    if (ImGui::Button("Treatment cycle")) cycle_open_ = true;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Botox and other treatments, the trend over weeks, before/after, the diary and the report.");
    ImGui::SameLine();
    bool changed = ImGui::Checkbox("Landmarks", &settings_.show_overlay);
    ImGui::SameLine();
    if (ImGui::Checkbox("Mirror", &settings_.mirror_view)) {
      changed = true;
      model_.frame_changed = true;  // re-upload the picture the other way round
    }
    ImGui::SameLine();
    if (ImGui::Button("Settings")) settings_open_ = true;
    ImGui::PopFont();
    if (changed) save();
  }

  void banner(const Banner& b) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, (b.colour & 0x00FFFFFF) | 0x40000000);
    const float h = ImGui::GetTextLineHeightWithSpacing() * 2.0f;
    ImGui::BeginChild(ImGui::GetID(b.text.c_str()), ImVec2(0, h), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPosY((h - ImGui::GetTextLineHeight()) * 0.5f);
    ImGui::Indent(ImGui::GetFontSize() * 0.5f);
    ImGui::TextWrapped("%s", b.text.c_str());
    ImGui::EndChild();
    ImGui::PopStyleColor();
  }

  void settings_window() {
    const ui::SettingsChange change = ui::draw_settings_window(settings_, settings_open_);
    if (!(change.source || change.restart || change.appearance || change.history)) return;
    save();
    if (change.appearance) {
      window_.set_theme(settings_.theme);
      window_.set_font_size(settings_.font_size);
    }
    if (change.restart) {
      start_session();
    } else if (change.source && !args_.input) {
      session_->switch_source(live_options(args_, settings_).source);
    }
  }

  void save() {
    if (args_.screenshot) return;  // a headless run never changes the person's settings
    settings_problem_ = save_settings(settings_path_, settings_);
  }

  const DashboardArgs& args_;
  ui::GlWindow& window_;
  DashboardSettings settings_;
  std::filesystem::path settings_path_;
  std::string settings_problem_;
  bool settings_open_;
  bool history_open_;
  ui::HistoryWindow history_;
  bool cycle_open_;
  ui::CycleWindow cycle_;
  std::unique_ptr<LiveSession> session_;
  ui::DashboardModel model_;
  ui::VideoTexture video_;
  ui::PeakView peak_;
  DashboardLayout layout_;
};

// Headless runs end when the file is played (or N frames are analysed), or on an error state,
// or when nothing has moved for a while (a camera that never delivers).
bool headless_done(const DashboardArgs& args, const ui::DashboardModel& m) {
  if (args.frames > 0 && m.stats.analysed >= args.frames) return true;
  return m.state == LiveState::finished || m.state == LiveState::model_error || m.state == LiveState::source_error;
}

// What a headless run saw, in two lines, for the person who started it from a terminal.
void print_headless_summary(const ui::DashboardModel& m, const std::filesystem::path& screenshot) {
  const auto& k = m.summary.events_by_side_kind;
  std::printf("%s: %lld frames analysed (%s); one-sided twitches: %d (right %d clonic, %d tonic; left %d clonic, "
              "%d tonic); blinks: %d\n",
              m.source.name.empty() ? "no source" : m.source.name.c_str(), static_cast<long long>(m.stats.analysed),
              std::string(to_string(m.state)).c_str(), m.summary.events_total, k[0][0], k[0][1], k[1][0], k[1][1],
              m.summary.blinks_total);
  std::printf("  window saved to %s\n", screenshot.string().c_str());
}

int headless_exit_code(const ui::DashboardModel& m) {
  switch (m.state) {
    case LiveState::model_error: return exit_code::model_missing;
    case LiveState::source_error: return exit_code::input_unreadable;
    default: return exit_code::ok;
  }
}

}  // namespace

int run_dashboard(const DashboardArgs& args) {
  const std::filesystem::path settings_path = default_settings_path();
  SettingsLoad loaded = load_settings(settings_path);
  if (!loaded.warning.empty()) std::cerr << "hemitrack: " << loaded.warning << "\n";

  // Both settings concern only Mesa's software renderer (Xvfb, machines without a GPU driver);
  // a GPU driver ignores them, and a value the user set is kept.
  if (args.screenshot && args.input && args.speed == 0.0) {
    // Played as fast as possible under Xvfb, the renderer would otherwise start a thread per core
    // and take processor time from the analysis it is meant to show.
    setenv("LP_NUM_THREADS", "1", 0);
  } else {
    // Live, a frame's results wait for the drawing. Twice as many drawing threads as cores drew
    // a frame 1.5-3 ms sooner on 2 cores (median latency 11-12 ms instead of 13-16 ms,
    // tools/latency.sh); more than that gained nothing.
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    setenv("LP_NUM_THREADS", std::to_string(std::min(2 * cores, 16u)).c_str(), 0);
  }
  ui::WindowOptions window_options;
  window_options.width = args.width;
  window_options.height = args.height;
  window_options.font_size = loaded.settings.font_size;
  window_options.theme = loaded.settings.theme;
  auto opened = ui::GlWindow::open(window_options);
  if (auto* err = std::get_if<std::string>(&opened)) {
    std::cerr << "hemitrack: " << *err << "\n";
    return exit_code::no_display;
  }
  ui::GlWindow& window = *std::get<std::unique_ptr<ui::GlWindow>>(opened);
  // Xvfb's pointer rests mid-screen: a headless picture must not show hover tooltips.
  if (args.screenshot) ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NoMouse;

  Dashboard dashboard(args, window, loaded.settings, settings_path, loaded.warning);
  // Frames arrive from analysis and wake the loop; between them it idles. Played as fast as
  // possible, a file delivers frames faster than a screen could show them: then the UI draws at
  // most 30 times a second, so that it does not take the analysis' processor time.
  const bool fast_forward = args.input && args.speed == 0.0;
  const auto min_interval = fast_forward ? 33ms : 8ms;
  auto last_draw = LiveClock::now() - min_interval;
  auto last_progress = LiveClock::now();
  std::int64_t last_analysed = -1;
  int settle_frames = -1;  // headless: frames still to draw once done, so the last state is laid out
  while (!window.close_requested()) {
    const auto since = LiveClock::now() - last_draw;
    if (since < min_interval) std::this_thread::sleep_for(min_interval - since);
    window.wait(0.1);
    last_draw = LiveClock::now();
    dashboard.frame();

    if (args.screenshot) {
      const ui::DashboardModel& m = dashboard.model();
      // Reading the model and opening the source are progress of their own: on a busy machine
      // (a test suite running in parallel) they alone can take many seconds.
      const bool preparing = m.state == LiveState::loading_model || m.state == LiveState::opening_source;
      if (m.stats.analysed != last_analysed || preparing) {
        last_analysed = m.stats.analysed;
        last_progress = LiveClock::now();
      }
      const bool stalled = LiveClock::now() - last_progress > 30s;
      if (settle_frames < 0 && (headless_done(args, m) || stalled)) settle_frames = 2;
      if (settle_frames == 0) {
        const std::string problem = save_screenshot(*args.screenshot, window.read_back(), m, dashboard.last_layout());
        window.present();
        if (!problem.empty()) {
          std::cerr << "hemitrack: " << problem << "\n";
          return exit_code::output_unwritable;
        }
        print_headless_summary(m, *args.screenshot);
        if (stalled && !headless_done(args, m)) {
          std::cerr << "hemitrack: no frame was analysed for 30 s (state: " << to_string(m.state)
                    << (m.message.empty() ? "" : ", " + m.message) << "); screenshot saved as it was\n";
          return exit_code::failure;
        }
        return headless_exit_code(m);
      }
      if (settle_frames > 0) --settle_frames;
    }
    window.present();
    dashboard.shown(last_draw);
  }
  return exit_code::ok;
}

}  // namespace hemitrack
