// diff(read_schema_files(x), read_catalog(database with x applied)) is empty, for every golden
// case's to.sql, the Flick example schema, each evolution step, the Flick head schema fixture
// and a 1000-table synthetic schema.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "ddl/ddl.hpp"
#include "flick/error.hpp"
#include "introspect/introspect_support.hpp"
#include "support/test_cluster.hpp"
#include "synthetic_schema.hpp"
#include "write_sql.hpp"

namespace flick::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = FLICK_SOURCE_DIR;

std::string database_name(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) {
    return std::isalnum(c) ? static_cast<char>(std::tolower(c)) : '_';
  });
  return "rt_" + name;
}

// Applies the files to a fresh database and expects introspection to read back the same catalog.
void expect_round_trip(const std::string& name, const std::vector<fs::path>& files) {
  model::Catalog wanted = ddl::read_schema_files(files);
  std::string url = create_database(database_name(name));
  apply_files(url, files);
  model::Catalog live = live_catalog(url, wanted);
  EXPECT_EQ(differences(live, wanted), "") << name << ": statements turning the live database "
                                           << "into the files";
  EXPECT_EQ(differences(wanted, live), "") << name << ": the other way";
}

std::vector<std::string> golden_cases() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kSource / "tests/golden/cases")) {
    if (!fs::exists(entry.path() / "error")) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class GoldenRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenRoundTrip, ToSqlReadsBackEqual) {
  expect_round_trip("golden_" + GetParam(),
                    {kSource / "tests/golden/cases" / GetParam() / "to.sql"});
}

// The golden SQL runs on PostgreSQL 15: from.sql (with data.sql's rows), then expected.sql, gives
// the schema to.sql builds from nothing (compared as the migrator compares, both ways), and
// check.sql, when present, finds the rows kept.
TEST_P(GoldenRoundTrip, ExpectedSqlRunsAndReachesToSql) {
  fs::path dir = kSource / "tests/golden/cases" / GetParam();
  std::vector<fs::path> migrated_files = {dir / "from.sql"};
  if (fs::exists(dir / "data.sql")) migrated_files.push_back(dir / "data.sql");
  migrated_files.push_back(dir / "expected.sql");
  if (fs::exists(dir / "check.sql")) migrated_files.push_back(dir / "check.sql");
  std::string migrated = create_database(database_name("gm_" + GetParam()));
  ASSERT_NO_THROW(apply_files(migrated, migrated_files)) << GetParam();
  model::Catalog wanted = ddl::read_schema_files({dir / "to.sql"});
  model::Catalog live = live_catalog(migrated, wanted);
  EXPECT_EQ(differences(live, wanted), "") << GetParam() << ": what the migrated database lacks";
  EXPECT_EQ(differences(wanted, live), "") << GetParam() << ": the other way";
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenRoundTrip, ::testing::ValuesIn(golden_cases()),
                         [](const auto& info) { return info.param; });

class EvolutionRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(EvolutionRoundTrip, StepReadsBackEqual) {
  expect_round_trip("evolution_" + GetParam(),
                    sql_files(kSource / "tests/data/evolution" / GetParam()));
}

std::vector<std::string> evolution_steps() {
  std::vector<std::string> steps;
  for (const auto& entry : fs::directory_iterator(kSource / "tests/data/evolution")) {
    if (entry.is_directory()) steps.push_back(entry.path().filename().string());
  }
  std::sort(steps.begin(), steps.end());
  return steps;
}

INSTANTIATE_TEST_SUITE_P(Steps, EvolutionRoundTrip, ::testing::ValuesIn(evolution_steps()),
                         [](const auto& info) { return info.param; });

TEST(RoundTrip, FlickExampleSchema) {
  expect_round_trip("flick_example", sql_files(kSource / "examples/flick/schema"));
}

TEST(RoundTrip, FlickHeadFixture) {
  fs::path fixture = kSource / "../shared/fixtures/flick-schema-head.sql";
  if (!fs::exists(fixture)) GTEST_SKIP() << fixture << " is absent";
  expect_round_trip("flick_head", {fixture});
}

// What the catalog queries read in more than one way (each shape beside its plain one): an
// index whose operator classes are all default next to ones with a non-default class first,
// last or between defaults; table and column comments on some only; defaults that print with a
// cast, a qualified function or a sequence, beside a generated column whose expression names other
// columns; keys of several columns in a declared order that is not the columns' order.
TEST(RoundTrip, CatalogQueryShapes) {
  fs::path dir = fs::temp_directory_path() / "flick_introspect_query_shapes";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "schema.sql") << R"(CREATE SCHEMA app;
CREATE FUNCTION app.next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'c' $$;
CREATE SEQUENCE app.ticket_seq;
CREATE TABLE app.items (
  id integer PRIMARY KEY,
  code text NOT NULL DEFAULT app.next_code(),
  title text NOT NULL DEFAULT 'untitled'::text,
  ticket bigint NOT NULL DEFAULT nextval('app.ticket_seq'::regclass),
  price numeric(10, 2) NOT NULL DEFAULT 0,
  tax numeric(10, 2) GENERATED ALWAYS AS (price * 0.2) STORED,
  tags jsonb NOT NULL DEFAULT '{}'::jsonb,
  created timestamptz DEFAULT now(),
  UNIQUE (title, code)
);
COMMENT ON COLUMN app.items.title IS 'shown in lists';
COMMENT ON COLUMN app.items.tags IS 'free-form';
CREATE INDEX items_plain_idx ON app.items (code, title);
CREATE INDEX items_first_idx ON app.items (title text_pattern_ops, code);
CREATE INDEX items_last_idx ON app.items (code DESC, title text_pattern_ops);
CREATE INDEX items_middle_idx ON app.items (id, title text_pattern_ops, code);
CREATE INDEX items_tags_idx ON app.items USING gin (tags jsonb_path_ops);
CREATE TABLE app.lines (
  item_id integer NOT NULL,
  line integer NOT NULL,
  note text,
  PRIMARY KEY (line, item_id),
  FOREIGN KEY (item_id) REFERENCES app.items (id) ON DELETE CASCADE
);
COMMENT ON COLUMN app.lines.note IS 'optional';
COMMENT ON TABLE app.lines IS 'order lines';
CREATE TABLE app.line_refs (
  a integer NOT NULL,
  b integer NOT NULL,
  FOREIGN KEY (b, a) REFERENCES app.lines (line, item_id)
);
)";
  expect_round_trip("query_shapes", sql_files(dir));
  fs::remove_all(dir);
}

TEST(RoundTrip, SyntheticThousandTables) {
  fs::path dir = fs::temp_directory_path() / "flick_introspect_synth1000";
  fs::remove_all(dir);
  fs::create_directories(dir);
  bench::write_sql(bench::make_synthetic_schema(1000), dir, 100);
  expect_round_trip("synth1000", sql_files(dir));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace flick::testing
