#include <utility>

#include "sqlparse/parse_tree.hpp"

namespace flick::sqlparse {
namespace {

bool is_string(const Node* node, const std::string& text) {
  return node->node_case == PG_QUERY__NODE__NODE_STRING && text == node->string->sval;
}

// A column reference whose qualifier names the table itself: [table, col] or
// [schema, table, col].
bool names_own_table(const PgQuery__ColumnRef& ref, const std::string& schema,
                     const std::string& table) {
  std::size_t n = ref.n_fields;
  if (n < 2 || n > 3 || ref.fields[n - 1]->node_case != PG_QUERY__NODE__NODE_STRING) return false;
  if (!is_string(ref.fields[n - 2], table)) return false;
  return n == 2 || is_string(ref.fields[0], schema);
}

// Shortens column references to their last field in place, and puts them back as they were
// when destroyed (the tree's owner frees every field it had).
class ShortenedReferences {
 public:
  ShortenedReferences() = default;
  ShortenedReferences(const ShortenedReferences&) = delete;
  ShortenedReferences& operator=(const ShortenedReferences&) = delete;
  ~ShortenedReferences() {
    for (auto& [ref, count] : shortened_) {
      ref->n_fields = count;
      std::swap(ref->fields[0], ref->fields[count - 1]);
    }
  }

  void shorten(PgQuery__ColumnRef* ref) {
    shortened_.emplace_back(ref, ref->n_fields);
    std::swap(ref->fields[0], ref->fields[ref->n_fields - 1]);
    ref->n_fields = 1;
  }

 private:
  std::vector<std::pair<PgQuery__ColumnRef*, std::size_t>> shortened_;
};

}  // namespace

std::string deparse_table_expression_node(Node* node, const std::string& schema,
                                          const std::string& table) {
  ShortenedReferences shortened;
  visit_messages(&node->base, [&](ProtobufCMessage* message) {
    if (message->descriptor == &pg_query__sub_link__descriptor) return false;
    if (message->descriptor == &pg_query__column_ref__descriptor) {
      auto* ref = reinterpret_cast<PgQuery__ColumnRef*>(message);
      if (names_own_table(*ref, schema, table)) shortened.shorten(ref);
    }
    return true;
  });
  return deparse_expression_node(node);
}

bool contains_subquery(Node* node) {
  bool found = false;
  visit_messages(&node->base, [&](ProtobufCMessage* message) {
    if (message->descriptor == &pg_query__sub_link__descriptor) found = true;
    return !found;
  });
  return found;
}

std::string normalise_table_expression(std::string_view expression, const std::string& schema,
                                       const std::string& table, const std::string& context) {
  SyntaxError error;
  std::string text = "SELECT " + std::string(expression);
  std::unique_ptr<ParsedSql> parsed = try_parse_sql(text, context, &error);
  if (parsed == nullptr) return normalise_expression(expression, context);  // reports the error
  // normalise_expression validates that this is one bare expression.
  normalise_expression(expression, context);
  Node* value = parsed->statement(0).stmt->select_stmt->target_list[0]->res_target->val;
  return deparse_table_expression_node(value, schema, table);
}

}  // namespace flick::sqlparse
