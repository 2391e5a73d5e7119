#pragma once

// Mermaid erDiagram text for a set of tables and the foreign keys they hold.

#include <string>
#include <vector>

#include "flick/model.hpp"

namespace flick::docs {

// The diagram (without the ``` fence): one entity per table, in the given order, with its
// columns (type, name, PK/FK/UK), then one relationship per foreign key of those tables,
// parent first. A parent outside `tables` still appears, as an entity without columns.
std::string er_diagram(const std::vector<const model::Table*>& tables);

}  // namespace flick::docs
