#pragma once
// Runs the real hemitrack executable and captures its exit code and output.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace hemitrack::test {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `args` is appended to the command line as is (quote paths with '...'). The history database
// goes to scratch/data, never into the tester's own.
inline CliRun run_cli(const std::string& args, const std::filesystem::path& scratch, const std::string& env = "") {
  const auto out = scratch / "stdout.txt";
  const auto err = scratch / "stderr.txt";
  const std::string cmd = "XDG_DATA_HOME='" + (scratch / "data").string() + "' " + env + " '" +
                          std::string(HEMITRACK_CLI) + "' " + args + " >'" + out.string() + "' 2>'" + err.string() +
                          "' </dev/null";
  const int status = std::system(cmd.c_str());
  CliRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

// The dashboard under a virtual screen, with its settings folder inside the scratch folder so the
// tester's own settings are neither read nor written. The X authority file is given too: by
// default xvfb-run makes a temporary folder for it and now and then fails to remove it
// ("problem while cleaning up temporary directory"), which would replace the program's exit code.
// The display number search starts at a number of this process's own, so that tests running in
// parallel do not race for the same free display.
inline CliRun run_dashboard(const std::string& args, const std::filesystem::path& scratch) {
  const int first_display = 100 + static_cast<int>(::getpid() % 5000);
  const std::string env = "XDG_CONFIG_HOME='" + (scratch / "config").string() + "' xvfb-run -n " +
                          std::to_string(first_display) + " -a -f '" + (scratch / "Xauthority").string() +
                          "' -s '-screen 0 1280x800x24'";
  return run_cli(args, scratch, env);
}

inline nlohmann::json read_json(const std::filesystem::path& p) {
  std::ifstream in(p);
  return nlohmann::json::parse(in);
}

inline int lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

inline std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

}  // namespace hemitrack::test
