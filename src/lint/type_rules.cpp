// Column type rules: int primary keys, varchar(n), timestamp without time zone.

#include <fmt/core.h>

#include <set>

#include "lint/linter.hpp"

namespace flick::lint {
namespace {

bool is_32_bit_or_less(const std::string& type) {
  static const std::set<std::string> types = {
      "int2", "int4", "int", "integer", "smallint", "serial", "serial4", "serial2", "smallserial"};
  return types.count(type) != 0;
}

void lint_type(const PgQuery__TypeName& type, const std::string& where, StatementLint& lint) {
  std::string base = type_base_name(&type);
  if (base == "varchar" && type.n_typmods > 0) {
    long length = 0;
    std::string limit = sqlparse::integer_value(type.typmods[0], &length)
                            ? fmt::format("varchar({})", length)
                            : std::string("varchar(n)");
    lint.report("varchar-length", fmt::format("{} is {}", where, limit));
  } else if (base == "timestamp") {
    lint.report("timestamp-without-time-zone",
                fmt::format("{} is timestamp without time zone", where));
  }
}

}  // namespace

void lint_column_type(const PgQuery__ColumnDef& column, const std::string& table, bool primary_key,
                      StatementLint& lint) {
  if (column.type_name == nullptr) return;
  std::string where = fmt::format("column {}.\"{}\"", table, column.colname);
  lint_type(*column.type_name, where, lint);
  std::string base = type_base_name(column.type_name);
  if (primary_key && is_32_bit_or_less(base)) {
    lint.report("int-primary-key", fmt::format("primary key {} is {}", where, base));
  }
}

void lint_type_change(const PgQuery__TypeName& type, const std::string& column,
                      const std::string& table, StatementLint& lint) {
  lint_type(type, fmt::format("column {}.\"{}\"", table, column), lint);
}

}  // namespace flick::lint
