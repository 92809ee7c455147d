/* JSON-RPC 2.0 over a byte stream with the Language Server Protocol's
 * framing: "Content-Length: N\r\n\r\n" then N bytes of JSON. */
#ifndef DDL_LSP_RPC_H
#define DDL_LSP_RPC_H

#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

typedef enum {
  RPC_MESSAGE, /* *body holds the message */
  RPC_SKIPPED, /* a malformed or oversized frame was passed over; *why says why */
  RPC_EOF,     /* the stream ended (or broke: *why is set then) */
} rpc_read_status;

/* Reads the next frame from IN.  A body over MAX bytes is read past and
 * reported, not kept.  *BODY is malloc'd (NUL-terminated), *WHY static or
 * in BUF. */
rpc_read_status rpc_read(FILE *in, size_t max, char **body, size_t *len, const char **why,
                         char *buf, size_t bufsize);

/* Writes messages whole, one at a time, from any thread. */
typedef struct {
  FILE *out;
  pthread_mutex_t lock;
  int error; /* errno of the first failed write; nothing is written after */
} rpc_writer;

void rpc_writer_init(rpc_writer *w, FILE *out);
void rpc_writer_destroy(rpc_writer *w);
/* Sends MSG and drops the reference; returns the writer's error. */
int rpc_send(rpc_writer *w, json_t *msg);

/* Builders of the three kinds of messages; each returns a new reference. */
json_t *rpc_response(json_t *id, json_t *result);
json_t *rpc_error(json_t *id, int code, const char *message);
json_t *rpc_notification(const char *method, json_t *params);
json_t *rpc_request(const char *id, const char *method, json_t *params);

/* Error codes of JSON-RPC and the LSP. */
enum {
  RPC_PARSE_ERROR = -32700,
  RPC_INVALID_REQUEST = -32600,
  RPC_METHOD_NOT_FOUND = -32601,
  RPC_INVALID_PARAMS = -32602,
  RPC_INTERNAL_ERROR = -32603,
  RPC_SERVER_NOT_INITIALIZED = -32002,
};

#endif
