#pragma once
// The treatment cycle: the trend over weeks and months with treatments and the expected Botox
// phases, the before/after comparison around the latest injection, the treatment log, the diary
// (HFS-7 and the current session's context tags) and the neurologist's report. Reads and writes
// the history database through a connection of its own.
#include "report/period_data.h"
#include "storage/session_store.h"
#include "ui/cycle_forms.h"

#include <filesystem>
#include <functional>
#include <future>
#include <optional>
#include <string>
#include <vector>

namespace hemitrack::ui {

// Writes the report of [from, to] (whole days) to `pdf`; returns the problem, or none. Runs on a
// worker thread: it must open its own database connection.
using ReportWriter =
    std::function<std::optional<std::string>(DayNumber from, DayNumber to, const std::filesystem::path& pdf)>;

class CycleWindow {
 public:
  CycleWindow(std::filesystem::path database, std::filesystem::path report_folder, ReportWriter write_report);
  ~CycleWindow();
  // Draws the window while `open`; reloads whenever it is opened. `current_session`: the live
  // session the diary's tags apply to (0: none).
  void draw(bool& open, SessionId current_session);
  // Brings a tab to the front the next time the window is drawn: "trend", "compare",
  // "treatments", "diary" or "report".
  void show_tab(std::string tab) { wanted_tab_ = std::move(tab); }

  // What the window shows, for tests and the screenshot's description.
  const std::string& problem() const { return problem_; }
  const std::optional<PeriodData>& shown() const { return data_; }
  std::size_t treatment_count() const { return treatments_.size(); }

 private:
  void reload();
  void draw_trend_tab();
  void draw_treatments_tab();
  void draw_diary_tab(SessionId current_session);
  void draw_report_section();
  void draw_comparison();  // the default one, around the latest injection
  void draw_compare_tab();
  void compare_custom();
  void draw_comparison_result(const ComparePeriods& periods, const Comparison& c);
  // Shows a store failure in the window and reports whether there was one.
  template <typename T>
  bool failed(const std::variant<T, StoreError>& result);
  bool failed(const std::optional<StoreError>& result);

  std::filesystem::path database_;
  std::filesystem::path report_folder_;
  ReportWriter write_report_;
  std::optional<SessionStore> store_;
  bool was_open_ = false;
  std::string problem_;
  std::string wanted_tab_;

  // Index into the ranges offered (3 months, 6 months, 1 year, everything). Everything at first:
  // the whole story since monitoring began, the injection cycles in it included.
  int range_ = 3;
  std::vector<Treatment> treatments_;  // every one recorded, for the Treatments tab
  std::vector<Hfs7Answers> hfs7_;      // every answer, for the Diary tab
  std::optional<PeriodData> data_;     // the chart's period

  std::array<std::array<char, 11>, 4> compare_dates_{};  // first from, to; second from, to
  std::optional<std::pair<ComparePeriods, Comparison>> custom_;
  std::string compare_problem_;

  TreatmentForm treatment_form_;
  Hfs7Form hfs7_form_;
  TagsForm tags_form_;
  SessionId tags_session_ = 0;
  std::optional<TreatmentId> confirm_treatment_delete_;

  std::array<char, 11> report_from_{}, report_to_{};
  std::array<char, 512> report_path_{};
  std::future<std::optional<std::string>> report_job_;
  std::string report_status_;
};

}  // namespace hemitrack::ui
