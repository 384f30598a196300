#include "ui/cycle_forms.h"

#include "ui/panels.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace hemitrack::ui {
namespace {

constexpr TreatmentKind kKinds[] = {TreatmentKind::botox, TreatmentKind::decompression, TreatmentKind::medication};

template <std::size_t N>
void copy_into(std::array<char, N>& field, const std::string& text) {
  std::snprintf(field.data(), N, "%s", text.c_str());
}

// A date field that starts at today: what a patient records is usually today's.
template <std::size_t N>
void date_field(const char* label, std::array<char, N>& field, DayNumber today) {
  if (field[0] == '\0') copy_into(field, format_date(today));
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000-00-00").x + ImGui::GetFontSize());
  ImGui::InputText(label, field.data(), N);
}

}  // namespace

std::optional<DayNumber> date_field_value(const char* text, DayNumber today) {
  if (text[0] == '\0') return today;
  return parse_date(text);
}

std::optional<Treatment> draw_treatment_form(TreatmentForm& form, DayNumber today) {
  date_field("Date##treatment", form.date, today);
  for (int i = 0; i < 3; ++i) {
    ImGui::SameLine();
    ImGui::RadioButton(std::string(label(kKinds[i])).c_str(), &form.kind, i);
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  ImGui::InputTextWithHint("Product##treatment", form.kind == 2 ? "drug and dose" : "e.g. Botox, Xeomin",
                           form.product.data(), form.product.size());
  const bool botox = kKinds[form.kind] == TreatmentKind::botox;
  if (botox && ImGui::BeginTable("doses", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn("Muscle (units)");
    ImGui::TableSetupColumn("Right side");
    ImGui::TableSetupColumn("Left side");
    ImGui::TableHeadersRow();
    for (std::size_t m = 0; m < std::size(kAllMuscles); ++m) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(std::string(label(kAllMuscles[m])).c_str());
      for (Side side : kBothSides) {
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
        ImGui::PushID(static_cast<int>(m * 2 + static_cast<std::size_t>(index_of(side))));
        ImGui::InputFloat("##units", &form.units[m][static_cast<std::size_t>(index_of(side))], 0.0f, 0.0f, "%.1f");
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
  ImGui::InputTextWithHint("Note##treatment", "where, by whom, anything to remember", form.note.data(),
                           form.note.size());
  draw_problem(form.problem);
  if (!ImGui::Button("Save treatment")) return std::nullopt;

  Treatment t;
  const auto day = date_field_value(form.date.data(), today);
  if (!day) {
    form.problem = "Date: write it as YYYY-MM-DD, e.g. " + format_date(today);
    return std::nullopt;
  }
  t.day = *day;
  t.kind = kKinds[form.kind];
  t.product = form.product.data();
  t.note = form.note.data();
  if (botox)
    for (std::size_t m = 0; m < std::size(kAllMuscles); ++m)
      for (Side side : kBothSides) {
        const float units = form.units[m][static_cast<std::size_t>(index_of(side))];
        if (units != 0.0f) t.doses.push_back({kAllMuscles[m], side, units});
      }
  form.problem = t.validate();
  if (!form.problem.empty()) return std::nullopt;
  form = TreatmentForm{};
  return t;
}

std::optional<Hfs7Answers> draw_hfs7_form(Hfs7Form& form, DayNumber today) {
  date_field("Date##hfs7", form.date, today);
  const auto& labels = hfs7_answer_labels();
  if (ImGui::BeginTable("hfs7", 1 + static_cast<int>(labels.size()),
                        ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn("In the last 4 weeks...", ImGuiTableColumnFlags_WidthStretch);
    for (const auto& l : labels) ImGui::TableSetupColumn(std::string(l).c_str());
    ImGui::TableHeadersRow();
    for (int q = 0; q < kHfs7Items; ++q) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%d. %s", q + 1, std::string(hfs7_questions()[static_cast<std::size_t>(q)]).c_str());
      for (int a = 0; a <= kHfs7MaxAnswer; ++a) {
        ImGui::TableNextColumn();
        ImGui::PushID(q * 8 + a);
        ImGui::RadioButton("##a", &form.answers[static_cast<std::size_t>(q)], a);
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
  Hfs7Answers answers;
  answers.answers = form.answers;
  const auto unanswered = std::count(form.answers.begin(), form.answers.end(), -1);
  if (unanswered == 0)
    ImGui::Text("Total %d of 28 (higher means the spasms weigh more on daily life)", answers.total());
  else
    ImGui::TextDisabled("%d of 7 questions answered", static_cast<int>(kHfs7Items - unanswered));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
  ImGui::InputTextWithHint("Note##hfs7", "optional", form.note.data(), form.note.size());
  draw_problem(form.problem);
  if (!ImGui::Button("Save questionnaire")) return std::nullopt;
  if (unanswered > 0) {
    form.problem = "Answer every question first (" + std::to_string(unanswered) + " still open).";
    return std::nullopt;
  }
  const auto day = date_field_value(form.date.data(), today);
  if (!day) {
    form.problem = "Date: write it as YYYY-MM-DD, e.g. " + format_date(today);
    return std::nullopt;
  }
  answers.day = *day;
  answers.note = form.note.data();
  form.problem = answers.validate();
  if (!form.problem.empty()) return std::nullopt;
  form = Hfs7Form{};
  return answers;
}

const std::array<const char*, 5>& suggested_tags() {
  static const std::array<const char*, 5> kTags = {"stress", "tired", "caffeine", "screen-work", "talking"};
  return kTags;
}

bool draw_tags_form(TagsForm& form) {
  bool changed = false;
  for (const char* tag : suggested_tags()) {
    const auto it = std::find(form.tags.begin(), form.tags.end(), tag);
    bool on = it != form.tags.end();
    if (ImGui::Checkbox(tag, &on)) {
      if (on)
        form.tags.emplace_back(tag);
      else
        form.tags.erase(it);
      changed = true;
    }
    ImGui::SameLine();
  }
  ImGui::NewLine();
  // Tags of the person's own, shown as removable buttons.
  for (std::size_t i = 0; i < form.tags.size(); ++i) {
    const std::string& tag = form.tags[i];
    if (std::find_if(suggested_tags().begin(), suggested_tags().end(), [&](const char* s) { return tag == s; }) !=
        suggested_tags().end())
      continue;
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton((tag + "  x").c_str())) {
      form.tags.erase(form.tags.begin() + static_cast<std::ptrdiff_t>(i));
      changed = true;
      ImGui::PopID();
      break;
    }
    ImGui::PopID();
    ImGui::SameLine();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  const bool entered = ImGui::InputTextWithHint("##other", "another tag", form.other.data(), form.other.size(),
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button("Add tag") || entered) && form.other[0] != '\0') {
    const std::string tag = form.other.data();
    if (std::find(form.tags.begin(), form.tags.end(), tag) == form.tags.end()) {
      form.tags.push_back(tag);
      changed = true;
    }
    form.other[0] = '\0';
  }
  return changed;
}

}  // namespace hemitrack::ui
