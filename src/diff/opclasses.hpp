#pragma once

// PostgreSQL's default operator classes: an index key written with its type's default class
// (`"id" uuid_ops`, as drizzle-kit pull and Prisma write them) is the same key as one written
// without, and the database cannot tell them apart.

#include <string>

#include "flick/model.hpp"

namespace flick::diff {

// True when `opclass` (bare or "pg_catalog."-qualified) is the default operator class of index
// method `method` ("btree", "hash", "gin", "gist", "spgist", "brin") for a key of column type
// `type` as the model spells it ("uuid", "varchar(255)", "timestamp (3) with time zone",
// "integer[]"); `is_enum` for a column of an enum type. False for any type or method it does not
// know, so unknown cases still compare by name.
bool is_default_opclass(const std::string& method, const std::string& type, bool is_enum,
                        const std::string& opclass);

// Whether two keys' operator classes are the same: equal, or one empty and the other the
// default for `column` under `method`. `catalog` tells whether the column's type is an enum.
bool same_opclass(const std::string& a, const std::string& b, const std::string& method,
                  const model::Column* column, const model::Catalog& catalog);

}  // namespace flick::diff
