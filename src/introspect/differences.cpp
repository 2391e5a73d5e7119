// differences: what differs between the database and the schema it is compared with, said from
// both sides ("column "age" of "public"."users" is integer in the database, bigint in the
// schema"), rather than as the statements that reconcile them.

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "introspect/changes.hpp"

namespace flick::introspect {
namespace {

std::string name(const std::string& schema, const std::string& object) {
  return schema == "public" ? fmt::format("\"{}\"", object)
                            : fmt::format("\"{}\".\"{}\"", schema, object);
}
std::string name(const diff::QualifiedName& qualified) {
  return name(qualified.schema, qualified.name);
}
std::string column_name(const diff::QualifiedName& table, const std::string& column) {
  return fmt::format("column \"{}\" of {}", column, name(table));
}

std::string list(const std::vector<std::string>& items, const char* quote = "\"") {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + (quote + item + quote);
  return out;
}

std::string shown(const std::optional<std::string>& text, const char* none) {
  return text ? "`" + *text + "`" : none;
}

// A constraint's definition in short, as each side has it.
std::string constraint_text(const model::Table& table, const std::string& constraint) {
  if (table.primary_key && table.primary_key->name == constraint) {
    return "PRIMARY KEY (" + list(table.primary_key->columns) + ")";
  }
  for (const model::UniqueConstraint& unique : table.uniques) {
    if (unique.name == constraint) {
      return "UNIQUE" + std::string(unique.nulls_not_distinct ? " NULLS NOT DISTINCT" : "") + " (" +
             list(unique.columns) + ")";
    }
  }
  for (const model::CheckConstraint& check : table.checks) {
    if (check.name == constraint) return "CHECK (" + check.expression + ")";
  }
  for (const model::ExclusionConstraint& exclusion : table.exclusions) {
    if (exclusion.name == constraint) return exclusion.definition;
  }
  for (const model::ForeignKey& key : table.foreign_keys) {
    if (key.name == constraint) {
      return fmt::format("FOREIGN KEY ({}) REFERENCES {} ({}) ON DELETE {} ON UPDATE {}",
                         list(key.columns), name(key.ref_schema, key.ref_table),
                         list(key.ref_columns), key.on_delete, key.on_update);
    }
  }
  return "";
}

std::string index_text(const model::Index& index) {
  std::string elements;
  for (const model::IndexElement& element : index.elements) {
    std::string text =
        element.is_expression ? element.expression : "\"" + element.expression + "\"";
    if (!element.opclass.empty()) text += " " + element.opclass;
    if (!element.asc) text += " DESC";
    // PostgreSQL's default: NULLS LAST ascending, NULLS FIRST descending.
    std::string default_nulls = element.asc ? "last" : "first";
    if (!element.nulls.empty() && element.nulls != default_nulls) {
      text += element.nulls == "first" ? " NULLS FIRST" : " NULLS LAST";
    }
    elements += (elements.empty() ? "" : ", ") + text;
  }
  std::string out =
      std::string(index.unique ? "UNIQUE " : "") + "USING " + index.method + " (" + elements + ")";
  if (!index.include.empty()) out += " INCLUDE (" + list(index.include) + ")";
  if (index.where) out += " WHERE " + *index.where;
  return out;
}

const model::Index* find_index(const model::Catalog& catalog, const std::string& schema,
                               const std::string& index_name) {
  for (const model::Table& table : catalog.tables) {
    if (table.schema != schema) continue;
    for (const model::Index& index : table.indexes) {
      if (index.name == index_name) return &index;
    }
  }
  return nullptr;
}

const model::Policy* find_policy(const model::Table* table, const std::string& policy_name) {
  if (table == nullptr) return nullptr;
  for (const model::Policy& policy : table->policies) {
    if (policy.name == policy_name) return &policy;
  }
  return nullptr;
}

std::string policy_text(const model::Policy& policy) {
  std::string out =
      fmt::format("AS {} FOR {} TO {}", policy.as, policy.for_command, list(policy.to, ""));
  if (policy.using_expr) out += " USING (" + *policy.using_expr + ")";
  if (policy.with_check) out += " WITH CHECK (" + *policy.with_check + ")";
  return out;
}

std::string sequence_options_text(const model::SequenceOptions& options) {
  return fmt::format("increment {}, min {}, max {}, start {}, cache {}{}", options.increment,
                     options.min_value, options.max_value, options.start_with, options.cache,
                     options.cycle ? ", cycle" : "");
}

// Says each change of a drift diff (database -> schema) as the difference it reconciles.
struct Difference {
  const model::Catalog& database;
  const model::Catalog& schema;

  const model::Column* column_in(const model::Catalog& catalog, const diff::QualifiedName& table,
                                 const std::string& column) const {
    const model::Table* found = catalog.find_table(table.schema, table.name);
    return found == nullptr ? nullptr : model::find_column(*found, column);
  }

  std::string operator()(const diff::CreateSchema& c) const {
    return fmt::format("schema \"{}\" is in the schema, not in the database", c.name);
  }
  std::string operator()(const diff::RenameSchema& c) const {
    return fmt::format("schema \"{}\" in the database is named \"{}\" in the schema", c.from, c.to);
  }
  std::string operator()(const diff::DropSchema& c) const {
    return fmt::format("schema \"{}\" is in the database, not in the schema", c.name);
  }
  std::string operator()(const diff::CreateEnum& c) const {
    return fmt::format("enum {} ({}) is in the schema, not in the database",
                       name(c.enum_type.schema, c.enum_type.name), list(c.enum_type.values, "'"));
  }
  std::string operator()(const diff::DropEnum& c) const {
    return fmt::format("enum {} is in the database, not in the schema", name(c.name));
  }
  std::string operator()(const diff::RenameEnum& c) const {
    return fmt::format("enum {} in the database is named \"{}\" in the schema", name(c.from), c.to);
  }
  std::string operator()(const diff::MoveEnum& c) const {
    return fmt::format("enum {} is in schema \"{}\" in the schema", name(c.from), c.to_schema);
  }
  std::string operator()(const diff::AddEnumValue& c) const {
    return fmt::format("enum {} has value '{}' in the schema that the database lacks",
                       name(c.enum_name), c.value);
  }
  std::string operator()(const diff::RenameEnumValue& c) const {
    return fmt::format("value '{}' of enum {} in the database is '{}' in the schema", c.from,
                       name(c.enum_name), c.to);
  }
  std::string operator()(const diff::RebuildEnum& c) const {
    const model::Enum* live = database.find_enum(c.enum_type.schema, c.enum_type.name);
    std::string enum_name = name(c.enum_type.schema, c.enum_type.name);
    if (live == nullptr) {
      return fmt::format("enum {} has the values ({}) in the schema", enum_name,
                         list(c.enum_type.values, "'"));
    }
    std::set<std::string> wanted(c.enum_type.values.begin(), c.enum_type.values.end());
    std::set<std::string> have(live->values.begin(), live->values.end());
    std::vector<std::string> only_database;
    std::vector<std::string> only_schema;
    for (const std::string& value : live->values) {
      if (!wanted.count(value)) only_database.push_back(value);
    }
    for (const std::string& value : c.enum_type.values) {
      if (!have.count(value)) only_schema.push_back(value);
    }
    std::string out = "enum " + enum_name;
    if (!only_database.empty()) {
      out += fmt::format(" has {} in the database that the schema lacks", list(only_database, "'"));
    }
    if (!only_schema.empty()) {
      out += fmt::format("{} has {} in the schema that the database lacks",
                         only_database.empty() ? "" : ", and", list(only_schema, "'"));
    }
    if (only_database.empty() && only_schema.empty()) {
      out += fmt::format(
          " lists its values in another order: ({}) in the database, ({}) in the "
          "schema",
          list(live->values, "'"), list(c.enum_type.values, "'"));
    }
    return out;
  }
  std::string operator()(const diff::CreateSequence& c) const {
    return fmt::format("sequence {} is in the schema, not in the database",
                       name(c.sequence.schema, c.sequence.name));
  }
  std::string operator()(const diff::AlterSequence& c) const {
    const model::Sequence* live = database.find_sequence(c.sequence.schema, c.sequence.name);
    return fmt::format("sequence {} has {} in the schema, {} in the database",
                       name(c.sequence.schema, c.sequence.name),
                       sequence_options_text(c.sequence.options),
                       live ? sequence_options_text(live->options) : "other options");
  }
  std::string operator()(const diff::DropSequence& c) const {
    return fmt::format("sequence {} is in the database, not in the schema", name(c.name));
  }
  std::string operator()(const diff::RenameSequence& c) const {
    return fmt::format("sequence {} in the database is named \"{}\" in the schema", name(c.from),
                       c.to);
  }
  std::string operator()(const diff::MoveSequence& c) const {
    return fmt::format("sequence {} is in schema \"{}\" in the schema", name(c.from), c.to_schema);
  }
  std::string operator()(const diff::CreateTable& c) const {
    return fmt::format("table {} is in the schema, not in the database",
                       name(c.table->schema, c.table->name));
  }
  std::string operator()(const diff::DropTable& c) const {
    return fmt::format("table {} is in the database, not in the schema", name(c.name));
  }
  std::string operator()(const diff::RenameTable& c) const {
    return fmt::format("table {} in the database is named \"{}\" in the schema", name(c.from),
                       c.to);
  }
  std::string operator()(const diff::MoveTable& c) const {
    return fmt::format("table {} is in schema \"{}\" in the schema", name(c.from), c.to_schema);
  }
  std::string operator()(const diff::AddColumn& c) const {
    return fmt::format("{} ({}) is in the schema, not in the database",
                       column_name(c.table, c.column.name), c.column.type);
  }
  std::string operator()(const diff::DropColumn& c) const {
    const model::Column* live = column_in(database, c.table, c.column);
    return fmt::format("{}{} is in the database, not in the schema", column_name(c.table, c.column),
                       live ? " (" + live->type + ")" : "");
  }
  std::string operator()(const diff::RenameColumn& c) const {
    return fmt::format("{} in the database is named \"{}\" in the schema",
                       column_name(c.table, c.from), c.to);
  }
  std::string operator()(const diff::AlterColumnType& c) const {
    const model::Column* live = column_in(database, c.table, c.column);
    auto spelled = [](const std::string& type, const std::string& collation) {
      return collation.empty() ? type : type + " COLLATE " + collation;
    };
    return fmt::format("{} is {} in the database, {} in the schema", column_name(c.table, c.column),
                       live ? spelled(live->type, live->collation) : "another type",
                       spelled(c.type, c.collation));
  }
  std::string operator()(const diff::SetDefault& c) const {
    const model::Column* live = column_in(database, c.table, c.column);
    return fmt::format("{} defaults to `{}` in the schema, {} in the database",
                       column_name(c.table, c.column), c.expression,
                       live ? shown(live->default_expr, "to nothing") : "to something else");
  }
  std::string operator()(const diff::DropDefault& c) const {
    const model::Column* live = column_in(database, c.table, c.column);
    return fmt::format("{} defaults to {} in the database, to nothing in the schema",
                       column_name(c.table, c.column),
                       live ? shown(live->default_expr, "something") : "something");
  }
  std::string operator()(const diff::SetNotNull& c) const {
    return fmt::format("{} is NOT NULL in the schema, nullable in the database",
                       column_name(c.table, c.column));
  }
  std::string operator()(const diff::DropNotNull& c) const {
    return fmt::format("{} is NOT NULL in the database, nullable in the schema",
                       column_name(c.table, c.column));
  }
  std::string operator()(const diff::AddIdentity& c) const {
    return fmt::format("{} is an identity column in the schema, not in the database",
                       column_name(c.table, c.column));
  }
  std::string operator()(const diff::DropIdentity& c) const {
    return fmt::format("{} is an identity column in the database, not in the schema",
                       column_name(c.table, c.column));
  }
  std::string operator()(const diff::AlterIdentity& c) const {
    return fmt::format("{}'s identity has {} in the schema, {} in the database",
                       column_name(c.table, c.column), sequence_options_text(c.to.options),
                       sequence_options_text(c.from.options));
  }
  std::string operator()(const diff::DropExpression& c) const {
    return fmt::format("{} is a generated column in the database, a plain one in the schema",
                       column_name(c.table, c.column));
  }
  std::string operator()(const diff::SetColumnComment& c) const {
    const model::Column* live = column_in(database, c.table, c.column);
    return fmt::format("{} has comment {} in the schema, {} in the database",
                       column_name(c.table, c.column), shown(c.comment, "none"),
                       live ? shown(live->comment, "none") : "another");
  }
  std::string operator()(const diff::SetComment& c) const {
    std::string live = "none";
    for (const model::Comment& comment : database.comments) {
      if (comment.object_kind == c.comment.object_kind && comment.schema == c.comment.schema &&
          comment.name == c.comment.name && comment.arguments == c.comment.arguments) {
        live = shown(std::optional<std::string>(comment.text), "none");
      }
    }
    std::optional<std::string> wanted;
    if (!c.comment.text.empty()) wanted = c.comment.text;
    return fmt::format("{} has comment {} in the schema, {} in the database",
                       diff::commented_object_text(c.comment), shown(wanted, "none"), live);
  }
  std::string operator()(const diff::SetTableComment& c) const {
    const model::Table* live = database.find_table(c.table.schema, c.table.name);
    return fmt::format("table {} has comment {} in the schema, {} in the database", name(c.table),
                       shown(c.comment, "none"), live ? shown(live->comment, "none") : "another");
  }
  std::string constraint_in_schema(const diff::QualifiedName& table, const std::string& constraint,
                                   const std::string& text) const {
    return fmt::format("constraint \"{}\" on {} ({}) is in the schema, not in the database",
                       constraint, name(table), text);
  }
  std::string operator()(const diff::AddPrimaryKey& c) const {
    return constraint_in_schema(c.table, c.name, "PRIMARY KEY (" + list(c.columns) + ")");
  }
  std::string operator()(const diff::AddUnique& c) const {
    return constraint_in_schema(c.table, c.unique.name, "UNIQUE (" + list(c.unique.columns) + ")");
  }
  std::string operator()(const diff::AddExclusion& c) const {
    return constraint_in_schema(c.table, c.exclusion.name, c.exclusion.definition);
  }
  std::string operator()(const diff::AttachPartition& c) const {
    const model::Table* live = database.find_table(c.partition.schema, c.partition.name);
    std::string now = live && live->partition_of
                          ? fmt::format("a partition of {} {}",
                                        name(live->partition_of->schema, live->partition_of->name),
                                        live->partition_of->bound)
                          : "not a partition";
    return fmt::format("{} is {} in the database, a partition of {} {} in the schema",
                       name(c.partition), now, name(c.parent), c.bound);
  }
  std::string operator()(const diff::DetachPartition& c) const {
    const model::Table* wanted = schema.find_table(c.partition.schema, c.partition.name);
    if (wanted && wanted->partition_of) return "";  // said by the AttachPartition that follows
    return fmt::format("{} is a partition of {} in the database, not in the schema",
                       name(c.partition), name(c.parent));
  }
  std::string operator()(const diff::SetInheritance& c) const {
    if (c.inherit) {
      return fmt::format(
          "table {} does not inherit from {} in the database, INHERITS it in the "
          "schema",
          name(c.table), name(c.parent));
    }
    return fmt::format("table {} inherits from {} in the database, not in the schema",
                       name(c.table), name(c.parent));
  }
  std::string operator()(const diff::SetLogged& c) const {
    return fmt::format("{} is {} in the database, {} in the schema", name(c.table),
                       c.unlogged ? "logged" : "unlogged", c.unlogged ? "UNLOGGED" : "logged");
  }
  std::string operator()(const diff::AddCheck& c) const {
    return constraint_in_schema(c.table, c.check.name, "CHECK (" + c.check.expression + ")");
  }
  std::string operator()(const diff::AddForeignKey& c) const {
    const model::Table* wanted = schema.find_table(c.table.schema, c.table.name);
    std::string text = wanted ? constraint_text(*wanted, c.foreign_key.name) : "FOREIGN KEY";
    return constraint_in_schema(c.table, c.foreign_key.name, text);
  }
  std::string operator()(const diff::DropConstraint& c) const {
    const model::Table* live = database.find_table(c.table.schema, c.table.name);
    std::string text = live ? constraint_text(*live, c.name) : "";
    return fmt::format("constraint \"{}\" on {}{} is in the database, not in the schema", c.name,
                       name(c.table), text.empty() ? "" : " (" + text + ")");
  }
  std::string operator()(const diff::RenameConstraint& c) const {
    return fmt::format("constraint \"{}\" on {} in the database is named \"{}\" in the schema",
                       c.from, name(c.table), c.to);
  }
  std::string operator()(const diff::CreateIndex& c) const {
    return fmt::format("index \"{}\" on {} ({}) is in the schema, not in the database",
                       c.index.name, name(c.table), index_text(c.index));
  }
  std::string operator()(const diff::DropIndex& c) const {
    const model::Index* live = find_index(database, c.name.schema, c.name.name);
    return fmt::format("index {}{} is in the database, not in the schema", name(c.name),
                       live ? " (" + index_text(*live) + ")" : "");
  }
  std::string operator()(const diff::RenameIndex& c) const {
    return fmt::format("index {} in the database is named \"{}\" in the schema", name(c.from),
                       c.to);
  }
  std::string operator()(const diff::CreateView& c) const {
    return fmt::format("{}view {} is in the schema, not in the database",
                       c.view.materialized ? "materialized " : "",
                       name(c.view.schema, c.view.name));
  }
  std::string operator()(const diff::DropView& c) const {
    return fmt::format("view {} is in the database, not in the schema", name(c.name));
  }
  std::string operator()(const diff::RenameView& c) const {
    return fmt::format("view {} in the database is named \"{}\" in the schema", name(c.from), c.to);
  }
  std::string operator()(const diff::MoveView& c) const {
    return fmt::format("view {} is in schema \"{}\" in the schema", name(c.from), c.to_schema);
  }
  std::string operator()(const diff::EnableRls& c) const {
    return fmt::format("table {} has row level security on in the schema, off in the database",
                       name(c.table));
  }
  std::string operator()(const diff::DisableRls& c) const {
    return fmt::format("table {} has row level security on in the database, off in the schema",
                       name(c.table));
  }
  std::string operator()(const diff::CreatePolicy& c) const {
    return fmt::format("policy \"{}\" on {} ({}) is in the schema, not in the database",
                       c.policy.name, name(c.table), policy_text(c.policy));
  }
  std::string operator()(const diff::DropPolicy& c) const {
    const model::Policy* live =
        find_policy(database.find_table(c.table.schema, c.table.name), c.name);
    return fmt::format("policy \"{}\" on {}{} is in the database, not in the schema", c.name,
                       name(c.table), live ? " (" + policy_text(*live) + ")" : "");
  }
  std::string operator()(const diff::RenamePolicy& c) const {
    return fmt::format("policy \"{}\" on {} in the database is named \"{}\" in the schema", c.from,
                       name(c.table), c.to);
  }
  std::string operator()(const diff::AlterPolicy& c) const {
    const model::Policy* live =
        find_policy(database.find_table(c.table.schema, c.table.name), c.policy.name);
    return fmt::format("policy \"{}\" on {} is {} in the schema, {} in the database", c.policy.name,
                       name(c.table), policy_text(c.policy),
                       live ? policy_text(*live) : "something else");
  }
  std::string operator()(const diff::CreateDomain& c) const {
    const model::Domain* live = database.find_domain(c.domain.schema, c.domain.name);
    if (live != nullptr) {
      return fmt::format("domain {} is over {} in the database, {} in the schema",
                         name(c.domain.schema, c.domain.name), live->base_type, c.domain.base_type);
    }
    return fmt::format("domain {} is in the schema, not in the database",
                       name(c.domain.schema, c.domain.name));
  }
  std::string operator()(const diff::AlterDomain& c) const {
    return fmt::format(
        "domain {} has another default, NOT NULL or checks in the database than in "
        "the schema",
        name(c.to.schema, c.to.name));
  }
  std::string operator()(const diff::DropDomain& c) const {
    if (schema.find_domain(c.name.schema, c.name.name) != nullptr) return "";
    return fmt::format("domain {} is in the database, not in the schema", name(c.name));
  }
  std::string operator()(const diff::CreateCompositeType& c) const {
    return fmt::format("composite type {} is in the schema, not in the database",
                       name(c.type.schema, c.type.name));
  }
  std::string operator()(const diff::AlterCompositeType& c) const {
    auto attributes = [](const model::CompositeType& type) {
      std::string text;
      for (const model::CompositeAttribute& attribute : type.attributes) {
        text += (text.empty() ? "" : ", ") + attribute.name + " " + attribute.type;
      }
      return "(" + text + ")";
    };
    return fmt::format("composite type {} is {} in the database, {} in the schema",
                       name(c.to.schema, c.to.name), attributes(c.from), attributes(c.to));
  }
  std::string operator()(const diff::DropCompositeType& c) const {
    return fmt::format("composite type {} is in the database, not in the schema", name(c.name));
  }
  std::string operator()(const diff::CreateRangeType& c) const {
    if (database.find_range_type(c.type.schema, c.type.name) != nullptr) {
      return fmt::format("range type {} is defined differently in the database and in the schema",
                         name(c.type.schema, c.type.name));
    }
    return fmt::format("range type {} is in the schema, not in the database",
                       name(c.type.schema, c.type.name));
  }
  std::string operator()(const diff::DropRangeType& c) const {
    if (schema.find_range_type(c.name.schema, c.name.name) != nullptr) return "";
    return fmt::format("range type {} is in the database, not in the schema", name(c.name));
  }
  std::string operator()(const diff::CreateCollation& c) const {
    if (database.find_collation(c.collation.schema, c.collation.name) != nullptr) {
      return fmt::format("collation {} is defined differently in the database and in the schema",
                         name(c.collation.schema, c.collation.name));
    }
    return fmt::format("collation {} is in the schema, not in the database",
                       name(c.collation.schema, c.collation.name));
  }
  std::string operator()(const diff::DropCollation& c) const {
    if (schema.find_collation(c.name.schema, c.name.name) != nullptr) return "";
    return fmt::format("collation {} is in the database, not in the schema", name(c.name));
  }
  std::string operator()(const diff::SetTriggerState& c) const {
    return fmt::format("trigger \"{}\" on {} is {} in the schema, not in the database", c.name,
                       name(c.table), diff::trigger_state_words(c.enabled, true));
  }
  std::string operator()(const diff::CreateExtension& c) const {
    return fmt::format("extension \"{}\" is in the schema, not in the database", c.extension.name);
  }
  std::string operator()(const diff::DropExtension& c) const {
    return fmt::format("extension \"{}\" is in the database, not in the schema", c.name);
  }
  std::string function_name(const std::string& function_schema, const std::string& function,
                            const std::string& arguments, const char* kind) const {
    return fmt::format("{} {}({})", kind, name(function_schema, function), arguments);
  }
  std::string operator()(const diff::CreateFunction& c) const {
    const model::Function& f = c.function;
    const model::Function* live = database.find_function(f.schema, f.name, f.arguments);
    if (live != nullptr) {
      return fmt::format("{} returns {} in the database, {} in the schema",
                         function_name(f.schema, f.name, f.arguments, model::routine_kind(f)),
                         live->returns.empty() ? "nothing" : live->returns,
                         f.returns.empty() ? "nothing" : f.returns);
    }
    return fmt::format("{} is in the schema, not in the database",
                       function_name(f.schema, f.name, f.arguments, model::routine_kind(f)));
  }
  std::string operator()(const diff::ReplaceFunction& c) const {
    const model::Function& f = c.function;
    return fmt::format(
        "{} is defined differently in the database and in the schema (its body "
        "or options)",
        function_name(f.schema, f.name, f.arguments, model::routine_kind(f)));
  }
  std::string operator()(const diff::DropFunction& c) const {
    if (schema.find_function(c.name.schema, c.name.name, c.arguments) != nullptr) {
      return "";  // said by the CreateFunction of its new definition
    }
    return fmt::format("{} is in the database, not in the schema",
                       function_name(c.name.schema, c.name.name, c.arguments, c.kind()));
  }
  std::string operator()(const diff::CreateTrigger& c) const {
    const model::Table* live = database.find_table(c.table.schema, c.table.name);
    bool exists = live != nullptr &&
                  std::any_of(live->triggers.begin(), live->triggers.end(),
                              [&](const model::Trigger& t) { return t.name == c.trigger.name; });
    if (exists) {
      return fmt::format(
          "trigger \"{}\" on {} is defined differently in the database and in "
          "the schema",
          c.trigger.name, name(c.table));
    }
    return fmt::format("trigger \"{}\" on {} is in the schema, not in the database", c.trigger.name,
                       name(c.table));
  }
  std::string operator()(const diff::CreateRole& c) const {
    return fmt::format("role \"{}\" is in the schema, not in the database", c.role.name);
  }
  std::string operator()(const diff::AlterRole& c) const {
    return fmt::format("role \"{}\" has other attributes or memberships in the database",
                       c.to.name);
  }
  std::string operator()(const diff::DropRole& c) const {
    return fmt::format("role \"{}\" is in the database, not in the schema", c.name);
  }
  std::string operator()(const diff::SetOwner& c) const {
    return fmt::format(
        "{} is owned by {} in the database, by \"{}\" in the schema", diff::owned_object_text(c),
        c.previous_role.empty() ? "the connecting role" : "\"" + c.previous_role + "\"", c.role);
  }
  std::string operator()(const diff::GrantPrivileges& c) const {
    return diff::privileges_text(c.grants) + ": in the schema, not in the database";
  }
  std::string operator()(const diff::RevokePrivileges& c) const {
    return diff::privileges_text(c.grants) + ": in the database, not in the schema";
  }
  std::string operator()(const diff::GrantDefaultPrivileges& c) const {
    return "default privileges " + diff::default_privileges_text(c.entries) +
           ": in the schema, not in the database";
  }
  std::string operator()(const diff::RevokeDefaultPrivileges& c) const {
    return "default privileges " + diff::default_privileges_text(c.entries) +
           ": in the database, not in the schema";
  }
  std::string operator()(const diff::DropTrigger& c) const {
    const model::Table* wanted = schema.find_table(c.table.schema, c.table.name);
    bool kept =
        wanted != nullptr && std::any_of(wanted->triggers.begin(), wanted->triggers.end(),
                                         [&](const model::Trigger& t) { return t.name == c.name; });
    if (kept) return "";  // said by its CreateTrigger
    return fmt::format("trigger \"{}\" on {} is in the database, not in the schema", c.name,
                       name(c.table));
  }
};

// The key an object dropped and created again under the same name shares between the two
// changes ("" for every other change).
std::string recreated_key(const diff::Change& change) {
  auto key = [](const char* kind, const diff::QualifiedName& owner, const std::string& object) {
    return fmt::format("{} {}.{}.{}", kind, owner.schema, owner.name, object);
  };
  if (const auto* c = std::get_if<diff::DropConstraint>(&change)) {
    return key("constraint", c->table, c->name);
  }
  if (const auto* c = std::get_if<diff::AddPrimaryKey>(&change)) {
    return key("constraint", c->table, c->name);
  }
  if (const auto* c = std::get_if<diff::AddUnique>(&change)) {
    return key("constraint", c->table, c->unique.name);
  }
  if (const auto* c = std::get_if<diff::AddCheck>(&change)) {
    return key("constraint", c->table, c->check.name);
  }
  if (const auto* c = std::get_if<diff::AddForeignKey>(&change)) {
    return key("constraint", c->table, c->foreign_key.name);
  }
  if (const auto* c = std::get_if<diff::AddExclusion>(&change)) {
    return key("constraint", c->table, c->exclusion.name);
  }
  if (const auto* c = std::get_if<diff::DropIndex>(&change)) {
    return fmt::format("index {}.{}", c->name.schema, c->name.name);
  }
  if (const auto* c = std::get_if<diff::CreateIndex>(&change)) {
    return fmt::format("index {}.{}", c->table.schema, c->index.name);
  }
  if (const auto* c = std::get_if<diff::DropView>(&change)) {
    return fmt::format("view {}.{}", c->name.schema, c->name.name);
  }
  if (const auto* c = std::get_if<diff::CreateView>(&change)) {
    return fmt::format("view {}.{}", c->view.schema, c->view.name);
  }
  if (const auto* c = std::get_if<diff::DropPolicy>(&change))
    return key("policy", c->table, c->name);
  if (const auto* c = std::get_if<diff::CreatePolicy>(&change)) {
    return key("policy", c->table, c->policy.name);
  }
  return "";
}

// One line for an object both sides have under the same name but define differently.
std::string redefined(const std::string& key, const model::Catalog& database,
                      const model::Catalog& schema) {
  std::string kind = key.substr(0, key.find(' '));
  std::string path = key.substr(key.find(' ') + 1);
  std::string first = path.substr(0, path.find('.'));
  std::string rest = path.substr(path.find('.') + 1);
  if (kind == "index") {
    const model::Index* live = find_index(database, first, rest);
    const model::Index* wanted = find_index(schema, first, rest);
    if (live && wanted) {
      return fmt::format("index {} is {} in the database, {} in the schema", name(first, rest),
                         index_text(*live), index_text(*wanted));
    }
  } else if (kind == "view") {
    const model::View* live = database.find_view(first, rest);
    const model::View* wanted = schema.find_view(first, rest);
    if (live && wanted) {
      return fmt::format("view {} is defined as `{}` in the database, `{}` in the schema",
                         name(first, rest), live->definition, wanted->definition);
    }
  } else {
    std::string table = rest.substr(0, rest.find('.'));
    std::string object = rest.substr(rest.find('.') + 1);
    const model::Table* live = database.find_table(first, table);
    const model::Table* wanted = schema.find_table(first, table);
    if (kind == "policy") {
      const model::Policy* live_policy = find_policy(live, object);
      const model::Policy* wanted_policy = find_policy(wanted, object);
      if (live_policy && wanted_policy) {
        return fmt::format("policy \"{}\" on {} is {} in the database, {} in the schema", object,
                           name(first, table), policy_text(*live_policy),
                           policy_text(*wanted_policy));
      }
    } else if (live && wanted) {
      return fmt::format("constraint \"{}\" on {} is {} in the database, {} in the schema", object,
                         name(first, table), constraint_text(*live, object),
                         constraint_text(*wanted, object));
    }
  }
  return "";
}

}  // namespace

std::vector<std::string> differences(const diff::ChangeSet& changes, const model::Catalog& database,
                                     const model::Catalog& schema) {
  std::map<std::string, int> seen;
  for (const diff::Change& change : changes.changes) {
    std::string key = recreated_key(change);
    if (!key.empty()) ++seen[key];
  }
  std::vector<std::string> lines;
  std::set<std::string> said;
  for (const diff::Change& change : changes.changes) {
    std::string key = recreated_key(change);
    if (!key.empty() && seen[key] > 1) {
      std::string line = redefined(key, database, schema);
      if (!line.empty()) {
        if (said.insert(key).second) lines.push_back(std::move(line));
        continue;
      }
    }
    std::string line = std::visit(Difference{database, schema}, change);
    if (!line.empty()) lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace flick::introspect
