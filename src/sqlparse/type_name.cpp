#include <fmt/format.h>

#include <unordered_map>

#include "flick/error.hpp"
#include "sqlparse/parse_tree.hpp"

namespace flick::sqlparse {
namespace {

// Interval field masks (PostgreSQL's INTERVAL_MASK of datetime.h field numbers).
constexpr long kYear = 1 << 2, kMonth = 1 << 1, kDay = 1 << 3, kHour = 1 << 10, kMinute = 1 << 11,
               kSecond = 1 << 12;
constexpr long kIntervalFullRange = 0x7FFF;

std::string interval_fields(long mask) {
  switch (mask) {
    case kYear:
      return "year";
    case kMonth:
      return "month";
    case kDay:
      return "day";
    case kHour:
      return "hour";
    case kMinute:
      return "minute";
    case kSecond:
      return "second";
    case kYear | kMonth:
      return "year to month";
    case kDay | kHour:
      return "day to hour";
    case kDay | kHour | kMinute:
      return "day to minute";
    case kDay | kHour | kMinute | kSecond:
      return "day to second";
    case kHour | kMinute:
      return "hour to minute";
    case kHour | kMinute | kSecond:
      return "hour to second";
    case kMinute | kSecond:
      return "minute to second";
    case kIntervalFullRange:
      return "";
  }
  throw UserError(fmt::format("unsupported interval field mask {}", mask));
}

// The typmods as integers; user-visible text for anything else.
std::vector<std::string> typmod_texts(const PgQuery__TypeName* type_name) {
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < type_name->n_typmods; ++i) {
    long value = 0;
    Node* typmod = type_name->typmods[i];
    if (integer_value(typmod, &value)) {
      texts.push_back(std::to_string(value));
    } else if (typmod->node_case == PG_QUERY__NODE__NODE_A_CONST &&
               typmod->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL) {
      texts.push_back(typmod->a_const->sval->sval);
    } else if (typmod->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
               typmod->column_ref->n_fields == 1 &&
               typmod->column_ref->fields[0]->node_case == PG_QUERY__NODE__NODE_STRING) {
      texts.push_back(string_value(typmod->column_ref->fields[0]));  // geometry(point)
    } else {
      throw UserError("unsupported type modifier " + node_kind(typmod));
    }
  }
  return texts;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : ", ") + part;
  return text;
}

std::string with_optional_modifiers(const std::string& name,
                                    const std::vector<std::string>& typmods) {
  return typmods.empty() ? name : fmt::format("{}({})", name, joined(typmods));
}

// Written without a length, `char` and `bit` get a typmod of 1 from the grammar, marked by a
// location of -1; drizzle spells those plain "char" / "bit".
bool has_implicit_length(const PgQuery__TypeName* type_name) {
  return type_name->n_typmods == 1 &&
         type_name->typmods[0]->node_case == PG_QUERY__NODE__NODE_A_CONST &&
         type_name->typmods[0]->a_const->location < 0;
}

std::string datetime_type(const std::string& base, bool with_zone,
                          const std::vector<std::string>& typmods, bool space_before_precision) {
  std::string text = base;
  if (!typmods.empty())
    text += fmt::format("{}({})", space_before_precision ? " " : "", typmods[0]);
  if (with_zone) text += " with time zone";
  return text;
}

std::string interval_type(const std::vector<std::string>& typmods) {
  std::string text = "interval";
  if (typmods.empty()) return text;
  std::string fields = interval_fields(std::stol(typmods[0]));
  if (!fields.empty()) text += " " + fields;
  if (typmods.size() > 1) text += fmt::format("({})", typmods[1]);
  return text;
}

// The limits PostgreSQL puts on a type's modifiers (numeric precision 1..1000 and scale
// -1000..1000, a character or bit length of 1..10485760), checked where the type is read so a
// migration PostgreSQL would refuse is never written. Throws flick::UserError.
void check_modifiers(const std::string& name, const std::vector<std::string>& typmods) {
  auto integer = [&](std::size_t i) -> long long {
    try {
      return std::stoll(typmods.at(i));
    } catch (const std::exception&) {
      throw UserError(fmt::format("{}: modifier \"{}\" is not an integer", name, typmods.at(i)));
    }
  };
  if (name == "numeric" && !typmods.empty()) {
    long long precision = integer(0);
    if (precision < 1 || precision > 1000) {
      throw UserError(fmt::format("NUMERIC precision {} must be between 1 and 1000", precision));
    }
    if (typmods.size() > 1) {
      long long scale = integer(1);
      if (scale < -1000 || scale > 1000) {
        throw UserError(fmt::format("NUMERIC scale {} must be between -1000 and 1000", scale));
      }
    }
  }
  if ((name == "varchar" || name == "char" || name == "bit" || name == "bit varying") &&
      !typmods.empty()) {
    long long length = integer(0);
    if (length < 1 || length > 10485760) {
      throw UserError(
          fmt::format("length for type {} must be between 1 and 10485760, not {}", name, length));
    }
  }
}

// Drizzle's spelling of a built-in type given by its internal or alias name. Sets *known to
// false (and returns the name as written) when `name` is not a built-in type.
std::string canonical_builtin(const std::string& name, const PgQuery__TypeName* type_name,
                              bool* known, bool* serial) {
  *known = true;
  std::vector<std::string> typmods = typmod_texts(type_name);
  if (name == "numeric" || name == "decimal") check_modifiers("numeric", typmods);
  if (name == "varchar" || name == "bpchar" || name == "bit" || name == "varbit") {
    check_modifiers(name == "bpchar" ? "char" : name == "varbit" ? "bit varying" : name, typmods);
  }
  if (name == "int4" || name == "int" || name == "integer") return "integer";
  if (name == "int2" || name == "smallint") return "smallint";
  if (name == "int8" || name == "bigint") return "bigint";
  if (name == "float4" || name == "real") return "real";
  if (name == "float8") return "double precision";
  if (name == "bool" || name == "boolean") return "boolean";
  if (name == "varchar") return with_optional_modifiers("varchar", typmods);
  if (name == "bpchar") {
    return has_implicit_length(type_name) ? "char" : with_optional_modifiers("char", typmods);
  }
  if (name == "bit") {
    return has_implicit_length(type_name) ? "bit" : with_optional_modifiers("bit", typmods);
  }
  if (name == "varbit") return with_optional_modifiers("bit varying", typmods);
  if (name == "numeric" || name == "decimal") return with_optional_modifiers("numeric", typmods);
  if (name == "timestamp") return datetime_type("timestamp", false, typmods, true);
  if (name == "timestamptz") return datetime_type("timestamp", true, typmods, true);
  if (name == "time") return datetime_type("time", false, typmods, false);
  if (name == "timetz") return datetime_type("time", true, typmods, false);
  if (name == "interval") return interval_type(typmods);
  if (name == "serial" || name == "serial4" || name == "bigserial" || name == "serial8" ||
      name == "smallserial" || name == "serial2") {
    *serial = true;
    if (name == "serial" || name == "serial4") return "serial";
    if (name == "bigserial" || name == "serial8") return "bigserial";
    return "smallserial";
  }
  static const char* const kPlainBuiltins[] = {
      "text",          "uuid",         "json",           "jsonb",
      "inet",          "cidr",         "macaddr",        "macaddr8",
      "bytea",         "point",        "line",           "lseg",
      "box",           "path",         "polygon",        "circle",
      "money",         "date",         "tsvector",       "tsquery",
      "xml",           "oid",          "name",           "jsonpath",
      "int4range",     "int8range",    "numrange",       "tsrange",
      "tstzrange",     "daterange",    "int4multirange", "int8multirange",
      "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange",
      "pg_lsn",        "pg_snapshot",  "txid_snapshot",  "regclass",
      "regtype",       "regproc",      "regprocedure",   "regoper",
      "regoperator",   "regrole",      "regnamespace",   "regconfig",
      "regdictionary", "char",
  };
  for (const char* builtin : kPlainBuiltins) {
    if (name == builtin) {
      // The internal one-byte type must stay quoted: unquoted `char` means char(1).
      return with_optional_modifiers(name == "char" ? "\"char\"" : name, typmods);
    }
  }
  *known = false;
  return with_optional_modifiers(name, typmods);
}

std::string array_suffix(const PgQuery__TypeName* type_name) {
  std::string suffix;
  for (std::size_t i = 0; i < type_name->n_array_bounds; ++i) {
    long bound = -1;
    integer_value(type_name->array_bounds[i], &bound);
    suffix += bound < 0 ? "[]" : fmt::format("[{}]", bound);
  }
  return suffix;
}

}  // namespace

TypeName canonical_type(const PgQuery__TypeName* type_name) {
  if (type_name->setof || type_name->pct_type) {
    throw UserError("SETOF and %TYPE are not supported in a column type");
  }
  std::vector<std::string> names;
  for (std::size_t i = 0; i < type_name->n_names; ++i) {
    names.emplace_back(string_value(type_name->names[i]));
  }
  if (names.empty() || names.size() > 2) {
    std::string written;
    for (const std::string& name : names) written += (written.empty() ? "" : ".") + name;
    throw UserError(fmt::format("unsupported type name `{}`", written));
  }
  TypeName result;
  bool known = false;
  if (names.size() == 2 && names[0] != "pg_catalog") {
    result.type = with_optional_modifiers(names[1], typmod_texts(type_name));
    result.type_schema = names[0];
    result.is_user_type = true;
  } else {
    result.type = canonical_builtin(names.back(), type_name, &known, &result.is_serial);
    // Anything pg_catalog-qualified is built in, even when not listed above.
    result.is_user_type = !known && names.size() == 1;
  }
  result.type += array_suffix(type_name);
  return result;
}

TypeName canonical_type(std::string_view type_text) {
  thread_local std::unordered_map<std::string, TypeName> cache;
  std::string key(type_text);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  std::string statement = "CREATE TABLE t (c " + key + ")";
  SyntaxError error;
  std::unique_ptr<ParsedSql> parsed = try_parse_sql(statement, "type", &error);
  const PgQuery__CreateStmt* create = nullptr;
  if (parsed != nullptr && parsed->size() == 1 &&
      parsed->statement(0).stmt->node_case == PG_QUERY__NODE__NODE_CREATE_STMT) {
    create = parsed->statement(0).stmt->create_stmt;
  }
  if (create == nullptr || create->n_table_elts != 1 ||
      create->table_elts[0]->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF ||
      create->table_elts[0]->column_def->n_constraints != 0) {
    throw UserError(fmt::format("invalid type name `{}`{}", type_text,
                                parsed == nullptr ? ": " + error.message : ""));
  }
  TypeName type = canonical_type(create->table_elts[0]->column_def->type_name);
  return cache.emplace(std::move(key), std::move(type)).first->second;
}

}  // namespace flick::sqlparse
