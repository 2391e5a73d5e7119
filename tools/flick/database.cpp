#include "database.hpp"

#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>

#include "flick/error.hpp"

namespace flick::cli {

namespace {

// True when every directory above `path` lets other users through (the server's user must reach
// the cluster directory).
bool reachable_by_other_users(const std::filesystem::path& path) {
  for (std::filesystem::path dir = path; !dir.empty(); dir = dir.parent_path()) {
    struct stat info {};
    if (::stat(dir.c_str(), &info) == 0 && (info.st_mode & S_IXOTH) == 0) return false;
    if (dir == dir.root_path()) break;
  }
  return true;
}

std::string path_hash(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace

localdb::LocalCluster embedded_cluster(const store::Config& config) {
  namespace fs = std::filesystem;
  fs::path base = fs::absolute(config.dir.empty() ? fs::current_path() : config.dir);
  fs::path cluster_dir = base / ".flick" / "pg";
  // As root the server runs as `postgres`, which cannot enter private folders such as /root: the
  // cluster then lives in /var/tmp and .flick/pg is a symbolic link to it.
  if (::geteuid() == 0 && !reachable_by_other_users(base) && !fs::is_directory(cluster_dir)) {
    fs::path outside = fs::path("/var/tmp") / ("flick-pg-" + path_hash(cluster_dir.string()));
    fs::create_directories(outside);
    fs::create_directories(cluster_dir.parent_path());
    if (fs::is_symlink(cluster_dir)) fs::remove(cluster_dir);
    fs::create_directory_symlink(outside, cluster_dir);
  }
  return localdb::LocalCluster(fs::is_symlink(cluster_dir) ? fs::canonical(cluster_dir)
                                                           : cluster_dir);
}

std::string database_url(const store::Config& config) {
  if (!config.url.empty()) {
    // A misspelt scheme ("postgress://", "POSTGRES://") is not a URL to libpq: it would read it
    // as a conninfo string and connect to the local socket instead.
    std::size_t scheme_end = config.url.find("://");
    if (scheme_end != std::string::npos) {
      std::string scheme = config.url.substr(0, scheme_end);
      if (scheme != "postgresql" && scheme != "postgres") {
        throw UserError(
            fmt::format("--url: unknown scheme \"{}\" (a URL starts with "
                        "postgresql:// or postgres://)",
                        scheme));
      }
    }
    return config.url;
  }
  // Never the embedded cluster in place of a database the drizzle config names.
  if (!config.url_error.empty()) throw UserError(config.url_error + " (or pass --url)");
  localdb::LocalCluster cluster = embedded_cluster(config);
  cluster.start();
  return cluster.url();
}

std::chrono::milliseconds parse_duration(const std::string& text, const std::string& flag) {
  std::size_t end = 0;
  long long value = -1;
  try {
    value = std::stoll(text, &end);
  } catch (const std::exception&) {
  }
  std::string unit = value < 0 ? "?" : text.substr(end);
  long long factor = unit.empty() || unit == "ms" ? 1
                     : unit == "s"                ? 1000
                     : unit == "min"              ? 60000
                                                  : -1;
  if (factor < 0) {
    throw UserError(
        fmt::format("{} {}: expected a duration such as 500ms, 5s or 2min", flag, text));
  }
  return std::chrono::milliseconds(value * factor);
}

}  // namespace flick::cli
