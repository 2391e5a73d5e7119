#include "flick/client/result.hpp"

#include <fmt/core.h>
#include <libpq-fe.h>

#include <cstdlib>

namespace flick::client {

namespace {
const PGresult* pg(const void* raw) { return static_cast<const PGresult*>(raw); }
}  // namespace

void Result::Deleter::operator()(void* pg_result) const {
  PQclear(static_cast<PGresult*>(pg_result));
}

Result::Result() = default;
Result::~Result() = default;
Result::Result(Result&&) noexcept = default;
Result& Result::operator=(Result&&) noexcept = default;

Result::Result(void* pg_result, std::string_view query) : raw_(pg_result), query_(query) {}

int Result::size() const { return raw_ ? PQntuples(pg(raw_.get())) : 0; }
int Result::columns() const { return raw_ ? PQnfields(pg(raw_.get())) : 0; }
std::string Result::column_name(int column) const { return PQfname(pg(raw_.get()), column); }

int Result::column_index(std::string_view name) const {
  int count = columns();
  for (int c = 0; c < count; ++c) {
    if (name == PQfname(pg(raw_.get()), c)) return c;
  }
  return -1;
}

bool Result::is_null(int row, int column) const {
  return PQgetisnull(pg(raw_.get()), row, column) != 0;
}

std::string_view Result::text(int row, int column) const {
  const PGresult* result = pg(raw_.get());
  return std::string_view(PQgetvalue(result, row, column),
                          static_cast<std::size_t>(PQgetlength(result, row, column)));
}

long Result::affected_rows() const {
  if (!raw_) return 0;
  const char* tuples = PQcmdTuples(const_cast<PGresult*>(pg(raw_.get())));
  return tuples != nullptr && *tuples != '\0' ? std::atol(tuples) : 0;
}

std::string Result::command_tag() const {
  if (!raw_) return "";
  const char* tag = PQcmdStatus(const_cast<PGresult*>(pg(raw_.get())));
  return tag == nullptr ? "" : tag;
}

Row Result::front() const {
  if (empty()) {
    ErrorInfo info;
    info.sqlstate = "P0002";  // no_data_found
    info.severity = "ERROR";
    info.message = "the statement returned no rows";
    info.query = query_;
    throw Error(std::move(info));
  }
  return Row(*this, 0);
}

bool Row::is_null(int column) const { return result_->is_null(index_, column); }
std::string_view Row::text(int column) const { return result_->text(index_, column); }

int Row::column_index(std::string_view name) const {
  int index = result_->column_index(name);
  if (index < 0) throw_conversion_error(fmt::format("the result has no column \"{}\"", name));
  return index;
}

void Row::null_error(int column) const {
  throw_conversion_error(
      fmt::format("column \"{}\" is NULL; read it as std::optional", result_->column_name(column)));
}

void Row::conversion_error(int column, const std::exception& cause) const {
  std::string reason = cause.what();
  if (const auto* error = dynamic_cast<const ConversionError*>(&cause)) {
    reason = error->info().message;
  } else {
    reason = "malformed json";
  }
  ErrorInfo info;
  info.sqlstate = "22000";
  info.severity = "ERROR";
  info.message = fmt::format("column \"{}\": {}", result_->column_name(column), reason);
  info.column = result_->column_name(column);
  info.query = result_->query();
  throw ConversionError(std::move(info));
}

}  // namespace flick::client
