#include "docs/routine_facts.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace flick::docs {
namespace {

constexpr std::size_t npos = std::string::npos;

// The end of the '...' literal or "..." identifier starting at text[start] (one past the closing
// quote; a doubled quote stays inside); npos when it does not close.
std::size_t skip_quoted(std::string_view text, std::size_t start) {
  char quote = text[start];
  for (std::size_t i = start + 1; i < text.size(); ++i) {
    if (text[i] != quote) continue;
    if (i + 1 < text.size() && text[i + 1] == quote) {
      ++i;
      continue;
    }
    return i + 1;
  }
  return npos;
}

// The ')' matching the '(' at text[open], quotes skipped; npos when unbalanced.
std::size_t closing_paren(std::string_view text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size();) {
    char c = text[i];
    if (c == '\'' || c == '"') {
      i = skip_quoted(text, i);
      if (i == npos) return npos;
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) return i;
    ++i;
  }
  return npos;
}

// The first `needle` at or after `from` outside quotes; npos when none.
std::size_t find_outside_quotes(std::string_view text, std::string_view needle, std::size_t from) {
  for (std::size_t i = from; i < text.size();) {
    if (text.compare(i, needle.size(), needle) == 0) return i;
    if (text[i] == '\'' || text[i] == '"') {
      i = skip_quoted(text, i);
      if (i == npos) return npos;
      continue;
    }
    ++i;
  }
  return npos;
}

// The word at text[pos] up to the next space (or the end).
std::string word_at(std::string_view text, std::size_t pos) {
  std::size_t end = text.find(' ', pos);
  return std::string(text.substr(pos, end == npos ? npos : end - pos));
}

bool starts_at(std::string_view text, std::size_t pos, std::string_view prefix) {
  return text.compare(pos, prefix.size(), prefix) == 0;
}

bool is_option_key(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(),
                                     [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

// "AGGREGATE(<argument types>) key=value key=value ...": a value runs up to the next " key=".
void parse_aggregate(const model::Function& function, RoutineFacts& facts) {
  std::string_view canonical = function.canonical;
  constexpr std::string_view kPrefix = "AGGREGATE(";
  if (!canonical.starts_with(kPrefix)) return;
  std::size_t close = closing_paren(canonical, kPrefix.size() - 1);
  if (close == npos) return;
  facts.parameters = std::string(canonical.substr(kPrefix.size(), close - kPrefix.size()));
  std::size_t pos = close + 1;
  while (pos < canonical.size()) {
    if (canonical[pos] != ' ') return;
    ++pos;
    std::size_t end = canonical.find(' ', pos);
    std::string_view token = canonical.substr(pos, end == npos ? npos : end - pos);
    std::size_t equals = token.find('=');
    if (equals != npos && is_option_key(token.substr(0, equals))) {
      facts.aggregate_options.emplace_back(std::string(token.substr(0, equals)),
                                           std::string(token.substr(equals + 1)));
    } else if (!facts.aggregate_options.empty()) {
      facts.aggregate_options.back().second += " " + std::string(token);
    } else {
      return;
    }
    pos = end == npos ? canonical.size() : end;
  }
  facts.parsed = true;
}

}  // namespace

RoutineFacts routine_facts(const model::Function& function) {
  RoutineFacts facts;
  if (function.aggregate) {
    parse_aggregate(function, facts);
    return facts;
  }
  std::string_view canonical = function.canonical;
  std::string_view prefix = function.procedure ? "PROCEDURE(" : "FUNCTION(";
  if (!canonical.starts_with(prefix)) return facts;
  std::size_t close = closing_paren(canonical, prefix.size() - 1);
  if (close == npos) return facts;
  facts.parameters = std::string(canonical.substr(prefix.size(), close - prefix.size()));
  std::string expected = function.returns.empty() ? "" : " RETURNS " + function.returns;
  expected += " LANGUAGE " + function.language;
  std::size_t pos = close + 1;
  if (!starts_at(canonical, pos, expected)) return facts;
  pos += expected.size();
  // The options in the order ddl writes them; the first other word starts the body.
  while (pos < canonical.size() && canonical[pos] == ' ') {
    ++pos;
    if (starts_at(canonical, pos, "WINDOW")) {
      facts.window = true;
    } else if (starts_at(canonical, pos, "immutable ") || starts_at(canonical, pos, "stable ")) {
      facts.volatility = word_at(canonical, pos);
    } else if (starts_at(canonical, pos, "STRICT")) {
      facts.strict = true;
    } else if (starts_at(canonical, pos, "SECURITY DEFINER")) {
      facts.security_definer = true;
      pos += std::string_view("SECURITY ").size();
    } else if (starts_at(canonical, pos, "LEAKPROOF")) {
      facts.leakproof = true;
    } else if (starts_at(canonical, pos, "PARALLEL ") || starts_at(canonical, pos, "COST ") ||
               starts_at(canonical, pos, "ROWS ") || starts_at(canonical, pos, "SUPPORT ")) {
      std::string key = word_at(canonical, pos);
      pos += key.size() + 1;
      std::string value = word_at(canonical, pos);
      if (key == "PARALLEL") facts.parallel = value;
      if (key == "COST") facts.cost = value;
      if (key == "ROWS") facts.rows = value;
      if (key == "SUPPORT") facts.support = value;
    } else if (starts_at(canonical, pos, "SET ")) {
      // A setting runs up to the next setting or the body.
      std::size_t end = canonical.size();
      for (std::string_view next : {" SET ", " AS ", " begin atomic", " create "}) {
        end = std::min(end, find_outside_quotes(canonical, next, pos));
      }
      facts.settings.emplace_back(canonical.substr(pos, end - pos));
      pos = end;
      continue;
    } else {
      break;  // the body
    }
    std::size_t space = canonical.find(' ', pos);
    pos = space == npos ? canonical.size() : space;
  }
  facts.parsed = true;
  return facts;
}

TriggerFacts trigger_facts(const model::Trigger& trigger) {
  TriggerFacts facts;
  std::string_view text = trigger.canonical;
  std::size_t pos = 0;
  if (text.starts_with("CREATE CONSTRAINT TRIGGER trigger ")) {
    facts.constraint = true;
    pos = std::string_view("CREATE CONSTRAINT TRIGGER trigger ").size();
  } else if (text.starts_with("CREATE TRIGGER trigger ")) {
    pos = std::string_view("CREATE TRIGGER trigger ").size();
  } else {
    return facts;
  }
  for (std::string_view timing : {"BEFORE ", "AFTER ", "INSTEAD OF "}) {
    if (starts_at(text, pos, timing)) {
      facts.timing = std::string(timing.substr(0, timing.size() - 1));
      pos += timing.size();
      break;
    }
  }
  if (facts.timing.empty()) return facts;
  std::size_t on = find_outside_quotes(text, " ON t ", pos);
  if (on == npos) return facts;
  facts.events = std::string(text.substr(pos, on - pos));
  pos = on + std::string_view(" ON t ").size();
  // Up to WHEN or EXECUTE: REFERENCING ..., FROM / DEFERRABLE ... (constraint triggers), FOR
  // EACH ROW (FOR EACH STATEMENT is left out, it is the default).
  std::size_t when = find_outside_quotes(text, "WHEN (", pos);
  std::size_t execute = find_outside_quotes(text, "EXECUTE FUNCTION ", pos);
  if (execute == npos) return facts;
  std::size_t head_end = std::min(when, execute);
  std::string head(text.substr(pos, head_end - pos));
  while (!head.empty() && head.back() == ' ') head.pop_back();
  constexpr std::string_view kRow = "FOR EACH ROW";
  if (head.ends_with(kRow)) {
    facts.for_each_row = true;
    head.resize(head.size() - kRow.size());
    while (!head.empty() && head.back() == ' ') head.pop_back();
  }
  if (head.starts_with("REFERENCING ")) {
    // Transition tables come last among the options PostgreSQL allows before the level.
    facts.referencing = head.substr(std::string_view("REFERENCING ").size());
  } else {
    std::size_t referencing = head.find(" REFERENCING ");
    if (referencing != npos) {
      facts.referencing = head.substr(referencing + std::string_view(" REFERENCING ").size());
      head.resize(referencing);
    }
    facts.options = head;
  }
  if (when < execute) {
    std::size_t open = when + std::string_view("WHEN ").size();
    std::size_t close = closing_paren(text, open);
    if (close == npos) return facts;
    facts.when = std::string(text.substr(open + 1, close - open - 1));
    execute = find_outside_quotes(text, "EXECUTE FUNCTION ", close);
    if (execute == npos) return facts;
  }
  pos = execute + std::string_view("EXECUTE FUNCTION ").size();
  // [schema.]name(arguments), names quoted where they need it.
  std::vector<std::string> names;
  while (pos < text.size() && text[pos] != '(') {
    std::string name;
    if (text[pos] == '"') {
      std::size_t end = skip_quoted(text, pos);
      if (end == npos) return facts;
      for (std::size_t i = pos + 1; i + 1 < end; ++i) {
        name += text[i];
        if (text[i] == '"') ++i;
      }
      pos = end;
    } else {
      while (pos < text.size() && text[pos] != '.' && text[pos] != '(') name += text[pos++];
    }
    names.push_back(name);
    if (pos < text.size() && text[pos] == '.') ++pos;
  }
  std::size_t close = pos < text.size() ? closing_paren(text, pos) : npos;
  if (names.empty() || names.size() > 2 || close == npos || close + 1 != text.size()) return facts;
  facts.function_name = names.back();
  facts.function_schema = names.size() == 2 ? names[0] : std::string(model::kDefaultSchema);
  facts.function_arguments = std::string(text.substr(pos + 1, close - pos - 1));
  facts.parsed = true;
  return facts;
}

bool calls_routine(const std::string& sql, const std::string& schema, const std::string& name) {
  std::string_view text = sql;
  std::string previous;  // the identifier before a '.', else ""
  bool after_dot = false;
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    std::string identifier;
    if (c == '\'') {
      std::size_t end = skip_quoted(text, i);
      i = end == npos ? text.size() : end;
      after_dot = false;
      continue;
    }
    if (c == '"') {
      std::size_t end = skip_quoted(text, i);
      if (end == npos) return false;
      for (std::size_t j = i + 1; j + 1 < end; ++j) {
        identifier += text[j];
        if (text[j] == '"') ++j;
      }
      i = end;
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
               static_cast<unsigned char>(c) >= 0x80) {
      while (i < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_' ||
              text[i] == '$' || static_cast<unsigned char>(text[i]) >= 0x80)) {
        identifier += text[i++];
      }
    } else {
      if (c != '.') after_dot = false;
      if (c == '.' && !previous.empty()) after_dot = true;
      if (c != '.') previous.clear();
      ++i;
      continue;
    }
    std::string qualifier = after_dot ? previous : "";
    if (i < text.size() && text[i] == '(' && identifier == name &&
        (qualifier.empty() || qualifier == schema)) {
      return true;
    }
    previous = identifier;
    after_dot = false;
  }
  return false;
}

}  // namespace flick::docs
