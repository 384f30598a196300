#pragma once
// Exit codes of the hemitrack command line: distinct per kind of failure, so scripts can react.
namespace hemitrack::exit_code {
inline constexpr int ok = 0;
inline constexpr int failure = 1;           // an unexpected internal error
inline constexpr int usage = 2;             // wrong arguments
inline constexpr int input_unreadable = 3;  // missing, unreadable, not a video, no frames
inline constexpr int model_missing = 4;     // shape model not found or not loadable
inline constexpr int output_unwritable = 5; // output folder cannot be created or written
inline constexpr int no_face = 6;           // the input was read, but no face was ever found
inline constexpr int input_damaged = 7;     // the input broke off part-way; results up to there were written
inline constexpr int no_display = 8;        // the dashboard cannot open a window (no display, no OpenGL)
inline constexpr int not_stored = 9;        // the history database could not be used (results files were written)
inline constexpr int interrupted = 130;     // Ctrl-C (128 + SIGINT, as shells report it); results so far written
}  // namespace hemitrack::exit_code
