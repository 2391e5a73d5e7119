// The page of one table: columns, keys, constraints, indexes, references both ways, policies,
// triggers.

#include <fmt/core.h>

#include "diff/changes.hpp"
#include "docs/markdown.hpp"
#include "docs/page_paths.hpp"
#include "docs/pages.hpp"
#include "docs/routine_facts.hpp"
#include "docs/schema_facts.hpp"

namespace flick::docs {
namespace {

class TablePageWriter {
 public:
  TablePageWriter(const Context& context, const model::Table& table)
      : context_(context),
        table_(table),
        path_(table_page_path(table.schema, table.name)),
        name_(display_name(table.schema, table.name)) {}

  Page write() {
    std::string out = fmt::format("# Table {}\n\n", code(name_));
    out +=
        fmt::format("{} · schema {}{}\n\n", link("Index", relative_link(path_, kIndexPage)),
                    code(table_.schema), table_.rls_enabled ? " · row-level security enabled" : "");
    if (table_.comment) out += escape_text(*table_.comment) + "\n\n";
    out += parents();
    out += columns();
    out += primary_key();
    out += uniques();
    out += checks();
    out += indexes();
    out += references();
    out += referenced_by();
    out += policies();
    out += triggers();
    return Page{path_, name_, out, std::move(terms_)};
  }

 private:
  // Linked to the page of its enum, domain or composite type.
  std::string type_cell(const model::Column& column) {
    std::string page = user_type_page(context_.sources.schema, column.type_schema, column.type);
    if (page.empty()) return code(column.type);
    return link(code(column.type), relative_link(path_, page));
  }

  static std::string default_cell(const model::Column& column) {
    if (column.generated) return "generated as " + code(*column.generated);
    if (column.identity) {
      return column.identity->kind == model::IdentityKind::kAlways ? "identity (always)"
                                                                   : "identity (by default)";
    }
    return column.default_expr ? code(*column.default_expr) : "";
  }

  // INHERITS: the parents, linked; their columns are marked "(inherited)" below.
  std::string parents() {
    if (table_.inherits.empty()) return "";
    std::string list;
    for (const model::TableParent& parent : table_.inherits) {
      if (!list.empty()) list += ", ";
      list += link(code(display_name(parent.schema, parent.name)),
                   relative_link(path_, table_page_path(parent.schema, parent.name)));
    }
    return "Inherits from " + list + " (columns and CHECK constraints).\n\n";
  }

  std::string columns() {
    MarkdownTable rows({"Column", "Type", "Nullable", "Default", "Comment"});
    for (const model::Column& column : table_.columns) {
      terms_.push_back({"column", column.name});
      std::string name = code(column.name);
      if (in_primary_key(table_, column.name)) name += " (PK)";
      if (column.inherited) name += " (inherited)";
      rows.add_row({name, type_cell(column), column.not_null ? "no" : "yes", default_cell(column),
                    column.comment ? escape_text(*column.comment) : ""});
    }
    return "## Columns\n\n" + rows.str() + "\n";
  }

  std::string primary_key() {
    std::vector<std::string> columns = primary_key_columns(table_);
    if (columns.empty()) return "";
    terms_.push_back({"primary key", primary_key_name(table_)});
    return fmt::format("## Primary key\n\n{} on {}\n\n", code(primary_key_name(table_)),
                       code_list(columns));
  }

  std::string uniques() {
    if (table_.uniques.empty()) return "";
    MarkdownTable rows({"Constraint", "Columns", "Nulls"});
    for (const model::UniqueConstraint& unique : table_.uniques) {
      terms_.push_back({"unique constraint", unique.name});
      rows.add_row({code(unique.name), code_list(unique.columns),
                    unique.nulls_not_distinct ? "not distinct" : "distinct"});
    }
    return "## Unique constraints\n\n" + rows.str() + "\n";
  }

  std::string checks() {
    if (table_.checks.empty()) return "";
    MarkdownTable rows({"Constraint", "Expression"});
    for (const model::CheckConstraint& check : table_.checks) {
      terms_.push_back({"check constraint", check.name});
      rows.add_row({code(check.name), code(check.expression)});
    }
    return "## Check constraints\n\n" + rows.str() + "\n";
  }

  static std::string index_columns(const model::Index& index) {
    std::vector<std::string> elements;
    for (const model::IndexElement& element : index.elements) {
      std::string text =
          element.is_expression ? "(" + element.expression + ")" : element.expression;
      if (!element.opclass.empty()) text += " " + element.opclass;
      if (!element.asc) text += " DESC";
      bool default_nulls = element.nulls == (element.asc ? "last" : "first");
      if (!element.nulls.empty() && !default_nulls) {
        text += element.nulls == "first" ? " NULLS FIRST" : " NULLS LAST";
      }
      elements.push_back(text);
    }
    std::string out = code_list(elements);
    if (!index.include.empty()) out += " include " + code_list(index.include);
    return out;
  }

  std::string indexes() {
    if (table_.indexes.empty()) return "";
    MarkdownTable rows({"Index", "Columns", "Unique", "Method", "Where"});
    for (const model::Index& index : table_.indexes) {
      terms_.push_back({"index", index.name});
      std::string unique = index.unique ? "yes" : "no";
      if (index.unique && index.nulls_not_distinct) unique += " (nulls not distinct)";
      rows.add_row({code(index.name), index_columns(index), unique, index.method,
                    index.where ? code(*index.where) : ""});
    }
    return "## Indexes\n\n" + rows.str() + "\n";
  }

  std::string table_link(const std::string& schema, const std::string& name) {
    std::string label = code(display_name(schema, name));
    if (!context_.sources.schema.find_table(schema, name)) return label + " (not in the schema)";
    return link(label, relative_link(path_, table_page_path(schema, name)));
  }

  std::string references() {
    if (table_.foreign_keys.empty()) return "## References\n\nNone.\n\n";
    MarkdownTable rows(
        {"Constraint", "Columns", "Table", "Referenced columns", "On delete", "On update"});
    for (const model::ForeignKey& key : table_.foreign_keys) {
      terms_.push_back({"foreign key", key.name});
      rows.add_row({code(key.name), code_list(key.columns),
                    table_link(key.ref_schema, key.ref_table), code_list(key.ref_columns),
                    key.on_delete, key.on_update});
    }
    return "## References\n\n" + rows.str() + "\n";
  }

  std::string referenced_by() {
    std::vector<Reference> references =
        references_to(context_.sources.schema, table_.schema, table_.name);
    if (references.empty()) return "## Referenced by\n\nNone.\n\n";
    MarkdownTable rows({"Table", "Constraint", "Columns", "Referenced columns", "On delete"});
    for (const Reference& reference : references) {
      const model::ForeignKey& key = *reference.foreign_key;
      rows.add_row({table_link(reference.table->schema, reference.table->name), code(key.name),
                    code_list(key.columns), code_list(key.ref_columns), key.on_delete});
    }
    return "## Referenced by\n\n" + rows.str() + "\n";
  }

  std::string policies() {
    if (table_.policies.empty()) return "";
    MarkdownTable rows({"Policy", "As", "For", "To", "Using", "With check"});
    for (const model::Policy& policy : table_.policies) {
      terms_.push_back({"policy", policy.name});
      rows.add_row({code(policy.name), policy.as, policy.for_command, code_list(policy.to),
                    policy.using_expr ? code(*policy.using_expr) : "",
                    policy.with_check ? code(*policy.with_check) : ""});
    }
    return "## Policies\n\n" + rows.str() + "\n";
  }

  std::string trigger_function(const TriggerFacts& facts) {
    std::string call = code(display_name(facts.function_schema, facts.function_name) + "(" +
                            facts.function_arguments + ")");
    // A trigger function has no declared arguments (the trigger's go to TG_ARGV).
    if (!context_.sources.schema.find_function(facts.function_schema, facts.function_name, "")) {
      return call + " (not in the schema)";
    }
    return link(call, relative_link(path_, function_page_path(facts.function_schema,
                                                              facts.function_name, "")));
  }

  std::string triggers() {
    if (table_.triggers.empty()) return "";
    MarkdownTable rows({"Trigger", "Timing", "Events", "Level", "When", "Function"});
    for (const model::Trigger& trigger : table_.triggers) {
      terms_.push_back({"trigger", trigger.name});
      TriggerFacts facts = trigger_facts(trigger);
      if (!facts.parsed) {
        rows.add_row({code(trigger.name), code(trigger.definition), "", "", "", ""});
        continue;
      }
      std::string timing = facts.timing;
      if (facts.constraint) timing += " (constraint trigger)";
      if (!facts.options.empty()) timing += " " + escape_text(facts.options);
      if (trigger.enabled != 'O') {
        timing += " (" + diff::trigger_state_words(trigger.enabled, true) + ")";
      }
      std::string level = facts.for_each_row ? "row" : "statement";
      if (!facts.referencing.empty()) level += ", referencing " + code(facts.referencing);
      rows.add_row({code(trigger.name), timing, escape_text(facts.events), level,
                    facts.when.empty() ? "" : code(facts.when), trigger_function(facts)});
    }
    return "## Triggers\n\n" + rows.str() + "\n";
  }

  const Context& context_;
  const model::Table& table_;
  std::string path_;
  std::string name_;
  std::vector<SearchTerm> terms_;
};

}  // namespace

Page table_page(const Context& context, const model::Table& table) {
  return TablePageWriter(context, table).write();
}

}  // namespace flick::docs
