#include "flick/client/error.hpp"

namespace flick::client {

namespace {

std::string describe(const ErrorInfo& info) {
  std::string text = info.message;
  if (!info.sqlstate.empty()) text += " (SQLSTATE " + info.sqlstate + ")";
  if (!info.table.empty()) text += " [table " + info.table + "]";
  if (!info.constraint.empty()) text += " [constraint " + info.constraint + "]";
  if (!info.query.empty()) text += " in: " + info.query;
  return text;
}

}  // namespace

Error::Error(ErrorInfo info) : std::runtime_error(describe(info)), info_(std::move(info)) {}

bool Error::is_connection_lost() const {
  return info_.sqlstate.starts_with("08") || info_.sqlstate == "57P01" ||
         info_.sqlstate == "57P02" || info_.sqlstate == "57P03";
}

void throw_conversion_error(std::string message) {
  ErrorInfo info;
  info.sqlstate = "22000";
  info.severity = "ERROR";
  info.message = std::move(message);
  throw ConversionError(std::move(info));
}

}  // namespace flick::client
