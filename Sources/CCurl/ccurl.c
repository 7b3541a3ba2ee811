// libcurl, loaded when the first request is made rather than when arshjul
// starts: linking it (directly or through FoundationNetworking) makes the
// dynamic loader map and relocate curl and its thirty libraries for every
// command, about 6 ms of each start, though only `sync` speaks HTTP.
// The option numbers below are libcurl's stable ABI (curl/curl.h: CURLOPT_*
// = type base + number); they have not changed since libcurl 7.x.

#include "ccurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum {
  OPT_WRITEDATA = 10001,
  OPT_URL = 10002,
  OPT_ERRORBUFFER = 10010,
  OPT_LOW_SPEED_LIMIT = 19,
  OPT_LOW_SPEED_TIME = 20,
  OPT_POSTFIELDS = 10015,
  OPT_HTTPHEADER = 10023,
  OPT_HEADERDATA = 10029,
  OPT_CUSTOMREQUEST = 10036,
  OPT_FOLLOWLOCATION = 52,
  OPT_HTTPAUTH = 107,
  OPT_USERNAME = 10173,
  OPT_PASSWORD = 10174,
  OPT_MAXREDIRS = 68,
  OPT_CONNECTTIMEOUT = 78,
  OPT_HTTPGET = 80,
  OPT_NOSIGNAL = 99,
  OPT_PROTOCOLS = 181,
  OPT_REDIR_PROTOCOLS = 182,
  OPT_WRITEFUNCTION = 20011,
  OPT_HEADERFUNCTION = 20079,
  OPT_POSTFIELDSIZE_LARGE = 30120,
  INFO_RESPONSE_CODE = 0x200000 + 2,
  AUTH_BASIC = 1,
  AUTH_DIGEST = 2,
  PROTO_HTTP_HTTPS = 1 | 2,
  GLOBAL_ALL = 3,
  E_COULDNT_RESOLVE_HOST = 6,
  E_COULDNT_CONNECT = 7,
  E_OPERATION_TIMEDOUT = 28,
  E_SSL_CONNECT_ERROR = 35,
  E_SSL_CERTPROBLEM = 58,
  E_PEER_FAILED_VERIFICATION = 60,
  E_SSL_CACERT_BADFILE = 77,
};

struct slist;
typedef size_t (*sink_fn)(char *, size_t, size_t, void *);

// curl_easy_setopt and curl_easy_getinfo are variadic and are called as
// such, so each argument (long, pointer, curl_off_t) goes as the ABI wants.
static struct {
  int (*global_init)(long);
  void *(*easy_init)(void);
  void (*easy_cleanup)(void *);
  int (*easy_perform)(void *);
  int (*setopt)(void *, int, ...);
  int (*getinfo)(void *, int, ...);
  const char *(*easy_strerror)(int);
  struct slist *(*slist_append)(struct slist *, const char *);
  void (*slist_free_all)(struct slist *);
} curl;

static pthread_once_t loaded = PTHREAD_ONCE_INIT;
static int available = 0;
static char load_error[256];

static void load(void) {
#ifdef __APPLE__
  void *lib = dlopen("/usr/lib/libcurl.4.dylib", RTLD_NOW | RTLD_LOCAL);
  if (!lib) lib = dlopen("libcurl.dylib", RTLD_NOW | RTLD_LOCAL);
#else
  void *lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!lib) lib = dlopen("libcurl.so", RTLD_NOW | RTLD_LOCAL);
#endif
  if (!lib) {
    const char *e = dlerror();
    strncpy(load_error, e ? e : "libcurl.so.4 not found", sizeof load_error - 1);
    return;
  }
#define FIND(field, name)                                         \
  *(void **)&curl.field = dlsym(lib, name);                       \
  if (!curl.field) {                                              \
    strncpy(load_error, "libcurl lacks " name, sizeof load_error - 1); \
    return;                                                       \
  }
  FIND(global_init, "curl_global_init");
  FIND(easy_init, "curl_easy_init");
  FIND(easy_cleanup, "curl_easy_cleanup");
  FIND(easy_perform, "curl_easy_perform");
  FIND(setopt, "curl_easy_setopt");
  FIND(getinfo, "curl_easy_getinfo");
  FIND(easy_strerror, "curl_easy_strerror");
  FIND(slist_append, "curl_slist_append");
  FIND(slist_free_all, "curl_slist_free_all");
#undef FIND
  // Not thread-safe in older libcurl, hence inside pthread_once.
  if (curl.global_init(GLOBAL_ALL) != 0) {
    strncpy(load_error, "curl_global_init failed", sizeof load_error - 1);
    return;
  }
  available = 1;
}

static const char *ccurl_load_error(void) {
  pthread_once(&loaded, load);
  return available ? NULL : load_error;
}

void *ccurl_connection_new(void) {
  pthread_once(&loaded, load);
  return available ? curl.easy_init() : NULL;
}

void ccurl_connection_free(void *connection) {
  if (connection && available) curl.easy_cleanup(connection);
}

struct buffer {
  unsigned char *bytes;
  size_t length, capacity;
  int failed;
};

static size_t take_body(char *data, size_t size, size_t count, void *context) {
  struct buffer *b = context;
  size_t n = size * count;
  if (b->length + n > b->capacity) {
    size_t capacity = b->capacity ? b->capacity : 16384;
    while (capacity < b->length + n) capacity *= 2;
    unsigned char *grown = realloc(b->bytes, capacity);
    if (!grown) {
      b->failed = 1;
      return 0;  // makes curl stop with a write error
    }
    b->bytes = grown;
    b->capacity = capacity;
  }
  memcpy(b->bytes + b->length, data, n);
  b->length += n;
  return n;
}

// What the header callback keeps of the last answer: its ETag, and the
// schemes its WWW-Authenticate headers offer. A new status line (a redirect
// was followed, or an authentication challenge answered) forgets both.
struct heard {
  char **etag;
  char **last_modified;
  int *offered;
};

// A header's value without the name, the spaces and the line end, malloc'd.
static char *header_value(const char *data, size_t n, size_t start) {
  size_t end = n;
  while (start < end && (data[start] == ' ' || data[start] == '\t')) start++;
  while (end > start && (data[end - 1] == '\r' || data[end - 1] == '\n' || data[end - 1] == ' ')) end--;
  char *value = malloc(end - start + 1);
  if (value) {
    memcpy(value, data + start, end - start);
    value[end - start] = 0;
  }
  return value;
}

static int has_prefix(const char *data, size_t n, const char *prefix) {
  size_t p = strlen(prefix);
  return n >= p && strncasecmp(data, prefix, p) == 0;
}

static size_t take_header(char *data, size_t size, size_t count, void *context) {
  struct heard *h = context;
  size_t n = size * count;
  if (n >= 5 && memcmp(data, "HTTP/", 5) == 0) {
    free(*h->etag);
    *h->etag = NULL;
    free(*h->last_modified);
    *h->last_modified = NULL;
    *h->offered = 0;
  } else if (has_prefix(data, n, "www-authenticate:")) {
    size_t start = 17;
    while (start < n && (data[start] == ' ' || data[start] == '\t')) start++;
    if (has_prefix(data + start, n - start, "basic")) *h->offered |= CCURL_OFFERS_BASIC;
    else if (has_prefix(data + start, n - start, "digest")) *h->offered |= CCURL_OFFERS_DIGEST;
    else *h->offered |= CCURL_OFFERS_OTHER;
  } else if (n > 5 && strncasecmp(data, "etag:", 5) == 0) {
    char *value = header_value(data, n, 5);
    if (value) {
      free(*h->etag);
      *h->etag = value;
    }
  } else if (has_prefix(data, n, "last-modified:")) {
    char *value = header_value(data, n, 14);
    if (value) {
      free(*h->last_modified);
      *h->last_modified = value;
    }
  }
  return n;
}

static int failure_of(int code) {
  switch (code) {
  case E_OPERATION_TIMEDOUT: return CCURL_TIMED_OUT;
  case E_COULDNT_CONNECT:
  case E_COULDNT_RESOLVE_HOST: return CCURL_CANNOT_CONNECT;
  case E_SSL_CONNECT_ERROR:
  case E_SSL_CERTPROBLEM:
  case E_PEER_FAILED_VERIFICATION:
  case E_SSL_CACERT_BADFILE: return CCURL_TLS;
  default: return CCURL_OTHER;
  }
}

void ccurl_perform(
  void *connection, const char *method, const char *url, const char *const *headers, int header_count,
  const unsigned char *body, size_t body_length, const char *user, const char *password, int auth,
  long timeout_seconds, ccurl_answer *answer) {
  memset(answer, 0, sizeof *answer);
  if (!connection) {
    answer->failure = CCURL_NO_LIBRARY;
    const char *why = ccurl_load_error();
    strncpy(answer->detail, why ? why : "libcurl is not loaded", sizeof answer->detail - 1);
    return;
  }
  // Every option a request uses is set anew below, so the handle is not
  // reset between requests: a reset would also forget the Digest nonce,
  // and each request would then pay the server's challenge again.
  struct slist *list = NULL;
  for (int i = 0; i < header_count; i++) list = curl.slist_append(list, headers[i]);
  // No "Expect: 100-continue" pause before a large body.
  list = curl.slist_append(list, "Expect:");
  struct buffer received = {0};
  char errors[256] = {0};
  curl.setopt(connection, OPT_URL, url);
  curl.setopt(connection, OPT_NOSIGNAL, 1L);
  curl.setopt(connection, OPT_PROTOCOLS, (long)PROTO_HTTP_HTTPS);
  curl.setopt(connection, OPT_REDIR_PROTOCOLS, (long)PROTO_HTTP_HTTPS);
  curl.setopt(connection, OPT_FOLLOWLOCATION, 1L);
  curl.setopt(connection, OPT_MAXREDIRS, 5L);
  // The timeout is for a server that says nothing (as URLSession's was), not
  // for the whole answer: a big calendar's listing may take longer to come.
  curl.setopt(connection, OPT_CONNECTTIMEOUT, timeout_seconds);
  curl.setopt(connection, OPT_LOW_SPEED_LIMIT, 1L);
  curl.setopt(connection, OPT_LOW_SPEED_TIME, timeout_seconds);
  curl.setopt(connection, OPT_ERRORBUFFER, errors);
  curl.setopt(connection, OPT_HTTPHEADER, list);
  curl.setopt(connection, OPT_WRITEFUNCTION, (sink_fn)take_body);
  curl.setopt(connection, OPT_WRITEDATA, (void *)&received);
  curl.setopt(connection, OPT_HEADERFUNCTION, (sink_fn)take_header);
  struct heard heard = {&answer->etag, &answer->last_modified, &answer->offered};
  curl.setopt(connection, OPT_HEADERDATA, (void *)&heard);
  // libcurl answers the server's challenge: Basic is sent at once, Digest
  // after the 401 that brings its nonce. The password goes to libcurl only.
  int login = user && password && auth != CCURL_AUTH_NONE;
  curl.setopt(connection, OPT_USERNAME, login ? user : (const char *)NULL);
  curl.setopt(connection, OPT_PASSWORD, login ? password : (const char *)NULL);
  curl.setopt(connection, OPT_HTTPAUTH, (long)(auth == CCURL_AUTH_DIGEST ? AUTH_DIGEST : AUTH_BASIC));
  // Back to a plain GET first (forgets a body the last request sent), then
  // the method and this request's body.
  curl.setopt(connection, OPT_HTTPGET, 1L);
  curl.setopt(connection, OPT_CUSTOMREQUEST, strcmp(method, "GET") == 0 ? (const char *)NULL : method);
  if (body) {
    curl.setopt(connection, OPT_POSTFIELDS, (const void *)body);
    curl.setopt(connection, OPT_POSTFIELDSIZE_LARGE, (int64_t)body_length);
  }
  int code = curl.easy_perform(connection);
  curl.slist_free_all(list);
  if (code != 0) {
    answer->failure = received.failed ? CCURL_OTHER : failure_of(code);
    const char *text = errors[0] ? errors : curl.easy_strerror(code);
    strncpy(answer->detail, received.failed ? "out of memory for the answer" : text, sizeof answer->detail - 1);
    free(received.bytes);
    free(answer->etag);
    answer->etag = NULL;
    free(answer->last_modified);
    answer->last_modified = NULL;
    return;
  }
  curl.getinfo(connection, INFO_RESPONSE_CODE, &answer->status);
  answer->body = received.bytes;
  answer->body_length = received.length;
}

void ccurl_answer_free(ccurl_answer *answer) {
  free(answer->body);
  free(answer->etag);
  free(answer->last_modified);
  answer->body = NULL;
  answer->etag = NULL;
  answer->last_modified = NULL;
}
