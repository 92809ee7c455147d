/* An LD_PRELOAD shim that makes the Nth I/O call of a kind fail, after
 * jq's src/inject_errors.c, so the tests can prove that every failed open,
 * read, directory read, write, flush and close becomes an error message and
 * exit status 2 instead of a lost finding.
 *
 *   DDLINT_INJECT=SPEC[,SPEC...]    SPEC is OP:N[+][:ERRNO[:TARGET]]
 *     OP      open (open, openat, fopen), opendir, read (read, fread),
 *             readdir, write, fflush, fclose, dlopen (TARGET: the library)
 *     N       fail the Nth eligible call; N+ fails it and every later one
 *     ERRNO   a name such as EIO or ENOSPC, or a number (default EIO)
 *     TARGET  @0, @1 or @2: only that standard stream or descriptor (@1,
 *             stdout, is the default for write);
 *             otherwise a path substring: only calls on paths containing
 *             it, or on descriptors and streams opened from such a path
 *   DDLINT_INJECT_LOG=FILE          a line per injected failure, and one per
 *             open for writing ("audit: ..."), so a test can tell that the
 *             failure really happened and that no input was written to
 *
 * glibc's stdio writes with internal calls that no preload can intercept,
 * so a write SPEC replaces stdout (or stderr) by a fopencookie stream whose
 * every flush is one counted write(2) on the real descriptor.
 *
 * Only calls made after this library's constructor count: the dynamic
 * loader and sanitizer runtimes are never failed.  The shim itself is not
 * built with sanitizers; it comes after the ASan runtime in LD_PRELOAD. */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

enum op {
  OP_OPEN, OP_OPENDIR, OP_READ, OP_READDIR, OP_WRITE, OP_FFLUSH, OP_FCLOSE, OP_DLOPEN, OP_COUNT
};
static const char *const op_names[OP_COUNT] = {"open",  "opendir", "read",   "readdir",
                                               "write", "fflush",  "fclose", "dlopen"};

#define MAX_SPECS 4
#define MAX_FD 4096

typedef struct {
  enum op op;
  unsigned long nth;
  bool onward; /* N+: every call from the Nth on */
  int err;
  int fd;     /* 0, 1 or 2 for a standard stream, -1 for none */
  char *path; /* substring of the paths that count, or NULL for all */
  unsigned long calls;
  unsigned char marked[MAX_FD / 8]; /* descriptors opened from a matching path */
} spec;

static spec specs[MAX_SPECS];
static int nspecs;
static bool armed;
static const char *log_path;

/* The real functions, looked up once: dlsym may allocate, never do I/O. */
#define DECLARE_REAL(ret, name, ...) static ret (*real_##name)(__VA_ARGS__)
DECLARE_REAL(int, open, const char *, int, ...);
DECLARE_REAL(int, open64, const char *, int, ...);
DECLARE_REAL(int, openat, int, const char *, int, ...);
DECLARE_REAL(int, openat64, int, const char *, int, ...);
DECLARE_REAL(FILE *, fopen, const char *, const char *);
DECLARE_REAL(FILE *, fopen64, const char *, const char *);
DECLARE_REAL(DIR *, opendir, const char *);
DECLARE_REAL(ssize_t, read, int, void *, size_t);
DECLARE_REAL(size_t, fread, void *, size_t, size_t, FILE *);
DECLARE_REAL(struct dirent *, readdir, DIR *);
DECLARE_REAL(struct dirent64 *, readdir64, DIR *);
DECLARE_REAL(ssize_t, write, int, const void *, size_t);
DECLARE_REAL(int, fflush, FILE *);
DECLARE_REAL(int, fclose, FILE *);
DECLARE_REAL(int, close, int);
DECLARE_REAL(int, closedir, DIR *);
DECLARE_REAL(int, ferror, FILE *);
DECLARE_REAL(void, clearerr, FILE *);
DECLARE_REAL(void *, dlopen, const char *, int);

/* The shim's own complaints, straight to fd 2 with no wrapper in between. */
static void say(const char *s) { (void)syscall(SYS_write, 2, s, strlen(s)); }

/* A data pointer from dlsym as a function pointer, without the cast that
 * ISO C (and -pedantic) forbids. */
#define LOAD(name)                                                                                 \
  do {                                                                                             \
    if (!real_##name) {                                                                            \
      void *sym = dlsym(RTLD_NEXT, #name);                                                         \
      if (!sym) {                                                                                  \
        static const char msg[] = "inject_errors: no real " #name "\n";                            \
        say(msg);                                                                                  \
        abort();                                                                                   \
      }                                                                                            \
      memcpy(&real_##name, &sym, sizeof sym);                                                      \
    }                                                                                              \
  } while (0)

static const struct {
  const char *name;
  int value;
} errnos[] = {
    {"EIO", EIO},       {"ENOSPC", ENOSPC}, {"EACCES", EACCES},
    {"EPERM", EPERM},   {"ENOENT", ENOENT}, {"EMFILE", EMFILE},
    {"ENFILE", ENFILE}, {"ENOMEM", ENOMEM}, {"EPIPE", EPIPE},
    {"EDQUOT", EDQUOT}, {"EFBIG", EFBIG},   {"ELOOP", ELOOP},
    {"EINTR", EINTR},   {"EAGAIN", EAGAIN}, {"ENAMETOOLONG", ENAMETOOLONG},
    {"ESTALE", ESTALE}, {"EISDIR", EISDIR}, {"EBADF", EBADF},
};

static const char *errno_name(int e) {
  for (size_t i = 0; i < sizeof errnos / sizeof errnos[0]; i++)
    if (errnos[i].value == e)
      return errnos[i].name;
  return "?";
}

static void log_line(const char *fmt, ...) {
  if (!log_path)
    return;
  int saved = errno;
  char line[PATH_MAX + 128];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  if (n > (int)sizeof line - 2)
    n = (int)sizeof line - 2;
  line[n++] = '\n';
  LOAD(open);
  LOAD(write);
  LOAD(close);
  int fd = real_open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd >= 0) {
    (void)real_write(fd, line, (size_t)n);
    (void)real_close(fd);
  }
  errno = saved;
}

static void bad_spec(const char *s) {
  say("inject_errors: bad DDLINT_INJECT spec: ");
  say(s);
  say("\n");
  _exit(97);
}

/* OP:N[+][:ERRNO[:TARGET]] */
static void parse_spec(char *s) {
  if (nspecs == MAX_SPECS)
    bad_spec("too many");
  spec *sp = &specs[nspecs];
  char *fields[4] = {s, NULL, NULL, NULL};
  for (int i = 1; i < 4; i++) {
    char *colon = fields[i - 1] ? strchr(fields[i - 1], ':') : NULL;
    if (!colon)
      break;
    *colon = '\0';
    fields[i] = colon + 1;
  }
  int op = -1;
  for (int i = 0; i < OP_COUNT; i++)
    if (strcmp(fields[0], op_names[i]) == 0)
      op = i;
  if (op < 0 || !fields[1])
    bad_spec(fields[0]);
  sp->op = (enum op)op;
  char *end;
  sp->nth = strtoul(fields[1], &end, 10);
  sp->onward = *end == '+';
  if (sp->nth == 0 || (*end && strcmp(end, "+") != 0))
    bad_spec(fields[1]);
  sp->err = EIO;
  if (fields[2] && *fields[2]) {
    sp->err = 0;
    for (size_t i = 0; i < sizeof errnos / sizeof errnos[0]; i++)
      if (strcmp(fields[2], errnos[i].name) == 0)
        sp->err = errnos[i].value;
    if (!sp->err && !(sp->err = atoi(fields[2])))
      bad_spec(fields[2]);
  }
  sp->fd = sp->op == OP_WRITE ? 1 : -1;
  if (fields[3] && fields[3][0] == '@' && strchr("012", fields[3][1]) && fields[3][1] &&
      !fields[3][2])
    sp->fd = fields[3][1] - '0';
  else if (fields[3] && *fields[3])
    sp->path = fields[3], sp->fd = -1;
  nspecs++;
}

/* Descriptor bookkeeping for path targets. */
static void mark(spec *sp, int fd, bool on) {
  if (fd < 0 || fd >= MAX_FD)
    return;
  if (on)
    sp->marked[fd / 8] |= (unsigned char)(1u << (fd % 8));
  else
    sp->marked[fd / 8] &= (unsigned char)~(1u << (fd % 8));
}

static bool marked(const spec *sp, int fd) {
  return fd >= 0 && fd < MAX_FD && (sp->marked[fd / 8] >> (fd % 8)) & 1;
}

static void mark_all(const char *path, int fd) {
  for (int i = 0; i < nspecs; i++)
    if (specs[i].path && path && strstr(path, specs[i].path))
      mark(&specs[i], fd, true);
}

static void unmark_all(int fd) {
  for (int i = 0; i < nspecs; i++)
    mark(&specs[i], fd, false);
}

/* fileno() of a fopencookie stream fails with EBADF: the bookkeeping must
 * never change the errno that ddlint is about to read. */
static int fd_of(FILE *f) {
  int saved = errno, fd = fileno(f);
  errno = saved;
  return fd;
}

static int dirfd_of(DIR *d) {
  int saved = errno, fd = dirfd(d);
  errno = saved;
  return fd;
}

static FILE *std_stream(int fd) { return fd == 0 ? stdin : fd == 1 ? stdout : stderr; }

/* Counts a call and answers whether it must fail.  PATH is the path of an
 * open, FD the descriptor of any other call, STREAM the stdio stream. */
static spec *should_fail(enum op op, const char *path, int fd, FILE *stream) {
  if (!armed)
    return NULL;
  for (int i = 0; i < nspecs; i++) {
    spec *sp = &specs[i];
    if (sp->op != op)
      continue;
    bool eligible;
    if (sp->fd >= 0)
      eligible = stream ? stream == std_stream(sp->fd) : fd == sp->fd;
    else if (sp->path)
      eligible = path ? strstr(path, sp->path) != NULL : marked(sp, fd);
    else
      eligible = true;
    if (!eligible)
      continue;
    sp->calls++;
    if (sp->calls == sp->nth || (sp->onward && sp->calls > sp->nth)) {
      log_line("inject: %s #%lu -> %s%s%s", op_names[op], sp->calls, errno_name(sp->err),
               path ? " " : "", path ? path : "");
      return sp;
    }
  }
  return NULL;
}

static void audit_open(const char *path, int flags) {
  if (armed && (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)))
    log_line("audit: open for writing: %s", path);
}

static void audit_fopen(const char *path, const char *mode) {
  if (armed && strpbrk(mode, "wa+"))
    log_line("audit: open for writing: %s", path);
}

/* open(2) and friends.  The mode argument exists only with O_CREAT or
 * O_TMPFILE, but reading it regardless is what glibc's own wrappers do. */
#define OPEN_BODY(realcall)                                                                        \
  va_list ap;                                                                                      \
  va_start(ap, flags);                                                                             \
  mode_t mode = (mode_t)va_arg(ap, int);                                                           \
  va_end(ap);                                                                                      \
  audit_open(path, flags);                                                                         \
  spec *sp = should_fail(OP_OPEN, path, -1, NULL);                                                 \
  if (sp) {                                                                                        \
    errno = sp->err;                                                                               \
    return -1;                                                                                     \
  }                                                                                                \
  int fd = realcall;                                                                               \
  if (fd >= 0)                                                                                     \
    mark_all(path, fd);                                                                            \
  return fd;

int open(const char *path, int flags, ...) {
  LOAD(open);
  OPEN_BODY(real_open(path, flags, mode))
}

int open64(const char *path, int flags, ...) {
  LOAD(open64);
  OPEN_BODY(real_open64(path, flags, mode))
}

int openat(int dirfd, const char *path, int flags, ...) {
  LOAD(openat);
  OPEN_BODY(real_openat(dirfd, path, flags, mode))
}

int openat64(int dirfd, const char *path, int flags, ...) {
  LOAD(openat64);
  OPEN_BODY(real_openat64(dirfd, path, flags, mode))
}

/* _FORTIFY_SOURCE turns open() into these. */
int __open_2(const char *path, int flags);
int __open_2(const char *path, int flags) { return open(path, flags, 0); }
int __open64_2(const char *path, int flags);
int __open64_2(const char *path, int flags) { return open64(path, flags, 0); }
int __openat_2(int dirfd, const char *path, int flags);
int __openat_2(int dirfd, const char *path, int flags) { return openat(dirfd, path, flags, 0); }

static FILE *fopen_common(FILE *(*real)(const char *, const char *), const char *path,
                          const char *mode) {
  audit_fopen(path, mode);
  spec *sp = should_fail(OP_OPEN, path, -1, NULL);
  if (sp) {
    errno = sp->err;
    return NULL;
  }
  FILE *f = real(path, mode);
  if (f)
    mark_all(path, fd_of(f));
  return f;
}

FILE *fopen(const char *path, const char *mode) {
  LOAD(fopen);
  return fopen_common(real_fopen, path, mode);
}

FILE *fopen64(const char *path, const char *mode) {
  LOAD(fopen64);
  return fopen_common(real_fopen64, path, mode);
}

/* A library that cannot be loaded (libgit2, which ddlint opens on first
 * need): dlerror() then has nothing to say, as after a failure the real
 * loader did not see. */
void *dlopen(const char *file, int mode) {
  LOAD(dlopen);
  if (file && should_fail(OP_DLOPEN, file, -1, NULL))
    return NULL;
  return real_dlopen(file, mode);
}

DIR *opendir(const char *path) {
  LOAD(opendir);
  spec *sp = should_fail(OP_OPENDIR, path, -1, NULL);
  if (sp) {
    errno = sp->err;
    return NULL;
  }
  DIR *d = real_opendir(path);
  if (d)
    mark_all(path, dirfd_of(d));
  return d;
}

int closedir(DIR *d) {
  LOAD(closedir);
  unmark_all(dirfd_of(d));
  return real_closedir(d);
}

int close(int fd) {
  LOAD(close);
  unmark_all(fd);
  return real_close(fd);
}

ssize_t read(int fd, void *buf, size_t n) {
  LOAD(read);
  spec *sp = should_fail(OP_READ, NULL, fd, NULL);
  if (sp) {
    errno = sp->err;
    return -1;
  }
  return real_read(fd, buf, n);
}

ssize_t __read_chk(int fd, void *buf, size_t n, size_t buflen);
ssize_t __read_chk(int fd, void *buf, size_t n, size_t buflen) {
  (void)buflen;
  return read(fd, buf, n);
}

/* A stream whose injected read failed: ferror() answers true for it until
 * clearerr() or fclose(), as jq's shim does, since stdio has no public way
 * to set a stream's error indicator. */
static FILE *failed_streams[8];

static void set_failed(FILE *f, bool on) {
  for (size_t i = 0; i < sizeof failed_streams / sizeof failed_streams[0]; i++) {
    if (on && !failed_streams[i]) {
      failed_streams[i] = f;
      return;
    }
    if (!on && failed_streams[i] == f)
      failed_streams[i] = NULL;
  }
}

static bool is_failed(FILE *f) {
  for (size_t i = 0; i < sizeof failed_streams / sizeof failed_streams[0]; i++)
    if (f && failed_streams[i] == f)
      return true;
  return false;
}

size_t fread(void *buf, size_t size, size_t n, FILE *f) {
  LOAD(fread);
  spec *sp = should_fail(OP_READ, NULL, fd_of(f), f);
  if (sp) {
    set_failed(f, true);
    errno = sp->err;
    return 0;
  }
  return real_fread(buf, size, n, f);
}

size_t __fread_chk(void *buf, size_t buflen, size_t size, size_t n, FILE *f);
size_t __fread_chk(void *buf, size_t buflen, size_t size, size_t n, FILE *f) {
  (void)buflen;
  return fread(buf, size, n, f);
}

int ferror(FILE *f) {
  LOAD(ferror);
  return is_failed(f) || real_ferror(f);
}

void clearerr(FILE *f) {
  LOAD(clearerr);
  set_failed(f, false);
  real_clearerr(f);
}

struct dirent *readdir(DIR *d) {
  LOAD(readdir);
  spec *sp = should_fail(OP_READDIR, NULL, dirfd_of(d), NULL);
  if (sp) {
    errno = sp->err;
    return NULL;
  }
  return real_readdir(d);
}

struct dirent64 *readdir64(DIR *d) {
  LOAD(readdir64);
  spec *sp = should_fail(OP_READDIR, NULL, dirfd_of(d), NULL);
  if (sp) {
    errno = sp->err;
    return NULL;
  }
  return real_readdir64(d);
}

ssize_t write(int fd, const void *buf, size_t n) {
  LOAD(write);
  spec *sp = should_fail(OP_WRITE, NULL, fd, NULL);
  if (sp) {
    errno = sp->err;
    return -1;
  }
  return real_write(fd, buf, n);
}

int fflush(FILE *f) {
  LOAD(fflush);
  spec *sp = f ? should_fail(OP_FFLUSH, NULL, fd_of(f), f) : NULL;
  int rc = real_fflush(f);
  if (sp) {
    errno = sp->err;
    return EOF;
  }
  return rc;
}

int fclose(FILE *f) {
  LOAD(fclose);
  int fd = fd_of(f);
  spec *sp = should_fail(OP_FCLOSE, NULL, fd, f);
  set_failed(f, false);
  unmark_all(fd);
  int rc = real_fclose(f);
  if (sp) {
    errno = sp->err;
    return EOF;
  }
  return rc;
}

/* The cookie stream that stands in for a standard stream under a write
 * SPEC: each call is one write(2) as glibc's own flush would issue it. */
static ssize_t cookie_write(void *cookie, const char *buf, size_t n) {
  int fd = (int)(intptr_t)cookie;
  spec *sp = should_fail(OP_WRITE, NULL, fd, NULL);
  if (sp) {
    errno = sp->err;
    return 0; /* fopencookie(3): 0 on error, never negative */
  }
  size_t done = 0;
  while (done < n) {
    ssize_t w = real_write(fd, buf + done, n - done);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      break;
    done += (size_t)w;
  }
  return (ssize_t)done;
}

static int cookie_close(void *cookie) {
  LOAD(close);
  return real_close((int)(intptr_t)cookie);
}

static void replace_stream(int fd) {
  cookie_io_functions_t io = {NULL, cookie_write, NULL, cookie_close};
  FILE *f = fopencookie((void *)(intptr_t)fd, "w", io);
  if (!f)
    bad_spec("fopencookie failed");
  /* As glibc buffers them: stderr unbuffered, stdout by blocks. */
  setvbuf(f, NULL, fd == 2 ? _IONBF : _IOFBF, fd == 2 ? 0 : 4096);
  if (fd == 1) {
    real_fflush(stdout);
    stdout = f;
  } else {
    stderr = f;
  }
}

__attribute__((constructor)) static void inject_init(void) {
  LOAD(write);
  LOAD(fflush);
  const char *env = getenv("DDLINT_INJECT");
  log_path = getenv("DDLINT_INJECT_LOG");
  if (env && *env) {
    static char copy[4096];
    if (strlen(env) >= sizeof copy)
      bad_spec("too long");
    strcpy(copy, env);
    for (char *save = NULL, *s = strtok_r(copy, ",", &save); s; s = strtok_r(NULL, ",", &save))
      parse_spec(s);
  }
  for (int i = 0; i < nspecs; i++)
    if (specs[i].op == OP_WRITE && specs[i].fd >= 1) {
      bool seen = false;
      for (int j = 0; j < i; j++)
        seen |= specs[j].op == OP_WRITE && specs[j].fd == specs[i].fd;
      if (!seen)
        replace_stream(specs[i].fd);
    }
  armed = true;
}
