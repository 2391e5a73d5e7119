#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <exception>

#include "commands.hpp"
#include "flick/error.hpp"
#include "pg/pg.hpp"

int main(int argc, char** argv) {
  CLI::App app{"flick: PostgreSQL schema migrations, compatible with drizzle-kit's folders"};
  app.set_version_flag("--version", std::string("flick ") + FLICK_VERSION);
  app.require_subcommand(1);
  flick::cli::ExitStatus status;
  for (const auto& command : flick::cli::kCommands) command.setup(app, status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : 2;
  } catch (const flick::UserError& error) {
    fmt::print(stderr, "error: {}\n", error.what());
    return 2;
  } catch (const flick::pg::PgError& error) {
    fmt::print(stderr, "error: database: {}\n", error.what());
    return 1;
  } catch (const std::exception& error) {
    fmt::print(stderr, "flick: internal error: {}\n", error.what());
    return 70;
  }
  return status.code;
}
