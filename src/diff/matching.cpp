#include "diff/matching.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "flick/error.hpp"
#include "flick/model.hpp"

namespace flick::diff {
namespace {

std::string key_of(ObjectKind kind, const NameParts& parts) {
  std::string key(1, static_cast<char>('A' + static_cast<int>(kind)));
  for (const std::string& part : parts) {
    key += '\x1f';
    key += part;
  }
  return key;
}

NameParts joined(const NameParts& scope, const std::string& name) {
  NameParts parts = scope;
  parts.push_back(name);
  return parts;
}

// `text` as one word for a POSIX shell: as it is when every character is plain, else in single
// quotes (a ' inside written '\''), so a printed flag can be pasted back as it is.
std::string shell_word(const std::string& text) {
  bool plain = !text.empty() && text.find_first_not_of(
                                    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                    "0123456789_.:=,/+-@%") == std::string::npos;
  if (plain) return text;
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string scope_label(const NameParts& scope) {
  return scope.empty() ? std::string("the database") : flag_name(scope);
}

}  // namespace

std::size_t part_count(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::kSchema:
      return 1;
    case ObjectKind::kColumn:
    case ObjectKind::kConstraint:
    case ObjectKind::kEnumValue:
      return 3;
    default:
      return 2;
  }
}

NameParts parse_name(ObjectKind kind, const std::string& text, const NameParts* scope) {
  NameParts parts;
  std::string current;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        current += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        current += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == '.') {
      parts.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  parts.push_back(current);
  std::size_t want = part_count(kind);
  if (parts.size() > want) {
    throw UserError(fmt::format("'{}' has too many parts for a {} name", text, kind_name(kind)));
  }
  if (parts.size() < want) {
    NameParts filled;
    std::size_t missing = want - parts.size();
    if (scope != nullptr && scope->size() + 1 == want) {
      filled.assign(scope->begin(), scope->begin() + missing);
    } else if (want > 1 && missing == 1) {
      filled.push_back(model::kDefaultSchema);
    } else {
      throw UserError(fmt::format("'{}' has too few parts for a {} name", text, kind_name(kind)));
    }
    filled.insert(filled.end(), parts.begin(), parts.end());
    parts = std::move(filled);
  }
  return parts;
}

std::string flag_name(const NameParts& parts) {
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    if (i == 0 && parts.size() > 1 && part == model::kDefaultSchema) continue;
    if (!text.empty()) text += '.';
    if (part.find_first_of(".\"=: #") != std::string::npos || part.empty()) {
      text += '"';
      for (char c : part) {
        if (c == '"') text += '"';
        text += c;
      }
      text += '"';
    } else {
      text += part;
    }
  }
  return text;
}

Hints::Hints(const Options& options) {
  for (const RenameHint& hint : options.renames) {
    Rename rename;
    rename.from = parse_name(hint.kind, hint.from);
    NameParts scope(rename.from.begin(), rename.from.end() - 1);
    rename.to = parse_name(hint.kind, hint.to, &scope);
    rename.text = fmt::format("{}:{}={}", kind_name(hint.kind), hint.from, hint.to);
    rename_index_[key_of(hint.kind, rename.from)] = renames_.size();
    renames_.push_back(std::move(rename));
  }
  for (const DropHint& hint : options.drops) {
    drops_[key_of(hint.kind, parse_name(hint.kind, hint.name))] = true;
  }
}

const NameParts* Hints::renamed_to(ObjectKind kind, const NameParts& from) {
  auto it = rename_index_.find(key_of(kind, from));
  if (it == rename_index_.end()) return nullptr;
  Rename& rename = renames_[it->second];
  rename.used = true;
  return &rename.to;
}

bool Hints::dropped(ObjectKind kind, const NameParts& name) const {
  return drops_.count(key_of(kind, name)) > 0;
}

void Hints::check_all_used() const {
  std::string unused;
  for (const Rename& rename : renames_) {
    if (rename.used) continue;
    if (!unused.empty()) unused += ", ";
    unused += rename.text;
  }
  if (!unused.empty()) {
    throw UserError(fmt::format(
        "rename hint(s) matched nothing: {} (the old name must exist only in the old schema "
        "and the new name only in the new one)",
        unused));
  }
}

Matching match_names(ObjectKind kind, const std::vector<ScopedName>& old_names,
                     const std::vector<ScopedName>& new_names, bool allow_moves, Hints& hints,
                     const Options& options) {
  Matching matching;
  std::unordered_map<std::string, std::size_t> new_by_key;
  new_by_key.reserve(new_names.size());
  for (std::size_t i = 0; i < new_names.size(); ++i) {
    new_by_key.emplace(key_of(kind, joined(new_names[i].scope, new_names[i].name)), i);
  }
  std::vector<bool> new_taken(new_names.size(), false);
  std::vector<std::size_t> unmatched_old;
  for (std::size_t i = 0; i < old_names.size(); ++i) {
    auto it = new_by_key.find(key_of(kind, joined(old_names[i].scope, old_names[i].name)));
    if (it != new_by_key.end() && !new_taken[it->second]) {
      matching.pairs.emplace_back(i, it->second);
      new_taken[it->second] = true;
    } else {
      unmatched_old.push_back(i);
    }
  }

  // Rename hints, looked up by the old name before or after renames of its parents.
  std::vector<std::size_t> removed;
  for (std::size_t i : unmatched_old) {
    const ScopedName& old_name = old_names[i];
    NameParts full = joined(old_name.scope, old_name.name);
    const NameParts* target = hints.renamed_to(kind, full);
    if (target == nullptr && !old_name.alt_scope.empty()) {
      full = joined(old_name.alt_scope, old_name.name);
      target = hints.renamed_to(kind, full);
    }
    if (target == nullptr) {
      removed.push_back(i);
      continue;
    }
    NameParts target_scope(target->begin(), target->end() - 1);
    if (!allow_moves && target_scope != old_name.scope) {
      throw UserError(
          fmt::format("rename hint for {} {} moves it to {}: a {} can only be "
                      "renamed within its {}",
                      kind_name(kind), flag_name(full), scope_label(target_scope), kind_name(kind),
                      kind == ObjectKind::kEnumValue ? "enum" : "table"));
    }
    auto it = new_by_key.find(key_of(kind, *target));
    if (it == new_by_key.end() || new_taken[it->second]) {
      throw UserError(fmt::format("rename hint {}:{}={}: the new schema has no unmatched {} {}",
                                  kind_name(kind), flag_name(full), flag_name(*target),
                                  kind_name(kind), flag_name(*target)));
    }
    matching.pairs.emplace_back(i, it->second);
    new_taken[it->second] = true;
  }

  // Remaining removals and additions, per scope.
  std::map<NameParts, std::vector<std::size_t>> removed_by_scope;
  for (std::size_t i : removed) {
    const ScopedName& old_name = old_names[i];
    bool drop_hinted = hints.dropped(kind, joined(old_name.scope, old_name.name)) ||
                       (!old_name.alt_scope.empty() &&
                        hints.dropped(kind, joined(old_name.alt_scope, old_name.name)));
    if (drop_hinted) {
      matching.dropped.push_back(i);
    } else {
      removed_by_scope[old_name.scope].push_back(i);
    }
  }
  std::vector<bool> old_paired(old_names.size(), false);
  for (const auto& [old_index, new_index] : matching.pairs) old_paired[old_index] = true;
  for (std::size_t n = 0; n < new_names.size(); ++n) {
    if (new_taken[n]) continue;
    auto scope_it = removed_by_scope.find(new_names[n].scope);
    if (scope_it == removed_by_scope.end() || scope_it->second.empty()) {
      matching.created.push_back(n);
      continue;
    }
    std::vector<std::size_t>& candidates = scope_it->second;
    std::string created = flag_name(joined(new_names[n].scope, new_names[n].name));
    std::vector<std::string> candidate_names;
    for (std::size_t i : candidates) {
      candidate_names.push_back(flag_name(joined(old_names[i].scope, old_names[i].name)));
    }
    if (!options.ask) {
      std::string flags;
      std::string new_name = flag_name({new_names[n].name});
      for (const std::string& candidate : candidate_names) {
        flags += fmt::format(
            "\n  --rename {}   if {} was renamed",
            shell_word(fmt::format("{}:{}={}", kind_name(kind), candidate, new_name)), candidate);
      }
      for (const std::string& candidate : candidate_names) {
        flags +=
            fmt::format("\n  --drop {}   if {} was dropped",
                        shell_word(fmt::format("{}:{}", kind_name(kind), candidate)), candidate);
      }
      throw UserError(
          fmt::format("ambiguous change in {}: {} {} is new and {} {} removed; it may be a rename. "
                      "Pass one of:{}",
                      scope_label(new_names[n].scope), kind_name(kind), created,
                      candidate_names.size() == 1
                          ? std::string(kind_name(kind)) + " " + candidate_names[0]
                          : fmt::format("{} {}s", candidate_names.size(), kind_name(kind)),
                      candidate_names.size() == 1 ? "was" : "were", flags));
    }
    std::optional<std::string> answer = options.ask(kind, created, candidate_names);
    if (!answer) {
      matching.created.push_back(n);
      continue;
    }
    bool found = false;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      if (candidate_names[c] != *answer) continue;
      matching.pairs.emplace_back(candidates[c], n);
      old_paired[candidates[c]] = true;
      candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(c));
      found = true;
      break;
    }
    if (!found) {
      throw UserError(fmt::format("'{}' is not one of the removed {}s", *answer, kind_name(kind)));
    }
  }
  for (const auto& [scope, candidates] : removed_by_scope) {
    for (std::size_t i : candidates) matching.dropped.push_back(i);
  }
  std::sort(matching.dropped.begin(), matching.dropped.end());
  return matching;
}

}  // namespace flick::diff
