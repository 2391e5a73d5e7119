#include <fmt/format.h>

#include "emit/sql_text.hpp"
#include "emit/writers.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::emit {
namespace {

using sqlparse::quote_literal;

std::string sequence_options(const model::SequenceOptions& options) {
  std::string text;
  if (!options.increment.empty()) text += " INCREMENT BY " + options.increment;
  if (!options.min_value.empty()) text += " MINVALUE " + options.min_value;
  if (!options.max_value.empty()) text += " MAXVALUE " + options.max_value;
  if (!options.start_with.empty()) text += " START WITH " + options.start_with;
  if (!options.cache.empty()) text += " CACHE " + options.cache;
  if (options.cycle) text += " CYCLE";
  return text;
}

std::string create_enum(const model::Enum& enum_type) {
  std::string values;
  for (const std::string& value : enum_type.values) {
    if (!values.empty()) values += ", ";
    values += quote_literal(value);
  }
  return fmt::format("CREATE TYPE {} AS ENUM({});",
                     qualified_name({enum_type.schema, enum_type.name}), values);
}

const char* materialized(bool is_materialized) { return is_materialized ? " MATERIALIZED" : ""; }

std::string role_list(const std::vector<std::string>& roles) {
  std::string text;
  for (const std::string& role : roles) {
    if (!text.empty()) text += ", ";
    bool keyword = role == "public" || role == "current_user" || role == "current_role" ||
                   role == "session_user";
    text += keyword ? role : quoted(role);
  }
  return text;
}

}  // namespace

void write(const diff::CreateSchema& change, Statements& out) {
  out.push_back(fmt::format("CREATE SCHEMA {};\n", quoted(change.name)));
}
void write(const diff::RenameSchema& change, Statements& out) {
  out.push_back(
      fmt::format("ALTER SCHEMA {} RENAME TO {};\n", quoted(change.from), quoted(change.to)));
}
void write(const diff::DropSchema& change, Statements& out) {
  out.push_back(fmt::format("DROP SCHEMA {};\n", quoted(change.name)));
}

void write(const diff::CreateEnum& change, Statements& out) {
  out.push_back(create_enum(change.enum_type));
}
void write(const diff::DropEnum& change, Statements& out) {
  out.push_back(fmt::format("DROP TYPE {};", qualified_name(change.name)));
}
void write(const diff::RenameEnum& change, Statements& out) {
  out.push_back(
      fmt::format("ALTER TYPE {} RENAME TO {};", qualified_name(change.from), quoted(change.to)));
}
void write(const diff::MoveEnum& change, Statements& out) {
  out.push_back(fmt::format("ALTER TYPE {} SET SCHEMA {};", qualified_name(change.from),
                            quoted(change.to_schema)));
}
void write(const diff::AddEnumValue& change, Statements& out) {
  std::string position;
  if (change.before) position = " BEFORE " + quote_literal(*change.before);
  if (change.after) position = " AFTER " + quote_literal(*change.after);
  out.push_back(fmt::format("ALTER TYPE {} ADD VALUE {}{};", qualified_name(change.enum_name),
                            quote_literal(change.value), position));
}
void write(const diff::RenameEnumValue& change, Statements& out) {
  out.push_back(fmt::format("ALTER TYPE {} RENAME VALUE {} TO {};",
                            qualified_name(change.enum_name), quote_literal(change.from),
                            quote_literal(change.to)));
}
void write(const diff::RebuildEnum& change, Statements& out) {
  const model::Enum& enum_type = change.enum_type;
  diff::QualifiedName name{enum_type.schema, enum_type.name};
  std::string type = qualified_name(name);
  out.push_back(fmt::format("ALTER TYPE {} RENAME TO {};", type, quoted(change.aside_name)));
  out.push_back(create_enum(enum_type));
  for (const diff::EnumDependent& dependent : change.dependents) {
    std::string table = table_name(dependent.table);
    std::string column = quoted(dependent.column);
    if (dependent.old_default) {
      out.push_back(fmt::format("ALTER TABLE {} ALTER COLUMN {} DROP DEFAULT;", table, column));
    }
    std::string array = dependent.is_array ? "[]" : "";
    out.push_back(
        fmt::format("ALTER TABLE {} ALTER COLUMN {} SET DATA TYPE {}{} USING {}::text{}::{}{};",
                    table, column, type, array, column, array, type, array));
    if (dependent.new_default) {
      out.push_back(fmt::format("ALTER TABLE {} ALTER COLUMN {} SET DEFAULT {};", table, column,
                                *dependent.new_default));
    }
  }
  out.push_back(
      fmt::format("DROP TYPE {};", qualified_name({enum_type.schema, change.aside_name})));
}

void write(const diff::CreateSequence& change, Statements& out) {
  const model::Sequence& sequence = change.sequence;
  out.push_back(fmt::format("CREATE SEQUENCE {}{};",
                            qualified_name({sequence.schema, sequence.name}),
                            sequence_options(sequence.options)));
}
void write(const diff::AlterSequence& change, Statements& out) {
  const model::Sequence& sequence = change.sequence;
  std::string options = sequence_options(sequence.options);
  if (change.cycle_was_on && !sequence.options.cycle) options += " NO CYCLE";
  out.push_back(fmt::format("ALTER SEQUENCE {}{};",
                            qualified_name({sequence.schema, sequence.name}), options));
}
void write(const diff::DropSequence& change, Statements& out) {
  out.push_back(fmt::format("DROP SEQUENCE {};", qualified_name(change.name)));
}
void write(const diff::RenameSequence& change, Statements& out) {
  out.push_back(fmt::format("ALTER SEQUENCE {} RENAME TO {};", qualified_name(change.from),
                            quoted(change.to)));
}
void write(const diff::MoveSequence& change, Statements& out) {
  out.push_back(fmt::format("ALTER SEQUENCE {} SET SCHEMA {};", qualified_name(change.from),
                            quoted(change.to_schema)));
}

void write(const diff::CreateView& change, Statements& out) {
  const model::View& view = change.view;
  std::string text = fmt::format("CREATE{} VIEW {}", materialized(view.materialized),
                                 qualified_name({view.schema, view.name}));
  if (!view.with.empty()) {
    std::string options;
    for (const auto& [key, value] : view.with) {
      if (!options.empty()) options += ", ";
      options += key + " = " + value;
    }
    text += " WITH (" + options + ")";
  }
  text += " AS (" + view.definition + ")";
  if (view.materialized && view.with_no_data) text += " WITH NO DATA";
  out.push_back(text + ";");
}
void write(const diff::DropView& change, Statements& out) {
  out.push_back(fmt::format("DROP{} VIEW {};", materialized(change.materialized),
                            qualified_name(change.name)));
}
void write(const diff::RenameView& change, Statements& out) {
  out.push_back(fmt::format("ALTER{} VIEW {} RENAME TO {};", materialized(change.materialized),
                            qualified_name(change.from), quoted(change.to)));
}
void write(const diff::MoveView& change, Statements& out) {
  out.push_back(fmt::format("ALTER{} VIEW {} SET SCHEMA {};", materialized(change.materialized),
                            qualified_name(change.from), quoted(change.to_schema)));
}

void write(const diff::EnableRls& change, Statements& out) {
  out.push_back(fmt::format("ALTER TABLE {} ENABLE ROW LEVEL SECURITY;", table_name(change.table)));
}
void write(const diff::DisableRls& change, Statements& out) {
  out.push_back(
      fmt::format("ALTER TABLE {} DISABLE ROW LEVEL SECURITY;", table_name(change.table)));
}
void write(const diff::CreatePolicy& change, Statements& out) {
  const model::Policy& policy = change.policy;
  std::string text =
      fmt::format("CREATE POLICY {} ON {} AS {} FOR {} TO {}", quoted(policy.name),
                  table_name(change.table), policy.as, policy.for_command, role_list(policy.to));
  if (policy.using_expr) text += " USING (" + *policy.using_expr + ")";
  if (policy.with_check) text += " WITH CHECK (" + *policy.with_check + ")";
  out.push_back(text + ";");
}
void write(const diff::DropPolicy& change, Statements& out) {
  out.push_back(
      fmt::format("DROP POLICY {} ON {} CASCADE;", quoted(change.name), table_name(change.table)));
}
void write(const diff::RenamePolicy& change, Statements& out) {
  out.push_back(fmt::format("ALTER POLICY {} ON {} RENAME TO {};", quoted(change.from),
                            table_name(change.table), quoted(change.to)));
}

void write(const diff::AlterPolicy& change, Statements& out) {
  const model::Policy& policy = change.policy;
  std::string text = fmt::format("ALTER POLICY {} ON {} TO {}", quoted(policy.name),
                                 table_name(change.table), role_list(policy.to));
  if (policy.using_expr) text += " USING (" + *policy.using_expr + ")";
  if (policy.with_check) text += " WITH CHECK (" + *policy.with_check + ")";
  out.push_back(text + ";");
}

}  // namespace flick::emit
