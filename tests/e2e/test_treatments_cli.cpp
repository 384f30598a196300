// The Botox cycle on the command line: `hemitrack treatments`, `hemitrack diary` and
// `hemitrack sessions tag` run as the real executable against a history in a scratch folder.
#include "e2e/cli_runner.h"
#include "storage/session_store.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>

using namespace hemitrack;
using namespace hemitrack::test;

namespace {

std::filesystem::path history_file(const TempDir& scratch) {
  return scratch.path() / "data" / "hemitrack" / "hemitrack.db";
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// A usage error: exit code 2 and a first line naming the argument and the problem.
void check_usage_error(const std::string& args, const TempDir& scratch, const std::string& names) {
  INFO("hemitrack " << args);
  const CliRun r = run_cli(args, scratch.path());
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(first_line(r.err), Catch::StartsWith("hemitrack: ") && Catch::Contains(names));
}

// The number in "Recorded ... <what> N..." on standard output.
long long recorded_id(const CliRun& r, const std::string& what) {
  std::smatch m;
  const std::regex pattern("Recorded " + what + " ([0-9]+)");
  REQUIRE(std::regex_search(r.out, m, pattern));
  return std::stoll(m[1]);
}

}  // namespace

TEST_CASE("treatments are added, listed oldest first with their doses, and deleted") {
  TempDir scratch;
  const CliRun empty = run_cli("treatments list", scratch.path());
  REQUIRE(empty.exit_code == 0);
  CHECK_THAT(empty.out, Catch::Contains("No treatments recorded yet"));

  const CliRun botox = run_cli(
      "treatments add --date 2026-03-03 --botox --product Xeomin "
      "--dose orbicularis-oculi:left:12.5 --dose corrugator:left:2.5 "
      "--dose zygomaticus_major:left:5 --note 'lower lid, lateral'",
      scratch.path());
  REQUIRE(botox.exit_code == 0);
  INFO(botox.out);
  const long long botox_id = recorded_id(botox, "treatment");
  CHECK_THAT(botox.out, Catch::Contains("2026-03-03") && Catch::Contains("20 units"));
  const CliRun pills =
      run_cli("treatments add --medication --date 2026-01-20 --product 'carbamazepine 200 mg'", scratch.path());
  REQUIRE(pills.exit_code == 0);
  const long long pills_id = recorded_id(pills, "treatment");
  CHECK(pills_id != botox_id);

  const CliRun listed = run_cli("treatments list", scratch.path());
  REQUIRE(listed.exit_code == 0);
  INFO(listed.out);
  const auto medication_at = listed.out.find("2026-01-20");
  const auto botox_at = listed.out.find("2026-03-03");
  REQUIRE(medication_at != std::string::npos);
  REQUIRE(botox_at != std::string::npos);
  CHECK(medication_at < botox_at);  // oldest first
  CHECK_THAT(listed.out, Catch::Contains("carbamazepine 200 mg") && Catch::Contains("Xeomin") &&
                             Catch::Contains("lower lid, lateral"));
  CHECK(std::regex_search(listed.out, std::regex("botox +Xeomin +20 ")));
  CHECK(std::regex_search(listed.out, std::regex("left +orbicularis-oculi +12.5 units")));
  CHECK(std::regex_search(listed.out, std::regex("left +zygomaticus-major +5 units")));

  // Deleting asks first; without anyone to answer it refuses, with --yes it deletes.
  const CliRun unconfirmed = run_cli("treatments delete " + std::to_string(botox_id), scratch.path());
  CHECK(unconfirmed.exit_code == 1);
  CHECK(lines(unconfirmed.err) == 1);
  CHECK_THAT(run_cli("treatments list", scratch.path()).out, Catch::Contains("Xeomin"));
  const CliRun deleted = run_cli("treatments delete " + std::to_string(botox_id) + " --yes", scratch.path());
  CHECK(deleted.exit_code == 0);
  const CliRun after = run_cli("treatments list", scratch.path());
  CHECK_THAT(after.out, !Catch::Contains("Xeomin") && Catch::Contains("carbamazepine"));

  const CliRun again = run_cli("treatments delete " + std::to_string(botox_id) + " --yes", scratch.path());
  CHECK(again.exit_code == 3);
  CHECK(lines(again.err) == 1);
  CHECK_THAT(again.err, Catch::Contains("no such treatment"));
}

TEST_CASE("treatments add refuses bad arguments in a line naming them, with exit code 2") {
  TempDir scratch;
  check_usage_error("treatments add --date 2026-02-30 --botox", scratch, "--date");
  check_usage_error("treatments add --date yesterday --botox", scratch, "'yesterday'");
  check_usage_error("treatments add --botox", scratch, "--date");
  check_usage_error("treatments add --date 2026-03-03", scratch, "--botox");
  check_usage_error("treatments add --date 2026-03-03 --botox --medication", scratch, "one of");
  check_usage_error("treatments add --date 2026-03-03 --botox --dose nose:left:3", scratch, "unknown muscle 'nose'");
  check_usage_error("treatments add --date 2026-03-03 --botox --dose masseter:middle:3", scratch, "'middle'");
  check_usage_error("treatments add --date 2026-03-03 --botox --dose masseter:left:-3", scratch, "units");
  check_usage_error("treatments add --date 2026-03-03 --botox --dose masseter:left", scratch, "MUSCLE:SIDE:UNITS");
  check_usage_error("treatments add --date 2026-03-03 --botox --dose masseter:left:2 --dose masseter:left:3", scratch,
                    "twice");
  check_usage_error("treatments add --date 2026-03-03 --decompression --dose masseter:left:2", scratch, "--dose");
  check_usage_error("treatments add --date 2026-03-03 --botox --frobnicate", scratch, "'--frobnicate'");
  check_usage_error("treatments delete x", scratch, "treatment number");
  check_usage_error("treatments", scratch, "add, list or delete");
  check_usage_error("treatments cure", scratch, "'cure'");
  // Nothing was written by any of them.
  CHECK_THAT(run_cli("treatments list", scratch.path()).out, Catch::Contains("No treatments recorded yet"));
}

TEST_CASE("diary hfs7 entries are added, listed with their total out of 28, and deleted") {
  TempDir scratch;
  CHECK_THAT(run_cli("diary list", scratch.path()).out, Catch::Contains("No diary entries"));
  const CliRun april = run_cli("diary hfs7 --date 2026-04-01 1 0 0 1 0 2 0", scratch.path());
  REQUIRE(april.exit_code == 0);
  CHECK_THAT(april.out, Catch::Contains("4/28"));
  const CliRun march =
      run_cli("diary hfs7 4 3 2 1 0 4 3 --date 2026-03-01 --note 'before the injection'", scratch.path());
  REQUIRE(march.exit_code == 0);
  const long long march_id = recorded_id(march, "HFS-7 entry");

  const CliRun listed = run_cli("diary list", scratch.path());
  REQUIRE(listed.exit_code == 0);
  INFO(listed.out);
  CHECK(std::regex_search(listed.out, std::regex("2026-03-01 +4 3 2 1 0 4 3 +17/28 +before the injection")));
  CHECK(std::regex_search(listed.out, std::regex("2026-04-01 +1 0 0 1 0 2 0 +4/28")));
  CHECK(listed.out.find("2026-03-01") < listed.out.find("2026-04-01"));

  CHECK(run_cli("diary delete " + std::to_string(march_id), scratch.path()).exit_code == 1);
  CHECK(run_cli("diary delete " + std::to_string(march_id) + " --yes", scratch.path()).exit_code == 0);
  CHECK_THAT(run_cli("diary list", scratch.path()).out, !Catch::Contains("2026-03-01"));
  const CliRun gone = run_cli("diary delete " + std::to_string(march_id) + " --yes", scratch.path());
  CHECK(gone.exit_code == 3);
  CHECK(lines(gone.err) == 1);
}

TEST_CASE("diary hfs7 refuses answers outside 0 to 4, the wrong number of answers and bad dates") {
  TempDir scratch;
  check_usage_error("diary hfs7 --date 2026-03-01 4 3 2 1 0 4 5", scratch, "answer 7");
  check_usage_error("diary hfs7 --date 2026-03-01 4 3 -1 1 0 4 2", scratch, "answer 3");
  check_usage_error("diary hfs7 --date 2026-03-01 4 3 often 1 0 4 2", scratch, "'often'");
  check_usage_error("diary hfs7 --date 2026-03-01 4 3 2 1 0 4", scratch, "got 6");
  check_usage_error("diary hfs7 --date 2026-03-01 4 3 2 1 0 4 3 2", scratch, "got 8");
  check_usage_error("diary hfs7 4 3 2 1 0 4 3", scratch, "--date");
  check_usage_error("diary hfs7 --date 2026-13-01 4 3 2 1 0 4 3", scratch, "'2026-13-01'");
  check_usage_error("diary delete", scratch, "entry number");
  check_usage_error("diary mood 3", scratch, "'mood'");
  CHECK_THAT(run_cli("diary list", scratch.path()).out, Catch::Contains("No diary entries"));
}

TEST_CASE("sessions tag replaces a session's tags and clears them") {
  TempDir scratch;
  SessionId id = 0;
  {
    auto opened = SessionStore::open(history_file(scratch));
    REQUIRE(std::holds_alternative<SessionStore>(opened));
    SessionInfo info;
    info.source = "camera 0";
    info.tags = {"before botox"};
    auto begun = std::get<SessionStore>(opened).begin_session(info);
    REQUIRE(std::holds_alternative<SessionId>(begun));
    id = std::get<SessionId>(begun);
  }
  const std::string session = std::to_string(id);
  const CliRun tagged =
      run_cli("sessions tag " + session + " stress 'screen-work' 'two coffees, late'", scratch.path());
  REQUIRE(tagged.exit_code == 0);
  CHECK_THAT(run_cli("sessions show " + session, scratch.path()).out,
             Catch::Contains("tags: stress, screen-work, two coffees, late"));

  const CliRun cleared = run_cli("sessions tag " + session, scratch.path());
  REQUIRE(cleared.exit_code == 0);
  CHECK_THAT(run_cli("sessions show " + session, scratch.path()).out, !Catch::Contains("tags:"));

  const CliRun unknown = run_cli("sessions tag 999 tired", scratch.path());
  CHECK(unknown.exit_code == 3);
  CHECK(lines(unknown.err) == 1);
  check_usage_error("sessions tag tired", scratch, "session number");
  check_usage_error("sessions tag " + session + " --tired", scratch, "'--tired'");
}

TEST_CASE("treatment, diary and session tag commands on an unusable history give exit code 9 and leave it as it was") {
  TempDir scratch;
  const auto db = history_file(scratch);
  std::filesystem::create_directories(db.parent_path());
  const std::string garbage(8192, '\x5a');
  std::ofstream(db, std::ios::binary) << garbage;
  for (const char* args : {"treatments list", "treatments add --date 2026-03-03 --botox", "treatments delete 1 --yes",
                           "diary list", "diary hfs7 --date 2026-03-01 0 0 0 0 0 0 0", "sessions tag 1 tired"}) {
    INFO("hemitrack " << args);
    const CliRun r = run_cli(args, scratch.path());
    CHECK(r.exit_code == 9);
    CHECK(lines(r.err) == 1);
    CHECK_THAT(r.err, Catch::Contains("hemitrack.db"));
  }
  CHECK(slurp(db) == garbage);
}

TEST_CASE("treatments and diary explain themselves with --help") {
  TempDir scratch;
  for (const char* args : {"treatments --help", "treatments add --help", "treatments delete --help"}) {
    const CliRun r = run_cli(args, scratch.path());
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("--dose M:S:U") && Catch::Contains("orbicularis-oculi"));
  }
  for (const char* args : {"diary --help", "diary hfs7 --help", "diary list -h"}) {
    const CliRun r = run_cli(args, scratch.path());
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("A7") && Catch::Contains("4 always"));
  }
  CHECK_THAT(run_cli("sessions --help", scratch.path()).out, Catch::Contains("tag ID"));
  CHECK_FALSE(std::filesystem::exists(history_file(scratch)));  // help never opens the history
}
