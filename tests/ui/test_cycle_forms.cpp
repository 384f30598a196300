// The treatment-cycle forms driven as a person drives them: fields filled, Save clicked with the
// mouse in a real ImGui context. What comes back is what the store would be given.
#include "ui/cycle_forms.h"
#include "ui/imgui_harness.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <optional>

using namespace hemitrack;
using hemitrack::test::ImGuiHarness;

namespace {

const DayNumber kToday = *parse_date("2026-11-22");

ImVec2 centre_of_last_item() {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  return ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
}

// Draws the form until it settles, then clicks its last item (the Save button).
template <class Form, class Value>
std::optional<Value> save(ImGuiHarness& ui, Form& form, std::optional<Value> (*draw)(Form&, DayNumber)) {
  std::optional<Value> saved;
  ImVec2 button;
  const auto body = [&] {
    if (auto v = draw(form, kToday)) saved = v;
    button = centre_of_last_item();
  };
  ui.frames(body, 3);
  REQUIRE_FALSE(saved.has_value());  // nothing is saved without a click
  ui.click(button, body);
  return saved;
}

}  // namespace

TEST_CASE("the treatment form turns typed units into a valid Botox treatment and clears itself") {
  ImGuiHarness ui;
  ui::TreatmentForm form;
  std::snprintf(form.date.data(), form.date.size(), "2026-03-03");
  std::snprintf(form.product.data(), form.product.size(), "Xeomin");
  form.units[0][static_cast<std::size_t>(index_of(Side::left))] = 12.5f;  // orbicularis oculi
  form.units[3][static_cast<std::size_t>(index_of(Side::left))] = 5.0f;   // zygomaticus major

  const auto t = save(ui, form, ui::draw_treatment_form);
  REQUIRE(t.has_value());
  CHECK(t->day == *parse_date("2026-03-03"));
  CHECK(t->kind == TreatmentKind::botox);
  CHECK(t->product == "Xeomin");
  REQUIRE(t->doses.size() == 2);
  CHECK(t->doses[0].muscle == Muscle::orbicularis_oculi);
  CHECK(t->doses[0].side == Side::left);
  CHECK(t->doses[0].units == Approx(12.5));
  CHECK(t->doses[1].muscle == Muscle::zygomaticus_major);
  CHECK(t->total_units() == Approx(17.5));
  CHECK(form.product[0] == '\0');  // ready for the next one
  CHECK(form.problem.empty());
}

TEST_CASE("the treatment form refuses a date that does not exist and keeps what was typed") {
  ImGuiHarness ui;
  ui::TreatmentForm form;
  std::snprintf(form.date.data(), form.date.size(), "2026-02-30");
  form.units[0][0] = 10.0f;
  CHECK_FALSE(save(ui, form, ui::draw_treatment_form).has_value());
  CHECK_THAT(form.problem, Catch::Contains("YYYY-MM-DD"));
  CHECK(form.units[0][0] == 10.0f);

  form = ui::TreatmentForm{};
  std::snprintf(form.date.data(), form.date.size(), "2026-03-03");
  form.units[1][0] = -2.0f;  // negative units
  CHECK_FALSE(save(ui, form, ui::draw_treatment_form).has_value());
  CHECK_THAT(form.problem, Catch::Contains("units must be a number >= 0"));
}

TEST_CASE("the HFS-7 form is saved only with all seven answers, with their total") {
  ImGuiHarness ui;
  ui::Hfs7Form form;
  CHECK_FALSE(save(ui, form, ui::draw_hfs7_form).has_value());
  CHECK_THAT(form.problem, Catch::Contains("7 still open"));

  form.answers = {3, 2, 2, 3, 3, 1, 3};
  const auto answers = save(ui, form, ui::draw_hfs7_form);
  REQUIRE(answers.has_value());
  CHECK(answers->total() == 17);
  CHECK(answers->day == kToday);  // the date field starts at today
  CHECK(form.answers[0] == -1);   // cleared for the next time
}
