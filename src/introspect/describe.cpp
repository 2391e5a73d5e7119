#include <fmt/format.h>

#include "introspect/changes.hpp"

namespace flick::introspect {
namespace {

std::string name(const diff::QualifiedName& qualified) {
  return fmt::format("\"{}\".\"{}\"", qualified.schema, qualified.name);
}
std::string name(const std::string& schema, const std::string& object) {
  return fmt::format("\"{}\".\"{}\"", schema, object);
}
std::string column(const diff::QualifiedName& table, const std::string& column) {
  return fmt::format("column \"{}\" of {}", column, name(table));
}

struct Describer {
  std::string operator()(const diff::CreateSchema& c) {
    return fmt::format("create schema \"{}\"", c.name);
  }
  std::string operator()(const diff::RenameSchema& c) {
    return fmt::format("rename schema \"{}\" to \"{}\"", c.from, c.to);
  }
  std::string operator()(const diff::DropSchema& c) {
    return fmt::format("drop schema \"{}\"", c.name);
  }
  std::string operator()(const diff::CreateEnum& c) {
    return fmt::format("create enum {}", name(c.enum_type.schema, c.enum_type.name));
  }
  std::string operator()(const diff::DropEnum& c) { return "drop enum " + name(c.name); }
  std::string operator()(const diff::RenameEnum& c) {
    return fmt::format("rename enum {} to \"{}\"", name(c.from), c.to);
  }
  std::string operator()(const diff::MoveEnum& c) {
    return fmt::format("move enum {} to schema \"{}\"", name(c.from), c.to_schema);
  }
  std::string operator()(const diff::AddEnumValue& c) {
    return fmt::format("add value '{}' to enum {}", c.value, name(c.enum_name));
  }
  std::string operator()(const diff::RenameEnumValue& c) {
    return fmt::format("rename value '{}' of enum {} to '{}'", c.from, name(c.enum_name), c.to);
  }
  std::string operator()(const diff::RebuildEnum& c) {
    std::string values;
    for (const auto& value : c.enum_type.values)
      values += (values.empty() ? "'" : ", '") + value + "'";
    return fmt::format("rebuild enum {} with values ({})",
                       name(c.enum_type.schema, c.enum_type.name), values);
  }
  std::string operator()(const diff::CreateSequence& c) {
    return "create sequence " + name(c.sequence.schema, c.sequence.name);
  }
  std::string operator()(const diff::AlterSequence& c) {
    return "change options of sequence " + name(c.sequence.schema, c.sequence.name);
  }
  std::string operator()(const diff::DropSequence& c) { return "drop sequence " + name(c.name); }
  std::string operator()(const diff::RenameSequence& c) {
    return fmt::format("rename sequence {} to \"{}\"", name(c.from), c.to);
  }
  std::string operator()(const diff::MoveSequence& c) {
    return fmt::format("move sequence {} to schema \"{}\"", name(c.from), c.to_schema);
  }
  std::string operator()(const diff::CreateTable& c) {
    return "create table " + name(c.table->schema, c.table->name);
  }
  std::string operator()(const diff::DropTable& c) { return "drop table " + name(c.name); }
  std::string operator()(const diff::RenameTable& c) {
    return fmt::format("rename table {} to \"{}\"", name(c.from), c.to);
  }
  std::string operator()(const diff::MoveTable& c) {
    return fmt::format("move table {} to schema \"{}\"", name(c.from), c.to_schema);
  }
  std::string operator()(const diff::AddColumn& c) {
    return fmt::format("add column \"{}\" {} to {}", c.column.name, c.column.type, name(c.table));
  }
  std::string operator()(const diff::DropColumn& c) { return "drop " + column(c.table, c.column); }
  std::string operator()(const diff::RenameColumn& c) {
    return fmt::format("rename {} to \"{}\"", column(c.table, c.from), c.to);
  }
  std::string operator()(const diff::AlterColumnType& c) {
    return fmt::format("change the type of {} to {}{}", column(c.table, c.column), c.type,
                       c.collation.empty() ? "" : " COLLATE " + c.collation);
  }
  std::string operator()(const diff::SetDefault& c) {
    return fmt::format("set the default of {} to {}", column(c.table, c.column), c.expression);
  }
  std::string operator()(const diff::DropDefault& c) {
    return "drop the default of " + column(c.table, c.column);
  }
  std::string operator()(const diff::SetNotNull& c) {
    return "set NOT NULL on " + column(c.table, c.column);
  }
  std::string operator()(const diff::DropNotNull& c) {
    return "drop NOT NULL on " + column(c.table, c.column);
  }
  std::string operator()(const diff::AddIdentity& c) {
    return "make " + column(c.table, c.column) + " an identity";
  }
  std::string operator()(const diff::DropIdentity& c) {
    return "drop the identity of " + column(c.table, c.column);
  }
  std::string operator()(const diff::AlterIdentity& c) {
    return "change the identity of " + column(c.table, c.column);
  }
  std::string operator()(const diff::DropExpression& c) {
    return "drop the generation expression of " + column(c.table, c.column);
  }
  std::string operator()(const diff::SetColumnComment& c) {
    return "set the comment on " + column(c.table, c.column);
  }
  std::string operator()(const diff::SetTableComment& c) {
    return "set the comment on table " + name(c.table);
  }
  std::string operator()(const diff::SetComment& c) {
    return (c.comment.text.empty() ? "remove the comment on " : "set the comment on ") +
           diff::commented_object_text(c.comment);
  }
  std::string operator()(const diff::AddPrimaryKey& c) {
    return fmt::format("add primary key \"{}\" to {}", c.name, name(c.table));
  }
  std::string operator()(const diff::AddUnique& c) {
    return fmt::format("add unique constraint \"{}\" to {}", c.unique.name, name(c.table));
  }
  std::string operator()(const diff::AddExclusion& c) {
    return fmt::format("add exclusion constraint \"{}\" to {}", c.exclusion.name, name(c.table));
  }
  std::string operator()(const diff::AttachPartition& c) {
    return fmt::format("attach {} to {} as a partition {}", name(c.partition), name(c.parent),
                       c.bound);
  }
  std::string operator()(const diff::DetachPartition& c) {
    return fmt::format("detach partition {} from {}", name(c.partition), name(c.parent));
  }
  std::string operator()(const diff::SetInheritance& c) {
    return fmt::format("make {} {}inherit from {}", name(c.table), c.inherit ? "" : "no longer ",
                       name(c.parent));
  }
  std::string operator()(const diff::SetLogged& c) {
    return fmt::format("make {} {}", name(c.table), c.unlogged ? "unlogged" : "logged");
  }
  std::string operator()(const diff::AddCheck& c) {
    return fmt::format("add check constraint \"{}\" to {}", c.check.name, name(c.table));
  }
  std::string operator()(const diff::AddForeignKey& c) {
    return fmt::format("add foreign key \"{}\" to {}", c.foreign_key.name, name(c.table));
  }
  std::string operator()(const diff::DropConstraint& c) {
    return fmt::format("drop constraint \"{}\" of {}", c.name, name(c.table));
  }
  std::string operator()(const diff::RenameConstraint& c) {
    return fmt::format("rename constraint \"{}\" of {} to \"{}\"", c.from, name(c.table), c.to);
  }
  std::string operator()(const diff::CreateIndex& c) {
    return fmt::format("create index \"{}\" on {}", c.index.name, name(c.table));
  }
  std::string operator()(const diff::DropIndex& c) { return "drop index " + name(c.name); }
  std::string operator()(const diff::RenameIndex& c) {
    return fmt::format("rename index {} to \"{}\"", name(c.from), c.to);
  }
  std::string operator()(const diff::CreateView& c) {
    return fmt::format("create {}view {}", c.view.materialized ? "materialized " : "",
                       name(c.view.schema, c.view.name));
  }
  std::string operator()(const diff::DropView& c) {
    return fmt::format("drop {}view {}", c.materialized ? "materialized " : "", name(c.name));
  }
  std::string operator()(const diff::RenameView& c) {
    return fmt::format("rename view {} to \"{}\"", name(c.from), c.to);
  }
  std::string operator()(const diff::MoveView& c) {
    return fmt::format("move view {} to schema \"{}\"", name(c.from), c.to_schema);
  }
  std::string operator()(const diff::EnableRls& c) {
    return "enable row level security on " + name(c.table);
  }
  std::string operator()(const diff::DisableRls& c) {
    return "disable row level security on " + name(c.table);
  }
  std::string operator()(const diff::CreatePolicy& c) {
    return fmt::format("create policy \"{}\" on {}", c.policy.name, name(c.table));
  }
  std::string operator()(const diff::DropPolicy& c) {
    return fmt::format("drop policy \"{}\" on {}", c.name, name(c.table));
  }
  std::string operator()(const diff::RenamePolicy& c) {
    return fmt::format("rename policy \"{}\" on {} to \"{}\"", c.from, name(c.table), c.to);
  }
  std::string operator()(const diff::AlterPolicy& c) {
    return fmt::format("change policy \"{}\" on {}", c.policy.name, name(c.table));
  }
  std::string operator()(const diff::CreateDomain& c) {
    return "create domain " + name(c.domain.schema, c.domain.name);
  }
  std::string operator()(const diff::AlterDomain& c) {
    return "change the default, NOT NULL or checks of domain " + name(c.to.schema, c.to.name);
  }
  std::string operator()(const diff::DropDomain& c) { return "drop domain " + name(c.name); }
  std::string operator()(const diff::CreateCompositeType& c) {
    return "create composite type " + name(c.type.schema, c.type.name);
  }
  std::string operator()(const diff::AlterCompositeType& c) {
    return "change the attributes of composite type " + name(c.to.schema, c.to.name);
  }
  std::string operator()(const diff::DropCompositeType& c) {
    return "drop composite type " + name(c.name);
  }
  std::string operator()(const diff::CreateRangeType& c) {
    return "create range type " + name(c.type.schema, c.type.name);
  }
  std::string operator()(const diff::DropRangeType& c) { return "drop range type " + name(c.name); }
  std::string operator()(const diff::CreateCollation& c) {
    return "create collation " + name(c.collation.schema, c.collation.name);
  }
  std::string operator()(const diff::DropCollation& c) { return "drop collation " + name(c.name); }
  std::string operator()(const diff::SetTriggerState& c) {
    return fmt::format("{} trigger \"{}\" on {}", diff::trigger_state_words(c.enabled), c.name,
                       name(c.table));
  }
  std::string operator()(const diff::CreateExtension& c) {
    return fmt::format("create extension \"{}\"", c.extension.name);
  }
  std::string operator()(const diff::DropExtension& c) {
    return fmt::format("drop extension \"{}\"", c.name);
  }
  std::string operator()(const diff::CreateFunction& c) {
    return fmt::format("create {} {}({})", model::routine_kind(c.function),
                       name(c.function.schema, c.function.name), c.function.arguments);
  }
  std::string operator()(const diff::ReplaceFunction& c) {
    return fmt::format("replace the definition of {} {}({})", model::routine_kind(c.function),
                       name(c.function.schema, c.function.name), c.function.arguments);
  }
  std::string operator()(const diff::DropFunction& c) {
    return fmt::format("drop {} {}({})", c.kind(), name(c.name), c.arguments);
  }
  std::string operator()(const diff::CreateTrigger& c) {
    return fmt::format("create trigger \"{}\" on {}", c.trigger.name, name(c.table));
  }
  std::string operator()(const diff::DropTrigger& c) {
    return fmt::format("drop trigger \"{}\" on {}", c.name, name(c.table));
  }
  std::string operator()(const diff::CreateRole& c) {
    return fmt::format("create role \"{}\"", c.role.name);
  }
  std::string operator()(const diff::AlterRole& c) {
    return fmt::format("change the attributes or memberships of role \"{}\"", c.to.name);
  }
  std::string operator()(const diff::DropRole& c) {
    return fmt::format("drop role \"{}\"", c.name);
  }
  std::string operator()(const diff::SetOwner& c) {
    return fmt::format("make \"{}\" the owner of {}", c.role, diff::owned_object_text(c));
  }
  std::string operator()(const diff::GrantPrivileges& c) {
    return "grant " + diff::privileges_text(c.grants);
  }
  std::string operator()(const diff::RevokePrivileges& c) {
    return "revoke " + diff::privileges_text(c.grants);
  }
  std::string operator()(const diff::GrantDefaultPrivileges& c) {
    return "grant by default " + diff::default_privileges_text(c.entries);
  }
  std::string operator()(const diff::RevokeDefaultPrivileges& c) {
    return "revoke by default " + diff::default_privileges_text(c.entries);
  }
};

}  // namespace

std::string describe(const diff::Change& change) { return std::visit(Describer{}, change); }

}  // namespace flick::introspect
