#pragma once

// One writer per change kind; each appends its statement(s) to `out`.

#include <string>
#include <vector>

#include "diff/changes.hpp"

namespace flick::emit {

using Statements = std::vector<std::string>;

// Schemas, types, sequences, views, row-level security (object_writers.cpp).
void write(const diff::CreateSchema&, Statements& out);
void write(const diff::RenameSchema&, Statements& out);
void write(const diff::DropSchema&, Statements& out);
void write(const diff::CreateEnum&, Statements& out);
void write(const diff::DropEnum&, Statements& out);
void write(const diff::RenameEnum&, Statements& out);
void write(const diff::MoveEnum&, Statements& out);
void write(const diff::AddEnumValue&, Statements& out);
void write(const diff::RenameEnumValue&, Statements& out);
void write(const diff::RebuildEnum&, Statements& out);
void write(const diff::CreateSequence&, Statements& out);
void write(const diff::AlterSequence&, Statements& out);
void write(const diff::DropSequence&, Statements& out);
void write(const diff::RenameSequence&, Statements& out);
void write(const diff::MoveSequence&, Statements& out);
void write(const diff::CreateView&, Statements& out);
void write(const diff::DropView&, Statements& out);
void write(const diff::RenameView&, Statements& out);
void write(const diff::MoveView&, Statements& out);
void write(const diff::EnableRls&, Statements& out);
void write(const diff::DisableRls&, Statements& out);
void write(const diff::CreatePolicy&, Statements& out);
void write(const diff::DropPolicy&, Statements& out);
void write(const diff::RenamePolicy&, Statements& out);
void write(const diff::AlterPolicy&, Statements& out);

// routine_writers.cpp
void write(const diff::CreateDomain&, Statements& out);
void write(const diff::AlterDomain&, Statements& out);
void write(const diff::DropDomain&, Statements& out);
void write(const diff::CreateCompositeType&, Statements& out);
void write(const diff::AlterCompositeType&, Statements& out);
void write(const diff::DropCompositeType&, Statements& out);
void write(const diff::CreateRangeType&, Statements& out);
void write(const diff::DropRangeType&, Statements& out);
void write(const diff::CreateCollation&, Statements& out);
void write(const diff::DropCollation&, Statements& out);
void write(const diff::CreateExtension&, Statements& out);
void write(const diff::DropExtension&, Statements& out);
void write(const diff::CreateFunction&, Statements& out);
void write(const diff::ReplaceFunction&, Statements& out);
void write(const diff::DropFunction&, Statements& out);
void write(const diff::CreateTrigger&, Statements& out);
void write(const diff::SetTriggerState&, Statements& out);
void write(const diff::DropTrigger&, Statements& out);

// privilege_writers.cpp
void write(const diff::CreateRole&, Statements& out);
void write(const diff::AlterRole&, Statements& out);
void write(const diff::DropRole&, Statements& out);
void write(const diff::GrantPrivileges&, Statements& out);
void write(const diff::SetOwner&, Statements& out);
void write(const diff::RevokePrivileges&, Statements& out);
void write(const diff::GrantDefaultPrivileges&, Statements& out);
void write(const diff::RevokeDefaultPrivileges&, Statements& out);

// Tables and their columns (table_writers.cpp).
void write(const diff::CreateTable&, Statements& out);
void write(const diff::DropTable&, Statements& out);
void write(const diff::RenameTable&, Statements& out);
void write(const diff::MoveTable&, Statements& out);
void write(const diff::AddColumn&, Statements& out);
void write(const diff::DropColumn&, Statements& out);
void write(const diff::RenameColumn&, Statements& out);
void write(const diff::AlterColumnType&, Statements& out);
void write(const diff::SetDefault&, Statements& out);
void write(const diff::DropDefault&, Statements& out);
void write(const diff::SetNotNull&, Statements& out);
void write(const diff::DropNotNull&, Statements& out);
void write(const diff::AddIdentity&, Statements& out);
void write(const diff::DropIdentity&, Statements& out);
void write(const diff::AlterIdentity&, Statements& out);
void write(const diff::DropExpression&, Statements& out);
void write(const diff::SetColumnComment&, Statements& out);
void write(const diff::SetTableComment&, Statements& out);
void write(const diff::SetComment&, Statements& out);

// Constraints and indexes (constraint_writers.cpp).
void write(const diff::AddPrimaryKey&, Statements& out);
void write(const diff::AddUnique&, Statements& out);
void write(const diff::AddCheck&, Statements& out);
void write(const diff::AddExclusion&, Statements& out);
void write(const diff::SetLogged&, Statements& out);
void write(const diff::AttachPartition&, Statements& out);
void write(const diff::SetInheritance&, Statements& out);
void write(const diff::DetachPartition&, Statements& out);
void write(const diff::AddForeignKey&, Statements& out);
void write(const diff::DropConstraint&, Statements& out);
void write(const diff::RenameConstraint&, Statements& out);
void write(const diff::CreateIndex&, Statements& out);
void write(const diff::DropIndex&, Statements& out);
void write(const diff::RenameIndex&, Statements& out);

}  // namespace flick::emit
