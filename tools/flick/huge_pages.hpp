#pragma once

// Backs flick's heap with transparent huge pages where the kernel leaves them to the program.
//
// A command builds its trees once and exits, so its time goes largely to first touches of fresh
// heap pages; on a virtual machine each 4 KiB page fault costs several microseconds (about 7 us
// on the 2-core bench VM: 4300 faults were 30 ms of a 75 ms export). glibc backs the heap with
// 2 MiB pages when its `glibc.malloc.hugetlb=1` tunable is set, and tunables are read only when a
// program starts.

namespace flick::cli {

// Whether a program about to run a subcommand should start with `glibc.malloc.hugetlb=1`: the
// subcommand is `worth_it` (it reads a whole schema or migration folder into memory:
// CommandTraits::builds_large_models; a no-op migrate, the database's commands and --help win
// nothing back), the kernel's transparent huge pages are in `madvise` mode (the only mode in
// which the tunable changes anything: `always` backs the heap already, `never` refuses),
// GLIBC_TUNABLES does not set glibc.malloc.hugetlb already (the user's choice stands),
// FLICK_HUGE_PAGES is not "0" and the build is not sanitized (FLICK_SANITIZED: ASan's allocator
// serves malloc there).
bool huge_pages_wanted(bool worth_it);

// Adds `glibc.malloc.hugetlb=1` to GLIBC_TUNABLES for the program about to be executed, and
// records what GLIBC_TUNABLES was (FLICK_SAVED_GLIBC_TUNABLES) for restore_tunables() in it.
// False, with the environment unchanged, when it cannot be set.
bool add_huge_page_tunable();

// In a program started after add_huge_page_tunable(): puts GLIBC_TUNABLES back as it was, so the
// programs flick starts (initdb, postgres, psql, node) inherit the user's environment unchanged.
// False when the program was not started that way.
bool restore_tunables();

// Called first in flick-core's main. Started by the launcher (launcher/launcher.cpp), which has
// decided already: restores the environment and returns. Started directly: when
// huge_pages_wanted(worth_it), re-executes this binary (/proc/self/exe, the same argv) with the
// tunable added, and the re-executed process restores the environment. Returns normally in
// every other case, including when the exec fails (the command then runs without huge pages).
void prefer_huge_pages(char** argv, bool worth_it);

}  // namespace flick::cli
