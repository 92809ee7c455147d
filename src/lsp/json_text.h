/* JSON strings from bytes that should be, but may not be, UTF-8. */
#ifndef DDL_LSP_JSON_TEXT_H
#define DDL_LSP_JSON_TEXT_H

#include <jansson.h>
#include <stddef.h>

/* A JSON string of LEN bytes at S, each invalid UTF-8 sequence replaced
 * by U+FFFD (a path or message must reach the client, not vanish). */
json_t *lsp_json_text(const char *s, size_t len);
json_t *lsp_json_str(const char *s);

#endif
