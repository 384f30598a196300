#include "core/treatment.h"

#include <cmath>
#include <set>
#include <utility>

namespace hemitrack {
namespace {

struct MuscleNames {
  Muscle muscle;
  std::string_view id;
  std::string_view label;
};

constexpr MuscleNames kMuscleNames[] = {
    {Muscle::orbicularis_oculi, "orbicularis-oculi", "orbicularis oculi"},
    {Muscle::corrugator, "corrugator", "corrugator"},
    {Muscle::frontalis, "frontalis", "frontalis"},
    {Muscle::zygomaticus_major, "zygomaticus-major", "zygomaticus major"},
    {Muscle::buccinator, "buccinator", "buccinator"},
    {Muscle::masseter, "masseter", "masseter"},
    {Muscle::platysma, "platysma", "platysma"},
};

const MuscleNames& names(Muscle m) {
  for (const auto& n : kMuscleNames)
    if (n.muscle == m) return n;
  return kMuscleNames[0];
}

}  // namespace

std::string_view to_string(TreatmentKind k) {
  switch (k) {
    case TreatmentKind::botox: return "botox";
    case TreatmentKind::decompression: return "decompression";
    case TreatmentKind::medication: return "medication";
  }
  return "botox";
}

std::optional<TreatmentKind> parse_treatment_kind(std::string_view text) {
  for (TreatmentKind k : {TreatmentKind::botox, TreatmentKind::decompression, TreatmentKind::medication})
    if (text == to_string(k)) return k;
  return std::nullopt;
}

std::string_view label(TreatmentKind k) {
  switch (k) {
    case TreatmentKind::botox: return "Botox injection";
    case TreatmentKind::decompression: return "Microvascular decompression";
    case TreatmentKind::medication: return "Medication change";
  }
  return "";
}

std::string_view to_string(Muscle m) { return names(m).id; }
std::string_view label(Muscle m) { return names(m).label; }

std::optional<Muscle> parse_muscle(std::string_view text) {
  std::string normal(text);
  for (char& c : normal)
    if (c == '_' || c == ' ') c = '-';
  for (const auto& n : kMuscleNames)
    if (normal == n.id) return n.muscle;
  return std::nullopt;
}

double Treatment::total_units() const {
  double total = 0.0;
  for (const Dose& d : doses) total += d.units;
  return total;
}

std::string Treatment::validate() const {
  if (kind != TreatmentKind::botox && !doses.empty()) return "doses: only a botox treatment has units per muscle";
  std::set<std::pair<Muscle, Side>> seen;
  for (const Dose& d : doses) {
    const std::string where = "doses: " + std::string(to_string(d.muscle)) + " " + std::string(to_string(d.side));
    if (!std::isfinite(d.units) || d.units < 0.0) return where + ": units must be a number >= 0";
    if (!seen.insert({d.muscle, d.side}).second) return where + ": given twice";
  }
  return "";
}

}  // namespace hemitrack
