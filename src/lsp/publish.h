/* A lint result as the protocol shows it: diagnostics with ranges in the
 * client's units, and the code actions the diagnostics' fixes offer. */
#ifndef DDL_LSP_PUBLISH_H
#define DDL_LSP_PUBLISH_H

#include "ddlint.h"
#include "lsp/text.h"

#include <jansson.h>
#include <stdbool.h>

/* What the client said it can take, at initialize. */
typedef struct {
  lsp_encoding encoding;
  bool related_information; /* notes as relatedInformation, else in the message */
  bool document_changes;    /* versioned edits, which a client refuses when stale */
} lsp_client;

/* The Diagnostic[] for R, whose document is T as linted, at VERSION.
 * *ACTIONS (when not NULL) gets the code actions its fixes offer: an
 * array of {"range": the diagnostic's range, "action": CodeAction}. */
json_t *lsp_diagnostics(const ddl_result *r, const lsp_text *t, const char *uri, long long version,
                        const lsp_client *client, json_t **actions);
/* One diagnostic saying why a document could not be linted; ERR's
 * position is used when it is in the document itself (T may be NULL). */
json_t *lsp_failure(const ddl_error *err, const lsp_text *t, const lsp_client *client,
                    bool in_document);
json_t *lsp_range(const lsp_text *t, lsp_encoding enc, unsigned line, unsigned column,
                  unsigned end_line, unsigned end_column);
/* Whether LSP ranges A and B overlap or touch. */
bool lsp_ranges_meet(json_t *a, json_t *b);

#endif
