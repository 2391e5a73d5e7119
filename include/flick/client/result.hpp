#pragma once

// Results of a statement: rows of typed columns, read with ValueTraits.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "flick/client/error.hpp"
#include "flick/client/types.hpp"

namespace flick::client {

class Result;

// One row of a Result; valid while the Result lives.
class Row {
 public:
  Row(const Result& result, int index) : result_(&result), index_(index) {}

  int index() const { return index_; }
  bool is_null(int column) const;
  // The server's text for the column ("" for NULL).
  std::string_view text(int column) const;

  // The column as T. NULL reads as std::nullopt when T is a std::optional, else it throws
  // ConversionError naming the column.
  template <class T>
  T get(int column) const;
  template <class T>
  T get(std::string_view column_name) const;

  // The whole row as T: a struct with a RowTraits specialisation (codegen makes them), a
  // std::tuple read column by column, or a single value type read from column 0.
  template <class T>
  T as() const;

 private:
  [[noreturn]] void null_error(int column) const;
  [[noreturn]] void conversion_error(int column, const std::exception& cause) const;
  int column_index(std::string_view name) const;

  const Result* result_;
  int index_;
};

// Maps a row to a struct. Specialise with `static T read(const Row& row)` (columns by position).
template <class T, class = void>
struct RowTraits;

// The outcome of one successful statement. Move-only; owns the server's result.
class Result {
 public:
  Result();
  ~Result();
  Result(Result&&) noexcept;
  Result& operator=(Result&&) noexcept;

  int size() const;  // rows
  bool empty() const { return size() == 0; }
  int columns() const;
  std::string column_name(int column) const;
  // Index of the named column; -1 when absent.
  int column_index(std::string_view name) const;
  bool is_null(int row, int column) const;
  std::string_view text(int row, int column) const;
  // Rows inserted, updated, deleted or selected, as the command tag reports; 0 for other commands.
  long affected_rows() const;
  std::string command_tag() const;
  const std::string& query() const { return query_; }

  Row operator[](int row) const { return Row(*this, row); }
  Row front() const;  // throws Error (no rows) when empty

  class Iterator {
   public:
    Iterator(const Result* result, int index) : result_(result), index_(index) {}
    Row operator*() const { return Row(*result_, index_); }
    Iterator& operator++() {
      ++index_;
      return *this;
    }
    bool operator==(const Iterator& other) const { return index_ == other.index_; }

   private:
    const Result* result_;
    int index_;
  };
  Iterator begin() const { return Iterator(this, 0); }
  Iterator end() const { return Iterator(this, size()); }

  // Every row as T (see Row::as).
  template <class T>
  std::vector<T> as() const {
    std::vector<T> out;
    int rows = size();
    out.reserve(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) out.push_back(Row(*this, i).as<T>());
    return out;
  }

  // For the implementation: adopts a libpq PGresult* (passed as void* to keep libpq out).
  Result(void* pg_result, std::string_view query);

 private:
  struct Deleter {
    void operator()(void* pg_result) const;
  };
  std::unique_ptr<void, Deleter> raw_;
  std::string query_;
};

template <class T>
struct IsTuple : std::false_type {};
template <class... Ts>
struct IsTuple<std::tuple<Ts...>> : std::true_type {};

template <class T>
T Row::get(int column) const {
  if constexpr (IsOptional<T>::value) {
    if (is_null(column)) return std::nullopt;
  } else {
    if (is_null(column)) null_error(column);
  }
  using Value = typename std::conditional_t<IsOptional<T>::value, T, std::optional<T>>::value_type;
  try {
    return ValueTraits<Value>::read(text(column));
  } catch (const ConversionError& error) {
    conversion_error(column, error);
  } catch (const nlohmann::json::exception& error) {
    conversion_error(column, error);
  }
}

template <class T>
T Row::get(std::string_view column_name) const {
  return get<T>(column_index(column_name));
}

template <class T>
T Row::as() const {
  if constexpr (IsTuple<T>::value) {
    return [this]<std::size_t... I>(std::index_sequence<I...>) {
      return T(get<std::tuple_element_t<I, T>>(static_cast<int>(I))...);
    }
    (std::make_index_sequence<std::tuple_size_v<T>>());
  } else if constexpr (requires { RowTraits<T>::read(*this); }) {
    return RowTraits<T>::read(*this);
  } else {
    return get<T>(0);
  }
}

}  // namespace flick::client
