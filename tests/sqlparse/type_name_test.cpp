#include <gtest/gtest.h>

#include "flick/error.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::sqlparse {
namespace {

struct TypeCase {
  const char* written;
  const char* canonical;
};

// Canonical spellings are drizzle-orm's PgColumn.getSQLType() (drizzle-orm 0.44, pg-core).
const TypeCase kBuiltinTypes[] = {
    {"integer", "integer"},
    {"INT", "integer"},
    {"int4", "integer"},
    {"smallint", "smallint"},
    {"int2", "smallint"},
    {"bigint", "bigint"},
    {"int8", "bigint"},
    {"boolean", "boolean"},
    {"bool", "boolean"},
    {"text", "text"},
    {"TEXT", "text"},
    {"varchar", "varchar"},
    {"varchar(20)", "varchar(20)"},
    {"character varying(20)", "varchar(20)"},
    {"character varying", "varchar"},
    {"char", "char"},
    {"character", "char"},
    {"char(10)", "char(10)"},
    {"character(5)", "char(5)"},
    {"\"char\"", "\"char\""},
    {"numeric", "numeric"},
    {"numeric(10)", "numeric(10)"},
    {"numeric(10,2)", "numeric(10, 2)"},
    {"decimal(5, 1)", "numeric(5, 1)"},
    {"real", "real"},
    {"float4", "real"},
    {"float(10)", "real"},
    {"double precision", "double precision"},
    {"float8", "double precision"},
    {"float", "double precision"},
    {"date", "date"},
    {"time", "time"},
    {"time(3)", "time(3)"},
    {"time with time zone", "time with time zone"},
    {"time(3) with time zone", "time(3) with time zone"},
    {"timetz", "time with time zone"},
    {"timestamp", "timestamp"},
    {"timestamp without time zone", "timestamp"},
    {"timestamp(3)", "timestamp (3)"},
    {"timestamp (3) with time zone", "timestamp (3) with time zone"},
    {"timestamp(6) with time zone", "timestamp (6) with time zone"},
    {"timestamptz", "timestamp with time zone"},
    {"timestamptz(2)", "timestamp (2) with time zone"},
    {"interval", "interval"},
    {"interval(3)", "interval(3)"},
    {"interval day", "interval day"},
    {"interval year to month", "interval year to month"},
    {"interval day to second(3)", "interval day to second(3)"},
    {"interval minute to second", "interval minute to second"},
    {"uuid", "uuid"},
    {"json", "json"},
    {"jsonb", "jsonb"},
    {"\"inet\"", "inet"},
    {"cidr", "cidr"},
    {"macaddr", "macaddr"},
    {"macaddr8", "macaddr8"},
    {"bytea", "bytea"},
    {"point", "point"},
    {"line", "line"},
    {"money", "money"},
    {"bit", "bit"},
    {"bit(3)", "bit(3)"},
    {"bit varying(5)", "bit varying(5)"},
    {"text[]", "text[]"},
    {"integer[][]", "integer[][]"},
    {"int[3]", "integer[3]"},
    {"character varying(20)[]", "varchar(20)[]"},
    {"pg_catalog.int4", "integer"},
    {"pg_catalog.text", "text"},
};

TEST(CanonicalType, BuiltinTypesUseDrizzleSpelling) {
  for (const TypeCase& test : kBuiltinTypes) {
    TypeName type = canonical_type(test.written);
    EXPECT_EQ(type.type, test.canonical) << test.written;
    EXPECT_EQ(type.type_schema, "") << test.written;
    EXPECT_FALSE(type.is_user_type) << test.written;
    EXPECT_FALSE(type.is_serial) << test.written;
  }
}

TEST(CanonicalType, SerialTypesStaySerial) {
  const TypeCase serials[] = {{"serial", "serial"},           {"serial4", "serial"},
                              {"bigserial", "bigserial"},     {"serial8", "bigserial"},
                              {"smallserial", "smallserial"}, {"serial2", "smallserial"}};
  for (const TypeCase& test : serials) {
    TypeName type = canonical_type(test.written);
    EXPECT_EQ(type.type, test.canonical) << test.written;
    EXPECT_TRUE(type.is_serial) << test.written;
  }
}

TEST(CanonicalType, UserTypesKeepCaseAndSchema) {
  TypeName plain = canonical_type("user_status");
  EXPECT_EQ(plain.type, "user_status");
  EXPECT_EQ(plain.type_schema, "");
  EXPECT_TRUE(plain.is_user_type);

  TypeName quoted = canonical_type("\"authType\"");
  EXPECT_EQ(quoted.type, "authType");
  EXPECT_TRUE(quoted.is_user_type);

  TypeName qualified = canonical_type("\"audit\".\"level\"[]");
  EXPECT_EQ(qualified.type, "level[]");
  EXPECT_EQ(qualified.type_schema, "audit");
  EXPECT_TRUE(qualified.is_user_type);

  TypeName folded = canonical_type("Mood");
  EXPECT_EQ(folded.type, "mood");
}

TEST(CanonicalType, UnknownNamesPassThroughLowerCased) {
  TypeName vector = canonical_type("VECTOR(3)");
  EXPECT_EQ(vector.type, "vector(3)");
  EXPECT_TRUE(vector.is_user_type);
}

TEST(CanonicalType, RejectsWhatIsNotATypeName) {
  EXPECT_THROW(canonical_type("int primary key"), UserError);
  EXPECT_THROW(canonical_type("a.b.c"), UserError);
  EXPECT_THROW(canonical_type("varchar(("), UserError);
}

}  // namespace
}  // namespace flick::sqlparse
