#include "pg/pg.hpp"

namespace flick::pg {

static std::string describe(const ErrorFields& fields) {
  std::string text = fields.message_primary;
  if (!fields.sqlstate.empty()) text += " (SQLSTATE " + fields.sqlstate + ")";
  if (!fields.detail.empty()) text += "\nDETAIL: " + fields.detail;
  if (!fields.hint.empty()) text += "\nHINT: " + fields.hint;
  return text;
}

PgError::PgError(ErrorFields fields)
    : std::runtime_error(describe(fields)), fields_(std::move(fields)) {}

}  // namespace flick::pg

namespace flick::pg {

bool is_environment_sqlstate(std::string_view sqlstate) {
  if (sqlstate.size() != 5) return false;
  std::string_view error_class = sqlstate.substr(0, 2);
  return error_class == "08" || error_class == "28" || error_class == "53" || sqlstate == "3D000" ||
         sqlstate.starts_with("57P0");
}

}  // namespace flick::pg
