#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "emit/sql_text.hpp"
#include "emit/writers.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::emit {
namespace {

std::string alter_column(const diff::QualifiedName& table, const std::string& column) {
  return fmt::format("ALTER TABLE {} ALTER COLUMN {}", table_name(table), quoted(column));
}

std::string comment_text(const std::optional<std::string>& comment) {
  return comment ? sqlparse::quote_literal(*comment) : "NULL";
}

std::string implicit_or(const std::string& name, const std::string& table,
                        const std::vector<std::string>& columns, const std::string& suffix) {
  return name.empty() ? sqlparse::implicit_name(table, columns, suffix) : name;
}

}  // namespace

void write(const diff::CreateTable& change, Statements& out) {
  const model::Table& table = *change.table;
  diff::QualifiedName name{table.schema, table.name};
  std::vector<std::string> lines;
  bool composite_key = table.primary_key.has_value();
  // A partition's columns are its parent's; only its own constraints are written.
  if (!table.partition_of) {
    for (const model::Column& column : table.columns) {
      if (column.inherited) continue;  // the parent's, written by INHERITS
      lines.push_back(column_definition(name, column, !composite_key, true));
    }
  }
  for (const model::Column& column : table.columns) {
    // The child's own key on a column it has from a parent (not written above).
    if (column.inherited && column.primary_key && !composite_key) {
      lines.push_back(fmt::format("CONSTRAINT {} PRIMARY KEY({})",
                                  quoted(implicit_or("", table.name, {}, "pkey")),
                                  column_list({column.name})));
    }
  }
  if (composite_key) {
    const model::PrimaryKey& key = *table.primary_key;
    lines.push_back(fmt::format("CONSTRAINT {} PRIMARY KEY({})",
                                quoted(implicit_or(key.name, table.name, {}, "pkey")),
                                column_list(key.columns)));
  }
  // PostgreSQL folds a UNIQUE on the primary key's columns, written in the same CREATE TABLE,
  // into the key (which then takes its name): such a unique is added after the table instead.
  std::vector<std::string> key_columns;
  if (composite_key) {
    key_columns = table.primary_key->columns;
  } else {
    for (const model::Column& column : table.columns) {
      if (column.primary_key) key_columns.push_back(column.name);
    }
  }
  std::vector<const model::UniqueConstraint*> added_after;
  for (const model::UniqueConstraint& unique : table.uniques) {
    if (!key_columns.empty() && !unique.nulls_not_distinct && unique.columns == key_columns) {
      added_after.push_back(&unique);
      continue;
    }
    lines.push_back(fmt::format("CONSTRAINT {} UNIQUE{}({})",
                                quoted(implicit_or(unique.name, table.name, unique.columns, "key")),
                                unique.nulls_not_distinct ? " NULLS NOT DISTINCT" : "",
                                column_list(unique.columns)));
  }
  for (const model::CheckConstraint& check : table.checks) {
    lines.push_back(fmt::format("CONSTRAINT {} CHECK ({})",
                                quoted(implicit_or(check.name, table.name, {}, "check")),
                                check.expression));
  }
  for (const model::ExclusionConstraint& exclusion : table.exclusions) {
    lines.push_back(fmt::format("CONSTRAINT {} {}", quoted(exclusion.name), exclusion.definition));
  }
  std::string body;
  for (const std::string& line : lines) {
    if (!body.empty()) body += ",\n";
    body += "\t" + line;
  }
  std::string partitioned = table.partition_by.empty() ? "" : " PARTITION BY " + table.partition_by;
  if (table.partition_of) {
    diff::QualifiedName parent{table.partition_of->schema, table.partition_of->name};
    out.push_back(fmt::format("CREATE {}TABLE {} PARTITION OF {}{} {}{};\n",
                              table.unlogged ? "UNLOGGED " : "", table_name(name),
                              table_name(parent), body.empty() ? "" : " (\n" + body + "\n)",
                              table.partition_of->bound, partitioned));
  } else {
    std::string inherits;
    for (const model::TableParent& parent : table.inherits) {
      inherits += (inherits.empty() ? " INHERITS (" : ", ") +
                  table_name(diff::QualifiedName{parent.schema, parent.name});
    }
    if (!inherits.empty()) inherits += ")";
    out.push_back(fmt::format(
        "CREATE {}TABLE {} ({}){}{};\n", table.unlogged ? "UNLOGGED " : "", table_name(name),
        body.empty() && !inherits.empty() ? "" : "\n" + body + "\n", inherits, partitioned));
  }
  for (const model::UniqueConstraint* unique : added_after) {
    model::UniqueConstraint named = *unique;
    named.name = implicit_or(unique->name, table.name, unique->columns, "key");
    write(diff::AddUnique{name, named}, out);
  }
  if (table.rls_enabled || !table.policies.empty()) write(diff::EnableRls{name}, out);
}

void write(const diff::DropTable& change, Statements& out) {
  for (const std::string& policy : change.policies)
    write(diff::DropPolicy{change.name, policy}, out);
  out.push_back(fmt::format("DROP TABLE {} CASCADE;", table_name(change.name)));
}
void write(const diff::RenameTable& change, Statements& out) {
  out.push_back(
      fmt::format("ALTER TABLE {} RENAME TO {};", table_name(change.from), quoted(change.to)));
}
void write(const diff::MoveTable& change, Statements& out) {
  out.push_back(fmt::format("ALTER TABLE {} SET SCHEMA {};\n", table_name(change.from),
                            quoted(change.to_schema)));
}

void write(const diff::AddColumn& change, Statements& out) {
  out.push_back(fmt::format("ALTER TABLE {} ADD COLUMN {};", table_name(change.table),
                            column_definition(change.table, change.column, true, false)));
}
void write(const diff::DropColumn& change, Statements& out) {
  out.push_back(fmt::format("ALTER TABLE {} DROP COLUMN {};", table_name(change.table),
                            quoted(change.column)));
}
void write(const diff::RenameColumn& change, Statements& out) {
  out.push_back(fmt::format("ALTER TABLE {} RENAME COLUMN {} TO {};", table_name(change.table),
                            quoted(change.from), quoted(change.to)));
}
void write(const diff::AlterColumnType& change, Statements& out) {
  std::string type = cast_type(change.type, change.type_schema);
  std::string text =
      fmt::format("{} SET DATA TYPE {}", alter_column(change.table, change.column), type);
  if (!change.collation.empty()) text += " COLLATE " + change.collation;
  if (change.needs_using) text += fmt::format(" USING {}::{}", quoted(change.column), type);
  out.push_back(text + ";");
}
void write(const diff::AttachPartition& change, Statements& out) {
  out.push_back(fmt::format("ALTER TABLE {} ATTACH PARTITION {} {};", table_name(change.parent),
                            table_name(change.partition), change.bound));
}
void write(const diff::DetachPartition& change, Statements& out) {
  out.push_back(fmt::format("ALTER TABLE {} DETACH PARTITION {};", table_name(change.parent),
                            table_name(change.partition)));
}
void write(const diff::SetInheritance& change, Statements& out) {
  out.push_back(fmt::format("ALTER TABLE {} {}INHERIT {};", table_name(change.table),
                            change.inherit ? "" : "NO ", table_name(change.parent)));
}
void write(const diff::SetLogged& change, Statements& out) {
  out.push_back(fmt::format("ALTER TABLE {} SET {};", table_name(change.table),
                            change.unlogged ? "UNLOGGED" : "LOGGED"));
}
void write(const diff::SetDefault& change, Statements& out) {
  out.push_back(fmt::format("{} SET DEFAULT {};", alter_column(change.table, change.column),
                            change.expression));
}
void write(const diff::DropDefault& change, Statements& out) {
  out.push_back(fmt::format("{} DROP DEFAULT;", alter_column(change.table, change.column)));
}
void write(const diff::SetNotNull& change, Statements& out) {
  if (change.backfill) {
    out.push_back(fmt::format("UPDATE {} SET {} = {} WHERE {} IS NULL;", table_name(change.table),
                              quoted(change.column), *change.backfill, quoted(change.column)));
  }
  out.push_back(fmt::format("{} SET NOT NULL;", alter_column(change.table, change.column)));
}
void write(const diff::DropNotNull& change, Statements& out) {
  out.push_back(fmt::format("{} DROP NOT NULL;", alter_column(change.table, change.column)));
}
void write(const diff::AddIdentity& change, Statements& out) {
  out.push_back(fmt::format("{} ADD {};", alter_column(change.table, change.column),
                            identity_clause(change.table, change.identity)));
}
void write(const diff::DropIdentity& change, Statements& out) {
  out.push_back(fmt::format("{} DROP IDENTITY;", alter_column(change.table, change.column)));
}
void write(const diff::AlterIdentity& change, Statements& out) {
  std::string prefix = alter_column(change.table, change.column);
  const model::SequenceOptions& from = change.from.options;
  const model::SequenceOptions& to = change.to.options;
  if (change.from.kind != change.to.kind) {
    out.push_back(
        fmt::format("{} SET GENERATED {};", prefix,
                    change.to.kind == model::IdentityKind::kAlways ? "ALWAYS" : "BY DEFAULT"));
  }
  if (from.min_value != to.min_value) {
    out.push_back(fmt::format("{} SET MINVALUE {};", prefix, to.min_value));
  }
  if (from.max_value != to.max_value) {
    out.push_back(fmt::format("{} SET MAXVALUE {};", prefix, to.max_value));
  }
  if (from.increment != to.increment) {
    out.push_back(fmt::format("{} SET INCREMENT BY {};", prefix, to.increment));
  }
  if (from.start_with != to.start_with) {
    out.push_back(fmt::format("{} SET START WITH {};", prefix, to.start_with));
  }
  if (from.cache != to.cache) out.push_back(fmt::format("{} SET CACHE {};", prefix, to.cache));
  if (from.cycle != to.cycle) {
    out.push_back(fmt::format("{} SET {};", prefix, to.cycle ? "CYCLE" : "NO CYCLE"));
  }
}
void write(const diff::DropExpression& change, Statements& out) {
  out.push_back(fmt::format("{} DROP EXPRESSION;", alter_column(change.table, change.column)));
}
void write(const diff::SetColumnComment& change, Statements& out) {
  out.push_back(fmt::format("COMMENT ON COLUMN {}.{} IS {};", table_name(change.table),
                            quoted(change.column), comment_text(change.comment)));
}
void write(const diff::SetTableComment& change, Statements& out) {
  out.push_back(fmt::format("COMMENT ON TABLE {} IS {};", table_name(change.table),
                            comment_text(change.comment)));
}
void write(const diff::SetComment& change, Statements& out) {
  const model::Comment& comment = change.comment;
  std::string object = quoted(comment.schema);
  if (comment.object_kind != "schema") object += "." + quoted(comment.name);
  if (comment.object_kind == "routine") object += "(" + comment.arguments + ")";
  std::string kind = comment.object_kind;
  std::transform(kind.begin(), kind.end(), kind.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  out.push_back(
      fmt::format("COMMENT ON {} {} IS {};", kind, object,
                  comment_text(comment.text.empty() ? std::nullopt
                                                    : std::optional<std::string>(comment.text))));
}

}  // namespace flick::emit
