#include "core/rolling_quantile.h"

#include <catch2/catch.hpp>

using hemitrack::RollingQuantile;

TEST_CASE("rolling quantile forgets samples older than its window") {
  RollingQuantile median(10.0, 0.5);
  for (int i = 0; i < 100; ++i) median.add(i * 0.1, 1.0);  // 0..9.9 s at value 1
  CHECK(median.value() == Approx(1.0));
  for (int i = 100; i < 250; ++i) median.add(i * 0.1, 5.0);  // 10..24.9 s at value 5
  CHECK(median.value() == Approx(5.0));
  CHECK(median.size() <= 102);
}

TEST_CASE("an upper quantile ignores brief dips such as blinks") {
  RollingQuantile open(20.0, 0.85);
  for (int i = 0; i < 600; ++i) open.add(i / 30.0, (i % 60 < 6) ? 0.1 : 0.3);  // 10% of frames closed
  CHECK(open.value() == Approx(0.3));
}
