#pragma once

// Where each page lives and how pages link to each other. File names are
// "<schema>.<name>.md" with every byte outside [A-Za-z0-9_-] written as "~XX" (hex), so any
// PostgreSQL name gives a distinct, URL-safe file name.

#include <string>
#include <string_view>

namespace flick::docs {

inline constexpr std::string_view kIndexPage = "index.md";
inline constexpr std::string_view kMigrationsPage = "migrations.md";
inline constexpr std::string_view kCheckPage = "check.md";

std::string table_page_path(const std::string& schema, const std::string& name);
std::string enum_page_path(const std::string& schema, const std::string& name);
// Domains and composite types: "types/<schema>.<name>.md" (one namespace with enums and tables in
// PostgreSQL, so no two share a file).
std::string type_page_path(const std::string& schema, const std::string& name);
// A function, procedure or aggregate: "functions/<schema>.<name>(<arguments>).md" escaped like
// the others, e.g. "functions/public.add_days~28date~2c~20integer~29.md": one file per
// signature, so overloads of a name get a page each. `arguments` are the identity argument types
// (model::Function::arguments).
std::string function_page_path(const std::string& schema, const std::string& name,
                               const std::string& arguments);

// The relative link from the page at `from` to the page at `to` (both output-relative paths).
std::string relative_link(std::string_view from, std::string_view to);

// How an object is named on the pages: "users" in schema public, "auth.users" elsewhere.
std::string display_name(const std::string& schema, const std::string& name);

// A routine as the pages name it: its display name and identity arguments, "add_days(date,
// integer)", "audit.prune(integer)".
std::string routine_name(const std::string& schema, const std::string& name,
                         const std::string& arguments);

}  // namespace flick::docs
