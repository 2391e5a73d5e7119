#include <gtest/gtest.h>

#include "test_util.hpp"

namespace flick::ddl {
namespace {

using testing::column_of;
using testing::table_of;

TEST(CreateSchema, AddsNonPublicSchemasOnce) {
  model::Catalog catalog = read_schema_sql(
      "CREATE SCHEMA a; CREATE SCHEMA IF NOT EXISTS a; CREATE SCHEMA IF NOT EXISTS public; "
      "CREATE SCHEMA \"B\";",
      "s.sql");
  EXPECT_EQ(catalog.schemas, (std::vector<std::string>{"a", "B"}));
}

TEST(CreateEnum, KeepsValueOrderAndSchema) {
  model::Catalog catalog = read_schema_sql(
      "CREATE SCHEMA s; CREATE TYPE s.\"Level\" AS ENUM ('b', 'a', 'c'); "
      "CREATE TYPE mood AS ENUM ();",
      "e.sql");
  ASSERT_EQ(catalog.enums.size(), 2u);
  EXPECT_EQ(catalog.enums[0].schema, "s");
  EXPECT_EQ(catalog.enums[0].name, "Level");
  EXPECT_EQ(catalog.enums[0].values, (std::vector<std::string>{"b", "a", "c"}));
  EXPECT_EQ(catalog.enums[1].schema, "public");
  EXPECT_TRUE(catalog.enums[1].values.empty());
}

TEST(CreateSequence, ReadsOptionsAndFillsDefaults) {
  model::Catalog catalog = read_schema_sql(
      "CREATE SEQUENCE a INCREMENT BY 10 MINVALUE 5 MAXVALUE 500 START WITH 7 CACHE 3 CYCLE;"
      "CREATE SEQUENCE b;"
      "CREATE SEQUENCE c AS smallint INCREMENT -2;"
      "CREATE SEQUENCE d NO MINVALUE NO MAXVALUE NO CYCLE;",
      "q.sql");
  ASSERT_EQ(catalog.sequences.size(), 4u);
  model::SequenceOptions a = catalog.sequences[0].options;
  EXPECT_EQ(a, (model::SequenceOptions{"10", "5", "500", "7", "3", true}));
  EXPECT_EQ(catalog.sequences[1].options,
            (model::SequenceOptions{"1", "1", "9223372036854775807", "1", "1", false}));
  EXPECT_EQ(catalog.sequences[2].options,
            (model::SequenceOptions{"-2", "-32768", "-1", "-1", "1", false}));
  EXPECT_EQ(catalog.sequences[3].options, catalog.sequences[1].options);
}

TEST(CreateTable, ColumnsTypesDefaultsAndNullability) {
  model::Catalog catalog = read_schema_sql(
      "CREATE TYPE status AS ENUM ('ONBOARDING', 'ACTIVE');"
      "CREATE TABLE t (a int NOT NULL, b text DEFAULT 'x'::text, c status DEFAULT "
      "'ONBOARDING'::status, d varchar(20) DEFAULT 'p'::character varying, e uuid DEFAULT NULL,"
      " f timestamptz DEFAULT CURRENT_TIMESTAMP, g integer DEFAULT '-1'::integer, h status[]);",
      "t.sql");
  const model::Table& t = table_of(catalog, "t");
  ASSERT_EQ(t.columns.size(), 8u);
  EXPECT_TRUE(column_of(t, "a").not_null);
  EXPECT_FALSE(column_of(t, "b").not_null);
  EXPECT_EQ(column_of(t, "b").default_expr, "'x'");
  EXPECT_EQ(column_of(t, "c").type, "status");
  EXPECT_EQ(column_of(t, "c").type_schema, "public");
  EXPECT_EQ(column_of(t, "c").default_expr, "'ONBOARDING'");
  EXPECT_EQ(column_of(t, "d").default_expr, "'p'");
  EXPECT_FALSE(column_of(t, "e").default_expr.has_value());
  EXPECT_EQ(column_of(t, "f").type, "timestamp with time zone");
  EXPECT_EQ(column_of(t, "f").default_expr, "current_timestamp");
  EXPECT_EQ(column_of(t, "g").default_expr, "-1");
  EXPECT_EQ(column_of(t, "h").type, "status[]");
  EXPECT_EQ(column_of(t, "h").type_schema, "public");
  EXPECT_EQ(column_of(t, "a").type_schema, "");
}

TEST(CreateTable, SerialColumnsAreNotNullAndKeepTheirType) {
  model::Catalog catalog =
      read_schema_sql("CREATE TABLE t (a serial, b bigserial, c smallserial, d int);", "t.sql");
  const model::Table& t = table_of(catalog, "t");
  EXPECT_EQ(column_of(t, "a").type, "serial");
  EXPECT_EQ(column_of(t, "b").type, "bigserial");
  EXPECT_EQ(column_of(t, "c").type, "smallserial");
  EXPECT_TRUE(column_of(t, "a").not_null && column_of(t, "b").not_null &&
              column_of(t, "c").not_null);
  EXPECT_FALSE(column_of(t, "a").default_expr.has_value());
  EXPECT_TRUE(catalog.sequences.empty());
}

TEST(CreateTable, PrimaryKeyForms) {
  model::Catalog catalog = read_schema_sql(
      "CREATE TABLE inline_pk (id int PRIMARY KEY);"
      "CREATE TABLE table_pk (id int, PRIMARY KEY (id));"
      "CREATE TABLE named_pk (id int CONSTRAINT named_pk_id PRIMARY KEY);"
      "CREATE TABLE composite_pk (a int, b int, PRIMARY KEY (a, b));"
      "CREATE TABLE named_composite (a int, b int, CONSTRAINT nc_pk PRIMARY KEY (b, a));",
      "pk.sql");
  const model::Column& inline_id = column_of(table_of(catalog, "inline_pk"), "id");
  EXPECT_TRUE(inline_id.primary_key);
  EXPECT_TRUE(inline_id.not_null);
  EXPECT_FALSE(table_of(catalog, "inline_pk").primary_key.has_value());
  EXPECT_TRUE(column_of(table_of(catalog, "table_pk"), "id").primary_key);

  const model::Table& named = table_of(catalog, "named_pk");
  EXPECT_FALSE(column_of(named, "id").primary_key);
  EXPECT_TRUE(column_of(named, "id").not_null);
  EXPECT_EQ(named.primary_key, (model::PrimaryKey{"named_pk_id", {"id"}}));

  const model::Table& composite = table_of(catalog, "composite_pk");
  EXPECT_EQ(composite.primary_key, (model::PrimaryKey{"", {"a", "b"}}));
  EXPECT_TRUE(column_of(composite, "a").not_null && column_of(composite, "b").not_null);
  EXPECT_FALSE(column_of(composite, "a").primary_key);
  EXPECT_EQ(table_of(catalog, "named_composite").primary_key,
            (model::PrimaryKey{"nc_pk", {"b", "a"}}));
}

TEST(CreateTable, UniqueConstraints) {
  model::Catalog catalog = read_schema_sql(
      "CREATE TABLE t (a int UNIQUE, b int CONSTRAINT t_b_u UNIQUE NULLS NOT DISTINCT, c int,"
      " UNIQUE (b, c), CONSTRAINT t_c_unique UNIQUE NULLS NOT DISTINCT (c));",
      "u.sql");
  const model::Table& t = table_of(catalog, "t");
  ASSERT_EQ(t.uniques.size(), 4u);
  EXPECT_EQ(t.uniques[0], (model::UniqueConstraint{"t_a_key", {"a"}, false}));
  EXPECT_EQ(t.uniques[1], (model::UniqueConstraint{"t_b_u", {"b"}, true}));
  EXPECT_EQ(t.uniques[2], (model::UniqueConstraint{"t_b_c_key", {"b", "c"}, false}));
  EXPECT_EQ(t.uniques[3], (model::UniqueConstraint{"t_c_unique", {"c"}, true}));
}

TEST(CreateTable, ForeignKeysWithActionsCompositeAndCrossSchema) {
  model::Catalog catalog = read_schema_sql(
      "CREATE SCHEMA s;"
      "CREATE TABLE s.parent (a int, b int, PRIMARY KEY (a, b));"
      "CREATE TABLE users (id uuid PRIMARY KEY);"
      "CREATE TABLE child (a int, b int, u uuid REFERENCES users ON DELETE SET NULL ON UPDATE "
      "CASCADE, FOREIGN KEY (a, b) REFERENCES s.parent, CONSTRAINT child_ab FOREIGN KEY (b, a) "
      "REFERENCES s.parent (b, a) ON DELETE RESTRICT ON UPDATE SET DEFAULT);",
      "fk.sql");
  const model::Table& child = table_of(catalog, "child");
  ASSERT_EQ(child.foreign_keys.size(), 3u);
  EXPECT_EQ(
      child.foreign_keys[0],
      (model::ForeignKey{"child_u_fkey", {"u"}, "public", "users", {"id"}, "set null", "cascade"}));
  EXPECT_EQ(
      child.foreign_keys[1],
      (model::ForeignKey{
          "child_a_b_fkey", {"a", "b"}, "s", "parent", {"a", "b"}, "no action", "no action"}));
  EXPECT_EQ(child.foreign_keys[2],
            (model::ForeignKey{
                "child_ab", {"b", "a"}, "s", "parent", {"b", "a"}, "restrict", "set default"}));
}

TEST(CreateTable, ForeignKeyMayReferenceATableCreatedLater) {
  model::Catalog catalog = read_schema_sql(
      "CREATE TABLE a (b_id int REFERENCES b); CREATE TABLE b (id int PRIMARY KEY);", "f.sql");
  EXPECT_EQ(table_of(catalog, "a").foreign_keys[0].ref_columns, (std::vector<std::string>{"id"}));
}

TEST(CreateTable, ChecksAndGeneratedColumns) {
  model::Catalog catalog = read_schema_sql(
      "CREATE TABLE t (price int CHECK (price > 0), qty int, total int GENERATED ALWAYS AS "
      "(price * qty) STORED, CONSTRAINT t_sane CHECK (qty >= 0 AND price < 1000000), "
      "CHECK (qty < 10));",
      "c.sql");
  const model::Table& t = table_of(catalog, "t");
  ASSERT_EQ(t.checks.size(), 3u);
  EXPECT_EQ(t.checks[0], (model::CheckConstraint{"t_price_check", "price > 0"}));
  EXPECT_EQ(t.checks[1], (model::CheckConstraint{"t_sane", "qty >= 0 AND price < 1000000"}));
  EXPECT_EQ(t.checks[2], (model::CheckConstraint{"t_qty_check", "qty < 10"}));
  EXPECT_EQ(column_of(t, "total").generated, "price * qty");
}

TEST(CreateTable, IdentityColumns) {
  model::Catalog catalog = read_schema_sql(
      "CREATE TABLE t (a int GENERATED ALWAYS AS IDENTITY, b bigint GENERATED BY DEFAULT AS "
      "IDENTITY (SEQUENCE NAME t_b_custom START WITH 10 INCREMENT BY 2 CACHE 5 CYCLE));",
      "i.sql");
  const model::Table& t = table_of(catalog, "t");
  const model::Column& a = column_of(t, "a");
  ASSERT_TRUE(a.identity.has_value());
  EXPECT_TRUE(a.not_null);
  EXPECT_EQ(a.identity->kind, model::IdentityKind::kAlways);
  EXPECT_EQ(a.identity->sequence_name, "t_a_seq");
  EXPECT_EQ(a.identity->options, model::default_sequence_options("integer"));
  const model::Column& b = column_of(t, "b");
  ASSERT_TRUE(b.identity.has_value());
  EXPECT_EQ(b.identity->kind, model::IdentityKind::kByDefault);
  EXPECT_EQ(b.identity->sequence_name, "t_b_custom");
  EXPECT_EQ(b.identity->options,
            (model::SequenceOptions{"2", "1", "9223372036854775807", "10", "5", true}));
}

TEST(CreateIndex, ElementsMethodPredicateIncludeAndWith) {
  model::Catalog catalog = read_schema_sql(
      "CREATE TABLE t (a int, b text, c jsonb);"
      "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_idx ON t USING btree (a DESC NULLS "
      "LAST, lower(b) text_pattern_ops, (a)) INCLUDE (c) WITH (fillfactor = 70, deduplicate_items"
      " = off) WHERE a > 0;"
      "CREATE INDEX ON t USING gin (c jsonb_path_ops);"
      "CREATE INDEX ON t (a) NULLS NOT DISTINCT;"
      "CREATE INDEX IF NOT EXISTS t_idx ON t (b);",
      "x.sql");
  const model::Table& t = table_of(catalog, "t");
  ASSERT_EQ(t.indexes.size(), 3u);
  const model::Index& index = t.indexes[0];
  EXPECT_EQ(index.name, "t_idx");
  EXPECT_TRUE(index.unique);
  EXPECT_TRUE(index.concurrently);
  EXPECT_EQ(index.method, "btree");
  ASSERT_EQ(index.elements.size(), 3u);
  EXPECT_EQ(index.elements[0], (model::IndexElement{"a", false, false, "last", ""}));
  EXPECT_EQ(index.elements[1],
            (model::IndexElement{"lower(b)", true, true, "last", "text_pattern_ops"}));
  EXPECT_EQ(index.elements[2], (model::IndexElement{"a", false, true, "last", ""}));
  EXPECT_EQ(index.include, (std::vector<std::string>{"c"}));
  EXPECT_EQ(index.with, (std::map<std::string, std::string>{{"deduplicate_items", "off"},
                                                            {"fillfactor", "70"}}));
  EXPECT_EQ(index.where, "a > 0");
  EXPECT_EQ(t.indexes[1].name, "t_c_idx");
  EXPECT_EQ(t.indexes[1].method, "gin");
  EXPECT_EQ(t.indexes[1].elements[0].opclass, "jsonb_path_ops");
  EXPECT_EQ(t.indexes[2].name, "t_a_idx");
  EXPECT_TRUE(t.indexes[2].nulls_not_distinct);
  // NULLS ordering left out is PostgreSQL's default for the direction.
  EXPECT_EQ(t.indexes[2].elements[0].nulls, "last");
}

TEST(CreateView, PlainAndMaterialized) {
  model::Catalog catalog = read_schema_sql(
      "CREATE TABLE t (a int, b int);"
      "CREATE VIEW v WITH (security_barrier, check_option = local) AS select a from t where b "
      "> 1;"
      "CREATE MATERIALIZED VIEW m AS SELECT b, count(*) FROM t GROUP BY b WITH NO DATA;"
      "CREATE MATERIALIZED VIEW m2 AS SELECT 1 AS one;",
      "v.sql");
  ASSERT_EQ(catalog.views.size(), 3u);
  const model::View& v = catalog.views[0];
  EXPECT_EQ(v.definition, "SELECT a FROM t WHERE b > 1");
  EXPECT_FALSE(v.materialized);
  EXPECT_EQ(v.with, (std::map<std::string, std::string>{{"check_option", "local"},
                                                        {"security_barrier", "true"}}));
  EXPECT_TRUE(catalog.views[1].materialized);
  EXPECT_TRUE(catalog.views[1].with_no_data);
  EXPECT_EQ(catalog.views[1].definition, "SELECT b, count(*) FROM t GROUP BY b");
  EXPECT_FALSE(catalog.views[2].with_no_data);
}

TEST(AlterTable, AddConstraintRlsDefaultNotNull) {
  model::Catalog catalog = read_schema_sql(
      "CREATE TABLE p (id int PRIMARY KEY);"
      "CREATE TABLE t (id int, p_id int, name text, n int);"
      "ALTER TABLE ONLY t ADD CONSTRAINT t_pkey PRIMARY KEY (id);"
      "ALTER TABLE t ADD CONSTRAINT t_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE;"
      "ALTER TABLE t ADD UNIQUE (name), ADD CHECK (n > 0);"
      "ALTER TABLE t ENABLE ROW LEVEL SECURITY;"
      "ALTER TABLE t ALTER COLUMN name SET DEFAULT 'x'::text, ALTER COLUMN n SET NOT NULL;"
      "ALTER TABLE public.t ALTER COLUMN n SET DEFAULT 1;"
      "ALTER TABLE t ALTER COLUMN n DROP DEFAULT;",
      "a.sql");
  const model::Table& t = table_of(catalog, "t");
  EXPECT_EQ(t.primary_key, (model::PrimaryKey{"t_pkey", {"id"}}));
  EXPECT_EQ(t.foreign_keys[0].name, "t_p");
  EXPECT_EQ(t.foreign_keys[0].on_delete, "cascade");
  EXPECT_EQ(t.uniques[0].name, "t_name_key");
  EXPECT_EQ(t.checks[0].name, "t_n_check");
  EXPECT_TRUE(t.rls_enabled);
  EXPECT_EQ(column_of(t, "name").default_expr, "'x'");
  EXPECT_TRUE(column_of(t, "n").not_null);
  EXPECT_FALSE(column_of(t, "n").default_expr.has_value());
}

TEST(CreatePolicy, DefaultsAndClauses) {
  model::Catalog catalog = read_schema_sql(
      "CREATE TABLE t (owner text);"
      "CREATE POLICY p1 ON t USING (owner = current_user);"
      "CREATE POLICY p2 ON t AS RESTRICTIVE FOR INSERT TO admin, \"Readers\", public WITH CHECK "
      "(owner IS NOT NULL);",
      "p.sql");
  const model::Table& t = table_of(catalog, "t");
  ASSERT_EQ(t.policies.size(), 2u);
  EXPECT_EQ(
      t.policies[0],
      (model::Policy{"p1", "PERMISSIVE", "ALL", {"public"}, "owner = current_user", std::nullopt}));
  EXPECT_EQ(t.policies[1], (model::Policy{"p2",
                                          "RESTRICTIVE",
                                          "INSERT",
                                          {"admin", "Readers", "public"},
                                          std::nullopt,
                                          "owner IS NOT NULL"}));
}

TEST(Comment, OnTableAndColumn) {
  model::Catalog catalog = read_schema_sql(
      "CREATE SCHEMA s; CREATE TABLE s.t (a int);"
      "COMMENT ON TABLE s.t IS 'the table';"
      "COMMENT ON COLUMN s.t.a IS 'it''s a';"
      "COMMENT ON COLUMN s.t.a IS 'replaced';"
      "CREATE TABLE u (b int); COMMENT ON TABLE u IS 'gone'; COMMENT ON TABLE u IS NULL;",
      "c.sql");
  const model::Table& t = table_of(catalog, "t", "s");
  EXPECT_EQ(t.comment, "the table");
  EXPECT_EQ(column_of(t, "a").comment, "replaced");
  EXPECT_FALSE(table_of(catalog, "u").comment.has_value());
}

TEST(ReadSchemaFiles, ReadsFilesInOrderIntoOneCatalog) {
  std::string data = FLICK_DDL_DATA;
  model::Catalog catalog =
      read_schema_files({data + "/multi/01_types.sql", data + "/multi/02_tables.sql"});
  ASSERT_EQ(catalog.tables.size(), 2u);
  EXPECT_EQ(column_of(table_of(catalog, "users"), "status").type_schema, "public");
  EXPECT_EQ(table_of(catalog, "posts").foreign_keys[0].ref_columns,
            (std::vector<std::string>{"id"}));
}

TEST(ReadSchemaFiles, MissingFileIsAUserError) {
  EXPECT_THROW(read_schema_files({"/nonexistent/flick/schema.sql"}), UserError);
}

}  // namespace
}  // namespace flick::ddl
