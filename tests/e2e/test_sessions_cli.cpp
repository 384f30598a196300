// The history on the command line: what `hemitrack analyze` keeps, read back through
// `hemitrack sessions`, on a real SQLite file in a scratch folder.
#include "e2e/cli_runner.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace hemitrack;
using namespace hemitrack::test;

TEST_CASE("an analysed file becomes a session that can be listed, shown, exported and deleted") {
  TempDir scratch;
  const auto demo = source_path("assets/demo.mp4");
  const CliRun analyzed = run_cli("analyze " + quoted(demo) + " -o " + quoted(scratch.path() / "out") +
                                      " --tag 'before botox' --tag tired",
                                  scratch.path());
  REQUIRE(analyzed.exit_code == 0);
  CHECK_THAT(analyzed.out, Catch::Contains("kept in the history as session 1"));
  const auto events = read_json(scratch.path() / "out" / "events.json")["events"];
  REQUIRE(events.size() >= 5);

  const CliRun listed = run_cli("sessions list", scratch.path());
  REQUIRE(listed.exit_code == 0);
  CHECK_THAT(listed.out, Catch::Contains("demo.mp4") && Catch::Contains(" " + std::to_string(events.size()) + " "));

  const CliRun shown = run_cli("sessions show 1", scratch.path());
  REQUIRE(shown.exit_code == 0);
  CHECK_THAT(shown.out, Catch::Contains("one-sided twitches: " + std::to_string(events.size())));
  CHECK_THAT(shown.out, Catch::Contains("tags: before botox, tired"));

  // The JSON export has the events.json shape: the same events as analyze wrote.
  const auto exported = scratch.path() / "session1.json";
  REQUIRE(run_cli("sessions export 1 --json -o " + quoted(exported), scratch.path()).exit_code == 0);
  const auto doc = read_json(exported);
  REQUIRE(doc["events"].size() == events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    CHECK(doc["events"][i]["side"] == events[i]["side"]);
    CHECK(doc["events"][i]["start_s"].get<double>() == Approx(events[i]["start_s"].get<double>()).margin(0.001));
  }
  const CliRun csv = run_cli("sessions export 1 --csv", scratch.path());
  REQUIRE(csv.exit_code == 0);
  CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == static_cast<long>(events.size()) + 1);

  // Deleting asks first; without anyone to answer it refuses, with --yes it deletes.
  const CliRun unconfirmed = run_cli("sessions delete 1", scratch.path());
  CHECK(unconfirmed.exit_code == 1);
  CHECK(run_cli("sessions show 1", scratch.path()).exit_code == 0);
  CHECK(run_cli("sessions delete 1 --yes", scratch.path()).exit_code == 0);
  const CliRun gone = run_cli("sessions show 1", scratch.path());
  CHECK(gone.exit_code == 3);
  CHECK(lines(gone.err) == 1);
}

TEST_CASE("analyze with --no-store leaves the history untouched") {
  TempDir scratch;
  const CliRun r = run_cli("analyze " + quoted(fixture("jefapato/test_format_2sec.mp4")) + " -o " +
                               quoted(scratch.path() / "out") + " --quiet --no-store",
                           scratch.path());
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(scratch.path() / "data" / "hemitrack" / "hemitrack.db"));
}

TEST_CASE("a damaged history database is reported in one line, the results files are still written and the database is left as it was") {
  TempDir scratch;
  const auto db = scratch.path() / "data" / "hemitrack" / "hemitrack.db";
  std::filesystem::create_directories(db.parent_path());
  const std::string garbage(8192, '\x5a');
  std::ofstream(db, std::ios::binary) << garbage;

  const CliRun r = run_cli("analyze " + quoted(fixture("jefapato/test_format_2sec.mp4")) + " -o " +
                               quoted(scratch.path() / "out") + " --quiet",
                           scratch.path());
  CHECK(r.exit_code == 9);
  CHECK(lines(r.err) == 1);
  CHECK_THAT(r.err, Catch::Contains("hemitrack.db"));
  CHECK(std::filesystem::exists(scratch.path() / "out" / "events.json"));
  CHECK(slurp(db) == garbage);

  const CliRun listed = run_cli("sessions list", scratch.path());
  CHECK(listed.exit_code == 9);
  CHECK(lines(listed.err) == 1);
}

TEST_CASE("sessions usage errors name the problem") {
  TempDir scratch;
  CHECK(run_cli("sessions", scratch.path()).exit_code == 2);
  CHECK(run_cli("sessions show", scratch.path()).exit_code == 2);
  CHECK(run_cli("sessions show x", scratch.path()).exit_code == 2);
  const CliRun r = run_cli("sessions export 3", scratch.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--csv or --json"));
}
