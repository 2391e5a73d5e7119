// Session settings in SQL files: `SET` / `RESET` and pg_dump's `SELECT pg_catalog.set_config(...)`.
// Only search_path matters to the model: it is where unqualified names go.

#include <algorithm>
#include <cctype>

#include "ddl/builder.hpp"

namespace flick::ddl {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// "$user" and pg_catalog come first in many search_paths; no such schema is ours.
bool ours(const std::string& schema) {
  return !schema.empty() && schema != "$user" && schema != "pg_catalog";
}

// The schemas of a search_path written as one string: `app, public`, `"App", public`, `''`.
std::vector<std::string> path_entries(const std::string& value) {
  std::vector<std::string> entries;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t end = value.find(',', start);
    if (end == std::string::npos) end = value.size();
    std::string entry = value.substr(start, end - start);
    entry.erase(0, entry.find_first_not_of(" \t"));
    entry.erase(entry.find_last_not_of(" \t") + 1);
    if (entry.size() >= 2 && entry.front() == '"' && entry.back() == '"') {
      entries.push_back(entry.substr(1, entry.size() - 2));
    } else {
      entries.push_back(lower(entry));
    }
    start = end + 1;
  }
  return entries;
}

void follow_entries(const std::vector<std::string>& entries, std::string& schema) {
  for (const std::string& entry : entries) {
    if (!ours(entry)) continue;
    schema = entry;
    return;
  }
  schema = model::kDefaultSchema;  // pg_dump's empty search_path: every name is qualified
}

}  // namespace

bool follow_search_path(const PgQuery__VariableSetStmt& statement, std::string& schema) {
  if (!sqlparse::is_set(statement.name) || lower(statement.name) != "search_path") return false;
  if (statement.kind != PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE) {
    schema = model::kDefaultSchema;  // RESET / SET ... TO DEFAULT
    return true;
  }
  // The parser gives each entry as a string, identifiers already folded: `TO app, "App"`.
  for (std::size_t i = 0; i < statement.n_args; ++i) {
    const Node* arg = statement.args[i];
    std::string entry;
    if (arg->node_case == PG_QUERY__NODE__NODE_A_CONST && arg->a_const->sval != nullptr) {
      entry = arg->a_const->sval->sval;
    } else if (arg->node_case == PG_QUERY__NODE__NODE_STRING) {
      entry = arg->string->sval;
    }
    if (!ours(entry)) continue;
    schema = entry;
    return true;
  }
  return true;
}

bool read_session_setting(Node* statement, const Source& source, std::string& schema) {
  if (statement->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT) {
    follow_search_path(*statement->variable_set_stmt, schema);
    return true;
  }
  if (statement->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) return false;
  const PgQuery__SelectStmt& select = *statement->select_stmt;
  if (select.n_target_list != 1 || select.n_from_clause != 0 || select.where_clause != nullptr) {
    return false;
  }
  const Node* value = select.target_list[0]->res_target->val;
  if (value == nullptr || value->node_case != PG_QUERY__NODE__NODE_FUNC_CALL) return false;
  const PgQuery__FuncCall& call = *value->func_call;
  std::string name = sqlparse::string_value(call.funcname[call.n_funcname - 1]);
  if (name != "set_config" || call.n_args != 3) return false;
  std::string values[2];
  for (int i = 0; i < 2; ++i) {
    const Node* arg = call.args[i];
    if (arg->node_case != PG_QUERY__NODE__NODE_A_CONST || arg->a_const->sval == nullptr) {
      source.unsupported(-1, "unsupported statement SELECT set_config(...) with computed values");
    }
    values[i] = arg->a_const->sval->sval;
  }
  if (lower(values[0]) == "search_path") follow_entries(path_entries(values[1]), schema);
  return true;
}

}  // namespace flick::ddl
