/* UTF-8 validation and display width. */
#ifndef DDL_UTIL_UTF8_H
#define DDL_UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/* Returns the offset of the first byte that is not part of a well-formed
 * UTF-8 sequence (overlong forms, surrogates and values above U+10FFFF are
 * ill-formed), or LEN when all of S is valid. */
size_t ddl_utf8_invalid_at(const unsigned char *s, size_t len);
/* Length of the sequence starting with lead byte C (1 for invalid leads). */
size_t ddl_utf8_seq_len(unsigned char c);
/* The index just past the character at S[i]: one byte for an invalid
 * sequence, never past LEN.  Scanners that restart after an empty match
 * use it so that they never land inside a character. */
size_t ddl_utf8_next(const char *s, size_t len, size_t i);
/* The largest character boundary at or before I (I <= LEN). */
size_t ddl_utf8_floor(const char *s, size_t len, size_t i);
/* Whether S[0..len) is all well-formed UTF-8. */
bool ddl_utf8_valid(const char *s, size_t len);
/* Appends S[0..len) to OUT with every ill-formed sequence replaced by
 * U+FFFD, so that what reaches JSON or a message is always UTF-8. */
void ddl_utf8_repair(ddl_buf *out, const char *s, size_t len);
/* Terminal columns taken by the valid UTF-8 in S[0..len), with tabs
 * expanded to stops of 8 starting at column COL0. */
size_t ddl_utf8_width(const char *s, size_t len, size_t col0);

#endif
