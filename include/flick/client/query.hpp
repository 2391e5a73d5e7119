#pragma once

// The header-only query builder behind the generated schema headers (flick codegen):
//
//   db.select(colleges).where(colleges.email_domain == "flick.com").first();   // optional<Row>
//   db.insert(auth).values(AuthInsert{.id = id, .name = n, .email = e}).returning();
//   db.update(auth).set(auth.role, "admin").where(auth.id == id).run();        // rows affected
//   db.delete_from(session).where(session.user_id == id).returning();
//
// A generated table type provides Row, Insert, sql_name, select_list, columns, insert_values and
// row_values, plus one Column member per column. Comparing a column with a value of the wrong
// type, or a column of another table, does not compile.

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "flick/client.hpp"

namespace flick::client {

namespace detail {

// Marks a parameter in condition text; numbered $n when the statement is rendered.
inline constexpr char kPlaceholder = '\x01';

// Whether a value of type V may be compared with / stored into a column holding Base.
template <class Base, class V>
constexpr bool accepts_value() {
  using D = std::remove_cvref_t<V>;
  if constexpr (std::is_same_v<Base, bool>) {
    return std::is_same_v<D, bool>;
  } else if constexpr (std::is_integral_v<Base>) {
    return std::is_integral_v<D> && !std::is_same_v<D, bool>;
  } else if constexpr (std::is_floating_point_v<Base>) {
    return std::is_arithmetic_v<D> && !std::is_same_v<D, bool>;
  } else if constexpr (std::is_same_v<Base, std::string>) {
    return std::is_convertible_v<const V&, std::string_view> && !std::is_same_v<D, std::nullptr_t>;
  } else if constexpr (std::is_enum_v<Base>) {
    return std::is_same_v<D, Base>;
  } else {
    return std::is_convertible_v<const V&, Base>;
  }
}

template <class T>
struct StripOptional {
  using type = T;
};
template <class T>
struct StripOptional<std::optional<T>> {
  using type = T;
};

// Replaces each placeholder in `text` with $n, counting from `next`.
inline void render_placeholders(std::string_view text, int& next, std::string& out) {
  for (char c : text) {
    if (c == kPlaceholder) {
      out += '$';
      out += std::to_string(next++);
    } else {
      out += c;
    }
  }
}

}  // namespace detail

// A WHERE condition on table `Table`: SQL text with placeholders and the parameter values.
template <class Table>
struct Condition {
  std::string text;
  Params params;

  friend Condition operator&&(Condition left, const Condition& right) {
    return combine(std::move(left), " AND ", right);
  }
  friend Condition operator||(Condition left, const Condition& right) {
    return combine(std::move(left), " OR ", right);
  }
  friend Condition operator!(const Condition& condition) {
    return Condition{"NOT (" + condition.text + ")", condition.params};
  }

 private:
  static Condition combine(Condition left, const char* op, const Condition& right) {
    left.text = "(" + left.text + ")" + op + "(" + right.text + ")";
    left.params.append(right.params);
    return left;
  }
};

template <class Table>
struct OrderTerm {
  std::string_view column;
  bool descending = false;
};

// One column of `Table` holding T (std::optional<T> for a nullable column); `sql` is its quoted
// name.
template <class Table, class T>
struct Column {
  using value_type = T;
  using base_type = typename detail::StripOptional<T>::type;
  static constexpr bool nullable = IsOptional<T>::value;

  std::string_view sql;

  template <class V>
  Condition<Table> operator==(const V& value) const {
    return compare(" = ", value);
  }
  template <class V>
  Condition<Table> operator!=(const V& value) const {
    return compare(" <> ", value);
  }
  template <class V>
  Condition<Table> operator<(const V& value) const {
    return compare(" < ", value);
  }
  template <class V>
  Condition<Table> operator<=(const V& value) const {
    return compare(" <= ", value);
  }
  template <class V>
  Condition<Table> operator>(const V& value) const {
    return compare(" > ", value);
  }
  template <class V>
  Condition<Table> operator>=(const V& value) const {
    return compare(" >= ", value);
  }
  // column = ANY($n): one array parameter however many values.
  template <class V>
  Condition<Table> in(const std::vector<V>& values) const {
    static_assert(detail::accepts_value<base_type, V>(),
                  "flick: value type does not match column type");
    Condition<Table> condition{std::string(sql) + " = ANY(" + detail::kPlaceholder + ")", {}};
    if constexpr (std::is_same_v<base_type, std::string>) {
      condition.params.add(std::vector<std::string>(values.begin(), values.end()));
    } else {
      condition.params.add(std::vector<base_type>(values.begin(), values.end()));
    }
    return condition;
  }
  template <class V>
  Condition<Table> like(const V& pattern) const {
    static_assert(std::is_same_v<base_type, std::string>, "flick: LIKE needs a text column");
    return compare(" LIKE ", pattern);
  }
  Condition<Table> is_null() const { return {std::string(sql) + " IS NULL", {}}; }
  Condition<Table> is_not_null() const { return {std::string(sql) + " IS NOT NULL", {}}; }

  OrderTerm<Table> asc() const { return {sql, false}; }
  OrderTerm<Table> desc() const { return {sql, true}; }

 private:
  template <class V>
  Condition<Table> compare(const char* op, const V& value) const {
    static_assert(detail::accepts_value<base_type, V>(),
                  "flick: value type does not match column type");
    Condition<Table> condition{std::string(sql) + op + detail::kPlaceholder, {}};
    if constexpr (std::is_same_v<base_type, std::string>) {
      condition.params.add(std::string_view(value));
    } else {
      condition.params.add(base_type(value));
    }
    return condition;
  }
};

// Column values of rows to insert, collected by the generated insert_values / row_values.
class InsertValues {
 public:
  // Sets column `index` (position in Table::columns) of the current row.
  template <class T>
  void set(int index, const T& value) {
    rows_.back().push_back(index);
    params_.add(value);
  }
  // Sets the column when `value` holds one; leaves it to its DEFAULT otherwise.
  template <class T>
  void set_if(int index, const std::optional<T>& value) {
    if (value) set(index, *value);
  }
  void next_row() { rows_.emplace_back(); }

  // "(<columns>) VALUES (...), (...)" over the union of the rows' columns, DEFAULT where a row
  // leaves one unset. Parameters are numbered from $1.
  template <std::size_t N>
  std::string render(const std::array<std::string_view, N>& columns) const {
    std::array<bool, N> used{};
    for (const std::vector<int>& row : rows_) {
      for (int index : row) used[static_cast<std::size_t>(index)] = true;
    }
    std::string sql = "(";
    bool first = true;
    for (std::size_t c = 0; c < N; ++c) {
      if (!used[c]) continue;
      if (!first) sql += ", ";
      sql += columns[c];
      first = false;
    }
    if (first && rows_.size() == 1) return "DEFAULT VALUES";
    if (first) throw std::logic_error("insert of several rows that set no column");
    sql += ") VALUES ";
    int next = 1;
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      if (r > 0) sql += ", ";
      sql += '(';
      std::size_t position = 0;
      bool first_value = true;
      for (std::size_t c = 0; c < N; ++c) {
        if (!used[c]) continue;
        if (!first_value) sql += ", ";
        first_value = false;
        const std::vector<int>& row = rows_[r];
        if (position < row.size() && static_cast<std::size_t>(row[position]) == c) {
          sql += '$' + std::to_string(next++);
          ++position;
        } else {
          sql += "DEFAULT";
        }
      }
      sql += ')';
    }
    return sql;
  }
  const Params& params() const { return params_; }
  std::size_t row_count() const { return rows_.size(); }

 private:
  std::vector<std::vector<int>> rows_;  // per row: the set column indexes, ascending
  Params params_;
};

namespace detail {

template <class Table>
void append_where(const std::optional<Condition<Table>>& where, int& next, std::string& sql,
                  Params& params) {
  if (!where) return;
  sql += " WHERE ";
  render_placeholders(where->text, next, sql);
  params.append(where->params);
}

template <class Table>
void and_where(std::optional<Condition<Table>>& where, Condition<Table> condition) {
  where = where ? std::move(*where) && condition : std::move(condition);
}

}  // namespace detail

template <class Table>
class SelectQuery {
 public:
  using Row = typename Table::Row;

  SelectQuery(Executor& db, const Table&) : db_(&db) {}

  // Conditions from several where() calls are combined with AND.
  SelectQuery& where(Condition<Table> condition) {
    detail::and_where(where_, std::move(condition));
    return *this;
  }
  template <class T>
  SelectQuery& order_by(const Column<Table, T>& column) {
    return order_by(column.asc());
  }
  SelectQuery& order_by(OrderTerm<Table> term) {
    order_.push_back(term);
    return *this;
  }
  SelectQuery& limit(long count) {
    limit_ = count;
    return *this;
  }
  SelectQuery& offset(long count) {
    offset_ = count;
    return *this;
  }
  // SELECT ... FOR UPDATE.
  SelectQuery& for_update() {
    for_update_ = true;
    return *this;
  }

  std::vector<Row> all() {
    Params params;
    std::string text = sql(params);
    return db_->execute(text, params).template as<Row>();
  }
  // The first row (LIMIT 1 unless a limit is set), or std::nullopt.
  std::optional<Row> first() {
    if (!limit_) limit_ = 1;
    Params params;
    std::string text = sql(params);
    Result result = db_->execute(text, params);
    if (result.empty()) return std::nullopt;
    return result[0].template as<Row>();
  }

  // The statement text; fills `params` with its parameter values.
  std::string sql(Params& params) const {
    std::string text = "SELECT ";
    text += Table::select_list;
    text += " FROM ";
    text += Table::sql_name;
    int next = 1;
    detail::append_where(where_, next, text, params);
    for (std::size_t i = 0; i < order_.size(); ++i) {
      text += i == 0 ? " ORDER BY " : ", ";
      text += order_[i].column;
      if (order_[i].descending) text += " DESC";
    }
    if (limit_) text += " LIMIT " + std::to_string(*limit_);
    if (offset_) text += " OFFSET " + std::to_string(*offset_);
    if (for_update_) text += " FOR UPDATE";
    return text;
  }

 private:
  Executor* db_;
  std::optional<Condition<Table>> where_;
  std::vector<OrderTerm<Table>> order_;
  std::optional<long> limit_;
  std::optional<long> offset_;
  bool for_update_ = false;
};

template <class Table>
class InsertQuery {
 public:
  using Row = typename Table::Row;
  using Insert = typename Table::Insert;

  InsertQuery(Executor& db, const Table&) : db_(&db) {}

  // A row to insert: unset optional fields take the column's DEFAULT.
  InsertQuery& values(const Insert& row) {
    values_.next_row();
    Table::insert_values(row, values_);
    return *this;
  }
  InsertQuery& values(const std::vector<Insert>& rows) {
    for (const Insert& row : rows) values(row);
    return *this;
  }
  // A complete row: every column is written, NULLs included.
  InsertQuery& values(const Row& row) {
    values_.next_row();
    Table::row_values(row, values_);
    return *this;
  }
  // ON CONFLICT DO NOTHING (any unique constraint).
  InsertQuery& on_conflict_do_nothing() {
    conflict_ = " ON CONFLICT DO NOTHING";
    return *this;
  }

  // Runs it; returns the rows inserted.
  long run() { return execute(false).affected_rows(); }
  // Runs it with RETURNING *; returns the inserted rows (defaults filled in).
  std::vector<Row> returning() { return execute(true).template as<Row>(); }

  std::string sql(bool with_returning) const {
    std::string text = "INSERT INTO ";
    text += Table::sql_name;
    text += ' ';
    text += values_.render(Table::columns);
    text += conflict_;
    if (with_returning) {
      text += " RETURNING ";
      text += Table::select_list;
    }
    return text;
  }

 private:
  Result execute(bool with_returning) {
    if (values_.row_count() == 0) throw std::logic_error("insert without values()");
    return db_->execute(sql(with_returning), values_.params());
  }

  Executor* db_;
  InsertValues values_;
  std::string conflict_;
};

template <class Table>
class UpdateQuery {
 public:
  using Row = typename Table::Row;

  UpdateQuery(Executor& db, const Table&) : db_(&db) {}

  template <class T, class V>
  UpdateQuery& set(const Column<Table, T>& column, const V& value) {
    using D = std::remove_cvref_t<V>;
    if constexpr (std::is_same_v<D, std::nullopt_t>) {
      static_assert(Column<Table, T>::nullable, "flick: column is NOT NULL");
      assignments_.text += separator() + std::string(column.sql) + " = NULL";
    } else {
      static_assert(detail::accepts_value<typename Column<Table, T>::base_type,
                                          typename detail::StripOptional<D>::type>(),
                    "flick: value type does not match column type");
      static_assert(Column<Table, T>::nullable || !IsOptional<D>::value,
                    "flick: column is NOT NULL; pass a value, not an optional");
      assignments_.text += separator() + std::string(column.sql) + " = " + detail::kPlaceholder;
      assignments_.params.add(value);
    }
    return *this;
  }
  UpdateQuery& where(Condition<Table> condition) {
    detail::and_where(where_, std::move(condition));
    return *this;
  }

  // Runs it; returns the rows updated.
  long run() { return execute(false).affected_rows(); }
  std::vector<Row> returning() { return execute(true).template as<Row>(); }

  std::string sql(bool with_returning, Params& params) const {
    std::string text = "UPDATE ";
    text += Table::sql_name;
    text += " SET ";
    int next = 1;
    detail::render_placeholders(assignments_.text, next, text);
    params.append(assignments_.params);
    detail::append_where(where_, next, text, params);
    if (with_returning) {
      text += " RETURNING ";
      text += Table::select_list;
    }
    return text;
  }

 private:
  std::string separator() const { return assignments_.text.empty() ? "" : ", "; }
  Result execute(bool with_returning) {
    if (assignments_.text.empty()) throw std::logic_error("update without set()");
    Params params;
    std::string text = sql(with_returning, params);
    return db_->execute(text, params);
  }

  Executor* db_;
  Condition<Table> assignments_;
  std::optional<Condition<Table>> where_;
};

template <class Table>
class DeleteQuery {
 public:
  using Row = typename Table::Row;

  DeleteQuery(Executor& db, const Table&) : db_(&db) {}

  DeleteQuery& where(Condition<Table> condition) {
    detail::and_where(where_, std::move(condition));
    return *this;
  }
  long run() { return execute(false).affected_rows(); }
  std::vector<Row> returning() { return execute(true).template as<Row>(); }

  std::string sql(bool with_returning, Params& params) const {
    std::string text = "DELETE FROM ";
    text += Table::sql_name;
    int next = 1;
    detail::append_where(where_, next, text, params);
    if (with_returning) {
      text += " RETURNING ";
      text += Table::select_list;
    }
    return text;
  }

 private:
  Result execute(bool with_returning) {
    Params params;
    std::string text = sql(with_returning, params);
    return db_->execute(text, params);
  }

  Executor* db_;
  std::optional<Condition<Table>> where_;
};

template <class Table>
SelectQuery<Table> Executor::select(const Table& table) {
  return SelectQuery<Table>(*this, table);
}
template <class Table>
InsertQuery<Table> Executor::insert(const Table& table) {
  return InsertQuery<Table>(*this, table);
}
template <class Table>
UpdateQuery<Table> Executor::update(const Table& table) {
  return UpdateQuery<Table>(*this, table);
}
template <class Table>
DeleteQuery<Table> Executor::delete_from(const Table& table) {
  return DeleteQuery<Table>(*this, table);
}

// Enum <-> label conversions over a generated label array, for EnumTraits specialisations.
template <class E, const auto& Labels>
struct EnumLabels {
  static std::string_view to_string(E value) { return Labels[static_cast<std::size_t>(value)]; }
  static std::optional<E> from_string(std::string_view label) {
    for (std::size_t i = 0; i < Labels.size(); ++i) {
      if (Labels[i] == label) return static_cast<E>(i);
    }
    return std::nullopt;
  }
};

}  // namespace flick::client
