// The Botox cycle's records in the session database: treatments with their doses, the HFS-7
// diary, and a session's context tags. Small tables the patient writes by hand, a few rows a month.
#include "storage/session_rows.h"
#include "storage/session_store.h"
#include "storage/sqlite_support.h"

#include <map>

namespace hemitrack {
namespace {

using session_rows::fail;
using session_rows::utc_now;
using sqlite::Statement;
using sqlite::Transaction;

// The day as the database keeps it; none when its year does not have four digits, since such
// text would neither pass the table's CHECK nor sort in time order.
std::optional<std::string> day_text(DayNumber day) {
  std::string text = format_date(day);
  if (parse_date(text) != day) return std::nullopt;
  return text;
}

std::string day_problem(DayNumber day) { return "day " + std::to_string(day) + " is outside the years 0000 to 9999"; }

std::optional<Side> side_from(const std::string& text) {
  if (text == to_string(Side::right)) return Side::right;
  if (text == to_string(Side::left)) return Side::left;
  return std::nullopt;
}

}  // namespace

std::variant<TreatmentId, StoreError> SessionStore::add_treatment(const Treatment& treatment) {
  const std::string doing = "cannot add a treatment";
  if (auto problem = treatment.validate(); !problem.empty())
    return fail(StoreErrorKind::invalid, path_, doing + ": " + problem);
  const auto given_on = day_text(treatment.day);
  if (!given_on) return fail(StoreErrorKind::invalid, path_, doing + ": " + day_problem(treatment.day));

  Transaction tx(db_.get());
  if (tx.begin_result() != SQLITE_OK) return error(tx.begin_result(), doing);
  Statement insert(db_.get(),
                   "INSERT INTO treatments (given_on, kind, product, note, created_at) VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, std::string_view(*given_on))
      .bind(2, to_string(treatment.kind))
      .bind(3, std::string_view(treatment.product))
      .bind(4, std::string_view(treatment.note))
      .bind(5, std::string_view(utc_now()));
  if (const int rc = insert.step(); rc != SQLITE_DONE) return error(rc, doing);
  const TreatmentId id = sqlite3_last_insert_rowid(db_.get());
  for (const Dose& d : treatment.doses) {
    Statement dose(db_.get(), "INSERT INTO treatment_doses (treatment_id, muscle, side, units) VALUES (?, ?, ?, ?)");
    dose.bind(1, id).bind(2, to_string(d.muscle)).bind(3, to_string(d.side)).bind(4, d.units);
    if (const int rc = dose.step(); rc != SQLITE_DONE) return error(rc, doing);
  }
  if (const int rc = tx.commit(); rc != SQLITE_OK) return error(rc, doing);
  return id;
}

std::variant<std::vector<Treatment>, StoreError> SessionStore::list_treatments() const {
  const std::string doing = "cannot list treatments";
  const auto damaged = [&](const std::string& what) {
    return fail(StoreErrorKind::corrupt, path_, doing + ": " + what);
  };
  std::vector<Treatment> out;
  std::map<TreatmentId, std::size_t> index;
  Statement rows(db_.get(), "SELECT id, given_on, kind, product, note FROM treatments ORDER BY given_on, id");
  int rc;
  while ((rc = rows.step()) == SQLITE_ROW) {
    Treatment t;
    t.id = rows.integer(0);
    const auto day = parse_date(rows.text(1));
    const auto kind = parse_treatment_kind(rows.text(2));
    if (!day || !kind) return damaged("treatment " + std::to_string(t.id) + " has an unreadable date or kind");
    t.day = *day;
    t.kind = *kind;
    t.product = rows.text(3);
    t.note = rows.text(4);
    index[t.id] = out.size();
    out.push_back(std::move(t));
  }
  if (rc != SQLITE_DONE) return error(rc, doing);

  // Doses in the order they were given, so a treatment reads back as it was written.
  Statement doses(db_.get(), "SELECT treatment_id, muscle, side, units FROM treatment_doses ORDER BY treatment_id, id");
  while ((rc = doses.step()) == SQLITE_ROW) {
    const auto found = index.find(doses.integer(0));
    if (found == index.end()) continue;  // deleted by another program between the two reads
    const auto muscle = parse_muscle(doses.text(1));
    const auto side = side_from(doses.text(2));
    if (!muscle || !side) return damaged("a dose of treatment " + std::to_string(found->first) + " is unreadable");
    out[found->second].doses.push_back({*muscle, *side, doses.real(3)});
  }
  if (rc != SQLITE_DONE) return error(rc, doing);
  return out;
}

std::optional<StoreError> SessionStore::delete_treatment(TreatmentId id) {
  const std::string doing = "cannot delete treatment " + std::to_string(id);
  // One statement, one transaction: the doses go with it (ON DELETE CASCADE).
  Statement remove(db_.get(), "DELETE FROM treatments WHERE id = ?");
  remove.bind(1, id);
  if (const int rc = remove.step(); rc != SQLITE_DONE) return error(rc, doing);
  if (sqlite3_changes(db_.get()) == 0) return fail(StoreErrorKind::not_found, path_, doing + ": no such treatment");
  return std::nullopt;
}

std::variant<Hfs7Id, StoreError> SessionStore::add_hfs7(const Hfs7Answers& answers) {
  const std::string doing = "cannot add an HFS-7 entry";
  if (auto problem = answers.validate(); !problem.empty())
    return fail(StoreErrorKind::invalid, path_, doing + ": " + problem);
  const auto answered_on = day_text(answers.day);
  if (!answered_on) return fail(StoreErrorKind::invalid, path_, doing + ": " + day_problem(answers.day));
  Statement insert(db_.get(),
                   "INSERT INTO hfs7 (answered_on, a1, a2, a3, a4, a5, a6, a7, note, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, std::string_view(*answered_on));
  for (int i = 0; i < kHfs7Items; ++i) insert.bind(2 + i, answers.answers[static_cast<std::size_t>(i)]);
  insert.bind(9, std::string_view(answers.note)).bind(10, std::string_view(utc_now()));
  if (const int rc = insert.step(); rc != SQLITE_DONE) return error(rc, doing);
  return static_cast<Hfs7Id>(sqlite3_last_insert_rowid(db_.get()));
}

std::variant<std::vector<Hfs7Answers>, StoreError> SessionStore::list_hfs7() const {
  const std::string doing = "cannot list the HFS-7 entries";
  Statement rows(db_.get(),
                 "SELECT id, answered_on, a1, a2, a3, a4, a5, a6, a7, note FROM hfs7 ORDER BY answered_on, id");
  std::vector<Hfs7Answers> out;
  int rc;
  while ((rc = rows.step()) == SQLITE_ROW) {
    Hfs7Answers a;
    a.id = rows.integer(0);
    const auto day = parse_date(rows.text(1));
    if (!day)
      return fail(StoreErrorKind::corrupt, path_,
                  doing + ": entry " + std::to_string(a.id) + " has an unreadable date");
    a.day = *day;
    for (int i = 0; i < kHfs7Items; ++i) a.answers[static_cast<std::size_t>(i)] = static_cast<int>(rows.integer(2 + i));
    a.note = rows.text(9);
    out.push_back(std::move(a));
  }
  if (rc != SQLITE_DONE) return error(rc, doing);
  return out;
}

std::optional<StoreError> SessionStore::delete_hfs7(Hfs7Id id) {
  const std::string doing = "cannot delete HFS-7 entry " + std::to_string(id);
  Statement remove(db_.get(), "DELETE FROM hfs7 WHERE id = ?");
  remove.bind(1, id);
  if (const int rc = remove.step(); rc != SQLITE_DONE) return error(rc, doing);
  if (sqlite3_changes(db_.get()) == 0) return fail(StoreErrorKind::not_found, path_, doing + ": no such entry");
  return std::nullopt;
}

std::optional<StoreError> SessionStore::set_tags(SessionId id, const std::vector<std::string>& tags) {
  const std::string doing = "cannot set the tags of session " + std::to_string(id);
  Statement update(db_.get(), "UPDATE sessions SET tags = ? WHERE id = ?");
  update.bind(1, std::string_view(session_rows::tags_to_text(tags))).bind(2, id);
  if (const int rc = update.step(); rc != SQLITE_DONE) return error(rc, doing);
  if (sqlite3_changes(db_.get()) == 0) return fail(StoreErrorKind::not_found, path_, doing + ": no such session");
  return std::nullopt;
}

}  // namespace hemitrack
