#pragma once
// Pieces of the one-line messages storage hands to the person.
#include <string>

namespace hemitrack {

// errno as words ("Permission denied"); "unknown error" for 0.
std::string system_reason(int err);
// Control characters (from file names or library text) become spaces: messages are one line.
std::string one_line(std::string s);

}  // namespace hemitrack
