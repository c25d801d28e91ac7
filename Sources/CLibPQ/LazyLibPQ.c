// libpq loaded on first use (see include/CLibPQ.h): every function of the header is defined here with libpq's own
// name and signature and forwards to libpq's function, looked up once by `dlsym`. The binary has no dynamic symbol
// table of its own (nothing here is exported), so libpq's calls among its own functions never reach these.
#include "CLibPQ.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The library's file name (a -D may name another, to try the error path).
#ifndef ILSON_LIBPQ_NAME
#if defined(__APPLE__)
#define ILSON_LIBPQ_NAME "libpq.5.dylib"
#else
#define ILSON_LIBPQ_NAME "libpq.so.5"
#endif
#endif

// X(return type, name, (parameters), (arguments)) for every function of the header.
#define ILSON_LIBPQ_FUNCTIONS(X)                                                                                       \
    X(PGconn *, PQconnectdbParams, (const char *const *k, const char *const *v, int e), (k, v, e))                   \
    X(void, PQfinish, (PGconn * c), (c))                                                                               \
    X(ConnStatusType, PQstatus, (const PGconn *c), (c))                                                                \
    X(PGTransactionStatusType, PQtransactionStatus, (const PGconn *c), (c))                                            \
    X(const char *, PQparameterStatus, (const PGconn *c, const char *p), (c, p))                                       \
    X(int, PQserverVersion, (const PGconn *c), (c))                                                                    \
    X(char *, PQerrorMessage, (const PGconn *c), (c))                                                                  \
    X(char *, PQdb, (const PGconn *c), (c))                                                                            \
    X(char *, PQuser, (const PGconn *c), (c))                                                                          \
    X(char *, PQhost, (const PGconn *c), (c))                                                                          \
    X(char *, PQport, (const PGconn *c), (c))                                                                          \
    X(int, PQlibVersion, (void), ())                                                                                   \
    X(PQconninfoOption *, PQconninfoParse, (const char *s, char **e), (s, e))                                          \
    X(void, PQconninfoFree, (PQconninfoOption * o), (o))                                                               \
    X(PQnoticeReceiver, PQsetNoticeReceiver, (PGconn * c, PQnoticeReceiver r, void *a), (c, r, a))                     \
    X(PGresult *, PQexec, (PGconn * c, const char *q), (c, q))                                                         \
    X(PGresult *, PQexecParams,                                                                                        \
        (PGconn * c, const char *q, int n, const Oid *t, const char *const *v, const int *l, const int *f, int r),     \
        (c, q, n, t, v, l, f, r))                                                                                      \
    X(PGresult *, PQgetResult, (PGconn * c), (c))                                                                      \
    X(int, PQconsumeInput, (PGconn * c), (c))                                                                          \
    X(int, PQputCopyData, (PGconn * c, const char *b, int n), (c, b, n))                                               \
    X(int, PQputCopyEnd, (PGconn * c, const char *e), (c, e))                                                          \
    X(ExecStatusType, PQresultStatus, (const PGresult *r), (r))                                                        \
    X(char *, PQresultErrorMessage, (const PGresult *r), (r))                                                          \
    X(char *, PQresultErrorField, (const PGresult *r, int f), (r, f))                                                  \
    X(int, PQntuples, (const PGresult *r), (r))                                                                        \
    X(int, PQnfields, (const PGresult *r), (r))                                                                        \
    X(char *, PQfname, (const PGresult *r, int f), (r, f))                                                             \
    X(Oid, PQftype, (const PGresult *r, int f), (r, f))                                                                \
    X(char *, PQcmdStatus, (PGresult * r), (r))                                                                        \
    X(char *, PQcmdTuples, (PGresult * r), (r))                                                                        \
    X(char *, PQgetvalue, (const PGresult *r, int t, int f), (r, t, f))                                                \
    X(int, PQgetlength, (const PGresult *r, int t, int f), (r, t, f))                                                  \
    X(int, PQgetisnull, (const PGresult *r, int t, int f), (r, t, f))                                                  \
    X(void, PQclear, (PGresult * r), (r))                                                                              \
    X(void, PQfreemem, (void *p), (p))                                                                                 \
    X(char *, PQencryptPasswordConn, (PGconn * c, const char *p, const char *u, const char *a), (c, p, u, a))

// One pointer per function, filled by `load`.
#define ILSON_POINTER(ret, name, params, args) static ret(*pointer_##name) params;
ILSON_LIBPQ_FUNCTIONS(ILSON_POINTER)

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
/// NULL once libpq is loaded with every function; else why not.
static const char *load_problem = "libpq was not loaded";
static char load_problem_text[512];

/// Opens libpq and looks up every function (once, under `load_once`).
static void load(void)
{
    void *library = dlopen(ILSON_LIBPQ_NAME, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *why = dlerror();
        snprintf(load_problem_text, sizeof load_problem_text,
            "cannot load the PostgreSQL client library %s (%s); install libpq (Debian: libpq5)", ILSON_LIBPQ_NAME,
            why != NULL ? why : "unknown reason");
        load_problem = load_problem_text;
        return;
    }
#define ILSON_LOOKUP(ret, name, params, args)                                                                          \
    pointer_##name = (ret(*) params)dlsym(library, #name);                                                             \
    if (pointer_##name == NULL) {                                                                                      \
        snprintf(load_problem_text, sizeof load_problem_text, "the PostgreSQL client library %s has no %s",            \
            ILSON_LIBPQ_NAME, #name);                                                                                  \
        load_problem = load_problem_text;                                                                              \
        return;                                                                                                        \
    }
    ILSON_LIBPQ_FUNCTIONS(ILSON_LOOKUP)
    load_problem = NULL;
}

const char *ilson_libpq_problem(void)
{
    pthread_once(&load_once, load);
    return load_problem;
}

/// Loads libpq if need be; stops the process with the reason when it cannot be used.
static void require(void)
{
    const char *problem = ilson_libpq_problem();
    if (problem != NULL) {
        fprintf(stderr, "ilson: %s\n", problem);
        exit(70);
    }
}

#define ILSON_FORWARD(ret, name, params, args)                                                                         \
    ret name params                                                                                                    \
    {                                                                                                                  \
        require();                                                                                                     \
        return pointer_##name args;                                                                                    \
    }
ILSON_LIBPQ_FUNCTIONS(ILSON_FORWARD)
