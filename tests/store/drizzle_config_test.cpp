// drizzle.config.* read without Node: the shapes real drizzle projects write (defineConfig,
// export default ... satisfies Config, a const bound to process.env, JSON), and a clear error
// with the line for a value that would need Node to compute.

#include "store/drizzle_config.hpp"

#include <gtest/gtest.h>

#include "flick/error.hpp"
#include "test_files.hpp"

namespace flick::store {
namespace {

namespace fs = std::filesystem;

class DrizzleConfigTest : public ::testing::Test {
 protected:
  Config read(const std::string& name, const std::string& text,
              std::map<std::string, std::string> dotenv = {}) {
    fs::path path = temp_.path() / name;
    testing::write_file(path, text);
    Config config;
    config.dir = temp_.path();
    read_drizzle_config(path, Environment(std::move(dotenv)), config);
    return config;
  }
  std::string error_of(const std::string& text, std::map<std::string, std::string> dotenv = {}) {
    try {
      read("drizzle.config.ts", text, std::move(dotenv));
    } catch (const UserError& error) {
      return error.what();
    }
    return "";
  }

  testing::TempDir temp_;
};

TEST_F(DrizzleConfigTest, DefineConfigWithEnvironmentUrlAndMigrationsTable) {
  Config config = read("drizzle.config.ts",
                       "import { defineConfig } from \"drizzle-kit\";\n"
                       "// the app's database\n"
                       "export default defineConfig({\n"
                       "  schema: \"./src/db/schema.ts\",\n"
                       "  out: './drizzle', dialect: \"postgresql\",\n"
                       "  dbCredentials: { url: process.env.FLICK_TEST_DB_URL! },\n"
                       "  migrations: { table: \"migrations\", schema: \"public\" },\n"
                       "  strict: true, verbose: true, breakpoints: false,\n"
                       "  schemaFilter: [\"public\", \"auth\"], tablesFilter: \"app_*\",\n"
                       "  casing: \"snake_case\", introspect: { casing: 'camel' },\n"
                       "});\n",
                       {{"FLICK_TEST_DB_URL", "postgres://app@db/app"}});
  EXPECT_EQ(config.out, (temp_.path() / "drizzle").lexically_normal());
  EXPECT_EQ(config.url, "postgres://app@db/app");
  EXPECT_EQ(config.migrations.table, "migrations");
  EXPECT_EQ(config.migrations.schema, "public");
  EXPECT_TRUE(config.strict);
  EXPECT_TRUE(config.verbose);
  EXPECT_FALSE(config.breakpoints);
  EXPECT_EQ(config.schema_filter, (std::vector<std::string>{"public", "auth"}));
  EXPECT_EQ(config.tables_filter, std::vector<std::string>{"app_*"});
  EXPECT_TRUE(config.schema.empty()) << "a TypeScript schema is not Flick's input";
}

TEST_F(DrizzleConfigTest, ConstBoundToTheEnvironmentAndExportDefaultSatisfies) {
  Config config = read("drizzle.config.ts",
                       "import type { Config } from \"drizzle-kit\";\n"
                       "const databaseUrl = process.env[\"FLICK_TEST_DB_URL\"];\n"
                       "if (databaseUrl == null) throw new Error(\"DATABASE_URL must be set\");\n"
                       "export default {\n  out: \"./migrations\",\n  dialect: \"postgresql\",\n"
                       "  dbCredentials: { url: databaseUrl },\n} satisfies Config;\n",
                       {{"FLICK_TEST_DB_URL", "postgres://x@h/d"}});
  EXPECT_EQ(config.url, "postgres://x@h/d");
  EXPECT_EQ(config.out, (temp_.path() / "migrations").lexically_normal());
}

TEST_F(DrizzleConfigTest, FallbackHostPartsAndJson) {
  Config config =
      read("drizzle.config.js",
           "module.exports = { dialect: 'postgresql', out: 'db/migrations',\n"
           "  dbCredentials: { host: 'localhost', port: 5433, user: 'me',\n"
           "    password: process.env.FLICK_UNSET_PASSWORD ?? 'pw', database: 'app' } };\n");
  EXPECT_EQ(config.url, "postgresql://me:pw@localhost:5433/app");
  Config json = read("drizzle.config.json",
                     "{ \"dialect\": \"postgresql\", \"out\": \"sql\", \"schema\": "
                     "[\"schema/*.sql\"] }");
  EXPECT_EQ(json.out, (temp_.path() / "sql").lexically_normal());
  EXPECT_EQ(json.schema, std::vector<std::string>{"schema/*.sql"});
}

TEST_F(DrizzleConfigTest, ValuesNodeWouldComputeAreNamedWithTheirLineWhenNeeded) {
  Config config = read("drizzle.config.ts",
                       "import { env } from './src/env';\n"
                       "export default defineConfig({\n  dialect: 'postgresql',\n"
                       "  out: './drizzle',\n  dbCredentials: { url: env.DATABASE_URL },\n});\n");
  EXPECT_TRUE(config.url.empty());
  EXPECT_EQ(config.url_error,
            (temp_.path() / "drizzle.config.ts").string() +
                ":5: url: `env.DATABASE_URL` cannot be read without running Node (write the value "
                "itself, or use a flick.toml)");
  Config unset = read("drizzle.config.ts",
                      "export default defineConfig({ dialect: 'postgresql',\n"
                      "  dbCredentials: { url: process.env.FLICK_SURELY_UNSET_URL! } });\n");
  EXPECT_NE(unset.url_error.find(":2: url: process.env.FLICK_SURELY_UNSET_URL is not set"),
            std::string::npos)
      << unset.url_error;
  EXPECT_NE(error_of("export default defineConfig({ dialect: 'mysql' });\n")
                .find(":1: dialect: \"mysql\" is not supported"),
            std::string::npos);
  EXPECT_NE(error_of("const config = makeConfig();\nexport default config;\n")
                .find("not an object literal"),
            std::string::npos);
}

TEST_F(DrizzleConfigTest, FoundBesideTheCurrentDirectoryInOrder) {
  EXPECT_FALSE(find_drizzle_config(temp_.path()).has_value());
  testing::write_file(temp_.path() / "drizzle.config.json", "{}");
  testing::write_file(temp_.path() / "drizzle.config.ts", "export default {};");
  EXPECT_EQ(find_drizzle_config(temp_.path()), temp_.path() / "drizzle.config.ts");
}

}  // namespace
}  // namespace flick::store
