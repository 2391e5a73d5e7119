#include <algorithm>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "introspect/introspect.hpp"
#include "introspect/reader_state.hpp"

namespace flick::introspect {

std::string user_schema_condition(const std::string& alias) {
  return alias + ".nspname NOT IN ('pg_catalog', 'information_schema') AND " + alias +
         ".nspname NOT LIKE 'pg\\_toast%' AND " + alias + ".nspname NOT LIKE 'pg\\_temp\\_%'";
}

std::string relation_comment_join(const std::string& alias, const std::string& oid,
                                  const std::string& subid) {
  return "LEFT JOIN pg_description " + alias + " ON " + alias + ".objoid = " + oid + " AND " +
         alias + ".classoid = 'pg_class'::regclass AND " + alias + ".objsubid = " + subid + " ";
}

std::string not_extension_member(const std::string& catalog, const std::string& oid) {
  return "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '" + catalog +
         "'::regclass AND d.objid = " + oid + " AND d.deptype = 'e')";
}

std::string qualified_function_sql(const std::string& oid) {
  return "(SELECT quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) FROM pg_proc fp "
         "JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = " +
         oid + ")";
}

std::vector<std::string> json_strings(const pg::Result& result, int row, int column) {
  std::vector<std::string> values;
  if (result.is_null(row, column)) return values;
  for (const auto& item : nlohmann::json::parse(result.value(row, column))) {
    values.push_back(item.is_null() ? std::string() : item.get<std::string>());
  }
  return values;
}

std::vector<int> json_ints(const pg::Result& result, int row, int column) {
  std::vector<int> values;
  if (result.is_null(row, column)) return values;
  for (const auto& item : nlohmann::json::parse(result.value(row, column))) {
    values.push_back(item.get<int>());
  }
  return values;
}

pg::Result ReaderState::query(const std::string& sql) {
  if (read_ahead != nullptr) {
    auto found = read_ahead->find(sql);
    if (found != read_ahead->end() && found->second.valid()) {
      try {
        return found->second.get();
      } catch (const pg::PgError&) {  // run here instead
      }
    }
  }
  return connection.exec(sql);
}

namespace {

// Sets search_path for the reading (transaction-local) and puts the old one back.
class ReadTransaction {
 public:
  explicit ReadTransaction(pg::Connection& connection)
      : connection_(connection),
        own_(!connection.in_transaction()),
        transaction_(pg::Transaction::not_begun(connection)) {
    if (own_) {
      transaction_.begin("ISOLATION LEVEL REPEATABLE READ READ ONLY");
    } else {
      old_path_ = connection_.exec("SHOW search_path").value(0, 0);
    }
    connection_.exec("SET LOCAL search_path TO public");
  }
  ~ReadTransaction() {
    try {
      if (own_) {
        transaction_.commit();
      } else {
        connection_.exec_params("SELECT set_config('search_path', $1, true)", {old_path_});
      }
    } catch (...) {  // the connection is gone: its transaction with it
    }
  }
  // Whether the reading runs in a transaction of its own (begun here).
  bool own() const { return own_; }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  pg::Connection& connection_;
  bool own_;
  pg::Transaction transaction_;  // open when own_
  std::string old_path_;
};

// The bookkeeping schema is the migrators' own unless something else lives in it.
void drop_bookkeeping_schema(model::Catalog& catalog, const std::string& schema) {
  auto in_schema = [&](const auto& items) {
    return std::any_of(items.begin(), items.end(),
                       [&](const auto& item) { return item.schema == schema; });
  };
  if (in_schema(catalog.tables) || in_schema(catalog.views) || in_schema(catalog.enums) ||
      in_schema(catalog.sequences)) {
    return;
  }
  std::erase(catalog.schemas, schema);
}

// Runs `queries` on a new connection in the snapshot `snapshot_id` exported by `connection`'s
// transaction, one after the other; each result (or error) goes to its promise.
void read_ahead_on_another(const pg::Connection& connection, const std::string& snapshot_id,
                           std::vector<std::pair<std::string, std::promise<pg::Result>>>& queries) {
  std::size_t next = 0;
  try {
    pg::Connection other = connection.open_another();
    other.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    other.exec("SET TRANSACTION SNAPSHOT " + other.quote_literal(snapshot_id));
    other.exec("SET LOCAL search_path TO public");
    for (; next < queries.size(); ++next) {
      queries[next].second.set_value(other.exec(queries[next].first));
    }
    other.exec("COMMIT");
  } catch (...) {
    for (; next < queries.size(); ++next) {
      queries[next].second.set_exception(std::current_exception());
    }
  }
}

}  // namespace

model::Catalog read_catalog(pg::Connection& connection, const Filters& filters,
                            std::vector<NotCovered>* not_covered, bool second_connection) {
  ReaderState state{connection, filters, {}, {}, {}, {}, {}, {}};
  std::map<std::string, std::future<pg::Result>> read_ahead;
  std::vector<std::pair<std::string, std::promise<pg::Result>>> queries;
  std::future<void> reading_ahead;
  {
    ReadTransaction transaction(connection);
    // Not on a standby, where exporting a snapshot may be refused (a refusal would abort this
    // transaction): CASE evaluates pg_export_snapshot() only on a primary. One round trip.
    pg::Result exported =
        second_connection && transaction.own()
            ? connection.exec(
                  "SELECT CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_export_snapshot() END")
            : pg::Result();
    if (exported.rows() == 1 && !exported.is_null(0, 0)) {
      std::string snapshot = exported.value(0, 0);
      for (std::string sql : {sequences_sql(), constraints_sql(), indexes_sql()}) {
        queries.emplace_back(std::move(sql), std::promise<pg::Result>());
      }
      for (auto& [sql, promise] : queries) read_ahead.emplace(sql, promise.get_future());
      state.read_ahead = &read_ahead;
      reading_ahead = std::async(std::launch::async, [&connection, snapshot, &queries] {
        read_ahead_on_another(connection, snapshot, queries);
      });
    }
    read_schemas(state);
    read_enums(state);
    read_collations(state);
    read_range_types(state);
    read_relations(state);
    read_columns(state);
    read_sequences(state);
    read_constraints(state);
    read_indexes(state);
    read_policies(state);
    read_routines(state);
    read_privileges(state);
    read_comments(state);
    read_not_covered(state);
    // The second connection's transaction ends before this one's, which exported its snapshot.
    if (reading_ahead.valid()) reading_ahead.wait();
  }
  drop_bookkeeping_schema(state.catalog, filters.bookkeeping_schema);
  std::erase_if(state.catalog.grants, [&](const model::Grant& grant) {
    return grant.object_kind == "schema" && grant.schema == filters.bookkeeping_schema &&
           std::find(state.catalog.schemas.begin(), state.catalog.schemas.end(), grant.schema) ==
               state.catalog.schemas.end();
  });
  model::copy_partition_columns(state.catalog);
  model::copy_inherited_columns(state.catalog);
  model::normalise(state.catalog);
  if (not_covered != nullptr) {
    not_covered->insert(not_covered->end(), state.not_covered.begin(), state.not_covered.end());
  }
  return std::move(state.catalog);
}

}  // namespace flick::introspect
