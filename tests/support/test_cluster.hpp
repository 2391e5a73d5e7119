#pragma once

// One temporary PostgreSQL cluster per test binary: started on first use in a fresh directory
// under the system temp dir (fsync off), stopped and deleted when the test program ends (a gtest
// global environment), also when tests failed. If the program dies instead (a crash, a kill), a
// signal handler shuts the server down, and the next test binary deletes the directory.

#include <string>

#include "localdb/localdb.hpp"

namespace flick::testing {

// The shared cluster, started on first call. Throws when it cannot start (the message holds the
// server log's tail). Tests that need several servers (fleets) ask for clusters 1 to 3 too, each
// started on first use and torn down with the first.
localdb::LocalCluster& test_cluster(int index = 0);

// After a test stopped and started cluster `index` again: the new server's pid, for the teardown
// that runs when the program dies.
void note_restarted(int index);

// Creates a new, empty database `name` ([a-z0-9_]+; dropped first if it exists) on the shared
// cluster and returns its URL.
std::string create_database(const std::string& name);

}  // namespace flick::testing
