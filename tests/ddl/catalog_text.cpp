#include "catalog_text.hpp"

#include <fmt/format.h>

namespace flick::ddl::testing {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ",") + item;
  return text;
}

std::string sequence_text(const model::SequenceOptions& o) {
  return fmt::format("increment={} min={} max={} start={} cache={} cycle={}", o.increment,
                     o.min_value, o.max_value, o.start_with, o.cache, o.cycle);
}

void append_table(const model::Table& t, std::string& out) {
  out += fmt::format("table {}.{}{}\n", t.schema, t.name, t.rls_enabled ? " rls" : "");
  if (t.comment) out += fmt::format("  comment {}\n", *t.comment);
  for (const model::Column& c : t.columns) {
    out += fmt::format("  column {} {}{}{}{}", c.name,
                       c.type_schema.empty() ? "" : c.type_schema + ".", c.type,
                       c.not_null ? " not null" : "", c.primary_key ? " primary key" : "");
    if (c.default_expr) out += " default " + *c.default_expr;
    if (c.generated) out += " generated " + *c.generated;
    if (c.identity) {
      out += fmt::format(" identity {} {} {}",
                         c.identity->kind == model::IdentityKind::kAlways ? "always" : "by default",
                         c.identity->sequence_name, sequence_text(c.identity->options));
    }
    if (c.comment) out += " comment " + *c.comment;
    out += "\n";
  }
  if (t.primary_key) {
    out += fmt::format("  primary key {} ({})\n",
                       t.primary_key->name.empty() ? "<implicit>" : t.primary_key->name,
                       joined(t.primary_key->columns));
  }
  for (const model::UniqueConstraint& u : t.uniques) {
    out += fmt::format("  unique {} ({}){}\n", u.name, joined(u.columns),
                       u.nulls_not_distinct ? " nulls not distinct" : "");
  }
  for (const model::ForeignKey& f : t.foreign_keys) {
    out += fmt::format("  foreign key {} ({}) -> {}.{} ({}) on delete {} on update {}\n", f.name,
                       joined(f.columns), f.ref_schema, f.ref_table, joined(f.ref_columns),
                       f.on_delete, f.on_update);
  }
  for (const model::CheckConstraint& c : t.checks) {
    out += fmt::format("  check {} {}\n", c.name, c.expression);
  }
  for (const model::Index& i : t.indexes) {
    std::vector<std::string> elements;
    for (const model::IndexElement& e : i.elements) {
      elements.push_back(fmt::format("{}{} {} nulls {}{}", e.is_expression ? "expr:" : "",
                                     e.expression, e.asc ? "asc" : "desc", e.nulls,
                                     e.opclass.empty() ? "" : " " + e.opclass));
    }
    std::vector<std::string> with;
    for (const auto& [key, value] : i.with) with.push_back(key + "=" + value);
    out += fmt::format("  index {}{}{}{} using {} ({})", i.name, i.unique ? " unique" : "",
                       i.nulls_not_distinct ? " nulls not distinct" : "",
                       i.concurrently ? " concurrently" : "", i.method, joined(elements));
    if (!i.include.empty()) out += " include (" + joined(i.include) + ")";
    if (!with.empty()) out += " with (" + joined(with) + ")";
    if (i.where) out += " where " + *i.where;
    out += "\n";
  }
  for (const model::Policy& p : t.policies) {
    out += fmt::format("  policy {} as {} for {} to {}", p.name, p.as, p.for_command, joined(p.to));
    if (p.using_expr) out += " using " + *p.using_expr;
    if (p.with_check) out += " with check " + *p.with_check;
    out += "\n";
  }
}

}  // namespace

std::string catalog_text(const model::Catalog& catalog) {
  std::string out;
  for (const std::string& schema : catalog.schemas) out += "schema " + schema + "\n";
  for (const model::Enum& e : catalog.enums) {
    out += fmt::format("enum {}.{} ({})\n", e.schema, e.name, joined(e.values));
  }
  for (const model::Sequence& s : catalog.sequences) {
    out += fmt::format("sequence {}.{} {}\n", s.schema, s.name, sequence_text(s.options));
  }
  for (const model::Table& t : catalog.tables) append_table(t, out);
  for (const model::View& v : catalog.views) {
    std::vector<std::string> with;
    for (const auto& [key, value] : v.with) with.push_back(key + "=" + value);
    out += fmt::format("{} {}.{}{}{} as {}\n", v.materialized ? "materialized view" : "view",
                       v.schema, v.name, with.empty() ? "" : " with (" + joined(with) + ")",
                       v.with_no_data ? " with no data" : "", v.definition);
  }
  return out;
}

}  // namespace flick::ddl::testing
