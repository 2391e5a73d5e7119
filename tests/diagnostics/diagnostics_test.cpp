#include "diagnostics/diagnostics.hpp"

#include <gtest/gtest.h>

namespace flick::diagnostics {
namespace {

TEST(DiagnosticText, LocationWhyAndFixLines) {
  Diagnostic lint{.severity = Severity::kError,
                  .rule = "setting-not-null",
                  .file = "0001_email.sql",
                  .line = 3,
                  .message = "ALTER TABLE \"users\" ALTER COLUMN \"email\" SET NOT NULL",
                  .why = "scans the table under an ACCESS EXCLUSIVE lock",
                  .fix = "add a CHECK NOT VALID, VALIDATE it, then SET NOT NULL",
                  .column = 7};
  EXPECT_EQ(format_text(lint),
            "error [setting-not-null] 0001_email.sql:3:7: ALTER TABLE \"users\" ALTER COLUMN "
            "\"email\" SET NOT NULL\n"
            "  why: scans the table under an ACCESS EXCLUSIVE lock\n"
            "  fix: add a CHECK NOT VALID, VALIDATE it, then SET NOT NULL\n");
}

TEST(DiagnosticText, NoRepeatedFileNoEmptyLines) {
  Diagnostic whole_file{.severity = Severity::kWarning,
                        .rule = "journal-order",
                        .file = "0002_x.sql",
                        .message = "0002_x.sql is older than 0001_y.sql"};
  EXPECT_EQ(format_text(whole_file),
            "warning [journal-order] 0002_x.sql is older than 0001_y.sql\n");
  Diagnostic no_line{.rule = "unlisted-sql", .file = "0009_z.sql", .message = "not in the journal"};
  EXPECT_EQ(format_text(no_line), "error [unlisted-sql] 0009_z.sql: not in the journal\n");
  Diagnostic folder{.rule = "missing-journal", .message = "meta/_journal.json is missing"};
  EXPECT_EQ(format_text(folder), "error [missing-journal] meta/_journal.json is missing\n");
}

TEST(DiagnosticJson, OneShapeOptionalMembersOnlyWhenKnown) {
  Diagnostic bare{.rule = "syntax", .file = "0001.sql", .line = 2, .message = "syntax error"};
  EXPECT_EQ(to_json(bare).dump(),
            R"({"severity":"error","rule":"syntax","file":"0001.sql","line":2,)"
            R"("message":"syntax error"})");
  Diagnostic full = bare;
  full.column = 5;
  full.object = "table public.users";
  full.why = "w";
  full.fix = "f";
  full.severity = Severity::kWarning;
  EXPECT_EQ(to_json(full).dump(),
            R"({"severity":"warning","rule":"syntax","file":"0001.sql","line":2,"column":5,)"
            R"("object":"table public.users","message":"syntax error","why":"w","fix":"f"})");
  EXPECT_EQ(count({bare, full, bare}, Severity::kError), 2);
  EXPECT_EQ(count({bare, full, bare}, Severity::kWarning), 1);
}

}  // namespace
}  // namespace flick::diagnostics
