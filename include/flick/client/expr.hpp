#pragma once

// Typed SQL expressions for the query builder: columns, parameters, operators, functions,
// aggregates and placeholders. An Expr<T, Refs> is SQL text (in "marked" form, see below) with
// its parameter values, the C++ type T it reads as (std::optional<U> when it may be NULL), and
// the set of tables its columns come from (Refs, a Tables<...>). The builders check at compile
// time that every table an expression uses is in the statement, and that values and columns
// compared or assigned have matching types.
//
// Marked text: parameters are kPlaceholder bytes (numbered $1, $2, ... in text order when the
// statement is rendered, matching the order of the parameter values), prepared-statement slots
// are kSlot followed by the slot number byte, and a column's table qualifier is enclosed in
// kQualifierBegin / kQualifierEnd: kept (followed by '.') in statements over several tables,
// dropped in single-table ones, so `"emailDomain" = $1` stays as it was.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include "flick/client.hpp"

namespace flick::client {

// A set of tables (type-level). Tables<> is the empty set.
template <class... Ts>
struct Tables {};

namespace detail {

inline constexpr char kPlaceholder = '\x01';
inline constexpr char kQualifierBegin = '\x02';
inline constexpr char kQualifierEnd = '\x03';
inline constexpr char kSlot = '\x04';
// Starts the text of a subquery; renders as nothing.
inline constexpr char kSubquery = '\x05';

// ---- type-level table sets ----
template <class T, class Set>
struct Contains;
template <class T, class... Ts>
struct Contains<T, Tables<Ts...>> : std::bool_constant<(std::is_same_v<T, Ts> || ...)> {};

template <class A, class B>
struct UnionOf;
template <class... As>
struct UnionOf<Tables<As...>, Tables<>> {
  using type = Tables<As...>;
};
template <class... As, class B, class... Bs>
struct UnionOf<Tables<As...>, Tables<B, Bs...>> {
  using type = typename UnionOf<
      std::conditional_t<Contains<B, Tables<As...>>::value, Tables<As...>, Tables<As..., B>>,
      Tables<Bs...>>::type;
};
template <class... Sets>
struct UnionAll {
  using type = Tables<>;
};
template <class S, class... Rest>
struct UnionAll<S, Rest...> {
  using type = typename UnionOf<S, typename UnionAll<Rest...>::type>::type;
};
template <class... Sets>
using union_t = typename UnionAll<Sets...>::type;

template <class A, class B>
struct MinusOf;
template <class B>
struct MinusOf<Tables<>, B> {
  using type = Tables<>;
};
template <class A, class... As, class B>
struct MinusOf<Tables<A, As...>, B> {
  using rest = typename MinusOf<Tables<As...>, B>::type;
  template <class R>
  struct Prepend;
  template <class... Rs>
  struct Prepend<Tables<Rs...>> {
    using type = Tables<A, Rs...>;
  };
  using type = std::conditional_t<Contains<A, B>::value, rest, typename Prepend<rest>::type>;
};
// A \ B
template <class A, class B>
using minus_t = typename MinusOf<A, B>::type;

template <class A, class B>
struct IsSubset;
template <class... As, class B>
struct IsSubset<Tables<As...>, B> : std::bool_constant<(Contains<As, B>::value && ...)> {};
template <class A, class B>
inline constexpr bool is_subset_v = IsSubset<A, B>::value;

template <class A, class B>
inline constexpr bool intersects_v = !std::is_same_v<minus_t<A, B>, A>;

template <class S>
struct TableCount;
template <class... Ts>
struct TableCount<Tables<Ts...>> : std::integral_constant<std::size_t, sizeof...(Ts)> {};

// ---- value types ----
template <class T>
struct StripOptional {
  using type = T;
};
template <class T>
struct StripOptional<std::optional<T>> {
  using type = T;
};
template <class T>
using strip_optional_t = typename StripOptional<T>::type;

template <class T>
using optional_of_t = std::optional<strip_optional_t<T>>;

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

// Whether expressions holding A and B (NULL-ness aside) may be compared or combined.
template <class A, class B>
constexpr bool comparable() {
  using BA = strip_optional_t<A>;
  using BB = strip_optional_t<B>;
  if constexpr (std::is_arithmetic_v<BA> && std::is_arithmetic_v<BB>) {
    return std::is_same_v<BA, bool> == std::is_same_v<BB, bool>;
  } else {
    return std::is_same_v<BA, BB>;
  }
}

// Replaces each parameter mark in `text` with $n, counting from `next`; keeps column qualifiers
// (as "qualifier.") when `qualify`, drops them otherwise. A slot mark becomes $n too and, when
// `slots` is given, records slots[n - 1] = slot number (0 for a plain parameter).
inline void render_marked(std::string_view text, bool qualify, int& next, std::string& out,
                          std::vector<int>* slots = nullptr) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == kPlaceholder || c == kSlot) {
      out += '$';
      out += std::to_string(next++);
      int slot = 0;
      if (c == kSlot) slot = static_cast<unsigned char>(text[++i]);
      if (slots != nullptr) slots->push_back(slot);
    } else if (c == kSubquery) {
      continue;
    } else if (c == kQualifierBegin) {
      std::size_t end = text.find(kQualifierEnd, i);
      if (qualify) {
        out.append(text.substr(i + 1, end - i - 1));
        out += '.';
      }
      i = end;
    } else {
      out += c;
    }
  }
}

// A column reference in marked text.
inline std::string column_text(std::string_view qualifier, std::string_view column) {
  std::string text;
  text.reserve(qualifier.size() + column.size() + 2);
  text += kQualifierBegin;
  text += qualifier;
  text += kQualifierEnd;
  text += column;
  return text;
}

inline std::string quote_identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace detail

// An SQL expression reading as T, over the tables in Refs. `atomic` when it needs no
// parentheses as an operand (a column, a parameter, a function call). `aggregate` for aggregate
// calls: they are not NULL-extended by an outer join. `alias` names it in a select list.
// One ORDER BY term over the tables in Refs: marked text, its parameters, direction.
template <class Refs>
struct Ordering {
  using tables = Refs;

  std::string text;
  Params params;
  bool descending = false;
  // true: NULLS FIRST, false: NULLS LAST; unset: PostgreSQL's default (NULLs sort as largest).
  std::optional<bool> nulls;

  Ordering nulls_first() const {
    Ordering o = *this;
    o.nulls = true;
    return o;
  }
  Ordering nulls_last() const {
    Ordering o = *this;
    o.nulls = false;
    return o;
  }
  // The term in marked text: "<expr>[ DESC][ NULLS FIRST|LAST]".
  std::string marked() const {
    std::string out = text;
    if (descending) out += " DESC";
    if (nulls) out += *nulls ? " NULLS FIRST" : " NULLS LAST";
    return out;
  }
};

template <class T, class Refs = Tables<>, bool Aggregate = false>
struct Expr {
  using value_type = T;
  using tables = Refs;
  static constexpr bool aggregate = Aggregate;

  std::string text;
  Params params;
  bool atomic = true;
  std::string alias;

  // `expression AS "name"` in a select list.
  Expr as(std::string_view name) const {
    Expr named = *this;
    named.alias = detail::quote_identifier(name);
    return named;
  }
  Ordering<Refs> asc() const { return {text, params, false, {}}; }
  Ordering<Refs> desc() const { return {text, params, true, {}}; }
};

// A value bound to a prepared statement when it runs (see SelectQuery::prepare): compares like a
// value of T; `number` is its position in the prepared statement's argument list, from 1.
template <class T>
struct Placeholder {
  using type = T;
  int number;
};
template <class T>
Placeholder<T> placeholder(int number) {
  return Placeholder<T>{number};
}

namespace detail {

template <class E>
struct IsExpr : std::false_type {};
template <class T, class R, bool A>
struct IsExpr<Expr<T, R, A>> : std::true_type {};

template <class E>
concept ColumnLike = requires {
  typename E::column_table;
};

template <class E>
concept ExprLike = IsExpr<std::remove_cvref_t<E>>::value || ColumnLike<std::remove_cvref_t<E>>;

template <class P>
struct IsPlaceholder : std::false_type {};
template <class T>
struct IsPlaceholder<Placeholder<T>> : std::true_type {};

// The Expr a column or an expression is.
template <class E>
auto to_expr(const E& e) {
  if constexpr (ColumnLike<E>) {
    return e.expr();
  } else {
    return e;
  }
}
template <class E>
using expr_t = decltype(to_expr(std::declval<const E&>()));

// Text of an operand, parenthesised unless atomic.
template <class E>
std::string operand(const E& e) {
  return e.atomic ? e.text : "(" + e.text + ")";
}

// An Expr<T> holding one parameter `value` (checked against T by the caller).
template <class T, class V>
Expr<T> value_expr(const V& value) {
  using Base = strip_optional_t<T>;
  Expr<T> e{std::string(1, kPlaceholder), {}, true, {}};
  if constexpr (IsPlaceholder<V>::value) {
    // The slot's parameter holds the placeholder's type name, which prepare<Args...>() checks.
    e.text = std::string(1, kSlot);
    e.text += static_cast<char>(value.number);
    e.params.add(std::string_view(typeid(strip_optional_t<typename V::type>).name()));
  } else if constexpr (std::is_same_v<Base, std::string>) {
    e.params.add(std::string_view(value));
  } else if constexpr (std::is_arithmetic_v<Base> || std::is_enum_v<Base>) {
    e.params.add(static_cast<Base>(value));
  } else {
    e.params.add(value);
  }
  return e;
}

// The right-hand side of a comparison or assignment with a left side holding L: an expression
// (its type comparable with L) or a value (accepted by L's base type).
template <class L, class R>
auto rhs_expr(const R& r) {
  if constexpr (ExprLike<R>) {
    using RE = expr_t<R>;
    static_assert(comparable<L, typename RE::value_type>(),
                  "flick: value type does not match column type");
    return to_expr(r);
  } else if constexpr (IsPlaceholder<R>::value) {
    static_assert(accepts_value<strip_optional_t<L>, strip_optional_t<typename R::type>>(),
                  "flick: value type does not match column type");
    return value_expr<strip_optional_t<L>>(r);
  } else {
    static_assert(accepts_value<strip_optional_t<L>, R>(),
                  "flick: value type does not match column type");
    return value_expr<strip_optional_t<L>>(r);
  }
}

template <class A, class B>
inline constexpr bool any_aggregate_v = A::aggregate || B::aggregate;

template <class T, class Refs, class A, class B>
Expr<T, Refs, any_aggregate_v<A, B>> binary(const A& a, const char* op, const B& b) {
  Expr<T, Refs, any_aggregate_v<A, B>> e;
  e.text = operand(a) + op + operand(b);
  e.params = a.params;
  e.params.append(b.params);
  e.atomic = false;
  return e;
}

template <class L, class R>
auto compare(const L& left, const char* op, const R& right) {
  auto l = to_expr(left);
  using LT = typename decltype(l)::value_type;
  auto r = rhs_expr<LT>(right);
  using Refs = union_t<typename decltype(l)::tables, typename decltype(r)::tables>;
  return binary<bool, Refs>(l, op, r);
}

template <class E>
concept BoolExpr = ExprLike<E> && std::is_same_v < strip_optional_t<typename expr_t<E>::value_type>,
bool > ;

template <class A, class B>
auto logical(const A& a, const char* op, const B& b) {
  auto l = to_expr(a);
  auto r = to_expr(b);
  Expr<bool, union_t<typename decltype(l)::tables, typename decltype(r)::tables>,
       any_aggregate_v<decltype(l), decltype(r)>>
      e;
  e.text = "(" + l.text + ")" + op + "(" + r.text + ")";
  e.params = l.params;
  e.params.append(r.params);
  e.atomic = false;
  return e;
}

}  // namespace detail

// ---- comparisons: column or expression on the left; value, placeholder or expression right ----
template <detail::ExprLike L, class R>
auto operator==(const L& left, const R& right) {
  return detail::compare(left, " = ", right);
}
template <detail::ExprLike L, class R>
auto operator!=(const L& left, const R& right) {
  return detail::compare(left, " <> ", right);
}
template <detail::ExprLike L, class R>
auto operator<(const L& left, const R& right) {
  return detail::compare(left, " < ", right);
}
template <detail::ExprLike L, class R>
auto operator<=(const L& left, const R& right) {
  return detail::compare(left, " <= ", right);
}
template <detail::ExprLike L, class R>
auto operator>(const L& left, const R& right) {
  return detail::compare(left, " > ", right);
}
template <detail::ExprLike L, class R>
auto operator>=(const L& left, const R& right) {
  return detail::compare(left, " >= ", right);
}

// ---- boolean logic: (a) AND (b), (a) OR (b), NOT (a) ----
template <detail::BoolExpr A, detail::BoolExpr B>
auto operator&&(const A& a, const B& b) {
  return detail::logical(a, " AND ", b);
}
template <detail::BoolExpr A, detail::BoolExpr B>
auto operator||(const A& a, const B& b) {
  return detail::logical(a, " OR ", b);
}
template <detail::BoolExpr A>
auto operator!(const A& a) {
  auto e = detail::to_expr(a);
  Expr<bool, typename decltype(e)::tables, decltype(e)::aggregate> out;
  out.text = "NOT (" + e.text + ")";
  out.params = e.params;
  out.atomic = false;
  return out;
}

// ---- arithmetic on numbers: a + b, a - b, a * b, a / b (NULL when either side is) ----
namespace detail {
template <class L, class R>
auto arithmetic(const L& left, const char* op, const R& right) {
  auto l = to_expr(left);
  using LT = typename decltype(l)::value_type;
  static_assert(
      std::is_arithmetic_v<strip_optional_t<LT>> && !std::is_same_v<strip_optional_t<LT>, bool>,
      "flick: arithmetic needs a number column");
  auto r = rhs_expr<LT>(right);
  using RT = typename decltype(r)::value_type;
  using T =
      std::conditional_t<IsOptional<LT>::value || IsOptional<RT>::value, optional_of_t<LT>, LT>;
  return binary<T, union_t<typename decltype(l)::tables, typename decltype(r)::tables>>(l, op, r);
}
}  // namespace detail
template <detail::ExprLike L, class R>
auto operator+(const L& left, const R& right) {
  return detail::arithmetic(left, " + ", right);
}
template <detail::ExprLike L, class R>
auto operator-(const L& left, const R& right) {
  return detail::arithmetic(left, " - ", right);
}
template <detail::ExprLike L, class R>
auto operator*(const L& left, const R& right) {
  return detail::arithmetic(left, " * ", right);
}
template <detail::ExprLike L, class R>
auto operator/(const L& left, const R& right) {
  return detail::arithmetic(left, " / ", right);
}

// ---- functions and aggregates ----
namespace detail {
template <class T, bool Aggregate, class E>
auto call(const char* name, const E& argument, const char* prefix = "") {
  auto e = to_expr(argument);
  Expr<T, typename decltype(e)::tables, Aggregate> out;
  out.text = std::string(name) + "(" + prefix + e.text + ")";
  out.params = e.params;
  return out;
}
template <class T>
using sum_t = std::conditional_t<
    std::is_floating_point_v<strip_optional_t<T>>, std::optional<double>,
    std::conditional_t<std::is_integral_v<strip_optional_t<T>> && sizeof(strip_optional_t<T>) < 8,
                       std::optional<std::int64_t>, std::optional<Numeric>>>;
template <class T>
using avg_t = std::conditional_t<std::is_floating_point_v<strip_optional_t<T>>,
                                 std::optional<double>, std::optional<Numeric>>;
}  // namespace detail

// count(*)
inline Expr<std::int64_t, Tables<>, true> count() { return {"count(*)", {}, true, {}}; }
// count(e): rows where e is not NULL.
template <detail::ExprLike E>
auto count(const E& e) {
  return detail::call<std::int64_t, true>("count", e);
}
template <detail::ExprLike E>
auto count_distinct(const E& e) {
  return detail::call<std::int64_t, true>("count", e, "DISTINCT ");
}
// sum: bigint for smallint/integer, numeric for bigint/numeric, double for floats; NULL over no
// rows.
template <detail::ExprLike E>
auto sum(const E& e) {
  using T = typename detail::expr_t<E>::value_type;
  static_assert(std::is_arithmetic_v<detail::strip_optional_t<T>> ||
                    std::is_same_v<detail::strip_optional_t<T>, Numeric>,
                "flick: sum needs a number column");
  return detail::call<detail::sum_t<T>, true>("sum", e);
}
template <detail::ExprLike E>
auto avg(const E& e) {
  using T = typename detail::expr_t<E>::value_type;
  static_assert(std::is_arithmetic_v<detail::strip_optional_t<T>> ||
                    std::is_same_v<detail::strip_optional_t<T>, Numeric>,
                "flick: avg needs a number column");
  return detail::call<detail::avg_t<T>, true>("avg", e);
}
template <detail::ExprLike E>
auto min(const E& e) {
  return detail::call<detail::optional_of_t<typename detail::expr_t<E>::value_type>, true>("min",
                                                                                           e);
}
template <detail::ExprLike E>
auto max(const E& e) {
  return detail::call<detail::optional_of_t<typename detail::expr_t<E>::value_type>, true>("max",
                                                                                           e);
}
// coalesce(e, value): e's type without NULL.
template <detail::ExprLike E, class V>
auto coalesce(const E& e, const V& fallback) {
  auto l = detail::to_expr(e);
  using T = detail::strip_optional_t<typename decltype(l)::value_type>;
  auto r = detail::rhs_expr<T>(fallback);
  Expr<T, detail::union_t<typename decltype(l)::tables, typename decltype(r)::tables>,
       decltype(l)::aggregate>
      out;
  out.text = "coalesce(" + l.text + ", " + r.text + ")";
  out.params = l.params;
  out.params.append(r.params);
  return out;
}
template <detail::ExprLike E>
auto lower(const E& e) {
  static_assert(
      std::is_same_v<detail::strip_optional_t<typename detail::expr_t<E>::value_type>, std::string>,
      "flick: lower needs a text column");
  return detail::call<typename detail::expr_t<E>::value_type, false>("lower", e);
}
inline Expr<Timestamp> now() { return {"now()", {}, true, {}}; }

// An SQL fragment typed by the caller: the escape hatch for what the builder does not cover.
// Its text is used as it is (no parameters, no table check): never put user input in it.
template <class T>
Expr<T> sql(std::string_view text) {
  return {std::string(text), {}, false, {}};
}

}  // namespace flick::client
