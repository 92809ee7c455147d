/* YAML loading and typed access with located errors. */
#include "yaml/ydoc.h"

#include "util/mem.h"
#include "util/suggest.h"
#include "yaml/compose.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const ddl_yaml_limits config_limits = {(size_t)4 << 20, DDL_YAML_MAX_DEPTH,
                                              DDL_YAML_MAX_ALIAS_NODES, "a configuration file"};
static const ddl_yaml_limits pack_limits = {(size_t)16 << 20, DDL_YAML_MAX_DEPTH,
                                            DDL_YAML_MAX_ALIAS_NODES, "a rule pack"};

static int check_root(ddl_ydoc *y);

int ddl_ydoc_load(ddl_ydoc *y, ddl_errsink *errs, int code, const char *path,
                  const char *data, size_t len) {
  memset(y, 0, sizeof(*y));
  y->path = ddl_xstrdup(path);
  y->code = code;
  y->errs = errs;
  ddl_yaml_offset_position(data, len, len, &y->end_line, &y->end_column);
  const ddl_yaml_limits *lim = code == DDL_ECONFIG ? &config_limits : &pack_limits;
  int rc = ddl_yaml_compose(&y->doc, errs, code, path, data, len, lim);
  if (rc)
    return rc;
  y->loaded = true;
  return check_root(y);
}

static yaml_mark_t image_mark(const uint32_t m[3]) {
  return (yaml_mark_t){m[0], m[1], m[2]};
}

int ddl_ydoc_adopt(ddl_ydoc *y, ddl_errsink *errs, int code, const char *path,
                   const ddl_ydoc_image *image) {
  memset(y, 0, sizeof(*y));
  y->path = ddl_xstrdup(path);
  y->code = code;
  y->errs = errs;
  y->end_line = image->end_line;
  y->end_column = image->end_column;
  /* One block, nodes first for their alignment, then the entries and
   * the bytes they point into. */
  size_t node_bytes = image->nnodes * sizeof(yaml_node_t);
  size_t pair_bytes = image->npairs * sizeof(yaml_node_pair_t);
  size_t item_bytes = image->nitems * sizeof(yaml_node_item_t);
  /* + 1: never a zero-byte request, whatever the image */
  char *block = ddl_xmalloc(node_bytes + pair_bytes + item_bytes + image->nbytes + 1);
  yaml_node_t *nodes = (yaml_node_t *)(void *)block;
  yaml_node_pair_t *pairs = (yaml_node_pair_t *)(void *)(block + node_bytes);
  yaml_node_item_t *items = (yaml_node_item_t *)(void *)(block + node_bytes + pair_bytes);
  yaml_char_t *bytes = (yaml_char_t *)(block + node_bytes + pair_bytes + item_bytes);
  if (pair_bytes)
    memcpy(pairs, image->pairs, pair_bytes);
  if (item_bytes)
    memcpy(items, image->items, item_bytes);
  if (image->nbytes)
    memcpy(bytes, image->bytes, image->nbytes);
  for (size_t i = 0; i < image->nnodes; i++) {
    const ddl_ydoc_image_node *in = &image->nodes[i];
    yaml_node_t *n = &nodes[i];
    memset(n, 0, sizeof(*n));
    n->type = (yaml_node_type_t)in->type;
    n->tag = bytes + in->tag;
    n->start_mark = image_mark(in->start);
    n->end_mark = image_mark(in->end);
    if (n->type == YAML_SCALAR_NODE) {
      n->data.scalar.value = bytes + in->first;
      n->data.scalar.length = in->length;
      n->data.scalar.style = (yaml_scalar_style_t)in->style;
    } else if (n->type == YAML_SEQUENCE_NODE) {
      n->data.sequence.items.start = items + in->first;
      n->data.sequence.items.end = n->data.sequence.items.top = items + in->first + in->length;
      n->data.sequence.style = (yaml_sequence_style_t)in->style;
    } else {
      n->data.mapping.pairs.start = pairs + in->first;
      n->data.mapping.pairs.end = n->data.mapping.pairs.top = pairs + in->first + in->length;
      n->data.mapping.style = (yaml_mapping_style_t)in->style;
    }
  }
  y->image_copy = block;
  y->doc.nodes.start = nodes;
  y->doc.nodes.end = y->doc.nodes.top = nodes + image->nnodes;
  y->doc.start_implicit = y->doc.end_implicit = 1;
  y->loaded = true;
  return check_root(y);
}

static int check_root(ddl_ydoc *y) {
  yaml_node_t *root = yaml_document_get_root_node(&y->doc);
  if (!root)
    return ddl_ydoc_fail(y, NULL, "the file is empty");
  if (root->type != YAML_MAPPING_NODE)
    return ddl_ydoc_fail(y, root, "expected a mapping of keys to values at the top level");
  return DDL_OK;
}

void ddl_ydoc_free(ddl_ydoc *y) {
  if (y->image_copy)
    free(y->image_copy);
  else if (y->loaded)
    yaml_document_delete(&y->doc);
  free(y->path);
  memset(y, 0, sizeof(*y));
}

yaml_node_t *ddl_ydoc_root(ddl_ydoc *y) { return yaml_document_get_root_node(&y->doc); }

yaml_node_t *ddl_ydoc_node(ddl_ydoc *y, int id) { return yaml_document_get_node(&y->doc, id); }

int ddl_ydoc_fail(ddl_ydoc *y, const yaml_node_t *at, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  unsigned line = at ? (unsigned)at->start_mark.line + 1 : 0;
  unsigned col = at ? (unsigned)at->start_mark.column + 1 : 0;
  /* An empty node at the end of a file without a final newline is marked
   * a line past the text: point just after the last character instead. */
  if (line > y->end_line || (line == y->end_line && col > y->end_column)) {
    line = y->end_line;
    col = y->end_column;
  }
  int rc = ddl_vfail(y->errs, y->code, y->path, line, col, fmt, ap);
  va_end(ap);
  return rc;
}

static const char *scalar(const yaml_node_t *n) {
  return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

yaml_node_t *ddl_ydoc_get(ddl_ydoc *y, yaml_node_t *map, const char *key) {
  if (!map || map->type != YAML_MAPPING_NODE)
    return NULL;
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
    const char *k = scalar(ddl_ydoc_node(y, p->key));
    if (k && strcmp(k, key) == 0)
      return ddl_ydoc_node(y, p->value);
  }
  return NULL;
}

static bool listed(const char *const *list, const char *key) {
  for (; list && *list; list++)
    if (strcmp(*list, key) == 0)
      return true;
  return false;
}

static int unknown_key(ddl_ydoc *y, yaml_node_t *kn, const char *k, const char *what,
                       const char *const *known, const char *const *known2) {
  ddl_suggest s;
  ddl_suggest_init(&s, k);
  ddl_suggest_add_list(&s, known);
  ddl_suggest_add_list(&s, known2);
  const char *best = ddl_suggest_best(&s);
  if (best)
    return ddl_ydoc_fail(y, kn, "unknown key '%s' in %s; did you mean '%s'?", k, what, best);
  return ddl_ydoc_fail(y, kn, "unknown key '%s' in %s", k, what);
}

int ddl_ydoc_check_keys(ddl_ydoc *y, yaml_node_t *map, const char *what,
                        const char *const *known, const char *const *known2) {
  /* The duplicate search looks back only over known, distinct keys (the
   * first unknown or repeated key stops the loop), so it is bounded by the
   * number of known keys squared, however long the mapping. */
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
    yaml_node_t *kn = ddl_ydoc_node(y, p->key);
    const char *k = scalar(kn);
    if (!k)
      return ddl_ydoc_fail(y, kn, "keys of %s must be plain strings", what);
    if (!listed(known, k) && !listed(known2, k))
      return unknown_key(y, kn, k, what, known, known2);
    for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++) {
      const char *prev = scalar(ddl_ydoc_node(y, q->key));
      if (prev && strcmp(prev, k) == 0)
        return ddl_ydoc_fail(y, kn, "key '%s' given twice in %s", k, what);
    }
  }
  return DDL_OK;
}

int ddl_ydoc_string(ddl_ydoc *y, yaml_node_t *n, const char *what, const char **out) {
  const char *s = scalar(n);
  if (!s)
    return ddl_ydoc_fail(y, n, "%s must be a string", what);
  *out = s;
  return DDL_OK;
}

int ddl_ydoc_number(ddl_ydoc *y, yaml_node_t *n, const char *what, double *out) {
  const char *s = scalar(n);
  char *end;
  errno = 0;
  double v = s ? strtod(s, &end) : 0;
  if (!s || !*s || *end || errno)
    return ddl_ydoc_fail(y, n, "%s must be a number", what);
  *out = v;
  return DDL_OK;
}

int ddl_ydoc_bool(ddl_ydoc *y, yaml_node_t *n, const char *what, bool *out) {
  const char *s = scalar(n);
  if (s && (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0 || strcmp(s, "on") == 0)) {
    *out = true;
    return DDL_OK;
  }
  if (s && (strcmp(s, "false") == 0 || strcmp(s, "no") == 0 || strcmp(s, "off") == 0)) {
    *out = false;
    return DDL_OK;
  }
  return ddl_ydoc_fail(y, n, "%s must be true or false", what);
}

int ddl_ydoc_severity(ddl_ydoc *y, yaml_node_t *n, const char *what, ddl_severity *out) {
  const char *s = scalar(n);
  if (!s || ddl_severity_parse(out, s) != DDL_OK)
    return ddl_ydoc_fail(y, n, "%s must be error, warning or note", what);
  return DDL_OK;
}

int ddl_ydoc_strings(ddl_ydoc *y, yaml_node_t *n, const char *what, ddl_ydoc_str_fn fn, void *ud) {
  if (n && n->type == YAML_SCALAR_NODE)
    return fn(ud, y, n, scalar(n));
  if (!n || n->type != YAML_SEQUENCE_NODE)
    return ddl_ydoc_fail(y, n, "%s must be a string or a list of strings", what);
  for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
    yaml_node_t *item = ddl_ydoc_node(y, *it);
    if (!scalar(item))
      return ddl_ydoc_fail(y, item, "each entry of %s must be a string", what);
    int rc = fn(ud, y, item, scalar(item));
    if (rc)
      return rc;
  }
  return DDL_OK;
}
