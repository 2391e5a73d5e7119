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
