#include "support/catalog_dump.hpp"

#include <algorithm>
#include <utility>

#include "pg/pg.hpp"

namespace flick::testing {

namespace {

// Every query returns (sort_key, line). Sort keys start with a two-digit rank for the kind of
// top-level object, then its qualified name, then a rank for the kind of fact within it.
// $1 is the array of excluded schemas.
#define USER_SCHEMA(n)                                                            \
  "(" n ".nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND " n \
  ".nspname NOT LIKE 'pg\\_temp\\_%' AND " n                                      \
  ".nspname NOT LIKE 'pg\\_toast\\_temp\\_%' AND "                                \
  "NOT (" n ".nspname = ANY($1::text[])))"
#define NOT_EXTENSION_MEMBER(oid) \
  "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = " oid " AND e.deptype = 'e')"
#define QUALIFIED(n, name) "quote_ident(" n ".nspname) || '.' || quote_ident(" name ")"

constexpr const char* kSchemas = R"(
SELECT '01 ' || quote_ident(n.nspname),
       'schema ' || quote_ident(n.nspname)
         || coalesce(' comment ' || quote_literal(obj_description(n.oid, 'pg_namespace')), '')
FROM pg_namespace n WHERE )" USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("n.oid");

constexpr const char* kExtensions = R"(
SELECT '00 ' || quote_ident(x.extname),
       'extension ' || quote_ident(x.extname) || ' in ' || quote_ident(n.nspname)
FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace)";

constexpr const char* kTypes = R"(
SELECT '02 ' || )" QUALIFIED("n", "t.typname") R"(,
       CASE t.typtype
         WHEN 'e' THEN 'enum ' || )" QUALIFIED("n", "t.typname") R"( || ' ('
           || coalesce((SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                        FROM pg_enum e WHERE e.enumtypid = t.oid), '') || ')'
         ELSE 'domain ' || )" QUALIFIED("n", "t.typname") R"( || ' as '
           || format_type(t.typbasetype, t.typtypmod)
           || CASE WHEN t.typnotnull THEN ' not null' ELSE '' END
           || coalesce(' default ' || t.typdefault, '')
           || coalesce((SELECT ' ' || string_agg(quote_ident(c.conname) || ' '
                                                 || pg_get_constraintdef(c.oid, true), ', '
                                                 ORDER BY c.conname COLLATE "C")
                        FROM pg_constraint c WHERE c.contypid = t.oid), '')
       END
       || coalesce(' comment ' || quote_literal(obj_description(t.oid, 'pg_type')), '')
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype IN ('e', 'd') AND )" USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("t.oid");

constexpr const char* kSequences = R"(
SELECT '03 ' || )" QUALIFIED("n", "c.relname") R"(,
       'sequence ' || )" QUALIFIED("n", "c.relname") R"( || ' as ' || format_type(s.seqtypid, NULL)
         || ' start ' || s.seqstart || ' increment ' || s.seqincrement || ' min ' || s.seqmin
         || ' max ' || s.seqmax || ' cache ' || s.seqcache
         || CASE WHEN s.seqcycle THEN ' cycle' ELSE ' no cycle' END
         || coalesce((SELECT ' owned by ' || )" QUALIFIED("tn", "t.relname") R"( || '.'
                             || quote_ident(a.attname)
                             || CASE d.deptype WHEN 'i' THEN ' (identity)' ELSE '' END
                      FROM pg_depend d
                      JOIN pg_class t ON t.oid = d.refobjid
                      JOIN pg_namespace tn ON tn.oid = t.relnamespace
                      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                        AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')), '')
         || coalesce(' comment ' || quote_literal(obj_description(c.oid, 'pg_class')), '')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_sequence s ON s.seqrelid = c.oid
WHERE c.relkind = 'S' AND )" USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("c.oid");

constexpr const char* kRelations = R"(
SELECT CASE WHEN c.relkind IN ('v', 'm') THEN '05 ' ELSE '04 ' END
         || )" QUALIFIED("n", "c.relname") R"( || ' 0',
       CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table'
                      WHEN 'f' THEN 'foreign table' WHEN 'v' THEN 'view'
                      WHEN 'm' THEN 'materialized view' END
         || ' ' || )" QUALIFIED("n", "c.relname") R"(
         || CASE WHEN c.relkind IN ('r', 'p')
                 THEN CASE WHEN c.relrowsecurity THEN ' rls on' ELSE ' rls off' END
                      || CASE WHEN c.relforcerowsecurity THEN ' force rls' ELSE '' END
                 ELSE '' END
         || CASE WHEN c.relkind = 'p' THEN ' partition by ' || pg_get_partkeydef(c.oid) ELSE '' END
         || CASE WHEN c.relispartition
                 THEN ' partition of ' || (SELECT )" QUALIFIED("pn", "p.relname") R"(
                                           FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
                                           JOIN pg_namespace pn ON pn.oid = p.relnamespace
                                           WHERE i.inhrelid = c.oid)
                      || ' ' || pg_get_expr(c.relpartbound, c.oid)
                 ELSE '' END
         || coalesce(' with (' || array_to_string(c.reloptions, ', ') || ')', '')
         || CASE WHEN c.relkind IN ('v', 'm')
                 THEN E' as\n' || rtrim(pg_get_viewdef(c.oid, true), E'; \n') ELSE '' END
         || coalesce(' comment ' || quote_literal(obj_description(c.oid, 'pg_class')), '')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm') AND )" USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER(
    "c.oid");

constexpr const char* kColumns = R"(
SELECT CASE WHEN c.relkind IN ('v', 'm') THEN '05 ' ELSE '04 ' END
         || )" QUALIFIED("n", "c.relname") R"( || ' 1 '
         || lpad((row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum))::text, 4, '0'),
       '  column ' || row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum) || ' '
         || quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
         || CASE WHEN a.attcollation <> t.typcollation
                 THEN ' collate ' || (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
                                      FROM pg_collation co JOIN pg_namespace cn
                                      ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation)
                 ELSE '' END
         || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
         || CASE a.attidentity WHEN 'a' THEN ' generated always as identity'
                               WHEN 'd' THEN ' generated by default as identity' ELSE '' END
         || CASE WHEN a.attgenerated = 's'
                 THEN ' generated always as (' || pg_get_expr(d.adbin, d.adrelid) || ') stored'
                 ELSE coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') END
         || coalesce(' comment ' || quote_literal(col_description(c.oid, a.attnum)), '')
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'f', 'v', 'm')
  AND )" USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("c.oid");

constexpr const char* kConstraints = R"(
SELECT '04 ' || )" QUALIFIED("n", "c.relname") R"( || ' 2 ' || quote_ident(co.conname),
       '  constraint ' || quote_ident(co.conname) || ' ' || pg_get_constraintdef(co.oid, true)
         || coalesce(' comment ' || quote_literal(obj_description(co.oid, 'pg_constraint')), '')
FROM pg_constraint co
JOIN pg_class c ON c.oid = co.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE )" USER_SCHEMA("n");

constexpr const char* kIndexes = R"(
SELECT CASE WHEN c.relkind IN ('v', 'm') THEN '05 ' ELSE '04 ' END
         || )" QUALIFIED("n", "c.relname") R"( || ' 3 ' || quote_ident(i.relname),
       '  index ' || quote_ident(i.relname) || ': ' || pg_get_indexdef(x.indexrelid)
         || CASE WHEN x.indisvalid THEN '' ELSE ' (invalid)' END
         || coalesce(' comment ' || quote_literal(obj_description(i.oid, 'pg_class')), '')
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class c ON c.oid = x.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE )" USER_SCHEMA("n");

constexpr const char* kPolicies = R"(
SELECT '04 ' || )" QUALIFIED("n", "c.relname") R"( || ' 4 ' || quote_ident(p.polname),
       '  policy ' || quote_ident(p.polname)
         || CASE WHEN p.polpermissive THEN ' as permissive' ELSE ' as restrictive' END
         || ' for ' || CASE p.polcmd WHEN '*' THEN 'all' WHEN 'r' THEN 'select'
                                     WHEN 'a' THEN 'insert' WHEN 'w' THEN 'update'
                                     WHEN 'd' THEN 'delete' END
         || ' to ' || (SELECT string_agg(CASE WHEN r.role = 0 THEN 'public'
                                              ELSE quote_ident(pg_get_userbyid(r.role)) END,
                                         ', ' ORDER BY 1)
                       FROM unnest(p.polroles) AS r(role))
         || coalesce(' using (' || pg_get_expr(p.polqual, p.polrelid) || ')', '')
         || coalesce(' with check (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')', '')
FROM pg_policy p
JOIN pg_class c ON c.oid = p.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE )" USER_SCHEMA("n");

constexpr const char* kTriggers = R"(
SELECT CASE WHEN c.relkind IN ('v', 'm') THEN '05 ' ELSE '04 ' END
         || )" QUALIFIED("n", "c.relname") R"( || ' 5 ' || quote_ident(t.tgname),
       '  trigger ' || pg_get_triggerdef(t.oid, true)
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal AND )" USER_SCHEMA("n");

constexpr const char* kFunctions = R"(
SELECT '06 ' || )" QUALIFIED(
    "n", "p.proname") R"( || '(' || pg_get_function_identity_arguments(p.oid) || ')',
       'function ' || rtrim(pg_get_functiondef(p.oid), E'\n')
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind IN ('f', 'p') AND )" USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("p.oid");

std::string array_literal(const std::vector<std::string>& items) {
  std::string out = "{";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (char c : items[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

// Continuation lines of multi-line facts (view and function bodies) are indented so that every
// line of the dump still shows which object it belongs to.
std::string indent_continuations(const std::string& text) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '\n') out += "      ";
  }
  return out;
}

}  // namespace

std::string catalog_dump(const std::string& url, const DumpOptions& options) {
  pg::Connection connection(url);
  std::vector<std::optional<std::string>> params = {array_literal(options.excluded_schemas)};
  std::vector<std::pair<std::string, std::string>> facts;
  for (const char* query : {kExtensions, kSchemas, kTypes, kSequences, kRelations, kColumns,
                            kConstraints, kIndexes, kPolicies, kTriggers, kFunctions}) {
    pg::Result result =
        query == kExtensions ? connection.exec(query) : connection.exec_params(query, params);
    for (int row = 0; row < result.rows(); ++row) {
      facts.emplace_back(result.value(row, 0), indent_continuations(result.value(row, 1)));
    }
  }
  std::sort(facts.begin(), facts.end());
  std::string dump;
  for (const auto& [key, line] : facts) {
    dump += line;
    dump += '\n';
  }
  return dump;
}

}  // namespace flick::testing
