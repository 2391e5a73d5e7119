#pragma once

// The record of applied migrations. drizzle's own table (default
// "drizzle"."__drizzle_migrations"(id serial, hash text, created_at bigint)) is written exactly as
// drizzle-orm's migrator writes it, so either tool can continue the other's database. What Flick
// records beyond it (tag, applied_at, duration, statement count) lives in "__flick_migrations"
// beside it, one row per drizzle row (format version 1, in the table's comment).

#include <cstdint>
#include <string>
#include <vector>

#include "migrate/status.hpp"
#include "pg/pg.hpp"

namespace flick::migrate {

class Bookkeeping {
 public:
  Bookkeeping(pg::Connection& connection, std::string schema, std::string table);

  // Creates the schema and both tables when missing.
  void ensure();
  // True when drizzle's table exists.
  bool exists();
  // What rows() reads of each row: everything, or only what matching rows to the journal needs
  // (id, hash, created_at; tag, applied_at and duration_ms stay unset), which spares the join
  // with Flick's table and a formatted time per row (the no-op migrate's main query).
  enum class RowDetail { kAll, kForMatching };
  // Every applied row, oldest first. Empty when the table does not exist.
  std::vector<AppliedRow> rows(RowDetail detail = RowDetail::kAll);
  // Whether the last rows() found both tables, i.e. ensure() would create nothing.
  bool complete() const { return complete_; }
  // Records one applied migration in both tables.
  void record(const store::JournalEntry& entry, const std::string& hash, std::int64_t duration_ms,
              int statements);
  // The same record as one statement with its values written in, for a migration sent whole
  // in one message; the duration is the server's time since the transaction began.
  std::string record_statement(const store::JournalEntry& entry, const std::string& hash,
                               int statements) const;
  // Replaces the recorded hash of a deliberately edited migration.
  void update_hash(const AppliedRow& row, const std::string& hash);
  // Removes the record of a migration (after `down`).
  void remove(const AppliedRow& row);

  std::string qualified_table() const;
  // The advisory lock every command that writes this table takes, so they exclude each other.
  std::string lock_name() const { return "flick migrate " + qualified_table(); }
  std::string qualified_flick_table() const;

 private:
  pg::Connection& connection_;
  std::string schema_;
  std::string table_;
  bool complete_ = false;
};

}  // namespace flick::migrate
