#include "store/snapshot_order.hpp"

#include <initializer_list>
#include <string>

namespace flick::store {
namespace {

using Json = nlohmann::ordered_json;
using Keys = std::initializer_list<const char*>;

// drizzle-kit 0.31's zod shapes (src/serializer/pgSchema.ts), in declaration order.
constexpr Keys kTopKeys = {"id",       "prevId",  "version", "dialect",   "tables",
                           "enums",    "schemas", "views",   "sequences", "roles",
                           "policies", "_meta",   "internal"};
constexpr Keys kTableKeys = {"name",
                             "schema",
                             "columns",
                             "indexes",
                             "foreignKeys",
                             "compositePrimaryKeys",
                             "uniqueConstraints",
                             "policies",
                             "checkConstraints",
                             "isRLSEnabled"};
constexpr Keys kColumnKeys = {"name",    "type",     "typeSchema", "primaryKey",       "notNull",
                              "default", "isUnique", "uniqueName", "nullsNotDistinct", "generated",
                              "identity"};
constexpr Keys kGeneratedKeys = {"type", "as"};
constexpr Keys kSequenceKeys = {"name",      "increment", "minValue", "maxValue",
                                "startWith", "cache",     "cycle",    "schema"};
constexpr Keys kIdentityKeys = {"name",  "increment", "minValue", "maxValue", "startWith",
                                "cache", "cycle",     "schema",   "type"};
constexpr Keys kIndexKeys = {"name",   "columns", "isUnique",    "with",
                             "method", "where",   "concurrently"};
constexpr Keys kIndexColumnKeys = {"expression", "isExpression", "asc", "nulls", "opclass"};
constexpr Keys kForeignKeyKeys = {"name",     "tableFrom", "columnsFrom", "tableTo",
                                  "schemaTo", "columnsTo", "onUpdate",    "onDelete"};
constexpr Keys kPrimaryKeyKeys = {"name", "columns"};
constexpr Keys kUniqueKeys = {"name", "columns", "nullsNotDistinct"};
constexpr Keys kPolicyKeys = {"name", "as", "for", "to", "using", "withCheck", "on", "schema"};
constexpr Keys kCheckKeys = {"name", "value"};
constexpr Keys kEnumKeys = {"name", "schema", "values"};
constexpr Keys kRoleKeys = {"name", "createDb", "createRole", "inherit"};
constexpr Keys kViewKeys = {"name", "schema",     "columns",    "definition", "materialized",
                            "with", "isExisting", "withNoData", "using",      "tablespace"};
constexpr Keys kViewWithKeys = {"checkOption",
                                "securityBarrier",
                                "securityInvoker",
                                "fillfactor",
                                "toastTupleTarget",
                                "parallelWorkers",
                                "autovacuumEnabled",
                                "vacuumIndexCleanup",
                                "vacuumTruncate",
                                "autovacuumVacuumThreshold",
                                "autovacuumVacuumScaleFactor",
                                "autovacuumVacuumCostDelay",
                                "autovacuumVacuumCostLimit",
                                "autovacuumFreezeMinAge",
                                "autovacuumFreezeMaxAge",
                                "autovacuumFreezeTableAge",
                                "autovacuumMultixactFreezeMinAge",
                                "autovacuumMultixactFreezeMaxAge",
                                "autovacuumMultixactFreezeTableAge",
                                "logAutovacuumMinDuration",
                                "userCatalogTable"};

void reorder(Json& object, Keys keys) {
  if (!object.is_object()) return;
  Json out = Json::object();
  for (const char* key : keys) {
    auto it = object.find(key);
    if (it != object.end()) out[key] = std::move(*it);
  }
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (!out.contains(it.key())) out[it.key()] = std::move(it.value());
  }
  object = std::move(out);
}

template <typename Fn>
void each_value(Json& object, const char* key, Fn fn) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_object()) return;
  for (auto& [name, value] : it->items()) fn(value);
}

void reorder_columns(Json& owner) {
  each_value(owner, "columns", [](Json& column) {
    reorder(column, kColumnKeys);
    if (auto it = column.find("generated"); it != column.end()) reorder(*it, kGeneratedKeys);
    if (auto it = column.find("identity"); it != column.end()) reorder(*it, kIdentityKeys);
  });
}

void reorder_table(Json& table) {
  reorder(table, kTableKeys);
  reorder_columns(table);
  each_value(table, "indexes", [](Json& index) {
    reorder(index, kIndexKeys);
    if (auto it = index.find("columns"); it != index.end() && it->is_array()) {
      for (Json& element : *it) reorder(element, kIndexColumnKeys);
    }
  });
  each_value(table, "foreignKeys", [](Json& key) { reorder(key, kForeignKeyKeys); });
  each_value(table, "compositePrimaryKeys", [](Json& key) { reorder(key, kPrimaryKeyKeys); });
  each_value(table, "uniqueConstraints", [](Json& key) { reorder(key, kUniqueKeys); });
  each_value(table, "policies", [](Json& policy) { reorder(policy, kPolicyKeys); });
  each_value(table, "checkConstraints", [](Json& check) { reorder(check, kCheckKeys); });
}

}  // namespace

// "_meta" is left alone: drizzle-kit replaces it after parsing (see RenameMeta::key_order).
void apply_parsed_key_order(Json& snapshot) {
  reorder(snapshot, kTopKeys);
  each_value(snapshot, "tables", reorder_table);
  each_value(snapshot, "enums", [](Json& item) { reorder(item, kEnumKeys); });
  each_value(snapshot, "sequences", [](Json& item) { reorder(item, kSequenceKeys); });
  each_value(snapshot, "roles", [](Json& item) { reorder(item, kRoleKeys); });
  each_value(snapshot, "policies", [](Json& item) { reorder(item, kPolicyKeys); });
  each_value(snapshot, "views", [](Json& view) {
    reorder(view, kViewKeys);
    reorder_columns(view);
    if (auto it = view.find("with"); it != view.end()) reorder(*it, kViewWithKeys);
  });
}

}  // namespace flick::store
