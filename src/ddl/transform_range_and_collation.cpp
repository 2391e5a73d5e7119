// CREATE TYPE ... AS RANGE and CREATE COLLATION into the model, in canonical spellings a schema
// file and the statements introspection writes from pg_range / pg_collation agree on.

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "ddl/builder.hpp"
#include "ddl/ddl.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::ddl {
namespace {

// The names of an option's value: a type name (`subtype = text`, `provider = icu`), a string
// (`locale = 'en-US'`), a keyword, or a list of names (`FROM "C"`).
std::vector<std::string> option_names(const Node* value) {
  if (value == nullptr) return {};
  switch (value->node_case) {
    case PG_QUERY__NODE__NODE_TYPE_NAME:
      return string_list(value->type_name->names, value->type_name->n_names);
    case PG_QUERY__NODE__NODE_LIST:
      return string_list(value->list->items, value->list->n_items);
    case PG_QUERY__NODE__NODE_STRING:
      return {value->string->sval};
    case PG_QUERY__NODE__NODE_BOOLEAN:
      return {value->boolean->boolval ? "true" : "false"};
    case PG_QUERY__NODE__NODE_INTEGER:
      return {std::to_string(value->integer->ival)};
    default:
      return {};
  }
}

// One word: the last name of the option's value, lower-cased when it is an unquoted keyword.
std::string option_word(const PgQuery__DefElem& option, const Source& source) {
  std::vector<std::string> names = option_names(option.arg);
  if (names.empty()) {
    source.fail(option.location, fmt::format("option \"{}\" needs a value", option.defname));
  }
  return names.back();
}

// "a.b" names with pg_catalog and the default schema left out: how the model writes an operator
// class.
std::string object_reference(const std::vector<std::string>& names, const Source& source) {
  std::vector<std::string> parts = names;
  if (parts.size() == 2 && (parts[0] == "pg_catalog" || parts[0] == source.default_schema())) {
    parts.erase(parts.begin());
  }
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ".") + part;
  return out;
}

// COLLATE's spelling in the model (as model::Column::collation): each part quoted, pg_catalog
// left out, "default" as none.
std::string collation_reference(const std::vector<std::string>& names) {
  std::vector<std::string> parts = names;
  if (parts.size() == 2 && parts[0] == "pg_catalog") parts.erase(parts.begin());
  if (parts.size() == 1 && parts[0] == "default") return "";
  std::string out;
  for (const std::string& part : parts) {
    out += (out.empty() ? "" : ".") + sqlparse::quote_identifier(part);
  }
  return out;
}

// The default b-tree operator class of a built-in range subtype (as routine_type spells it),
// which PostgreSQL does not record as chosen: written out, it is no choice either. "" when
// unknown.
std::string default_operator_class(const std::string& subtype) {
  static const std::map<std::string, std::string> kDefaults = {
      {"smallint", "int2_ops"},
      {"integer", "int4_ops"},
      {"bigint", "int8_ops"},
      {"real", "float4_ops"},
      {"double precision", "float8_ops"},
      {"numeric", "numeric_ops"},
      {"text", "text_ops"},
      {"varchar", "text_ops"},
      {"char", "bpchar_ops"},
      {"date", "date_ops"},
      {"time", "time_ops"},
      {"time with time zone", "timetz_ops"},
      {"timestamp", "timestamp_ops"},
      {"timestamp with time zone", "timestamptz_ops"},
      {"interval", "interval_ops"},
      {"boolean", "bool_ops"},
      {"bytea", "bytea_ops"},
      {"uuid", "uuid_ops"},
      {"inet", "inet_ops"},
      {"money", "money_ops"},
      {"oid", "oid_ops"},
  };
  auto found = kDefaults.find(subtype);
  return found == kDefaults.end() ? "" : found->second;
}

bool is_true(const std::string& word) {
  return word == "true" || word == "on" || word == "1" || word == "yes";
}

}  // namespace

model::RangeType range_type_of(PgQuery__CreateRangeStmt& statement, const Source& source) {
  model::RangeType range;
  QualifiedName name = qualified_name(statement.type_name, statement.n_type_name, -1, source);
  range.schema = name.schema;
  range.name = name.name;
  bool has_subtype = false;
  for (std::size_t i = 0; i < statement.n_params; ++i) {
    const Node* node = statement.params[i];
    if (node->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem& option = *node->def_elem;
    std::string key = option.defname;
    if (key == "subtype") {
      if (option.arg == nullptr || option.arg->node_case != PG_QUERY__NODE__NODE_TYPE_NAME) {
        source.fail(option.location, "range subtype must be a type name");
      }
      range.subtype = routine_type(option.arg->type_name, source.default_schema());
      has_subtype = true;
    } else if (key == "subtype_opclass") {
      range.subtype_opclass = object_reference(option_names(option.arg), source);
    } else if (key == "collation") {
      range.collation = collation_reference(option_names(option.arg));
    } else if (key == "canonical") {
      range.canonical_function = support_function(option.arg, source.default_schema());
    } else if (key == "subtype_diff") {
      range.subtype_diff = support_function(option.arg, source.default_schema());
    } else if (key == "multirange_type_name") {
      std::vector<std::string> names = option_names(option.arg);
      if (names.size() == 2 && names[0] != range.schema) {
        source.unsupported(option.location,
                           fmt::format("range type \"{}\": a multirange type in another schema "
                                       "(\"{}\") than the range's is not supported",
                                       range.name, names[0]));
      }
      if (!names.empty()) range.multirange_type_name = names.back();
    } else {
      source.fail(option.location,
                  fmt::format("range type \"{}\": unknown option \"{}\"", range.name, key));
    }
  }
  if (!has_subtype) {
    source.fail(-1, fmt::format("range type \"{}\" must specify a subtype", range.name));
  }
  if (!range.subtype_opclass.empty() &&
      range.subtype_opclass == default_operator_class(range.subtype)) {
    range.subtype_opclass.clear();
  }
  return range;
}

void transform_create_range(PgQuery__CreateRangeStmt& statement, const Source& source,
                            CatalogBuilder& builder) {
  model::RangeType range = range_type_of(statement, source);
  model::Catalog& catalog = builder.catalog();
  if (catalog.has_user_type(range.schema, range.name)) {
    source.fail(-1, fmt::format("type \"{}\".\"{}\" is created twice", range.schema, range.name));
  }
  refuse_type_name_clash(builder, range.schema, range.name, "range type", source, -1);
  std::string multirange = model::multirange_name(range);
  refuse_type_name_clash(builder, range.schema, multirange,
                         ("multirange type of range type \"" + range.name + "\"").c_str(), source,
                         -1);
  builder.use_schema(range.schema, source.position(-1));
  catalog.range_types.push_back(std::move(range));
}

model::Collation collation_of(PgQuery__DefineStmt& statement, const Source& source,
                              const model::Catalog& catalog) {
  model::Collation collation;
  QualifiedName name = qualified_name(statement.defnames, statement.n_defnames, -1, source);
  collation.schema = name.schema;
  collation.name = name.name;
  std::string locale, lc_collate, lc_ctype;
  bool copied = false;
  for (std::size_t i = 0; i < statement.n_definition; ++i) {
    const Node* node = statement.definition[i];
    if (node->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem& option = *node->def_elem;
    std::string key = option.defname;
    if (key == "from") {
      std::vector<std::string> names = option_names(option.arg);
      std::string source_name = names.empty() ? "" : names.back();
      bool builtin = names.size() == 1 || (names.size() == 2 && names[0] == "pg_catalog");
      const model::Collation* existing =
          names.size() == 2 ? catalog.find_collation(names[0], names[1])
                            : catalog.find_collation(source.default_schema(), source_name);
      if (existing != nullptr) {
        collation.provider = existing->provider;
        lc_collate = existing->lc_collate;
        lc_ctype = existing->lc_ctype;
        collation.deterministic = existing->deterministic;
      } else if (builtin &&
                 (source_name == "C" || source_name == "POSIX" || source_name == "ucs_basic")) {
        lc_collate = lc_ctype = source_name == "POSIX" ? "POSIX" : "C";
      } else {
        source.unsupported(
            option.location,
            fmt::format("CREATE COLLATION \"{}\" FROM \"{}\": Flick cannot know what that "
                        "collation holds; write its options instead: (provider = libc | icu, "
                        "locale = '...', deterministic = true | false)",
                        collation.name, source_name));
      }
      copied = true;
    } else if (key == "provider") {
      collation.provider = option_word(option, source);
      if (collation.provider != "libc" && collation.provider != "icu") {
        source.fail(option.location,
                    fmt::format("collation \"{}\": unknown provider \"{}\" (libc or icu)",
                                collation.name, collation.provider));
      }
    } else if (key == "locale") {
      locale = option_word(option, source);
    } else if (key == "lc_collate") {
      lc_collate = option_word(option, source);
    } else if (key == "lc_ctype") {
      lc_ctype = option_word(option, source);
    } else if (key == "deterministic") {
      collation.deterministic = is_true(option_word(option, source));
    } else if (key == "version") {
      // The provider's version when the collation was made: the server's to record, not ours.
    } else {
      source.unsupported(option.location, fmt::format("collation \"{}\": unsupported option \"{}\"",
                                                      collation.name, key));
    }
  }
  if (!locale.empty()) {
    if (lc_collate.empty()) lc_collate = locale;
    if (lc_ctype.empty()) lc_ctype = locale;
  }
  if (!copied && collation.provider == "icu" && lc_collate.empty()) {
    source.fail(-1,
                fmt::format("collation \"{}\": an ICU collation needs a locale", collation.name));
  }
  if (!copied && collation.provider == "libc" && (lc_collate.empty() || lc_ctype.empty())) {
    source.fail(-1, fmt::format("collation \"{}\": a libc collation needs lc_collate and "
                                "lc_ctype (or locale)",
                                collation.name));
  }
  if (collation.provider == "icu") lc_ctype = lc_collate;
  if (!collation.deterministic && collation.provider == "libc") {
    source.fail(-1, fmt::format("collation \"{}\": nondeterministic collations are only "
                                "supported by the icu provider",
                                collation.name));
  }
  collation.lc_collate = lc_collate;
  collation.lc_ctype = lc_ctype;
  return collation;
}

void transform_create_collation(PgQuery__DefineStmt& statement, const Source& source,
                                CatalogBuilder& builder) {
  model::Collation collation = collation_of(statement, source, builder.catalog());
  model::Catalog& catalog = builder.catalog();
  if (catalog.find_collation(collation.schema, collation.name) != nullptr) {
    if (statement.if_not_exists) return;
    source.fail(-1, fmt::format("collation \"{}\".\"{}\" is created twice", collation.schema,
                                collation.name));
  }
  builder.use_schema(collation.schema, source.position(-1));
  catalog.collations.push_back(std::move(collation));
}

model::RangeType read_range_type(std::string_view sql, const std::string& context) {
  sqlparse::ParsedSql parsed = sqlparse::parse_sql(sql, context);
  if (parsed.size() != 1 ||
      parsed.statement(0).stmt->node_case != PG_QUERY__NODE__NODE_CREATE_RANGE_STMT) {
    throw UserError(context + ": not one CREATE TYPE ... AS RANGE statement");
  }
  return range_type_of(*parsed.statement(0).stmt->create_range_stmt, Source(parsed, 0));
}

}  // namespace flick::ddl
