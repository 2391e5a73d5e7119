#pragma once

// The one interpreter of migration SQL: statement by statement, what each does to the schema.
// Unlike the schema reader, which only accepts definitions, the replayer also applies what a
// migration does to existing objects (DROP, ALTER TABLE ..., RENAME, SET SCHEMA, ALTER TYPE ...
// VALUE, ALTER SEQUENCE, policies, comments), reads DO blocks with the PL/pgSQL parser (a
// statement under an EXCEPTION WHEN duplicate_object handler or an IF is "create if absent"),
// follows SET search_path for unqualified names, and skips transaction control and data
// statements. Functions, procedures, triggers, extensions, domains, composite and range types are
// followed by kind and name (the model does not hold them yet); grants, roles, ownership and
// other statements without an effect on the model are skipped.
// For each statement it yields typed effects (ReplayedStatement::effects). check, lint and docs
// read those instead of walking parse trees of their own.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ddl/statement_traits.hpp"
#include "flick/model.hpp"

namespace flick::ddl {

class CatalogBuilder;

// What a statement does to one object. Keys are "<kind> <schema>.<name>"; columns, constraints,
// triggers and policies are "<kind> <schema>.<table>.<name>"; extensions and roles
// "<kind> <name>"; functions and procedures "<kind> <schema>.<name>(<argument types>)".
struct Effect {
  enum class Action { kCreated, kAltered, kDropped, kRenamed };
  Action action = Action::kAltered;
  std::string key;
  std::string owner;       // the table key for objects that go with a table, else ""
  std::string renamed_to;  // kRenamed: the new key
  // IF [NOT] EXISTS, OR REPLACE, or inside a guarded DO block: no error either way.
  bool guarded = false;
};

// "table \"users\"" / "constraint \"auth.users.users_pkey\"" for messages: the key's kind and
// its name quoted, "public." left out.
std::string display_key(const std::string& key);

// One statement as the replayer applied it.
struct ReplayedStatement {
  std::size_t index = 0;  // position in its file
  std::size_t begin = 0;  // byte offset of its first token in the file
  std::size_t end = 0;    // byte offset just past it (before its ';')
  int line = 1;
  // Only with Existing::kReplace: the statement created an object that already existed, and
  // the replayer replaced the old definition (a CREATE TABLE keeps the old table's indexes,
  // policies and foreign keys it does not define itself).
  bool recreated = false;
  bool skipped = false;  // a data statement, or a guarded create of an existing object
  std::string kind;      // the statement's node kind, e.g. "AlterTableStmt"
  std::vector<Effect> effects;
  // A data statement (INSERT, UPDATE, DELETE, COPY, TRUNCATE, SELECT, ...): no schema effect.
  bool data = false;
  // BEGIN / COMMIT / ROLLBACK / SAVEPOINT written into the file (kNone for anything else).
  TransactionControl control = TransactionControl::kNone;
  // PostgreSQL refuses it inside a transaction block (CREATE INDEX CONCURRENTLY, VACUUM, ...).
  bool outside_transaction = false;
  // Only in lenient mode: why the statement could not be applied ("<file>:<line>:<col>: ..."),
  // e.g. an object that does not exist or already exists. The model is left as the statement
  // found it, as far as the statement had not changed it yet.
  std::string error;
  // Only in lenient mode: what the replayer does not understand about the statement (a kind it
  // does not interpret, a dynamic EXECUTE); the history goes on without its effect.
  std::string not_understood;
};

class Replayer {
 public:
  // What a CREATE of an existing object does: fail as PostgreSQL would, or replace the object
  // and report it (check --fix uses this to find what a migration re-creates).
  enum class Existing { kFail, kReplace };

  explicit Replayer(Existing existing = Existing::kFail);
  ~Replayer();
  Replayer(const Replayer& other);
  Replayer& operator=(const Replayer& other);

  void set_existing(Existing existing) { existing_ = existing; }
  // Lenient: a statement that cannot be applied is reported in ReplayedStatement::error or
  // ::not_understood and the replay goes on (check reads whole histories this way). Strict (the
  // default): apply throws at the first one.
  void set_lenient(bool lenient) { lenient_ = lenient; }
  // The schema unqualified names resolve to before any SET search_path (flick.toml
  // [migrations] searchPath); "public" by default.
  void set_search_path(const std::string& first_schema) { search_path_ = first_schema; }

  // Schemas whose objects the database has before the first migration (a platform's: Supabase's
  // auth, storage and realtime): a foreign key to a table missing there is taken as written, and
  // a statement on an object missing there is skipped (ReplayedStatement::skipped) instead of
  // failing, lenient or not. None by default.
  void set_provided_elsewhere(std::function<bool(const std::string& schema)> provided);
  // What the history took to exist in those schemas ("table auth.users"), in first-use order.
  std::vector<std::string> assumed_existing() const;

  using Observer = std::function<void(const ReplayedStatement&)>;

  // Applies every statement of `sql` in order (cut at `--> statement-breakpoint` as drizzle-orm
  // runs it); `observe`, when set, is called after each one. Throws flick::UserError
  // "<file>:<line>:<col>: <message>" on a syntax error and, unless lenient, at the first
  // statement that fails (an object that does not exist or already exists, an unsupported
  // statement). After a failure the replayer holds a partly applied statement: stop using it.
  void apply(std::string_view sql, const std::string& file_name, const Observer& observe = {});

  // The schema so far, normalised (model::normalise).
  model::Catalog catalog() const;

 private:
  Existing existing_;
  bool lenient_ = false;
  std::string search_path_ = "public";
  std::unique_ptr<CatalogBuilder> builder_;
};

}  // namespace flick::ddl
