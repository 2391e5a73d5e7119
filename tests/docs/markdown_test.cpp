#include "docs/markdown.hpp"

#include <gtest/gtest.h>

#include "docs/migration_history.hpp"
#include "docs/page_paths.hpp"

namespace flick::docs {
namespace {

TEST(Markdown, CodeSpansGrowTheirFenceAroundBackticks) {
  EXPECT_EQ(code("email"), "`email`");
  EXPECT_EQ(code("a`b"), "`` a`b ``");
  EXPECT_EQ(code("``x"), "``` ``x ```");
}

TEST(Markdown, EscapesInlinePunctuationAndLineBreaks) {
  EXPECT_EQ(escape_text("a *b* [c]\nd|e"), "a \\*b\\* \\[c\\] d|e");
  EXPECT_EQ(escape_text("display_name _x_ a<=b <div>"), "display_name \\_x\\_ a<=b \\<div>");
}

TEST(Markdown, TablesEscapePipesAndFlattenLines) {
  MarkdownTable table({"Name", "Expression"});
  table.add_row({"`x`", "`a || b`\nmore"});
  EXPECT_EQ(table.str(), "| Name | Expression |\n| --- | --- |\n| `x` | `a \\|\\| b` more |\n");
}

TEST(Markdown, FencesOutgrowBackticksInTheBody) {
  EXPECT_EQ(fenced("sql", "select 1"), "```sql\nselect 1\n```\n");
  EXPECT_EQ(fenced("", "````"), "`````\n````\n`````\n");
}

TEST(PagePaths, FileNamesEncodeEveryUnsafeByte) {
  EXPECT_EQ(table_page_path("public", "users"), "tables/public.users.md");
  EXPECT_EQ(table_page_path("my schema", "a.b/c"), "tables/my~20schema.a~2eb~2fc.md");
  EXPECT_EQ(enum_page_path("public", "Status"), "enums/public.Status.md");
}

TEST(PagePaths, RelativeLinksClimbOutOfFolders) {
  EXPECT_EQ(relative_link("index.md", "tables/public.users.md"), "tables/public.users.md");
  EXPECT_EQ(relative_link("tables/public.posts.md", "tables/public.users.md"), "public.users.md");
  EXPECT_EQ(relative_link("tables/public.posts.md", "enums/public.s.md"), "../enums/public.s.md");
  EXPECT_EQ(relative_link("enums/public.s.md", "index.md"), "../index.md");
}

TEST(PagePaths, PublicNamesAreShownBare) {
  EXPECT_EQ(display_name("public", "users"), "users");
  EXPECT_EQ(display_name("auth", "users"), "auth.users");
}

}  // namespace
}  // namespace flick::docs
