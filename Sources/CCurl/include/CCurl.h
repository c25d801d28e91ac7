// One HTTP exchange over libcurl, which is loaded by `dlopen` on first use (Exchange.c): the binary does not link
// libcurl (nor Foundation's URLSession, which would load it with ~30 libraries at every start), so commands that send
// no message never load it. Only the runtime library is needed (Debian: libcurl4), not its development package.
#ifndef ILSON_CCURL_H
#define ILSON_CCURL_H

#include <stddef.h>

/// The answer to one exchange.
typedef struct ilson_http_answer
{
    /// The HTTP status of the last response, 0 when there was none.
    long status;
    /// libcurl's result code (`CURLcode`): 0 when the exchange completed, whatever its status.
    int error;
    /// The response body (malloc'd; free with `ilson_http_answer_free`), NULL when empty.
    unsigned char *body;
    size_t body_length;
    /// The last response's `Retry-After` value, trimmed; empty when there was none.
    char retry_after[64];
} ilson_http_answer;

/// Why libcurl cannot be used, or NULL when it is loaded. Loads it (and runs `curl_global_init`) on the first call;
/// thread-safe. The functions below must not be called while this returns a reason.
const char *ilson_curl_problem(void);

/// A new easy handle (its connections stay open between exchanges), NULL when libcurl has no memory.
void *ilson_curl_handle_new(void);

/// Closes a handle and its connections.
void ilson_curl_handle_free(void *handle);

/// One request on `handle` (used by one thread at a time): `GET url`, or `POST url` with `body` when `body` is not
/// NULL; `headers` as `Name: value` lines; the whole exchange bounded by `timeout_ms`; redirects never followed;
/// http and https only. Fills `answer` (free its body with `ilson_http_answer_free`).
void ilson_http_exchange(
    void *handle, const char *url, const char *const *headers, int header_count, const unsigned char *body,
    size_t body_length, long timeout_ms, ilson_http_answer *answer);

/// Frees the answer's body.
void ilson_http_answer_free(ilson_http_answer *answer);

#endif
