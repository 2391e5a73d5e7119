// flick_bench_parse FILE...: reads each file and runs PostgreSQL's parser over its whole text
// (libpg_query's pg_query_split_with_parser: the grammar builds the raw parse tree in a memory
// context that is dropped; no protobuf, no JSON, no model). Files are shared out over one thread
// per core, as flick spreads its own parsing. This is the floor the generate, export and check
// benchmarks divide by: the parse of the same statements and nothing else, process start-up and
// file reading included. Prints "<files> files, <statements> statements"; exit 1 on a file that
// cannot be read or does not parse (the benchmark's input is then not what it should be).
#include <pg_query.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Outcome {
  long statements = 0;
  std::string error;
};

Outcome parse_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {0, std::string(path) + ": cannot be read"};
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  PgQuerySplitResult result = pg_query_split_with_parser(text.c_str());
  Outcome outcome;
  if (result.error != nullptr) {
    outcome.error = std::string(path) + ": " + result.error->message;
  } else {
    outcome.statements = result.n_stmts;
  }
  pg_query_free_split_result(result);
  return outcome;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<const char*> files(argv + 1, argv + argc);
  if (files.empty()) {
    std::fprintf(stderr, "usage: flick_bench_parse FILE...\n");
    return 2;
  }
  std::vector<Outcome> outcomes(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) outcomes[i] = parse_file(files[i]);
  };
  unsigned threads = std::clamp<unsigned>(std::thread::hardware_concurrency(), 1,
                                          static_cast<unsigned>(files.size()));
  std::vector<std::thread> helpers;
  for (unsigned i = 1; i < threads; ++i) helpers.emplace_back(work);
  work();
  for (std::thread& helper : helpers) helper.join();
  long statements = 0;
  for (const Outcome& outcome : outcomes) {
    if (!outcome.error.empty()) {
      std::fprintf(stderr, "%s\n", outcome.error.c_str());
      return 1;
    }
    statements += outcome.statements;
  }
  std::printf("%zu files, %ld statements\n", files.size(), statements);
  return 0;
}
