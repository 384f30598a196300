#pragma once
// The statistics behind the before/after comparison: the normal and Student t distributions, a
// rate ratio of event counts with a quasi-Poisson confidence interval, and Welch's difference of
// two means. Standard library only, no state: the same numbers in give the same numbers out.
//
// Every function that takes a probability or a confidence requires it strictly between 0 and 1
// (asserted: a caller passing 1.0 has a bug, not an expected failure; CompareOptions::validate
// checks what a user types).
#include <span>

namespace hemitrack {

// --- distributions --------------------------------------------------------------------------------

// Standard normal distribution. normal_quantile is Acklam's rational approximation (relative error
// 1.15e-9) refined by one Halley step on erfc, which brings it to about machine precision.
double normal_cdf(double x);
double normal_quantile(double p);  // requires 0 < p < 1

// I_x(a, b), the regularized incomplete beta function (a, b > 0, 0 <= x <= 1), by the continued
// fraction of Numerical Recipes §6.4 (modified Lentz); about 1e-14 relative.
double regularized_incomplete_beta(double a, double b, double x);

// Student's t distribution with df > 0 degrees of freedom (df need not be whole: Welch's df is
// not). student_t_quantile solves cdf(t) = p by Newton steps kept inside a bisection bracket, to
// about 1e-12 relative; above 1e7 degrees of freedom it is the normal quantile.
double student_t_cdf(double t, double df);
double student_t_quantile(double p, double df);  // requires 0 < p < 1, df > 0

// --- rate ratio -----------------------------------------------------------------------------------

// One session: how many events it held and how long it was watched.
struct CountExposure {
  double count = 0.0;       // >= 0
  double exposure_h = 0.0;  // >= 0
};

// ratio = (after events per hour) / (before events per hour): below 1 is a fall.
struct RateRatio {
  double ratio = 1.0;
  double low = 1.0;  // confidence interval, low <= ratio <= high
  double high = 1.0;
  double dispersion = 1.0;      // the quasi-Poisson factor phi used (>= 1)
  bool zero_corrected = false;  // a period had no events: 0.5 was added to both totals
  bool available = false;       // false when either period has no exposure
};

// Rate ratio of the two periods' pooled counts. The interval is Wald's on the log scale,
//   ln(ratio) ± z · sqrt(phi · (1/A + 1/B)),
// A and B the two periods' total counts and z the normal quantile of the confidence. phi >= 1 is
// the quasi-Poisson overdispersion: twitches come in bursts and some days are worse than others,
// so sessions vary more than a Poisson count would, and pretending otherwise gives intervals that
// are too narrow. phi is Pearson's chi-square of every session's count about its own period's
// rate, divided by (sessions - 2), floored at 1 (never narrower than Poisson), and 1 with fewer
// than 3 sessions (nothing to estimate it from). Sessions without exposure count for nothing.
// When either total count is 0, 0.5 is added to both totals (the Haldane–Anscombe correction) so
// the ratio and its log are finite; the ratio is then computed from the corrected totals too, so
// that it stays inside its interval.
// requires 0 < confidence < 1.
RateRatio rate_ratio(std::span<const CountExposure> before, std::span<const CountExposure> after, double confidence);

// --- difference of means --------------------------------------------------------------------------

struct MeanDifference {
  double mean_before = 0.0;
  double mean_after = 0.0;
  double difference = 0.0;  // after minus before
  double low = 0.0;         // confidence interval of the difference
  double high = 0.0;
  int n_before = 0;
  int n_after = 0;
  bool available = false;  // false when either side has fewer than 2 values
};

// Welch's t interval for (mean after − mean before): sample variances (n − 1), standard error
// sqrt(s1²/n1 + s2²/n2), Welch–Satterthwaite degrees of freedom. When both sides are constant the
// interval is the difference itself. requires 0 < confidence < 1.
MeanDifference welch_difference(std::span<const double> before, std::span<const double> after, double confidence);

}  // namespace hemitrack
