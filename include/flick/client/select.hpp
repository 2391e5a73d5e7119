#pragma once

// Projections: SELECT expressions FROM tables with joins, WHERE, GROUP BY, HAVING, ORDER BY,
// LIMIT / OFFSET, DISTINCT [ON], row locking, keyset pagination, subqueries, set operations and
// prepared statements. Rows read as std::tuple of the selected expressions' types:
//
//   auto feed = db.select(posts.id, posts.title, platform_user.username, count(comments.id))
//                   .from(posts)
//                   .join(platform_user, posts.posted_by == platform_user.id)
//                   .left_join(comments, comments.post_id == posts.id)
//                   .group_by(posts.id, platform_user.username)
//                   .order_by(posts.created_at.desc())
//                   .limit(50)
//                   .all();   // std::vector<std::tuple<Uuid, std::string, std::string, int64_t>>
//
// A whole table in the list reads as its Row struct. Columns of a table on the NULL-extended
// side of an outer join (left_join's table, right_join's left side, both for full_join) read
// as std::optional (a whole row as std::optional<Row>); aggregates such as count are not
// NULL-extended. Every table an expression uses must be in from() or a join: otherwise the
// statement does not compile. Inside a subquery, columns of the enclosing statement's tables may
// be used (a correlated subquery); the enclosing statement checks them.
//
// Builder calls that add tables or expressions return a new builder type (use the result:
// `auto q = db.select(...).from(t); auto q2 = std::move(q).where(...);`).

#include <array>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include "flick/client.hpp"
#include "flick/client/expr.hpp"

namespace flick::client {

// A whole table in a projection: its columns, read as Table::Row.
template <class Table>
struct TableItem {
  using table = Table;
};

namespace detail {

template <class T>
concept TableLike = requires {
  typename T::Row;
  T::sql_name;
  T::columns;
};

// What FROM and joins take: a generated table or a Cte.
template <class T>
concept Source = requires {
  T::sql_name;
};

template <class I>
struct IsTableItem : std::false_type {};
template <class T>
struct IsTableItem<TableItem<T>> : std::true_type {};

// What an item of a select list is: an Expr (columns are converted) or a TableItem.
template <class I>
auto to_item(const I& item) {
  if constexpr (TableLike<I>) {
    return TableItem<I>{};
  } else if constexpr (IsTableItem<I>::value) {
    return item;
  } else {
    static_assert(ExprLike<I>, "flick: select() takes columns, expressions or tables");
    return to_expr(item);
  }
}
template <class I>
using item_t = decltype(to_item(std::declval<const I&>()));

template <class I>
struct ItemInfo {  // an Expr
  using tables = typename I::tables;
  static constexpr std::size_t width = 1;
  template <class Nullable>
  using result = std::conditional_t<!I::aggregate && intersects_v<typename I::tables, Nullable>,
                                    optional_of_t<typename I::value_type>, typename I::value_type>;
  static void append(const I& item, Marked& out) {
    out.add_expr(item);
    if (!item.alias.empty()) {
      out.text += " AS ";
      out.text += item.alias;
    }
  }
  template <class Result>
  static Result read(const Row& row, int first) {
    return row.get<Result>(first);
  }
};
template <class Table>
struct ItemInfo<TableItem<Table>> {
  using tables = Tables<Table>;
  static constexpr std::size_t width = Table::columns.size();
  template <class Nullable>
  using result = std::conditional_t<Contains<Table, Nullable>::value,
                                    std::optional<typename Table::Row>, typename Table::Row>;
  static void append(const TableItem<Table>&, Marked& out) {
    out.text += qualified_list(Table::sql_name, Table::columns);
  }
  template <class Result>
  static Result read(const Row& row, int first) {
    if constexpr (IsOptional<Result>::value) {
      for (std::size_t i = 0; i < width; ++i) {
        if (!row.is_null(first + static_cast<int>(i))) {
          return RowTraits<typename Table::Row>::read(row, first);
        }
      }
      return std::nullopt;
    } else {
      return RowTraits<typename Table::Row>::read(row, first);
    }
  }
};

// The state of a SELECT under construction, in marked text. Clauses keep their own parameters
// and are joined in statement order, so parameter order matches text order.
struct SelectState {
  Executor* db = nullptr;
  Marked with;  // "WITH name(c1, ...) AS (...), ... " or empty
  bool distinct = false;
  Marked distinct_on;  // "DISTINCT ON (...) " or empty
  Marked list;
  Marked from;  // " FROM ... JOIN ... ON ..."
  std::optional<Marked> where;
  Marked group_by;
  std::optional<Marked> having;
  Marked order_by;
  std::optional<long> limit;
  std::optional<long> offset;
  Locking locking;

  // The whole statement in marked form, appended to `out`.
  void write(Marked& out) const {
    out.add_expr(with);
    out.text += "SELECT ";
    if (distinct) out.text += "DISTINCT ";
    out.add_expr(distinct_on);
    out.add_expr(list);
    out.add_expr(from);
    append_where_clause(out, where);
    out.add_expr(group_by);
    if (having) {
      out.text += " HAVING ";
      out.add_expr(*having);
    }
    append_order_limit(out, order_by, limit, offset);
    locking.append_to(out.text);
  }
};

// Reads a result row as the tuple of the items' results.
template <class RowTuple, class... Items, std::size_t... I>
RowTuple read_items(const Row& row, std::index_sequence<I...>) {
  constexpr std::array<std::size_t, sizeof...(Items)> widths = {ItemInfo<Items>::width...};
  constexpr auto firsts = [&] {
    std::array<int, sizeof...(Items)> out{};
    int next = 0;
    for (std::size_t i = 0; i < widths.size(); ++i) {
      out[i] = next;
      next += static_cast<int>(widths[i]);
    }
    return out;
  }();
  return RowTuple(
      ItemInfo<Items>::template read<std::tuple_element_t<I, RowTuple>>(row, firsts[I])...);
}

// Copies parameter `index` of `from` to the end of `to`.
inline void copy_param(const Params& from, int index, Params& to) {
  int offset = from.offsets()[static_cast<std::size_t>(index)];
  if (offset < 0) {
    to.add_null();
  } else {
    to.add(std::string_view(from.buffer().data() + offset));
  }
}

}  // namespace detail

// A statement prepared once per connection (Executor::execute_prepared) and run with new values
// for its placeholders (client::placeholder<T>(n)): Args are the placeholders' types, in order.
template <class RowTuple, class... Args>
class PreparedQuery {
 public:
  using row_type = RowTuple;

  using Reader = RowTuple (*)(const Row&);

  PreparedQuery(std::string sql, Params fixed, std::vector<int> slots, Reader read)
      : sql_(std::move(sql)), fixed_(std::move(fixed)), slots_(std::move(slots)), read_(read) {}

  // Every row, with `args` bound to placeholders 1..n.
  template <class... Vs>
  std::vector<RowTuple> all(Executor& db, const Vs&... args) const {
    Result result = db.execute_prepared(sql_, bind(args...));
    return detail::read_rows<RowTuple>(result, read_);
  }
  template <class... Vs>
  std::optional<RowTuple> first(Executor& db, const Vs&... args) const {
    Result result = db.execute_prepared(sql_, bind(args...));
    if (result.empty()) return std::nullopt;
    return read_(result[0]);
  }
  const std::string& sql() const { return sql_; }

 private:
  template <class... Vs>
  Params bind(const Vs&... args) const {
    static_assert(sizeof...(Vs) == sizeof...(Args),
                  "flick: a prepared statement takes one value per placeholder");
    static_assert((detail::accepts_value<detail::strip_optional_t<Args>, Vs>() && ...),
                  "flick: value type does not match column type");
    std::array<Params, sizeof...(Args)> values = {Params(detail::strip_optional_t<Args>(args))...};
    Params params;
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      if (slots_[i] == 0) {
        detail::copy_param(fixed_, static_cast<int>(i), params);
      } else {
        detail::copy_param(values[static_cast<std::size_t>(slots_[i] - 1)], 0, params);
      }
    }
    return params;
  }

  std::string sql_;
  Params fixed_;
  std::vector<int> slots_;  // per $n: 0 for a fixed value, else the placeholder number
  Reader read_;
};

template <class RowTuple>
class CompoundQuery;

// SELECT items... FROM ... (see the top of this file). Items: the select list's Expr /
// TableItem types; From: tables in FROM and joins; Nullable: those NULL-extended by outer joins;
// Refs: every table the expressions so far use.
template <class Items, class From, class Nullable, class Refs>
class Select;

template <class... Items, class From, class Nullable, class Refs>
class Select<std::tuple<Items...>, From, Nullable, Refs> {
 public:
  using row_type = std::tuple<typename detail::ItemInfo<Items>::template result<Nullable>...>;
  // Tables used but not in FROM: the enclosing statement's, for a correlated subquery.
  using outer_tables = detail::minus_t<Refs, From>;

  explicit Select(detail::SelectState state) : state_(std::move(state)) {}

  // FROM table.
  template <detail::Source T>
  auto from(const T&) && {
    static_assert(std::is_same_v<From, Tables<>>, "flick: from() once; add tables with joins");
    state_.from.text = " FROM ";
    state_.from.text += T::sql_name;
    return Select<std::tuple<Items...>, Tables<T>, Nullable, Refs>(std::move(state_));
  }
  // [INNER] JOIN table ON condition.
  template <detail::Source T, class On>
  auto join(const T& table, const On& on) && {
    return std::move(*this).template add_join<T, Nullable>(" JOIN ", table, on);
  }
  template <detail::Source T, class On>
  auto inner_join(const T& table, const On& on) && {
    return std::move(*this).template add_join<T, Nullable>(" JOIN ", table, on);
  }
  // LEFT JOIN: the joined table's columns read as std::optional.
  template <detail::Source T, class On>
  auto left_join(const T& table, const On& on) && {
    return std::move(*this).template add_join<T, detail::union_t<Nullable, Tables<T>>>(
        " LEFT JOIN ", table, on);
  }
  // RIGHT JOIN: the tables joined so far read as std::optional.
  template <detail::Source T, class On>
  auto right_join(const T& table, const On& on) && {
    return std::move(*this).template add_join<T, detail::union_t<Nullable, From>>(" RIGHT JOIN ",
                                                                                  table, on);
  }
  // FULL JOIN: both sides read as std::optional.
  template <detail::Source T, class On>
  auto full_join(const T& table, const On& on) && {
    return std::move(*this).template add_join<T, detail::union_t<Nullable, From, Tables<T>>>(
        " FULL JOIN ", table, on);
  }

  // WHERE; several where() calls are combined with AND.
  template <class C>
  auto where(const C& condition) && {
    auto e = detail::to_expr(condition);
    detail::check_condition<decltype(e)>();
    static_assert(!decltype(e)::aggregate, "flick: an aggregate in WHERE (use having())");
    detail::and_where(state_.where, detail::marked_of(e));
    return rebind<detail::union_t<Refs, typename decltype(e)::tables>>();
  }
  template <class... Es>
  auto group_by(const Es&... expressions) && {
    (append_list(state_.group_by, " GROUP BY ", detail::to_expr(expressions)), ...);
    return rebind<detail::union_t<Refs, typename detail::expr_t<Es>::tables...>>();
  }
  template <class C>
  auto having(const C& condition) && {
    auto e = detail::to_expr(condition);
    detail::check_condition<decltype(e)>();
    if (state_.having) {
      detail::Marked both{"(" + state_.having->text + ") AND (" + e.text + ")",
                          state_.having->params};
      both.params.append(e.params);
      state_.having = std::move(both);
    } else {
      state_.having = detail::marked_of(e);
    }
    return rebind<detail::union_t<Refs, typename decltype(e)::tables>>();
  }
  // ORDER BY terms: column.asc() / .desc() / expression.desc().nulls_last(), or a bare column
  // or expression (ascending).
  template <class... Os>
  auto order_by(const Os&... terms) && {
    (append_order(ordering_of(terms)), ...);
    return rebind<detail::union_t<Refs, typename decltype(ordering_of(terms))::tables...>>();
  }
  // DISTINCT ON (expressions): one row per distinct value (the first in ORDER BY order).
  template <class... Es>
  auto distinct_on(const Es&... expressions) && {
    state_.distinct = false;
    (append_list(state_.distinct_on, "DISTINCT ON (", detail::to_expr(expressions)), ...);
    state_.distinct_on.text += ") ";
    return rebind<detail::union_t<Refs, typename detail::expr_t<Es>::tables...>>();
  }

  // Keyset pagination: ORDER BY the key columns (all ascending or all descending) and, given
  // the previous page's last key, only the rows after it: WHERE (k1, k2) > ($1, $2) (< for
  // descending). Key columns must be NOT NULL; the last one should be unique (the primary key).
  template <class... Cs, class... Vs>
  auto keyset(bool descending, const std::optional<std::tuple<Vs...>>& after,
              const Cs&... keys) && {
    static_assert(sizeof...(Cs) == sizeof...(Vs), "flick: one cursor value per key column");
    static_assert((!IsOptional<typename detail::expr_t<Cs>::value_type>::value && ...),
                  "flick: keyset columns must be NOT NULL");
    static_assert(
        (detail::accepts_value<detail::strip_optional_t<typename detail::expr_t<Cs>::value_type>,
                               Vs>() &&
         ...),
        "flick: value type does not match column type");
    if (after) {
      detail::Marked condition;
      condition.text = "(";
      bool first = true;
      ((condition.text += first ? "" : ", ", condition.add_expr(detail::to_expr(keys)),
        first = false),
       ...);
      condition.text += descending ? ") < (" : ") > (";
      std::apply(
          [&](const Vs&... values) {
            bool first_value = true;
            ((condition.text += first_value ? "" : ", ",
              condition.add_expr(
                  detail::value_expr<typename detail::expr_t<Cs>::value_type>(values)),
              first_value = false),
             ...);
          },
          *after);
      condition.text += ")";
      detail::and_where(state_.where, std::move(condition));
    }
    (append_order(descending ? detail::to_expr(keys).desc() : detail::to_expr(keys).asc()), ...);
    return rebind<detail::union_t<Refs, typename detail::expr_t<Cs>::tables...>>();
  }

  // The same on a builder held in a variable (copies it), for statements built step by step:
  //   auto q = db.select(posts.id).from(posts);
  //   if (topic) q = q.where(posts.topic == *topic);   // same type: posts is already in it
  template <class C>
  auto where(const C& condition) const& {
    return Select(*this).where(condition);
  }
  template <class... Os>
  auto order_by(const Os&... terms) const& {
    return Select(*this).order_by(terms...);
  }
  Select limit(long count) const& { return Select(*this).limit(count); }
  Select offset(long count) const& { return Select(*this).offset(count); }

  Select&& limit(long count) && {
    state_.limit = count;
    return std::move(*this);
  }
  Select&& offset(long count) && {
    state_.offset = count;
    return std::move(*this);
  }
  // Row locks: FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE, then skip_locked() (the
  // job-queue pattern) or nowait().
  Select&& for_update() && { return lock("UPDATE"); }
  Select&& for_no_key_update() && { return lock("NO KEY UPDATE"); }
  Select&& for_share() && { return lock("SHARE"); }
  Select&& for_key_share() && { return lock("KEY SHARE"); }
  Select&& skip_locked() && {
    state_.locking.set_wait(" SKIP LOCKED");
    return std::move(*this);
  }
  Select&& nowait() && {
    state_.locking.set_wait(" NOWAIT");
    return std::move(*this);
  }

  // Set operations: (this) UNION [ALL] / INTERSECT / EXCEPT (other); both select the same types.
  template <class Other>
  CompoundQuery<row_type> union_(const Other& other) const {
    return compound(" UNION ", other);
  }
  template <class Other>
  CompoundQuery<row_type> union_all(const Other& other) const {
    return compound(" UNION ALL ", other);
  }
  template <class Other>
  CompoundQuery<row_type> intersect(const Other& other) const {
    return compound(" INTERSECT ", other);
  }
  template <class Other>
  CompoundQuery<row_type> except(const Other& other) const {
    return compound(" EXCEPT ", other);
  }

  std::vector<row_type> all() const {
    Params params;
    std::string text = sql(params);
    Result result = state_.db->execute(text, params);
    return read_all(result);
  }
  // The first row (LIMIT 1 unless a limit is set), or std::nullopt.
  std::optional<row_type> first() const {
    detail::SelectState state = state_;
    if (!state.limit) state.limit = 1;
    Params params;
    std::string text = Select(std::move(state)).sql(params);
    Result result = state_.db->execute(text, params);
    if (result.empty()) return std::nullopt;
    return read_row(result[0]);
  }

  // Runs the statement on `connection` in single-row mode (Connection::stream): each row is
  // read as row_type and handed to `on_row` as it arrives, none is held. Returns the row count.
  template <class Fn>
  long stream(Connection& connection, Fn&& on_row) const {
    Params params;
    std::string text = sql(params);
    return connection.stream(text, params, [&](const Row& row) { on_row(read_row(row)); });
  }

  // The statement text; fills `params` with its parameter values.
  std::string sql(Params& params) const {
    check_complete();
    detail::check_tables<Refs, From>();
    detail::Marked marked;
    state_.write(marked);
    params.append(marked.params);
    return detail::render_statement(marked, true);
  }

  // Prepares the statement (once per connection, on first use) for placeholders of types
  // Args (client::placeholder<T>(n), n from 1). Throws std::logic_error when the placeholders
  // used do not match Args.
  template <class... Args>
  PreparedQuery<row_type, Args...> prepare() const {
    check_complete();
    detail::check_tables<Refs, From>();
    detail::Marked marked;
    state_.write(marked);
    std::vector<int> slots;
    std::string text = detail::render_statement(marked, true, &slots);
    const char* declared[] = {typeid(detail::strip_optional_t<Args>).name()..., ""};
    for (std::size_t i = 0; i < slots.size(); ++i) {
      if (slots[i] == 0) continue;
      if (slots[i] > static_cast<int>(sizeof...(Args))) {
        throw std::logic_error("flick: placeholder " + std::to_string(slots[i]) +
                               " is not among the prepared statement's " +
                               std::to_string(sizeof...(Args)) + " arguments");
      }
      int offset = marked.params.offsets()[i];
      if (std::string_view(marked.params.buffer().data() + offset) != declared[slots[i] - 1]) {
        throw std::logic_error("flick: placeholder " + std::to_string(slots[i]) +
                               " has another type than prepare<...>() declares for it");
      }
    }
    return PreparedQuery<row_type, Args...>(std::move(text), std::move(marked.params),
                                            std::move(slots), &Select::read_row);
  }

  // For subqueries and INSERT ... SELECT: appends "(SELECT ...)" / "SELECT ..." in marked form
  // to `text`; returns its parameters.
  Params subquery_text(std::string& text) const {
    detail::Marked marked;
    marked.text += detail::kSubquery;
    marked.text += '(';
    state_.write(marked);
    marked.text += ')';
    text += marked.text;
    return std::move(marked.params);
  }
  Params statement_text(std::string& text) const {
    check_complete();
    detail::Marked marked;
    state_.write(marked);
    text += marked.text;
    return std::move(marked.params);
  }

  std::vector<row_type> read_all(const Result& result) const {
    return detail::read_rows<row_type>(result, &read_row);
  }
  static row_type read_row(const Row& row) {
    return detail::read_items<row_type, Items...>(row, std::index_sequence_for<Items...>());
  }

 private:
  template <class, class, class, class>
  friend class Select;

  template <class NewRefs>
  Select<std::tuple<Items...>, From, Nullable, NewRefs> rebind() {
    return Select<std::tuple<Items...>, From, Nullable, NewRefs>(std::move(state_));
  }

  template <class T, class NewNullable, class On>
  auto add_join(const char* kind, const T&, const On& on) {
    static_assert(!std::is_same_v<From, Tables<>>, "flick: from() comes before joins");
    auto e = detail::to_expr(on);
    detail::check_condition<decltype(e)>();
    state_.from.text += kind;
    state_.from.text += T::sql_name;
    state_.from.text += " ON ";
    state_.from.add_expr(e);
    return Select<std::tuple<Items...>, detail::union_t<From, Tables<T>>, NewNullable,
                  detail::union_t<Refs, typename decltype(e)::tables>>(std::move(state_));
  }

  template <class E>
  static void append_list(detail::Marked& clause, const char* keyword, const E& e) {
    clause.text += clause.text.empty() ? keyword : ", ";
    clause.add_expr(e);
  }

  template <class O>
  static auto ordering_of(const O& term) {
    if constexpr (requires { term.descending; }) {
      return term;
    } else {
      return detail::to_expr(term).asc();
    }
  }
  template <class O>
  void append_order(const O& ordering) {
    state_.order_by.text += state_.order_by.text.empty() ? " ORDER BY " : ", ";
    state_.order_by.text += ordering.marked();
    state_.order_by.params.append(ordering.params);
  }

  Select&& lock(const char* strength) {
    state_.locking.strength = strength;
    return std::move(*this);
  }

  static constexpr void check_complete() {
    static_assert(!std::is_same_v<From, Tables<>> || std::is_same_v<Refs, Tables<>>,
                  "flick: a select of columns needs from()");
  }

  template <class Other>
  CompoundQuery<row_type> compound(const char* op, const Other& other) const {
    static_assert(std::is_same_v<row_type, typename Other::row_type>,
                  "flick: UNION / INTERSECT / EXCEPT need the same selected types on both sides");
    detail::Marked marked;
    marked.text = "(";
    state_.write(marked);
    marked.text += ")";
    marked.text += op;
    Params other_params = other.subquery_text(marked.text);
    marked.params.append(other_params);
    return CompoundQuery<row_type>(state_.db, std::move(marked), &Select::read_row);
  }

  detail::SelectState state_;
};

// A set operation's result: rows of RowTuple.
template <class RowTuple>
class CompoundQuery {
 public:
  using row_type = RowTuple;

  using Reader = RowTuple (*)(const Row&);

  CompoundQuery(Executor* db, detail::Marked marked, Reader read)
      : db_(db), marked_(std::move(marked)), read_(read) {}

  // ORDER BY the n-th selected column (from 1).
  CompoundQuery& order_by_column(int position, bool descending = false) {
    order_ += order_.empty() ? " ORDER BY " : ", ";
    order_ += std::to_string(position);
    if (descending) order_ += " DESC";
    return *this;
  }
  CompoundQuery& limit(long count) {
    limit_ = count;
    return *this;
  }
  std::string sql(Params& params) const {
    detail::Marked marked = marked_;
    marked.text += order_;
    if (limit_) marked.text += " LIMIT " + std::to_string(*limit_);
    params.append(marked.params);
    return detail::render_statement(marked, true);
  }
  std::vector<RowTuple> all() const {
    Params params;
    std::string text = sql(params);
    Result result = db_->execute(text, params);
    return detail::read_rows<RowTuple>(result, read_);
  }

 private:
  Executor* db_;
  detail::Marked marked_;
  Reader read_;
  std::string order_;
  std::optional<long> limit_;
};

// EXISTS (subquery).
template <class Query>
requires requires(const Query& q) { q.subquery_text(std::declval<std::string&>()); }
Expr<bool, typename Query::outer_tables> exists(const Query& subquery) {
  Expr<bool, typename Query::outer_tables> e;
  e.text = "EXISTS ";
  e.params = subquery.subquery_text(e.text);
  return e;
}
// (subquery) as a value: its one selected expression, NULL when it returns no row.
template <class Query>
requires requires(const Query& q) { q.subquery_text(std::declval<std::string&>()); }
auto scalar(const Query& subquery) {
  using Sub = typename Query::row_type;
  static_assert(std::tuple_size_v<Sub> == 1, "flick: a scalar subquery selects one expression");
  Expr<detail::optional_of_t<std::tuple_element_t<0, Sub>>, typename Query::outer_tables> e;
  e.params = subquery.subquery_text(e.text);
  return e;
}

namespace detail {
template <class... Items>
auto start_select(Executor& db, bool distinct, const Marked& with, const Items&... items) {
  SelectState state;
  state.db = &db;
  state.with = with;
  state.distinct = distinct;
  bool first = true;
  (
      [&] {
        if (!first) state.list.text += ", ";
        first = false;
        auto item = to_item(items);
        ItemInfo<decltype(item)>::append(item, state.list);
      }(),
      ...);
  return Select<std::tuple<item_t<Items>...>, Tables<>, Tables<>,
                union_t<typename ItemInfo<item_t<Items>>::tables...>>(std::move(state));
}
}  // namespace detail

// A common table expression: the rows of projection Query under the name Tag::name (a struct
// with `static constexpr std::string_view name = "recent";`, a lower-case SQL identifier). Used
// in FROM and joins like a table; its columns are col<0>(), col<1>(), ... (named c1, c2, ...).
//
//   struct Recent { static constexpr std::string_view name = "recent"; };
//   auto recent = client::cte<Recent>(db.select(posts.id, posts.title).from(posts).limit(10));
//   db.with(recent).select(recent.col<1>()).from(recent).all();
template <class Tag, class Query>
class Cte {
 public:
  using row_type = typename Query::row_type;
  static constexpr std::string_view sql_name = Tag::name;
  static_assert(std::tuple_size_v<row_type> <= 16, "flick: a CTE selects at most 16 columns");
  static_assert(
      [] {
        if (Tag::name.empty() || (Tag::name[0] >= '0' && Tag::name[0] <= '9')) return false;
        for (char c : Tag::name) {
          if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
        }
        return true;
      }(),
      "flick: a CTE name is a lower-case SQL identifier");
  static_assert(std::is_same_v<typename Query::outer_tables, Tables<>>,
                "flick: a column of a table that is not in the query (add the table with from(), "
                "a join, or using())");

  explicit Cte(const Query& query) {
    definition_.text = std::string(sql_name) + "(";
    for (std::size_t i = 0; i < std::tuple_size_v<row_type>; ++i) {
      if (i > 0) definition_.text += ", ";
      definition_.text += kColumns[i];
    }
    definition_.text += ") AS (";
    definition_.params = query.statement_text(definition_.text);
    definition_.text += ")";
  }

  // Column I of the CTE, typed as the query's I-th selected expression.
  template <std::size_t I>
  Expr<std::tuple_element_t<I, row_type>, Tables<Cte>> col() const {
    return {detail::column_text(sql_name, kColumns[I]), {}, true, {}};
  }
  // "name(c1, ...) AS (SELECT ...)" in marked form.
  const detail::Marked& definition() const { return definition_; }

 private:
  static constexpr std::array<std::string_view, 16> kColumns = {
      "c1", "c2",  "c3",  "c4",  "c5",  "c6",  "c7",  "c8",
      "c9", "c10", "c11", "c12", "c13", "c14", "c15", "c16"};
  detail::Marked definition_;
};

template <class Tag, class Query>
Cte<Tag, Query> cte(const Query& query) {
  return Cte<Tag, Query>(query);
}

// WITH ctes... then select(...) / select_distinct(...).
class WithClause {
 public:
  WithClause(Executor& db, detail::Marked with) : db_(&db), with_(std::move(with)) {}
  template <class... Items>
  auto select(const Items&... items) const {
    return detail::start_select(*db_, false, with_, items...);
  }
  template <class... Items>
  auto select_distinct(const Items&... items) const {
    return detail::start_select(*db_, true, with_, items...);
  }

 private:
  Executor* db_;
  detail::Marked with_;
};

template <class... Ctes>
WithClause Executor::with(const Ctes&... ctes) {
  detail::Marked with{"WITH ", {}};
  bool first = true;
  ((with.text += first ? "" : ", ", with.add_expr(ctes.definition()), first = false), ...);
  with.text += " ";
  return WithClause(*this, std::move(with));
}

template <class... Items>
auto Executor::select(const Items&... items) {
  static_assert(sizeof...(Items) > 0, "flick: select() needs a table or expressions");
  if constexpr (sizeof...(Items) == 1 && (detail::TableLike<Items> && ...)) {
    return SelectQuery<Items...>(*this, items...);
  } else {
    return detail::start_select(*this, false, detail::Marked{}, items...);
  }
}
template <class... Items>
auto Executor::select_distinct(const Items&... items) {
  static_assert(sizeof...(Items) > 0, "flick: select_distinct() needs expressions");
  return detail::start_select(*this, true, detail::Marked{}, items...);
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

}  // namespace flick::client
