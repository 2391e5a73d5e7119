#include "pg/conninfo.hpp"

#include <libpq-fe.h>

#include <cstring>

namespace flick::pg {

std::optional<ConnectionTarget> connection_target(const std::string& url_or_conninfo) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url_or_conninfo.c_str(), &error);
  if (error != nullptr) PQfreemem(error);
  if (options == nullptr) return std::nullopt;
  ConnectionTarget target;
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    if (std::strcmp(option->keyword, "host") == 0) target.host = option->val;
    if (std::strcmp(option->keyword, "hostaddr") == 0 && target.host.empty()) {
      target.host = option->val;
    }
    if (std::strcmp(option->keyword, "port") == 0) target.port = option->val;
    if (std::strcmp(option->keyword, "dbname") == 0) target.dbname = option->val;
  }
  PQconninfoFree(options);
  return target;
}

}  // namespace flick::pg
