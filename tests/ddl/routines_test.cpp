// Extensions, functions and procedures, triggers in schema files: identity, canonical form (what
// makes two definitions equal), and PostgreSQL's own definition text read to the same form.

#include <gtest/gtest.h>

#include "test_util.hpp"

namespace flick::ddl {
namespace {

using testing::read_error;

const model::Function& only_function(const model::Catalog& catalog) {
  if (catalog.functions.size() != 1) throw std::runtime_error("expected one function");
  return catalog.functions[0];
}

TEST(Routines, FunctionIdentityAndCanonicalForm) {
  model::Catalog catalog = read_schema_sql(
      "CREATE FUNCTION app_add(a int4, b character varying DEFAULT 'x', OUT total bigint)\n"
      "  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100 AS $$ SELECT a + length(b) $$;",
      "schema.sql");
  const model::Function& function = only_function(catalog);
  EXPECT_EQ(function.schema, "public");
  EXPECT_EQ(function.name, "app_add");
  EXPECT_FALSE(function.procedure);
  EXPECT_EQ(function.arguments, "integer, varchar");  // OUT is not part of the identity
  EXPECT_EQ(function.returns, "");
  EXPECT_EQ(function.language, "sql");
  EXPECT_EQ(function.canonical,
            "FUNCTION(a integer, b varchar DEFAULT 'x', OUT total bigint) LANGUAGE sql immutable "
            "STRICT PARALLEL safe AS select a + length ( b )");
  EXPECT_EQ(function.definition.rfind("CREATE OR REPLACE FUNCTION app_add(", 0), 0u)
      << function.definition;
}

// pg_dump writes set-returning functions so (pagila's film_in_stock, rewards_report): SETOF is
// part of the result type, not a refused column-type clause.
TEST(Routines, SetReturningFunctions) {
  model::Catalog catalog = read_schema_sql(
      "CREATE TABLE public.customer (id integer);\n"
      "CREATE FUNCTION public.in_stock(p_film_id integer, OUT p_count integer) RETURNS SETOF "
      "integer LANGUAGE sql AS $$ SELECT 1 $$;\n"
      "CREATE FUNCTION public.report(min integer) RETURNS SETOF public.customer LANGUAGE sql AS "
      "$$ SELECT * FROM public.customer $$;",
      "schema.sql");
  ASSERT_EQ(catalog.functions.size(), 2u);
  EXPECT_EQ(catalog.functions[0].returns, "SETOF integer");
  EXPECT_EQ(catalog.functions[1].returns, "SETOF public.customer");
}

// Layout, comments, keyword case and type spellings do not make a function differ.
TEST(Routines, ReformattedBodyIsTheSameFunction) {
  model::Function written = only_function(
      read_schema_sql("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                      "BEGIN\n  NEW.updated_at := now(); -- keep it fresh\n  RETURN NEW;\nEND\n$$;",
                      "a.sql"));
  model::Function reformatted = only_function(read_schema_sql(
      "create or replace function public.touch()\n returns trigger\n language PLPGSQL\n"
      "as $body$ begin /* fresh */ new.updated_at   :=\n now(); return new; end $body$;",
      "b.sql"));
  EXPECT_EQ(written, reformatted);
  EXPECT_EQ(written.canonical, reformatted.canonical);
  EXPECT_EQ(written.returns, "trigger") << "a pseudo-type has no schema";

  model::Function other_body = only_function(
      read_schema_sql("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                      "BEGIN NEW.updated_at := clock_timestamp(); RETURN NEW; END $$;",
                      "c.sql"));
  EXPECT_NE(written, other_body);
  model::Function definer = only_function(
      read_schema_sql("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
                      "SET search_path = public AS $$\n"
                      "BEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND\n$$;",
                      "d.sql"));
  EXPECT_NE(written, definer);
  EXPECT_NE(definer.canonical.find("SECURITY DEFINER"), std::string::npos) << definer.canonical;
  EXPECT_NE(definer.canonical.find("SET search_path TO public"), std::string::npos)
      << definer.canonical;
  // A string literal in the body keeps its case.
  model::Function upper = only_function(read_schema_sql(
      "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT 'A' $$;", "e.sql"));
  model::Function lower = only_function(read_schema_sql(
      "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT 'a' $$;", "f.sql"));
  EXPECT_NE(upper, lower);
}

// What pg_get_functiondef prints reads to the same function as the schema file it came from.
TEST(Routines, PostgresDefinitionTextReadsEqual) {
  model::Function written = only_function(read_schema_sql(
      "CREATE FUNCTION note_count(min_length int DEFAULT 0) RETURNS bigint LANGUAGE sql STABLE "
      "SET search_path = public AS $$ SELECT count(*) FROM notes $$;",
      "schema.sql"));
  model::Function printed = read_function(
      "CREATE OR REPLACE FUNCTION public.note_count(min_length integer DEFAULT 0)\n"
      " RETURNS bigint\n LANGUAGE sql\n STABLE\n SET search_path TO 'public'\n"
      "AS $function$ SELECT count(*) FROM notes $function$\n",
      "the database");
  EXPECT_EQ(written, printed) << written.canonical << "\n" << printed.canonical;
  EXPECT_EQ(printed.definition.back(), '$') << "trailing blanks are cut";

  model::Function procedure = read_function(
      "CREATE OR REPLACE PROCEDURE public.purge(IN max_length integer)\n LANGUAGE sql\n"
      "AS $procedure$ DELETE FROM notes WHERE length(body) < max_length $procedure$",
      "the database");
  model::Function procedure_written = only_function(read_schema_sql(
      "CREATE PROCEDURE purge(max_length integer) LANGUAGE sql AS $$ DELETE FROM notes WHERE "
      "length(body) < max_length $$;",
      "schema.sql"));
  EXPECT_TRUE(procedure.procedure);
  EXPECT_EQ(procedure, procedure_written);

  EXPECT_THROW(read_function("CREATE TABLE t (id int)", "x"), UserError);
}

// pagila's group_concat: an aggregate is a routine with its state function and type; the schema
// file's spelling and the one introspection builds from pg_aggregate read equal.
TEST(Routines, AggregateIdentityAndCanonicalForm) {
  model::Catalog catalog = read_schema_sql(
      "CREATE AGGREGATE group_concat(text) (\n    SFUNC = _group_concat,\n    STYPE = text\n);",
      "schema.sql");
  const model::Function& aggregate = only_function(catalog);
  EXPECT_TRUE(aggregate.aggregate);
  EXPECT_EQ(aggregate.name, "group_concat");
  EXPECT_EQ(aggregate.arguments, "text");
  EXPECT_EQ(aggregate.canonical, "AGGREGATE(text) sfunc=_group_concat stype=text");
  EXPECT_EQ(aggregate.returns, "STYPE text");
  EXPECT_EQ(aggregate.definition.rfind("CREATE OR REPLACE AGGREGATE group_concat(text)", 0), 0u)
      << aggregate.definition;
  model::Function introspected = read_aggregate(
      "CREATE OR REPLACE AGGREGATE public.group_concat(text) (SFUNC = public._group_concat, "
      "STYPE = text, PARALLEL = UNSAFE)",
      "the database");
  EXPECT_EQ(introspected, aggregate);
  // An empty INITCOND is a value (the state starts as ''), not the default NULL.
  model::Function with_initcond = read_aggregate(
      "CREATE AGGREGATE group_concat(text) (SFUNC = _group_concat, STYPE = text, INITCOND = '')",
      "schema.sql");
  EXPECT_NE(with_initcond, aggregate);
  EXPECT_EQ(with_initcond.canonical, "AGGREGATE(text) initcond= sfunc=_group_concat stype=text");
}

TEST(Routines, AggregateFormsNotModelledAreRefusedByName) {
  EXPECT_EQ(
      read_error("CREATE AGGREGATE pct(float8 ORDER BY float8) (SFUNC = ordered_set_transition, "
                 "STYPE = internal, FINALFUNC = percentile_disc_final);"),
      "schema.sql:1:1: unsupported ordered-set aggregate (WITHIN GROUP)");
  EXPECT_EQ(read_error("CREATE AGGREGATE old (BASETYPE = int, SFUNC = int4pl, STYPE = int);"),
            "schema.sql:1:1: unsupported old-style CREATE AGGREGATE (BASETYPE = ...): write "
            "CREATE AGGREGATE name (argument types) (...)");
  EXPECT_EQ(read_error("CREATE AGGREGATE a(int) (STYPE = int);"),
            "schema.sql:1:1: aggregate public.a needs SFUNC and STYPE");
  EXPECT_EQ(read_error("CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq);"),
            "schema.sql:1:1: unsupported statement CREATE OPERATOR");
}

TEST(Routines, TriggersCompareWithQualifiedNames) {
  model::Catalog written = read_schema_sql(
      "CREATE TABLE notes (id int);\n"
      "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;\n"
      "CREATE TRIGGER notes_touch BEFORE UPDATE ON notes FOR EACH ROW "
      "WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION touch();",
      "schema.sql");
  const model::Table& notes = testing::table_of(written, "notes");
  ASSERT_EQ(notes.triggers.size(), 1u);
  model::Trigger printed = read_trigger(
      "CREATE TRIGGER notes_touch BEFORE UPDATE ON public.notes FOR EACH ROW WHEN ((old.* IS "
      "DISTINCT FROM new.*)) EXECUTE FUNCTION public.touch()",
      "the database");
  EXPECT_EQ(notes.triggers[0], printed) << notes.triggers[0].canonical << "\n" << printed.canonical;
  model::Trigger other_event = read_trigger(
      "CREATE TRIGGER notes_touch BEFORE INSERT ON public.notes FOR EACH ROW EXECUTE FUNCTION "
      "public.touch()",
      "the database");
  EXPECT_NE(notes.triggers[0], other_event);
}

TEST(Routines, ExtensionsAndTheirTypes) {
  model::Catalog catalog = read_schema_sql(
      "CREATE EXTENSION IF NOT EXISTS citext;\nCREATE EXTENSION pgcrypto SCHEMA public;\n"
      "CREATE EXTENSION IF NOT EXISTS citext;\n"
      "CREATE TABLE users (email citext NOT NULL);",
      "schema.sql");
  ASSERT_EQ(catalog.extensions.size(), 2u);
  EXPECT_EQ(catalog.extensions[0].name, "citext");
  EXPECT_EQ(catalog.extensions[1].name, "pgcrypto");
  EXPECT_EQ(catalog.extensions[1].schema, "public");
  EXPECT_EQ(testing::column_of(testing::table_of(catalog, "users"), "email").type, "citext");
  // Without an extension, an unknown type is still an error.
  EXPECT_NE(read_error("CREATE TABLE users (email citext NOT NULL);").find("citext"),
            std::string::npos);
}

TEST(Routines, CreatedTwiceIsAnErrorUnlessReplaced) {
  EXPECT_EQ(read_error("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\n"
                       "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 2';"),
            "schema.sql:2:1: function public.f() is created twice");
  model::Catalog replaced = read_schema_sql(
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\n"
      "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 2';\n"
      "CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';",
      "schema.sql");
  ASSERT_EQ(replaced.functions.size(), 2u) << "f() and f(integer) are two functions";
  EXPECT_NE(replaced.functions[0].canonical.find("select 2"), std::string::npos)
      << replaced.functions[0].canonical;
  EXPECT_EQ(read_error("CREATE EXTENSION citext;\nCREATE EXTENSION citext;"),
            "schema.sql:2:1: extension \"citext\" is created twice");
  std::string no_table =
      read_error("CREATE TRIGGER t BEFORE INSERT ON nowhere FOR EACH ROW EXECUTE FUNCTION f();");
  EXPECT_EQ(no_table.rfind("schema.sql:1:", 0), 0u) << no_table;
  EXPECT_NE(no_table.find("nowhere"), std::string::npos) << no_table;
}

}  // namespace
}  // namespace flick::ddl

namespace flick::ddl {
namespace {

TEST(Routines, DomainsWithPostgresImplicitCheckNames) {
  model::Catalog catalog = read_schema_sql(
      "CREATE DOMAIN email AS citext CHECK (VALUE ~ '@') CHECK (length(VALUE) < 300);\n"
      "CREATE EXTENSION citext;\n"
      "CREATE DOMAIN cents AS int8 NOT NULL DEFAULT 0 CONSTRAINT non_negative CHECK (VALUE >= 0);\n"
      "CREATE TABLE a (e email, c cents);",
      "schema.sql");
  ASSERT_EQ(catalog.domains.size(), 2u);
  const model::Domain* email = catalog.find_domain("public", "email");
  ASSERT_NE(email, nullptr);
  EXPECT_EQ(email->base_type, "public.citext");
  ASSERT_EQ(email->checks.size(), 2u);
  EXPECT_EQ(email->checks[0].name, "email_check");
  EXPECT_EQ(email->checks[1].name, "email_check1");
  const model::Domain* cents = catalog.find_domain("public", "cents");
  ASSERT_NE(cents, nullptr);
  EXPECT_EQ(cents->base_type, "bigint");
  EXPECT_TRUE(cents->not_null);
  EXPECT_EQ(cents->default_expr, std::optional<std::string>("0"));
  ASSERT_EQ(cents->checks.size(), 1u);
  EXPECT_EQ(cents->checks[0].name, "non_negative");
  const model::Column& column = testing::column_of(testing::table_of(catalog, "a"), "c");
  EXPECT_EQ(column.type, "cents");
  EXPECT_EQ(column.type_schema, "public");
  EXPECT_EQ(read_error("CREATE DOMAIN d AS int;\nCREATE DOMAIN d AS text;"),
            "schema.sql:2:1: type \"public\".\"d\" is created twice");
}

}  // namespace
}  // namespace flick::ddl

namespace flick::ddl {
namespace {

// Range types in canonical spellings: pg_catalog and the default schema left out of functions
// and operator classes, PostgreSQL's default multirange name as none.
TEST(Routines, RangeTypesInCanonicalForm) {
  model::Catalog catalog = read_schema_sql(
      "CREATE TYPE textrange AS RANGE (subtype = pg_catalog.text, subtype_opclass = "
      "pg_catalog.text_pattern_ops, collation = \"C\", subtype_diff = public.text_diff, "
      "multirange_type_name = textmultirange);\n"
      "CREATE TYPE span AS RANGE (subtype = int4, multirange_type_name = spans, "
      "subtype_opclass = int4_ops);",
      "schema.sql");
  ASSERT_EQ(catalog.range_types.size(), 2u);
  const model::RangeType& span = catalog.range_types[0];
  EXPECT_EQ(span.name, "span");
  EXPECT_EQ(span.subtype, "integer");
  EXPECT_EQ(span.multirange_type_name, "spans");
  // pg_dump-style files name the default operator class: no choice, as the database records it.
  EXPECT_EQ(span.subtype_opclass, "");
  const model::RangeType& text = catalog.range_types[1];
  EXPECT_EQ(text.subtype, "text");
  EXPECT_EQ(text.subtype_opclass, "text_pattern_ops");
  EXPECT_EQ(text.collation, "\"C\"");
  EXPECT_EQ(text.subtype_diff, "text_diff");
  EXPECT_EQ(text.multirange_type_name, "") << "the default name";
  EXPECT_EQ(model::default_multirange_name("floatrange"), "floatmultirange");
  EXPECT_EQ(model::default_multirange_name("period"), "period_multirange");
}

// INHERITS: the parents' columns first (in INHERITS order, each name once), marked inherited
// unless the child declares them too; NOT NULL and defaults merge as PostgreSQL merges them; the
// parents' CHECKs stay the parents'. pg_dump's ALTER TABLE ONLY on an inherited column keeps.
TEST(Routines, InheritsGivesTheParentsColumnsFirst) {
  model::Catalog catalog = read_schema_sql(
      "CREATE TABLE items (id integer NOT NULL, title text DEFAULT 'x', "
      "CONSTRAINT items_id CHECK (id > 0));\n"
      "CREATE TABLE tagged (tags text[], title text NOT NULL);\n"
      "CREATE TABLE books (isbn text, title text, note text) INHERITS (items, tagged);\n"
      "CREATE TABLE ebooks (url text) INHERITS (books);\n"
      "ALTER TABLE ONLY ebooks ALTER COLUMN isbn SET NOT NULL;\n"
      "CREATE INDEX ebooks_id ON ebooks (id);",
      "schema.sql");
  const model::Table& books = testing::table_of(catalog, "books");
  std::vector<std::string> names;
  for (const model::Column& column : books.columns) {
    names.push_back(column.name + (column.inherited ? " (inherited)" : ""));
  }
  EXPECT_EQ(names, (std::vector<std::string>{"id (inherited)", "title", "tags (inherited)", "isbn",
                                             "note"}));
  const model::Column& title = testing::column_of(books, "title");
  EXPECT_TRUE(title.not_null) << "tagged's NOT NULL";
  EXPECT_EQ(title.default_expr, "'x'") << "items' default, books declares none";
  EXPECT_TRUE(testing::column_of(books, "id").not_null);
  EXPECT_TRUE(books.checks.empty()) << "items_id stays items'";
  ASSERT_EQ(books.inherits.size(), 2u);
  EXPECT_EQ(books.inherits[1].name, "tagged");
  const model::Table& ebooks = testing::table_of(catalog, "ebooks");
  ASSERT_EQ(ebooks.columns.size(), 6u);
  EXPECT_EQ(ebooks.columns.back().name, "url");
  EXPECT_FALSE(ebooks.columns.back().inherited);
  EXPECT_TRUE(testing::column_of(ebooks, "isbn").inherited);
  EXPECT_TRUE(testing::column_of(ebooks, "isbn").not_null) << "ALTER TABLE ONLY ebooks";
  EXPECT_FALSE(testing::column_of(books, "isbn").not_null);
  EXPECT_EQ(ebooks.indexes.size(), 1u);
  // NO INHERIT: what only that parent gave becomes the child's own.
  model::Catalog left = read_schema_sql(
      "CREATE TABLE items (id integer);\nCREATE TABLE books (isbn text) INHERITS (items);\n"
      "ALTER TABLE books NO INHERIT items;",
      "schema.sql");
  const model::Table& alone = testing::table_of(left, "books");
  EXPECT_TRUE(alone.inherits.empty());
  ASSERT_EQ(alone.columns.size(), 2u);
  EXPECT_FALSE(alone.columns[0].inherited);
}

TEST(Routines, RangeTypeAndCollationErrorsNameTheObject) {
  EXPECT_EQ(read_error("CREATE TYPE r AS RANGE (subtype_diff = float8mi);"),
            "schema.sql:1:1: range type \"r\" must specify a subtype");
  EXPECT_EQ(read_error("CREATE TYPE r AS RANGE (subtype = int, colour = red);"),
            "schema.sql:1:40: range type \"r\": unknown option \"colour\"");
  EXPECT_EQ(read_error("CREATE TYPE r AS RANGE (subtype = int);\n"
                       "CREATE TYPE r AS RANGE (subtype = int);"),
            "schema.sql:2:1: type \"public\".\"r\" is created twice");
  // The multirange type's name is taken too.
  std::string clash =
      read_error("CREATE TYPE r_multirange AS (a int);\nCREATE TYPE r AS RANGE (subtype = int);");
  EXPECT_NE(clash.find("schema.sql:2:1: multirange type of range type \"r\""), std::string::npos)
      << clash;
  EXPECT_EQ(read_error("CREATE COLLATION c (provider = icu);"),
            "schema.sql:1:1: collation \"c\": an ICU collation needs a locale");
  EXPECT_EQ(read_error("CREATE COLLATION c (provider = libc, locale = 'C', deterministic = "
                       "false);"),
            "schema.sql:1:1: collation \"c\": nondeterministic collations are only supported by "
            "the icu provider");
  EXPECT_EQ(read_error("CREATE COLLATION c (provider = mine, locale = 'x');"),
            "schema.sql:1:21: collation \"c\": unknown provider \"mine\" (libc or icu)");
  std::string from = read_error("CREATE COLLATION c FROM \"de_DE\";");
  EXPECT_NE(from.find("schema.sql:1:25: CREATE COLLATION \"c\" FROM \"de_DE\": Flick cannot know"),
            std::string::npos)
      << from;
  EXPECT_EQ(read_error("CREATE COLLATION c (locale = 'C');\nCREATE COLLATION c (locale = 'C');"),
            "schema.sql:2:1: collation \"public\".\"c\" is created twice");
  // FROM a collation of the file copies it; FROM "C" is libc's C.
  model::Catalog catalog = read_schema_sql(
      "CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);\n"
      "CREATE COLLATION ci2 FROM ci;\nCREATE COLLATION plain FROM \"C\";",
      "schema.sql");
  ASSERT_EQ(catalog.collations.size(), 3u);
  EXPECT_EQ(catalog.collations[1].name, "ci2");
  EXPECT_EQ(catalog.collations[1].provider, "icu");
  EXPECT_FALSE(catalog.collations[1].deterministic);
  EXPECT_EQ(catalog.collations[2].lc_ctype, "C");
}

TEST(Routines, TriggerStateInSchemaFiles) {
  const std::string setup =
      "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
      "CREATE TABLE t (id int);\n"
      "CREATE TRIGGER a BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();\n";
  model::Catalog catalog =
      read_schema_sql(setup + "ALTER TABLE t DISABLE TRIGGER a;", "schema.sql");
  ASSERT_EQ(catalog.tables[0].triggers.size(), 1u);
  EXPECT_EQ(catalog.tables[0].triggers[0].enabled, 'D');
  EXPECT_EQ(read_error(setup + "ALTER TABLE t ENABLE TRIGGER b;"),
            "schema.sql:4:1: trigger \"b\" for table \"t\" does not exist");
  std::string all = read_error(setup + "ALTER TABLE t DISABLE TRIGGER ALL;");
  EXPECT_NE(all.find("schema.sql:4:1: ALTER TABLE \"t\" DISABLE TRIGGER ALL also disables"),
            std::string::npos)
      << all;
}

}  // namespace
}  // namespace flick::ddl
