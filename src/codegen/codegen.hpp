#pragma once

// Schema model -> a C++ header for the runtime client (flick codegen): per enum an enum class
// with its labels and EnumTraits; per composite type a struct (its attributes in order, each a
// std::optional) with a ValueTraits specialisation for its record text; per table a Row struct
// (every column; nullable ones as std::optional), an Insert struct (columns with a default, and
// nullable ones, optional: unset means DEFAULT), a table descriptor with typed column constants for
// the query builder in flick/client/query.hpp, and a RowTraits mapping. Output is deterministic
// (golden-tested).

#include <set>
#include <string>
#include <vector>

#include "flick/model.hpp"

namespace flick::codegen {

struct Options {
  // C++ namespace of the generated declarations, e.g. "flick::app".
  std::string cpp_namespace = "db";
  // Where the header came from, written into its first comment (e.g. "schema/*.sql").
  std::string source = "the schema files";
};

// A domain is its base type. Throws flick::UserError naming table.column for a column type the
// client cannot map (bytea, geometric types, multi-dimensional arrays, a composite type with
// such an attribute), and for two columns (or tables, enums, enum labels, composite types or
// their attributes) whose C++ names would collide (member_names: "createdAt" beside
// "created_at" keeps its spelling). A composite type no column needs and whose
// attributes do not all map is left out with a comment in the header.
std::string generate_header(const model::Catalog& catalog, const Options& options);

// Exposed for tests. snake_case for members ("emailDomain" -> "email_domain"), PascalCase for
// types ("platform_user" -> "PlatformUser"), kPascalCase for enum labels ("user:created:post" ->
// "kUserCreatedPost").
std::string snake_name(const std::string& sql_name);
std::string pascal_name(const std::string& sql_name);
std::string enumerator_name(const std::string& label);
// The members of a struct whose fields are the given SQL columns or attributes, in order: each
// snake_name (with '_' appended when it is in `reserved`); where several would share one, the
// column already spelled that way keeps it and the others keep their SQL spelling when it is a
// C++ identifier ("createdAt" beside "created_at"). Names that still collide are left equal
// for the caller to report.
std::vector<std::string> member_names(const std::vector<std::string>& sql_names,
                                      const std::set<std::string>& reserved = {});

}  // namespace flick::codegen
