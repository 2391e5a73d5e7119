#include <algorithm>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
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
  if (shared != nullptr && shared->contains(sql)) return shared->take(sql, connection);
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

// Takes the second connection on a thread of its own as soon as it is started and helps with
// `shared` on it in the snapshot the first connection exports, once given. When the connection
// cannot be opened or set up, or no snapshot is given, it does nothing: the first connection then
// runs every query.
class Helper {
 public:
  explicit Helper(SharedQueries& shared) : shared_(shared) {}
  // Ends the helper, on every path out: before the first connection's transaction ends.
  ~Helper() {
    if (helping_.valid()) {
      if (!snapshot_given_) snapshot_.set_value(std::nullopt);
      shared_.close();
      helping_.wait();
    }
  }
  Helper(const Helper&) = delete;
  Helper& operator=(const Helper&) = delete;

  // `second` must outlive the helper.
  void start(std::future<pg::Connection>& second) {
    helping_ = std::async(
        std::launch::async,
        [this, &second, snapshot = snapshot_.get_future()]() mutable { help(second, snapshot); });
  }
  // The snapshot exported by the first connection's transaction; nullopt when there is none.
  void give_snapshot(std::optional<std::string> snapshot_id) {
    snapshot_given_ = true;
    snapshot_.set_value(std::move(snapshot_id));
  }

 private:
  void help(std::future<pg::Connection>& second,
            std::future<std::optional<std::string>>& snapshot) {
    try {
      pg::Connection other = second.get();
      std::optional<std::string> snapshot_id = snapshot.get();
      if (!snapshot_id) return;
      other.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      other.exec("SET TRANSACTION SNAPSHOT " + other.quote_literal(*snapshot_id));
      other.exec("SET LOCAL search_path TO public");
      shared_.help(other);
      other.exec("COMMIT");
    } catch (...) {  // what it left is run on the first connection
    }
  }

  SharedQueries& shared_;
  std::promise<std::optional<std::string>> snapshot_;
  bool snapshot_given_ = false;
  std::future<void> helping_;
};

}  // namespace

model::Catalog read_catalog(pg::Connection& connection, const Filters& filters,
                            std::vector<NotCovered>* not_covered,
                            std::future<pg::Connection> second) {
  ReaderState state{connection, filters, {}, {}, {}, {}, {}, {}};
  // The costliest first (the columns, the longest query, while this thread reads the
  // relations), then the rest in the readers' order, which this thread runs itself while it
  // waits for the helper.
  SharedQueries shared({columns_sql(), indexes_sql(), constraints_sql(), sequences_sql(),
                        column_comments_sql(), policies_sql(), extensions_sql(), domains_sql(),
                        composite_types_sql(), functions_sql(), aggregates_sql(), triggers_sql(),
                        comments_sql(), not_covered_sql()});
  {
    ReadTransaction transaction(connection);
    Helper helper(shared);  // ends before the transaction, which exports the snapshot
    bool helped = second.valid() && transaction.own();
    if (helped) {
      helper.start(second);
      // Not on a standby, where exporting a snapshot may be refused (a refusal would abort this
      // transaction): CASE evaluates pg_export_snapshot() only on a primary. One round trip.
      pg::Result exported = connection.exec(
          "SELECT CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_export_snapshot() END");
      if (!exported.is_null(0, 0)) {
        state.shared = &shared;
        helper.give_snapshot(exported.value(0, 0));
      } else {
        helper.give_snapshot(std::nullopt);
      }
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
