#pragma once
// The session database's layout: the schema, built by numbered steps (PRAGMA user_version says how
// many were applied), and the packed form of the per-frame signals. Internal to storage; tests
// read it to pin the layout down.
#include "storage/session_store.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace hemitrack::session_schema {

// PRAGMA application_id of a hemitrack database ("HMTR"), so another program's SQLite file at the
// same path is recognised and left alone.
constexpr std::int32_t kApplicationId = 0x484D5452;

struct Migration {
  int version;  // user_version once applied
  std::string_view sql;
};
// Steps in order, versions 1, 2, 3 ...; each runs in its own transaction. Released steps never
// change: a new table or column is a new step.
std::span<const Migration> migrations();
int latest_version();

// Signal chunk blob, layout of schema version 1. Little-endian, kFrameBytes per frame, frames in
// time order, no header (the row holds t0 and the frame count):
//   offset 0  uint16  time since the chunk's t0, in ms (a chunk spans less than 65.535 s)
//   offset 2  int16   closure right    fixed point: round(value * kValueScale), clamped to
//   offset 4  int16   closure left     +-32767 (+-3.2767); a value that is not finite: 0
//   offset 6  int16   mouth right
//   offset 8  int16   mouth left
//   offset 10 int16   brow right
//   offset 12 int16   brow left
//   offset 14 uint8   flags: bit 0 face_found, 1 valid, 2 settled, 3 extreme_pose
// 15 bytes a frame: 27 KB a minute at 30 fps, about 1.6 MB an hour.
constexpr std::size_t kFrameBytes = 15;
constexpr double kValueScale = 10000.0;
constexpr double kTimeUnitS = 0.001;
constexpr double kMaxOffsetS = 65.535;

// The value as a blob keeps it (fixed point, clamped; 0 for a value that is not finite).
double stored_value(double v);

// What a signal chunk's monitored_s, closed_right_s and closed_left_s columns hold for `frames`.
// Each valid frame counts the interval since the frame before it (`previous_time`: the last frame
// of the chunk before, none at the start; updated to the last of `frames`), as SummaryBuilder
// does, so a session's chunks add up to its monitored time. A frame's eye counts as closed when
// its closure as stored reaches the threshold: the same verdict whether the frame is measured
// while it is written or, for a version 1 chunk, from its blob years later.
struct ChunkTimes {
  double monitored_s = 0.0;
  std::array<double, 2> closed_s{};  // indexed by index_of(Side)
};
ChunkTimes measure_chunk(std::span<const StoredFrame> frames, std::optional<double>& previous_time,
                         double eye_closed_threshold);

// `frames` must all lie in [t0, t0 + kMaxOffsetS].
std::vector<unsigned char> pack_frames(double t0, std::span<const StoredFrame> frames);
// Appends `count` frames to `out`; false (and nothing appended) when the blob's size does not fit.
bool unpack_frames(double t0, std::int64_t count, const unsigned char* data, std::size_t bytes,
                   std::vector<StoredFrame>& out);

}  // namespace hemitrack::session_schema
