#include "diff/data_loss.hpp"

#include <fmt/core.h>

namespace flick::diff {
namespace {

std::string name(const QualifiedName& qualified) {
  return fmt::format("\"{}\".\"{}\"", qualified.schema, qualified.name);
}

struct LossDescriber {
  std::vector<std::string>& out;

  void operator()(const DropTable& change) {
    out.push_back(fmt::format("drops table {} and its rows", name(change.name)));
  }
  void operator()(const DropColumn& change) {
    out.push_back(
        fmt::format("drops column \"{}\" of {} and its values", change.column, name(change.table)));
  }
  void operator()(const AlterColumnType& change) {
    if (!change.needs_using) return;
    out.push_back(
        fmt::format("converts column \"{}\" of {} to {} with an explicit cast, which "
                    "can fail or lose precision",
                    change.column, name(change.table), change.type));
  }
  void operator()(const RebuildEnum& change) {
    out.push_back(
        fmt::format("rebuilds enum \"{}\".\"{}\": rows holding a removed value make it "
                    "fail",
                    change.enum_type.schema, change.enum_type.name));
  }
  void operator()(const DropSequence& change) {
    out.push_back(fmt::format("drops sequence {} and its current value", name(change.name)));
  }
  void operator()(const DropView& change) {
    if (change.materialized) {
      out.push_back(
          fmt::format("drops materialized view {} and its stored rows", name(change.name)));
    }
  }
  void operator()(const SetNotNull& change) {
    if (change.backfill) return;
    out.push_back(fmt::format("sets NOT NULL on \"{}\" of {}: fails while NULLs exist",
                              change.column, name(change.table)));
  }
  void operator()(const AddUnique& change) {
    out.push_back(fmt::format("adds unique constraint \"{}\" on {}: fails on duplicated data",
                              change.unique.name, name(change.table)));
  }
  template <typename Other>
  void operator()(const Other&) {}
};

}  // namespace

std::vector<std::string> data_loss(const ChangeSet& changes) {
  std::vector<std::string> lossy;
  LossDescriber describe{lossy};
  for (const Change& change : changes.changes) std::visit(describe, change);
  return lossy;
}

}  // namespace flick::diff
