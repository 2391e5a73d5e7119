#pragma once

// Backs flick's heap with transparent huge pages where the kernel leaves them to the program.
//
// A command builds its trees once and exits, so its time goes largely to first touches of fresh
// heap pages; on a virtual machine each 4 KiB page fault costs several microseconds (about 7 us
// on the 2-core bench VM: 4300 faults were 30 ms of a 75 ms export). glibc backs the heap with
// 2 MiB pages when its `glibc.malloc.hugetlb=1` tunable is set, and tunables are read only when a
// program starts.

namespace flick::cli {

// Called first in main. When `worth_it` (the subcommand reads a whole schema or migration folder
// into memory: cli::builds_large_models; the re-exec costs about 5 ms, which a no-op migrate,
// the database's commands and --help do not win back), the kernel's transparent huge pages are in
// `madvise` mode (the only mode in which the tunable changes anything: `always` backs the heap
// already, `never` refuses), glibc's tunable is not set yet, FLICK_HUGE_PAGES is not "0" and
// the build is not sanitized (FLICK_SANITIZED: ASan's allocator serves malloc there),
// re-executes this binary (/proc/self/exe, the same argv) with `glibc.malloc.hugetlb=1` added to
// GLIBC_TUNABLES. In the re-executed process it puts GLIBC_TUNABLES back as it was, so the programs
// flick starts (initdb, postgres, psql, node) inherit the user's environment unchanged. Returns
// normally in every other case, including when the exec fails (the command then runs without huge
// pages).
void prefer_huge_pages(char** argv, bool worth_it);

}  // namespace flick::cli
