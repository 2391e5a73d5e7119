// The objects a drizzle snapshot cannot hold (extensions, functions and procedures, triggers,
// aggregates, domains, a table's UNLOGGED, exclusion constraints and column collations, and the
// indexes of materialized views),
// kept beside it in meta/_flick/<prefix>_objects.json: drizzle-kit validates snapshots strictly
// and skips meta entries whose names start with '_', so the snapshot stays drizzle-kit's own.

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "flick/error.hpp"
#include "store/json_access.hpp"
#include "store/snapshot.hpp"

namespace flick::store {

namespace fs = std::filesystem;

fs::path objects_path_for(const fs::path& snapshot_path) {
  std::string stem = snapshot_path.stem().string();  // "0003_snapshot"
  std::string prefix = stem.substr(0, stem.rfind("_snapshot"));
  return snapshot_path.parent_path() / "_flick" / (prefix + "_objects.json");
}

namespace {

// What a drizzle table entry has no key for.
bool has_table_extras(const model::Table& table) {
  if (table.unlogged || !table.exclusions.empty() || !table.partition_by.empty() ||
      table.partition_of || !table.inherits.empty()) {
    return true;
  }
  return std::any_of(table.columns.begin(), table.columns.end(),
                     [](const model::Column& column) { return !column.collation.empty(); });
}

nlohmann::ordered_json index_json(const model::Index& index) {
  nlohmann::ordered_json elements = nlohmann::ordered_json::array();
  for (const model::IndexElement& element : index.elements) {
    elements.push_back({{"expression", element.expression},
                        {"isExpression", element.is_expression},
                        {"asc", element.asc},
                        {"nulls", element.nulls},
                        {"opclass", element.opclass}});
  }
  nlohmann::ordered_json with = nlohmann::ordered_json::object();
  for (const auto& [key, value] : index.with) with[key] = value;
  return {{"name", index.name},
          {"unique", index.unique},
          {"nullsNotDistinct", index.nulls_not_distinct},
          {"method", index.method},
          {"elements", elements},
          {"where", index.where ? nlohmann::ordered_json(*index.where) : nlohmann::ordered_json()},
          {"include", index.include},
          {"with", with}};
}

model::Index index_of(const nlohmann::json& item) {
  model::Index index;
  index.name = item.at("name").get<std::string>();
  index.unique = item.value("unique", false);
  index.nulls_not_distinct = item.value("nullsNotDistinct", false);
  index.method = item.value("method", std::string("btree"));
  for (const auto& element : item.value("elements", nlohmann::json::array())) {
    model::IndexElement part;
    part.expression = element.at("expression").get<std::string>();
    part.is_expression = element.value("isExpression", false);
    part.asc = element.value("asc", true);
    part.nulls = element.value("nulls", std::string());
    part.opclass = element.value("opclass", std::string());
    index.elements.push_back(std::move(part));
  }
  if (item.contains("where") && item["where"].is_string()) index.where = item["where"];
  index.include = item.value("include", std::vector<std::string>{});
  for (const auto& [key, value] : item.value("with", nlohmann::json::object()).items()) {
    index.with[key] = value.get<std::string>();
  }
  return index;
}

}  // namespace

bool has_objects(const model::Catalog& catalog) {
  if (!catalog.extensions.empty() || !catalog.functions.empty() || !catalog.domains.empty() ||
      !catalog.composite_types.empty() || !catalog.range_types.empty() ||
      !catalog.collations.empty() || !catalog.grants.empty() || !catalog.comments.empty() ||
      !catalog.default_privileges.empty() || !catalog.owners.empty()) {
    return true;
  }
  for (const model::View& view : catalog.views) {
    if (!view.indexes.empty()) return true;
  }
  for (const model::Table& table : catalog.tables) {
    if (!table.triggers.empty() || has_table_extras(table)) return true;
  }
  return false;
}

std::string objects_json(const model::Catalog& catalog) {
  nlohmann::ordered_json out;
  out["version"] = "1";
  out["extensions"] = nlohmann::ordered_json::array();
  for (const model::Extension& extension : catalog.extensions) {
    out["extensions"].push_back(
        {{"name", extension.name}, {"schema", extension.schema}, {"version", extension.version}});
  }
  out["domains"] = nlohmann::ordered_json::array();
  for (const model::Domain& domain : catalog.domains) {
    nlohmann::ordered_json checks = nlohmann::ordered_json::array();
    for (const model::CheckConstraint& check : domain.checks) {
      checks.push_back({{"name", check.name}, {"expression", check.expression}});
    }
    out["domains"].push_back(
        {{"schema", domain.schema},
         {"name", domain.name},
         {"baseType", domain.base_type},
         {"collation", domain.collation},
         {"default", domain.default_expr ? nlohmann::ordered_json(*domain.default_expr)
                                         : nlohmann::ordered_json()},
         {"notNull", domain.not_null},
         {"checks", checks}});
  }
  out["compositeTypes"] = nlohmann::ordered_json::array();
  for (const model::CompositeType& type : catalog.composite_types) {
    nlohmann::ordered_json attributes = nlohmann::ordered_json::array();
    for (const model::CompositeAttribute& attribute : type.attributes) {
      attributes.push_back(
          {{"name", attribute.name}, {"type", attribute.type}, {"collation", attribute.collation}});
    }
    out["compositeTypes"].push_back(
        {{"schema", type.schema}, {"name", type.name}, {"attributes", attributes}});
  }
  // Range types and collations: written only when there are some, so older folders keep their
  // bytes.
  if (!catalog.range_types.empty()) {
    out["rangeTypes"] = nlohmann::ordered_json::array();
    for (const model::RangeType& range : catalog.range_types) {
      out["rangeTypes"].push_back({{"schema", range.schema},
                                   {"name", range.name},
                                   {"subtype", range.subtype},
                                   {"subtypeOpclass", range.subtype_opclass},
                                   {"collation", range.collation},
                                   {"canonical", range.canonical_function},
                                   {"subtypeDiff", range.subtype_diff},
                                   {"multirangeTypeName", range.multirange_type_name}});
    }
  }
  if (!catalog.collations.empty()) {
    out["collations"] = nlohmann::ordered_json::array();
    for (const model::Collation& collation : catalog.collations) {
      out["collations"].push_back({{"schema", collation.schema},
                                   {"name", collation.name},
                                   {"provider", collation.provider},
                                   {"lcCollate", collation.lc_collate},
                                   {"lcCtype", collation.lc_ctype},
                                   {"deterministic", collation.deterministic}});
    }
  }
  out["functions"] = nlohmann::ordered_json::array();
  for (const model::Function& function : catalog.functions) {
    out["functions"].push_back({{"schema", function.schema},
                                {"name", function.name},
                                {"kind", model::routine_kind(function)},
                                {"arguments", function.arguments},
                                {"returns", function.returns},
                                {"language", function.language},
                                {"definition", function.definition},
                                {"canonical", function.canonical}});
  }
  out["triggers"] = nlohmann::ordered_json::array();
  for (const model::Table& table : catalog.tables) {
    for (const model::Trigger& trigger : table.triggers) {
      nlohmann::ordered_json entry = {{"schema", table.schema},
                                      {"table", table.name},
                                      {"name", trigger.name},
                                      {"definition", trigger.definition},
                                      {"canonical", trigger.canonical}};
      // Only a trigger not in the default state says so: older folders keep their bytes.
      if (trigger.enabled != 'O') entry["enabled"] = std::string(1, trigger.enabled);
      out["triggers"].push_back(std::move(entry));
    }
  }
  out["tables"] = nlohmann::ordered_json::array();
  for (const model::Table& table : catalog.tables) {
    if (!has_table_extras(table)) continue;
    nlohmann::ordered_json exclusions = nlohmann::ordered_json::array();
    for (const model::ExclusionConstraint& exclusion : table.exclusions) {
      exclusions.push_back({{"name", exclusion.name}, {"definition", exclusion.definition}});
    }
    nlohmann::ordered_json collations = nlohmann::ordered_json::object();
    for (const model::Column& column : table.columns) {
      if (!column.collation.empty()) collations[column.name] = column.collation;
    }
    nlohmann::ordered_json entry = {{"schema", table.schema},
                                    {"name", table.name},
                                    {"unlogged", table.unlogged},
                                    {"exclusions", exclusions},
                                    {"collations", collations}};
    if (!table.partition_by.empty()) entry["partitionBy"] = table.partition_by;
    if (table.partition_of) {
      entry["partitionOf"] = {{"schema", table.partition_of->schema},
                              {"name", table.partition_of->name},
                              {"bound", table.partition_of->bound}};
    }
    if (!table.inherits.empty()) {
      entry["inherits"] = nlohmann::ordered_json::array();
      for (const model::TableParent& parent : table.inherits) {
        entry["inherits"].push_back({{"schema", parent.schema}, {"name", parent.name}});
      }
      entry["inheritedColumns"] = nlohmann::ordered_json::array();
      for (const model::Column& column : table.columns) {
        if (column.inherited) entry["inheritedColumns"].push_back(column.name);
      }
    }
    out["tables"].push_back(std::move(entry));
  }
  // Indexes of materialized views (drizzle's views hold none).
  out["viewIndexes"] = nlohmann::ordered_json::array();
  for (const model::View& view : catalog.views) {
    for (const model::Index& index : view.indexes) {
      nlohmann::ordered_json entry = index_json(index);
      entry["schema"] = view.schema;
      entry["view"] = view.name;
      out["viewIndexes"].push_back(std::move(entry));
    }
  }
  // Managed privileges: written only when there are some, so folders without them keep their
  // bytes. The snapshot's own "roles" has drizzle's attributes; these are all of them.
  if (!catalog.roles.empty()) {
    out["roles"] = nlohmann::ordered_json::array();
    for (const model::Role& role : catalog.roles) {
      out["roles"].push_back({{"name", role.name},
                              {"login", role.login},
                              {"bypassRls", role.bypass_rls},
                              {"connectionLimit", role.connection_limit},
                              {"memberOf", role.member_of}});
    }
  }
  if (!catalog.grants.empty()) {
    out["grants"] = nlohmann::ordered_json::array();
    for (const model::Grant& grant : catalog.grants) {
      out["grants"].push_back({{"kind", grant.object_kind},
                               {"schema", grant.schema},
                               {"name", grant.name},
                               {"arguments", grant.arguments},
                               {"column", grant.column},
                               {"grantee", grant.grantee},
                               {"privilege", grant.privilege},
                               {"grantOption", grant.grant_option},
                               {"revoked", grant.revoked}});
    }
  }
  if (!catalog.owners.empty()) {
    out["owners"] = nlohmann::ordered_json::array();
    for (const model::Owner& owner : catalog.owners) {
      out["owners"].push_back({{"kind", owner.object_kind},
                               {"schema", owner.schema},
                               {"name", owner.name},
                               {"arguments", owner.arguments},
                               {"role", owner.role}});
    }
  }
  if (!catalog.comments.empty()) {
    out["comments"] = nlohmann::ordered_json::array();
    for (const model::Comment& comment : catalog.comments) {
      out["comments"].push_back({{"kind", comment.object_kind},
                                 {"schema", comment.schema},
                                 {"name", comment.name},
                                 {"arguments", comment.arguments},
                                 {"comment", comment.text}});
    }
  }
  if (!catalog.default_privileges.empty()) {
    out["defaultPrivileges"] = nlohmann::ordered_json::array();
    for (const model::DefaultPrivilege& entry : catalog.default_privileges) {
      out["defaultPrivileges"].push_back({{"forRole", entry.for_role},
                                          {"schema", entry.schema},
                                          {"kind", entry.object_kind},
                                          {"grantee", entry.grantee},
                                          {"privilege", entry.privilege},
                                          {"grantOption", entry.grant_option},
                                          {"revoked", entry.revoked}});
    }
  }
  return out.dump(2) + "\n";
}

void read_objects(const fs::path& path, model::Catalog& catalog) {
  std::string file = path.string();
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(read_text_file(file));
    auto text = [&](const nlohmann::json& item, const char* key) {
      if (!item.contains(key) || !item[key].is_string()) {
        throw UserError(fmt::format("{}: \"{}\" must be a string", file, key));
      }
      return item[key].get<std::string>();
    };
    if (!json.is_object() || json.value("version", "") != "1") {
      throw UserError(fmt::format("{}: not a version \"1\" objects file", file));
    }
    auto flag = [&](const nlohmann::json& item, const char* key) {
      if (!item.contains(key) || !item[key].is_boolean()) {
        throw UserError(fmt::format("{}: \"{}\" must be true or false", file, key));
      }
      return item[key].get<bool>();
    };
    for (const auto& item : json.value("roles", nlohmann::json::array())) {
      std::string name = text(item, "name");
      auto role = std::find_if(catalog.roles.begin(), catalog.roles.end(),
                               [&](const model::Role& r) { return r.name == name; });
      if (role == catalog.roles.end()) {
        throw UserError(
            fmt::format("{}: role \"{}\" is not in the snapshot's \"roles\"", file, name));
      }
      role->login = flag(item, "login");
      role->bypass_rls = flag(item, "bypassRls");
      if (!item.contains("connectionLimit") || !item["connectionLimit"].is_number_integer()) {
        throw UserError(fmt::format("{}: \"connectionLimit\" must be an integer", file));
      }
      role->connection_limit = item["connectionLimit"].get<int>();
      role->member_of.clear();
      for (const auto& member : item.value("memberOf", nlohmann::json::array())) {
        if (!member.is_string()) {
          throw UserError(fmt::format("{}: \"memberOf\" must hold role names", file));
        }
        role->member_of.push_back(member.get<std::string>());
      }
    }
    for (const auto& item : json.value("grants", nlohmann::json::array())) {
      catalog.grants.push_back({text(item, "kind"), text(item, "schema"), text(item, "name"),
                                text(item, "arguments"), text(item, "column"),
                                text(item, "grantee"), text(item, "privilege"),
                                flag(item, "grantOption"), flag(item, "revoked")});
    }
    for (const auto& item : json.value("owners", nlohmann::json::array())) {
      catalog.owners.push_back({text(item, "kind"), text(item, "schema"), text(item, "name"),
                                text(item, "arguments"), text(item, "role")});
      const model::Owner& owner = catalog.owners.back();
      if (std::find(std::begin(model::kGrantKinds), std::end(model::kGrantKinds),
                    owner.object_kind) == std::end(model::kGrantKinds) ||
          owner.role.empty()) {
        throw UserError(fmt::format("{}: an owner entry of unknown kind \"{}\" or without a role",
                                    file, owner.object_kind));
      }
    }
    for (const auto& item : json.value("comments", nlohmann::json::array())) {
      catalog.comments.push_back({text(item, "kind"), text(item, "schema"), text(item, "name"),
                                  text(item, "arguments"), text(item, "comment")});
      static const std::set<std::string> kKinds = {
          "schema", "view", "materialized view", "sequence", "type", "collation", "routine"};
      if (kKinds.count(catalog.comments.back().object_kind) == 0) {
        throw UserError(fmt::format("{}: a comment on an object of unknown kind \"{}\"", file,
                                    catalog.comments.back().object_kind));
      }
      if (catalog.comments.back().text.empty()) {
        throw UserError(fmt::format("{}: a comment on {} \"{}\" is empty", file,
                                    catalog.comments.back().object_kind,
                                    catalog.comments.back().name));
      }
    }
    for (const auto& item : json.value("defaultPrivileges", nlohmann::json::array())) {
      catalog.default_privileges.push_back(
          {text(item, "forRole"), text(item, "schema"), text(item, "kind"), text(item, "grantee"),
           text(item, "privilege"), flag(item, "grantOption"), flag(item, "revoked")});
    }
    for (const auto& item : json.value("extensions", nlohmann::json::array())) {
      catalog.extensions.push_back(
          {text(item, "name"), text(item, "schema"), text(item, "version")});
    }
    for (const auto& item : json.value("domains", nlohmann::json::array())) {
      model::Domain domain;
      domain.schema = text(item, "schema");
      domain.name = text(item, "name");
      domain.base_type = text(item, "baseType");
      domain.collation = text(item, "collation");
      if (item.contains("default") && item["default"].is_string()) {
        domain.default_expr = item["default"].get<std::string>();
      }
      domain.not_null = item.value("notNull", false);
      for (const auto& check : item.value("checks", nlohmann::json::array())) {
        domain.checks.push_back({text(check, "name"), text(check, "expression")});
      }
      catalog.domains.push_back(std::move(domain));
    }
    for (const auto& item : json.value("compositeTypes", nlohmann::json::array())) {
      model::CompositeType type;
      type.schema = text(item, "schema");
      type.name = text(item, "name");
      for (const auto& attribute : item.value("attributes", nlohmann::json::array())) {
        type.attributes.push_back(
            {text(attribute, "name"), text(attribute, "type"), text(attribute, "collation")});
      }
      catalog.composite_types.push_back(std::move(type));
    }
    for (const auto& item : json.value("rangeTypes", nlohmann::json::array())) {
      catalog.range_types.push_back({text(item, "schema"), text(item, "name"),
                                     text(item, "subtype"), text(item, "subtypeOpclass"),
                                     text(item, "collation"), text(item, "canonical"),
                                     text(item, "subtypeDiff"), text(item, "multirangeTypeName")});
    }
    for (const auto& item : json.value("collations", nlohmann::json::array())) {
      catalog.collations.push_back({text(item, "schema"), text(item, "name"),
                                    text(item, "provider"), text(item, "lcCollate"),
                                    text(item, "lcCtype"), flag(item, "deterministic")});
      if (catalog.collations.back().provider != "libc" &&
          catalog.collations.back().provider != "icu") {
        throw UserError(fmt::format("{}: collation \"{}\" has unknown provider \"{}\"", file,
                                    catalog.collations.back().name,
                                    catalog.collations.back().provider));
      }
    }
    for (const auto& item : json.value("functions", nlohmann::json::array())) {
      model::Function function;
      function.schema = text(item, "schema");
      function.name = text(item, "name");
      function.procedure = text(item, "kind") == "procedure";
      function.aggregate = text(item, "kind") == "aggregate";
      function.arguments = text(item, "arguments");
      function.returns = text(item, "returns");
      function.language = text(item, "language");
      function.definition = text(item, "definition");
      function.canonical = text(item, "canonical");
      catalog.functions.push_back(std::move(function));
    }
    for (const auto& item : json.value("triggers", nlohmann::json::array())) {
      model::Table* table = catalog.find_table(text(item, "schema"), text(item, "table"));
      if (table == nullptr) {
        throw UserError(
            fmt::format("{}: trigger \"{}\" is on table \"{}\".\"{}\", which the "
                        "snapshot does not have",
                        file, text(item, "name"), text(item, "schema"), text(item, "table")));
      }
      std::string enabled = item.value("enabled", std::string("O"));
      if (enabled != "O" && enabled != "D" && enabled != "R" && enabled != "A") {
        throw UserError(fmt::format("{}: trigger \"{}\" has unknown state \"{}\" (O, D, R or A)",
                                    file, text(item, "name"), enabled));
      }
      table->triggers.push_back(
          {text(item, "name"), text(item, "definition"), text(item, "canonical"), enabled[0]});
    }
    for (const auto& item : json.value("tables", nlohmann::json::array())) {
      model::Table* table = catalog.find_table(text(item, "schema"), text(item, "name"));
      if (table == nullptr) {
        throw UserError(fmt::format("{}: table \"{}\".\"{}\" is not in the snapshot", file,
                                    text(item, "schema"), text(item, "name")));
      }
      table->unlogged = item.value("unlogged", false);
      if (item.contains("partitionBy")) table->partition_by = text(item, "partitionBy");
      if (item.contains("partitionOf")) {
        const nlohmann::json& of = item["partitionOf"];
        table->partition_of =
            model::PartitionOf{text(of, "schema"), text(of, "name"), text(of, "bound")};
      }
      for (const auto& parent : item.value("inherits", nlohmann::json::array())) {
        table->inherits.push_back({text(parent, "schema"), text(parent, "name")});
      }
      for (const auto& column_name : item.value("inheritedColumns", nlohmann::json::array())) {
        auto column =
            std::find_if(table->columns.begin(), table->columns.end(), [&](const model::Column& c) {
              return column_name.is_string() && c.name == column_name.get<std::string>();
            });
        if (column == table->columns.end()) {
          throw UserError(fmt::format("{}: inherited column {} of \"{}\": no such column", file,
                                      column_name.dump(), table->name));
        }
        column->inherited = true;
      }
      for (const auto& exclusion : item.value("exclusions", nlohmann::json::array())) {
        table->exclusions.push_back({text(exclusion, "name"), text(exclusion, "definition")});
      }
      const nlohmann::json collations = item.value("collations", nlohmann::json::object());
      for (const auto& [column_name, collation] : collations.items()) {
        auto column =
            std::find_if(table->columns.begin(), table->columns.end(),
                         [&name = column_name](const model::Column& c) { return c.name == name; });
        if (column == table->columns.end() || !collation.is_string()) {
          throw UserError(
              fmt::format("{}: collation of column \"{}\" of \"{}\": no such column, "
                          "or not a string",
                          file, column_name, table->name));
        }
        column->collation = collation.get<std::string>();
      }
    }
    for (const auto& item : json.value("viewIndexes", nlohmann::json::array())) {
      model::View* view = nullptr;
      for (model::View& candidate : catalog.views) {
        if (candidate.schema == text(item, "schema") && candidate.name == text(item, "view")) {
          view = &candidate;
        }
      }
      if (view == nullptr || !view->materialized) {
        throw UserError(
            fmt::format("{}: index \"{}\" is on materialized view \"{}\".\"{}\", "
                        "which the snapshot does not have",
                        file, text(item, "name"), text(item, "schema"), text(item, "view")));
      }
      view->indexes.push_back(index_of(item));
    }
  } catch (const nlohmann::json::exception& error) {
    throw UserError(fmt::format("{}: {}", file, error.what()));
  }
}

}  // namespace flick::store
