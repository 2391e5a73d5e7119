// The pages of functions, domains and composite types, and the trigger list on table pages,
// built from a schema read through ddl (no migration folder): one page per signature
// (overloads and names needing escaping), what a function's page says and who calls it, the
// trigger rows, the domain and composite pages and the links to them, every link resolving to a
// page; and the canonical-form readers behind them.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "ddl/ddl.hpp"
#include "docs/docs.hpp"
#include "docs/page_paths.hpp"
#include "docs/routine_facts.hpp"

namespace flick::docs {
namespace {

constexpr const char* kSchema = R"~(
CREATE SCHEMA audit;
CREATE TYPE mood AS ENUM ('ok', 'meh');
CREATE DOMAIN email AS text COLLATE "C" NOT NULL DEFAULT 'x@y.z'
  CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%');
CREATE DOMAIN feeling AS mood;
CREATE TYPE address AS (street text, "zip code" varchar(10), mood mood);
CREATE TYPE audit."place|pin" AS (label text COLLATE "C", home address, tags text[]);
CREATE TABLE users (
  id integer PRIMARY KEY, email email, home address, f feeling, updated_at timestamptz,
  CONSTRAINT days_ok CHECK (add_days(current_date, id) > '2000-01-01'));
CREATE TABLE notes (id integer PRIMARY KEY, body text DEFAULT 'add_days(x)');
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp AS $$BEGIN NEW.updated_at := now(); RETURN NEW; END$$;
CREATE FUNCTION add_days(d date, n integer DEFAULT 1) RETURNS date LANGUAGE sql
  IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT d + n';
CREATE FUNCTION add_days(t timestamp, n integer) RETURNS timestamp LANGUAGE sql STABLE
  AS $$SELECT t + n * interval '1 day'$$;
CREATE FUNCTION "Odd Name"(x text) RETURNS TABLE(a text) LANGUAGE sql AS $$SELECT x$$;
CREATE PROCEDURE audit.prune(keep integer) LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE FUNCTION _cat(a text, b text) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT a || b$$;
CREATE AGGREGATE group_cat(text) (SFUNC = _cat, STYPE = text, INITCOND = '');
CREATE TRIGGER users_touch BEFORE INSERT OR UPDATE OF email, home ON users FOR EACH ROW
  WHEN (NEW.email IS NOT NULL) EXECUTE FUNCTION touch();
CREATE TRIGGER users_stmt AFTER DELETE ON users REFERENCING OLD TABLE AS gone
  EXECUTE FUNCTION touch();
CREATE CONSTRAINT TRIGGER users_check AFTER INSERT ON users DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit.missing('a b', 1);
CREATE VIEW user_days AS
  SELECT id, add_days(current_date, id) AS d, group_cat(email::text) AS e FROM users GROUP BY id;
COMMENT ON DOMAIN email IS 'An address with an *at* sign';
COMMENT ON FUNCTION add_days(date, integer) IS 'The date n days later';
)~";

const std::string kAddDaysDate = "functions/public.add_days~28date~2c~20integer~29.md";
const std::string kAddDaysTimestamp = "functions/public.add_days~28timestamp~2c~20integer~29.md";
const std::string kTouch = "functions/public.touch~28~29.md";

std::map<std::string, Page> pages_of(const std::string& sql) {
  Sources sources;
  sources.schema = ddl::read_schema_sql(sql, "schema.sql");
  model::normalise(sources.schema);
  sources.schema_origin = {"schema.sql"};
  std::map<std::string, Page> pages;
  for (Page& page : build_pages(sources)) pages[page.path] = page;
  return pages;
}

const std::map<std::string, Page>& schema_pages() {
  static const std::map<std::string, Page> pages = pages_of(kSchema);
  return pages;
}

// The page's text from `heading` up to the next heading of the same level (or the end).
std::string section(const std::string& markdown, const std::string& heading) {
  std::size_t start = markdown.find(heading + "\n");
  if (start == std::string::npos) return "(no " + heading + ")";
  std::string level = heading.substr(0, heading.find(' ') + 1);
  std::size_t end = markdown.find("\n" + level, start + heading.size());
  return markdown.substr(start, end == std::string::npos ? std::string::npos : end + 1 - start);
}

const std::string& page(const std::string& path) {
  static const std::string missing = "(no page)";
  auto it = schema_pages().find(path);
  return it == schema_pages().end() ? missing : it->second.markdown;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ObjectPages, OverloadsGetAPageEachLinkedFromTheIndexAndEachOther) {
  const std::string& index = page("index.md");
  EXPECT_TRUE(has(index, "2 tables, 1 enum, 2 domains, 2 composite types, 7 functions.")) << index;
  EXPECT_EQ(section(index, "## Functions"),
            "## Functions\n\n"
            "| Function | Kind | Returns | Language |\n"
            "| --- | --- | --- | --- |\n"
            "| [`audit.prune(integer)`](functions/audit.prune~28integer~29.md) | procedure |  | "
            "`plpgsql` |\n"
            "| [`Odd Name(text)`](functions/public.Odd~20Name~28text~29.md) | function | "
            "`TABLE(a text)` | `sql` |\n"
            "| [`_cat(text, text)`](functions/public._cat~28text~2c~20text~29.md) | function | "
            "`text` | `sql` |\n"
            "| [`add_days(date, integer)`](" +
                kAddDaysDate +
                ") | function | `date` | `sql` |\n"
                "| [`add_days(timestamp, integer)`](" +
                kAddDaysTimestamp +
                ") | function | `timestamp` | `sql` |\n"
                "| [`group_cat(text)`](functions/public.group_cat~28text~29.md) | aggregate | "
                "`STYPE text` |  |\n"
                "| [`touch()`](functions/public.touch~28~29.md) | function | `trigger` | "
                "`plpgsql` |\n\n");

  const std::string& date = page(kAddDaysDate);
  EXPECT_TRUE(
      date.starts_with("# Function `add_days(date, integer)`\n\n"
                       "[Index](../index.md) · schema `public`\n\n"
                       "The date n days later\n\n"
                       "Other signatures of this name: [`add_days(timestamp, integer)`]"
                       "(public.add_days~28timestamp~2c~20integer~29.md).\n\n"))
      << date;
  EXPECT_TRUE(has(page(kAddDaysTimestamp),
                  "Other signatures of this name: [`add_days(date, integer)`]"
                  "(public.add_days~28date~2c~20integer~29.md).\n"))
      << page(kAddDaysTimestamp);
  EXPECT_EQ(section(date, "## Properties"),
            "## Properties\n\n"
            "| Property | Value |\n"
            "| --- | --- |\n"
            "| Signature | `add_days(d date, n integer DEFAULT 1)` |\n"
            "| Returns | `date` |\n"
            "| Language | `sql` |\n"
            "| Volatility | immutable |\n"
            "| Strict | yes |\n"
            "| Security | invoker |\n"
            "| Parallel | safe |\n\n");
  EXPECT_TRUE(has(date,
                  "## Definition\n\n```sql\nCREATE OR REPLACE FUNCTION add_days(d date, n integer "
                  "DEFAULT 1) RETURNS date LANGUAGE sql\n  IMMUTABLE STRICT PARALLEL SAFE AS "
                  "'SELECT d + n'\n```\n"))
      << date;
  // The view and the check call add_days (the text does not say which one); the string
  // literal 'add_days(x)' in a default does not.
  EXPECT_EQ(section(date, "## Used by"),
            "## Used by\n\n"
            "Views, defaults and checks are matched by name: they may call another signature.\n\n"
            "### Views\n\n`user_days`\n\n"
            "### Columns and checks\n\n"
            "| Table | Where |\n"
            "| --- | --- |\n"
            "| [`users`](../tables/public.users.md) | check `days_ok` |\n");
  EXPECT_TRUE(schema_pages().count("functions/public.Odd~20Name~28text~29.md"));
}

TEST(ObjectPages, ProceduresAndAggregates) {
  const std::string& prune = page("functions/audit.prune~28integer~29.md");
  EXPECT_TRUE(prune.starts_with("# Procedure `audit.prune(integer)`\n\n")) << prune;
  EXPECT_TRUE(has(prune, "| Signature | `audit.prune(keep integer)` |\n")) << prune;
  EXPECT_FALSE(has(prune, "| Returns |")) << prune;
  EXPECT_TRUE(has(prune, "## Used by\n\nNo trigger, view, column default or check calls it.\n"))
      << prune;
  const std::string& aggregate = page("functions/public.group_cat~28text~29.md");
  EXPECT_TRUE(aggregate.starts_with("# Aggregate `group_cat(text)`\n\n")) << aggregate;
  EXPECT_EQ(section(aggregate, "## Properties"),
            "## Properties\n\n"
            "| Property | Value |\n"
            "| --- | --- |\n"
            "| Arguments | `group_cat(text)` |\n"
            "| `initcond` | (empty) |\n"
            "| `sfunc` | `_cat` |\n"
            "| `stype` | `text` |\n\n");
  EXPECT_TRUE(has(aggregate, "### Views\n\n`user_days`\n")) << aggregate;
}

TEST(ObjectPages, TablePagesListTriggersLinkedToTheirFunctions) {
  EXPECT_EQ(section(page("tables/public.users.md"), "## Triggers"),
            "## Triggers\n\n"
            "| Trigger | Timing | Events | Level | When | Function |\n"
            "| --- | --- | --- | --- | --- | --- |\n"
            "| `users_check` | AFTER (constraint trigger) DEFERRABLE INITIALLY DEFERRED | INSERT "
            "| row |  | `audit.missing('a b', '1')` (not in the schema) |\n"
            "| `users_stmt` | AFTER | DELETE | statement, referencing `OLD TABLE gone` |  | "
            "[`touch()`](../functions/public.touch~28~29.md) |\n"
            "| `users_touch` | BEFORE | INSERT OR UPDATE OF email, home | row | "
            "`new.email IS NOT NULL` | [`touch()`](../functions/public.touch~28~29.md) |\n");
  EXPECT_FALSE(has(page("tables/public.notes.md"), "## Triggers"));
  bool found = false;
  for (const SearchTerm& term : schema_pages().at("tables/public.users.md").terms) {
    found = found || (term.kind == "trigger" && term.name == "users_touch");
  }
  EXPECT_TRUE(found) << "the viewer's search finds triggers";
}

// INHERITS: the child's page links its parents and marks the columns it has from them; its own
// columns (one declared in the parent too included) are not marked.
TEST(ObjectPages, TablePagesLinkTheirParentsAndMarkInheritedColumns) {
  std::map<std::string, Page> pages = pages_of(
      "CREATE SCHEMA source;\n"
      "CREATE TABLE source.items (id integer NOT NULL, title text);\n"
      "CREATE TABLE books (isbn text, title text) INHERITS (source.items);\n");
  const std::string& books = pages.at("tables/public.books.md").markdown;
  EXPECT_TRUE(has(books,
                  "Inherits from [`source.items`](source.items.md) (columns and CHECK "
                  "constraints).\n"))
      << books;
  EXPECT_TRUE(has(books, "| `id` (inherited) | `integer` | no |")) << books;
  EXPECT_TRUE(has(books, "| `title` | `text` | yes |")) << books;
  EXPECT_TRUE(has(books, "| `isbn` | `text` | yes |")) << books;
  EXPECT_FALSE(has(pages.at("tables/source.items.md").markdown, "Inherits from"));
}

TEST(ObjectPages, TriggerFunctionPageListsItsTriggersAndOptions) {
  const std::string& touch = page(kTouch);
  EXPECT_TRUE(has(touch, "| Security | definer |\n")) << touch;
  EXPECT_TRUE(has(touch, "| Setting | `SET search_path TO public, pg_temp` |\n")) << touch;
  EXPECT_TRUE(has(touch, "| Returns | `trigger` |\n| Language | `plpgsql` |\n")) << touch;
  EXPECT_EQ(section(touch, "## Used by"),
            "## Used by\n\n"
            "### Triggers\n\n"
            "| Table | Trigger | Timing | Events | Level |\n"
            "| --- | --- | --- | --- | --- |\n"
            "| [`users`](../tables/public.users.md) | `users_stmt` | AFTER | DELETE | statement |\n"
            "| [`users`](../tables/public.users.md) | `users_touch` | BEFORE | INSERT OR UPDATE OF "
            "email, home | row |\n");
}

TEST(ObjectPages, DomainPage) {
  EXPECT_EQ(page("types/public.email.md"),
            "# Domain `email`\n\n"
            "[Index](../index.md) · schema `public`\n\n"
            "An address with an \\*at\\* sign\n\n"
            "| Base type | Nullable | Default | Collation |\n"
            "| --- | --- | --- | --- |\n"
            "| `text` | no | `'x@y.z'` | `C` |\n\n"
            "## Check constraints\n\n"
            "| Constraint | Expression |\n"
            "| --- | --- |\n"
            "| `email_has_at` | `value LIKE '%@%'` |\n\n"
            "## Used by\n\n"
            "| Table | Column | Type | Default |\n"
            "| --- | --- | --- | --- |\n"
            "| [`users`](../tables/public.users.md) | `email` | `email` |  |\n");
  // A domain over an enum links to it, and the enum's page names the domain.
  EXPECT_TRUE(has(page("types/public.feeling.md"),
                  "| [`public.mood`](../enums/public.mood.md) | yes |  |  |\n"));
  EXPECT_TRUE(has(page("enums/public.mood.md"),
                  "No column uses this enum.\n\n"
                  "Domains over it: [`feeling`](../types/public.feeling.md).\n"));
}

TEST(ObjectPages, CompositeTypePages) {
  EXPECT_EQ(page("types/public.address.md"),
            "# Composite type `address`\n\n"
            "[Index](../index.md) · schema `public`\n\n"
            "## Attributes\n\n"
            "| Attribute | Type | Collation |\n"
            "| --- | --- | --- |\n"
            "| `street` | `text` |  |\n"
            "| `zip code` | `varchar(10)` |  |\n"
            "| `mood` | [`public.mood`](../enums/public.mood.md) |  |\n\n"
            "## Used by\n\n"
            "| Table | Column | Type | Default |\n"
            "| --- | --- | --- | --- |\n"
            "| [`users`](../tables/public.users.md) | `home` | `address` |  |\n\n"
            "| Composite type | Attribute | Type |\n"
            "| --- | --- | --- |\n"
            "| [`audit.place\\|pin`](audit.place~7cpin.md) | `home` | `public.address` |\n");
  const std::string& pin = page("types/audit.place~7cpin.md");
  EXPECT_TRUE(pin.starts_with("# Composite type `audit.place|pin`\n\n")) << pin;
  EXPECT_TRUE(has(pin, "| `label` | `text` | `\"C\"` |\n")) << pin;
  EXPECT_TRUE(has(pin, "| `home` | [`public.address`](public.address.md) |  |\n")) << pin;
  EXPECT_TRUE(has(pin, "No column uses this composite type.\n")) << pin;
  // Columns of a domain or composite type link to its page.
  const std::string& users = page("tables/public.users.md");
  EXPECT_TRUE(has(users, "| `email` | [`email`](../types/public.email.md) | yes |")) << users;
  EXPECT_TRUE(has(users, "| `home` | [`address`](../types/public.address.md) | yes |")) << users;
  EXPECT_TRUE(has(users, "| `f` | [`feeling`](../types/public.feeling.md) | yes |")) << users;
  EXPECT_TRUE(
      has(page("index.md"),
          "| [`audit.place\\|pin`](types/audit.place~7cpin.md) | `label`, `home`, `tags` |"));
}

// A range type has a page like a composite type; its columns (and its multirange's) link to it;
// a disabled trigger says so on its table's page; collations are listed on the index.
TEST(ObjectPages, RangeTypePagesAndTriggerState) {
  std::map<std::string, Page> pages = pages_of(
      "CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);\n"
      "CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);\n"
      "CREATE TABLE slots (id integer PRIMARY KEY, span floatrange, spans floatmultirange);\n"
      "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;\n"
      "CREATE TRIGGER slots_f BEFORE INSERT ON slots FOR EACH ROW EXECUTE FUNCTION f();\n"
      "ALTER TABLE slots DISABLE TRIGGER slots_f;\n");
  ASSERT_TRUE(pages.count("types/public.floatrange.md"));
  EXPECT_EQ(pages.at("types/public.floatrange.md").markdown,
            "# Range type `floatrange`\n\n"
            "[Index](../index.md) · schema `public`\n\n"
            "| Subtype | Multirange type | Operator class | Collation | Subtype difference | "
            "Canonical function |\n"
            "| --- | --- | --- | --- | --- | --- |\n"
            "| `double precision` | `floatmultirange` |  |  | `float8mi` |  |\n\n"
            "## Used by\n\n"
            "| Table | Column | Type | Default |\n"
            "| --- | --- | --- | --- |\n"
            "| [`slots`](../tables/public.slots.md) | `span` | `floatrange` |  |\n");
  const std::string& slots = pages.at("tables/public.slots.md").markdown;
  EXPECT_TRUE(has(slots, "| `span` | [`floatrange`](../types/public.floatrange.md) | yes |"))
      << slots;
  EXPECT_TRUE(has(slots, "| `spans` | [`floatmultirange`](../types/public.floatrange.md) | yes |"))
      << slots;
  EXPECT_TRUE(has(slots, "| `slots_f` | BEFORE (disabled) | INSERT | row |")) << slots;
  const std::string& index = pages.at("index.md").markdown;
  EXPECT_TRUE(has(index, "1 table, 0 enums, 1 range type, 1 function.")) << index;
  EXPECT_TRUE(has(index,
                  "| [`floatrange`](types/public.floatrange.md) | `double precision` | "
                  "`floatmultirange` |"))
      << index;
}

// Every [label](target) on every page names a page that exists.
TEST(ObjectPages, EveryLinkResolvesToAPage) {
  std::regex target(R"~(\]\(([^)\s]+)\))~");
  std::size_t links = 0;
  for (const auto& [path, built] : schema_pages()) {
    const std::string& text = built.markdown;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), target);
         it != std::sregex_iterator(); ++it) {
      std::filesystem::path resolved =
          (std::filesystem::path(path).parent_path() / (*it)[1].str()).lexically_normal();
      EXPECT_TRUE(schema_pages().count(resolved.generic_string()))
          << path << " links to " << (*it)[1].str();
      ++links;
    }
  }
  EXPECT_GT(links, 40u);
}

TEST(ObjectPages, StalePagesOfFunctionsAndTypesAreRemoved) {
  std::filesystem::path out = std::filesystem::temp_directory_path() / "flick-object-pages-test";
  std::filesystem::remove_all(out);
  std::vector<Page> pages;
  for (const auto& [path, built] : schema_pages()) pages.push_back(built);
  write_pages(out, pages);
  for (const char* stale : {"functions/public.gone~28~29.md", "types/public.gone.md"}) {
    std::ofstream(out / stale) << "# old\n";
  }
  std::ofstream(out / "functions/notes.txt") << "kept\n";
  WriteResult result = write_pages(out, pages);
  EXPECT_EQ(result.removed, 2u);
  EXPECT_EQ(result.written, 0u);
  EXPECT_TRUE(std::filesystem::exists(out / "functions/notes.txt"));
  EXPECT_TRUE(std::filesystem::exists(out / kTouch));
  std::filesystem::remove_all(out);
}

TEST(PagePaths, FunctionPagesAreOnePerSignature) {
  EXPECT_EQ(function_page_path("public", "f", ""), "functions/public.f~28~29.md");
  EXPECT_EQ(function_page_path("my schema", "Odd.Name", "numeric(10, 2), text[]"),
            "functions/my~20schema.Odd~2eName~28numeric~2810~2c~202~29~2c~20text~5b~5d~29.md");
  std::set<std::string> paths = {
      function_page_path("public", "f", "integer"),   function_page_path("public", "f", "text"),
      function_page_path("public", "f(integer)", ""), function_page_path("public", "f", ""),
      function_page_path("public.f", "", ""),         function_page_path("public", "f.", "")};
  EXPECT_EQ(paths.size(), 6u);
  EXPECT_EQ(type_page_path("audit", "place|pin"), "types/audit.place~7cpin.md");
}

TEST(RoutineFacts, OptionsFromTheCanonicalForm) {
  RoutineFacts many = routine_facts(ddl::read_function(
      "CREATE FUNCTION f(a int, VARIADIC b text[]) RETURNS SETOF int LANGUAGE sql STABLE "
      "LEAKPROOF PARALLEL RESTRICTED COST 5 ROWS 10 SET work_mem = '64MB' SET search_path = a "
      "AS 'SELECT 1'",
      "test"));
  ASSERT_TRUE(many.parsed);
  EXPECT_EQ(many.parameters, "a integer, VARIADIC b text[]");
  EXPECT_EQ(many.volatility, "stable");
  EXPECT_TRUE(many.leakproof);
  EXPECT_FALSE(many.strict);
  EXPECT_EQ(many.parallel, "restricted");
  EXPECT_EQ(many.cost, "5");
  EXPECT_EQ(many.rows, "10");
  EXPECT_EQ(many.settings,
            (std::vector<std::string>{"SET search_path TO a", "SET work_mem TO \"64MB\""}));
  // A SQL-standard body (no AS) ends the options too.
  RoutineFacts standard = routine_facts(ddl::read_function(
      "CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql IMMUTABLE STRICT RETURN x + 1", "test"));
  ASSERT_TRUE(standard.parsed);
  EXPECT_EQ(standard.parameters, "x integer");
  EXPECT_EQ(standard.volatility, "immutable");
  EXPECT_TRUE(standard.strict);
  EXPECT_TRUE(standard.settings.empty());
  model::Function odd;
  odd.canonical = "something else";
  EXPECT_FALSE(routine_facts(odd).parsed);
}

TEST(RoutineFacts, TriggersFromTheCanonicalForm) {
  TriggerFacts facts = trigger_facts(ddl::read_trigger(
      "CREATE TRIGGER t_x INSTEAD OF UPDATE ON v FOR EACH ROW WHEN (old.\"ON t \" <> 'EXECUTE "
      "FUNCTION x()') EXECUTE FUNCTION \"Odd\".\"f(1)\"('x y')",
      "test"));
  ASSERT_TRUE(facts.parsed);
  EXPECT_EQ(facts.timing, "INSTEAD OF");
  EXPECT_EQ(facts.events, "UPDATE");
  EXPECT_TRUE(facts.for_each_row);
  EXPECT_EQ(facts.when, "old.\"ON t \" <> 'EXECUTE FUNCTION x()'");
  EXPECT_EQ(facts.function_schema, "Odd");
  EXPECT_EQ(facts.function_name, "f(1)");
  EXPECT_EQ(facts.function_arguments, "'x y'");
  model::Trigger odd;
  odd.canonical = "CREATE TRIGGER trigger SOMETIMES";
  EXPECT_FALSE(trigger_facts(odd).parsed);
}

TEST(RoutineFacts, CallsAreFoundOutsideStringLiterals) {
  EXPECT_TRUE(calls_routine("SELECT add_days(d, 1)", "public", "add_days"));
  EXPECT_TRUE(calls_routine("SELECT public.add_days(d, 1)", "public", "add_days"));
  EXPECT_FALSE(calls_routine("SELECT other.add_days(d, 1)", "public", "add_days"));
  EXPECT_FALSE(calls_routine("SELECT 'add_days(d)'", "public", "add_days"));
  EXPECT_FALSE(calls_routine("SELECT add_days_2(d), add_days FROM t", "public", "add_days"));
  EXPECT_TRUE(calls_routine("SELECT \"Odd Name\"('x')", "public", "Odd Name"));
  EXPECT_FALSE(calls_routine("SELECT \"odd name\"('x')", "public", "Odd Name"));
}

}  // namespace
}  // namespace flick::docs
