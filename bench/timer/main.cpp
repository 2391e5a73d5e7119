// flick_bench_time: the benchmarks' stopwatch. Runs one command and writes how long it ran and
// its peak resident set, measured from just before it is started to the moment it is reaped:
// no shell, no `date` processes and no GNU time around it, which on the bench VM added about
// 19 ms to every figure (the same for flick and for the floor it was compared with).
//
// Usage: flick_bench_time OUT_FILE COMMAND [ARGUMENT...]
// COMMAND is found on PATH and inherits the standard streams and the environment. OUT_FILE gets
// one line "<wall nanoseconds> <peak RSS in KiB>". The exit status is COMMAND's, 128 + the
// signal that ended it, or 127 when it could not be started (then OUT_FILE is not written).

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>

extern char** environ;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s OUT_FILE COMMAND [ARGUMENT...]\n", argv[0]);
    return 2;
  }
  timespec start{};
  clock_gettime(CLOCK_MONOTONIC, &start);
  pid_t child = 0;
  int error = posix_spawnp(&child, argv[2], nullptr, nullptr, argv + 2, environ);
  if (error != 0) {
    std::fprintf(stderr, "flick_bench_time: cannot start %s: %s\n", argv[2], std::strerror(error));
    return 127;
  }
  int status = 0;
  rusage usage{};
  while (wait4(child, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      std::perror("flick_bench_time: wait4");
      return 127;
    }
  }
  timespec end{};
  clock_gettime(CLOCK_MONOTONIC, &end);
  long long wall_ns = (end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
  std::FILE* out = std::fopen(argv[1], "w");
  if (out == nullptr) {
    std::fprintf(stderr, "flick_bench_time: cannot write %s: %s\n", argv[1], std::strerror(errno));
    return 127;
  }
  std::fprintf(out, "%lld %ld\n", wall_ns, usage.ru_maxrss);
  std::fclose(out);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}
