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

/// One HTTP answer. The body and the ETag are malloc'd; ccurl_answer_free.
typedef struct ccurl_answer {
  long status;
  unsigned char *body;
  size_t body_length;
  char *etag;
  int failure;
  char detail[256];
} ccurl_answer;

/// A connection that stays open between requests (libcurl's easy handle);
/// NULL when libcurl cannot be loaded.
void *ccurl_connection_new(void);
void ccurl_connection_free(void *connection);

/// One request on `connection`: `headers` are whole "Name: value" lines.
/// Blocks until the answer is in, or until the server has been silent for
/// `timeout_seconds` (connecting, or in the middle of an answer).
void ccurl_perform(
  void *connection, const char *method, const char *url, const char *const *headers, int header_count,
  const unsigned char *body, size_t body_length, long timeout_seconds, ccurl_answer *answer);

void ccurl_answer_free(ccurl_answer *answer);

#endif
