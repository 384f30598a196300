#include "apps/cli/treatments_command.h"

#include "apps/cli/exit_codes.h"
#include "apps/cli/history_command_support.h"
#include "storage/session_store.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace hemitrack {
namespace {

// 12.5 -> "12.5", 20 -> "20": units as a nurse writes them.
std::string units_text(double units) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", units);
  std::string text = buf;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

// "Botox injection on 2026-03-03 (Xeomin), 20 units"
std::string describe(const Treatment& t) {
  std::string text = std::string(label(t.kind)) + " on " + format_date(t.day);
  if (!t.product.empty()) text += " (" + t.product + ")";
  if (t.kind == TreatmentKind::botox) text += ", " + units_text(t.total_units()) + " units";
  return text;
}

int add(SessionStore& store, const Treatment& t) {
  auto added = store.add_treatment(t);
  if (auto* e = std::get_if<StoreError>(&added)) return store_failure(*e);
  std::printf("Recorded treatment %lld: %s.\n", static_cast<long long>(std::get<TreatmentId>(added)),
              describe(t).c_str());
  return exit_code::ok;
}

int list(SessionStore& store) {
  auto listed = store.list_treatments();
  if (auto* e = std::get_if<StoreError>(&listed)) return store_failure(*e);
  const auto& treatments = std::get<std::vector<Treatment>>(listed);
  if (treatments.empty()) {
    std::printf("No treatments recorded yet (add one: hemitrack treatments add --help).\n");
    return exit_code::ok;
  }
  // The product column is as wide as the longest product, so the notes after it line up.
  int product_width = 7;
  for (const Treatment& t : treatments) product_width = std::max(product_width, static_cast<int>(t.product.size()));
  std::printf("%5s  %-10s  %-13s  %-*s  %6s  note\n", "ID", "date", "kind", product_width, "product", "units");
  for (const Treatment& t : treatments) {
    const std::string units = t.kind == TreatmentKind::botox ? units_text(t.total_units()) : "-";
    std::printf("%5lld  %-10s  %-13s  %-*s  %6s%s%s\n", static_cast<long long>(t.id), format_date(t.day).c_str(),
                std::string(to_string(t.kind)).c_str(), product_width, t.product.empty() ? "-" : t.product.c_str(),
                units.c_str(), t.note.empty() ? "" : "  ", t.note.c_str());
    for (const Dose& d : t.doses)
      std::printf("%7s%-5s %-18s %6s units\n", "", std::string(to_string(d.side)).c_str(),
                  std::string(to_string(d.muscle)).c_str(), units_text(d.units).c_str());
  }
  return exit_code::ok;
}

int remove(SessionStore& store, const TreatmentsArgs& args) {
  if (!args.yes) {
    auto listed = store.list_treatments();
    if (auto* e = std::get_if<StoreError>(&listed)) return store_failure(*e);
    const auto& all = std::get<std::vector<Treatment>>(listed);
    const auto found = std::find_if(all.begin(), all.end(), [&](const Treatment& t) { return t.id == args.id; });
    // Unknown: let the store say so, in the same words as with --yes.
    if (found != all.end()) {
      const std::string question = "Delete treatment " + std::to_string(args.id) + " (" + describe(*found) + ")?";
      if (const int code = confirm_deletion(question, "treatment " + std::to_string(args.id)); code != exit_code::ok)
        return code;
    }
  }
  if (auto e = store.delete_treatment(args.id)) return store_failure(*e);
  std::printf("Deleted treatment %lld.\n", static_cast<long long>(args.id));
  return exit_code::ok;
}

}  // namespace

int run_treatments(const TreatmentsArgs& args) {
  auto opened = open_history();
  if (const int* code = std::get_if<int>(&opened)) return *code;
  SessionStore& store = std::get<SessionStore>(opened);
  switch (args.action) {
    case TreatmentsArgs::Action::add: return add(store, args.treatment);
    case TreatmentsArgs::Action::list: return list(store);
    case TreatmentsArgs::Action::remove: return remove(store, args);
  }
  return exit_code::failure;
}

}  // namespace hemitrack
