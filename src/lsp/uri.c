/* file:// URIs to paths and back. */
#include "lsp/uri.h"

#include <stdlib.h>
#include <string.h>

static int hex(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

char *lsp_uri_to_path(const char *uri) {
  if (strncmp(uri, "file://", 7) != 0)
    return NULL;
  const char *p = uri + 7;
  /* "file://localhost/x" names a local file; any other host does not */
  if (strncmp(p, "localhost/", 10) == 0)
    p += 9;
  if (*p != '/')
    return NULL;
  size_t n = strcspn(p, "?#");
  char *path = malloc(n + 1);
  if (!path)
    abort();
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    if (p[i] == '%') {
      int h = i + 2 < n ? hex(p[i + 1]) : -1, l = h >= 0 ? hex(p[i + 2]) : -1;
      if (h < 0 || l < 0 || (h == 0 && l == 0)) {
        free(path);
        return NULL;
      }
      path[o++] = (char)(h * 16 + l);
      i += 2;
    } else {
      path[o++] = p[i];
    }
  }
  path[o] = '\0';
  return path;
}

char *lsp_path_to_uri(const char *path) {
  size_t n = strlen(path);
  char *uri = malloc(7 + 3 * n + 1);
  if (!uri)
    abort();
  memcpy(uri, "file://", 7);
  size_t o = 7;
  static const char digits[] = "0123456789ABCDEF";
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)path[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        strchr("/-._~!$&'()*+,;=:@", c)) {
      uri[o++] = (char)c;
    } else {
      uri[o++] = '%';
      uri[o++] = digits[c >> 4];
      uri[o++] = digits[c & 15];
    }
  }
  uri[o] = '\0';
  return uri;
}
