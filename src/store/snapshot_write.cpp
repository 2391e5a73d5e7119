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

// Writes a snapshot straight to text in drizzle-kit's key order; every object member is written
// once, in the order drizzle-kit 0.31's generate builds it.
class SnapshotWriter {
 public:
  SnapshotWriter(const Snapshot& snapshot, JsonStreamWriter& out)
      : snapshot_(snapshot), out_(out) {}

  void write() {
    const model::Catalog& catalog = snapshot_.catalog;
    out_.begin_object();
    member("id", snapshot_.id);
    member("prevId", snapshot_.prev_id);
    member("version", "7");
    member("dialect", "postgresql");
    out_.key("tables");
    out_.begin_object();
    for (const model::Table& table : catalog.tables) {
      out_.key(table.schema + "." + table.name);
      write_table(table);
    }
    out_.end_object();
    out_.key("enums");
    out_.begin_object();
    for (const model::Enum& item : catalog.enums) {
      out_.key(item.schema + "." + item.name);
      out_.begin_object();
      member("name", item.name);
      member("schema", item.schema);
      member("values", string_array(item.values));
      out_.end_object();
    }
    out_.end_object();
    out_.key("schemas");
    out_.begin_object();
    for (const std::string& schema : catalog.schemas) member(schema, schema);
    out_.end_object();
    out_.key("sequences");
    out_.begin_object();
    for (const model::Sequence& sequence : catalog.sequences) {
      out_.key(sequence.schema + "." + sequence.name);
      out_.begin_object();
      member("name", sequence.name);
      member("schema", sequence.schema);
      write_sequence_options(sequence.options);
      out_.end_object();
    }
    out_.end_object();
    out_.key("roles");
    out_.begin_object();
    for (const model::Role& role : catalog.roles) {
      out_.key(role.name);
      out_.begin_object();
      member("name", role.name);
      member("createDb", role.create_db);
      member("createRole", role.create_role);
      member("inherit", role.inherit);
      out_.end_object();
    }
    out_.end_object();
    out_.key("policies");
    out_.begin_object();
    for (const StandalonePolicy& item : snapshot_.policies) {
      out_.key(item.policy.name);
      out_.begin_object();
      write_policy_members(item.policy, location::policy("", item.policy.name));
      member("schema", item.schema);
      member("on", item.on);
      out_.end_object();
    }
    out_.end_object();
    out_.key("views");
    out_.begin_object();
    for (const model::View& view : catalog.views) {
      out_.key(view.schema + "." + view.name);
      write_view(view);
    }
    out_.end_object();
    out_.key("_meta");
    write_meta();
    if (snapshot_.internal) member("internal", *snapshot_.internal);
    out_.end_object();
  }

 private:
  template <typename Value>
  void member(std::string_view key, const Value& value) {
    out_.key(key);
    out_.value(value);
  }

  // The original spelling at `where` when the model still holds the value read there.
  const Json* original_spelling(const std::string& where, const std::string& canonical) const {
    auto it = snapshot_.spellings.find(where);
    if (it != snapshot_.spellings.end() && it->second.canonical == canonical) {
      return &it->second.original;
    }
    return nullptr;
  }
  void spelled_text(std::string_view key, const std::string& where, const std::string& canonical) {
    out_.key(key);
    if (const Json* original = original_spelling(where, canonical)) {
      out_.value(*original);
    } else {
      out_.value(canonical);
    }
  }

  void write_sequence_options(const model::SequenceOptions& options) {
    auto add = [&](const char* key, const std::string& value) {
      if (!value.empty()) member(key, value);
    };
    add("increment", options.increment);
    add("startWith", options.start_with);
    add("minValue", options.min_value);
    add("maxValue", options.max_value);
    add("cache", options.cache);
    member("cycle", options.cycle);
  }

  void write_column(const model::Column& column, const model::Table& table,
                    const std::string& where) {
    out_.begin_object();
    member("name", column.name);
    spelled_text("type", where + "/type", column.type);
    if (!column.type_schema.empty()) member("typeSchema", column.type_schema);
    member("primaryKey", column.primary_key);
    member("notNull", column.not_null);
    if (column.generated) {
      out_.key("generated");
      out_.begin_object();
      spelled_text("as", where + "/generated", *column.generated);
      member("type", "stored");
      out_.end_object();
    }
    if (column.identity) {
      const model::Identity& identity = *column.identity;
      out_.key("identity");
      out_.begin_object();
      member("type", identity_type(identity.kind));
      member("name", identity.sequence_name);
      member("schema", table.schema);
      write_sequence_options(identity.options);
      out_.end_object();
    }
    if (column.default_expr) {
      out_.key("default");
      if (const Json* original = original_spelling(where + "/default", *column.default_expr)) {
        out_.value(*original);
      } else {
        out_.value(default_to_json(*column.default_expr));
      }
    }
    if (column.comment) member("comment", *column.comment);
    out_.end_object();
  }

  // Keys in the order read at `where` first, then the model's (sorted) others.
  void write_with(const std::map<std::string, std::string>& with, const std::string& where,
                  bool camel) {
    std::vector<const std::pair<const std::string, std::string>*> items;
    auto add = [&](const std::string& model_key) {
      auto it = with.find(model_key);
      if (it == with.end()) return;
      for (const auto* item : items) {
        if (item == &*it) return;
      }
      items.push_back(&*it);
    };
    auto order = snapshot_.with_key_order.find(where);
    if (order != snapshot_.with_key_order.end()) {
      for (const std::string& key : order->second) add(camel ? snake_case(key) : key);
    }
    for (const auto& item : with) add(item.first);
    out_.begin_object();
    for (const auto* item : items) {
      out_.key(camel ? camel_case(item->first) : item->first);
      out_.value(option_to_json(item->second));
    }
    out_.end_object();
  }

  void write_index(const model::Index& index, const std::string& where) {
    out_.begin_object();
    member("name", index.name);
    out_.key("columns");
    out_.begin_array();
    for (std::size_t i = 0; i < index.elements.size(); ++i) {
      const model::IndexElement& element = index.elements[i];
      out_.begin_object();
      if (element.is_expression) {
        spelled_text("expression", where + "/columns/" + std::to_string(i), element.expression);
        member("asc", element.asc);
        member("isExpression", true);
      } else {
        member("expression", element.expression);
        member("isExpression", false);
        member("asc", element.asc);
      }
      if (!element.nulls.empty()) member("nulls", element.nulls);
      if (!element.opclass.empty()) member("opclass", element.opclass);
      out_.end_object();
    }
    out_.end_array();
    member("isUnique", index.unique);
    if (index.where) spelled_text("where", where + "/where", *index.where);
    member("concurrently", index.concurrently);
    member("method", index.method);
    out_.key("with");
    write_with(index.with, where + "/with", false);
    if (!index.include.empty()) member("include", string_array(index.include));
    if (index.nulls_not_distinct) member("nullsNotDistinct", true);
    out_.end_object();
  }

  void write_policy_members(const model::Policy& policy, const std::string& where) {
    member("name", policy.name);
    member("as", policy.as);
    member("for", policy.for_command);
    member("to", string_array(policy.to));
    if (policy.using_expr) spelled_text("using", where + "/using", *policy.using_expr);
    if (policy.with_check) spelled_text("withCheck", where + "/withCheck", *policy.with_check);
  }

  void write_table(const model::Table& table) {
    std::string where = location::table(table.schema, table.name);
    out_.begin_object();
    member("name", table.name);
    member("schema", table.schema == model::kDefaultSchema ? std::string() : table.schema);
    out_.key("columns");
    out_.begin_object();
    for (const model::Column& column : table.columns) {
      out_.key(column.name);
      write_column(column, table, location::column(where, column.name));
    }
    out_.end_object();
    out_.key("indexes");
    out_.begin_object();
    for (const model::Index& index : table.indexes) {
      out_.key(index.name);
      write_index(index, location::index(where, index.name));
    }
    out_.end_object();
    out_.key("foreignKeys");
    out_.begin_object();
    for (const model::ForeignKey& key : table.foreign_keys) {
      out_.key(key.name);
      out_.begin_object();
      member("name", key.name);
      member("tableFrom", table.name);
      member("tableTo", key.ref_table);
      // drizzle-kit records the target's schema only for tables declared in a pgSchema.
      if (key.ref_schema != model::kDefaultSchema) member("schemaTo", key.ref_schema);
      member("columnsFrom", string_array(key.columns));
      member("columnsTo", string_array(key.ref_columns));
      member("onDelete", key.on_delete);
      member("onUpdate", key.on_update);
      out_.end_object();
    }
    out_.end_object();
    out_.key("compositePrimaryKeys");
    out_.begin_object();
    if (table.primary_key) {
      out_.key(table.primary_key->name);
      out_.begin_object();
      member("name", table.primary_key->name);
      member("columns", string_array(table.primary_key->columns));
      out_.end_object();
    }
    out_.end_object();
    out_.key("uniqueConstraints");
    out_.begin_object();
    for (const model::UniqueConstraint& unique : table.uniques) {
      out_.key(unique.name);
      out_.begin_object();
      member("name", unique.name);
      member("nullsNotDistinct", unique.nulls_not_distinct);
      member("columns", string_array(unique.columns));
      out_.end_object();
    }
    out_.end_object();
    out_.key("policies");
    out_.begin_object();
    for (const model::Policy& policy : table.policies) {
      out_.key(policy.name);
      out_.begin_object();
      write_policy_members(policy, location::policy(where, policy.name));
      out_.end_object();
    }
    out_.end_object();
    out_.key("checkConstraints");
    out_.begin_object();
    for (const model::CheckConstraint& check : table.checks) {
      out_.key(check.name);
      out_.begin_object();
      member("name", check.name);
      spelled_text("value", location::check(where, check.name), check.expression);
      out_.end_object();
    }
    out_.end_object();
    member("isRLSEnabled", table.rls_enabled);
    if (table.comment) member("comment", *table.comment);
    out_.end_object();
  }

  void write_view(const model::View& view) {
    std::string where = location::view(view.schema, view.name);
    ViewDetails details;
    auto found = snapshot_.view_details.find(view.schema + "." + view.name);
    if (found != snapshot_.view_details.end()) details = found->second;
    out_.begin_object();
    member("columns", details.columns);
    if (!details.is_existing) spelled_text("definition", where + "/definition", view.definition);
    member("name", view.name);
    member("schema", view.schema);
    member("isExisting", details.is_existing);
    if (!view.with.empty() || snapshot_.with_key_order.count(where + "/with")) {
      out_.key("with");
      write_with(view.with, where + "/with", true);
    }
    if (view.with_no_data || details.with_no_data_key) member("withNoData", view.with_no_data);
    member("materialized", view.materialized);
    if (details.tablespace) member("tablespace", *details.tablespace);
    if (details.using_method) member("using", *details.using_method);
    out_.end_object();
  }

  void write_meta() {
    const RenameMeta& meta = snapshot_.meta;
    out_.begin_object();
    for (const std::string& key : meta.key_order) {
      const RenameMeta::Renames& renames = key == "schemas"  ? meta.schemas
                                           : key == "tables" ? meta.tables
                                                             : meta.columns;
      out_.key(key);
      out_.begin_object();
      for (const auto& [from, to] : renames) member(from, to);
      out_.end_object();
    }
    out_.end_object();
  }

  const Snapshot& snapshot_;
  JsonStreamWriter& out_;
};

}  // namespace

void inherit_round_trip_details(Snapshot& next, const Snapshot& previous) {
  next.spellings.insert(previous.spellings.begin(), previous.spellings.end());
  next.with_key_order.insert(previous.with_key_order.begin(), previous.with_key_order.end());
  next.view_details.insert(previous.view_details.begin(), previous.view_details.end());
  next.layout = previous.layout;
}

namespace {

// More than the text of `catalog` takes in drizzle-kit's layout (about 250 bytes a column and
// 300 an index or constraint in the usual shapes): the writer's room, grown at most once.
std::size_t text_size_bound(const model::Catalog& catalog) {
  std::size_t bytes = 4096;
  for (const model::Table& table : catalog.tables) {
    std::size_t parts = table.indexes.size() + table.foreign_keys.size() + table.uniques.size() +
                        table.checks.size() + table.policies.size() + 1;
    bytes += 512 + 384 * table.columns.size() + 512 * parts;
  }
  for (const model::Enum& type : catalog.enums) bytes += 256 + 64 * type.values.size();
  bytes += 1024 * (catalog.views.size() + catalog.sequences.size());
  return bytes;
}

}  // namespace

std::string snapshot_json(const Snapshot& snapshot) {
  JsonStreamWriter out(snapshot.layout);
  out.reserve(text_size_bound(snapshot.catalog));
  SnapshotWriter(snapshot, out).write();
  bool repeated_key = out.repeated_key();
  std::string text = out.finish();
  if (snapshot.key_order == SnapshotKeyOrder::kGenerate && !repeated_key) return text;
  // The rare shapes a tree settles: drizzle's parsed key order, and a key written twice (a tree
  // keeps its first position and last value, as drizzle-kit's objects do).
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(text);
  if (snapshot.key_order == SnapshotKeyOrder::kParsed) apply_parsed_key_order(json);
  return format_json(json, snapshot.layout);
}

bool stream_snapshot_json(const Snapshot& snapshot,
                          const std::function<void(std::string_view)>& sink) {
  if (snapshot.key_order != SnapshotKeyOrder::kGenerate) return false;
  JsonStreamWriter out(snapshot.layout);
  out.stream_to(sink);
  SnapshotWriter(snapshot, out).write();
  bool repeated_key = out.repeated_key();
  out.finish();
  return !repeated_key;
}

}  // namespace flick::store
