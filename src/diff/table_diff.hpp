#pragma once

// Diffing one table that exists in both catalogs.

#include "diff/context.hpp"

namespace flick::diff {

// Column additions, drops and alterations (type, default, NOT NULL, identity, generated,
// comment) and the renames of serial sequences that follow a table or column rename.
void diff_columns(Context& context, const TablePair& pair);

// Primary key, unique, check and foreign-key constraints and indexes: renamed when only the name
// changed, else dropped and re-created.
void diff_constraints(Context& context, const TablePair& pair);

// The old table's INHERITS under the names its parents have in the new catalog (a parent that is
// dropped keeps its old name, which matches no new parent).
std::vector<model::TableParent> mapped_parents(const Context& context,
                                               const model::Table& old_table);

// Whether old columns `old_columns`, once renamed, are `new_columns`.
bool same_columns(const TablePair& pair, const std::vector<std::string>& old_columns,
                  const std::vector<std::string>& new_columns);

}  // namespace flick::diff
