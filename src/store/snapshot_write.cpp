#include <algorithm>

#include "store/snapshot.hpp"
#include "store/snapshot_locations.hpp"
#include "store/snapshot_order.hpp"
#include "store/snapshot_values.hpp"

namespace flick::store {
namespace {

using Json = nlohmann::ordered_json;

const char* identity_type(model::IdentityKind kind) {
  return kind == model::IdentityKind::kAlways ? "always" : "byDefault";
}

Json string_array(const std::vector<std::string>& items) {
  Json out = Json::array();
  for (const std::string& item : items) out.push_back(item);
  return out;
}

class SnapshotWriter {
 public:
  explicit SnapshotWriter(const Snapshot& snapshot) : snapshot_(snapshot) {}

  Json write() const {
    Json out = Json::object();
    out["id"] = snapshot_.id;
    out["prevId"] = snapshot_.prev_id;
    out["version"] = "7";
    out["dialect"] = "postgresql";
    const model::Catalog& catalog = snapshot_.catalog;
    // Table keys are unique: append without ordered_json's linear duplicate search.
    Json tables = Json::object();
    auto& table_items = static_cast<Json::object_t::Container&>(tables.get_ref<Json::object_t&>());
    table_items.reserve(catalog.tables.size());
    for (const model::Table& table : catalog.tables) {
      table_items.emplace_back(table.schema + "." + table.name, write_table(table));
    }
    out["tables"] = std::move(tables);
    out["enums"] = Json::object();
    for (const model::Enum& item : catalog.enums) {
      out["enums"][item.schema + "." + item.name] =
          Json{{"name", item.name}, {"schema", item.schema}, {"values", string_array(item.values)}};
    }
    out["schemas"] = Json::object();
    for (const std::string& schema : catalog.schemas) out["schemas"][schema] = schema;
    out["sequences"] = Json::object();
    for (const model::Sequence& sequence : catalog.sequences) {
      Json json = {{"name", sequence.name}, {"schema", sequence.schema}};
      add_sequence_options(json, sequence.options);
      out["sequences"][sequence.schema + "." + sequence.name] = std::move(json);
    }
    out["roles"] = Json::object();
    for (const model::Role& role : catalog.roles) {
      out["roles"][role.name] = Json{{"name", role.name},
                                     {"createDb", role.create_db},
                                     {"createRole", role.create_role},
                                     {"inherit", role.inherit}};
    }
    out["policies"] = Json::object();
    for (const StandalonePolicy& item : snapshot_.policies) {
      Json json = write_policy(item.policy, location::policy("", item.policy.name));
      json["schema"] = item.schema;
      json["on"] = item.on;
      out["policies"][item.policy.name] = std::move(json);
    }
    out["views"] = Json::object();
    for (const model::View& view : catalog.views) {
      out["views"][view.schema + "." + view.name] = write_view(view);
    }
    out["_meta"] = write_meta();
    if (snapshot_.internal) out["internal"] = *snapshot_.internal;
    return out;
  }

 private:
  // The original spelling at `where` when the model still holds the value read there.
  Json spelled(const std::string& where, const std::string& canonical, Json computed) const {
    auto it = snapshot_.spellings.find(where);
    if (it != snapshot_.spellings.end() && it->second.canonical == canonical) {
      return it->second.original;
    }
    return computed;
  }
  Json spelled_text(const std::string& where, const std::string& canonical) const {
    return spelled(where, canonical, canonical);
  }

  static void add_sequence_options(Json& json, const model::SequenceOptions& options) {
    auto add = [&](const char* key, const std::string& value) {
      if (!value.empty()) json[key] = value;
    };
    add("increment", options.increment);
    add("startWith", options.start_with);
    add("minValue", options.min_value);
    add("maxValue", options.max_value);
    add("cache", options.cache);
    json["cycle"] = options.cycle;
  }

  Json write_column(const model::Column& column, const model::Table& table,
                    const std::string& where) const {
    Json json = Json::object();
    json["name"] = column.name;
    json["type"] = spelled_text(where + "/type", column.type);
    if (!column.type_schema.empty()) json["typeSchema"] = column.type_schema;
    json["primaryKey"] = column.primary_key;
    json["notNull"] = column.not_null;
    if (column.generated) {
      json["generated"] =
          Json{{"as", spelled_text(where + "/generated", *column.generated)}, {"type", "stored"}};
    }
    if (column.identity) {
      const model::Identity& identity = *column.identity;
      Json id = {{"type", identity_type(identity.kind)},
                 {"name", identity.sequence_name},
                 {"schema", table.schema}};
      add_sequence_options(id, identity.options);
      json["identity"] = std::move(id);
    }
    if (column.default_expr) {
      json["default"] =
          spelled(where + "/default", *column.default_expr, default_to_json(*column.default_expr));
    }
    if (column.comment) json["comment"] = *column.comment;
    return json;
  }

  Json write_with(const std::map<std::string, std::string>& with, const std::string& where,
                  bool camel) const {
    Json json = Json::object();
    auto order = snapshot_.with_key_order.find(where);
    auto add = [&](const std::string& model_key) {
      auto it = with.find(model_key);
      if (it == with.end()) return;
      json[camel ? camel_case(model_key) : model_key] = option_to_json(it->second);
    };
    if (order != snapshot_.with_key_order.end()) {
      for (const std::string& key : order->second) add(camel ? snake_case(key) : key);
    }
    for (const auto& [key, value] : with) {
      if (!json.contains(camel ? camel_case(key) : key)) add(key);
    }
    return json;
  }

  Json write_index(const model::Index& index, const std::string& where) const {
    Json columns = Json::array();
    for (std::size_t i = 0; i < index.elements.size(); ++i) {
      const model::IndexElement& element = index.elements[i];
      Json json = Json::object();
      if (element.is_expression) {
        json["expression"] =
            spelled_text(where + "/columns/" + std::to_string(i), element.expression);
        json["asc"] = element.asc;
        json["isExpression"] = true;
      } else {
        json["expression"] = element.expression;
        json["isExpression"] = false;
        json["asc"] = element.asc;
      }
      if (!element.nulls.empty()) json["nulls"] = element.nulls;
      if (!element.opclass.empty()) json["opclass"] = element.opclass;
      columns.push_back(std::move(json));
    }
    Json json = Json::object();
    json["name"] = index.name;
    json["columns"] = std::move(columns);
    json["isUnique"] = index.unique;
    if (index.where) json["where"] = spelled_text(where + "/where", *index.where);
    json["concurrently"] = index.concurrently;
    json["method"] = index.method;
    json["with"] = write_with(index.with, where + "/with", false);
    if (!index.include.empty()) json["include"] = string_array(index.include);
    if (index.nulls_not_distinct) json["nullsNotDistinct"] = true;
    return json;
  }

  Json write_policy(const model::Policy& policy, const std::string& where) const {
    Json json = Json::object();
    json["name"] = policy.name;
    json["as"] = policy.as;
    json["for"] = policy.for_command;
    json["to"] = string_array(policy.to);
    if (policy.using_expr) json["using"] = spelled_text(where + "/using", *policy.using_expr);
    if (policy.with_check) {
      json["withCheck"] = spelled_text(where + "/withCheck", *policy.with_check);
    }
    return json;
  }

  Json write_table(const model::Table& table) const {
    std::string where = location::table(table.schema, table.name);
    Json json = Json::object();
    json["name"] = table.name;
    json["schema"] = table.schema == model::kDefaultSchema ? "" : table.schema;
    json["columns"] = Json::object();
    for (const model::Column& column : table.columns) {
      json["columns"][column.name] =
          write_column(column, table, location::column(where, column.name));
    }
    json["indexes"] = Json::object();
    for (const model::Index& index : table.indexes) {
      json["indexes"][index.name] = write_index(index, location::index(where, index.name));
    }
    json["foreignKeys"] = Json::object();
    for (const model::ForeignKey& key : table.foreign_keys) {
      Json fk = Json::object();
      fk["name"] = key.name;
      fk["tableFrom"] = table.name;
      fk["tableTo"] = key.ref_table;
      // drizzle-kit records the target's schema only for tables declared in a pgSchema.
      if (key.ref_schema != model::kDefaultSchema) fk["schemaTo"] = key.ref_schema;
      fk["columnsFrom"] = string_array(key.columns);
      fk["columnsTo"] = string_array(key.ref_columns);
      fk["onDelete"] = key.on_delete;
      fk["onUpdate"] = key.on_update;
      json["foreignKeys"][key.name] = std::move(fk);
    }
    json["compositePrimaryKeys"] = Json::object();
    if (table.primary_key) {
      json["compositePrimaryKeys"][table.primary_key->name] = Json{
          {"name", table.primary_key->name}, {"columns", string_array(table.primary_key->columns)}};
    }
    json["uniqueConstraints"] = Json::object();
    for (const model::UniqueConstraint& unique : table.uniques) {
      json["uniqueConstraints"][unique.name] = Json{{"name", unique.name},
                                                    {"nullsNotDistinct", unique.nulls_not_distinct},
                                                    {"columns", string_array(unique.columns)}};
    }
    json["policies"] = Json::object();
    for (const model::Policy& policy : table.policies) {
      json["policies"][policy.name] = write_policy(policy, location::policy(where, policy.name));
    }
    json["checkConstraints"] = Json::object();
    for (const model::CheckConstraint& check : table.checks) {
      json["checkConstraints"][check.name] =
          Json{{"name", check.name},
               {"value", spelled_text(location::check(where, check.name), check.expression)}};
    }
    json["isRLSEnabled"] = table.rls_enabled;
    if (table.comment) json["comment"] = *table.comment;
    return json;
  }

  Json write_view(const model::View& view) const {
    std::string where = location::view(view.schema, view.name);
    ViewDetails details;
    auto found = snapshot_.view_details.find(view.schema + "." + view.name);
    if (found != snapshot_.view_details.end()) details = found->second;
    Json json = Json::object();
    json["columns"] = details.columns;
    if (!details.is_existing) {
      json["definition"] = spelled_text(where + "/definition", view.definition);
    }
    json["name"] = view.name;
    json["schema"] = view.schema;
    json["isExisting"] = details.is_existing;
    if (!view.with.empty() || snapshot_.with_key_order.count(where + "/with")) {
      json["with"] = write_with(view.with, where + "/with", true);
    }
    if (view.with_no_data || details.with_no_data_key) json["withNoData"] = view.with_no_data;
    json["materialized"] = view.materialized;
    if (details.tablespace) json["tablespace"] = *details.tablespace;
    if (details.using_method) json["using"] = *details.using_method;
    return json;
  }

  Json write_meta() const {
    const RenameMeta& meta = snapshot_.meta;
    Json json = Json::object();
    for (const std::string& key : meta.key_order) {
      const RenameMeta::Renames& renames = key == "schemas"  ? meta.schemas
                                           : key == "tables" ? meta.tables
                                                             : meta.columns;
      Json map = Json::object();
      for (const auto& [from, to] : renames) map[from] = to;
      json[key] = std::move(map);
    }
    return json;
  }

  const Snapshot& snapshot_;
};

}  // namespace

void inherit_round_trip_details(Snapshot& next, const Snapshot& previous) {
  next.spellings.insert(previous.spellings.begin(), previous.spellings.end());
  next.with_key_order.insert(previous.with_key_order.begin(), previous.with_key_order.end());
  next.view_details.insert(previous.view_details.begin(), previous.view_details.end());
  next.layout = previous.layout;
}

std::string snapshot_json(const Snapshot& snapshot) {
  nlohmann::ordered_json json = SnapshotWriter(snapshot).write();
  if (snapshot.key_order == SnapshotKeyOrder::kParsed) apply_parsed_key_order(json);
  return format_json(json, snapshot.layout);
}

}  // namespace flick::store
