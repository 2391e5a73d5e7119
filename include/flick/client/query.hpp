#pragma once

// The header-only query builder behind the generated schema headers (flick codegen):
//
//   db.select(colleges).where(colleges.email_domain == "flick.com").first();   // optional<Row>
//   db.insert(auth).values(AuthInsert{.id = id, .name = n, .email = e}).returning();
//   db.update(auth).set(auth.role, "admin").where(auth.id == id).run();        // rows affected
//   db.delete_from(session).where(session.user_id == id).returning();
//
// Projections, joins, aggregates, subqueries and set operations: flick/client/select.hpp; the
// relational form (rows with the rows their foreign keys relate): flick/client/relational.hpp.
//
// A generated table type provides Row, Insert, sql_name, select_list, columns, insert_values and
// row_values, plus one Column member per column. Comparing a column with a value of the wrong
// type, or using a column of a table that is not in the statement, does not compile.

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "flick/client.hpp"
#include "flick/client/expr.hpp"

namespace flick::client {

// A WHERE condition on table `Table` alone.
template <class Table>
using Condition = Expr<bool, Tables<Table>>;

template <class Table>
using OrderTerm = Ordering<Tables<Table>>;

// One column of `Table` holding T (std::optional<T> for a nullable column); `sql` is its quoted
// name. Compares (==, !=, <, <=, >, >=) with values of its type, placeholders and expressions
// (flick/client/expr.hpp).
template <class Table, class T>
struct Column {
  using value_type = T;
  using base_type = detail::strip_optional_t<T>;
  using column_table = Table;
  static constexpr bool nullable = IsOptional<T>::value;

  std::string_view sql;

  // The column as an expression ("table"."column" in statements over several tables).
  Expr<T, Tables<Table>> expr() const {
    return {detail::column_text(Table::sql_name, sql), {}, true, {}};
  }
  Expr<T, Tables<Table>> as(std::string_view alias) const { return expr().as(alias); }

  // column = ANY($n): one array parameter however many values.
  template <class V>
  Condition<Table> in(const std::vector<V>& values) const {
    static_assert(detail::accepts_value<base_type, V>(),
                  "flick: value type does not match column type");
    Condition<Table> condition{expr().text + " = ANY(" + detail::kPlaceholder + ")", {}, false, {}};
    if constexpr (std::is_same_v<base_type, std::string>) {
      condition.params.add(std::vector<std::string>(values.begin(), values.end()));
    } else {
      condition.params.add(std::vector<base_type>(values.begin(), values.end()));
    }
    return condition;
  }
  // column IN (subquery): the subquery selects one expression of a comparable type. Columns of
  // the enclosing statement's tables may be used inside it (a correlated subquery).
  template <class Query>
  requires requires(const Query& q, std::string& text) { q.subquery_text(text); }
  auto in(const Query& subquery) const {
    using Sub = typename Query::row_type;
    static_assert(std::tuple_size_v<Sub> == 1, "flick: IN (subquery) needs one selected column");
    static_assert(detail::comparable<T, std::tuple_element_t<0, Sub>>(),
                  "flick: value type does not match column type");
    Expr<bool, detail::union_t<Tables<Table>, typename Query::outer_tables>> e;
    e.text = expr().text + " IN ";
    e.params = subquery.subquery_text(e.text);
    e.atomic = false;
    return e;
  }
  template <class V>
  Condition<Table> like(const V& pattern) const {
    static_assert(std::is_same_v<base_type, std::string>, "flick: LIKE needs a text column");
    return detail::compare(*this, " LIKE ", pattern);
  }
  template <class V>
  Condition<Table> ilike(const V& pattern) const {
    static_assert(std::is_same_v<base_type, std::string>, "flick: ILIKE needs a text column");
    return detail::compare(*this, " ILIKE ", pattern);
  }
  Condition<Table> is_null() const { return {expr().text + " IS NULL", {}, false, {}}; }
  Condition<Table> is_not_null() const { return {expr().text + " IS NOT NULL", {}, false, {}}; }

  OrderTerm<Table> asc() const { return {expr().text, {}, false, {}}; }
  OrderTerm<Table> desc() const { return {expr().text, {}, true, {}}; }
};

// EXCLUDED.column in ON CONFLICT ... DO UPDATE SET: the value the insert proposed.
template <class Table, class T>
Expr<T, Tables<Table>> excluded(const Column<Table, T>& column) {
  return {"EXCLUDED." + std::string(column.sql), {}, true, {}};
}

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
  // leaves one unset, in marked form (flick/client/expr.hpp): parameters as placeholder marks,
  // numbered $1.. when the statement is rendered.
  template <std::size_t N>
  std::string render_marked(const std::array<std::string_view, N>& columns) const {
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
          sql += detail::kPlaceholder;
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
  // The column indexes row `r` sets, ascending; its values are the next ones in params().
  const std::vector<int>& row_columns(std::size_t r) const { return rows_[r]; }
  void clear() {
    rows_.clear();
    params_ = Params();
  }

 private:
  std::vector<std::vector<int>> rows_;  // per row: the set column indexes, ascending
  Params params_;
};

namespace detail {

// Every row of `result` read by `read` (a builder's row reader).
template <class RowType>
std::vector<RowType> read_rows(const Result& result, RowType (*read)(const Row&)) {
  std::vector<RowType> rows;
  rows.reserve(static_cast<std::size_t>(result.size()));
  for (Row row : result) rows.push_back(read(row));
  return rows;
}

// SQL text in marked form (flick/client/expr.hpp) with its parameter values, in text order.
struct Marked {
  std::string text;
  Params params;

  template <class E>
  void add_expr(const E& e) {
    text += e.text;
    params.append(e.params);
  }
};

// Renders a marked statement: columns qualified when `qualify` or when it holds a subquery
// (so a correlated reference never binds to the inner table), parameters numbered from $1.
inline std::string render_statement(const Marked& marked, bool qualify,
                                    std::vector<int>* slots = nullptr) {
  std::string out;
  out.reserve(marked.text.size() + 16);
  int next = 1;
  bool any_subquery = marked.text.find(kSubquery) != std::string::npos;
  render_marked(marked.text, qualify || any_subquery, next, out, slots);
  return out;
}

template <class Refs, class Allowed>
constexpr void check_tables() {
  static_assert(is_subset_v<Refs, Allowed>,
                "flick: a column of a table that is not in the query (add the table with from(), "
                "a join, or using())");
}

template <class E>
constexpr void check_condition() {
  static_assert(std::is_same_v<strip_optional_t<typename E::value_type>, bool>,
                "flick: a condition must be a boolean expression");
}

// " WHERE <condition>" when there is one.
inline void append_where_clause(Marked& out, const std::optional<Marked>& where) {
  if (!where) return;
  out.text += " WHERE ";
  out.add_expr(*where);
}
// The ORDER BY clause (already " ORDER BY ..." or empty), then LIMIT and OFFSET.
inline void append_order_limit(Marked& out, const Marked& order, const std::optional<long>& limit,
                               const std::optional<long>& offset) {
  out.add_expr(order);
  if (limit) out.text += " LIMIT " + std::to_string(*limit);
  if (offset) out.text += " OFFSET " + std::to_string(*offset);
}

// WHERE: conditions from several where() calls are combined with AND.
inline void and_where(std::optional<Marked>& where, Marked condition) {
  if (!where) {
    where = std::move(condition);
    return;
  }
  where->text = "(" + where->text + ") AND (" + condition.text + ")";
  where->params.append(condition.params);
}

template <class E>
Marked marked_of(const E& e) {
  return Marked{e.text, e.params};
}

// "a, b, c" with each column qualified by `table` (marked).
template <std::size_t N>
std::string qualified_list(std::string_view table, const std::array<std::string_view, N>& columns,
                           std::string_view prefix = "") {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) out += ", ";
    out += prefix;
    out += column_text(table, columns[i]);
  }
  return out;
}

// Row locking: FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE, then NOWAIT or SKIP LOCKED.
struct Locking {
  std::string strength;  // "" when the rows are not locked
  std::string wait;      // "", " NOWAIT" or " SKIP LOCKED"

  void append_to(std::string& text) const {
    if (strength.empty()) return;
    text += " FOR ";
    text += strength;
    text += wait;
  }
  void set_wait(const char* policy) {
    if (strength.empty()) throw std::logic_error("flick: NOWAIT / SKIP LOCKED need for_update()");
    wait = policy;
  }
};

}  // namespace detail

namespace detail {

// The marked text and parameters of `value` assigned to a column holding T of Table: NULL for
// std::nullopt (nullable columns only), an expression over tables in Allowed, or a value.
template <class Table, class T, class Allowed, class V>
Marked assignment_value(const V& value) {
  using D = std::remove_cvref_t<V>;
  constexpr bool nullable = IsOptional<T>::value;
  if constexpr (std::is_same_v<D, std::nullopt_t>) {
    static_assert(nullable, "flick: column is NOT NULL");
    return Marked{"NULL", {}};
  } else if constexpr (ExprLike<D>) {
    auto e = to_expr(value);
    using E = decltype(e);
    check_tables<typename E::tables, Allowed>();
    static_assert(comparable<T, typename E::value_type>(),
                  "flick: value type does not match column type");
    static_assert(nullable || !IsOptional<typename E::value_type>::value,
                  "flick: column is NOT NULL; the expression may be NULL");
    return Marked{e.text, e.params};
  } else {
    static_assert(accepts_value<strip_optional_t<T>, strip_optional_t<D>>(),
                  "flick: value type does not match column type");
    static_assert(nullable || !IsOptional<D>::value,
                  "flick: column is NOT NULL; pass a value, not an optional");
    Marked m{std::string(1, kPlaceholder), {}};
    m.params.add(value);
    return m;
  }
}

}  // namespace detail

// SELECT <every column of Table> FROM Table: rows read as Table::Row. (Projections and joins:
// Executor::select with expressions, flick/client/select.hpp.)
template <class Table>
class SelectQuery {
 public:
  using Row = typename Table::Row;

  SelectQuery(Executor& db, const Table&) : db_(&db) {}

  // Conditions from several where() calls are combined with AND.
  template <class T, class Refs, bool Aggregate>
  SelectQuery& where(const Expr<T, Refs, Aggregate>& condition) {
    detail::check_tables<Refs, Tables<Table>>();
    detail::check_condition<Expr<T, Refs, Aggregate>>();
    static_assert(!Aggregate, "flick: an aggregate in WHERE (use having())");
    detail::and_where(where_, detail::marked_of(condition));
    return *this;
  }
  template <class T>
  SelectQuery& order_by(const Column<Table, T>& column) {
    return order_by(column.asc());
  }
  template <class Refs>
  SelectQuery& order_by(const Ordering<Refs>& term) {
    detail::check_tables<Refs, Tables<Table>>();
    order_.text += order_.text.empty() ? " ORDER BY " : ", ";
    order_.text += term.marked();
    order_.params.append(term.params);
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
  // Row locks: SELECT ... FOR UPDATE / FOR NO KEY UPDATE / FOR SHARE / FOR KEY SHARE, then
  // optionally skip_locked() (the job-queue pattern) or nowait().
  SelectQuery& for_update() { return lock("UPDATE"); }
  SelectQuery& for_no_key_update() { return lock("NO KEY UPDATE"); }
  SelectQuery& for_share() { return lock("SHARE"); }
  SelectQuery& for_key_share() { return lock("KEY SHARE"); }
  SelectQuery& skip_locked() {
    locking_.set_wait(" SKIP LOCKED");
    return *this;
  }
  SelectQuery& nowait() {
    locking_.set_wait(" NOWAIT");
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
    detail::Marked marked;
    marked.text = "SELECT ";
    marked.text += Table::select_list;
    marked.text += " FROM ";
    marked.text += Table::sql_name;
    detail::append_where_clause(marked, where_);
    detail::append_order_limit(marked, order_, limit_, offset_);
    locking_.append_to(marked.text);
    params.append(marked.params);
    return detail::render_statement(marked, false);
  }

 private:
  SelectQuery& lock(const char* strength) {
    locking_.strength = strength;
    return *this;
  }

  Executor* db_;
  std::optional<detail::Marked> where_;
  detail::Marked order_;
  std::optional<long> limit_;
  std::optional<long> offset_;
  detail::Locking locking_;
};

// INSERT INTO Table ... VALUES (...) | SELECT ..., with ON CONFLICT DO NOTHING / DO UPDATE.
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
  // INSERT INTO Table (columns...) SELECT ...: the query's selected expressions, in order, must
  // suit the columns (same types; NULL only into nullable columns).
  template <class Query, class... Ts>
  InsertQuery& select(const Query& query, const Column<Table, Ts>&... columns) {
    using Selected = typename Query::row_type;
    static_assert(std::tuple_size_v<Selected> == sizeof...(Ts),
                  "flick: INSERT ... SELECT selects one expression per column");
    check_insert_select<Selected, Ts...>(std::index_sequence_for<Ts...>());
    static_assert(std::is_same_v<typename Query::outer_tables, Tables<>>,
                  "flick: a column of a table that is not in the query (add the table with "
                  "from(), a join, or using())");
    select_.emplace();
    select_->text = "(";
    bool first = true;
    ((select_->text += (first ? "" : ", "), select_->text += columns.sql, first = false), ...);
    select_->text += ") ";
    Params params = query.statement_text(select_->text);
    select_->params.append(params);
    return *this;
  }
  // ON CONFLICT DO NOTHING (any unique constraint).
  InsertQuery& on_conflict_do_nothing() {
    conflict_ = detail::Marked{" ON CONFLICT DO NOTHING", {}};
    return *this;
  }
  // ON CONFLICT (columns...): the unique index the conflict is about; then do_nothing() or
  // do_update_set(...) (several times), optionally do_update_where(...).
  template <class... Ts>
  InsertQuery& on_conflict(const Column<Table, Ts>&... columns) {
    std::string target = " ON CONFLICT (";
    bool first = true;
    ((target += (first ? "" : ", "), target += columns.sql, first = false), ...);
    target_ = target + ")";
    return *this;
  }
  // ON CONFLICT ON CONSTRAINT "name".
  InsertQuery& on_conflict_on_constraint(std::string_view constraint) {
    target_ = " ON CONFLICT ON CONSTRAINT " + detail::quote_identifier(constraint);
    return *this;
  }
  InsertQuery& do_nothing() {
    conflict_ = detail::Marked{require_target() + " DO NOTHING", {}};
    return *this;
  }
  // DO UPDATE SET column = value | expression (excluded(column) is the proposed value).
  template <class T, class V>
  InsertQuery& do_update_set(const Column<Table, T>& column, const V& value) {
    if (!conflict_ || conflict_->text.find(" DO UPDATE SET ") == std::string::npos) {
      conflict_ = detail::Marked{require_target() + " DO UPDATE SET ", {}};
    } else {
      conflict_->text += ", ";
    }
    conflict_->text += column.sql;
    conflict_->text += " = ";
    detail::Marked assigned = detail::assignment_value<Table, T, Tables<Table>>(value);
    conflict_->add_expr(assigned);
    return *this;
  }
  template <class T, class Refs, bool Aggregate>
  InsertQuery& do_update_where(const Expr<T, Refs, Aggregate>& condition) {
    detail::check_tables<Refs, Tables<Table>>();
    detail::check_condition<Expr<T, Refs, Aggregate>>();
    if (!conflict_ || conflict_->text.find(" DO UPDATE SET ") == std::string::npos) {
      throw std::logic_error("flick: do_update_where() needs do_update_set() first");
    }
    conflict_->text += " WHERE ";
    conflict_->add_expr(condition);
    return *this;
  }

  // Runs it; returns the rows inserted.
  long run() { return execute(false).affected_rows(); }
  // Runs it with RETURNING *; returns the inserted rows (defaults filled in).
  std::vector<Row> returning() { return execute(true).template as<Row>(); }

  std::string sql(bool with_returning) const {
    Params ignored;
    return sql(with_returning, ignored);
  }
  // The statement text; fills `params` with its parameter values.
  std::string sql(bool with_returning, Params& params) const {
    detail::Marked marked;
    marked.text = "INSERT INTO ";
    marked.text += Table::sql_name;
    marked.text += ' ';
    bool qualify = false;
    if (select_) {
      marked.add_expr(*select_);
      qualify = true;
    } else {
      marked.text += values_.render_marked(Table::columns);
      marked.params.append(values_.params());
    }
    if (conflict_) marked.add_expr(*conflict_);
    if (with_returning) {
      marked.text += " RETURNING ";
      marked.text += Table::select_list;
    }
    params.append(marked.params);
    return detail::render_statement(marked, qualify);
  }

 private:
  template <class Selected, class... Ts, std::size_t... I>
  static constexpr void check_insert_select(std::index_sequence<I...>) {
    static_assert((detail::comparable<std::tuple_element_t<I, Selected>, Ts>() && ...),
                  "flick: value type does not match column type");
    static_assert(
        ((IsOptional<Ts>::value || !IsOptional<std::tuple_element_t<I, Selected>>::value) && ...),
        "flick: column is NOT NULL; the selected expression may be NULL");
  }
  std::string require_target() const {
    if (target_.empty()) throw std::logic_error("flick: on_conflict(columns...) comes first");
    return target_;
  }
  Result execute(bool with_returning) {
    if (values_.row_count() == 0 && !select_) throw std::logic_error("insert without values()");
    Params params;
    std::string text = sql(with_returning, params);
    return db_->execute(text, params);
  }

  Executor* db_;
  InsertValues values_;
  std::optional<detail::Marked> select_;
  std::string target_;
  std::optional<detail::Marked> conflict_;
};

// UPDATE Table SET ... [FROM others] [WHERE ...] [RETURNING ...]. From: the tables its
// expressions may use (Table, plus those from() adds).
template <class Table, class From>
class UpdateQuery {
 public:
  using Row = typename Table::Row;

  UpdateQuery(Executor& db, const Table&) : db_(&db) {}

  // SET column = value | std::nullopt | expression (over Table and the from() tables).
  template <class T, class V>
  UpdateQuery& set(const Column<Table, T>& column, const V& value) {
    assignments_.text += assignments_.text.empty() ? "" : ", ";
    assignments_.text += column.sql;
    assignments_.text += " = ";
    assignments_.add_expr(detail::assignment_value<Table, T, From>(value));
    return *this;
  }
  // UPDATE ... FROM other: other's columns may then be used in set() and where().
  template <class Other>
  UpdateQuery<Table, detail::union_t<From, Tables<Other>>> from(const Other&) const {
    UpdateQuery<Table, detail::union_t<From, Tables<Other>>> next(*db_, Table{});
    next.assignments_ = assignments_;
    next.where_ = where_;
    next.from_ = from_ + (from_.empty() ? " FROM " : ", ") + std::string(Other::sql_name);
    return next;
  }
  template <class T, class Refs, bool Aggregate>
  UpdateQuery& where(const Expr<T, Refs, Aggregate>& condition) {
    detail::check_tables<Refs, From>();
    detail::check_condition<Expr<T, Refs, Aggregate>>();
    detail::and_where(where_, detail::marked_of(condition));
    return *this;
  }

  // Runs it; returns the rows updated.
  long run() { return execute(false).affected_rows(); }
  std::vector<Row> returning() { return execute(true).template as<Row>(); }

  std::string sql(bool with_returning, Params& params) const {
    constexpr bool qualify = detail::TableCount<From>::value > 1;
    detail::Marked marked;
    marked.text = "UPDATE ";
    marked.text += Table::sql_name;
    marked.text += " SET ";
    marked.add_expr(assignments_);
    marked.text += from_;
    detail::append_where_clause(marked, where_);
    if (with_returning) {
      marked.text += " RETURNING ";
      marked.text += qualify ? detail::qualified_list(Table::sql_name, Table::columns)
                             : std::string(Table::select_list);
    }
    params.append(marked.params);
    return detail::render_statement(marked, qualify);
  }

 private:
  template <class, class>
  friend class UpdateQuery;

  Result execute(bool with_returning) {
    if (assignments_.text.empty()) throw std::logic_error("update without set()");
    Params params;
    std::string text = sql(with_returning, params);
    return db_->execute(text, params);
  }

  Executor* db_;
  detail::Marked assignments_;
  std::string from_;
  std::optional<detail::Marked> where_;
};

// DELETE FROM Table [USING others] [WHERE ...] [RETURNING ...].
template <class Table, class From>
class DeleteQuery {
 public:
  using Row = typename Table::Row;

  DeleteQuery(Executor& db, const Table&) : db_(&db) {}

  // DELETE ... USING other: other's columns may then be used in where().
  template <class Other>
  DeleteQuery<Table, detail::union_t<From, Tables<Other>>> using_(const Other&) const {
    DeleteQuery<Table, detail::union_t<From, Tables<Other>>> next(*db_, Table{});
    next.where_ = where_;
    next.using_text_ =
        using_text_ + (using_text_.empty() ? " USING " : ", ") + std::string(Other::sql_name);
    return next;
  }
  template <class T, class Refs, bool Aggregate>
  DeleteQuery& where(const Expr<T, Refs, Aggregate>& condition) {
    detail::check_tables<Refs, From>();
    detail::check_condition<Expr<T, Refs, Aggregate>>();
    detail::and_where(where_, detail::marked_of(condition));
    return *this;
  }
  long run() { return execute(false).affected_rows(); }
  std::vector<Row> returning() { return execute(true).template as<Row>(); }

  std::string sql(bool with_returning, Params& params) const {
    constexpr bool qualify = detail::TableCount<From>::value > 1;
    detail::Marked marked;
    marked.text = "DELETE FROM ";
    marked.text += Table::sql_name;
    marked.text += using_text_;
    detail::append_where_clause(marked, where_);
    if (with_returning) {
      marked.text += " RETURNING ";
      marked.text += qualify ? detail::qualified_list(Table::sql_name, Table::columns)
                             : std::string(Table::select_list);
    }
    params.append(marked.params);
    return detail::render_statement(marked, qualify);
  }

 private:
  template <class, class>
  friend class DeleteQuery;

  Result execute(bool with_returning) {
    Params params;
    std::string text = sql(with_returning, params);
    return db_->execute(text, params);
  }

  Executor* db_;
  std::string using_text_;
  std::optional<detail::Marked> where_;
};

namespace detail {
// A field of a row's record text (ValueTraits of generated Row structs) as the member type T.
// Throws ConversionError for NULL in a member that is not a std::optional.
template <class T>
T read_field(const std::optional<std::string>& text) {
  if constexpr (IsOptional<T>::value) {
    if (!text) return std::nullopt;
    return ValueTraits<typename T::value_type>::read(*text);
  } else {
    if (!text) throw_conversion_error("NULL in a NOT NULL column of a related row");
    return ValueTraits<T>::read(*text);
  }
}
}  // namespace detail

// COPY Table (its writable columns) FROM STDIN of whole rows: the bulk form of
// insert(table).values(rows) (GENERATED and identity ALWAYS columns are left to the server).
// Returns the rows copied. Throws Error as Connection::copy_in does (nothing is loaded then).
template <class Table>
long copy_rows(Connection& connection, const Table&, const std::vector<typename Table::Row>& rows) {
  if (rows.empty()) return 0;
  InsertValues values;
  values.next_row();
  Table::row_values(rows.front(), values);
  const std::vector<int> columns = values.row_columns(0);
  std::string sql = "COPY ";
  sql += Table::sql_name;
  sql += " (";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) sql += ", ";
    sql += Table::columns[static_cast<std::size_t>(columns[i])];
  }
  sql += ") FROM STDIN";
  std::vector<std::optional<std::string_view>> fields(columns.size());
  return connection.copy_in(sql, [&](CopyWriter& writer) {
    for (const typename Table::Row& row : rows) {
      values.clear();
      values.next_row();
      Table::row_values(row, values);
      const Params& params = values.params();
      for (std::size_t i = 0; i < fields.size(); ++i) {
        int offset = params.offsets()[i];
        fields[i] = offset < 0 ? std::nullopt
                               : std::optional<std::string_view>(params.buffer().data() + offset);
      }
      writer.row_texts(fields);
    }
  });
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

#include "flick/client/relational.hpp"
#include "flick/client/select.hpp"
