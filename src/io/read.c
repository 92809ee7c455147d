/* Whole-file reads with a size limit and errno-based messages. */
#include "io/read.h"

#include "util/mem.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int ddl_read_stream(char **data, size_t *len, ddl_ctx *ctx, FILE *f, const char *name) {
  size_t cap = 64 * 1024, n = 0;
  char *buf = ddl_xmalloc(cap + 1);
  for (;;) {
    if (n == cap) {
      if (cap >= DDL_MAX_INPUT) {
        free(buf);
        return ddl_ctx__fail(ctx, DDL_EINPUT, name, 0, 0,
                             "file is larger than %zu MiB; ddlint refuses it",
                             DDL_MAX_INPUT >> 20);
      }
      cap *= 2;
      buf = ddl_xrealloc(buf, cap + 1);
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) {
      if (ferror(f)) {
        int e = errno;
        free(buf);
        return ddl_ctx__fail(ctx, DDL_EIO, name, 0, 0, "cannot read: %s",
                             strerror(e ? e : EIO));
      }
      break;
    }
  }
  buf[n] = '\0';
  *data = buf;
  *len = n;
  return DDL_OK;
}

int ddl_read_file(char **data, size_t *len, ddl_ctx *ctx, const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return ddl_ctx__fail(ctx, DDL_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
    fclose(f);
    return ddl_ctx__fail(ctx, DDL_EIO, path, 0, 0, "is a directory");
  }
  int rc = ddl_read_stream(data, len, ctx, f, path);
  fclose(f);
  return rc;
}
