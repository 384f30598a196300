#pragma once
// The forms of the treatment-cycle window: a treatment (Botox units per muscle and side,
// decompression, medication), the HFS-7 questionnaire, and the current session's context tags.
// Each keeps what the person typed between frames and hands back a validated value on Save.
#include "core/hfs7.h"
#include "core/treatment.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace hemitrack::ui {

struct TreatmentForm {
  std::array<char, 11> date{};  // YYYY-MM-DD; filled with today when empty
  int kind = 0;                 // index into {botox, decompression, medication}
  std::array<char, 64> product{};
  std::array<std::array<float, 2>, std::size(kAllMuscles)> units{};  // [muscle][index_of(side)]
  std::array<char, 200> note{};
  std::string problem;  // why the last Save was refused
};
// Returns the treatment when the person pressed Save and it is valid; clears the form then.
std::optional<Treatment> draw_treatment_form(TreatmentForm& form, DayNumber today);

struct Hfs7Form {
  std::array<char, 11> date{};
  // -1 until answered: a questionnaire saved with answers the person never gave would be wrong.
  std::array<int, kHfs7Items> answers = {-1, -1, -1, -1, -1, -1, -1};
  std::array<char, 200> note{};
  std::string problem;
};
std::optional<Hfs7Answers> draw_hfs7_form(Hfs7Form& form, DayNumber today);

// The suggested context tags (DESIGN: spasms grow with stress and talking).
const std::array<const char*, 5>& suggested_tags();

struct TagsForm {
  std::vector<std::string> tags;  // as stored for the session
  std::array<char, 64> other{};   // a tag of the person's own
};
// Checkboxes for the suggested tags and a field for others; true when the tags changed.
bool draw_tags_form(TagsForm& form);

// "" -> none; otherwise the day or none when the text is not a date.
std::optional<DayNumber> date_field_value(const char* text, DayNumber today);

}  // namespace hemitrack::ui
