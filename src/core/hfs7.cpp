#include "core/hfs7.h"

namespace hemitrack {

const std::array<std::string_view, kHfs7Items>& hfs7_questions() {
  static const std::array<std::string_view, kHfs7Items> kQuestions = {
      "Because of the spasms, have you had difficulty reading?",
      "Because of the spasms, have you had difficulty driving?",
      "Have the spasms made you feel depressed?",
      "Have you avoided eye contact because of the spasms?",
      "Have you felt embarrassed by the spasms?",
      "Have the spasms disturbed your sleep?",
      "Have you worried about other people's reactions to the spasms?",
  };
  return kQuestions;
}

const std::array<std::string_view, kHfs7MaxAnswer + 1>& hfs7_answer_labels() {
  static const std::array<std::string_view, kHfs7MaxAnswer + 1> kLabels = {"never", "rarely", "sometimes", "often",
                                                                           "always"};
  return kLabels;
}

int Hfs7Answers::total() const {
  int sum = 0;
  for (int a : answers) sum += a;
  return sum;
}

std::string Hfs7Answers::validate() const {
  for (int i = 0; i < kHfs7Items; ++i)
    if (answers[static_cast<std::size_t>(i)] < 0 || answers[static_cast<std::size_t>(i)] > kHfs7MaxAnswer)
      return "answer " + std::to_string(i + 1) + ": must be 0 (never) to 4 (always), not " +
             std::to_string(answers[static_cast<std::size_t>(i)]);
  return "";
}

}  // namespace hemitrack
