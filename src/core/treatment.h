#pragma once
// What was done against the spasms, as the patient records it: botulinum toxin injections (units
// per muscle and side), microvascular decompression, medication changes.
#include "core/calendar.h"
#include "core/landmarks.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hemitrack {

enum class TreatmentKind { botox, decompression, medication };
std::string_view to_string(TreatmentKind k);  // "botox", "decompression", "medication"
std::optional<TreatmentKind> parse_treatment_kind(std::string_view text);
std::string_view label(TreatmentKind k);  // "Botox injection", ...

// The muscles DESIGN §2 names for injections.
enum class Muscle { orbicularis_oculi, corrugator, frontalis, zygomaticus_major, buccinator, masseter, platysma };
constexpr Muscle kAllMuscles[] = {Muscle::orbicularis_oculi, Muscle::corrugator, Muscle::frontalis,
                                  Muscle::zygomaticus_major, Muscle::buccinator, Muscle::masseter,
                                  Muscle::platysma};
std::string_view to_string(Muscle m);                       // "orbicularis-oculi", ... (for files and the CLI)
std::optional<Muscle> parse_muscle(std::string_view text);  // accepts to_string's names and '_' for '-'
std::string_view label(Muscle m);                           // "orbicularis oculi", ... (for people)

struct Dose {
  Muscle muscle = Muscle::orbicularis_oculi;
  Side side = Side::right;
  double units = 0.0;
};

struct Treatment {
  std::int64_t id = 0;  // given by the store
  DayNumber day = 0;
  TreatmentKind kind = TreatmentKind::botox;
  std::string product;      // "Botox", "Xeomin", a drug and dose for medication; may be empty
  std::vector<Dose> doses;  // botox only
  std::string note;

  double total_units() const;
  // "" when usable, otherwise the first problem, naming the field (negative or non-finite units,
  // doses on a treatment that is not botox, the same muscle and side twice).
  std::string validate() const;
};

}  // namespace hemitrack
