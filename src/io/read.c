/* Whole-file reads with a size limit and errno-based messages.  Only
 * regular files are read: a FIFO would block forever and a device such as
 * /dev/zero never ends, so both are refused before a byte is read. */
#include "io/read.h"

#include "util/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *ddl_file_type_refusal(unsigned mode) {
  if (S_ISDIR(mode))
    return "is a directory";
  if (S_ISFIFO(mode))
    return "is a FIFO, not a regular file; ddlint refuses it";
  if (S_ISSOCK(mode))
    return "is a socket, not a regular file; ddlint refuses it";
  if (S_ISCHR(mode) || S_ISBLK(mode))
    return "is a device, not a regular file; ddlint refuses it";
  return "is not a regular file; ddlint refuses it";
}

int ddl_read_stream(char **data, size_t *len, ddl_errsink *errs, FILE *f, const char *name) {
  size_t cap = 64 * 1024, n = 0;
  char *buf = ddl_xmalloc(cap + 1);
  for (;;) {
    if (n == cap) {
      if (cap >= DDL_MAX_INPUT) {
        free(buf);
        return ddl_fail(errs, DDL_EINPUT, name, 0, 0,
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
        return ddl_fail(errs, DDL_EIO, name, 0, 0, "cannot read: %s",
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

int ddl_read_file(char **data, size_t *len, ddl_errsink *errs, const char *path) {
  struct stat st;
  if (stat(path, &st) != 0)
    return ddl_fail(errs, DDL_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
  if (!S_ISREG(st.st_mode))
    return ddl_fail(errs, DDL_EIO, path, 0, 0, "%s", ddl_file_type_refusal(st.st_mode));
  if ((size_t)st.st_size > DDL_MAX_INPUT)
    return ddl_fail(errs, DDL_EINPUT, path, 0, 0,
                         "file is larger than %zu MiB; ddlint refuses it", DDL_MAX_INPUT >> 20);
  /* O_NONBLOCK: should the path become a FIFO between stat and open, the
   * open cannot hang; fstat then refuses it. */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return ddl_fail(errs, DDL_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    int rc = ddl_fail(errs, DDL_EIO, path, 0, 0, "%s",
                           S_ISREG(st.st_mode) ? strerror(errno) : ddl_file_type_refusal(st.st_mode));
    close(fd);
    return rc;
  }
  FILE *f = fdopen(fd, "rb");
  if (!f) {
    int rc = ddl_fail(errs, DDL_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    close(fd);
    return rc;
  }
  int rc = ddl_read_stream(data, len, errs, f, path);
  if (fclose(f) != 0 && rc == DDL_OK) {
    free(*data);
    rc = ddl_fail(errs, DDL_EIO, path, 0, 0, "cannot read: %s", strerror(errno));
  }
  return rc;
}
