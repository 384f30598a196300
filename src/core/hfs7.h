#pragma once
// The HFS-7 quality-of-life questionnaire (Tan et al., 2004): seven questions, each answered 0
// (never) to 4 (always); the total runs 0..28, higher is worse. The questions below paraphrase
// the published items (reading, driving, mood, eye contact, embarrassment, sleep, others' reactions).
#include "core/calendar.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace hemitrack {

constexpr int kHfs7Items = 7;
constexpr int kHfs7MaxAnswer = 4;

// The questions as the patient reads them, and the answer words 0..4.
const std::array<std::string_view, kHfs7Items>& hfs7_questions();
const std::array<std::string_view, kHfs7MaxAnswer + 1>& hfs7_answer_labels();

struct Hfs7Answers {
  std::int64_t id = 0;  // given by the store
  DayNumber day = 0;
  std::array<int, kHfs7Items> answers{};
  std::string note;

  int total() const;
  std::string validate() const;  // "" when every answer is within 0..4
};

}  // namespace hemitrack
