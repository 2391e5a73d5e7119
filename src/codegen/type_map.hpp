#pragma once

// Internal to flick_codegen: model column types -> C++ types of the client.

#include <string>

#include "flick/model.hpp"

namespace flick::codegen {

// The C++ type of a column's non-NULL value, e.g. "std::string", "flick::client::Uuid",
// "std::vector<std::int32_t>", or the enum's generated name. Throws flick::UserError naming
// `table`.`column` for types the client cannot map.
std::string cpp_value_type(const model::Catalog& catalog, const model::Table& table,
                           const model::Column& column);

}  // namespace flick::codegen
