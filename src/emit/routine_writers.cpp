// Extensions, functions and procedures, triggers. Functions and triggers are written as their
// definition reads (the schema file's own text), so comments and layout inside bodies survive.

#include <fmt/format.h>

#include "emit/sql_text.hpp"
#include "emit/writers.hpp"

namespace flick::emit {

void write(const diff::CreateExtension& change, Statements& out) {
  std::string text = "CREATE EXTENSION IF NOT EXISTS " + quoted(change.extension.name);
  if (!change.extension.schema.empty()) text += " SCHEMA " + quoted(change.extension.schema);
  if (!change.extension.version.empty()) text += " VERSION '" + change.extension.version + "'";
  out.push_back(text + ";");
}
void write(const diff::DropExtension& change, Statements& out) {
  out.push_back(fmt::format("DROP EXTENSION {};", quoted(change.name)));
}
void write(const diff::CreateFunction& change, Statements& out) {
  out.push_back(change.function.definition + ";");
}
void write(const diff::ReplaceFunction& change, Statements& out) {
  out.push_back(change.function.definition + ";");
}
void write(const diff::DropFunction& change, Statements& out) {
  out.push_back(fmt::format("DROP {} {}({});", change.procedure ? "PROCEDURE" : "FUNCTION",
                            qualified_name(change.name), change.arguments));
}
void write(const diff::CreateTrigger& change, Statements& out) {
  out.push_back(change.trigger.definition + ";");
}
void write(const diff::DropTrigger& change, Statements& out) {
  out.push_back(
      fmt::format("DROP TRIGGER {} ON {};", quoted(change.name), table_name(change.table)));
}

}  // namespace flick::emit
