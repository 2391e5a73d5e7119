#pragma once

// Compares two Catalogs and produces the ordered list of changes that turns a database matching
// `from` into one matching `to`, in drizzle-kit's statement order, with dependencies respected.
// Renames come from hints (flags or a hints file) or from an interactive `ask` callback; an
// unresolved "removed one, added another" in the same scope is a UserError naming the flags.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diff/changes.hpp"
#include "flick/model.hpp"

namespace flick::diff {

enum class ObjectKind {
  kSchema,
  kTable,
  kColumn,
  kEnum,
  kEnumValue,
  kSequence,
  kIndex,
  kConstraint,
  kView
};

// The flag spelling of a kind: "schema", "table", "column", "enum", "enum-value", ...
std::string_view kind_name(ObjectKind kind);

// Names are written as in the flag: "[schema.]name" for schemas' children,
// "[schema.]table.column" for columns and constraints, "[schema.]enum.value" for enum values.
// A `to` without a dot keeps the scope of `from`.
struct RenameHint {
  ObjectKind kind;
  std::string from;
  std::string to;
};
struct DropHint {
  ObjectKind kind;
  std::string name;
};

// Parses "KIND:OLD=NEW", e.g. "table:notes=memos", "column:accounts.created=created_at".
// Throws UserError on bad syntax.
RenameHint parse_rename_hint(std::string_view text);
// Parses "KIND:NAME", e.g. "column:accounts.created". Throws UserError on bad syntax.
DropHint parse_drop_hint(std::string_view text);
// Reads lines "rename KIND:OLD=NEW" / "drop KIND:NAME"; '#' starts a comment; blank lines are
// ignored. Throws UserError naming file:line on a bad line or an unreadable file.
void read_hints_file(const std::filesystem::path& path, std::vector<RenameHint>& renames,
                     std::vector<DropHint>& drops);

struct Options {
  std::vector<RenameHint> renames;
  std::vector<DropHint> drops;
  // Set only when stdin is a TTY: resolves a remaining ambiguity. Returns the chosen old name
  // among `removed_candidates` (names in flag spelling), or nullopt for "newly created".
  // nullptr: an ambiguity is a UserError.
  std::function<std::optional<std::string>(ObjectKind, const std::string& created,
                                           const std::vector<std::string>& removed_candidates)>
      ask;
};

struct ChangeSet {
  std::vector<Change> changes;  // in execution order
  // Renames performed, in drizzle's snapshot _meta spelling: tables "\"public\".\"old\"" ->
  // "\"public\".\"new\"", columns "\"public\".\"t\".\"old\"" -> "\"public\".\"t\".\"new\"",
  // schemas bare names.
  std::vector<std::pair<std::string, std::string>> renamed_tables, renamed_columns, renamed_schemas;

  bool empty() const { return changes.empty(); }
};

// Both catalogs should be normalised (model::normalise). Throws UserError on an unresolved
// ambiguity or a hint naming an object that does not exist. The changes refer to `to`'s tables
// (CreateTable): keep `to` alive and unchanged while they are used. A temporary `to` does not
// compile.
ChangeSet diff(const model::Catalog& from, const model::Catalog& to, const Options& options);
ChangeSet diff(const model::Catalog& from, const model::Catalog&& to,
               const Options& options) = delete;

}  // namespace flick::diff
