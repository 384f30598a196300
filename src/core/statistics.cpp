#include "core/statistics.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

namespace hemitrack {
namespace {

// ln Γ(x) for x > 0 by Lanczos' approximation (g = 7, 9 terms; ~1e-15 relative). Our own rather
// than std::lgamma, which writes the global `signgam` in glibc (a data race between threads).
double log_gamma(double x) {
  assert(x > 0.0);
  if (x < 0.5)  // reflection: Γ(x) Γ(1 − x) = π / sin(πx)
    return std::log(std::numbers::pi / std::sin(std::numbers::pi * x)) - log_gamma(1.0 - x);
  static constexpr double kCoefficients[] = {0.99999999999980993,  676.5203681218851,     -1259.1392167224028,
                                             771.32342877765313,   -176.61502916214059,   12.507343278686905,
                                             -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
  x -= 1.0;
  double sum = kCoefficients[0];
  for (int i = 1; i < 9; ++i) sum += kCoefficients[i] / (x + i);
  const double t = x + 7.5;
  return 0.5 * std::log(2.0 * std::numbers::pi) + (x + 0.5) * std::log(t) - t + std::log(sum);
}

// The continued fraction for I_x(a, b) (Numerical Recipes §6.4, modified Lentz); converges fast
// for x < (a + 1) / (a + b + 2).
double beta_continued_fraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  constexpr double kEpsilon = 1e-15;
  const double qab = a + b, qap = a + 1.0, qam = a - 1.0;
  double c = 1.0;
  double d = 1.0 - qab * x / qap;
  if (std::abs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 100000; ++m) {
    const int m2 = 2 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1.0 + aa * d;
    if (std::abs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1.0 + aa * d;
    if (std::abs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1.0) < kEpsilon) break;
  }
  return h;
}

// I_x(a, b) with y = 1 − x given separately, so callers that know 1 − x exactly lose nothing.
double incomplete_beta(double a, double b, double x, double y) {
  if (x <= 0.0) return 0.0;
  if (y <= 0.0) return 1.0;
  const double front = std::exp(log_gamma(a + b) - log_gamma(a) - log_gamma(b) + a * std::log(x) + b * std::log(y));
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_continued_fraction(a, b, x) / a;
  return 1.0 - front * beta_continued_fraction(b, a, y) / b;
}

// P(T > t) for t >= 0: ½ I_x(df/2, ½) with x = df / (df + t²).
double student_t_upper_tail(double t, double df) {
  const double t2 = t * t;
  return 0.5 * incomplete_beta(0.5 * df, 0.5, df / (df + t2), t2 / (df + t2));
}

double student_t_density(double t, double df) {
  return std::exp(log_gamma(0.5 * (df + 1.0)) - log_gamma(0.5 * df) - 0.5 * std::log(df * std::numbers::pi) -
                  0.5 * (df + 1.0) * std::log1p(t * t / df));
}

constexpr double kNormalOnlyDf = 1e7;  // t and normal quantiles agree to ~1e-7 beyond this

double two_sided_quantile(double confidence) {
  assert(confidence > 0.0 && confidence < 1.0);
  return 0.5 + 0.5 * confidence;
}

}  // namespace

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

double normal_quantile(double p) {
  assert(p > 0.0 && p < 1.0);
  // Peter J. Acklam's algorithm: rational approximations in the centre and in the two tails.
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                                 1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                 6.680131188771972e+01, -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                 -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                 3.754408661907416e+00};
  constexpr double kLow = 0.02425;
  double x;
  if (p < kLow || p > 1.0 - kLow) {
    const double q = std::sqrt(-2.0 * std::log(p < kLow ? p : 1.0 - p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    if (p > 1.0 - kLow) x = -x;
  } else {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
  }
  // One Halley step on Φ(x) − p.
  const double e = normal_cdf(x) - p;
  const double u = e * std::sqrt(2.0 * std::numbers::pi) * std::exp(0.5 * x * x);
  return x - u / (1.0 + 0.5 * x * u);
}

double regularized_incomplete_beta(double a, double b, double x) {
  assert(a > 0.0 && b > 0.0 && x >= 0.0 && x <= 1.0);
  return incomplete_beta(a, b, x, 1.0 - x);
}

double student_t_cdf(double t, double df) {
  assert(df > 0.0);
  const double tail = student_t_upper_tail(std::abs(t), df);
  return t >= 0.0 ? 1.0 - tail : tail;
}

double student_t_quantile(double p, double df) {
  assert(p > 0.0 && p < 1.0 && df > 0.0);
  if (df > kNormalOnlyDf) return normal_quantile(p);
  if (p == 0.5) return 0.0;
  // Solve upper_tail(t) = q for t > 0 with q the smaller tail (exact for p < ½), then sign it.
  const double q = p < 0.5 ? p : 1.0 - p;
  double lo = 0.0;
  double hi = 1.0;
  while (student_t_upper_tail(hi, df) > q) {
    lo = hi;
    hi *= 2.0;
  }
  double t = std::clamp(-normal_quantile(q), lo, hi);
  for (int i = 0; i < 200; ++i) {
    const double excess = student_t_upper_tail(t, df) - q;  // > 0: t is too small
    if (excess > 0.0)
      lo = t;
    else
      hi = t;
    const double density = student_t_density(t, df);
    double next = density > 0.0 ? t + excess / density : 0.5 * (lo + hi);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);  // Newton left the bracket: bisect
    const double step = std::abs(next - t);
    t = next;
    if (step <= 1e-13 * t || hi - lo <= 1e-13 * t) break;
  }
  return p < 0.5 ? -t : t;
}

RateRatio rate_ratio(std::span<const CountExposure> before, std::span<const CountExposure> after, double confidence) {
  const double z = normal_quantile(two_sided_quantile(confidence));
  struct Totals {
    double count = 0.0, exposure_h = 0.0;
    int sessions = 0;  // with exposure
  };
  auto totals = [](std::span<const CountExposure> period) {
    Totals t;
    for (const CountExposure& s : period) {
      assert(s.count >= 0.0 && s.exposure_h >= 0.0);
      t.count += s.count;
      t.exposure_h += s.exposure_h;
      if (s.exposure_h > 0.0) ++t.sessions;
    }
    return t;
  };
  const Totals b = totals(before), a = totals(after);
  RateRatio result;
  if (b.exposure_h <= 0.0 || a.exposure_h <= 0.0) return result;

  // Pearson's chi-square: each session about its own period's rate (two rates fitted: n − 2 df).
  const int sessions = b.sessions + a.sessions;
  if (sessions >= 3) {
    double chi_square = 0.0;
    auto add = [&chi_square](std::span<const CountExposure> period, const Totals& t) {
      const double rate = t.count / t.exposure_h;
      for (const CountExposure& s : period) {
        const double expected = rate * s.exposure_h;
        if (expected > 0.0) chi_square += (s.count - expected) * (s.count - expected) / expected;
      }
    };
    add(before, b);
    add(after, a);
    result.dispersion = std::max(1.0, chi_square / (sessions - 2));
  }

  double count_before = b.count, count_after = a.count;
  if (count_before == 0.0 || count_after == 0.0) {  // Haldane–Anscombe: keep the log finite
    count_before += 0.5;
    count_after += 0.5;
    result.zero_corrected = true;
  }
  result.ratio = (count_after / a.exposure_h) / (count_before / b.exposure_h);
  const double se = std::sqrt(result.dispersion * (1.0 / count_after + 1.0 / count_before));
  result.low = std::exp(std::log(result.ratio) - z * se);
  result.high = std::exp(std::log(result.ratio) + z * se);
  result.available = true;
  return result;
}

MeanDifference welch_difference(std::span<const double> before, std::span<const double> after, double confidence) {
  const double p = two_sided_quantile(confidence);
  MeanDifference result;
  result.n_before = static_cast<int>(before.size());
  result.n_after = static_cast<int>(after.size());
  auto mean = [](std::span<const double> v) {
    double sum = 0.0;
    for (double x : v) sum += x;
    return v.empty() ? 0.0 : sum / static_cast<double>(v.size());
  };
  auto variance = [](std::span<const double> v, double m) {  // two passes: no cancellation
    double sum = 0.0;
    for (double x : v) sum += (x - m) * (x - m);
    return sum / static_cast<double>(v.size() - 1);
  };
  result.mean_before = mean(before);
  result.mean_after = mean(after);
  result.difference = result.mean_after - result.mean_before;
  result.low = result.high = result.difference;
  if (before.size() < 2 || after.size() < 2) return result;

  const double share_before = variance(before, result.mean_before) / static_cast<double>(before.size());
  const double share_after = variance(after, result.mean_after) / static_cast<double>(after.size());
  const double se2 = share_before + share_after;
  result.available = true;
  if (se2 <= 0.0) return result;  // both sides constant: no spread to build an interval from
  const double df = se2 * se2 /
                    (share_before * share_before / static_cast<double>(before.size() - 1) +
                     share_after * share_after / static_cast<double>(after.size() - 1));
  const double half_width = student_t_quantile(p, df) * std::sqrt(se2);
  result.low = result.difference - half_width;
  result.high = result.difference + half_width;
  return result;
}

}  // namespace hemitrack
