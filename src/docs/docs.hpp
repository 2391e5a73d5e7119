#pragma once

// flick docs: the schema wiki. Markdown pages generated from the schema model and the migration
// folder (an index with mermaid erDiagrams, a page per table, enum, domain, composite type and
// function / procedure / aggregate, the migration history, the open `flick check` findings),
// written to a folder or served to a browser.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "flick/model.hpp"
#include "lint/lint.hpp"
#include "store/folder.hpp"

namespace flick::docs {

// A name the viewer's search box finds, e.g. {"column", "email"} on the users table page.
struct SearchTerm {
  std::string kind;
  std::string name;
};

struct Page {
  std::string path;  // relative to the output folder, '/'-separated: "tables/public.users.md"
  std::string title;
  std::string markdown;
  std::vector<SearchTerm> terms;
};

struct Sources {
  model::Catalog schema;  // what the pages describe; normalised
  // Where the schema came from, as printed on the index page ("schema/users.sql", or the
  // snapshot file it was read from).
  std::vector<std::string> schema_origin;
  // True when `schema` was read from schema files (then `flick check` also compares the folder's
  // last snapshot with it); false when it is the folder's latest snapshot.
  bool schema_from_files = true;
  // The migration folder, or nullptr when there is none; its name as printed ("drizzle").
  const store::MigrationFolder* folder = nullptr;
  std::string folder_name;
  lint::Settings lint_settings;
  // Where unqualified names in the migrations resolve ([migrations] searchPath).
  std::string search_path = "public";
};

// Every page, index.md first, the rest sorted by path. The same sources always give the same
// bytes (nothing depends on the clock or on iteration order of unordered containers).
std::vector<Page> build_pages(const Sources& sources);

struct WriteResult {
  std::size_t written = 0;    // files created or changed
  std::size_t unchanged = 0;  // files that already held these bytes (left untouched)
  std::size_t removed = 0;    // stale pages of objects that no longer exist
};

// Writes the pages under `out` (created when missing), touching only files whose bytes change,
// and removes *.md files in out/tables, out/enums, out/types and out/functions that no page
// produces. Throws flick::UserError when a file cannot be written.
WriteResult write_pages(const std::filesystem::path& out, const std::vector<Page>& pages);

}  // namespace flick::docs
