// The page of one function, procedure or aggregate: its signature and options, its definition,
// its other overloads, and the triggers, views, column defaults and checks that call it.

#include <fmt/core.h>

#include <algorithm>

#include "docs/markdown.hpp"
#include "docs/page_paths.hpp"
#include "docs/pages.hpp"
#include "docs/routine_facts.hpp"
#include "docs/schema_facts.hpp"

namespace flick::docs {
namespace {

class FunctionPageWriter {
 public:
  FunctionPageWriter(const Context& context, const model::Function& function)
      : context_(context),
        function_(function),
        facts_(routine_facts(function)),
        path_(function_page_path(function.schema, function.name, function.arguments)),
        name_(routine_name(function.schema, function.name, function.arguments)) {}

  Page write() {
    std::string kind = model::routine_kind(function_);
    kind[0] = static_cast<char>(kind[0] - 'a' + 'A');
    std::string out = fmt::format("# {} {}\n\n", kind, code(name_));
    out += fmt::format("{} · schema {}\n\n", link("Index", relative_link(path_, kIndexPage)),
                       code(function_.schema));
    out += comment_paragraph(context_, "routine", function_.schema, function_.name,
                             function_.arguments);
    out += overloads();
    out += properties();
    out += "## Definition\n\n" + fenced("sql", function_.definition) + "\n";
    out += used_by();
    return Page{path_, name_, out, std::move(terms_)};
  }

 private:
  std::string overloads() {
    std::vector<std::string> others;
    for (const model::Function* other : context_.functions) {
      if (other == &function_ || other->schema != function_.schema ||
          other->name != function_.name) {
        continue;
      }
      others.push_back(link(
          code(routine_name(other->schema, other->name, other->arguments)),
          relative_link(path_, function_page_path(other->schema, other->name, other->arguments))));
    }
    if (others.empty()) return "";
    std::string list;
    for (const std::string& other : others) list += (list.empty() ? "" : ", ") + other;
    return "Other signatures of this name: " + list + ".\n\n";
  }

  std::string properties() {
    MarkdownTable rows({"Property", "Value"});
    std::string signature = display_name(function_.schema, function_.name) + "(" +
                            (facts_.parsed ? facts_.parameters : function_.arguments) + ")";
    rows.add_row({function_.aggregate ? "Arguments" : "Signature", code(signature)});
    if (function_.aggregate) {
      for (const auto& [key, value] : facts_.aggregate_options) {
        rows.add_row({code(key), value.empty() ? "(empty)" : code(value)});
      }
      return "## Properties\n\n" + rows.str() + "\n";
    }
    if (!function_.returns.empty()) rows.add_row({"Returns", code(function_.returns)});
    rows.add_row({"Language", code(function_.language)});
    if (facts_.parsed) {
      rows.add_row({"Volatility", facts_.volatility});
      rows.add_row({"Strict", facts_.strict ? "yes" : "no"});
      rows.add_row({"Security", facts_.security_definer ? "definer" : "invoker"});
      if (facts_.leakproof) rows.add_row({"Leakproof", "yes"});
      if (facts_.window) rows.add_row({"Window", "yes"});
      rows.add_row({"Parallel", facts_.parallel});
      if (!facts_.cost.empty()) rows.add_row({"Cost", facts_.cost});
      if (!facts_.rows.empty()) rows.add_row({"Rows", facts_.rows});
      if (!facts_.support.empty()) rows.add_row({"Support", code(facts_.support)});
      for (const std::string& setting : facts_.settings) rows.add_row({"Setting", code(setting)});
    }
    return "## Properties\n\n" + rows.str() + "\n";
  }

  std::string table_link(const model::Table& table) {
    return link(code(display_name(table.schema, table.name)),
                relative_link(path_, table_page_path(table.schema, table.name)));
  }

  std::string used_by() {
    std::string out;
    // A trigger function takes no declared arguments; triggers name it without them.
    MarkdownTable triggers({"Table", "Trigger", "Timing", "Events", "Level"});
    MarkdownTable columns({"Table", "Where"});
    for (const model::Table* table : context_.tables) {
      for (const model::Trigger& trigger : table->triggers) {
        TriggerFacts facts = trigger_facts(trigger);
        if (!facts.parsed || !function_.arguments.empty() || function_.procedure ||
            function_.aggregate || facts.function_schema != function_.schema ||
            facts.function_name != function_.name) {
          continue;
        }
        triggers.add_row({table_link(*table), code(trigger.name), facts.timing,
                          escape_text(facts.events), facts.for_each_row ? "row" : "statement"});
      }
      for (const model::Column& column : table->columns) {
        if (column.default_expr && calls(*column.default_expr)) {
          columns.add_row({table_link(*table), "default of " + code(column.name)});
        }
        if (column.generated && calls(*column.generated)) {
          columns.add_row({table_link(*table), "generated column " + code(column.name)});
        }
      }
      for (const model::CheckConstraint& check : table->checks) {
        if (calls(check.expression)) {
          columns.add_row({table_link(*table), "check " + code(check.name)});
        }
      }
    }
    std::vector<std::string> views;
    for (const model::View& view : context_.sources.schema.views) {
      if (calls(view.definition)) views.push_back(display_name(view.schema, view.name));
    }
    std::sort(views.begin(), views.end());
    if (!triggers.empty()) out += "### Triggers\n\n" + triggers.str() + "\n";
    if (!views.empty()) out += "### Views\n\n" + code_list(views) + "\n\n";
    if (!columns.empty()) out += "### Columns and checks\n\n" + columns.str() + "\n";
    if (out.empty()) return "## Used by\n\nNo trigger, view, column default or check calls it.\n";
    std::string note;
    if (!function_.procedure && (!views.empty() || !columns.empty()) && has_overloads()) {
      note = "Views, defaults and checks are matched by name: they may call another signature.\n\n";
    }
    return "## Used by\n\n" + note + out;
  }

  bool calls(const std::string& sql) const {
    return calls_routine(sql, function_.schema, function_.name);
  }

  bool has_overloads() const {
    for (const model::Function* other : context_.functions) {
      if (other != &function_ && other->schema == function_.schema &&
          other->name == function_.name) {
        return true;
      }
    }
    return false;
  }

  const Context& context_;
  const model::Function& function_;
  RoutineFacts facts_;
  std::string path_;
  std::string name_;
  std::vector<SearchTerm> terms_;
};

}  // namespace

Page function_page(const Context& context, const model::Function& function) {
  return FunctionPageWriter(context, function).write();
}

}  // namespace flick::docs
