/* Reading whole files and streams into memory. */
#ifndef DDL_IO_READ_H
#define DDL_IO_READ_H

#include "internal.h"

#include <stdio.h>

/* Documents larger than this are refused rather than half-processed;
 * positions are 32-bit offsets. */
#define DDL_MAX_INPUT ((size_t)1 << 30)

/* Why a file of this st_mode type is not read ("is a FIFO, ..."). */
const char *ddl_file_type_refusal(unsigned mode);

/* Reads all of PATH into *data (malloc'd, NUL-terminated, caller frees).
 * Fails with DDL_EIO (unreadable, not a regular file) or DDL_EINPUT (too
 * large).  Only regular files are opened, and never in a way that blocks. */
int ddl_read_file(char **data, size_t *len, ddl_errsink *errs, const char *path);
/* The same for an open stream; NAME is used in errors. */
int ddl_read_stream(char **data, size_t *len, ddl_errsink *errs, FILE *f, const char *name);

#endif
