#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "diff/diff.hpp"
#include "flick/error.hpp"

namespace flick::diff {
namespace {

TEST(ParseRenameHint, ReadsKindAndNames) {
  RenameHint hint = parse_rename_hint("column:accounts.created=created_at");
  EXPECT_EQ(hint.kind, ObjectKind::kColumn);
  EXPECT_EQ(hint.from, "accounts.created");
  EXPECT_EQ(hint.to, "created_at");
  hint = parse_rename_hint(" table:public.memos=app.memos ");
  EXPECT_EQ(hint.kind, ObjectKind::kTable);
  EXPECT_EQ(hint.from, "public.memos");
  EXPECT_EQ(hint.to, "app.memos");
  EXPECT_EQ(parse_rename_hint("enum-value:mood.ok=neutral").kind, ObjectKind::kEnumValue);
}

TEST(ParseRenameHint, RejectsBadSyntax) {
  EXPECT_THROW(parse_rename_hint("table notes=memos"), UserError);
  EXPECT_THROW(parse_rename_hint("tabel:notes=memos"), UserError);
  EXPECT_THROW(parse_rename_hint("table:notes"), UserError);
  EXPECT_THROW(parse_rename_hint("table:=memos"), UserError);
  EXPECT_THROW(parse_rename_hint("column:accounts..x=y"), UserError);
}

TEST(ParseDropHint, ReadsKindAndName) {
  DropHint hint = parse_drop_hint("column:accounts.created");
  EXPECT_EQ(hint.kind, ObjectKind::kColumn);
  EXPECT_EQ(hint.name, "accounts.created");
  EXPECT_THROW(parse_drop_hint("column:a=b"), UserError);
  EXPECT_THROW(parse_drop_hint("accounts.created"), UserError);
}

TEST(ReadHintsFile, ReadsLinesAndNamesBadLine) {
  std::filesystem::path path = std::filesystem::temp_directory_path() / "flick_hints_test.txt";
  {
    std::ofstream out(path);
    out << "# renames for 0007\n\nrename table:notes=memos  # moved\ndrop column:accounts.x\n";
  }
  std::vector<RenameHint> renames;
  std::vector<DropHint> drops;
  read_hints_file(path, renames, drops);
  ASSERT_EQ(renames.size(), 1u);
  EXPECT_EQ(renames[0].to, "memos");
  ASSERT_EQ(drops.size(), 1u);
  EXPECT_EQ(drops[0].name, "accounts.x");
  {
    std::ofstream out(path);
    out << "rename table:a=b\nmove table:a=b\n";
  }
  try {
    read_hints_file(path, renames, drops);
    FAIL() << "expected UserError";
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what()).find(path.string() + ":2:"), std::string::npos)
        << error.what();
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace flick::diff
