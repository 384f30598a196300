#include "ui/cycle_window.h"

#include "report/period_data.h"
#include "report/report_document.h"
#include "ui/palette.h"
#include "ui/panels.h"
#include "ui/trend_chart.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace hemitrack::ui {
namespace {

struct Range {
  const char* label;
  int days;  // 0: everything recorded
};
constexpr Range kRanges[] = {{"3 months", 91}, {"6 months", 182}, {"1 year", 365}, {"everything", 0}};

template <std::size_t N>
void copy_into(std::array<char, N>& field, const std::string& text) {
  std::snprintf(field.data(), N, "%s", text.c_str());
}

}  // namespace

CycleWindow::CycleWindow(std::filesystem::path database, std::filesystem::path report_folder, ReportWriter write_report)
    : database_(std::move(database)),
      report_folder_(std::move(report_folder)),
      write_report_(std::move(write_report)) {}

CycleWindow::~CycleWindow() {
  if (report_job_.valid()) report_job_.wait();  // the writer holds its own connection and files
}

template <typename T>
bool CycleWindow::failed(const std::variant<T, StoreError>& result) {
  if (const auto* e = std::get_if<StoreError>(&result)) {
    problem_ = e->message;
    return true;
  }
  return false;
}

bool CycleWindow::failed(const std::optional<StoreError>& result) {
  if (result) problem_ = result->message;
  return result.has_value();
}

void CycleWindow::reload() {
  if (!store_) {
    auto opened = SessionStore::open(database_);
    if (failed(opened)) return;
    store_.emplace(std::move(std::get<SessionStore>(opened)));
  }
  problem_.clear();
  auto treatments = store_->list_treatments();
  auto hfs7 = store_->list_hfs7();
  if (failed(treatments) || failed(hfs7)) return;
  treatments_ = std::move(std::get<std::vector<Treatment>>(treatments));
  hfs7_ = std::move(std::get<std::vector<Hfs7Answers>>(hfs7));

  const Range& range = kRanges[range_];
  const DayNumber today = today_utc();
  const std::optional<DayNumber> from =
      range.days == 0 ? std::nullopt : std::optional<DayNumber>(today - range.days + 1);
  auto gathered = gather_period(*store_, from, today);
  if (failed(gathered)) return;
  data_ = std::move(std::get<PeriodData>(gathered));

  if (data_->periods && compare_dates_[0][0] == '\0') {  // start from the default periods
    copy_into(compare_dates_[0], format_date(static_cast<DayNumber>(data_->periods->before.from_day)));
    copy_into(compare_dates_[1], format_date(static_cast<DayNumber>(data_->periods->before.to_day) - 1));
    copy_into(compare_dates_[2], format_date(static_cast<DayNumber>(data_->periods->after.from_day)));
    copy_into(compare_dates_[3], format_date(static_cast<DayNumber>(data_->periods->after.to_day) - 1));
  }
  if (report_from_[0] == '\0') copy_into(report_from_, format_date(std::max(data_->from, today - 90)));
  if (report_to_[0] == '\0') copy_into(report_to_, format_date(today));
}

void CycleWindow::draw(bool& open, SessionId current_session) {
  if (!open) {
    was_open_ = false;
    return;
  }
  if (!was_open_) {
    reload();
    was_open_ = true;
  }
  if (!begin_large_window("Treatment cycle", open, 72, 46)) {
    ImGui::End();
    return;
  }
  draw_problem(problem_);
  const auto tab_flags = [&](const char* name) {
    return wanted_tab_ == name ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
  };
  if (ImGui::BeginTabBar("cycle")) {
    if (ImGui::BeginTabItem("Trend and comparison", nullptr, tab_flags("trend"))) {
      draw_trend_tab();
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Compare", nullptr, tab_flags("compare"))) {
      draw_compare_tab();
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Treatments", nullptr, tab_flags("treatments"))) {
      draw_treatments_tab();
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Diary", nullptr, tab_flags("diary"))) {
      draw_diary_tab(current_session);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Report", nullptr, tab_flags("report"))) {
      draw_report_section();
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
    wanted_tab_.clear();
  }
  ImGui::End();
}

void CycleWindow::draw_trend_tab() {
  ImGui::TextUnformatted("Show the last");
  for (int i = 0; i < static_cast<int>(std::size(kRanges)); ++i) {
    ImGui::SameLine();
    if (ImGui::RadioButton(kRanges[i].label, &range_, i)) reload();
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Refresh")) reload();
  if (!data_) return;
  const PeriodData& d = *data_;
  if (d.sessions.empty()) {
    ImGui::TextWrapped(
        "No monitoring recorded in this period yet. Each session you monitor (or file you analyse) adds "
        "to this timeline.");
  } else if (d.affected) {
    ImGui::Text("Affected side: %s (the side with more one-sided twitches).",
                d.affected == Side::right ? "right" : "left");
  }
  const float comparison_h = ImGui::GetTextLineHeightWithSpacing() * 7.0f;
  const float chart_h = std::max(ImGui::GetFontSize() * 12, ImGui::GetContentRegionAvail().y - comparison_h);
  draw_trend_chart({d.from, d.to + 1, d.bins, d.treatments, d.phases, d.hfs7}, chart_h);
  ImGui::Separator();
  draw_comparison();
}

void CycleWindow::draw_comparison() {
  if (!data_ || !data_->comparison || !data_->periods) {
    ImGui::TextWrapped(
        "Before and after: record a Botox injection (Treatments tab) to compare the 2 weeks before it "
        "with weeks 2-6 after it.");
    return;
  }
  draw_comparison_result(*data_->periods, *data_->comparison);
}

void CycleWindow::draw_compare_tab() {
  ImGui::TextWrapped(
      "Compare any two periods: one-sided twitches per hour of monitored time with a 95 %% confidence "
      "interval, on the affected side. Dates are included at both ends.");
  const float date_w = ImGui::CalcTextSize("0000-00-00").x + ImGui::GetFontSize();
  const auto range = [&](const char* label, std::array<char, 11>& from, std::array<char, 11>& to) {
    ImGui::PushID(label);
    ImGui::TextUnformatted(label);
    ImGui::SameLine(ImGui::GetFontSize() * 7);
    ImGui::SetNextItemWidth(date_w);
    ImGui::InputText("to", from.data(), from.size());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(date_w);
    ImGui::InputText("(both included)", to.data(), to.size());
    ImGui::PopID();
  };
  range("First period", compare_dates_[0], compare_dates_[1]);
  range("Second period", compare_dates_[2], compare_dates_[3]);
  if (ImGui::Button("Compare") && store_) compare_custom();
  draw_problem(compare_problem_);
  ImGui::Separator();
  if (custom_)
    draw_comparison_result(custom_->first, custom_->second);
  else
    draw_comparison();
}

void CycleWindow::compare_custom() {
  std::array<DayNumber, 4> days{};
  for (std::size_t i = 0; i < days.size(); ++i) {
    const auto day = parse_date(compare_dates_[i].data());
    if (!day) {
      compare_problem_ = "Write every date as YYYY-MM-DD, e.g. " + format_date(today_utc()) + ".";
      return;
    }
    days[i] = *day;
  }
  if (days[1] < days[0] || days[3] < days[2]) {
    compare_problem_ = "A period ends before it starts.";
    return;
  }
  ComparePeriods periods;
  periods.before = {static_cast<double>(days[0]), days[1] + 1.0, "first period"};
  periods.after = {static_cast<double>(days[2]), days[3] + 1.0, "second period"};
  auto loaded = store_->load_samples(std::min(days[0], days[2]), std::max(days[1], days[3]) + 1.0);
  if (const auto* e = std::get_if<StoreError>(&loaded)) {
    compare_problem_ = e->message;
    return;
  }
  const auto& sessions = std::get<std::vector<SessionSample>>(loaded);
  const Side side = data_ && data_->affected ? *data_->affected : affected_side(sessions).value_or(Side::right);
  compare_problem_.clear();
  custom_.emplace(periods, compare_periods(sessions, periods, side, CompareOptions{}));
}

void CycleWindow::draw_comparison_result(const ComparePeriods& periods, const Comparison& c) {
  ImGui::PushStyleColor(ImGuiCol_Text, c.enough_data ? ImGui::GetStyleColorVec4(ImGuiCol_Text)
                                                     : ImGui::ColorConvertU32ToFloat4(kWarning));
  ImGui::TextWrapped("%s", c.sentence.c_str());
  ImGui::PopStyleColor();
  if (!ImGui::BeginTable("periods", 5, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) return;
  ImGui::TableSetupColumn("Period");
  ImGui::TableSetupColumn("Monitored");
  ImGui::TableSetupColumn("Twitches");
  ImGui::TableSetupColumn("Per hour");
  ImGui::TableSetupColumn("Eye closed");
  ImGui::TableHeadersRow();
  const std::pair<const Period*, const PeriodFigures*> rows[] = {{&periods.before, &c.before},
                                                                 {&periods.after, &c.after}};
  for (const auto& [period, f] : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%s (%s to %s)", period->label.c_str(),
                format_day_month(static_cast<DayNumber>(period->from_day)).c_str(),
                format_day_month(static_cast<DayNumber>(period->to_day) - 1).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%.1f h, %d sessions", f->monitored_h, f->sessions);
    ImGui::TableNextColumn();
    ImGui::Text("%d", f->events);
    ImGui::TableNextColumn();
    if (f->events_per_hour)
      ImGui::Text("%.1f", *f->events_per_hour);
    else
      ImGui::TextDisabled("-");
    ImGui::TableNextColumn();
    if (f->eye_closed_pct)
      ImGui::Text("%.1f %%", *f->eye_closed_pct);
    else
      ImGui::TextDisabled("-");
  }
  ImGui::EndTable();
  if (!c.enough_data) return;
  const double confidence = CompareOptions{}.confidence;
  ImGui::TextWrapped(
      "Change, second against first: twitch duration %s;  peak eye closure %s;  time the eye was closed %s.",
      change_text(c.duration_s, 2, " s", confidence).c_str(), change_text(c.peak_closure, 2, "", confidence).c_str(),
      change_text(c.eye_closed_pct, 1, " points", confidence).c_str());
}

void CycleWindow::draw_treatments_tab() {
  if (treatments_.empty()) ImGui::TextDisabled("No treatments recorded yet.");
  const float list_h = std::min(ImGui::GetTextLineHeightWithSpacing() * (2.5f + treatments_.size()),
                                ImGui::GetContentRegionAvail().y * 0.4f);
  if (!treatments_.empty() &&
      ImGui::BeginTable("treatments", 5,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp,
                        ImVec2(0, list_h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Treatment", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Doses");
    ImGui::TableSetupColumn("Note");
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (auto it = treatments_.rbegin(); it != treatments_.rend(); ++it) {  // newest first
      const Treatment& t = *it;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_date(t.day).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%s%s%s", std::string(label(t.kind)).c_str(), t.product.empty() ? "" : ": ", t.product.c_str());
      ImGui::TableNextColumn();
      if (!t.doses.empty()) ImGui::TextWrapped("%s", report::describe(t).doses.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", t.note.c_str());
      ImGui::TableNextColumn();
      ImGui::PushID(static_cast<int>(t.id));
      if (ImGui::SmallButton("Delete")) confirm_treatment_delete_ = t.id;
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (confirm_treatment_delete_) ImGui::OpenPopup("Delete treatment?");
  if (ImGui::BeginPopupModal("Delete treatment?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted("Delete this treatment from the log? This cannot be undone.");
    if (ImGui::Button("Delete")) {
      if (!failed(store_->delete_treatment(*confirm_treatment_delete_))) reload();
      confirm_treatment_delete_.reset();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Keep it")) {
      confirm_treatment_delete_.reset();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  ImGui::Separator();
  ImGui::TextUnformatted("Record a treatment");
  if (auto t = draw_treatment_form(treatment_form_, today_utc()); t && store_) {
    if (!failed(store_->add_treatment(*t))) reload();
  }
}

void CycleWindow::draw_diary_tab(SessionId current_session) {
  ImGui::TextUnformatted("This session's context");
  if (current_session == 0) {
    ImGui::TextDisabled("No session is being recorded.");
  } else {
    if (tags_session_ != current_session && store_) {
      tags_form_ = TagsForm{};
      tags_session_ = current_session;
      auto listed = store_->list_sessions();
      if (!failed(listed))
        for (const SessionListing& s : std::get<std::vector<SessionListing>>(listed))
          if (s.id == current_session) tags_form_.tags = s.tags;
    }
    ImGui::TextWrapped(
        "What might affect the spasms today? Tags are kept with this session and shown on the timeline.");
    if (draw_tags_form(tags_form_) && store_) failed(store_->set_tags(current_session, tags_form_.tags));
  }
  ImGui::Separator();
  ImGui::TextUnformatted("HFS-7 questionnaire");
  if (auto answers = draw_hfs7_form(hfs7_form_, today_utc()); answers && store_) {
    if (!failed(store_->add_hfs7(*answers))) reload();
  }
  if (!hfs7_.empty()) {
    std::string history;
    for (const Hfs7Answers& h : hfs7_)
      history += (history.empty() ? "" : ",  ") + format_date(h.day) + ": " + std::to_string(h.total()) + "/28";
    ImGui::TextWrapped("Earlier answers: %s", history.c_str());
  }
}

void CycleWindow::draw_report_section() {
  ImGui::TextWrapped(
      "A PDF for your neurologist: a one-page summary (monitored hours, twitches per hour by side, kind "
      "and region, the before/after comparison, the trend with treatments), then the event table, "
      "typical events, stills from clips, HFS-7 scores and scale estimates.");
  const float date_w = ImGui::CalcTextSize("0000-00-00").x + ImGui::GetFontSize();
  ImGui::SetNextItemWidth(date_w);
  ImGui::InputText("From", report_from_.data(), report_from_.size());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(date_w);
  ImGui::InputText("To (inclusive)", report_to_.data(), report_to_.size());
  if (report_path_[0] == '\0')
    copy_into(report_path_, (report_folder_ / ("hemitrack-report-" + format_date(today_utc()) + ".pdf")).string());
  ImGui::SetNextItemWidth(-ImGui::CalcTextSize("Save as").x - ImGui::GetStyle().ItemSpacing.x);
  ImGui::InputText("Save as", report_path_.data(), report_path_.size());

  const bool busy = report_job_.valid() && report_job_.wait_for(std::chrono::seconds(0)) != std::future_status::ready;
  if (report_job_.valid() && !busy) {
    const std::optional<std::string> problem = report_job_.get();
    report_status_ = problem ? *problem : "Report written to " + std::string(report_path_.data());
  }
  ImGui::BeginDisabled(busy);
  if (ImGui::Button(busy ? "Writing the report..." : "Write PDF report")) {
    const auto from = parse_date(report_from_.data());
    const auto to = parse_date(report_to_.data());
    if (!from || !to) {
      report_status_ = "From and To: write dates as YYYY-MM-DD.";
    } else if (*to < *from) {
      report_status_ = "To is before From.";
    } else {
      report_status_.clear();
      report_job_ =
          std::async(std::launch::async, write_report_, *from, *to, std::filesystem::path(report_path_.data()));
    }
  }
  ImGui::EndDisabled();
  if (!report_status_.empty()) ImGui::TextWrapped("%s", report_status_.c_str());
}

}  // namespace hemitrack::ui
