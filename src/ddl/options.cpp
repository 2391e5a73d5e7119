#include "ddl/options.hpp"

#include <fmt/format.h>

#include <optional>

namespace flick::ddl {
namespace {

using sqlparse::is_set;

// Stores the text of a number, string or word option value; false for anything else.
bool value_text(const Node* arg, std::string* text) {
  if (arg == nullptr) return false;
  switch (arg->node_case) {
    case PG_QUERY__NODE__NODE_INTEGER:
      *text = std::to_string(arg->integer->ival);
      return true;
    case PG_QUERY__NODE__NODE_FLOAT:
      *text = arg->float_->fval;
      return true;
    case PG_QUERY__NODE__NODE_STRING:
      *text = arg->string->sval;
      return true;
    case PG_QUERY__NODE__NODE_BOOLEAN:
      *text = arg->boolean->boolval ? "true" : "false";
      return true;
    case PG_QUERY__NODE__NODE_TYPE_NAME:  // a bare word such as `off` or `local`
      if (arg->type_name->n_names != 1 || arg->type_name->n_typmods != 0) return false;
      *text = sqlparse::string_value(arg->type_name->names[0]);
      return true;
    default:
      return false;
  }
}

std::string number(const PgQuery__DefElem& option, const Source& source) {
  std::string text;
  if (option.arg == nullptr) return "";  // NO MINVALUE / NO MAXVALUE: the default
  if (option.arg->node_case != PG_QUERY__NODE__NODE_INTEGER &&
      option.arg->node_case != PG_QUERY__NODE__NODE_FLOAT) {
    source.fail(option.location, fmt::format("sequence option {} needs a number", option.defname));
  }
  value_text(option.arg, &text);
  return text;
}

}  // namespace

SequenceClauses read_sequence_options(Node** items, std::size_t count, bool allow_sequence_name,
                                      const Source& source) {
  SequenceClauses clauses;
  for (std::size_t i = 0; i < count; ++i) {
    const PgQuery__DefElem& option = *items[i]->def_elem;
    std::string name = option.defname;
    if (name == "increment") {
      clauses.options.increment = number(option, source);
    } else if (name == "minvalue") {
      clauses.options.min_value = number(option, source);
    } else if (name == "maxvalue") {
      clauses.options.max_value = number(option, source);
    } else if (name == "start") {
      clauses.options.start_with = number(option, source);
    } else if (name == "cache") {
      clauses.options.cache = number(option, source);
    } else if (name == "cycle") {
      clauses.options.cycle = option.arg != nullptr &&
                              option.arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN &&
                              option.arg->boolean->boolval;
    } else if (name == "as" && option.arg != nullptr &&
               option.arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
      clauses.as_type = sqlparse::canonical_type(option.arg->type_name).type;
      if (clauses.as_type != "smallint" && clauses.as_type != "integer" &&
          clauses.as_type != "bigint") {
        source.fail(option.location, "a sequence type must be smallint, integer or bigint");
      }
    } else if (name == "sequence_name" && allow_sequence_name && option.arg != nullptr &&
               option.arg->node_case == PG_QUERY__NODE__NODE_LIST) {
      const PgQuery__List& names = *option.arg->list;
      clauses.sequence_name = sqlparse::string_value(names.items[names.n_items - 1]);
    } else {
      source.unsupported(option.location, fmt::format("unsupported sequence option {}", name));
    }
  }
  // What PostgreSQL refuses when the migration runs, refused here.
  auto value_of = [](const std::string& text) -> std::optional<long double> {
    if (text.empty()) return std::nullopt;
    try {
      return std::stold(text);
    } catch (const std::exception&) {
      return std::nullopt;
    }
  };
  const model::SequenceOptions& options = clauses.options;
  if (auto increment = value_of(options.increment); increment && *increment == 0) {
    source.fail(-1, "sequence INCREMENT must not be zero");
  }
  auto min = value_of(options.min_value);
  auto max = value_of(options.max_value);
  if (min && max && *min >= *max) {
    source.fail(-1, fmt::format("sequence MINVALUE ({}) must be less than MAXVALUE ({})",
                                options.min_value, options.max_value));
  }
  return clauses;
}

std::map<std::string, std::string> read_storage_parameters(Node** items, std::size_t count,
                                                           const Source& source) {
  std::map<std::string, std::string> parameters;
  for (std::size_t i = 0; i < count; ++i) {
    const PgQuery__DefElem& option = *items[i]->def_elem;
    if (is_set(option.defnamespace)) {
      source.unsupported(option.location, fmt::format("unsupported storage parameter {}.{}",
                                                      option.defnamespace, option.defname));
    }
    std::string value = "true";  // WITH (security_barrier) means true
    if (option.arg != nullptr && !value_text(option.arg, &value)) {
      source.unsupported(option.location,
                         fmt::format("unsupported value for storage parameter {}", option.defname));
    }
    parameters[option.defname] = value;
  }
  return parameters;
}

void merge_sequence_options(model::SequenceOptions& options, Node** items, std::size_t count,
                            const Source& source) {
  for (std::size_t i = 0; i < count; ++i) {
    const PgQuery__DefElem& option = *items[i]->def_elem;
    std::string name = option.defname;
    if (name == "restart" || name == "owned_by") continue;  // no schema change
    SequenceClauses one = read_sequence_options(&items[i], 1, false, source);
    if (name == "increment") options.increment = one.options.increment;
    if (name == "minvalue") options.min_value = one.options.min_value;
    if (name == "maxvalue") options.max_value = one.options.max_value;
    if (name == "start") options.start_with = one.options.start_with;
    if (name == "cache") options.cache = one.options.cache;
    if (name == "cycle") options.cycle = one.options.cycle;
  }
}

}  // namespace flick::ddl
