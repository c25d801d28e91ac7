// libcurl by `dlopen` (see include/CCurl.h). libcurl's headers are not needed: the few functions and option numbers
// used are declared here with the values of curl.h, which libcurl keeps stable (CURLOPTTYPE_LONG 0,
// CURLOPTTYPE_OBJECTPOINT 10000, CURLOPTTYPE_FUNCTIONPOINT 20000, CURLOPTTYPE_OFF_T 30000).
#include "CCurl.h"

#include <ctype.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

// The library's file name (a -D may name another, to try the error path).
#ifndef ILSON_CURL_NAME
#if defined(__APPLE__)
#define ILSON_CURL_NAME "libcurl.4.dylib"
#else
#define ILSON_CURL_NAME "libcurl.so.4"
#endif
#endif

enum
{
    OPT_WRITEDATA = 10001,
    OPT_URL = 10002,
    OPT_POSTFIELDS = 10015,
    OPT_HTTPHEADER = 10023,
    OPT_HEADERDATA = 10029,
    OPT_WRITEFUNCTION = 20011,
    OPT_HEADERFUNCTION = 20079,
    OPT_POSTFIELDSIZE_LARGE = 30120,
    OPT_POST = 47,
    OPT_FOLLOWLOCATION = 52,
    OPT_HTTPGET = 80,
    OPT_NOSIGNAL = 99,
    OPT_TIMEOUT_MS = 155,
    OPT_CONNECTTIMEOUT_MS = 156,
    OPT_PROTOCOLS = 181,
    INFO_RESPONSE_CODE = 0x200000 + 2,
    PROTO_HTTP_HTTPS = 1 | 2,
    GLOBAL_ALL = 3,
    WRITE_ERROR = 23,
};

/// The largest body kept (larger answers end the exchange with CURLE_WRITE_ERROR): the contract's are small.
static const size_t body_limit = 8u << 20;

struct slist;
static int (*curl_global_init_p)(long);
static void *(*curl_easy_init_p)(void);
static void (*curl_easy_cleanup_p)(void *);
static void (*curl_easy_reset_p)(void *);
static int (*curl_easy_setopt_p)(void *, int, ...);
static int (*curl_easy_getinfo_p)(void *, int, ...);
static int (*curl_easy_perform_p)(void *);
static struct slist *(*curl_slist_append_p)(struct slist *, const char *);
static void (*curl_slist_free_all_p)(struct slist *);

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
/// NULL once libcurl is loaded and initialised; else why not.
static const char *load_problem = "libcurl was not loaded";
static char load_problem_text[512];

#define LOOKUP(library, name)                                                                                          \
    name##_p = (__typeof__(name##_p))dlsym(library, #name);                                                            \
    if (name##_p == NULL) {                                                                                            \
        snprintf(load_problem_text, sizeof load_problem_text, "%s has no %s", ILSON_CURL_NAME, #name);                 \
        load_problem = load_problem_text;                                                                              \
        return;                                                                                                        \
    }

/// Opens libcurl, looks up its functions and initialises it (once, under `load_once`).
static void load(void)
{
    void *library = dlopen(ILSON_CURL_NAME, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *why = dlerror();
        snprintf(load_problem_text, sizeof load_problem_text,
            "cannot load the HTTP client library %s (%s); install libcurl (Debian: libcurl4)", ILSON_CURL_NAME,
            why != NULL ? why : "unknown reason");
        load_problem = load_problem_text;
        return;
    }
    LOOKUP(library, curl_global_init)
    LOOKUP(library, curl_easy_init)
    LOOKUP(library, curl_easy_cleanup)
    LOOKUP(library, curl_easy_reset)
    LOOKUP(library, curl_easy_setopt)
    LOOKUP(library, curl_easy_getinfo)
    LOOKUP(library, curl_easy_perform)
    LOOKUP(library, curl_slist_append)
    LOOKUP(library, curl_slist_free_all)
    if (curl_global_init_p(GLOBAL_ALL) != 0) {
        load_problem = "curl_global_init failed";
        return;
    }
    load_problem = NULL;
}

const char *ilson_curl_problem(void)
{
    pthread_once(&load_once, load);
    return load_problem;
}

void *ilson_curl_handle_new(void)
{
    return ilson_curl_problem() == NULL ? curl_easy_init_p() : NULL;
}

void ilson_curl_handle_free(void *handle)
{
    if (handle != NULL && ilson_curl_problem() == NULL) curl_easy_cleanup_p(handle);
}

/// CURLOPT_WRITEFUNCTION: appends to the answer's body, up to `body_limit`.
static size_t write_body(char *data, size_t size, size_t count, void *context)
{
    ilson_http_answer *answer = context;
    size_t length = size * count;
    if (length > body_limit - answer->body_length) return 0;
    unsigned char *grown = realloc(answer->body, answer->body_length + length + 1);
    if (grown == NULL) return 0;
    memcpy(grown + answer->body_length, data, length);
    answer->body = grown;
    answer->body_length += length;
    return length;
}

/// CURLOPT_HEADERFUNCTION: keeps the last response's `Retry-After` (a status line starts a response afresh).
static size_t read_header(char *data, size_t size, size_t count, void *context)
{
    ilson_http_answer *answer = context;
    size_t length = size * count;
    static const char name[] = "retry-after:";
    if (length >= 5 && memcmp(data, "HTTP/", 5) == 0) {
        answer->retry_after[0] = 0;
    } else if (length >= sizeof name - 1 && strncasecmp(data, name, sizeof name - 1) == 0) {
        size_t start = sizeof name - 1, end = length;
        while (start < end && isspace((unsigned char)data[start])) start++;
        while (end > start && isspace((unsigned char)data[end - 1])) end--;
        size_t kept = end - start < sizeof answer->retry_after - 1 ? end - start : sizeof answer->retry_after - 1;
        memcpy(answer->retry_after, data + start, kept);
        answer->retry_after[kept] = 0;
    }
    return length;
}

void ilson_http_exchange(
    void *handle, const char *url, const char *const *headers, int header_count, const unsigned char *body,
    size_t body_length, long timeout_ms, ilson_http_answer *answer)
{
    memset(answer, 0, sizeof *answer);
    struct slist *list = NULL;
    for (int i = 0; i < header_count; i++) {
        struct slist *longer = curl_slist_append_p(list, headers[i]);
        if (longer == NULL) {
            curl_slist_free_all_p(list);
            answer->error = 27;  // CURLE_OUT_OF_MEMORY
            return;
        }
        list = longer;
    }
    // Reset keeps the handle's open connections and caches; every option is set again below.
    curl_easy_reset_p(handle);
    curl_easy_setopt_p(handle, OPT_URL, url);
    curl_easy_setopt_p(handle, OPT_PROTOCOLS, (long)PROTO_HTTP_HTTPS);
    curl_easy_setopt_p(handle, OPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt_p(handle, OPT_NOSIGNAL, 1L);
    curl_easy_setopt_p(handle, OPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt_p(handle, OPT_CONNECTTIMEOUT_MS, timeout_ms);
    curl_easy_setopt_p(handle, OPT_HTTPHEADER, list);
    curl_easy_setopt_p(handle, OPT_WRITEFUNCTION, write_body);
    curl_easy_setopt_p(handle, OPT_WRITEDATA, (void *)answer);
    curl_easy_setopt_p(handle, OPT_HEADERFUNCTION, read_header);
    curl_easy_setopt_p(handle, OPT_HEADERDATA, (void *)answer);
    if (body != NULL) {
        curl_easy_setopt_p(handle, OPT_POST, 1L);
        curl_easy_setopt_p(handle, OPT_POSTFIELDSIZE_LARGE, (int64_t)body_length);
        curl_easy_setopt_p(handle, OPT_POSTFIELDS, (const void *)body);
    } else {
        curl_easy_setopt_p(handle, OPT_HTTPGET, 1L);
    }
    answer->error = curl_easy_perform_p(handle);
    long status = 0;
    if (curl_easy_getinfo_p(handle, INFO_RESPONSE_CODE, &status) == 0) answer->status = status;
    curl_easy_setopt_p(handle, OPT_HTTPHEADER, (void *)NULL);
    curl_slist_free_all_p(list);
}

void ilson_http_answer_free(ilson_http_answer *answer)
{
    free(answer->body);
    answer->body = NULL;
    answer->body_length = 0;
}
