#pragma once

// State shared by the parts of one diff run: the matchings and the change buckets.

#include <array>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "diff/diff.hpp"
#include "diff/matching.hpp"

namespace flick::diff {

// Execution order: drizzle-kit's, with dependency fixes where drizzle's order fails (FKs are
// dropped before tables, primary keys and uniques are added after the columns they use and
// before the foreign keys that need them).
enum Phase {
  kCreateRoles,      // roles first: anything may name them
  kRoleMemberships,  // once every role exists
  kCreateSchemas,
  kRenameSchemas,
  kCreateExtensions,
  kDefaultPrivileges,  // before the objects they are for are created
  kCreateEnums,
  kMoveEnums,
  kRenameEnums,
  kEnumValues,
  kRebuildEnums,
  kDropTriggers,          // before the functions and tables they use change
  kDropViews,             // before the functions they call are dropped or created again
  kDropChangedFunctions,  // a function whose result changes, before it is created again
  kCreateFunctions,       // other languages than SQL: bodies are not checked when created
  kCreateDomains,         // after enums and functions their base type or CHECKs may use
  kCreateSequences,
  kMoveSequences,
  kRenameSequences,
  kAlterSequences,
  kCreateTables,
  kCreatePartitions,  // after their parents: one level of sub-partitions per depth, in order
  kRowLevelSecurity,
  kRenameViews,
  kDropForeignKeys,
  kDropTables,
  kMoveTables,
  kRenameTables,
  kRenameColumns,
  kFollowRenames,
  kDropConstraints,
  kDropIndexes,
  kDropPrimaryKeys,
  kAlterColumns,
  kAddColumns,
  kAddPrimaryKeys,
  kAddConstraints,
  kCreatedForeignKeys,
  kCreatedIndexes,
  kAlteredForeignKeys,
  kAlteredIndexes,
  kDropColumns,
  kCreateTableFunctions,  // functions using tables, domains or composite types, before the views
  kCreateViews,
  kCreateViewIndexes,  // indexes of materialized views, once the views exist
  kRenamePolicies,
  kDropPolicies,
  kCreatePolicies,
  kCreateSqlFunctions,  // SQL bodies are checked against the tables and views when created
  kCreateTriggers,
  kComments,
  kSetOwners,           // before grants: a new owner takes the old one's own privileges
  kRevokePrivileges,    // on objects that stay, and before the roles they name are dropped
  kGrantPrivileges,     // once every object exists
  kDropTypedFunctions,  // functions whose signature uses a type dropped in kDropDomains
  kDropDomains,
  kDropFunctions,
  kDropEnums,
  kDropSequences,
  kDropExtensions,
  kDropSchemas,
  kDropRoles,
  kPhaseCount
};

struct TablePair {
  const model::Table* old_table = nullptr;
  const model::Table* new_table = nullptr;
  QualifiedName carried;  // the old table once its schema is renamed, before its own rename
  QualifiedName target;   // the new table
  Matching columns;
  std::unordered_map<std::string, std::string> column_renames;  // old -> new, renamed only
};

struct Context {
  Context(const model::Catalog& from_catalog, const model::Catalog& to_catalog,
          const Options& diff_options)
      : from(from_catalog), to(to_catalog), options(diff_options), hints(diff_options) {}

  const model::Catalog& from;
  const model::Catalog& to;
  const Options& options;
  Hints hints;
  std::array<std::vector<Change>, kPhaseCount> phases;
  ChangeSet result;

  std::unordered_map<std::string, std::string> schema_map;  // old schema -> new schema
  Matching enums, sequences, tables, views;
  // Enums that are moved or renamed: table_key(old schema, old name) -> new name. Columns of
  // such a type follow without a type change.
  std::unordered_map<std::string, QualifiedName> enum_renames;
  std::vector<TablePair> table_pairs;
  std::unordered_map<std::string, std::size_t> pair_by_old_table;  // table_key(old) -> pair
  // Old columns whose default an enum rebuild already dropped and re-set: the default the
  // column has afterwards.
  std::unordered_map<const model::Column*, std::optional<std::string>> default_overrides;
  // Old tables whose column types change or columns go away: views reading them are
  // re-created around the change.
  std::unordered_set<const model::Table*> tables_changing_shape;

  void add(Phase phase, Change change) { phases[phase].push_back(std::move(change)); }
  std::string mapped_schema(const std::string& old_schema) const {
    auto it = schema_map.find(old_schema);
    return it == schema_map.end() ? old_schema : it->second;
  }
};

std::string table_key(const std::string& schema, const std::string& name);

// Whether a function of the same identity (schema, name, argument types) must be dropped and
// created again to become `to`: its result type, or its kind (function, procedure, aggregate)
// changes, which CREATE OR REPLACE cannot do.
bool result_changes(const model::Function& from, const model::Function& to);

// The parts of diff(), in the order it calls them.
void match_tables(Context& context);
void diff_enums(Context& context);
void diff_tables(Context& context);
void diff_views(Context& context);
void diff_routines(Context& context);
// An object a grant or comment is on: kind ("schema", "table" for a table or view, "sequence",
// "type", "routine"), schema, name, a routine's identity arguments.
using ObjectKey = std::tuple<std::string, std::string, std::string, std::string>;
// Where an object of the old catalog is in the new one after this diff's renames and moves;
// nullopt when it is gone.
std::optional<ObjectKey> carried_object(const Context& context, const ObjectKey& object);
// The objects this diff creates (or drops and creates again), keyed as above: they start with
// PostgreSQL's defaults (no grants beyond the default privileges, no comment).
std::set<ObjectKey> created_objects(const Context& context);
void diff_comments(Context& context);    // after the objects' own changes, like diff_privileges
void diff_privileges(Context& context);  // last: it sees which objects the others re-create

}  // namespace flick::diff
