#ifndef ARSHJUL_CCURL_H
#define ARSHJUL_CCURL_H

#include <stddef.h>

/// What went wrong below HTTP, sorted the way a planner is told.
enum ccurl_failure {
  CCURL_OK = 0,
  CCURL_NO_LIBRARY = 1,
  CCURL_TIMED_OUT = 2,
  CCURL_CANNOT_CONNECT = 3,
  CCURL_TLS = 4,
  CCURL_OTHER = 5,
};

/// How to log in: not at all, Basic (sent with the request) or Digest
/// (answering the server's challenge).
enum ccurl_auth {
  CCURL_AUTH_NONE = 0,
  CCURL_AUTH_BASIC = 1,
  CCURL_AUTH_DIGEST = 2,
};

/// The schemes an answer's WWW-Authenticate headers offer (a bit each).
enum ccurl_offers {
  CCURL_OFFERS_BASIC = 1,
  CCURL_OFFERS_DIGEST = 2,
  CCURL_OFFERS_OTHER = 4,
};

/// One HTTP answer. The body, the ETag and Last-Modified are malloc'd; ccurl_answer_free.
typedef struct ccurl_answer {
  long status;
  unsigned char *body;
  size_t body_length;
  char *etag;
  /// The Last-Modified header, for a conditional GET of a calendar feed.
  char *last_modified;
  int offered;
  int failure;
  char detail[256];
} ccurl_answer;

/// A connection that stays open between requests (libcurl's easy handle);
/// NULL when libcurl cannot be loaded.
void *ccurl_connection_new(void);
void ccurl_connection_free(void *connection);

/// One request on `connection`: `headers` are whole "Name: value" lines;
/// `user` and `password` (or NULL) log in the way `auth` says.
/// Blocks until the answer is in, or until the server has been silent for
/// `timeout_seconds` (connecting, or in the middle of an answer).
void ccurl_perform(
  void *connection, const char *method, const char *url, const char *const *headers, int header_count,
  const unsigned char *body, size_t body_length, const char *user, const char *password, int auth,
  long timeout_seconds, ccurl_answer *answer);

void ccurl_answer_free(ccurl_answer *answer);

#endif
