/* UTF-8 validation and display width. */
#ifndef DDL_UTIL_UTF8_H
#define DDL_UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Returns the offset of the first byte that is not part of a well-formed
 * UTF-8 sequence (overlong forms, surrogates and values above U+10FFFF are
 * ill-formed), or LEN when all of S is valid. */
size_t ddl_utf8_invalid_at(const unsigned char *s, size_t len);
/* Length of the sequence starting with lead byte C (1 for invalid leads). */
size_t ddl_utf8_seq_len(unsigned char c);
/* Terminal columns taken by the valid UTF-8 in S[0..len), with tabs
 * expanded to stops of 8 starting at column COL0. */
size_t ddl_utf8_width(const char *s, size_t len, size_t col0);

#endif
