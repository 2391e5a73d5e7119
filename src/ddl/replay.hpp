#pragma once

// Migration SQL -> model::Catalog, statement by statement: unlike the schema reader, which only
// accepts definitions, the replayer also applies what a migration does to existing objects
// (DROP, ALTER TABLE ..., RENAME, SET SCHEMA, ALTER TYPE ... ADD VALUE, ALTER SEQUENCE, policies,
// comments, drizzle's DO blocks around ADD CONSTRAINT). Data statements (INSERT, UPDATE, DELETE,
// SELECT, SET) and CREATE EXTENSION change no schema object the model holds and are skipped. Any
// other statement is a flick::UserError naming file:line:col and the statement kind.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "flick/model.hpp"

namespace flick::ddl {

class CatalogBuilder;

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

  using Observer = std::function<void(const ReplayedStatement&)>;

  // Applies every statement of `sql` in order; `observe`, when set, is called after each one.
  // Throws flick::UserError "<file>:<line>:<col>: <message>" at the first statement that fails
  // (a syntax error, an object that does not exist or already exists, an unsupported statement).
  // After a failure the replayer holds a partly applied statement: stop using it.
  void apply(std::string_view sql, const std::string& file_name, const Observer& observe = {});

  // The schema so far, normalised (model::normalise).
  model::Catalog catalog() const;

 private:
  Existing existing_;
  std::unique_ptr<CatalogBuilder> builder_;
};

}  // namespace flick::ddl
