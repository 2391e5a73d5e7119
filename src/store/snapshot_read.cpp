#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>

#include "files/input_file.hpp"
#include "flick/error.hpp"
#include "sqlparse/sqlparse.hpp"
#include "store/json_access.hpp"
#include "store/json_view.hpp"
#include "store/snapshot.hpp"
#include "store/snapshot_locations.hpp"
#include "store/snapshot_order.hpp"
#include "store/snapshot_values.hpp"

namespace flick::store {
namespace {

// Reads a snapshot document of either JSON kind: DomJson for the usual file, nlohmann's tree for
// what parse_json_view leaves to it.
template <class Json>
class SnapshotReader {
 public:
  SnapshotReader(const std::string& file_name, Snapshot& snapshot)
      : file_name_(file_name), reader_(file_name), snapshot_(snapshot) {}

  void read(const Json& json) {
    reader_.expect_keys(json, "",
                        {"id", "prevId", "version", "dialect", "tables", "enums", "schemas",
                         "sequences", "roles", "policies", "views", "_meta", "internal"});
    snapshot_.id = reader_.string(json, "", "id");
    snapshot_.prev_id = reader_.string(json, "", "prevId");
    snapshot_.version = reader_.string(json, "", "version");
    snapshot_.dialect = reader_.string(json, "", "dialect");
    const std::string& version = snapshot_.version;
    const std::string& dialect = snapshot_.dialect;
    bool supported = (version == "5" && dialect == "pg") ||
                     ((version == "6" || version == "7") && dialect == "postgresql");
    if (!supported) {
      reader_.fail("version", fmt::format("version \"{}\" with dialect \"{}\" is not a PostgreSQL "
                                          "snapshot format Flick reads (5/pg, 6 or 7/postgresql)",
                                          version, dialect));
    }
    legacy_ = version != "7";
    // Enums first: legacy snapshots leave the schema of enum-typed columns implicit.
    read_enums(reader_.object(json, "", "enums"));
    const Json& tables = reader_.object(json, "", "tables");
    snapshot_.catalog.tables.reserve(tables.size());  // no Table moved as the vector grows
    for (const auto& [key, value] : tables.items()) {
      read_table(value, "tables." + key);
    }
    for (const auto& [key, value] : reader_.object(json, "", "schemas").items()) {
      if (!value.is_string()) reader_.fail("schemas." + key, "expected a string");
      snapshot_.catalog.schemas.push_back(value.template get<std::string>());
    }
    if (auto it = json.find("sequences"); it != json.end()) read_sequences(*it);
    if (auto it = json.find("roles"); it != json.end()) read_roles(*it);
    if (auto it = json.find("policies"); it != json.end()) read_standalone_policies(*it);
    if (auto it = json.find("views"); it != json.end()) read_views(*it);
    read_meta(reader_.object(json, "", "_meta"));
    if (auto it = json.find("internal"); it != json.end())
      snapshot_.internal = to_ordered_json(*it);
  }

 private:
  const Json& object_at(const Json& value, const std::string& path) const {
    if (!value.is_object()) reader_.fail(path, "expected an object");
    return value;
  }

  std::string context(const std::string& path) const {
    return fmt::format("{}: {}", file_name_, path);
  }

  // Store the original spelling when writing the normalised value would not reproduce it.
  void remember(const std::string& where, const std::string& canonical, const std::string& original,
                const std::string& written) {
    if (written != original) snapshot_.spellings[where] = Spelling{canonical, original};
  }
  void remember(const std::string& where, const std::string& canonical,
                const nlohmann::ordered_json& original, const nlohmann::ordered_json& written) {
    if (written != original) snapshot_.spellings[where] = Spelling{canonical, original};
  }

  std::string expression(const std::string& text, const std::string& where,
                         const std::string& path) {
    // Expressions inside a table may qualify columns with the table's name (drizzle writes
    // "users"."age"); the DDL reader drops that qualifier, so the snapshot must too.
    std::string canonical = table_ ? sqlparse::normalise_table_expression(
                                         text, table_->schema, table_->name, context(path))
                                   : sqlparse::normalise_expression(text, context(path));
    remember(where, canonical, text, canonical);
    return canonical;
  }

  void read_enums(const Json& enums) {
    for (const auto& [key, value] : enums.items()) {
      std::string path = "enums." + key;
      model::Enum item;
      item.name = reader_.string(value, path, "name");
      if (snapshot_.version == "5") {
        reader_.expect_keys(value, path, {"name", "values"});
        const Json& values = reader_.object(value, path, "values");
        for (const auto& [value_key, label] : values.items()) {
          if (!label.is_string()) reader_.fail(path + ".values." + value_key, "expected a string");
          item.values.push_back(label.template get<std::string>());
        }
      } else {
        reader_.expect_keys(value, path, {"name", "schema", "values"});
        item.schema = reader_.string(value, path, "schema");
        item.values = reader_.strings(value, path, "values");
      }
      snapshot_.catalog.enums.push_back(std::move(item));
    }
  }

  void read_type(const Json& json, const std::string& path, const std::string& where,
                 model::Column& column) {
    std::string text = reader_.string(json, path, "type");
    std::optional<std::string> type_schema = reader_.optional_string(json, path, "typeSchema");
    // drizzle writes an enum column's type as the enum's name verbatim ("sourceType",
    // "user role[]"), not as SQL: it keeps its case and needs no quotes.
    std::string base = text.substr(0, text.find('['));
    for (const model::Enum& item : snapshot_.catalog.enums) {
      if (item.name != base || (type_schema && item.schema != *type_schema)) continue;
      column.type = text;
      column.type_schema = item.schema;
      remember(where + "/type", column.type, text, column.type);
      return;
    }
    sqlparse::TypeName type;
    try {
      type = sqlparse::canonical_type(text);
    } catch (const UserError& error) {
      reader_.fail(path + ".type", error.what());
    }
    column.type = type.type;
    remember(where + "/type", column.type, text, column.type);
    column.type_schema = type_schema.value_or(type.type_schema);
    if (legacy_ && column.type_schema.empty()) {
      std::string base = column.type.substr(0, column.type.find('['));
      const model::Enum* found = snapshot_.catalog.find_enum(model::kDefaultSchema, base);
      if (found) column.type_schema = found->schema;
    }
  }

  model::SequenceOptions sequence_options(const Json& json, const std::string& path) {
    model::SequenceOptions options;
    options.increment = reader_.optional_string(json, path, "increment").value_or("");
    options.start_with = reader_.optional_string(json, path, "startWith").value_or("");
    options.min_value = reader_.optional_string(json, path, "minValue").value_or("");
    options.max_value = reader_.optional_string(json, path, "maxValue").value_or("");
    options.cache = reader_.optional_string(json, path, "cache").value_or("");
    options.cycle = reader_.optional_bool(json, path, "cycle").value_or(false);
    return options;
  }

  model::Column read_column(const Json& json, const std::string& path,
                            const std::string& table_where, model::Table& table) {
    reader_.expect_keys(
        json, path,
        {"name", "type", "typeSchema", "primaryKey", "notNull", "default", "isUnique", "uniqueName",
         "nullsNotDistinct", "generated", "identity", "comment"});
    model::Column column;
    column.name = reader_.string(json, path, "name");
    std::string where = location::column(table_where, column.name);
    read_type(json, path, where, column);
    column.primary_key = reader_.boolean(json, path, "primaryKey");
    column.not_null = reader_.boolean(json, path, "notNull");
    if (auto it = json.find("default"); it != json.end()) {
      const auto& original = to_ordered_json(*it);
      std::string text;
      if (!default_from_json(original, text)) {
        reader_.fail(path + ".default",
                     "expected a string, number, boolean, null or an array of those");
      }
      std::string canonical = sqlparse::normalise_default(text, column.type, column.type_schema,
                                                          context(path + ".default"));
      remember(where + "/default", canonical, original, default_to_json(canonical));
      column.default_expr = canonical;
    }
    if (auto it = json.find("generated"); it != json.end()) {
      std::string generated_path = path + ".generated";
      reader_.expect_keys(*it, generated_path, {"as", "type"});
      std::string type = reader_.string(*it, generated_path, "type");
      if (type != "stored") reader_.fail(generated_path + ".type", "expected \"stored\"");
      column.generated = expression(reader_.string(*it, generated_path, "as"), where + "/generated",
                                    generated_path + ".as");
    }
    if (auto it = json.find("identity"); it != json.end()) {
      std::string identity_path = path + ".identity";
      reader_.expect_keys(*it, identity_path,
                          {"type", "name", "schema", "increment", "startWith", "minValue",
                           "maxValue", "cache", "cycle"});
      model::Identity identity;
      std::string kind = reader_.string(*it, identity_path, "type");
      if (kind == "always") {
        identity.kind = model::IdentityKind::kAlways;
      } else if (kind == "byDefault") {
        identity.kind = model::IdentityKind::kByDefault;
      } else {
        reader_.fail(identity_path + ".type", "expected \"always\" or \"byDefault\"");
      }
      identity.sequence_name = reader_.string(*it, identity_path, "name");
      identity.options = sequence_options(*it, identity_path);
      column.identity = std::move(identity);
    }
    column.comment = reader_.optional_string(json, path, "comment");
    // Column-level unique flags of older snapshots become table unique constraints.
    if (auto it = json.find("isUnique");
        it != json.end() && it->is_boolean() && it->template get<bool>()) {
      model::UniqueConstraint unique;
      unique.name = reader_.optional_string(json, path, "uniqueName")
                        .value_or(table.name + "_" + column.name + "_unique");
      unique.columns = {column.name};
      unique.nulls_not_distinct =
          reader_.optional_bool(json, path, "nullsNotDistinct").value_or(false);
      pending_uniques_.push_back(std::move(unique));
    }
    return column;
  }

  void read_with(const Json& json, const std::string& path, const std::string& where, bool camel,
                 std::map<std::string, std::string>& with) {
    std::vector<std::string> order;
    for (const auto& [key, value] : object_at(json, path).items()) {
      std::string text;
      if (!option_from_json(to_ordered_json(value), text)) {
        reader_.fail(path + "." + key, "expected a string, number or boolean");
      }
      with[camel ? snake_case(key) : key] = text;
      order.push_back(key);
    }
    snapshot_.with_key_order[where] = std::move(order);
  }

  model::IndexElement read_index_element(const Json& json, const std::string& path,
                                         const std::string& where) {
    model::IndexElement element;
    if (json.is_string()) {  // versions 5 and 6: a plain column name
      element.expression = json.template get<std::string>();
      element.nulls = "last";
      return element;
    }
    reader_.expect_keys(json, path, {"expression", "isExpression", "asc", "nulls", "opclass"});
    element.is_expression = reader_.boolean(json, path, "isExpression");
    std::string text = reader_.string(json, path, "expression");
    element.opclass = reader_.optional_string(json, path, "opclass").value_or("");
    element.asc = reader_.boolean(json, path, "asc");
    element.nulls = reader_.optional_string(json, path, "nulls").value_or("");
    if (!element.is_expression) {
      element.expression = text;
      return element;
    }
    sqlparse::IndexElementParts parts;
    try {
      element.expression = expression(text, where, path + ".expression");
      // `"data"` as an sql`` element is the column itself, as CREATE INDEX reads it.
      if (element.expression.find_first_of("().:' ") == std::string::npos) {
        parts = sqlparse::parse_index_element(text);
        if (!parts.column.empty()) {
          element.is_expression = false;
          element.expression = parts.column;
        }
      }
    } catch (const UserError&) {
      // drizzle keeps an sql`` index element as written, and users write an operator class or
      // an ordering into it: `"data" jsonb_path_ops`, `"started_at" DESC NULLS LAST`. The
      // element's own asc / nulls fields are then drizzle's defaults, not what the text says.
      parts = sqlparse::parse_index_element(text);
      element.is_expression = parts.column.empty();
      element.expression = element.is_expression
                               ? expression(parts.expression, where, path + ".expression")
                               : parts.column;
      if (!parts.opclass.empty()) element.opclass = parts.opclass;
      element.asc = parts.asc;
      element.nulls = parts.nulls;
    }
    return element;
  }

  model::Index read_index(const Json& json, const std::string& path, const std::string& where) {
    reader_.expect_keys(json, path,
                        {"name", "columns", "isUnique", "where", "concurrently", "method", "with",
                         "include", "nullsNotDistinct"});
    model::Index index;
    index.name = reader_.string(json, path, "name");
    auto columns = json.find("columns");
    if (columns == json.end() || !columns->is_array()) {
      reader_.fail(path + ".columns", "expected an array");
    }
    std::size_t i = 0;
    for (const Json& column : *columns) {
      index.elements.push_back(read_index_element(column, fmt::format("{}.columns[{}]", path, i),
                                                  where + "/columns/" + std::to_string(i)));
      ++i;
    }
    index.unique = reader_.boolean(json, path, "isUnique");
    if (auto text = reader_.optional_string(json, path, "where")) {
      index.where = expression(*text, where + "/where", path + ".where");
    }
    index.concurrently = reader_.optional_bool(json, path, "concurrently").value_or(false);
    index.method = reader_.optional_string(json, path, "method").value_or("btree");
    if (auto it = json.find("with"); it != json.end()) {
      read_with(*it, path + ".with", where + "/with", false, index.with);
    }
    if (json.contains("include")) index.include = reader_.strings(json, path, "include");
    index.nulls_not_distinct =
        reader_.optional_bool(json, path, "nullsNotDistinct").value_or(false);
    return index;
  }

  model::Policy read_policy(const Json& json, const std::string& path, const std::string& where,
                            bool standalone) {
    if (standalone) {
      reader_.expect_keys(json, path,
                          {"name", "as", "for", "to", "using", "withCheck", "schema", "on"});
    } else {
      reader_.expect_keys(json, path, {"name", "as", "for", "to", "using", "withCheck"});
    }
    model::Policy policy;
    policy.name = reader_.string(json, path, "name");
    policy.as = reader_.optional_string(json, path, "as").value_or("PERMISSIVE");
    policy.for_command = reader_.optional_string(json, path, "for").value_or("ALL");
    if (json.contains("to")) policy.to = reader_.strings(json, path, "to");
    if (auto text = reader_.optional_string(json, path, "using")) {
      policy.using_expr = expression(*text, where + "/using", path + ".using");
    }
    if (auto text = reader_.optional_string(json, path, "withCheck")) {
      policy.with_check = expression(*text, where + "/withCheck", path + ".withCheck");
    }
    return policy;
  }

  void read_table(const Json& json, const std::string& path) {
    reader_.expect_keys(
        json, path,
        {"name", "schema", "columns", "indexes", "foreignKeys", "compositePrimaryKeys",
         "uniqueConstraints", "policies", "checkConstraints", "isRLSEnabled", "comment"});
    model::Table table;
    table.name = reader_.string(json, path, "name");
    std::string schema = reader_.string(json, path, "schema");
    table.schema = schema.empty() ? model::kDefaultSchema : schema;
    table_ = &table;
    std::string where = location::table(table.schema, table.name);
    pending_uniques_.clear();
    const Json& columns = reader_.object(json, path, "columns");
    table.columns.reserve(columns.size());
    for (const auto& [key, value] : columns.items()) {
      table.columns.push_back(read_column(value, path + ".columns." + key, where, table));
    }
    for (const auto& [key, value] : reader_.object(json, path, "indexes").items()) {
      table.indexes.push_back(
          read_index(value, path + ".indexes." + key, location::index(where, key)));
    }
    for (const auto& [key, value] : reader_.object(json, path, "foreignKeys").items()) {
      table.foreign_keys.push_back(read_foreign_key(value, path + ".foreignKeys." + key));
    }
    for (const auto& [key, value] : reader_.object(json, path, "compositePrimaryKeys").items()) {
      std::string key_path = path + ".compositePrimaryKeys." + key;
      if (table.primary_key) reader_.fail(key_path, "a table has at most one primary key");
      reader_.expect_keys(value, key_path, {"name", "columns"});
      table.primary_key = model::PrimaryKey{reader_.string(value, key_path, "name"),
                                            reader_.strings(value, key_path, "columns")};
    }
    if (json.contains("uniqueConstraints")) {
      for (const auto& [key, value] : reader_.object(json, path, "uniqueConstraints").items()) {
        std::string key_path = path + ".uniqueConstraints." + key;
        reader_.expect_keys(value, key_path, {"name", "columns", "nullsNotDistinct"});
        model::UniqueConstraint unique;
        unique.name = reader_.string(value, key_path, "name");
        unique.columns = reader_.strings(value, key_path, "columns");
        unique.nulls_not_distinct = reader_.boolean(value, key_path, "nullsNotDistinct");
        table.uniques.push_back(std::move(unique));
      }
    }
    for (model::UniqueConstraint& unique : pending_uniques_) {
      bool known = std::any_of(table.uniques.begin(), table.uniques.end(),
                               [&](const auto& existing) { return existing.name == unique.name; });
      if (!known) table.uniques.push_back(std::move(unique));
    }
    if (json.contains("policies")) {
      for (const auto& [key, value] : reader_.object(json, path, "policies").items()) {
        table.policies.push_back(
            read_policy(value, path + ".policies." + key, location::policy(where, key), false));
      }
    }
    if (json.contains("checkConstraints")) {
      for (const auto& [key, value] : reader_.object(json, path, "checkConstraints").items()) {
        std::string key_path = path + ".checkConstraints." + key;
        reader_.expect_keys(value, key_path, {"name", "value"});
        model::CheckConstraint check;
        check.name = reader_.string(value, key_path, "name");
        check.expression = expression(reader_.string(value, key_path, "value"),
                                      location::check(where, check.name), key_path + ".value");
        table.checks.push_back(std::move(check));
      }
    }
    table.rls_enabled = reader_.optional_bool(json, path, "isRLSEnabled").value_or(false);
    table.comment = reader_.optional_string(json, path, "comment");
    table_ = nullptr;
    snapshot_.catalog.tables.push_back(std::move(table));
  }

  model::ForeignKey read_foreign_key(const Json& json, const std::string& path) {
    reader_.expect_keys(json, path,
                        {"name", "tableFrom", "columnsFrom", "tableTo", "schemaTo", "columnsTo",
                         "onUpdate", "onDelete"});
    model::ForeignKey key;
    key.name = reader_.string(json, path, "name");
    reader_.string(json, path, "tableFrom");
    key.columns = reader_.strings(json, path, "columnsFrom");
    key.ref_table = reader_.string(json, path, "tableTo");
    std::string schema = reader_.optional_string(json, path, "schemaTo").value_or("");
    key.ref_schema = schema.empty() ? model::kDefaultSchema : schema;
    key.ref_columns = reader_.strings(json, path, "columnsTo");
    key.on_delete = reader_.optional_string(json, path, "onDelete").value_or("no action");
    key.on_update = reader_.optional_string(json, path, "onUpdate").value_or("no action");
    return key;
  }

  void read_sequences(const Json& json) {
    for (const auto& [key, value] : object_at(json, "sequences").items()) {
      std::string path = "sequences." + key;
      reader_.expect_keys(
          value, path,
          {"name", "schema", "increment", "startWith", "minValue", "maxValue", "cache", "cycle"});
      model::Sequence sequence;
      sequence.name = reader_.string(value, path, "name");
      sequence.schema = reader_.string(value, path, "schema");
      sequence.options = sequence_options(value, path);
      snapshot_.catalog.sequences.push_back(std::move(sequence));
    }
  }

  void read_roles(const Json& json) {
    for (const auto& [key, value] : object_at(json, "roles").items()) {
      std::string path = "roles." + key;
      reader_.expect_keys(value, path, {"name", "createDb", "createRole", "inherit"});
      model::Role role;
      role.name = reader_.string(value, path, "name");
      role.create_db = reader_.optional_bool(value, path, "createDb").value_or(false);
      role.create_role = reader_.optional_bool(value, path, "createRole").value_or(false);
      role.inherit = reader_.optional_bool(value, path, "inherit").value_or(true);
      snapshot_.catalog.roles.push_back(std::move(role));
    }
  }

  void read_standalone_policies(const Json& json) {
    for (const auto& [key, value] : object_at(json, "policies").items()) {
      std::string path = "policies." + key;
      StandalonePolicy item;
      item.policy = read_policy(value, path, location::policy("", key), true);
      item.schema = reader_.optional_string(value, path, "schema").value_or("");
      item.on = reader_.optional_string(value, path, "on").value_or("");
      snapshot_.policies.push_back(std::move(item));
    }
  }

  void read_views(const Json& json) {
    for (const auto& [key, value] : object_at(json, "views").items()) {
      std::string path = "views." + key;
      reader_.expect_keys(value, path,
                          {"name", "schema", "columns", "definition", "materialized", "with",
                           "isExisting", "withNoData", "using", "tablespace"});
      model::View view;
      ViewDetails details;
      view.name = reader_.string(value, path, "name");
      view.schema = reader_.string(value, path, "schema");
      std::string where = location::view(view.schema, view.name);
      details.columns = to_ordered_json(reader_.object(value, path, "columns"));
      if (auto text = reader_.optional_string(value, path, "definition")) {
        std::string canonical = sqlparse::normalise_query(*text, context(path + ".definition"));
        remember(where + "/definition", canonical, *text, canonical);
        view.definition = canonical;
      }
      view.materialized = reader_.boolean(value, path, "materialized");
      if (auto it = value.find("with"); it != value.end()) {
        read_with(*it, path + ".with", where + "/with", true, view.with);
      }
      details.is_existing = reader_.boolean(value, path, "isExisting");
      // drizzle writes the query of every view it creates; only an .existing() one has none.
      if (!details.is_existing && value.find("definition") == value.end()) {
        reader_.fail(path, "a view that is not isExisting needs its \"definition\"");
      }
      if (auto no_data = reader_.optional_bool(value, path, "withNoData")) {
        view.with_no_data = *no_data;
        details.with_no_data_key = !*no_data;
      }
      details.using_method = reader_.optional_string(value, path, "using");
      details.tablespace = reader_.optional_string(value, path, "tablespace");
      snapshot_.view_details[view.schema + "." + view.name] = std::move(details);
      snapshot_.catalog.views.push_back(std::move(view));
    }
  }

  void read_meta(const Json& json) {
    reader_.expect_keys(json, "_meta", {"schemas", "tables", "columns"});
    RenameMeta& meta = snapshot_.meta;
    meta.key_order.clear();
    for (const auto& [key, value] : json.items()) {
      RenameMeta::Renames& renames = key == "schemas"  ? meta.schemas
                                     : key == "tables" ? meta.tables
                                                       : meta.columns;
      for (const auto& [from, to] : object_at(value, "_meta." + key).items()) {
        if (!to.is_string()) reader_.fail("_meta." + key + "." + from, "expected a string");
        renames.emplace_back(from, to.template get<std::string>());
      }
      meta.key_order.push_back(key);
    }
  }

  std::string file_name_;
  BasicJsonReader<Json> reader_;
  Snapshot& snapshot_;
  bool legacy_ = false;
  std::vector<model::UniqueConstraint> pending_uniques_;
  const model::Table* table_ = nullptr;  // the table being read, while its expressions are
};

}  // namespace

Snapshot parse_snapshot(const std::string& text, const std::string& file_name) {
  // Read straight from simdjson's document, without building a tree; what it leaves to nlohmann
  // is read from nlohmann's tree, with the same result or error.
  static_assert(simdjson::SIMDJSON_PADDING <= files::kSpareCapacity);
  bool padded = text.capacity() - text.size() >= simdjson::SIMDJSON_PADDING;
  std::optional<DomJson> json = parse_json_view(text, padded);
  if (!json) return parse_snapshot_from_tree(text, file_name);
  Snapshot snapshot;
  snapshot.layout = detect_json_layout(text);
  if (has_parsed_key_order(*json)) snapshot.key_order = SnapshotKeyOrder::kParsed;
  SnapshotReader<DomJson>(file_name, snapshot).read(*json);
  return snapshot;
}

Snapshot parse_snapshot_from_tree(std::string_view text, const std::string& file_name) {
  Snapshot snapshot;
  snapshot.layout = detect_json_layout(text);
  nlohmann::ordered_json json = parse_json_text(text, file_name);
  if (has_parsed_key_order(json)) snapshot.key_order = SnapshotKeyOrder::kParsed;
  SnapshotReader<nlohmann::ordered_json>(file_name, snapshot).read(json);
  return snapshot;
}

Snapshot read_snapshot(const std::filesystem::path& path) {
  Snapshot snapshot = parse_snapshot(read_text_file(path.string()), path.string());
  std::filesystem::path objects = objects_path_for(path);
  if (std::filesystem::is_regular_file(objects)) {
    read_objects(objects, snapshot.catalog);
    snapshot.objects_recorded = true;
  }
  return snapshot;
}

}  // namespace flick::store
