#pragma once

// State shared by the catalog readers of one read_catalog call: the catalog being filled, the
// relations in scope by OID, and the items the model cannot represent.

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "flick/model.hpp"
#include "introspect/introspect.hpp"
#include "introspect/shared_queries.hpp"
#include "pg/pg.hpp"

namespace flick::introspect {

struct TableInfo {
  std::size_t index = 0;                                   // position in catalog.tables
  std::unordered_map<int, std::string> columns_by_number;  // attnum -> name
};

struct ReaderState {
  pg::Connection& connection;
  const Filters& filters;
  model::Catalog catalog;
  std::vector<NotCovered> not_covered;
  std::unordered_map<std::string, TableInfo> tables_by_oid;      // OIDs as the server prints them
  std::unordered_map<std::string, std::size_t> matviews_by_oid;  // -> index in catalog.views
  std::unordered_set<std::string> schemas_in_scope;              // pass schemaFilter, not system
  // Sequences owned by a serial column or an identity: not catalog sequences of their own.
  std::unordered_set<std::string> owned_sequences;  // "schema.name"

  // The queries a second connection may run too (read_catalog's `second`); nullptr
  // when there is none.
  SharedQueries* shared = nullptr;

  // The result of `sql`: through `shared` when it is one of its queries, else run on
  // `connection` now.
  pg::Result query(const std::string& sql);

  model::Table& table(const std::string& oid) {
    return catalog.tables[tables_by_oid.at(oid).index];
  }
  void not_covered_item(std::string kind, std::string name) {
    not_covered.push_back({std::move(kind), std::move(name)});
  }
};

// The SQL condition "namespace <alias> is a user schema" (not pg_catalog, information_schema,
// pg_toast or temporary schemas).
std::string user_schema_condition(const std::string& alias);

// A LEFT JOIN of pg_description as <alias>: the comment of relation <oid> (<subid> "0") or of its
// column number <subid>, NULL when it has none (a join: col_description and obj_description
// run a query per row).
std::string relation_comment_join(const std::string& alias, const std::string& oid,
                                  const std::string& subid);

// The SQL condition "object <oid> of system catalog <catalog> was not created by an extension".
std::string not_extension_member(const std::string& catalog, const std::string& oid);

// A SQL expression naming function <oid> (a regproc column, e.g. "a.aggtransfn") as
// schema.name, each quoted as needed; NULL when the oid is 0.
std::string qualified_function_sql(const std::string& oid);

// "key=value" storage parameters (reloptions) as a map.
std::map<std::string, std::string> storage_parameters(const std::vector<std::string>& options);

// A JSON array value of a result (json_agg / to_json output) as strings; NULL is empty.
std::vector<std::string> json_strings(const pg::Result& result, int row, int column);
std::vector<int> json_ints(const pg::Result& result, int row, int column);

// The catalog's routine `schema`.`name` with these argument types (format_type outputs read
// with search_path = public); the only routine of that name whatever its types; or nullptr.
const model::Function* find_routine(const model::Catalog& catalog, const std::string& schema,
                                    const std::string& name, const std::vector<std::string>& types);

// The single query of a reader that read_catalog may run on its second connection.
std::string columns_sql();
std::string column_comments_sql();
std::string sequences_sql();
std::string constraints_sql();
std::string indexes_sql();
std::string policies_sql();
std::string extensions_sql();
std::string domains_sql();
std::string composite_types_sql();
std::string functions_sql();
std::string aggregates_sql();
std::string triggers_sql();
std::string comments_sql();
std::string not_covered_sql();

// One reader per object kind, called in this order by read_catalog.
void read_schemas(ReaderState& state);
void read_enums(ReaderState& state);
void read_collations(ReaderState& state);   // libc and ICU collations of the user's schemas
void read_range_types(ReaderState& state);  // range types, through the schema reader
void read_relations(ReaderState& state);    // tables and views in scope
void read_columns(ReaderState& state);
void read_sequences(ReaderState& state);  // also identity and serial columns
void read_routines(ReaderState& state);   // extensions, functions, procedures, triggers
void read_constraints(ReaderState& state);
void read_indexes(ReaderState& state);
void read_policies(ReaderState& state);
void read_not_covered(ReaderState& state);
void read_privileges(ReaderState& state);  // roles, grants, default privileges when filtered in
void read_comments(ReaderState& state);    // of schemas, views, sequences, types, routines

// The roles among `names` that exist (not superusers, not the role reading), with their
// attributes and memberships, added to `catalog` unless it has them.
void read_roles(pg::Connection& connection, model::Catalog& catalog,
                const std::vector<std::string>& names);

}  // namespace flick::introspect
