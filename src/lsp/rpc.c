/* LSP framing: headers, then a body of Content-Length bytes. */
#include "lsp/rpc.h"

#include "lsp/json_text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Reads one header line into LINE (without its CRLF or LF).  Returns its
 * length, or -1 at end of stream; a line longer than SIZE - 1 is read to
 * its end and reported as SIZE. */
static long read_line(FILE *in, char *line, size_t size) {
  size_t n = 0;
  int c;
  bool any = false;
  while ((c = getc(in)) != EOF) {
    any = true;
    if (c == '\n')
      break;
    if (n < size - 1)
      line[n] = (char)c;
    n++;
  }
  if (!any)
    return -1;
  if (n < size && n > 0 && line[n - 1] == '\r')
    n--;
  if (n >= size)
    return (long)size;
  line[n] = '\0';
  return (long)n;
}

/* Reads and drops N bytes; false at end of stream. */
static bool skip(FILE *in, size_t n) {
  char buf[65536];
  while (n > 0) {
    size_t k = fread(buf, 1, n < sizeof(buf) ? n : sizeof(buf), in);
    if (k == 0)
      return false;
    n -= k;
  }
  return true;
}

rpc_read_status rpc_read(FILE *in, size_t max, char **body, size_t *len, const char **why,
                         char *buf, size_t bufsize) {
  char line[1024];
  long n;
  bool have_length = false, bad = false;
  unsigned long long length = 0;
  *why = NULL;
  *body = NULL;
  /* Headers end at an empty line; one before any header is a stray line
   * ending between frames, which some clients send. */
  bool any_header = false;
  while ((n = read_line(in, line, sizeof(line))) != 0 || !any_header) {
    if (n < 0) {
      if (any_header)
        *why = "the stream ended inside a message's headers";
      return RPC_EOF;
    }
    if (n == 0)
      continue;
    any_header = true;
    if ((size_t)n >= sizeof(line)) {
      bad = true;
      *why = "a header line is too long";
      continue;
    }
    char *colon = strchr(line, ':');
    if (!colon) {
      bad = true;
      *why = "a header line has no ':'";
      continue;
    }
    *colon = '\0';
    if (strcasecmp(line, "Content-Length") == 0) {
      char *v = colon + 1, *end;
      while (*v == ' ' || *v == '\t')
        v++;
      errno = 0;
      length = strtoull(v, &end, 10);
      while (*end == ' ' || *end == '\t')
        end++;
      if (errno || end == v || *end || *v == '-') {
        bad = true;
        *why = "the Content-Length header is not a number";
      } else {
        have_length = true;
      }
    }
  }
  if (!have_length) {
    if (!bad)
      *why = "a message has no Content-Length header";
    return RPC_SKIPPED;
  }
  if (length > max) {
    snprintf(buf, bufsize, "a message of %llu bytes is over the limit of %zu bytes; it was skipped",
             length, max);
    *why = buf;
    return skip(in, (size_t)length) ? RPC_SKIPPED : RPC_EOF;
  }
  char *b = malloc((size_t)length + 1);
  if (!b)
    abort();
  if (fread(b, 1, (size_t)length, in) != (size_t)length) {
    free(b);
    *why = "the stream ended inside a message";
    return RPC_EOF;
  }
  b[length] = '\0';
  *body = b;
  *len = (size_t)length;
  return RPC_MESSAGE;
}

void rpc_writer_init(rpc_writer *w, FILE *out) {
  w->out = out;
  w->error = 0;
  pthread_mutex_init(&w->lock, NULL);
}

void rpc_writer_destroy(rpc_writer *w) { pthread_mutex_destroy(&w->lock); }

int rpc_send(rpc_writer *w, json_t *msg) {
  char *text = json_dumps(msg, JSON_COMPACT);
  json_decref(msg);
  pthread_mutex_lock(&w->lock);
  if (!w->error) {
    errno = 0;
    if (!text)
      w->error = EINVAL; /* a string that is not UTF-8; the builders never make one */
    else if (fprintf(w->out, "Content-Length: %zu\r\n\r\n", strlen(text)) < 0 ||
             fputs(text, w->out) < 0 || fflush(w->out) != 0)
      w->error = errno ? errno : EIO;
  }
  int error = w->error;
  pthread_mutex_unlock(&w->lock);
  free(text);
  return error;
}

static json_t *message(void) { return json_pack("{s:s}", "jsonrpc", "2.0"); }

json_t *rpc_response(json_t *id, json_t *result) {
  json_t *m = message();
  json_object_set(m, "id", id ? id : json_null());
  json_object_set_new(m, "result", result ? result : json_null());
  return m;
}

json_t *rpc_error(json_t *id, int code, const char *text) {
  json_t *m = message();
  json_object_set(m, "id", id ? id : json_null());
  json_object_set_new(m, "error",
                      json_pack("{s:i,s:o}", "code", code, "message", lsp_json_str(text)));
  return m;
}

json_t *rpc_notification(const char *method, json_t *params) {
  json_t *m = message();
  json_object_set_new(m, "method", json_string(method));
  json_object_set_new(m, "params", params);
  return m;
}

json_t *rpc_request(const char *id, const char *method, json_t *params) {
  json_t *m = rpc_notification(method, params);
  json_object_set_new(m, "id", json_string(id));
  return m;
}
