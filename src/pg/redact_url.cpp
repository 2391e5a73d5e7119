#include <cctype>

#include "pg/pg.hpp"

namespace flick::pg {

namespace {

constexpr std::string_view kMask = "***";

bool is_url(std::string_view text) {
  return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

// "scheme://user:password@host..." -> "scheme://user:***@host...".
std::string redact_userinfo(std::string_view url) {
  std::size_t authority = url.find("://") + 3;
  std::size_t authority_end = url.find_first_of("/?#", authority);
  if (authority_end == std::string_view::npos) authority_end = url.size();
  std::size_t at = url.rfind('@', authority_end);
  if (at == std::string_view::npos || at < authority) return std::string(url);
  std::size_t colon = url.find(':', authority);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + std::string(kMask) + std::string(url.substr(at));
}

// "...?a=1&password=secret&b=2" -> "...?a=1&password=***&b=2".
std::string redact_query_parameter(std::string url) {
  std::size_t query = url.find('?');
  while (query != std::string::npos) {
    std::size_t key = query + 1;
    if (url.compare(key, 9, "password=") == 0) {
      std::size_t value = key + 9;
      std::size_t end = url.find('&', value);
      if (end == std::string::npos) end = url.size();
      url.replace(value, end - value, kMask);
    }
    query = url.find('&', key);
  }
  return url;
}

// Every "scheme://user:password@" in free text, whatever the scheme's spelling.
std::string redact_userinfo_in_text(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (true) {
    std::size_t scheme_end = text.find("://", i);
    if (scheme_end == std::string_view::npos) break;
    std::size_t start = scheme_end + 3;
    std::size_t stop = start;
    while (stop < text.size() && text[stop] != '@' && text[stop] != '/' && text[stop] != '"' &&
           text[stop] != '\'' && !std::isspace(static_cast<unsigned char>(text[stop]))) {
      ++stop;
    }
    std::size_t colon = text.find(':', start);
    if (stop < text.size() && text[stop] == '@' && colon != std::string_view::npos &&
        colon < stop) {
      out.append(text.substr(i, colon + 1 - i));
      out.append(kMask);
      i = stop;
    } else {
      out.append(text.substr(i, start - i));
      i = start;
    }
  }
  out.append(text.substr(i));
  return out;
}

// "host=h password='se cret' dbname=d" -> "host=h password=*** dbname=d".
std::string redact_conninfo(std::string_view conninfo) {
  std::string out;
  std::size_t i = 0;
  while (i < conninfo.size()) {
    std::size_t found = conninfo.find("password", i);
    if (found == std::string_view::npos) break;
    // A key starts the text, follows a space, or follows '=' or a quote (a flag's
    // `--url=password=...` echoed by a parser).
    bool at_key_start =
        found == 0 || std::isspace(static_cast<unsigned char>(conninfo[found - 1])) ||
        conninfo[found - 1] == '=' || conninfo[found - 1] == '"' || conninfo[found - 1] == '\'';
    std::size_t after = found + 8;
    while (after < conninfo.size() && std::isspace(static_cast<unsigned char>(conninfo[after]))) {
      ++after;
    }
    if (!at_key_start || after >= conninfo.size() || conninfo[after] != '=') {
      out.append(conninfo.substr(i, found + 8 - i));
      i = found + 8;
      continue;
    }
    std::size_t value = after + 1;
    while (value < conninfo.size() && std::isspace(static_cast<unsigned char>(conninfo[value]))) {
      ++value;
    }
    std::size_t end = value;
    if (end < conninfo.size() && conninfo[end] == '\'') {
      ++end;
      while (end < conninfo.size() && conninfo[end] != '\'') end += conninfo[end] == '\\' ? 2 : 1;
      end = std::min(end + 1, conninfo.size());
    } else {
      while (end < conninfo.size() && !std::isspace(static_cast<unsigned char>(conninfo[end]))) {
        end += conninfo[end] == '\\' ? 2 : 1;
      }
      end = std::min(end, conninfo.size());
    }
    out.append(conninfo.substr(i, value - i));
    out.append(kMask);
    i = end;
  }
  out.append(conninfo.substr(std::min(i, conninfo.size())));
  return out;
}

// Every "...:secret@host" in free text, whatever comes before it (a misspelt "postgresql:/u:"
// scheme, a bare "u:secret@host"): in each word (delimited by spaces and quotes) with an '@',
// what lies between the last ':' before the last '@' and that '@'.
std::string redact_userinfo_in_words(std::string text) {
  std::size_t start = 0;
  auto is_delimiter = [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) || c == '"' || c == '\'';
  };
  while (start < text.size()) {
    while (start < text.size() && is_delimiter(text[start])) ++start;
    std::size_t end = start;
    while (end < text.size() && !is_delimiter(text[end])) ++end;
    std::string_view word(text.data() + start, end - start);
    std::size_t at = word.rfind('@');
    if (at != std::string_view::npos) {
      std::size_t colon = word.rfind(':', at);
      // A ':' followed by "//" ends a scheme ("postgresql://user@host"): no password.
      if (colon != std::string_view::npos && colon + 1 < at && word.substr(colon + 1, 2) != "//" &&
          word.substr(colon + 1, at - colon - 1) != kMask) {
        text.replace(start + colon + 1, at - colon - 1, kMask);
        end = start + colon + 1 + kMask.size() + (word.size() - at);
      }
    }
    start = end;
  }
  return text;
}

// The password written in `url_or_conninfo` (after the last ':' before the last '@'), or "".
std::string password_in(std::string_view url_or_conninfo) {
  std::size_t at = url_or_conninfo.rfind('@');
  if (at == std::string_view::npos) return "";
  std::size_t colon = url_or_conninfo.rfind(':', at);
  if (colon == std::string_view::npos || colon + 1 >= at) return "";
  if (url_or_conninfo.substr(colon + 1, 2) == "//") return "";  // the scheme's ':', no password
  return std::string(url_or_conninfo.substr(colon + 1, at - colon - 1));
}

}  // namespace

std::string redact_secret_of(std::string_view text, std::string_view url_or_conninfo) {
  std::string out = redact_text(text);
  std::string password = password_in(url_or_conninfo);
  if (password.size() < 2) return out;
  for (std::size_t at = out.find(password); at != std::string::npos;
       at = out.find(password, at + kMask.size())) {
    out.replace(at, password.size(), kMask);
  }
  return out;
}

std::string redact_url(std::string_view url) {
  if (is_url(url)) return redact_query_parameter(redact_userinfo(url));
  return redact_conninfo(url);
}

std::string redact_text(std::string_view text) {
  return redact_conninfo(
      redact_userinfo_in_words(redact_query_parameter(redact_userinfo_in_text(text))));
}

}  // namespace flick::pg
