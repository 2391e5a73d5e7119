// PL/pgSQL bodies (DO blocks, functions) parsed with libpg_query's PL/pgSQL parser, reduced to
// the SQL statements they run.

#include <fmt/format.h>
#include <pg_query.h>

#include <nlohmann/json.hpp>

#include "flick/error.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::sqlparse {
namespace {

using nlohmann::json;

// The contents of a plain string literal ('it''s' -> it's) or a dollar-quoted one ($sql$...$sql$);
// false for anything else.
bool constant_string(const std::string& expression, std::string* value) {
  if (!expression.empty() && expression.front() == '$') {
    std::size_t tag_end = expression.find('$', 1);
    if (tag_end == std::string::npos) return false;
    std::string tag = expression.substr(0, tag_end + 1);
    if (expression.size() < 2 * tag.size() ||
        expression.compare(expression.size() - tag.size(), tag.size(), tag) != 0) {
      return false;
    }
    *value = expression.substr(tag.size(), expression.size() - 2 * tag.size());
    return true;
  }
  if (expression.size() < 2 || expression.front() != '\'' || expression.back() != '\'') {
    return false;
  }
  std::string text;
  for (std::size_t i = 1; i + 1 < expression.size(); ++i) {
    if (expression[i] == '\'') {
      if (expression[i + 1] != '\'' || i + 2 >= expression.size()) return false;
      ++i;
    }
    text += expression[i];
  }
  *value = std::move(text);
  return true;
}

// Handlers that make a failing statement of the block harmless to the history: the object was
// already there, or already gone.
bool guards_block(const json& block) {
  const json* exceptions = nullptr;
  if (block.contains("exceptions")) exceptions = &block["exceptions"];
  if (exceptions == nullptr) return false;
  const json& list = (*exceptions)["PLpgSQL_exception_block"]["exc_list"];
  for (const json& handler : list) {
    for (const json& condition : handler["PLpgSQL_exception"]["conditions"]) {
      std::string name = condition["PLpgSQL_condition"].value("condname", "");
      if (name == "duplicate_object" || name == "duplicate_table" || name == "duplicate_column" ||
          name == "duplicate_schema" || name == "undefined_object" || name == "undefined_table" ||
          name == "undefined_column" || name == "others") {
        return true;
      }
    }
  }
  return false;
}

void collect(const json& statements, bool guarded, std::vector<PlpgsqlStatement>& out);
void collect_one(const json& node, bool guarded, std::vector<PlpgsqlStatement>& out);

// The statements nested anywhere in `node` (a loop's body, CASE branches), each guarded: it may
// run any number of times, or not at all.
void collect_nested(const json& node, std::vector<PlpgsqlStatement>& out) {
  if (node.is_array()) {
    for (const json& item : node) {
      if (item.is_object() && item.size() == 1 &&
          item.begin().key().rfind("PLpgSQL_stmt_", 0) == 0) {
        collect_one(item, true, out);
      } else {
        collect_nested(item, out);
      }
    }
  } else if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (value.is_structured()) collect_nested(value, out);
    }
  }
}

void collect_one(const json& node, bool guarded, std::vector<PlpgsqlStatement>& out) {
  for (const auto& [kind, body] : node.items()) {
    int line = body.value("lineno", 0);
    if (kind == "PLpgSQL_stmt_block") {
      if (body.contains("body")) collect(body["body"], guarded || guards_block(body), out);
    } else if (kind == "PLpgSQL_stmt_execsql") {
      out.push_back({body["sqlstmt"]["PLpgSQL_expr"].value("query", ""), line, guarded, false});
    } else if (kind == "PLpgSQL_stmt_dynexecute") {
      std::string expression = body["query"]["PLpgSQL_expr"].value("query", "");
      std::string text;
      if (constant_string(expression, &text)) {
        out.push_back({text, line, guarded, false});
      } else {
        out.push_back({expression, line, guarded, true});
      }
    } else if (kind == "PLpgSQL_stmt_if") {
      // IF NOT EXISTS (SELECT ... FROM pg_...) THEN CREATE ...: a guarded create.
      if (body.contains("then_body")) collect(body["then_body"], true, out);
      if (body.contains("elsif_list")) {
        for (const json& elsif : body["elsif_list"]) {
          const json& part = elsif["PLpgSQL_if_elsif"];
          if (part.contains("stmts")) collect(part["stmts"], true, out);
        }
      }
      if (body.contains("else_body")) collect(body["else_body"], true, out);
    } else if (kind == "PLpgSQL_stmt_perform" || kind == "PLpgSQL_stmt_assign" ||
               kind == "PLpgSQL_stmt_raise" || kind == "PLpgSQL_stmt_return" ||
               kind == "PLpgSQL_stmt_assert" || kind == "PLpgSQL_stmt_getdiag" ||
               kind == "PLpgSQL_stmt_exit" || kind == "PLpgSQL_stmt_return_next" ||
               kind == "PLpgSQL_stmt_return_query" || kind == "PLpgSQL_stmt_open" ||
               kind == "PLpgSQL_stmt_fetch" || kind == "PLpgSQL_stmt_close" ||
               kind == "PLpgSQL_stmt_commit" || kind == "PLpgSQL_stmt_rollback" ||
               kind == "PLpgSQL_stmt_call") {
      // No schema effect.
    } else {
      // Loops, CASE, ...: their statements may run any number of times, or not at all.
      collect_nested(body, out);
    }
  }
}

void collect(const json& statements, bool guarded, std::vector<PlpgsqlStatement>& out) {
  for (const json& statement : statements) collect_one(statement, guarded, out);
}

}  // namespace

std::vector<PlpgsqlStatement> plpgsql_statements(std::string_view body,
                                                 const std::string& context) {
  // The PL/pgSQL parser reads a CREATE FUNCTION; a tag no body contains quotes this one.
  std::string tag = "$flick_body$";
  for (int i = 0; body.find(tag) != std::string_view::npos; ++i) {
    tag = fmt::format("$flick_body{}$", i);
  }
  std::string function = fmt::format(
      "CREATE FUNCTION flick_block() RETURNS void LANGUAGE plpgsql AS {}{}{}", tag, body, tag);
  PgQueryPlpgsqlParseResult result = pg_query_parse_plpgsql(function.c_str());
  if (result.error != nullptr) {
    std::string message = result.error->message;
    pg_query_free_plpgsql_parse_result(result);
    throw UserError(fmt::format("{}: PL/pgSQL: {}", context, message));
  }
  json functions = json::parse(result.plpgsql_funcs);
  pg_query_free_plpgsql_parse_result(result);
  std::vector<PlpgsqlStatement> statements;
  for (const json& function_node : functions) {
    const json& action = function_node["PLpgSQL_function"]["action"];
    collect_one(action, false, statements);
  }
  return statements;
}

}  // namespace flick::sqlparse
