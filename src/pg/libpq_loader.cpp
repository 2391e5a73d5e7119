// libpq, loaded when the first connection is made instead of when a program starts.
//
// libpq pulls in some twenty libraries (OpenSSL, GnuTLS, Kerberos, LDAP, SASL, ...); loading and
// relocating them costs every flick command about 14 ms, which is most of what a `flick generate`
// or `flick check` of a small schema takes, and none of those commands connects. So nothing here
// links libpq: the libpq functions flick calls are defined below as forwarders that load
// libpq.so.5 (dlopen) on first use and call the real function. Code using libpq is written against
// <libpq-fe.h> as usual; only the linking changes. A function missing from the table below fails
// the link ("undefined reference to PQ..."): add it here.
//
// When libpq.so.5 cannot be loaded, the first call throws flick::EnvironmentError naming the
// library and the loader's reason (the CLI's exit code 3).

#include <dlfcn.h>
#include <libpq-fe.h>

#include <string>

#include "flick/error.hpp"
#include "pg/pg.hpp"

namespace {

void* libpq_handle() {
  static void* const handle = [] {
    // Lazy: what libpq and its libraries built without BIND_NOW call is bound on first call,
    // not all at load (about 0.5 ms of the 5 ms load on the reference VM).
    void* loaded = dlopen("libpq.so.5", RTLD_LAZY | RTLD_LOCAL);
    if (loaded == nullptr) {
      const char* reason = dlerror();
      throw flick::EnvironmentError(
          std::string("libpq.so.5 (PostgreSQL's client library, Debian package libpq5) cannot be "
                      "loaded: ") +
          (reason != nullptr ? reason : "unknown reason"));
    }
    return loaded;
  }();
  return handle;
}

template <typename Function>
Function libpq_function(const char* name) {
  void* symbol = dlsym(libpq_handle(), name);
  if (symbol == nullptr) {
    throw flick::EnvironmentError(std::string("libpq.so.5 has no function ") + name +
                                  " (a libpq older than PostgreSQL 14's?)");
  }
  return reinterpret_cast<Function>(symbol);
}

}  // namespace

namespace flick::pg {

void load_libpq() { libpq_handle(); }

}  // namespace flick::pg

// Each forwarder resolves its function once (thread-safe static initialisation).
#define FLICK_LIBPQ_FORWARD(result, name, parameters, arguments)          \
  result name parameters {                                                \
    static const auto real = libpq_function<result(*) parameters>(#name); \
    return real arguments;                                                \
  }

extern "C" {
FLICK_LIBPQ_FORWARD(PGconn*, PQconnectdb, (const char* conninfo), (conninfo))
FLICK_LIBPQ_FORWARD(PGconn*, PQconnectdbParams,
                    (const char* const* keywords, const char* const* values, int expand_dbname),
                    (keywords, values, expand_dbname))
FLICK_LIBPQ_FORWARD(void, PQfinish, (PGconn * conn), (conn))
FLICK_LIBPQ_FORWARD(ConnStatusType, PQstatus, (const PGconn* conn), (conn))
FLICK_LIBPQ_FORWARD(PGTransactionStatusType, PQtransactionStatus, (const PGconn* conn), (conn))
FLICK_LIBPQ_FORWARD(char*, PQerrorMessage, (const PGconn* conn), (conn))
FLICK_LIBPQ_FORWARD(int, PQsocket, (const PGconn* conn), (conn))
FLICK_LIBPQ_FORWARD(int, PQbackendPID, (const PGconn* conn), (conn))
FLICK_LIBPQ_FORWARD(int, PQserverVersion, (const PGconn* conn), (conn))
FLICK_LIBPQ_FORWARD(PQconninfoOption*, PQconninfoParse, (const char* conninfo, char** errmsg),
                    (conninfo, errmsg))
FLICK_LIBPQ_FORWARD(void, PQconninfoFree, (PQconninfoOption * options), (options))
FLICK_LIBPQ_FORWARD(PQnoticeReceiver, PQsetNoticeReceiver,
                    (PGconn * conn, PQnoticeReceiver proc, void* arg), (conn, proc, arg))
FLICK_LIBPQ_FORWARD(PGresult*, PQexec, (PGconn * conn, const char* query), (conn, query))
FLICK_LIBPQ_FORWARD(PGresult*, PQexecParams,
                    (PGconn * conn, const char* command, int n_params, const Oid* types,
                     const char* const* values, const int* lengths, const int* formats,
                     int result_format),
                    (conn, command, n_params, types, values, lengths, formats, result_format))
FLICK_LIBPQ_FORWARD(int, PQsendQuery, (PGconn * conn, const char* query), (conn, query))
FLICK_LIBPQ_FORWARD(int, PQsendQueryParams,
                    (PGconn * conn, const char* command, int n_params, const Oid* types,
                     const char* const* values, const int* lengths, const int* formats,
                     int result_format),
                    (conn, command, n_params, types, values, lengths, formats, result_format))
FLICK_LIBPQ_FORWARD(PGresult*, PQprepare,
                    (PGconn * conn, const char* name, const char* query, int n_params,
                     const Oid* types),
                    (conn, name, query, n_params, types))
FLICK_LIBPQ_FORWARD(PGresult*, PQexecPrepared,
                    (PGconn * conn, const char* name, int n_params, const char* const* values,
                     const int* lengths, const int* formats, int result_format),
                    (conn, name, n_params, values, lengths, formats, result_format))
FLICK_LIBPQ_FORWARD(int, PQsetSingleRowMode, (PGconn * conn), (conn))
FLICK_LIBPQ_FORWARD(PGresult*, PQgetResult, (PGconn * conn), (conn))
FLICK_LIBPQ_FORWARD(int, PQisBusy, (PGconn * conn), (conn))
FLICK_LIBPQ_FORWARD(int, PQconsumeInput, (PGconn * conn), (conn))
FLICK_LIBPQ_FORWARD(int, PQsetnonblocking, (PGconn * conn, int arg), (conn, arg))
FLICK_LIBPQ_FORWARD(int, PQflush, (PGconn * conn), (conn))
FLICK_LIBPQ_FORWARD(int, PQenterPipelineMode, (PGconn * conn), (conn))
FLICK_LIBPQ_FORWARD(int, PQexitPipelineMode, (PGconn * conn), (conn))
FLICK_LIBPQ_FORWARD(int, PQpipelineSync, (PGconn * conn), (conn))
FLICK_LIBPQ_FORWARD(int, PQsendFlushRequest, (PGconn * conn), (conn))
FLICK_LIBPQ_FORWARD(int, PQputCopyData, (PGconn * conn, const char* buffer, int length),
                    (conn, buffer, length))
FLICK_LIBPQ_FORWARD(int, PQputCopyEnd, (PGconn * conn, const char* error_message),
                    (conn, error_message))
FLICK_LIBPQ_FORWARD(int, PQgetCopyData, (PGconn * conn, char** buffer, int async),
                    (conn, buffer, async))
FLICK_LIBPQ_FORWARD(PGnotify*, PQnotifies, (PGconn * conn), (conn))
FLICK_LIBPQ_FORWARD(ExecStatusType, PQresultStatus, (const PGresult* res), (res))
FLICK_LIBPQ_FORWARD(char*, PQresultErrorMessage, (const PGresult* res), (res))
FLICK_LIBPQ_FORWARD(char*, PQresultErrorField, (const PGresult* res, int field), (res, field))
FLICK_LIBPQ_FORWARD(int, PQntuples, (const PGresult* res), (res))
FLICK_LIBPQ_FORWARD(int, PQnfields, (const PGresult* res), (res))
FLICK_LIBPQ_FORWARD(char*, PQfname, (const PGresult* res, int field), (res, field))
FLICK_LIBPQ_FORWARD(char*, PQgetvalue, (const PGresult* res, int row, int field), (res, row, field))
FLICK_LIBPQ_FORWARD(int, PQgetisnull, (const PGresult* res, int row, int field), (res, row, field))
FLICK_LIBPQ_FORWARD(int, PQgetlength, (const PGresult* res, int row, int field), (res, row, field))
FLICK_LIBPQ_FORWARD(char*, PQcmdStatus, (PGresult * res), (res))
FLICK_LIBPQ_FORWARD(char*, PQcmdTuples, (PGresult * res), (res))
FLICK_LIBPQ_FORWARD(void, PQclear, (PGresult * res), (res))
FLICK_LIBPQ_FORWARD(void, PQfreemem, (void* ptr), (ptr))
FLICK_LIBPQ_FORWARD(char*, PQescapeLiteral, (PGconn * conn, const char* text, size_t length),
                    (conn, text, length))
FLICK_LIBPQ_FORWARD(char*, PQescapeIdentifier, (PGconn * conn, const char* text, size_t length),
                    (conn, text, length))
}
