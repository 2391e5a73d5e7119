#include <fmt/core.h>
#include <malloc.h>
#include <pthread.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <filesystem>
#include <optional>
#include <system_error>
#include <thread>

#include "commands.hpp"
#include "flick/error.hpp"
#include "huge_pages.hpp"
#include "pg/pg.hpp"

namespace {

int run(int argc, char** argv) {
  CLI::App app{"flick: PostgreSQL schema migrations, compatible with drizzle-kit's folders"};
  app.set_version_flag("--version", std::string("flick ") + FLICK_VERSION);
  app.require_subcommand(1);
  flick::cli::ExitStatus status;
  for (const auto& command : flick::cli::kCommands) command.setup(app, status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error);  // --help, --version
    // CLI11 quotes the arguments it did not expect, --url values included.
    fmt::print(stderr, "{}\nRun with --help for more information.\n",
               flick::pg::redact_text(error.what()));
    return 2;
  } catch (const flick::UserError& error) {
    fmt::print(stderr, "error: {}\n", flick::pg::redact_text(error.what()));
    return 2;
  } catch (const flick::EnvironmentError& error) {
    fmt::print(stderr, "error: {}\n", flick::pg::redact_text(error.what()));
    return 3;
  } catch (const flick::pg::PgError& error) {
    if (flick::pg::is_environment_sqlstate(error.sqlstate())) {
      fmt::print(stderr, "error: database unreachable: {}\n", flick::pg::redact_text(error.what()));
      return 3;
    }
    fmt::print(stderr, "error: database: {}\n", flick::pg::redact_text(error.what()));
    return 1;
  } catch (const std::filesystem::filesystem_error& error) {
    // A file or directory the command needs cannot be read or written (permission, disk full).
    fmt::print(stderr, "error: {}\n", flick::pg::redact_text(error.what()));
    return 3;
  } catch (const std::exception& error) {
    fmt::print(stderr, "flick: internal error: {}\n", flick::pg::redact_text(error.what()));
    return 70;
  }
  return status.code;
}

// libpg_query packs and unpacks parse trees recursively: a deeply nested expression (a
// `1+1+...` chain of thousands of terms, which PostgreSQL itself parses) needs far more stack
// than the 8 MB main thread has. The command runs on a thread whose stack is reserved large
// (pages are only committed as they are used).
constexpr std::size_t kStackBytes = std::size_t{1} << 30;

struct Invocation {
  int argc;
  char** argv;
  int exit_code = 70;
};

void* run_invocation(void* data) {
  auto* invocation = static_cast<Invocation*>(data);
  invocation->exit_code = run(invocation->argc, invocation->argv);
  return nullptr;
}

// A command is one short process that builds its trees, writes and exits: memory handed back to
// the kernel mid-run (trimmed heap tops, big blocks in their own mappings) is only faulted in
// again, page by page, by the next file or tree. Keep it; the peak is what it is either way.
void keep_freed_memory() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest: blocks below 32 MiB come from the heap
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  // The pad is address space, not memory: pages are still faulted in on first use. The main
  // heap grows in steps of it. A thread's heap gets it only when created and then grows one
  // page per mprotect call (about 900 of them for the command thread of a no-change generate
  // of 1000 tables, whose snapshot parser takes 25 MiB of its heap): with 64 MiB, glibc's most
  // for a thread's heap, each heap is made readable whole at once.
  mallopt(M_TOP_PAD, 64 << 20);
}

// Loads libpq on a thread of its own, joined when it is destroyed. A load that fails is reported
// by the command's first connection, which tries again.
class LibpqLoading {
 public:
  LibpqLoading()
      : thread_([] {
          try {
            flick::pg::load_libpq();
          } catch (const std::exception&) {  // reported by the first connection
          }
        }) {}
  ~LibpqLoading() { thread_.join(); }
  LibpqLoading(const LibpqLoading&) = delete;
  LibpqLoading& operator=(const LibpqLoading&) = delete;

 private:
  std::thread thread_;
};

}  // namespace

int main(int argc, char** argv) {
  flick::cli::CommandTraits traits = flick::cli::traits_of(argc > 1 ? argv[1] : "");
  flick::cli::prefer_huge_pages(argv, traits.builds_large_models);
  keep_freed_memory();
  Invocation invocation{argc, argv};
  pthread_attr_t attributes;
  pthread_t thread;
  if (pthread_attr_init(&attributes) == 0 &&
      pthread_attr_setstacksize(&attributes, kStackBytes) == 0 &&
      pthread_create(&thread, &attributes, run_invocation, &invocation) == 0) {
    // libpq and its libraries take 10-15 ms to load and relocate here: for a command that
    // connects, that happens while the options are parsed and the journal is read (a no-op
    // migrate of 1000 applied migrations: 0.93x wall, paired medians of 30). Started after the
    // command's thread, whose creation would otherwise wait for the loader's lock.
    std::optional<LibpqLoading> loading;
    try {
      if (traits.connects) loading.emplace();
    } catch (const std::system_error&) {  // no thread to be had: the first connection loads it
    }
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attributes);
    return invocation.exit_code;
  }
  return run(argc, argv);  // no big stack to be had: the usual one
}
