#include "core/landmarks.h"

#include <cassert>

namespace hemitrack {

std::string_view to_string(Side s) { return s == Side::right ? "right" : "left"; }

namespace {
// Pairs of landmarks that mirror each other, the person's right-side point first; points on the midline (nose bridge 27-30, nose tip
// 33, chin 8, lip centres 51, 57, 62, 66) map to themselves.
constexpr int kMirrorPairs[][2] = {
    {0, 16},  {1, 15},  {2, 14},  {3, 13},  {4, 12},  {5, 11},  {6, 10},  {7, 9},
    {17, 26}, {18, 25}, {19, 24}, {20, 23}, {21, 22}, {31, 35}, {32, 34}, {36, 45},
    {37, 44}, {38, 43}, {39, 42}, {40, 47}, {41, 46}, {48, 54}, {49, 53}, {50, 52},
    {59, 55}, {58, 56}, {60, 64}, {61, 63}, {67, 65}};

constexpr std::array<int, kLandmarkCount> build_mirror_table() {
  std::array<int, kLandmarkCount> table{};
  for (std::size_t i = 0; i < kLandmarkCount; ++i) table[i] = static_cast<int>(i);
  for (const auto& pair : kMirrorPairs) {
    table[pair[0]] = pair[1];
    table[pair[1]] = pair[0];
  }
  return table;
}
constexpr auto kMirrorTable = build_mirror_table();
constexpr std::array<bool, kLandmarkCount> build_right_side_table() {
  std::array<bool, kLandmarkCount> table{};
  for (const auto& pair : kMirrorPairs) table[pair[0]] = true;
  return table;
}
constexpr auto kIsRightSide = build_right_side_table();
}  // namespace

bool is_on_side(int i, Side side) {
  assert(i >= 0 && i < static_cast<int>(kLandmarkCount));
  if (mirrored_landmark(i) == i) return false;
  return kIsRightSide[static_cast<std::size_t>(i)] == (side == Side::right);
}

int mirrored_landmark(int i) {
  assert(i >= 0 && i < static_cast<int>(kLandmarkCount));
  return kMirrorTable[static_cast<std::size_t>(i)];
}

}  // namespace hemitrack
