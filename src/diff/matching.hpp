#pragma once

// Pairs objects of the old catalog with objects of the new one: same name, a rename hint, or an
// answer from Options::ask. Whatever stays unpaired is dropped (old) or created (new).

#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "diff/diff.hpp"

namespace flick::diff {

// A parsed hint name: every part explicit ("public" filled in where the flag omitted it).
using NameParts = std::vector<std::string>;

// The rename and drop hints of one diff run, looked up by kind and full name.
class Hints {
 public:
  explicit Hints(const Options& options);

  // The target of a rename hint whose source is `from` (full parts), or nullptr. Marks it used.
  const NameParts* renamed_to(ObjectKind kind, const NameParts& from);
  bool dropped(ObjectKind kind, const NameParts& name) const;
  // Throws UserError naming every rename hint no object used.
  void check_all_used() const;

 private:
  struct Rename {
    NameParts from, to;
    std::string text;
    bool used = false;
  };
  std::vector<Rename> renames_;
  std::unordered_map<std::string, std::size_t> rename_index_;
  std::unordered_map<std::string, bool> drops_;
};

// How many parts a full name of `kind` has: 1 for schemas, 3 for columns, constraints and enum
// values, 2 otherwise.
std::size_t part_count(ObjectKind kind);
// Splits a flag name on '.', honouring double quotes, and fills omitted leading parts from
// `scope` (for "to" names) or with "public" (for a missing schema).
NameParts parse_name(ObjectKind kind, const std::string& text, const NameParts* scope = nullptr);
// The flag spelling of a full name: "public." omitted, parts with '.', '"', '=' or ':' quoted.
std::string flag_name(const NameParts& parts);

struct Matching {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;  // (old index, new index)
  std::vector<std::size_t> dropped;                        // old indexes, in old order
  std::vector<std::size_t> created;                        // new indexes, in new order
};

// One name in the old or new catalog: its scope (all parts but the last) and its name.
struct ScopedName {
  NameParts scope;      // where it is after renames of its parents (old) / where it is (new)
  NameParts alt_scope;  // old only: its scope before parent renames (hints may use either)
  std::string name;
};

// Pairs names of one kind. Same scope and name pair up; then rename hints (which may cross
// scopes when `allow_moves`); then, per scope, removed and added names are offered to
// Options::ask, or reported as a UserError naming the --rename/--drop flags.
Matching match_names(ObjectKind kind, const std::vector<ScopedName>& old_names,
                     const std::vector<ScopedName>& new_names, bool allow_moves, Hints& hints,
                     const Options& options);

}  // namespace flick::diff
