#include <fmt/format.h>

#include "ddl/builder.hpp"
#include "ddl/ddl.hpp"
#include "files/input_file.hpp"
#include "flick/error.hpp"

namespace flick::ddl {
namespace {

void read_into(std::string_view sql, const std::string& file_name, CatalogBuilder& builder) {
  sqlparse::ParsedSql parsed = sqlparse::parse_sql(sql, file_name);
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    transform_statement(parsed.statement(i).stmt, Source(parsed, i), builder);
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
