// toolkit's embedded database: the project's PostgreSQL cluster under .flick/pg.

#include "toolkit/project_state.hpp"

namespace flick::toolkit {

const char* to_string(EmbeddedState state) {
  switch (state) {
    case EmbeddedState::kNotCreated:
      return "not initialised";
    case EmbeddedState::kStopped:
      return "stopped";
    case EmbeddedState::kRunning:
      return "running";
  }
  return "?";
}

std::string start_embedded_database(const Project& project) {
  localdb::LocalCluster cluster = embedded_cluster(config_of(project));
  cluster.start();
  return cluster.url();
}

void stop_embedded_database(const Project& project) { embedded_cluster(config_of(project)).stop(); }

std::string reset_embedded_database(const Project& project) {
  localdb::LocalCluster cluster = embedded_cluster(config_of(project));
  cluster.reset();
  return cluster.url();
}

EmbeddedDatabaseStatus embedded_database_status(const Project& project) {
  localdb::LocalCluster cluster = embedded_cluster(config_of(project));
  localdb::ClusterStatus status = cluster.status();
  EmbeddedDatabaseStatus result;
  result.state = status.state == localdb::ClusterState::kRunning   ? EmbeddedState::kRunning
                 : status.state == localdb::ClusterState::kStopped ? EmbeddedState::kStopped
                                                                   : EmbeddedState::kNotCreated;
  result.directory = cluster.dir();
  result.port = status.port;
  return result;
}

}  // namespace flick::toolkit
