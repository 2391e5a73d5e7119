#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "ddl/builder.hpp"
#include "ddl/ddl.hpp"
#include "files/input_file.hpp"
#include "flick/error.hpp"

namespace flick::ddl {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// pg_dump (15.14, 16.10, 17.6 and later) brackets its output with psql's `\restrict KEY` and
// `\unrestrict KEY` meta-commands, which are not SQL. Such a line, at the start of a line, is
// blanked with spaces so that positions in the file stay as they are.
std::string without_psql_restrict(std::string_view sql) {
  std::string out(sql);
  std::size_t line = 0;
  while (line < out.size()) {
    std::size_t end = out.find('\n', line);
    if (end == std::string::npos) end = out.size();
    std::string_view text(out.data() + line, end - line);
    if (text.starts_with("\\restrict ") || text.starts_with("\\unrestrict ")) {
      std::fill(out.begin() + static_cast<std::ptrdiff_t>(line),
                out.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    }
    line = end + 1;
  }
  return out;
}

// The schema that search_path's first entry names in `value` ("app, public" -> "app"); "" when
// it names none (pg_dump's empty search_path: every name in the file is qualified).
std::string first_schema(const std::string& value) {
  std::string first = value.substr(0, value.find(','));
  first.erase(0, first.find_first_not_of(" \t"));
  first.erase(first.find_last_not_of(" \t") + 1);
  if (first.size() >= 2 && first.front() == '"' && first.back() == '"') {
    return first.substr(1, first.size() - 2);
  }
  return lower(first);
}

// A session setting in a schema file: `SET name = value` (pg_dump's header) or
// `SELECT pg_catalog.set_config('name', 'value', false)`. Settings change nothing in the schema;
// search_path sets the schema later unqualified names resolve to. False for any other statement.
bool read_session_setting(Node* statement, const Source& source, std::string& default_schema) {
  if (statement->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT) {
    const PgQuery__VariableSetStmt& set = *statement->variable_set_stmt;
    if (!sqlparse::is_set(set.name) || lower(set.name) != "search_path") return true;
    if (set.kind != PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE || set.n_args == 0) {
      default_schema = model::kDefaultSchema;
      return true;
    }
    // The parser gives each entry as a string, identifiers already folded: `TO app, "App"`.
    const Node* first = set.args[0];
    std::string schema;
    if (first->node_case == PG_QUERY__NODE__NODE_A_CONST && first->a_const->sval != nullptr) {
      schema = first->a_const->sval->sval;
    } else if (first->node_case == PG_QUERY__NODE__NODE_STRING) {
      schema = first->string->sval;
    }
    default_schema = schema.empty() ? model::kDefaultSchema : schema;
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
  if (lower(values[0]) == "search_path") {
    std::string schema = first_schema(values[1]);
    default_schema = schema.empty() ? model::kDefaultSchema : schema;
  }
  return true;
}

void read_into(std::string_view sql, const std::string& file_name, CatalogBuilder& builder) {
  sqlparse::ParsedSql parsed = sqlparse::parse_sql(without_psql_restrict(sql), file_name);
  std::string default_schema = model::kDefaultSchema;  // each file starts with the default
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    Source source(parsed, i, default_schema);
    Node* statement = parsed.statement(i).stmt;
    if (read_session_setting(statement, source, default_schema)) continue;
    transform_statement(statement, source, builder);
  }
}

}  // namespace

model::Catalog read_schema_files(const std::vector<std::filesystem::path>& paths) {
  CatalogBuilder builder;
  for (const std::filesystem::path& file : paths) {
    read_into(files::read_input_file(file), file.string(), builder);
  }
  return builder.finish();
}

model::Catalog read_schema_sql(std::string_view sql, const std::string& file_name) {
  CatalogBuilder builder;
  read_into(sql, file_name, builder);
  return builder.finish();
}

}  // namespace flick::ddl
