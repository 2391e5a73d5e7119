// CREATE EXTENSION, CREATE FUNCTION / PROCEDURE and CREATE TRIGGER into the model: each object
// keeps the statement as written (what emit runs) and a canonical form it is compared by, built
// so that a schema file and PostgreSQL's own pg_get_functiondef / pg_get_triggerdef text of the
// same object agree.

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "ddl/builder.hpp"
#include "ddl/ddl.hpp"
#include "ddl/table_parts.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::ddl {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string type_text(const PgQuery__TypeName* type, const Source& source) {
  std::string text = routine_type(type, source.default_schema());
  return type->setof ? "SETOF " + text : text;
}

// The text of a DefElem's value: a string, a number, a boolean, or a list of them.
std::string option_value(const Node* value) {
  if (value == nullptr) return "";
  switch (value->node_case) {
    case PG_QUERY__NODE__NODE_STRING:
      return value->string->sval;
    case PG_QUERY__NODE__NODE_INTEGER:
      return std::to_string(value->integer->ival);
    case PG_QUERY__NODE__NODE_FLOAT:
      return value->float_->fval;
    case PG_QUERY__NODE__NODE_BOOLEAN:
      return value->boolean->boolval ? "true" : "false";
    case PG_QUERY__NODE__NODE_LIST: {
      std::string out;
      for (std::size_t i = 0; i < value->list->n_items; ++i) {
        out += (i == 0 ? "" : ", ") + option_value(value->list->items[i]);
      }
      return out;
    }
    default:
      return sqlparse::deparse_query_node(const_cast<Node*>(value));
  }
}

// "1" / "1.0" / "100" -> the number as PostgreSQL stores it (float4 cost and rows).
std::string number(const std::string& text) {
  try {
    double value = std::stod(text);
    if (value == static_cast<double>(static_cast<long long>(value))) {
      return std::to_string(static_cast<long long>(value));
    }
    return fmt::format("{}", value);
  } catch (const std::exception&) {
    return text;
  }
}

// The statement to run for a routine: its text as CREATE OR REPLACE (so that it also replaces an
// older definition), without trailing blanks.
std::string or_replace_definition(const Source& source, bool replace) {
  std::string text = source.statement_text();
  if (!replace) {
    std::size_t after_create = 6;  // "CREATE"
    text = text.substr(0, after_create) + " OR REPLACE" + text.substr(after_create);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  return text;
}

// Adds a function, procedure or aggregate to the catalog; one of the same identity is an error
// unless the statement says OR REPLACE, when it is replaced.
void add_routine(model::Function routine, bool replace, const Source& source,
                 CatalogBuilder& builder) {
  auto& functions = builder.catalog().functions;
  auto existing = std::find_if(functions.begin(), functions.end(), [&](const model::Function& f) {
    return f.schema == routine.schema && f.name == routine.name && f.arguments == routine.arguments;
  });
  if (existing != functions.end()) {
    if (!replace) {
      source.fail(-1, fmt::format("{} {}.{}({}) is created twice", model::routine_kind(routine),
                                  routine.schema, routine.name, routine.arguments));
    }
    *existing = std::move(routine);
    return;
  }
  builder.use_schema(routine.schema, source.position(-1));
  functions.push_back(std::move(routine));
}

}  // namespace

std::string routine_type(const PgQuery__TypeName* type, const std::string& default_schema) {
  // PostgreSQL's pseudo-types, which only routines use.
  static const std::set<std::string> pseudo_types = {"any",
                                                     "anyarray",
                                                     "anycompatible",
                                                     "anycompatiblearray",
                                                     "anycompatiblemultirange",
                                                     "anycompatiblenonarray",
                                                     "anycompatiblerange",
                                                     "anyelement",
                                                     "anyenum",
                                                     "anymultirange",
                                                     "anynonarray",
                                                     "anyrange",
                                                     "cstring",
                                                     "event_trigger",
                                                     "fdw_handler",
                                                     "index_am_handler",
                                                     "internal",
                                                     "language_handler",
                                                     "record",
                                                     "table_am_handler",
                                                     "trigger",
                                                     "tsm_handler",
                                                     "unknown",
                                                     "void"};
  PgQuery__TypeName plain = *type;  // SETOF is the caller's (type_text)
  plain.setof = false;
  sqlparse::TypeName canonical = sqlparse::canonical_type(&plain);
  if (canonical.type_schema.empty() && pseudo_types.count(canonical.type) != 0) {
    return canonical.type;
  }
  if (!canonical.is_user_type && canonical.type_schema.empty()) return canonical.type;
  std::string schema = canonical.type_schema.empty() ? default_schema : canonical.type_schema;
  return schema + "." + canonical.type;
}

model::Function function_of(PgQuery__CreateFunctionStmt& statement, const Source& source) {
  model::Function function;
  QualifiedName name = qualified_name(statement.funcname, statement.n_funcname, -1, source);
  function.schema = name.schema;
  function.name = name.name;
  function.procedure = statement.is_procedure;

  std::string identity;
  std::string parameters;
  std::string table_columns;
  for (std::size_t i = 0; i < statement.n_parameters; ++i) {
    const Node* node = statement.parameters[i];
    if (node->node_case != PG_QUERY__NODE__NODE_FUNCTION_PARAMETER) continue;
    const PgQuery__FunctionParameter& parameter = *node->function_parameter;
    std::string type = type_text(parameter.arg_type, source);
    std::string parameter_name = sqlparse::is_set(parameter.name) ? parameter.name : "";
    const char* mode = "";
    bool in_identity = true;
    switch (parameter.mode) {
      case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT:
        mode = "OUT ";
        in_identity = false;
        break;
      case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_INOUT:
        mode = "INOUT ";
        break;
      case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_VARIADIC:
        mode = "VARIADIC ";
        break;
      case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE:
        table_columns += (table_columns.empty() ? "" : ", ") + parameter_name + " " + type;
        continue;
      default:
        break;
    }
    if (in_identity) {
      identity += (identity.empty() ? "" : ", ") + type;
    }
    std::string text =
        std::string(mode) + (parameter_name.empty() ? "" : parameter_name + " ") + type;
    if (parameter.defexpr != nullptr) {
      text += " DEFAULT " + sqlparse::deparse_default_node(
                                parameter.defexpr, sqlparse::canonical_type(parameter.arg_type));
    }
    parameters += (parameters.empty() ? "" : ", ") + text;
  }
  function.arguments = identity;
  if (!table_columns.empty()) {
    function.returns = "TABLE(" + table_columns + ")";
  } else if (statement.return_type != nullptr) {
    function.returns = type_text(statement.return_type, source);
  }

  // Options, PostgreSQL's defaults left out, in a fixed order.
  std::string body;
  std::string language = "sql";
  std::string volatility, parallel, cost, rows;
  bool strict = false, security_definer = false, leakproof = false, window = false;
  std::vector<std::string> settings;
  std::string support;
  for (std::size_t i = 0; i < statement.n_options; ++i) {
    const Node* node = statement.options[i];
    if (node->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem& option = *node->def_elem;
    std::string key = option.defname;
    if (key == "as") {
      body = option_value(option.arg);
    } else if (key == "language") {
      language = lower(option_value(option.arg));
    } else if (key == "volatility") {
      volatility = lower(option_value(option.arg));
    } else if (key == "strict") {
      strict = option_value(option.arg) == "true";
    } else if (key == "security") {
      security_definer = option_value(option.arg) == "true";
    } else if (key == "leakproof") {
      leakproof = option_value(option.arg) == "true";
    } else if (key == "parallel") {
      parallel = lower(option_value(option.arg));
    } else if (key == "cost") {
      cost = number(option_value(option.arg));
    } else if (key == "rows") {
      rows = number(option_value(option.arg));
    } else if (key == "window") {
      window = option_value(option.arg) == "true";
    } else if (key == "set") {
      settings.push_back(sqlparse::deparse_query_node(option.arg));
    } else if (key == "support") {
      support = option_value(option.arg);
    } else {
      source.unsupported(option.location, "unsupported function option " + key);
    }
  }
  function.language = language;
  bool internal = language == "c" || language == "internal";
  if (cost == (internal ? "1" : "100")) cost.clear();
  if (rows == "1000" && function.returns.rfind("SETOF ", 0) == 0) rows.clear();
  if (volatility == "volatile") volatility.clear();
  if (parallel == "unsafe") parallel.clear();
  std::sort(settings.begin(), settings.end());

  std::string canonical =
      fmt::format("{}({})", function.procedure ? "PROCEDURE" : "FUNCTION", parameters);
  if (!function.returns.empty()) canonical += " RETURNS " + function.returns;
  canonical += " LANGUAGE " + language;
  if (window) canonical += " WINDOW";
  if (!volatility.empty()) canonical += " " + volatility;
  if (strict) canonical += " STRICT";
  if (security_definer) canonical += " SECURITY DEFINER";
  if (leakproof) canonical += " LEAKPROOF";
  if (!parallel.empty()) canonical += " PARALLEL " + parallel;
  if (!cost.empty()) canonical += " COST " + cost;
  if (!rows.empty()) canonical += " ROWS " + rows;
  if (!support.empty()) canonical += " SUPPORT " + support;
  for (const std::string& setting : settings) canonical += " " + setting;
  if (statement.sql_body != nullptr) {
    std::string tokens = sqlparse::canonical_tokens(source.statement_text());
    std::size_t atomic = tokens.rfind("begin atomic");
    canonical += " " + (atomic == std::string::npos ? tokens : tokens.substr(atomic));
  } else if (internal) {
    canonical += " AS " + body;
  } else {
    canonical += " AS " + sqlparse::canonical_tokens(body);
  }
  function.canonical = canonical;

  function.definition = or_replace_definition(source, statement.replace);
  return function;
}

std::string support_function(const Node* value, const std::string& default_schema) {
  if (value == nullptr) return "";
  std::vector<std::string> names;
  if (value->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
    for (std::size_t i = 0; i < value->type_name->n_names; ++i) {
      names.push_back(sqlparse::string_value(value->type_name->names[i]));
    }
  } else {
    names.push_back(option_value(value));
  }
  if (names.size() == 2 && (names[0] == default_schema || names[0] == "pg_catalog")) {
    names.erase(names.begin());
  }
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ".") + name;
  return text;
}

namespace {

// What a CREATE statement of the DefineStmt form creates, as its SQL spells it.
std::string define_kind(PgQuery__ObjectType kind) {
  switch (kind) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_OPERATOR:
      return "CREATE OPERATOR";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
      return "CREATE TYPE (a base type)";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TSPARSER:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TSDICTIONARY:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TSTEMPLATE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TSCONFIGURATION:
      return "CREATE TEXT SEARCH";
    default:
      return "DefineStmt";
  }
}

}  // namespace

model::Function aggregate_of(PgQuery__DefineStmt& statement, const Source& source) {
  model::Function aggregate;
  aggregate.aggregate = true;
  aggregate.language = "";
  QualifiedName name = qualified_name(statement.defnames, statement.n_defnames, -1, source);
  aggregate.schema = name.schema;
  aggregate.name = name.name;
  // New-style argument list: (parameters, number of direct arguments; -1 unless ordered-set).
  if (statement.oldstyle || statement.n_args != 2 ||
      statement.args[1]->node_case != PG_QUERY__NODE__NODE_INTEGER) {
    source.unsupported(-1,
                       "unsupported old-style CREATE AGGREGATE (BASETYPE = ...): write "
                       "CREATE AGGREGATE name (argument types) (...)");
  }
  if (statement.args[1]->integer->ival != -1) {
    source.unsupported(-1, "unsupported ordered-set aggregate (WITHIN GROUP)");
  }
  std::string identity;
  const Node* parameters = statement.args[0];
  if (parameters->node_case == PG_QUERY__NODE__NODE_LIST) {
    for (std::size_t i = 0; i < parameters->list->n_items; ++i) {
      const Node* node = parameters->list->items[i];
      if (node->node_case != PG_QUERY__NODE__NODE_FUNCTION_PARAMETER) continue;
      const PgQuery__FunctionParameter& parameter = *node->function_parameter;
      identity += (identity.empty() ? "" : ", ") +
                  routine_type(parameter.arg_type, source.default_schema());
    }
  }
  aggregate.arguments = identity;

  static const std::set<std::string> function_keys = {"sfunc",      "finalfunc",    "combinefunc",
                                                      "serialfunc", "deserialfunc", "msfunc",
                                                      "minvfunc",   "mfinalfunc"};
  static const std::set<std::string> type_keys = {"stype", "mstype"};
  static const std::set<std::string> other_keys = {
      "sspace",           "finalfunc_extra",   "finalfunc_modify", "initcond", "msspace",
      "mfinalfunc_extra", "mfinalfunc_modify", "minitcond",        "sortop",   "parallel"};
  std::map<std::string, std::string> options;
  for (std::size_t i = 0; i < statement.n_definition; ++i) {
    const Node* node = statement.definition[i];
    if (node->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem& option = *node->def_elem;
    std::string key = lower(option.defname);
    std::string value;
    if (function_keys.count(key) != 0) {
      value = support_function(option.arg, source.default_schema());
    } else if (type_keys.count(key) != 0 && option.arg != nullptr &&
               option.arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
      value = routine_type(option.arg->type_name, source.default_schema());
    } else if (other_keys.count(key) != 0) {
      // A bare word (PARALLEL = SAFE, FINALFUNC_MODIFY = READ_ONLY) parses as a type name.
      value = option.arg == nullptr ? "true"
              : option.arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME
                  ? support_function(option.arg, "")
                  : option_value(option.arg);
      if (key == "parallel" || key.ends_with("_modify")) value = lower(value);
      if (key.ends_with("space")) value = number(value);
    } else {
      source.unsupported(option.location, "unsupported aggregate option " + key);
    }
    options[key] = value;
  }
  if (options.count("sfunc") == 0 || options.count("stype") == 0) {
    source.fail(
        -1, fmt::format("aggregate {}.{} needs SFUNC and STYPE", aggregate.schema, aggregate.name));
  }
  // PostgreSQL's defaults, left out so that both spellings agree.
  auto drop_default = [&](const std::string& key, const std::string& value) {
    auto it = options.find(key);
    if (it != options.end() && it->second == value) options.erase(it);
  };
  drop_default("finalfunc_modify", "read_only");
  drop_default("mfinalfunc_modify", "read_only");
  drop_default("parallel", "unsafe");
  drop_default("sspace", "0");
  drop_default("msspace", "0");

  std::string canonical = "AGGREGATE(" + identity + ")";
  for (const auto& [key, value] : options) canonical += " " + key + "=" + value;
  aggregate.canonical = canonical;
  aggregate.returns = "STYPE " + options.at("stype");
  if (options.count("finalfunc") != 0) aggregate.returns += " FINALFUNC " + options.at("finalfunc");

  aggregate.definition = or_replace_definition(source, statement.replace);
  return aggregate;
}

model::Trigger trigger_of(PgQuery__CreateTrigStmt& statement, const Source& source) {
  model::Trigger trigger;
  trigger.name = statement.trigname;
  trigger.definition = source.statement_text();
  // Canonical: the function's schema spelled out, the trigger's own name and table left out.
  QualifiedName function = qualified_name(statement.funcname, statement.n_funcname, -1, source);
  PgQuery__String schema_string = PG_QUERY__STRING__INIT;
  PgQuery__String name_string = PG_QUERY__STRING__INIT;
  schema_string.sval = function.schema.data();
  name_string.sval = function.name.data();
  PgQuery__Node schema_node = PG_QUERY__NODE__INIT;
  PgQuery__Node name_node = PG_QUERY__NODE__INIT;
  schema_node.node_case = name_node.node_case = PG_QUERY__NODE__NODE_STRING;
  schema_node.string = &schema_string;
  name_node.string = &name_string;
  PgQuery__Node* qualified[] = {&schema_node, &name_node};

  PgQuery__Node** old_funcname = statement.funcname;
  std::size_t old_count = statement.n_funcname;
  char* old_trigname = statement.trigname;
  PgQuery__RangeVar* old_relation = statement.relation;
  PgQuery__RangeVar table = PG_QUERY__RANGE_VAR__INIT;
  std::string placeholder = "t";
  table.relname = placeholder.data();
  table.inh = true;
  table.relpersistence = const_cast<char*>("p");
  std::string no_name = "trigger";
  statement.funcname = qualified;
  statement.n_funcname = 2;
  statement.trigname = no_name.data();
  statement.relation = &table;
  statement.replace = false;
  PgQuery__Node node = PG_QUERY__NODE__INIT;
  node.node_case = PG_QUERY__NODE__NODE_CREATE_TRIG_STMT;
  node.create_trig_stmt = &statement;
  trigger.canonical = sqlparse::deparse_query_node(&node);
  statement.funcname = old_funcname;
  statement.n_funcname = old_count;
  statement.trigname = old_trigname;
  statement.relation = old_relation;
  return trigger;
}

model::Domain domain_of(PgQuery__CreateDomainStmt& statement, const Source& source) {
  model::Domain domain;
  QualifiedName name = qualified_name(statement.domainname, statement.n_domainname, -1, source);
  domain.schema = name.schema;
  domain.name = name.name;
  domain.base_type = routine_type(statement.type_name, source.default_schema());
  sqlparse::TypeName base = sqlparse::canonical_type(statement.type_name);
  if (statement.coll_clause != nullptr) {
    std::string collation;
    for (std::size_t i = 0; i < statement.coll_clause->n_collname; ++i) {
      collation += (i == 0 ? "" : ".") +
                   std::string(sqlparse::string_value(statement.coll_clause->collname[i]));
    }
    domain.collation = collation;
  }
  int unnamed_checks = 0;
  for (std::size_t i = 0; i < statement.n_constraints; ++i) {
    const Node* node = statement.constraints[i];
    if (node->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    PgQuery__Constraint& constraint = *node->constraint;
    switch (constraint.contype) {
      case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
        domain.not_null = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_NULL:
        domain.not_null = false;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
        domain.default_expr = sqlparse::deparse_default_node(constraint.raw_expr, base);
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK: {
        // PostgreSQL names an unnamed domain CHECK "<domain>_check", then _check1, ...
        std::string check_name =
            sqlparse::is_set(constraint.conname)
                ? std::string(constraint.conname)
                : domain.name + "_check" +
                      (unnamed_checks == 0 ? std::string() : std::to_string(unnamed_checks));
        if (!sqlparse::is_set(constraint.conname)) ++unnamed_checks;
        domain.checks.push_back(
            {check_name, sqlparse::deparse_expression_node(constraint.raw_expr)});
        break;
      }
      default:
        source.unsupported(constraint.location, "unsupported constraint in CREATE DOMAIN");
    }
  }
  return domain;
}

void transform_create_domain(PgQuery__CreateDomainStmt& statement, const Source& source,
                             CatalogBuilder& builder) {
  model::Domain domain = domain_of(statement, source);
  model::Catalog& catalog = builder.catalog();
  if (catalog.find_domain(domain.schema, domain.name) != nullptr ||
      catalog.find_enum(domain.schema, domain.name) != nullptr) {
    source.fail(-1, fmt::format("type \"{}\".\"{}\" is created twice", domain.schema, domain.name));
  }
  refuse_type_name_clash(builder, domain.schema, domain.name, "domain", source, -1);
  builder.use_schema(domain.schema, source.position(-1));
  catalog.domains.push_back(std::move(domain));
}

model::CompositeType composite_type_of(PgQuery__CompositeTypeStmt& statement,
                                       const Source& source) {
  model::CompositeType type;
  QualifiedName name = qualified_name(statement.typevar, source);
  type.schema = name.schema;
  type.name = name.name;
  for (std::size_t i = 0; i < statement.n_coldeflist; ++i) {
    const Node* node = statement.coldeflist[i];
    if (node->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF) continue;
    const PgQuery__ColumnDef& definition = *node->column_def;
    model::CompositeAttribute attribute;
    attribute.name = definition.colname;
    attribute.type = routine_type(definition.type_name, source.default_schema());
    attribute.collation = column_collation(definition);
    type.attributes.push_back(std::move(attribute));
  }
  return type;
}

void transform_create_composite_type(PgQuery__CompositeTypeStmt& statement, const Source& source,
                                     CatalogBuilder& builder) {
  model::CompositeType type = composite_type_of(statement, source);
  model::Catalog& catalog = builder.catalog();
  if (catalog.has_user_type(type.schema, type.name)) {
    source.fail(-1, fmt::format("type \"{}\".\"{}\" is created twice", type.schema, type.name));
  }
  refuse_type_name_clash(builder, type.schema, type.name, "composite type", source, -1);
  builder.use_schema(type.schema, source.position(-1));
  catalog.composite_types.push_back(std::move(type));
}

void transform_create_extension(PgQuery__CreateExtensionStmt& statement, const Source& source,
                                CatalogBuilder& builder) {
  model::Extension extension;
  extension.name = statement.extname;
  for (std::size_t i = 0; i < statement.n_options; ++i) {
    const Node* node = statement.options[i];
    if (node->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    std::string key = node->def_elem->defname;
    if (key == "schema") {
      extension.schema = option_value(node->def_elem->arg);
    } else if (key == "new_version") {
      extension.version = option_value(node->def_elem->arg);
    } else if (key != "cascade") {
      source.unsupported(node->def_elem->location, "unsupported CREATE EXTENSION option " + key);
    }
  }
  auto& extensions = builder.catalog().extensions;
  bool exists = std::any_of(extensions.begin(), extensions.end(),
                            [&](const model::Extension& e) { return e.name == extension.name; });
  if (exists) {
    if (statement.if_not_exists) return;
    source.fail(-1, fmt::format("extension \"{}\" is created twice", extension.name));
  }
  extensions.push_back(std::move(extension));
}

void transform_create_function(PgQuery__CreateFunctionStmt& statement, const Source& source,
                               CatalogBuilder& builder) {
  add_routine(function_of(statement, source), statement.replace, source, builder);
}

void transform_create_trigger(PgQuery__CreateTrigStmt& statement, const Source& source,
                              CatalogBuilder& builder) {
  model::Table& table = builder.table(qualified_name(statement.relation, source), -1, source);
  model::Trigger trigger = trigger_of(statement, source);
  auto existing = std::find_if(table.triggers.begin(), table.triggers.end(),
                               [&](const model::Trigger& t) { return t.name == trigger.name; });
  if (existing != table.triggers.end()) {
    if (!statement.replace) {
      source.fail(
          -1, fmt::format("trigger \"{}\" on \"{}\" is created twice", trigger.name, table.name));
    }
    *existing = std::move(trigger);
    return;
  }
  table.triggers.push_back(std::move(trigger));
}

void set_trigger_state(model::Table& table, const PgQuery__AlterTableCmd& command,
                       const Source& source, bool refuse_disable_all) {
  char state = 'O';
  bool every_trigger = false;
  switch (command.subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
      state = 'A';
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
      state = 'R';
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
      state = 'D';
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser:
      every_trigger = true;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
      if (refuse_disable_all) {
        source.unsupported(-1, fmt::format("ALTER TABLE \"{}\" DISABLE TRIGGER ALL also disables "
                                           "the internal triggers of foreign keys, which a schema "
                                           "file does not describe: disable the triggers by name "
                                           "(or DISABLE TRIGGER USER)",
                                           table.name));
      }
      [[fallthrough]];
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser:
      state = 'D';
      every_trigger = true;
      break;
    default:
      return;
  }
  if (every_trigger) {
    for (model::Trigger& trigger : table.triggers) trigger.enabled = state;
    return;
  }
  auto trigger = std::find_if(table.triggers.begin(), table.triggers.end(),
                              [&](const model::Trigger& t) { return t.name == command.name; });
  if (trigger == table.triggers.end()) {
    source.fail(-1, fmt::format("trigger \"{}\" for table \"{}\" does not exist", command.name,
                                table.name));
  }
  trigger->enabled = state;
}

void transform_define(PgQuery__DefineStmt& statement, const Source& source,
                      CatalogBuilder& builder) {
  if (statement.kind == PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION) {
    return transform_create_collation(statement, source, builder);
  }
  if (statement.kind != PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE) {
    source.unsupported(-1, "unsupported statement " + define_kind(statement.kind));
  }
  add_routine(aggregate_of(statement, source), statement.replace, source, builder);
}

model::Function read_aggregate(std::string_view sql, const std::string& context) {
  sqlparse::ParsedSql parsed = sqlparse::parse_sql(sql, context);
  if (parsed.size() != 1 ||
      parsed.statement(0).stmt->node_case != PG_QUERY__NODE__NODE_DEFINE_STMT ||
      parsed.statement(0).stmt->define_stmt->kind != PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE) {
    throw UserError(context + ": not one CREATE AGGREGATE statement");
  }
  return aggregate_of(*parsed.statement(0).stmt->define_stmt, Source(parsed, 0));
}

model::Function read_function(std::string_view sql, const std::string& context) {
  sqlparse::ParsedSql parsed = sqlparse::parse_sql(sql, context);
  if (parsed.size() != 1 ||
      parsed.statement(0).stmt->node_case != PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT) {
    throw UserError(context + ": not one CREATE FUNCTION statement");
  }
  return function_of(*parsed.statement(0).stmt->create_function_stmt, Source(parsed, 0));
}

model::CompositeType read_composite_type(std::string_view sql, const std::string& context) {
  sqlparse::ParsedSql parsed = sqlparse::parse_sql(sql, context);
  if (parsed.size() != 1 ||
      parsed.statement(0).stmt->node_case != PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT) {
    throw UserError(context + ": not one CREATE TYPE ... AS (...) statement");
  }
  return composite_type_of(*parsed.statement(0).stmt->composite_type_stmt, Source(parsed, 0));
}

model::Trigger read_trigger(std::string_view sql, const std::string& context) {
  sqlparse::ParsedSql parsed = sqlparse::parse_sql(sql, context);
  if (parsed.size() != 1 ||
      parsed.statement(0).stmt->node_case != PG_QUERY__NODE__NODE_CREATE_TRIG_STMT) {
    throw UserError(context + ": not one CREATE TRIGGER statement");
  }
  return trigger_of(*parsed.statement(0).stmt->create_trig_stmt, Source(parsed, 0));
}

}  // namespace flick::ddl
