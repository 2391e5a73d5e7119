// The rule catalogue: names, default severities, and the advice every finding carries.

#include <algorithm>

#include "lint/lint.hpp"

namespace flick::lint {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kOff:
      return "off";
  }
  return "off";
}

const std::vector<Rule>& all_rules() {
  static const std::vector<Rule> rules = {
      {"adding-not-null-column-without-default", Severity::kError,
       "fails with \"column contains null values\" as soon as the table has a row, so the "
       "migration works on an empty development database and breaks in production",
       "add the column with a constant DEFAULT (no rewrite since PostgreSQL 11), or add it "
       "nullable, backfill it, then set NOT NULL (see setting-not-null)"},
      {"setting-not-null", Severity::kError,
       "scans the whole table to check for NULLs while holding an ACCESS EXCLUSIVE lock: every "
       "read and write on the table waits for the scan",
       "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; then VALIDATE CONSTRAINT c (no "
       "exclusive lock); then SET NOT NULL (PostgreSQL 12+ uses the valid check and skips the "
       "scan); then drop the check"},
      {"changing-column-type", Severity::kError,
       "rewrites the table and all its indexes under an ACCESS EXCLUSIVE lock (except a few "
       "binary-compatible changes such as varchar(n) to text): reads and writes stop until it "
       "ends",
       "add a new column of the new type, backfill it in batches, switch the application over, "
       "then drop the old column"},
      {"volatile-default", Severity::kError,
       "a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval/serial) is "
       "evaluated per row, so PostgreSQL rewrites the whole table under an ACCESS EXCLUSIVE lock; "
       "stable defaults such as now() are stored once and cost nothing",
       "add the column without a default, SET DEFAULT afterwards (applies to new rows only), and "
       "backfill existing rows in batches"},
      {"index-without-concurrently", Severity::kError,
       "CREATE INDEX holds a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on "
       "the table waits until the index is built",
       "CREATE INDEX CONCURRENTLY, in a migration of its own run outside a transaction"},
      {"drop-index-without-concurrently", Severity::kError,
       "DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table; behind a long query it "
       "queues and blocks all later reads and writes",
       "DROP INDEX CONCURRENTLY, in a migration of its own run outside a transaction"},
      {"concurrently-in-transaction", Severity::kError,
       "CREATE/DROP INDEX CONCURRENTLY cannot run inside a transaction block: the migration "
       "fails with \"cannot run inside a transaction block\"",
       "remove the BEGIN/COMMIT around it and run the migration without a wrapping transaction "
       "(one CONCURRENTLY statement per migration)"},
      {"constraint-without-not-valid", Severity::kError,
       "adding a FOREIGN KEY or CHECK validates every existing row while holding a lock that "
       "blocks writes (ACCESS EXCLUSIVE for CHECK; SHARE ROW EXCLUSIVE on both tables for a "
       "foreign key)",
       "ADD CONSTRAINT ... NOT VALID (instant, checks new rows only), then in a later statement "
       "ALTER TABLE ... VALIDATE CONSTRAINT ... (scans without blocking writes)"},
      {"unique-constraint-instead-of-index", Severity::kError,
       "ADD CONSTRAINT UNIQUE / PRIMARY KEY builds its index while holding an ACCESS EXCLUSIVE "
       "lock: reads and writes stop for the whole build",
       "CREATE UNIQUE INDEX CONCURRENTLY idx ON t (cols); then ALTER TABLE t ADD CONSTRAINT c "
       "UNIQUE USING INDEX idx (or PRIMARY KEY USING INDEX idx)"},
      {"dropping-table", Severity::kError,
       "deletes the table and its data for good; application code still reading it fails",
       "stop using the table in the application first, deploy, back it up, then drop it in a "
       "later migration (silence the rule with -- flick-lint-ignore: dropping-table)"},
      {"dropping-column", Severity::kError,
       "deletes the column's data for good; running application code that selects or inserts it "
       "fails until the new version is deployed",
       "stop reading and writing the column in the application first, deploy, then drop it in a "
       "later migration (silence the rule with -- flick-lint-ignore: dropping-column)"},
      {"dropping-schema", Severity::kError,
       "deletes the schema, and with CASCADE every table, view and type in it",
       "drop the objects one by one after the application stopped using them, then the empty "
       "schema without CASCADE"},
      {"renaming-table", Severity::kError,
       "the application version still running during the deploy uses the old name and fails "
       "until every instance runs the new code",
       "expand and contract: create the new table (or a view with the new name), move the "
       "application over, then drop the old name in a later migration"},
      {"renaming-column", Severity::kError,
       "the application version still running during the deploy uses the old column name and "
       "fails until every instance runs the new code",
       "expand and contract: add the new column, write both, backfill, switch reads, then drop "
       "the old column in a later migration"},
      {"enum-value-added-and-used", Severity::kError,
       "a value added by ALTER TYPE ... ADD VALUE cannot be used before the transaction that "
       "added it commits; migrations run in one transaction, so this fails with \"unsafe use of "
       "new value\"",
       "add the enum value in one migration and use it in a later one"},
      {"identifier-too-long", Severity::kError,
       "PostgreSQL silently truncates identifiers to 63 bytes, so the object gets another name "
       "than the one written (two long names may even collide) and later migrations referring to "
       "the full name do not match",
       "use a name of at most 63 bytes"},
      {"missing-lock-timeout", Severity::kWarning,
       "a statement that needs an ACCESS EXCLUSIVE lock waits behind any long-running query, and "
       "while it waits every other query on the table queues behind it: a short migration can "
       "stall the application",
       "start the migration with SET lock_timeout = '5s' (and retry the migration when it times "
       "out)"},
      {"int-primary-key", Severity::kWarning,
       "integer/serial keys overflow at 2^31 - 1 (about 2.1 billion); changing the type later "
       "rewrites the table and every referencing table",
       "bigint (bigserial or bigint GENERATED ALWAYS AS IDENTITY)"},
      {"varchar-length", Severity::kWarning,
       "varchar(n) gains nothing over text in PostgreSQL, and raising the limit later is a "
       "schema change on every table using it",
       "text, with CHECK (char_length(col) <= n) when a limit is a business rule"},
      {"timestamp-without-time-zone", Severity::kWarning,
       "timestamp without time zone stores wall-clock time with no zone: values written from "
       "servers or sessions in different time zones cannot be compared",
       "timestamptz (timestamp with time zone), which stores an instant"},
  };
  return rules;
}

const Rule* find_rule(std::string_view name) {
  const std::vector<Rule>& rules = all_rules();
  auto found =
      std::find_if(rules.begin(), rules.end(), [&](const Rule& rule) { return rule.name == name; });
  return found == rules.end() ? nullptr : &*found;
}

}  // namespace flick::lint
