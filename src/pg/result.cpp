#include <stdexcept>

#include "pg/pg.hpp"
#include "pg/result_data.hpp"

namespace flick::pg {

Result::Result() : data_(std::make_unique<Data>()) {}
Result::~Result() = default;
Result::Result(Result&&) noexcept = default;
Result& Result::operator=(Result&&) noexcept = default;

int Result::rows() const { return data_->rows; }

int Result::columns() const { return static_cast<int>(data_->column_names.size()); }

const std::string& Result::column_name(int column) const {
  return data_->column_names.at(static_cast<std::size_t>(column));
}

int Result::column_index(std::string_view name) const {
  for (int i = 0; i < columns(); ++i) {
    if (data_->column_names[static_cast<std::size_t>(i)] == name) return i;
  }
  throw std::out_of_range("result has no column named " + std::string(name));
}

static std::size_t cell(const Result& result, int row, int column) {
  if (row < 0 || row >= result.rows() || column < 0 || column >= result.columns()) {
    throw std::out_of_range("result cell out of range");
  }
  return static_cast<std::size_t>(row) * static_cast<std::size_t>(result.columns()) +
         static_cast<std::size_t>(column);
}

bool Result::is_null(int row, int column) const { return data_->nulls[cell(*this, row, column)]; }

const std::string& Result::value(int row, int column) const {
  return data_->values[cell(*this, row, column)];
}

std::optional<std::string> Result::get(int row, int column) const {
  std::size_t index = cell(*this, row, column);
  if (data_->nulls[index]) return std::nullopt;
  return data_->values[index];
}

long Result::affected_rows() const { return data_->affected_rows; }

const std::string& Result::command_tag() const { return data_->command_tag; }

}  // namespace flick::pg
