// Reference values: closed forms where they exist (written out below), otherwise mpmath at 30
// digits (betainc and findroot on the t CDF), the same figures printed tables give to fewer digits.
#include "core/statistics.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

using namespace hemitrack;

TEST_CASE("normal quantiles match the tables") {
  CHECK(normal_quantile(0.975) == Approx(1.959963984540054).epsilon(1e-12));
  CHECK(normal_quantile(0.025) == Approx(-1.959963984540054).epsilon(1e-12));
  CHECK(normal_quantile(0.9) == Approx(1.281551565544600).epsilon(1e-12));
  CHECK(normal_quantile(0.02) == Approx(-2.053748910631823).epsilon(1e-12));  // Acklam's lower tail
  CHECK(normal_quantile(1e-10) == Approx(-6.361340902404056).epsilon(1e-9));
  CHECK(normal_quantile(0.5) == Approx(0.0).margin(1e-15));
  CHECK(normal_cdf(1.959963984540054) == Approx(0.975).epsilon(1e-14));
}

TEST_CASE("the incomplete beta function matches closed forms") {
  // Whole a and b: I_x(a, b) = sum_{j=a}^{a+b-1} C(n, j) x^j (1-x)^(n-j), n = a+b-1.
  // I_0.3(2, 3): 6(0.09)(0.49) + 4(0.027)(0.7) + 0.0081 = 0.2646 + 0.0756 + 0.0081 = 0.3483.
  CHECK(regularized_incomplete_beta(2, 3, 0.3) == Approx(0.3483).epsilon(1e-13));
  CHECK(regularized_incomplete_beta(0.5, 7.5, 0.2) == Approx(0.9281204024988001).epsilon(1e-12));
  CHECK(regularized_incomplete_beta(50, 60, 0.45) == Approx(0.4642352914306035).epsilon(1e-11));
  CHECK(regularized_incomplete_beta(2, 3, 0.0) == 0.0);
  CHECK(regularized_incomplete_beta(2, 3, 1.0) == 1.0);
}

TEST_CASE("the t distribution matches closed forms and the tables") {
  // df = 1 is the Cauchy distribution: F(t) = 1/2 + atan(t)/pi, quantile tan(pi (p - 1/2)).
  CHECK(student_t_cdf(1.0, 1.0) == Approx(0.75).epsilon(1e-13));
  CHECK(student_t_cdf(-1.0, 1.0) == Approx(0.25).epsilon(1e-13));
  CHECK(student_t_quantile(0.975, 1) == Approx(std::tan(std::numbers::pi * 0.475)).epsilon(1e-10));
  CHECK(student_t_quantile(0.975, 1) == Approx(12.7062047361747).epsilon(1e-6));
  // df = 2: quantile (2p - 1) / sqrt(2 p (1 - p)); p = 0.975: 0.95 / sqrt(0.04875) = 4.302653.
  CHECK(student_t_quantile(0.975, 2) == Approx(0.95 / std::sqrt(0.04875)).epsilon(1e-10));
  CHECK(student_t_quantile(0.975, 10) == Approx(2.228138851986274).epsilon(1e-9));
  CHECK(student_t_quantile(0.975, 30) == Approx(2.042272456301238).epsilon(1e-9));
  CHECK(student_t_quantile(0.995, 5) == Approx(4.032142983555227).epsilon(1e-9));
  CHECK(student_t_quantile(0.95, 100) == Approx(1.660234326085339).epsilon(1e-9));
  CHECK(student_t_quantile(0.975, 1000) == Approx(1.962339080826408).epsilon(1e-9));
  CHECK(student_t_quantile(0.975, 2.5) == Approx(3.574654842003682).epsilon(1e-9));  // Welch's df is not whole
  CHECK(student_t_quantile(1.0 - 1e-6, 3) == Approx(103.2994677804193).epsilon(1e-7));
  CHECK(student_t_quantile(0.025, 10) == Approx(-2.228138851986274).epsilon(1e-9));
  CHECK(student_t_quantile(0.5, 7) == 0.0);
  CHECK(student_t_quantile(0.975, 1e9) == Approx(1.959963984540054).epsilon(1e-9));
  for (double p : {0.6, 0.9, 0.99, 0.999})
    for (double df : {1.5, 4.0, 17.0}) CHECK(student_t_cdf(student_t_quantile(p, df), df) == Approx(p).epsilon(1e-12));
}

TEST_CASE("rate ratio of two sessions is the Poisson one") {
  // 40 events in 2 h before, 10 in 2 h after: (10/2) / (40/2) = 0.25. Two sessions: phi = 1.
  // CI exp(ln 0.25 ± 1.959964 sqrt(1/40 + 1/10)) = exp(-1.386294 ± 0.692951) = 0.125024 .. 0.499902.
  const std::vector<CountExposure> before = {{40, 2}}, after = {{10, 2}};
  const RateRatio r = rate_ratio(before, after, 0.95);
  REQUIRE(r.available);
  CHECK(r.ratio == Approx(0.25));
  CHECK(r.dispersion == 1.0);
  CHECK_FALSE(r.zero_corrected);
  CHECK(r.low == Approx(0.1250244109314023).epsilon(1e-9));
  CHECK(r.high == Approx(0.4999023753392620).epsilon(1e-9));
}

TEST_CASE("rate ratio widens its interval for overdispersed sessions") {
  // Before: 10 and 30 events in 1 h each, its rate 20/h, so 20 expected in each:
  //   chi-square (10-20)²/20 + (30-20)²/20 = 5 + 5 = 10.
  // After: 5 and 5 in 1 h each, its rate 5/h: chi-square 0.
  // phi = 10 / (4 sessions - 2) = 5. ratio (10/2) / (40/2) = 0.25.
  // se = sqrt(5 (1/10 + 1/40)) = sqrt(0.625) = 0.790569;
  // CI exp(ln 0.25 ± 1.959964 · 0.790569) = 0.053089 .. 1.177264: no longer a clear fall.
  const std::vector<CountExposure> before = {{10, 1}, {30, 1}}, after = {{5, 1}, {5, 1}};
  const RateRatio r = rate_ratio(before, after, 0.95);
  REQUIRE(r.available);
  CHECK(r.ratio == Approx(0.25));
  CHECK(r.dispersion == Approx(5.0));
  CHECK(r.low == Approx(0.05308919041049730).epsilon(1e-9));
  CHECK(r.high == Approx(1.177264138268756).epsilon(1e-9));
}

TEST_CASE("rate ratio never claims less spread than Poisson") {
  // Every session exactly at its period's rate: chi-square 0, phi floored at 1.
  const std::vector<CountExposure> before = {{20, 1}, {20, 1}}, after = {{5, 1}, {5, 1}};
  const RateRatio r = rate_ratio(before, after, 0.95);
  CHECK(r.dispersion == 1.0);
  CHECK(r.ratio == Approx(0.25));
  // Same totals as the two-session case (A = 10, B = 40): the same interval.
  CHECK(r.low == Approx(0.1250244109314023).epsilon(1e-9));
}

TEST_CASE("rate ratio with no events in one period adds a half to both counts") {
  // Before 8 events in 2 h, after 0 in 1 h: counts become 8.5 and 0.5.
  // ratio (0.5/1) / (8.5/2) = 0.117647; se = sqrt(1/0.5 + 1/8.5) = 1.455214;
  // CI exp(ln 0.117647 ± 1.959964 · 1.455214) = 0.006790 .. 2.038268.
  const std::vector<CountExposure> before = {{8, 2}}, after = {{0, 1}};
  const RateRatio r = rate_ratio(before, after, 0.95);
  REQUIRE(r.available);
  CHECK(r.zero_corrected);
  CHECK(r.ratio == Approx(0.1176470588235294));
  CHECK(r.low == Approx(0.006790486410112191).epsilon(1e-9));
  CHECK(r.high == Approx(2.038267896275536).epsilon(1e-9));
}

TEST_CASE("rate ratio needs exposure in both periods") {
  const std::vector<CountExposure> some = {{8, 2}}, none = {{0, 0}};
  CHECK_FALSE(rate_ratio(some, none, 0.95).available);
  CHECK_FALSE(rate_ratio({}, some, 0.95).available);
  // A session without exposure counts toward nothing, not even phi's session count.
  const std::vector<CountExposure> with_empty = {{40, 2}, {0, 0}, {0, 0}};
  const std::vector<CountExposure> after = {{10, 2}};
  CHECK(rate_ratio(with_empty, after, 0.95).dispersion == 1.0);
}

TEST_CASE("a wider confidence gives a wider interval") {
  const std::vector<CountExposure> before = {{40, 2}}, after = {{10, 2}};
  const RateRatio r90 = rate_ratio(before, after, 0.90), r99 = rate_ratio(before, after, 0.99);
  CHECK(r99.low < r90.low);
  CHECK(r99.high > r90.high);
  // 90 %: z = 1.644854; exp(ln 0.25 - 1.644854 sqrt(0.125)) = 0.25 exp(-0.581544) = 0.139831.
  CHECK(r90.low == Approx(0.25 * std::exp(-1.6448536269514722 * std::sqrt(0.125))).epsilon(1e-9));
}

TEST_CASE("Welch difference matches the formula") {
  // before 1 2 3 4: mean 2.5, s² = (2.25+0.25+0.25+2.25)/3 = 5/3; after 2 4 6: mean 4, s² = 8/2 = 4.
  // se² = (5/3)/4 + 4/3 = 0.416667 + 1.333333 = 1.75.
  // df = 1.75² / (0.416667²/3 + 1.333333²/2) = 3.0625 / 0.946759 = 3.234719.
  // t(0.975, 3.234719) = 3.055713; half width 3.055713 · sqrt(1.75) = 4.042328.
  // difference 1.5, CI -2.542328 .. 5.542328.
  const std::vector<double> before = {1, 2, 3, 4}, after = {2, 4, 6};
  const MeanDifference d = welch_difference(before, after, 0.95);
  REQUIRE(d.available);
  CHECK(d.mean_before == Approx(2.5));
  CHECK(d.mean_after == Approx(4.0));
  CHECK(d.difference == Approx(1.5));
  CHECK(d.n_before == 4);
  CHECK(d.n_after == 3);
  CHECK(d.low == Approx(-2.542327954923027).epsilon(1e-9));
  CHECK(d.high == Approx(5.542327954923027).epsilon(1e-9));
}

TEST_CASE("Welch difference with equal sizes and variances uses df = 2n - 2") {
  // before 1 3, after 5 7: s² = 2 on both sides, se² = 2/2 + 2/2 = 2,
  // df = 4 / (1/1 + 1/1) = 2: half width t(0.975, 2) sqrt(2) = 4.302653 · 1.414214 = 6.084870.
  const std::vector<double> before = {1, 3}, after = {5, 7};
  const MeanDifference d = welch_difference(before, after, 0.95);
  CHECK(d.difference == Approx(4.0));
  CHECK(d.high - d.difference == Approx(0.95 / std::sqrt(0.04875) * std::sqrt(2.0)).epsilon(1e-9));
}

TEST_CASE("Welch difference needs two values a side") {
  const std::vector<double> one = {3}, two = {1, 2};
  const MeanDifference d = welch_difference(one, two, 0.95);
  CHECK_FALSE(d.available);
  CHECK(d.mean_before == 3.0);
  CHECK(d.n_before == 1);
  CHECK_FALSE(welch_difference({}, two, 0.95).available);
  // Both sides constant: available, the interval is the difference itself.
  const std::vector<double> twos = {2, 2}, fives = {5, 5, 5};
  const MeanDifference c = welch_difference(twos, fives, 0.95);
  CHECK(c.available);
  CHECK(c.low == 3.0);
  CHECK(c.high == 3.0);
}
