#include "emit/emit.hpp"

#include "emit/writers.hpp"

namespace flick::emit {

std::vector<std::string> sql_statements(const diff::ChangeSet& changes) {
  Statements out;
  out.reserve(changes.changes.size());
  for (const diff::Change& change : changes.changes) {
    std::visit([&out](const auto& typed) { write(typed, out); }, change);
  }
  return out;
}

}  // namespace flick::emit
