#pragma once

// Internal to flick_codegen: model column types -> C++ types of the client.

#include <string>

#include "flick/model.hpp"

namespace flick::codegen {

// The C++ type of a column's non-NULL value, e.g. "std::string", "flick::client::Uuid",
// "std::vector<std::int32_t>", or the generated name of its enum or composite type. A domain is
// its base type. Throws flick::UserError naming `table`.`column` for types the client cannot map
// (a composite type counts as unmappable when one of its attributes is).
std::string cpp_value_type(const model::Catalog& catalog, const model::Table& table,
                           const model::Column& column);

// The same for an attribute of a composite type (whose type names a user type with its schema,
// "public.mood"); the error names `type`.`attribute`.
std::string cpp_value_type(const model::Catalog& catalog, const model::CompositeType& type,
                           const model::CompositeAttribute& attribute);

// The generated C++ name of an enum or composite type: PascalCase, prefixed with its schema
// outside public ("billing.plan" -> "BillingPlan").
std::string cpp_type_name(const std::string& schema, const std::string& name);

}  // namespace flick::codegen
