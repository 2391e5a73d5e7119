#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "ddl/builder.hpp"
#include "ddl/ddl.hpp"
#include "files/input_file.hpp"
#include "flick/error.hpp"

namespace flick::ddl {
namespace {

// pg_dump (15.14, 16.10, 17.6 and later) brackets its output with psql's `\restrict KEY` and
// `\unrestrict KEY` meta-commands, which are not SQL. Such a line, at the start of a line, is
// blanked with spaces so that positions in the file stay as they are.
std::string without_psql_restrict(std::string_view sql) {
  std::string out(sql);
  std::size_t line = 0;
  while (line < out.size()) {
    std::size_t end = out.find('\n', line);
    if (end == std::string::npos) end = out.size();
    std::string_view text(out.data() + line, end - line);
    if (text.starts_with("\\restrict ") || text.starts_with("\\unrestrict ")) {
      std::fill(out.begin() + static_cast<std::ptrdiff_t>(line),
                out.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    }
    line = end + 1;
  }
  return out;
}

sqlparse::ParsedSql parse_file(std::string_view sql, const std::string& file_name) {
  return sqlparse::parse_sql(without_psql_restrict(sql), file_name);
}

void interpret(const sqlparse::ParsedSql& parsed, CatalogBuilder& builder) {
  std::string default_schema = model::kDefaultSchema;  // each file starts with the default
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    Source source(parsed, i, default_schema);
    Node* statement = parsed.statement(i).stmt;
    if (read_session_setting(statement, source, default_schema)) continue;
    transform_statement(statement, source, builder);
  }
}

// Files read and parsed on a thread of their own, in order and at most kFilesAhead ahead of the
// one being interpreted, while this thread interprets them in order. A file that cannot be read
// or parsed throws when its turn comes, after every earlier file was interpreted: the same error
// as reading the files one after the other.
class FilesParsedAhead {
 public:
  explicit FilesParsedAhead(const std::vector<std::filesystem::path>& paths)
      : paths_(paths), slots_(paths.size()), parser_([this] { parse_all(); }) {}
  ~FilesParsedAhead() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    parser_.join();
  }
  FilesParsedAhead(const FilesParsedAhead&) = delete;
  FilesParsedAhead& operator=(const FilesParsedAhead&) = delete;

  // File i parsed (each i once, in order); throws what reading or parsing it threw.
  sqlparse::ParsedSql take(std::size_t i) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return slots_[i].done; });
    taken_ = i + 1;
    changed_.notify_all();
    Slot& slot = slots_[i];
    if (slot.error) std::rethrow_exception(slot.error);
    sqlparse::ParsedSql parsed = std::move(*slot.parsed);
    slot.parsed.reset();
    return parsed;
  }

 private:
  static constexpr std::size_t kFilesAhead = 1;
  struct Slot {
    std::optional<sqlparse::ParsedSql> parsed;
    std::exception_ptr error;
    bool done = false;
  };

  void parse_all() {
    for (std::size_t i = 0; i < paths_.size(); ++i) {
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopping_ || i < taken_ + kFilesAhead; });
        if (stopping_) return;
      }
      std::optional<sqlparse::ParsedSql> parsed;
      std::exception_ptr error;
      try {
        parsed.emplace(parse_file(files::read_input_file(paths_[i]), paths_[i].string()));
      } catch (...) {
        error = std::current_exception();
      }
      {
        std::lock_guard lock(mutex_);
        slots_[i].parsed = std::move(parsed);
        slots_[i].error = error;
        slots_[i].done = true;
      }
      changed_.notify_all();
      if (error) return;  // nothing after a failed file is read
    }
  }

  const std::vector<std::filesystem::path>& paths_;
  std::vector<Slot> slots_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t taken_ = 0;
  bool stopping_ = false;
  std::thread parser_;  // last: it starts once the rest is built
};

}  // namespace

model::Catalog read_schema_files(const std::vector<std::filesystem::path>& paths) {
  CatalogBuilder builder;
  if (paths.size() < 2) {
    for (const std::filesystem::path& file : paths) {
      interpret(parse_file(files::read_input_file(file), file.string()), builder);
    }
    return builder.finish();
  }
  FilesParsedAhead files(paths);
  for (std::size_t i = 0; i < paths.size(); ++i) interpret(files.take(i), builder);
  return builder.finish();
}

model::Catalog read_schema_sql(std::string_view sql, const std::string& file_name) {
  CatalogBuilder builder;
  interpret(parse_file(sql, file_name), builder);
  return builder.finish();
}

}  // namespace flick::ddl
