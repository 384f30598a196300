#include "report/report_document.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hemitrack::report {
namespace {

// "12.5", "25": units as written on a syringe, without trailing zeros.
std::string units_text(double units) {
  char buf[32];
  if (std::abs(units - std::round(units)) < 1e-9)
    std::snprintf(buf, sizeof buf, "%.0f", units);
  else
    std::snprintf(buf, sizeof buf, "%.1f", units);
  return buf;
}

}  // namespace

std::string_view spread_heading(Spread s) {
  switch (s) {
    case Spread::eye_only: return "Eye only";
    case Spread::eye_mouth: return "Eye + mouth";
    case Spread::with_brow: return "Reaching the brow";
    case Spread::without_eye: return "Mouth without eye";
  }
  return "";
}

TreatmentEntry describe(const Treatment& t) {
  TreatmentEntry e;
  e.day = t.day;
  e.kind = std::string(label(t.kind));
  e.product = t.product;
  e.note = t.note;
  for (const Dose& d : t.doses) {
    if (!e.doses.empty()) e.doses += ", ";
    e.doses += (d.side == Side::right ? "R " : "L ") + std::string(label(d.muscle)) + " " + units_text(d.units) + " U";
  }
  switch (t.kind) {
    case TreatmentKind::botox:
      e.chart_label = (t.product.empty() ? std::string("Botox") : t.product);
      if (!t.doses.empty()) e.chart_label += " " + units_text(t.total_units()) + " U";
      break;
    case TreatmentKind::decompression: e.chart_label = "Decompression"; break;
    case TreatmentKind::medication: e.chart_label = t.product.empty() ? std::string("Medication") : t.product; break;
  }
  return e;
}

}  // namespace hemitrack::report
