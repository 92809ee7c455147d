/* Composing one YAML document from libyaml's events within limits, in
 * place of yaml_parser_load: a configuration or pack found in the tree
 * being linted must not be able to stall or exhaust ddlint. */
#ifndef DDL_YAML_COMPOSE_H
#define DDL_YAML_COMPOSE_H

#include "internal.h"

#include <yaml.h>

typedef struct {
  size_t max_bytes;       /* of the file */
  unsigned max_depth;     /* sequences and mappings open at once */
  size_t max_alias_nodes; /* nodes that aliases repeat, per document */
  const char *what;       /* "a configuration file", for the size message */
} ddl_yaml_limits;

#define DDL_YAML_MAX_DEPTH 64
#define DDL_YAML_MAX_ALIAS_NODES 100000

/* Parses the single YAML document in DATA (LEN bytes) into *DOC, which
 * the caller then owns and frees with yaml_document_delete(); an empty
 * stream gives a document without nodes.  Syntax errors, a second
 * document and every limit of LIM are reported on CTX at their place in
 * PATH with error code CODE, which is returned; *DOC is then left empty.
 * Runs in time linear in LEN. */
int ddl_yaml_compose(yaml_document_t *doc, ddl_errsink *errs, int code, const char *path,
                     const char *data, size_t len, const ddl_yaml_limits *lim);

/* The 1-based line and byte column of byte OFFSET of DATA, counting line
 * breaks as libyaml does (LF, CR LF, CR, NEL, LS, PS) and not counting a
 * leading byte-order mark. */
void ddl_yaml_offset_position(const char *data, size_t len, size_t offset, unsigned *line,
                              unsigned *column);

#endif
