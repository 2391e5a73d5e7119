#include "flick/model.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace flick::model {
namespace {

template <typename T>
auto find_named(T& items, const std::string& schema, const std::string& name)
    -> decltype(&items.front()) {
  auto it = std::find_if(items.begin(), items.end(), [&](const auto& item) {
    return item.schema == schema && item.name == name;
  });
  return it == items.end() ? nullptr : &*it;
}

void normalise_sequence(SequenceOptions& options, const std::string& type) {
  bool ascending = options.increment.empty() || options.increment[0] != '-';
  SequenceOptions defaults = default_sequence_options(type, ascending);
  if (options.increment.empty()) options.increment = defaults.increment;
  if (options.min_value.empty()) options.min_value = defaults.min_value;
  if (options.max_value.empty()) options.max_value = defaults.max_value;
  if (options.start_with.empty()) {
    options.start_with = ascending ? options.min_value : options.max_value;
  }
  if (options.cache.empty()) options.cache = defaults.cache;
}

// PostgreSQL stores no default for DEFAULT NULL (or a NULL cast to some type), so neither do we.
bool is_null_constant(const std::string& expression) {
  std::string lower;
  for (char c : expression) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "null" ||
         (lower.rfind("null::", 0) == 0 && lower.find_first_of(" ()") == std::string::npos);
}

}  // namespace

const Table* Catalog::find_table(const std::string& schema, const std::string& name) const {
  return find_named(tables, schema, name);
}
Table* Catalog::find_table(const std::string& schema, const std::string& name) {
  return find_named(tables, schema, name);
}
const Enum* Catalog::find_enum(const std::string& schema, const std::string& name) const {
  return find_named(enums, schema, name);
}
const Domain* Catalog::find_domain(const std::string& schema, const std::string& name) const {
  return find_named(domains, schema, name);
}
const CompositeType* Catalog::find_composite_type(const std::string& schema,
                                                  const std::string& name) const {
  return find_named(composite_types, schema, name);
}
const RangeType* Catalog::find_range_type(const std::string& schema,
                                          const std::string& name) const {
  return find_named(range_types, schema, name);
}
const Collation* Catalog::find_collation(const std::string& schema, const std::string& name) const {
  return find_named(collations, schema, name);
}
bool Catalog::has_user_type(const std::string& schema, const std::string& name) const {
  return find_enum(schema, name) != nullptr || find_domain(schema, name) != nullptr ||
         find_composite_type(schema, name) != nullptr || find_range_type(schema, name) != nullptr ||
         find_multirange_type(schema, name) != nullptr;
}
const RangeType* Catalog::find_multirange_type(const std::string& schema,
                                               const std::string& name) const {
  for (const RangeType& range : range_types) {
    if (range.schema != schema) continue;
    if (multirange_name(range) == name) return &range;
  }
  return nullptr;
}
bool Catalog::has_schema(const std::string& schema) const {
  return schema == kDefaultSchema ||
         std::find(schemas.begin(), schemas.end(), schema) != schemas.end();
}
bool Catalog::has_commented_object(const Comment& comment) const {
  const std::string& kind = comment.object_kind;
  if (kind == "schema") return has_schema(comment.schema);
  if (kind == "view" || kind == "materialized view") {
    const View* view = find_view(comment.schema, comment.name);
    return view != nullptr && view->materialized == (kind == "materialized view");
  }
  if (kind == "sequence") return find_sequence(comment.schema, comment.name) != nullptr;
  if (kind == "type") return has_user_type(comment.schema, comment.name);
  if (kind == "collation") return find_collation(comment.schema, comment.name) != nullptr;
  if (kind == "routine") {
    return find_function(comment.schema, comment.name, comment.arguments) != nullptr;
  }
  return false;
}

namespace {

// The schema and name of a COLLATE reference, quotes removed ("" schema when unqualified).
std::pair<std::string, std::string> split_reference(const std::string& reference) {
  std::vector<std::string> parts(1);
  bool quoted = false;
  for (std::size_t i = 0; i < reference.size(); ++i) {
    char c = reference[i];
    if (c == '"') {
      if (quoted && i + 1 < reference.size() && reference[i + 1] == '"') {
        parts.back() += '"';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (c == '.' && !quoted) {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  if (parts.size() == 1) return {"", parts[0]};
  return {parts[parts.size() - 2], parts.back()};
}

}  // namespace

bool names_collation(const std::string& reference, const Collation& collation) {
  if (reference.empty()) return false;
  auto [schema, name] = split_reference(reference);
  return name == collation.name && (schema.empty() ? kDefaultSchema : schema) == collation.schema;
}

std::string multirange_name(const RangeType& range) {
  return range.multirange_type_name.empty() ? default_multirange_name(range.name)
                                            : range.multirange_type_name;
}

std::string default_multirange_name(const std::string& name) {
  std::size_t at = name.find("range");
  if (at == std::string::npos) return name + "_multirange";
  return name.substr(0, at) + "multi" + name.substr(at);
}

const Sequence* Catalog::find_sequence(const std::string& schema, const std::string& name) const {
  return find_named(sequences, schema, name);
}
const View* Catalog::find_view(const std::string& schema, const std::string& name) const {
  return find_named(views, schema, name);
}

const Function* Catalog::find_function(const std::string& schema, const std::string& name,
                                       const std::string& arguments) const {
  for (const Function& function : functions) {
    if (function.schema == schema && function.name == name && function.arguments == arguments) {
      return &function;
    }
  }
  return nullptr;
}

const Column* find_column(const Table& table, const std::string& name) {
  auto it = std::find_if(table.columns.begin(), table.columns.end(),
                         [&](const Column& column) { return column.name == name; });
  return it == table.columns.end() ? nullptr : &*it;
}

void copy_partition_columns(Catalog& catalog) {
  // Each pass settles one more level of sub-partitions; PostgreSQL nests no deeper in practice.
  for (int pass = 0; pass < 8; ++pass) {
    bool changed = false;
    for (Table& child : catalog.tables) {
      if (!child.partition_of) continue;
      const Table* parent =
          catalog.find_table(child.partition_of->schema, child.partition_of->name);
      if (parent == nullptr) continue;
      std::vector<Column> columns;
      for (const Column& column : parent->columns) {
        Column copy = column;
        copy.identity.reset();
        copy.primary_key = false;
        copy.comment.reset();
        columns.push_back(std::move(copy));
      }
      if (columns != child.columns) {
        child.columns = std::move(columns);
        changed = true;
      }
    }
    if (!changed) return;
  }
}

namespace {

// The columns a child with INHERITS has: see copy_inherited_columns.
std::vector<Column> inherited_column_list(const Table& child,
                                          const std::vector<const Table*>& parents) {
  std::vector<Column> columns;
  for (const Table* parent : parents) {
    for (const Column& from_parent : parent->columns) {
      auto same = std::find_if(columns.begin(), columns.end(),
                               [&](const Column& c) { return c.name == from_parent.name; });
      if (same != columns.end()) {  // a second parent has it too: one column, merged
        same->not_null = same->not_null || from_parent.not_null;
        continue;
      }
      const Column* own = find_column(child, from_parent.name);
      if (own != nullptr && !own->inherited) {
        Column merged = *own;
        merged.type = from_parent.type;  // one type: a parent's ALTER TYPE reaches it too
        merged.type_schema = from_parent.type_schema;
        merged.collation = from_parent.collation;
        merged.not_null = merged.not_null || from_parent.not_null;
        if (!merged.default_expr && !merged.generated)
          merged.default_expr = from_parent.default_expr;
        columns.push_back(std::move(merged));
        continue;
      }
      Column copy = from_parent;
      copy.identity.reset();
      copy.primary_key = false;
      copy.comment.reset();
      copy.inherited = true;
      if (own != nullptr) {  // what the child set on its copy (ALTER TABLE ONLY child ...) stays
        copy.primary_key = own->primary_key;  // the child's own key (keys are not inherited)
        copy.not_null = copy.not_null || own->not_null;
        if (own->default_expr) copy.default_expr = own->default_expr;
        copy.comment = own->comment;
      }
      columns.push_back(std::move(copy));
    }
  }
  for (const Column& column : child.columns) {
    if (column.inherited) continue;
    bool placed = std::any_of(columns.begin(), columns.end(),
                              [&](const Column& c) { return c.name == column.name; });
    if (!placed) columns.push_back(column);
  }
  return columns;
}

}  // namespace

void copy_inherited_columns(Catalog& catalog) {
  // Each pass settles one more generation; a deeper chain than this is not seen in practice.
  for (int pass = 0; pass < 8; ++pass) {
    bool changed = false;
    for (Table& child : catalog.tables) {
      if (child.inherits.empty()) continue;
      std::vector<const Table*> parents;
      for (const TableParent& parent : child.inherits) {
        const Table* found = catalog.find_table(parent.schema, parent.name);
        if (found != nullptr) parents.push_back(found);
      }
      if (parents.size() != child.inherits.size()) continue;
      std::vector<Column> columns = inherited_column_list(child, parents);
      if (columns != child.columns) {
        child.columns = std::move(columns);
        changed = true;
      }
      // A CHECK equal to a parent's (declared in the child too, or there before an INHERIT) is
      // merged with it: the parent's.
      for (const Table* parent : parents) {
        std::erase_if(child.checks, [&](const CheckConstraint& check) {
          return std::find(parent->checks.begin(), parent->checks.end(), check) !=
                 parent->checks.end();
        });
      }
    }
    if (!changed) return;
  }
}

std::string serial_type_of(const std::string& type) {
  if (type == "integer") return "serial";
  if (type == "bigint") return "bigserial";
  if (type == "smallint") return "smallserial";
  return "";
}

bool defaults_to_nextval_of(const Column& column, const std::string& schema,
                            const std::string& name) {
  if (!column.default_expr) return false;
  // regclass prints a name in double quotes unless it is all lower case letters, digits and
  // underscores, not starting with a digit: "t_camelCol_seq".
  auto as_regclass = [](const std::string& part) {
    bool plain =
        !part.empty() && !std::isdigit(static_cast<unsigned char>(part[0])) &&
        part.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
    if (plain) return part;
    std::string quoted = "\"";
    for (char c : part) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
  };
  auto nextval_of = [](const std::string& qualified) {
    std::string literal;
    for (char c : qualified) literal += c == '\'' ? std::string("''") : std::string(1, c);
    return "nextval('" + literal + "'::regclass)";
  };
  std::string qualified = as_regclass(schema) + "." + as_regclass(name);
  // With an empty search_path (pg_dump's) the public schema is written too.
  return *column.default_expr == nextval_of(qualified) ||
         (schema == kDefaultSchema && *column.default_expr == nextval_of(as_regclass(name)));
}

SequenceOptions default_sequence_options(const std::string& type, bool ascending) {
  std::string max = "9223372036854775807";
  std::string min = "-9223372036854775808";
  if (type == "smallint" || type == "smallserial") {
    max = "32767";
    min = "-32768";
  } else if (type == "integer" || type == "serial") {
    max = "2147483647";
    min = "-2147483648";
  }
  SequenceOptions options;
  options.increment = ascending ? "1" : "-1";
  options.min_value = ascending ? "1" : min;
  options.max_value = ascending ? max : "-1";
  options.start_with = ascending ? options.min_value : options.max_value;
  options.cache = "1";
  return options;
}

namespace {

// PostgreSQL keeps the first 63 bytes of a longer identifier (NAMEDATALEN), never splitting a
// UTF-8 character; drizzle snapshots hold the name as written.
void truncate_identifier(std::string& name) {
  constexpr std::size_t kMaxBytes = 63;
  if (name.size() <= kMaxBytes) return;
  std::size_t end = kMaxBytes;
  while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end;
  name.resize(end);
}

}  // namespace

void normalise(Catalog& catalog) {
  for (Sequence& sequence : catalog.sequences) normalise_sequence(sequence.options, "bigint");
  for (Table& table : catalog.tables) {
    if (table.primary_key) truncate_identifier(table.primary_key->name);
    // A primary key's columns are NOT NULL whether written so or not.
    for (Column& column : table.columns) {
      bool in_key = column.primary_key ||
                    (table.primary_key &&
                     std::find(table.primary_key->columns.begin(), table.primary_key->columns.end(),
                               column.name) != table.primary_key->columns.end());
      if (in_key) column.not_null = true;
    }
    for (UniqueConstraint& unique : table.uniques) truncate_identifier(unique.name);
    for (ForeignKey& key : table.foreign_keys) truncate_identifier(key.name);
    for (CheckConstraint& check : table.checks) truncate_identifier(check.name);
    for (ExclusionConstraint& exclusion : table.exclusions) truncate_identifier(exclusion.name);
    std::sort(
        table.exclusions.begin(), table.exclusions.end(),
        [](const ExclusionConstraint& a, const ExclusionConstraint& b) { return a.name < b.name; });
    for (Index& index : table.indexes) truncate_identifier(index.name);
    for (Column& column : table.columns) {
      if (column.identity) normalise_sequence(column.identity->options, column.type);
      if (column.default_expr && is_null_constant(*column.default_expr))
        column.default_expr.reset();
    }
    for (Index& index : table.indexes) {
      for (IndexElement& element : index.elements) {
        if (element.nulls.empty()) element.nulls = element.asc ? "last" : "first";
      }
    }
    // Triggers fire in name order; the order they were written in does not count.
    std::sort(table.triggers.begin(), table.triggers.end(),
              [](const Trigger& a, const Trigger& b) { return a.name < b.name; });
  }
  // A materialized view's indexes: by name (their order is not part of the schema).
  for (View& view : catalog.views) {
    for (Index& index : view.indexes) {
      truncate_identifier(index.name);
      for (IndexElement& element : index.elements) {
        if (element.nulls.empty()) element.nulls = element.asc ? "last" : "first";
      }
    }
    std::sort(view.indexes.begin(), view.indexes.end(),
              [](const Index& a, const Index& b) { return a.name < b.name; });
  }
  for (Domain& domain : catalog.domains) {
    for (CheckConstraint& check : domain.checks) truncate_identifier(check.name);
    std::sort(domain.checks.begin(), domain.checks.end(),
              [](const CheckConstraint& a, const CheckConstraint& b) { return a.name < b.name; });
  }
  std::sort(catalog.domains.begin(), catalog.domains.end(), [](const Domain& a, const Domain& b) {
    return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
  });
  // COLLATE spelled as the database reader spells it: a schema-qualified reference with the
  // schema as quote_ident writes it, and a collation of the default schema written unqualified
  // in a schema file qualified so.
  auto canonical_collation = [&](std::string& reference) {
    if (reference.empty()) return;
    auto [schema, name] = split_reference(reference);
    if (schema.empty()) {
      for (const Collation& collation : catalog.collations) {
        if (collation.schema == kDefaultSchema && collation.name == name) schema = kDefaultSchema;
      }
      if (schema.empty()) return;
    }
    bool plain = !schema.empty() && !std::isdigit(static_cast<unsigned char>(schema[0]));
    for (char c : schema) {
      plain = plain && (std::islower(static_cast<unsigned char>(c)) ||
                        std::isdigit(static_cast<unsigned char>(c)) || c == '_');
    }
    auto quoted = [](const std::string& part) {
      std::string out = "\"";
      for (char c : part) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      return out + "\"";
    };
    reference = (plain ? schema : quoted(schema)) + "." + quoted(name);
  };
  for (Table& table : catalog.tables) {
    for (Column& column : table.columns) canonical_collation(column.collation);
  }
  for (CompositeType& type : catalog.composite_types) {
    for (CompositeAttribute& attribute : type.attributes) canonical_collation(attribute.collation);
  }
  for (RangeType& range : catalog.range_types) canonical_collation(range.collation);
  for (RangeType& range : catalog.range_types) {
    if (range.multirange_type_name == default_multirange_name(range.name)) {
      range.multirange_type_name.clear();
    }
  }
  std::sort(catalog.range_types.begin(), catalog.range_types.end(),
            [](const RangeType& a, const RangeType& b) {
              return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
            });
  std::sort(catalog.collations.begin(), catalog.collations.end(),
            [](const Collation& a, const Collation& b) {
              return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
            });
  std::sort(catalog.extensions.begin(), catalog.extensions.end(),
            [](const Extension& a, const Extension& b) { return a.name < b.name; });
  std::sort(
      catalog.functions.begin(), catalog.functions.end(), [](const Function& a, const Function& b) {
        return std::tie(a.schema, a.name, a.arguments) < std::tie(b.schema, b.name, b.arguments);
      });
  for (Role& role : catalog.roles) std::sort(role.member_of.begin(), role.member_of.end());
  std::sort(catalog.roles.begin(), catalog.roles.end(),
            [](const Role& a, const Role& b) { return a.name < b.name; });
  std::sort(catalog.grants.begin(), catalog.grants.end());
  catalog.grants.erase(std::unique(catalog.grants.begin(), catalog.grants.end()),
                       catalog.grants.end());
  std::sort(catalog.comments.begin(), catalog.comments.end());
  std::sort(catalog.owners.begin(), catalog.owners.end());
  std::sort(catalog.default_privileges.begin(), catalog.default_privileges.end());
  catalog.default_privileges.erase(
      std::unique(catalog.default_privileges.begin(), catalog.default_privileges.end()),
      catalog.default_privileges.end());
}

void strip_privileges(Catalog& catalog) {
  catalog.roles.clear();
  catalog.grants.clear();
  catalog.default_privileges.clear();
  catalog.owners.clear();
}

const std::vector<std::string>& privileges_of_kind(const std::string& kind) {
  static const std::vector<std::string> table = {"SELECT",   "INSERT",     "UPDATE", "DELETE",
                                                 "TRUNCATE", "REFERENCES", "TRIGGER"};
  static const std::vector<std::string> sequence = {"SELECT", "UPDATE", "USAGE"};
  static const std::vector<std::string> routine = {"EXECUTE"};
  static const std::vector<std::string> type = {"USAGE"};
  static const std::vector<std::string> schema = {"CREATE", "USAGE"};
  static const std::vector<std::string> none;
  if (kind == "table") return table;
  if (kind == "sequence") return sequence;
  if (kind == "routine") return routine;
  if (kind == "type") return type;
  if (kind == "schema") return schema;
  return none;
}

bool default_privilege_applies(const DefaultPrivilege& entry, const std::string& kind,
                               const std::string& schema) {
  if (!entry.for_role.empty() || entry.object_kind != kind) return false;
  return entry.schema.empty() || (kind != "schema" && entry.schema == schema);
}

bool public_by_default(const std::string& kind, const std::string& schema, const std::string& name,
                       const std::string& privilege) {
  if (kind == "routine") return privilege == "EXECUTE";
  if (kind == "type") return privilege == "USAGE";
  if (kind == "schema") return schema == kDefaultSchema && name.empty() && privilege == "USAGE";
  return false;
}

}  // namespace flick::model
