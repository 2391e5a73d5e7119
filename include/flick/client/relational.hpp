#pragma once

// The relational form: rows of one table with the rows its foreign keys relate, in one round
// trip. flick codegen gives each table one relation member per foreign key on either side:
//
//   posts.posted_by_platform_user   One: the platform_user row posts."postedBy" points at
//   posts.comments                  Many: the comments whose "postId" points at the post
//
//   auto rows = db.query(posts).with(posts.posted_by_platform_user).with(posts.comments)
//                   .where(posts.is_private == false).order_by(posts.created_at.desc())
//                   .limit(20).all();
//   // std::vector<std::tuple<PostsRow, std::optional<PlatformUserRow>, std::vector<CommentsRow>>>
//
// Each related row is a correlated subquery in the select list, read from its record text:
// (SELECT ROW(r.cols...) FROM related AS r WHERE (r.key) = (t.fk)) for One, ARRAY(SELECT
// ROW(...) ...) for Many (in no particular order). A One over a nullable foreign key reads as
// std::optional<Row>.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "flick/client.hpp"
#include "flick/client/expr.hpp"

namespace flick::client {

// A foreign key seen from table From, leading to rows of To. `local` are From's columns, `remote`
// To's, pairwise equal on related rows. Many: several To rows per From row (To holds the foreign
// key); otherwise at most one. Optional: a One that may find none (its foreign key is nullable).
template <class From, class To, std::size_t N, bool Many, bool Optional = false>
struct Relation {
  using from_table = From;
  using to_table = To;
  static constexpr bool many = Many;
  static constexpr bool optional = Optional;

  std::array<std::string_view, N> local;
  std::array<std::string_view, N> remote;
};
namespace detail {
// What a relation reads as (To may be incomplete where the Relation member is declared).
template <class R>
using relation_result_t =
    std::conditional_t<R::many, std::vector<typename R::to_table::Row>,
                       std::conditional_t<R::optional, std::optional<typename R::to_table::Row>,
                                          typename R::to_table::Row>>;
}  // namespace detail

template <class From, class To, std::size_t N, bool Optional>
using One = Relation<From, To, N, false, Optional>;
template <class From, class To, std::size_t N>
using Many = Relation<From, To, N, true, false>;

template <class Table, class... Relations>
class RelationalQuery {
 public:
  using row_type = std::tuple<typename Table::Row, detail::relation_result_t<Relations>...>;

  RelationalQuery(Executor& db, std::tuple<Relations...> relations)
      : db_(&db), relations_(std::move(relations)) {}

  // Adds the rows `relation` (a relation member of Table) leads to, as the next tuple element.
  template <class To, std::size_t N, bool Many, bool Optional>
  RelationalQuery<Table, Relations..., Relation<Table, To, N, Many, Optional>> with(
      const Relation<Table, To, N, Many, Optional>& relation) && {
    RelationalQuery<Table, Relations..., Relation<Table, To, N, Many, Optional>> next(
        *db_, std::tuple_cat(relations_, std::make_tuple(relation)));
    next.where_ = std::move(where_);
    next.order_ = std::move(order_);
    next.limit_ = limit_;
    next.offset_ = offset_;
    return next;
  }
  template <class Other>
  void with(const Other&) && {
    static_assert(sizeof(Other) == 0, "flick: with() takes a relation member of the queried table");
  }
  template <class T, class Refs, bool Aggregate>
  RelationalQuery&& where(const Expr<T, Refs, Aggregate>& condition) && {
    detail::check_tables<Refs, Tables<Table>>();
    detail::check_condition<Expr<T, Refs, Aggregate>>();
    detail::and_where(where_, detail::marked_of(condition));
    return std::move(*this);
  }
  template <class Refs>
  RelationalQuery&& order_by(const Ordering<Refs>& term) && {
    detail::check_tables<Refs, Tables<Table>>();
    order_.text += order_.text.empty() ? " ORDER BY " : ", ";
    order_.text += term.marked();
    order_.params.append(term.params);
    return std::move(*this);
  }
  // The same on a query held in a variable (copies it).
  template <class T, class Refs, bool Aggregate>
  RelationalQuery where(const Expr<T, Refs, Aggregate>& condition) const& {
    return RelationalQuery(*this).where(condition);
  }
  template <class Refs>
  RelationalQuery order_by(const Ordering<Refs>& term) const& {
    return RelationalQuery(*this).order_by(term);
  }
  RelationalQuery limit(long count) const& { return RelationalQuery(*this).limit(count); }
  RelationalQuery offset(long count) const& { return RelationalQuery(*this).offset(count); }

  RelationalQuery&& limit(long count) && {
    limit_ = count;
    return std::move(*this);
  }
  RelationalQuery&& offset(long count) && {
    offset_ = count;
    return std::move(*this);
  }

  std::string sql(Params& params) const {
    detail::Marked marked;
    marked.text = "SELECT ";
    marked.text += detail::qualified_list(Table::sql_name, Table::columns);
    std::apply(
        [&](const Relations&... relations) {
          int alias = 0;
          (append_relation(relations, ++alias, marked.text), ...);
        },
        relations_);
    marked.text += " FROM ";
    marked.text += Table::sql_name;
    detail::append_where_clause(marked, where_);
    detail::append_order_limit(marked, order_, limit_, offset_);
    params.append(marked.params);
    return detail::render_statement(marked, true);
  }
  std::vector<row_type> all() const {
    Params params;
    std::string text = sql(params);
    Result result = db_->execute(text, params);
    return detail::read_rows<row_type>(result, &read_row);
  }
  std::optional<row_type> first() const {
    RelationalQuery copy = *this;
    if (!copy.limit_) copy.limit_ = 1;
    Params params;
    std::string text = copy.sql(params);
    Result result = db_->execute(text, params);
    if (result.empty()) return std::nullopt;
    return read_row(result[0]);
  }

 private:
  template <class, class...>
  friend class RelationalQuery;

  static row_type read_row(const Row& row) {
    constexpr int width = static_cast<int>(Table::columns.size());
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      return row_type(
          RowTraits<typename Table::Row>::read(row, 0),
          row.get<detail::relation_result_t<Relations>>(width + static_cast<int>(I))...);
    }
    (std::index_sequence_for<Relations...>());
  }

  template <class To, std::size_t N, bool Many, bool Optional>
  static void append_relation(const Relation<Table, To, N, Many, Optional>& relation, int alias,
                              std::string& text) {
    std::string name = "\"r" + std::to_string(alias) + "\"";
    text += Many ? ", ARRAY(SELECT ROW(" : ", (SELECT ROW(";
    text += detail::qualified_list(name, To::columns);
    text += ") FROM ";
    text += To::sql_name;
    text += " AS ";
    text += name;
    text += " WHERE (";
    for (std::size_t i = 0; i < N; ++i) {
      if (i > 0) text += ", ";
      text += detail::column_text(name, relation.remote[i]);
    }
    text += ") = (";
    for (std::size_t i = 0; i < N; ++i) {
      if (i > 0) text += ", ";
      text += detail::column_text(Table::sql_name, relation.local[i]);
    }
    text += "))";
  }

  Executor* db_;
  std::tuple<Relations...> relations_;
  std::optional<detail::Marked> where_;
  detail::Marked order_;
  std::optional<long> limit_;
  std::optional<long> offset_;
};

template <class Table>
requires requires { typename Table::Row; }
auto Executor::query(const Table&) { return RelationalQuery<Table>(*this, std::tuple<>()); }

}  // namespace flick::client
