// Default operator classes: dittofeed's migrations (from drizzle-kit pull of a Prisma database)
// write every index key with its class, `"workspaceId" uuid_ops`, which the database keeps as no
// class at all; drift listed 64 indexes as changed before these were the same.

#include "diff/opclasses.hpp"

#include <gtest/gtest.h>

#include "diff/diff.hpp"
#include "emit/emit.hpp"

namespace flick::diff {
namespace {

TEST(DefaultOpclass, EachMethodsDefaultForTheModelsTypeSpellings) {
  EXPECT_TRUE(is_default_opclass("btree", "uuid", false, "uuid_ops"));
  EXPECT_TRUE(is_default_opclass("btree", "varchar(255)", false, "text_ops"));
  EXPECT_TRUE(is_default_opclass("btree", "text", false, "pg_catalog.text_ops"));
  EXPECT_TRUE(is_default_opclass("btree", "serial", false, "int4_ops"));
  EXPECT_TRUE(is_default_opclass("btree", "bigint", false, "int8_ops"));
  EXPECT_TRUE(is_default_opclass("btree", "timestamp (3)", false, "timestamp_ops"));
  EXPECT_TRUE(
      is_default_opclass("btree", "timestamp (3) with time zone", false, "timestamptz_ops"));
  EXPECT_TRUE(is_default_opclass("btree", "status", true, "enum_ops"));
  EXPECT_TRUE(is_default_opclass("hash", "uuid", false, "uuid_ops"));
  EXPECT_TRUE(is_default_opclass("gin", "jsonb", false, "jsonb_ops"));
  EXPECT_TRUE(is_default_opclass("gin", "text[]", false, "array_ops"));
  EXPECT_TRUE(is_default_opclass("brin", "timestamp", false, "timestamp_minmax_ops"));

  EXPECT_FALSE(is_default_opclass("btree", "text", false, "text_pattern_ops"));
  EXPECT_FALSE(is_default_opclass("btree", "varchar(255)", false, "varchar_pattern_ops"));
  EXPECT_FALSE(is_default_opclass("btree", "uuid", false, "text_ops"));
  EXPECT_FALSE(is_default_opclass("gin", "jsonb", false, "jsonb_path_ops"));
  EXPECT_FALSE(is_default_opclass("gin", "text", false, "gin_trgm_ops"));
  EXPECT_FALSE(is_default_opclass("btree", "status", false, "enum_ops"));        // not an enum
  EXPECT_FALSE(is_default_opclass("btree", "geometry", false, "geometry_ops"));  // unknown type
}

model::Catalog workspace_index(const std::string& opclass) {
  model::Catalog catalog;
  model::Table table;
  table.name = "AdminApiKey";
  model::Column workspace;
  workspace.name = "workspaceId";
  workspace.type = "uuid";
  model::Column name;
  name.name = "name";
  name.type = "text";
  table.columns = {workspace, name};
  model::Index index;
  index.name = "AdminApiKey_workspaceId_name_key";
  index.unique = true;
  model::IndexElement first;
  first.expression = "workspaceId";
  first.opclass = opclass;
  first.nulls = "last";
  model::IndexElement second;
  second.expression = "name";
  second.nulls = "last";
  index.elements = {first, second};
  table.indexes.push_back(index);
  catalog.tables.push_back(table);
  return catalog;
}

TEST(DefaultOpclass, AKeyWithItsTypesDefaultClassIsTheSameKey) {
  model::Catalog with_class = workspace_index("uuid_ops");
  model::Catalog without = workspace_index("");
  model::Catalog other_class = workspace_index("uuid_minmax_ops");
  EXPECT_TRUE(diff(with_class, without, {}).empty());
  EXPECT_TRUE(diff(without, with_class, {}).empty());
  // Another class is another index: dropped and created again.
  std::vector<std::string> statements = emit::sql_statements(diff(without, other_class, {}));
  ASSERT_EQ(statements.size(), 2u) << ::testing::PrintToString(statements);
  EXPECT_NE(statements[1].find("\"workspaceId\" uuid_minmax_ops"), std::string::npos)
      << statements[1];
}

}  // namespace
}  // namespace flick::diff
