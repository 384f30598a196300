#include "apps/cli/treatment_args.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>

namespace hemitrack {
namespace {

std::optional<std::int64_t> positive_id(const std::string& text) {
  char* end = nullptr;
  const long long id = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || end == text.c_str() || *end != '\0' || id <= 0) return std::nullopt;
  return id;
}

std::string muscle_names() {
  std::string names;
  for (Muscle m : kAllMuscles) names += (names.empty() ? "" : ", ") + std::string(to_string(m));
  return names;
}

// "orbicularis-oculi:left:12.5"
std::variant<Dose, UsageError> parse_dose(const std::string& text) {
  const auto problem = [&](const std::string& what) { return UsageError{"--dose '" + text + "': " + what}; };
  const std::size_t first = text.find(':');
  const std::size_t second = first == std::string::npos ? first : text.find(':', first + 1);
  if (second == std::string::npos || text.find(':', second + 1) != std::string::npos)
    return problem("needs MUSCLE:SIDE:UNITS, e.g. orbicularis-oculi:left:12.5");
  const std::string muscle = text.substr(0, first);
  const std::string side = text.substr(first + 1, second - first - 1);
  const std::string units = text.substr(second + 1);
  Dose d;
  if (const auto m = parse_muscle(muscle))
    d.muscle = *m;
  else
    return problem("unknown muscle '" + muscle + "' (" + muscle_names() + ")");
  if (side == "right" || side == "left")
    d.side = side == "right" ? Side::right : Side::left;
  else
    return problem("the side must be right or left (the patient's own), not '" + side + "'");
  char* end = nullptr;
  d.units = std::strtod(units.c_str(), &end);
  if (units.empty() || end == units.c_str() || *end != '\0' || !std::isfinite(d.units) || d.units < 0.0)
    return problem("units must be a number >= 0, not '" + units + "'");
  return d;
}

// The value of the option at args[i] (moving i on to it), or none when the option ends the line.
std::optional<std::string> option_value(const std::vector<std::string>& args, std::size_t& i) {
  if (i + 1 >= args.size()) return std::nullopt;
  return args[++i];
}

std::variant<DayNumber, UsageError> date_value(const std::vector<std::string>& args, std::size_t& i) {
  const auto v = option_value(args, i);
  if (!v) return UsageError{"--date needs a date like 2026-03-03"};
  const auto day = parse_date(*v);
  if (!day) return UsageError{"--date needs a real date like 2026-03-03, not '" + *v + "'"};
  return *day;
}

// "delete ID [--yes]" of `command` ("treatments", "diary"), naming what the ID is.
std::optional<UsageError> parse_delete(const std::vector<std::string>& args, const std::string& command,
                                       const std::string& thing, std::int64_t& id, bool& yes, bool& help) {
  const auto parsed = args.size() > 2 ? positive_id(args[2]) : std::nullopt;
  if (args.size() > 2 && (args[2] == "-h" || args[2] == "--help")) {
    help = true;
    return std::nullopt;
  }
  if (!parsed)
    return UsageError{command + " delete needs " + thing + " number (see: hemitrack " + command + " list), not '" +
                      (args.size() > 2 ? args[2] : std::string()) + "'"};
  id = *parsed;
  for (std::size_t i = 3; i < args.size(); ++i) {
    if (args[i] == "-h" || args[i] == "--help") {
      help = true;
    } else if (args[i] == "--yes") {
      yes = true;
    } else {
      return UsageError{"unexpected '" + args[i] + "' for " + command + " delete"};
    }
  }
  return std::nullopt;
}

std::variant<Treatment, UsageError, HelpRequest> parse_treatment(const std::vector<std::string>& args) {
  Treatment t;
  bool have_date = false;
  std::optional<TreatmentKind> kind;
  for (std::size_t i = 2; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") return HelpRequest{treatments_usage_text()};
    if (a == "--date") {
      auto day = date_value(args, i);
      if (auto* e = std::get_if<UsageError>(&day)) return *e;
      t.day = std::get<DayNumber>(day);
      have_date = true;
    } else if (a == "--botox" || a == "--decompression" || a == "--medication") {
      const TreatmentKind k = *parse_treatment_kind(a.substr(2));
      if (kind && *kind != k) return UsageError{"choose one of --botox, --decompression and --medication"};
      kind = k;
    } else if (a == "--product" || a == "--note") {
      auto v = option_value(args, i);
      if (!v) return UsageError{a + " needs a text (quote it when it has spaces)"};
      (a == "--product" ? t.product : t.note) = *v;
    } else if (a == "--dose") {
      auto v = option_value(args, i);
      if (!v) return UsageError{"--dose needs MUSCLE:SIDE:UNITS, e.g. orbicularis-oculi:left:12.5"};
      auto dose = parse_dose(*v);
      if (auto* e = std::get_if<UsageError>(&dose)) return *e;
      t.doses.push_back(std::get<Dose>(dose));
    } else {
      return UsageError{"unexpected '" + a + "' for treatments add"};
    }
  }
  if (!have_date) return UsageError{"treatments add needs --date YYYY-MM-DD (the day it was given)"};
  if (!kind) return UsageError{"treatments add needs one of --botox, --decompression and --medication"};
  t.kind = *kind;
  if (t.kind != TreatmentKind::botox && !t.doses.empty()) return UsageError{"--dose is only for a --botox treatment"};
  if (auto problem = t.validate(); !problem.empty()) return UsageError{"treatments add: " + problem};
  return t;
}

std::variant<Hfs7Answers, UsageError, HelpRequest> parse_hfs7(const std::vector<std::string>& args) {
  Hfs7Answers out;
  bool have_date = false;
  int count = 0;
  for (std::size_t i = 2; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") return HelpRequest{diary_usage_text()};
    if (a == "--date") {
      auto day = date_value(args, i);
      if (auto* e = std::get_if<UsageError>(&day)) return *e;
      out.day = std::get<DayNumber>(day);
      have_date = true;
    } else if (a == "--note") {
      auto v = option_value(args, i);
      if (!v) return UsageError{"--note needs a text (quote it when it has spaces)"};
      out.note = *v;
    } else if (!a.empty() && a[0] == '-' && !(a.size() > 1 && std::isdigit(static_cast<unsigned char>(a[1])))) {
      return UsageError{"unexpected '" + a + "' for diary hfs7"};
    } else {
      // An answer (a negative number is one too, and refused as out of range).
      ++count;
      char* end = nullptr;
      const long value = std::strtol(a.c_str(), &end, 10);
      if (a.empty() || end == a.c_str() || *end != '\0' || value < 0 || value > kHfs7MaxAnswer)
        return UsageError{"answer " + std::to_string(count) + " must be 0 (never) to 4 (always), not '" + a + "'"};
      if (count <= kHfs7Items) out.answers[static_cast<std::size_t>(count - 1)] = static_cast<int>(value);
    }
  }
  if (count != kHfs7Items)
    return UsageError{"diary hfs7 needs " + std::to_string(kHfs7Items) + " answers, one per question (0 to 4), got " +
                      std::to_string(count)};
  if (!have_date) return UsageError{"diary hfs7 needs --date YYYY-MM-DD (the day it was answered)"};
  return out;
}

}  // namespace

std::string treatments_usage_text() {
  return "usage: hemitrack treatments add --date YYYY-MM-DD (--botox | --decompression | --medication)\n"
         "                      [--product TEXT] [--dose MUSCLE:SIDE:UNITS]... [--note TEXT]\n"
         "       hemitrack treatments list\n"
         "       hemitrack treatments delete ID [--yes]\n"
         "\n"
         "The treatment log, for the before/after comparison across the Botox cycle.\n"
         "  add            records a treatment; prints its number\n"
         "    --date D     the day it was given\n"
         "    --botox | --decompression | --medication   what it was\n"
         "    --product T  e.g. Botox, Xeomin, Dysport; a drug and its dose for --medication\n"
         "    --dose M:S:U units injected into one muscle on one side (the patient's own), e.g.\n"
         "                 orbicularis-oculi:left:12.5; repeat for each muscle and side (--botox only).\n"
         "                 Muscles: " + muscle_names() + "\n"
         "    --note T     anything worth remembering (side effects, the injector's advice)\n"
         "  list           every treatment, oldest first, with its doses\n"
         "  delete ID      one treatment and its doses (asks first; --yes: don't)\n"
         "Kept with the sessions in $XDG_DATA_HOME/hemitrack/hemitrack.db (default ~/.local/share).\n"
         "Exit codes: 0 ok, 2 usage, 3 no such treatment, 9 history unusable (locked, damaged,\n"
         "            not writable), 1 deletion not confirmed.\n";
}

std::string diary_usage_text() {
  std::string text =
      "usage: hemitrack diary hfs7 --date YYYY-MM-DD A1 A2 A3 A4 A5 A6 A7 [--note TEXT]\n"
      "       hemitrack diary list\n"
      "       hemitrack diary delete ID [--yes]\n"
      "\n"
      "The patient's diary: the HFS-7 questionnaire (Tan et al., 2004), answered every few weeks.\n"
      "  hfs7           records one questionnaire; prints its number. Each answer is\n"
      "                 0 never, 1 rarely, 2 sometimes, 3 often, 4 always; the total runs 0 to 28\n"
      "                 (higher is worse). In the last weeks:\n";
  for (std::size_t i = 0; i < hfs7_questions().size(); ++i)
    text += "                   A" + std::to_string(i + 1) + "  " + std::string(hfs7_questions()[i]) + "\n";
  text +=
      "    --date D     the day it was answered\n"
      "    --note T     anything worth remembering\n"
      "  list           every entry, oldest first, with its total\n"
      "  delete ID      one entry (asks first; --yes: don't)\n"
      "Kept with the sessions in $XDG_DATA_HOME/hemitrack/hemitrack.db (default ~/.local/share).\n"
      "Exit codes: 0 ok, 2 usage, 3 no such entry, 9 history unusable (locked, damaged,\n"
      "            not writable), 1 deletion not confirmed.\n";
  return text;
}

ParsedTreatmentsArgs parse_treatments_args(const std::vector<std::string>& args) {
  if (args.size() < 2) return UsageError{"treatments needs an action: add, list or delete"};
  const std::string& action = args[1];
  if (action == "-h" || action == "--help") return HelpRequest{treatments_usage_text()};
  TreatmentsArgs out;
  if (action == "add") {
    auto parsed = parse_treatment(args);
    if (auto* e = std::get_if<UsageError>(&parsed)) return *e;
    if (auto* h = std::get_if<HelpRequest>(&parsed)) return *h;
    out.action = TreatmentsArgs::Action::add;
    out.treatment = std::move(std::get<Treatment>(parsed));
  } else if (action == "list") {
    if (args.size() > 2) {
      if (args[2] == "-h" || args[2] == "--help") return HelpRequest{treatments_usage_text()};
      return UsageError{"unexpected '" + args[2] + "' for treatments list"};
    }
    out.action = TreatmentsArgs::Action::list;
  } else if (action == "delete") {
    bool help = false;
    if (auto e = parse_delete(args, "treatments", "a treatment", out.id, out.yes, help)) return *e;
    if (help) return HelpRequest{treatments_usage_text()};
    out.action = TreatmentsArgs::Action::remove;
  } else {
    return UsageError{"unknown treatments action '" + action + "' (add, list, delete)"};
  }
  return out;
}

ParsedDiaryArgs parse_diary_args(const std::vector<std::string>& args) {
  if (args.size() < 2) return UsageError{"diary needs an action: hfs7, list or delete"};
  const std::string& action = args[1];
  if (action == "-h" || action == "--help") return HelpRequest{diary_usage_text()};
  DiaryArgs out;
  if (action == "hfs7") {
    auto parsed = parse_hfs7(args);
    if (auto* e = std::get_if<UsageError>(&parsed)) return *e;
    if (auto* h = std::get_if<HelpRequest>(&parsed)) return *h;
    out.action = DiaryArgs::Action::add_hfs7;
    out.answers = std::move(std::get<Hfs7Answers>(parsed));
  } else if (action == "list") {
    if (args.size() > 2) {
      if (args[2] == "-h" || args[2] == "--help") return HelpRequest{diary_usage_text()};
      return UsageError{"unexpected '" + args[2] + "' for diary list"};
    }
    out.action = DiaryArgs::Action::list;
  } else if (action == "delete") {
    bool help = false;
    if (auto e = parse_delete(args, "diary", "an entry", out.id, out.yes, help)) return *e;
    if (help) return HelpRequest{diary_usage_text()};
    out.action = DiaryArgs::Action::remove;
  } else {
    return UsageError{"unknown diary action '" + action + "' (hfs7, list, delete)"};
  }
  return out;
}

}  // namespace hemitrack
