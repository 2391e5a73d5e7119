// The pages of domains, composite and range types ("types/"), and the "Used by" section every user
// type's page (enums too) ends with.

#include <fmt/core.h>

#include "docs/markdown.hpp"
#include "docs/page_paths.hpp"
#include "docs/pages.hpp"
#include "docs/schema_facts.hpp"

namespace flick::docs {
namespace {

// `type` (spelled with its schema when it is a user type) as code, linked to its page when the
// catalog has one.
std::string type_link(const Context& context, const std::string& from, const std::string& type) {
  std::string page = qualified_type_page(context.sources.schema, type);
  return page.empty() ? code(type) : link(code(type), relative_link(from, page));
}

std::string header_line(const std::string& path, const std::string& schema) {
  return fmt::format("{} · schema {}\n\n", link("Index", relative_link(path, kIndexPage)),
                     code(schema));
}

}  // namespace

std::string comment_paragraph(const Context& context, const std::string& kind,
                              const std::string& schema, const std::string& name,
                              const std::string& arguments) {
  for (const model::Comment& comment : context.sources.schema.comments) {
    if (comment.object_kind == kind && comment.schema == schema && comment.name == name &&
        comment.arguments == arguments) {
      return escape_text(comment.text) + "\n\n";
    }
  }
  return "";
}

std::string type_uses_section(const Context& context, const std::string& path,
                              const std::string& schema, const std::string& name,
                              std::string_view noun) {
  TypeUses uses = type_uses(context.sources.schema, schema, name);
  std::string out = "## Used by\n\n";
  if (uses.columns.empty()) {
    out += fmt::format("No column uses this {}.\n", noun);
  } else {
    MarkdownTable rows({"Table", "Column", "Type", "Default"});
    for (const EnumUse& use : uses.columns) {
      rows.add_row({link(code(display_name(use.table->schema, use.table->name)),
                         relative_link(path, table_page_path(use.table->schema, use.table->name))),
                    code(use.column->name), code(use.column->type),
                    use.column->default_expr ? code(*use.column->default_expr) : ""});
    }
    out += rows.str();
  }
  if (!uses.domains.empty()) {
    std::vector<std::string> domains;
    for (const model::Domain* domain : uses.domains) {
      domains.push_back(link(code(display_name(domain->schema, domain->name)),
                             relative_link(path, type_page_path(domain->schema, domain->name))));
    }
    std::string list;
    for (const std::string& domain : domains) list += (list.empty() ? "" : ", ") + domain;
    out += "\nDomains over it: " + list + ".\n";
  }
  if (!uses.attributes.empty()) {
    MarkdownTable rows({"Composite type", "Attribute", "Type"});
    for (const AttributeUse& use : uses.attributes) {
      rows.add_row({link(code(display_name(use.type->schema, use.type->name)),
                         relative_link(path, type_page_path(use.type->schema, use.type->name))),
                    code(use.attribute->name), code(use.attribute->type)});
    }
    out += "\n" + rows.str();
  }
  return out;
}

Page domain_page(const Context& context, const model::Domain& domain) {
  std::string path = type_page_path(domain.schema, domain.name);
  std::string name = display_name(domain.schema, domain.name);
  std::vector<SearchTerm> terms;
  std::string out = fmt::format("# Domain {}\n\n", code(name));
  out += header_line(path, domain.schema);
  out += comment_paragraph(context, "type", domain.schema, domain.name);
  MarkdownTable facts({"Base type", "Nullable", "Default", "Collation"});
  facts.add_row({type_link(context, path, domain.base_type), domain.not_null ? "no" : "yes",
                 domain.default_expr ? code(*domain.default_expr) : "",
                 domain.collation.empty() ? "" : code(domain.collation)});
  out += facts.str() + "\n";
  if (!domain.checks.empty()) {
    MarkdownTable rows({"Constraint", "Expression"});
    for (const model::CheckConstraint& check : domain.checks) {
      terms.push_back({"check constraint", check.name});
      rows.add_row({code(check.name), code(check.expression)});
    }
    out += "## Check constraints\n\n" + rows.str() + "\n";
  }
  out += type_uses_section(context, path, domain.schema, domain.name, "domain");
  return Page{path, name, out, terms};
}

Page composite_type_page(const Context& context, const model::CompositeType& type) {
  std::string path = type_page_path(type.schema, type.name);
  std::string name = display_name(type.schema, type.name);
  std::vector<SearchTerm> terms;
  std::string out = fmt::format("# Composite type {}\n\n", code(name));
  out += header_line(path, type.schema);
  out += comment_paragraph(context, "type", type.schema, type.name);
  out += "## Attributes\n\n";
  if (type.attributes.empty()) {
    out += "None.\n\n";
  } else {
    MarkdownTable rows({"Attribute", "Type", "Collation"});
    for (const model::CompositeAttribute& attribute : type.attributes) {
      terms.push_back({"attribute", attribute.name});
      rows.add_row({code(attribute.name), type_link(context, path, attribute.type),
                    attribute.collation.empty() ? "" : code(attribute.collation)});
    }
    out += rows.str() + "\n";
  }
  out += type_uses_section(context, path, type.schema, type.name, "composite type");
  return Page{path, name, out, terms};
}

Page range_type_page(const Context& context, const model::RangeType& range) {
  std::string path = type_page_path(range.schema, range.name);
  std::string name = display_name(range.schema, range.name);
  std::vector<SearchTerm> terms;
  std::string out = fmt::format("# Range type {}\n\n", code(name));
  out += header_line(path, range.schema);
  out += comment_paragraph(context, "type", range.schema, range.name);
  std::string multirange = model::multirange_name(range);
  terms.push_back({"multirange type", display_name(range.schema, multirange)});
  MarkdownTable facts({"Subtype", "Multirange type", "Operator class", "Collation",
                       "Subtype difference", "Canonical function"});
  facts.add_row({type_link(context, path, range.subtype), code(multirange),
                 range.subtype_opclass.empty() ? "" : code(range.subtype_opclass),
                 range.collation.empty() ? "" : code(range.collation),
                 range.subtype_diff.empty() ? "" : code(range.subtype_diff),
                 range.canonical_function.empty() ? "" : code(range.canonical_function)});
  out += facts.str() + "\n";
  out += type_uses_section(context, path, range.schema, range.name, "range type");
  return Page{path, name, out, terms};
}

}  // namespace flick::docs
