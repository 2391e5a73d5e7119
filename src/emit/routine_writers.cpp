// Extensions, functions and procedures, triggers. Functions and triggers are written as their
// definition reads (the schema file's own text), so comments and layout inside bodies survive.

#include <fmt/format.h>

#include <algorithm>

#include "emit/sql_text.hpp"
#include "emit/writers.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::emit {

namespace {

std::string domain_name(const model::Domain& domain) {
  return qualified_name({domain.schema, domain.name});
}

// A domain's base type ("public.mood", "varchar(20)") in SQL: a user type quoted, by cast_type.
std::string type_sql(const std::string& type) {
  std::size_t dot = type.find('.');
  if (dot == std::string::npos || type.find('(') < dot) return type;
  return cast_type(type.substr(dot + 1), type.substr(0, dot));
}

}  // namespace

void write(const diff::CreateDomain& change, Statements& out) {
  const model::Domain& domain = change.domain;
  std::string text = "CREATE DOMAIN " + domain_name(domain) + " AS " + type_sql(domain.base_type);
  if (!domain.collation.empty()) text += " COLLATE " + quoted(domain.collation);
  if (domain.default_expr) text += " DEFAULT " + *domain.default_expr;
  if (domain.not_null) text += " NOT NULL";
  for (const model::CheckConstraint& check : domain.checks) {
    text += " CONSTRAINT " + quoted(check.name) + " CHECK (" + check.expression + ")";
  }
  out.push_back(text + ";");
}
void write(const diff::AlterDomain& change, Statements& out) {
  const model::Domain& from = change.from;
  const model::Domain& to = change.to;
  std::string name = domain_name(to);
  for (const model::CheckConstraint& check : from.checks) {
    bool kept = std::find(to.checks.begin(), to.checks.end(), check) != to.checks.end();
    if (!kept)
      out.push_back("ALTER DOMAIN " + name + " DROP CONSTRAINT " + quoted(check.name) + ";");
  }
  if (from.default_expr != to.default_expr) {
    out.push_back(to.default_expr
                      ? "ALTER DOMAIN " + name + " SET DEFAULT " + *to.default_expr + ";"
                      : "ALTER DOMAIN " + name + " DROP DEFAULT;");
  }
  if (from.not_null != to.not_null) {
    out.push_back("ALTER DOMAIN " + name + (to.not_null ? " SET NOT NULL;" : " DROP NOT NULL;"));
  }
  for (const model::CheckConstraint& check : to.checks) {
    bool existed = std::find(from.checks.begin(), from.checks.end(), check) != from.checks.end();
    if (!existed) {
      out.push_back("ALTER DOMAIN " + name + " ADD CONSTRAINT " + quoted(check.name) + " CHECK (" +
                    check.expression + ");");
    }
  }
}
void write(const diff::DropDomain& change, Statements& out) {
  out.push_back("DROP DOMAIN " + qualified_name(change.name) + ";");
}

namespace {

std::string attribute_type(const model::CompositeAttribute& attribute) {
  std::string text = type_sql(attribute.type);
  if (!attribute.collation.empty()) text += " COLLATE " + attribute.collation;
  return text;
}

std::string composite_name(const model::CompositeType& type) {
  return qualified_name({type.schema, type.name});
}

}  // namespace

void write(const diff::CreateCompositeType& change, Statements& out) {
  std::string attributes;
  for (const model::CompositeAttribute& attribute : change.type.attributes) {
    if (!attributes.empty()) attributes += ", ";
    attributes += quoted(attribute.name) + " " + attribute_type(attribute);
  }
  out.push_back("CREATE TYPE " + composite_name(change.type) + " AS (" + attributes + ");");
}
void write(const diff::AlterCompositeType& change, Statements& out) {
  auto find = [](const model::CompositeType& type, const std::string& name) {
    const model::CompositeAttribute* found = nullptr;
    for (const model::CompositeAttribute& attribute : type.attributes) {
      if (attribute.name == name) found = &attribute;
    }
    return found;
  };
  std::string prefix = "ALTER TYPE " + composite_name(change.to);
  for (const model::CompositeAttribute& old : change.from.attributes) {
    const model::CompositeAttribute* now = find(change.to, old.name);
    if (now == nullptr) {
      out.push_back(prefix + " DROP ATTRIBUTE " + quoted(old.name) + ";");
    } else if (!(*now == old)) {
      out.push_back(prefix + " ALTER ATTRIBUTE " + quoted(old.name) + " SET DATA TYPE " +
                    attribute_type(*now) + ";");
    }
  }
  for (const model::CompositeAttribute& attribute : change.to.attributes) {
    if (find(change.from, attribute.name) == nullptr) {
      out.push_back(prefix + " ADD ATTRIBUTE " + quoted(attribute.name) + " " +
                    attribute_type(attribute) + ";");
    }
  }
}
void write(const diff::DropCompositeType& change, Statements& out) {
  out.push_back("DROP TYPE " + qualified_name(change.name) + ";");
}

void write(const diff::CreateRangeType& change, Statements& out) {
  const model::RangeType& range = change.type;
  std::string options = "SUBTYPE = " + type_sql(range.subtype);
  if (!range.subtype_opclass.empty()) options += ", SUBTYPE_OPCLASS = " + range.subtype_opclass;
  if (!range.collation.empty()) options += ", COLLATION = " + range.collation;
  if (!range.canonical_function.empty()) options += ", CANONICAL = " + range.canonical_function;
  if (!range.subtype_diff.empty()) options += ", SUBTYPE_DIFF = " + range.subtype_diff;
  if (!range.multirange_type_name.empty()) {
    options +=
        ", MULTIRANGE_TYPE_NAME = " + qualified_name({range.schema, range.multirange_type_name});
  }
  out.push_back("CREATE TYPE " + qualified_name({range.schema, range.name}) + " AS RANGE (" +
                options + ");");
}
void write(const diff::DropRangeType& change, Statements& out) {
  out.push_back("DROP TYPE " + qualified_name(change.name) + ";");
}

void write(const diff::CreateCollation& change, Statements& out) {
  const model::Collation& collation = change.collation;
  std::string options = "provider = " + collation.provider;
  if (collation.lc_collate == collation.lc_ctype) {
    options += ", locale = " + sqlparse::quote_literal(collation.lc_collate);
  } else {
    options += ", lc_collate = " + sqlparse::quote_literal(collation.lc_collate) +
               ", lc_ctype = " + sqlparse::quote_literal(collation.lc_ctype);
  }
  if (!collation.deterministic) options += ", deterministic = false";
  out.push_back("CREATE COLLATION " + qualified_name({collation.schema, collation.name}) + " (" +
                options + ");");
}
void write(const diff::DropCollation& change, Statements& out) {
  out.push_back("DROP COLLATION " + qualified_name(change.name) + ";");
}

void write(const diff::CreateExtension& change, Statements& out) {
  std::string text = "CREATE EXTENSION IF NOT EXISTS " + quoted(change.extension.name);
  if (!change.extension.schema.empty()) text += " SCHEMA " + quoted(change.extension.schema);
  if (!change.extension.version.empty()) text += " VERSION '" + change.extension.version + "'";
  out.push_back(text + ";");
}
void write(const diff::DropExtension& change, Statements& out) {
  out.push_back(fmt::format("DROP EXTENSION {};", quoted(change.name)));
}
void write(const diff::CreateFunction& change, Statements& out) {
  out.push_back(change.function.definition + ";");
}
void write(const diff::ReplaceFunction& change, Statements& out) {
  out.push_back(change.function.definition + ";");
}
void write(const diff::DropFunction& change, Statements& out) {
  out.push_back(fmt::format("DROP {} {}({});",
                            change.aggregate   ? "AGGREGATE"
                            : change.procedure ? "PROCEDURE"
                                               : "FUNCTION",
                            qualified_name(change.name), change.arguments));
}
void write(const diff::CreateTrigger& change, Statements& out) {
  out.push_back(change.trigger.definition + ";");
}
void write(const diff::SetTriggerState& change, Statements& out) {
  const char* action = change.enabled == 'D'   ? "DISABLE TRIGGER"
                       : change.enabled == 'R' ? "ENABLE REPLICA TRIGGER"
                       : change.enabled == 'A' ? "ENABLE ALWAYS TRIGGER"
                                               : "ENABLE TRIGGER";
  out.push_back(
      fmt::format("ALTER TABLE {} {} {};", table_name(change.table), action, quoted(change.name)));
}
void write(const diff::DropTrigger& change, Statements& out) {
  out.push_back(
      fmt::format("DROP TRIGGER {} ON {};", quoted(change.name), table_name(change.table)));
}

}  // namespace flick::emit
