#include <fmt/format.h>

#include <algorithm>

#include "ddl/builder.hpp"
#include "ddl/ddl.hpp"
#include "files/input_file.hpp"
#include "flick/error.hpp"

namespace flick::ddl {
namespace {

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
