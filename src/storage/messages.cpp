#include "storage/messages.h"

#include <algorithm>
#include <system_error>

namespace hemitrack {

std::string system_reason(int err) {
  return err != 0 ? std::error_code(err, std::generic_category()).message() : "unknown error";
}

std::string one_line(std::string s) {
  std::replace_if(s.begin(), s.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }, ' ');
  return s;
}

}  // namespace hemitrack
