/* YAML loading and typed access with located errors. */
#include "yaml/ydoc.h"

#include "util/buf.h"
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

/* Adds S (LEN bytes) to a flattened document's bytes, NUL-terminated, and
 * returns its offset. */
static uint32_t pool_add(ddl_buf *p, const unsigned char *s, size_t len) {
  size_t at = p->len;
  ddl_buf_append(p, (const char *)s, len);
  ddl_buf_putc(p, '\0');
  return (uint32_t)at;
}

/* Tags are a handful of strings repeated by every node. */
typedef struct {
  const unsigned char *tag[16];
  uint32_t at[16];
  size_t n;
} tag_cache;

static uint32_t pool_tag(ddl_buf *p, tag_cache *c, const unsigned char *tag) {
  if (!tag)
    tag = (const unsigned char *)"";
  for (size_t i = 0; i < c->n; i++)
    if (strcmp((const char *)c->tag[i], (const char *)tag) == 0)
      return c->at[i];
  uint32_t at = pool_add(p, tag, strlen((const char *)tag));
  if (c->n < 16) {
    c->tag[c->n] = tag;
    c->at[c->n++] = at;
  }
  return at;
}

static void put_mark(uint32_t out[3], const yaml_mark_t *m) {
  out[0] = (uint32_t)m->index;
  out[1] = (uint32_t)m->line;
  out[2] = (uint32_t)m->column;
}

/* Turns DOC into Y's image: nodes and entries in one owned block, bytes
 * in another.  An alias shares its anchor's node, so nothing here outgrows
 * the file, which the composer holds to 16 MiB: every offset and mark
 * fits in 32 bits. */
static void flatten(ddl_ydoc *y, const yaml_document_t *doc) {
  const yaml_node_t *nodes = doc->nodes.start;
  size_t n = nodes ? (size_t)(doc->nodes.top - nodes) : 0, nitems = 0, npairs = 0;
  for (size_t i = 0; i < n; i++)
    if (nodes[i].type == YAML_SEQUENCE_NODE)
      nitems += (size_t)(nodes[i].data.sequence.items.top - nodes[i].data.sequence.items.start);
    else if (nodes[i].type == YAML_MAPPING_NODE)
      npairs += (size_t)(nodes[i].data.mapping.pairs.top - nodes[i].data.mapping.pairs.start);
  ddl_buf bytes = {0};
  tag_cache tags = {{NULL}, {0}, 0};
  /* + 1: never a zero-byte request */
  char *block = ddl_xmalloc(n * sizeof(ddl_ynode) + nitems * sizeof(yaml_node_item_t) +
                            npairs * sizeof(yaml_node_pair_t) + 1);
  ddl_ynode *out = (ddl_ynode *)(void *)block;
  yaml_node_pair_t *pairs = (yaml_node_pair_t *)(void *)(block + n * sizeof(ddl_ynode));
  yaml_node_item_t *items =
      (yaml_node_item_t *)(void *)(block + n * sizeof(ddl_ynode) + npairs * sizeof(*pairs));
  size_t ni = 0, np = 0;
  for (size_t i = 0; i < n; i++) {
    const yaml_node_t *nd = &nodes[i];
    ddl_ynode *o = &out[i];
    memset(o, 0, sizeof(*o));
    o->type = (uint8_t)nd->type;
    o->tag = pool_tag(&bytes, &tags, nd->tag);
    put_mark(o->start, &nd->start_mark);
    put_mark(o->end, &nd->end_mark);
    if (nd->type == YAML_SCALAR_NODE) {
      o->first = pool_add(&bytes, nd->data.scalar.value, nd->data.scalar.length);
      o->length = (uint32_t)nd->data.scalar.length;
      o->style = (uint8_t)nd->data.scalar.style;
    } else if (nd->type == YAML_SEQUENCE_NODE) {
      o->first = (uint32_t)ni;
      for (const yaml_node_item_t *it = nd->data.sequence.items.start;
           it < nd->data.sequence.items.top; it++)
        items[ni++] = *it;
      o->length = (uint32_t)(ni - o->first);
      o->style = (uint8_t)nd->data.sequence.style;
    } else if (nd->type == YAML_MAPPING_NODE) {
      o->first = (uint32_t)np;
      for (const yaml_node_pair_t *pr = nd->data.mapping.pairs.start;
           pr < nd->data.mapping.pairs.top; pr++)
        pairs[np++] = *pr;
      o->length = (uint32_t)(np - o->first);
      o->style = (uint8_t)nd->data.mapping.style;
    }
  }
  y->owned = block;
  y->bytes_owned = bytes.data;
  y->image.nodes = out;
  y->image.nnodes = n;
  y->image.bytes = bytes.data ? bytes.data : "";
  y->image.nbytes = bytes.len;
  y->image.items = items;
  y->image.nitems = nitems;
  y->image.pairs = pairs;
  y->image.npairs = npairs;
}

int ddl_ydoc_load(ddl_ydoc *y, ddl_errsink *errs, int code, const char *path,
                  const char *data, size_t len) {
  memset(y, 0, sizeof(*y));
  y->path = ddl_xstrdup(path);
  y->code = code;
  y->errs = errs;
  ddl_yaml_offset_position(data, len, len, &y->image.end_line, &y->image.end_column);
  const ddl_yaml_limits *lim = code == DDL_ECONFIG ? &config_limits : &pack_limits;
  yaml_document_t doc;
  int rc = ddl_yaml_compose(&doc, errs, code, path, data, len, lim);
  if (rc)
    return rc;
  flatten(y, &doc);
  yaml_document_delete(&doc);
  return check_root(y);
}

int ddl_ydoc_adopt(ddl_ydoc *y, ddl_errsink *errs, int code, const char *path,
                   const ddl_ydoc_image *image) {
  memset(y, 0, sizeof(*y));
  y->path = ddl_xstrdup(path);
  y->code = code;
  y->errs = errs;
  y->image = *image;
  return check_root(y);
}

static int check_root(ddl_ydoc *y) {
  const ddl_ynode *root = ddl_ydoc_root(y);
  if (!root)
    return ddl_ydoc_fail(y, NULL, "the file is empty");
  if (root->type != YAML_MAPPING_NODE)
    return ddl_ydoc_fail(y, root, "expected a mapping of keys to values at the top level");
  return DDL_OK;
}

void ddl_ydoc_free(ddl_ydoc *y) {
  free(y->owned);
  free(y->bytes_owned);
  free(y->path);
  memset(y, 0, sizeof(*y));
}

const ddl_ynode *ddl_ydoc_node(const ddl_ydoc *y, int id) {
  if (id < 1 || (size_t)id > y->image.nnodes)
    return NULL;
  return &y->image.nodes[id - 1];
}

const ddl_ynode *ddl_ydoc_root(const ddl_ydoc *y) { return ddl_ydoc_node(y, 1); }

const char *ddl_ydoc_scalar(const ddl_ydoc *y, const ddl_ynode *n) {
  return n && n->type == YAML_SCALAR_NODE ? y->image.bytes + n->first : NULL;
}

const yaml_node_pair_t *ddl_ydoc_pairs(const ddl_ydoc *y, const ddl_ynode *n, size_t *count) {
  bool map = n && n->type == YAML_MAPPING_NODE;
  *count = map ? n->length : 0;
  return map ? y->image.pairs + n->first : y->image.pairs;
}

const yaml_node_item_t *ddl_ydoc_items(const ddl_ydoc *y, const ddl_ynode *n, size_t *count) {
  bool seq = n && n->type == YAML_SEQUENCE_NODE;
  *count = seq ? n->length : 0;
  return seq ? y->image.items + n->first : y->image.items;
}

int ddl_ydoc_fail(ddl_ydoc *y, const ddl_ynode *at, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  unsigned line = at ? ddl_ynode_line(at) : 0;
  unsigned col = at ? ddl_ynode_column(at) : 0;
  /* An empty node at the end of a file without a final newline is marked
   * a line past the text: point just after the last character instead. */
  if (line > y->image.end_line || (line == y->image.end_line && col > y->image.end_column)) {
    line = y->image.end_line;
    col = y->image.end_column;
  }
  int rc = ddl_vfail(y->errs, y->code, y->path, line, col, fmt, ap);
  va_end(ap);
  return rc;
}

const ddl_ynode *ddl_ydoc_get(const ddl_ydoc *y, const ddl_ynode *map, const char *key) {
  size_t n;
  const yaml_node_pair_t *pairs = ddl_ydoc_pairs(y, map, &n);
  for (size_t i = 0; i < n; i++) {
    const char *k = ddl_ydoc_scalar(y, ddl_ydoc_node(y, pairs[i].key));
    if (k && strcmp(k, key) == 0)
      return ddl_ydoc_node(y, pairs[i].value);
  }
  return NULL;
}

static bool listed(const char *const *list, const char *key) {
  for (; list && *list; list++)
    if (strcmp(*list, key) == 0)
      return true;
  return false;
}

static int unknown_key(ddl_ydoc *y, const ddl_ynode *kn, const char *k, const char *what,
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

int ddl_ydoc_check_keys(ddl_ydoc *y, const ddl_ynode *map, const char *what,
                        const char *const *known, const char *const *known2) {
  /* The duplicate search looks back only over known, distinct keys (the
   * first unknown or repeated key stops the loop), so it is bounded by the
   * number of known keys squared, however long the mapping. */
  size_t n;
  const yaml_node_pair_t *pairs = ddl_ydoc_pairs(y, map, &n);
  for (const yaml_node_pair_t *p = pairs; p < pairs + n; p++) {
    const ddl_ynode *kn = ddl_ydoc_node(y, p->key);
    const char *k = ddl_ydoc_scalar(y, kn);
    if (!k)
      return ddl_ydoc_fail(y, kn, "keys of %s must be plain strings", what);
    if (!listed(known, k) && !listed(known2, k))
      return unknown_key(y, kn, k, what, known, known2);
    for (const yaml_node_pair_t *q = pairs; q < p; q++) {
      const char *prev = ddl_ydoc_scalar(y, ddl_ydoc_node(y, q->key));
      if (prev && strcmp(prev, k) == 0)
        return ddl_ydoc_fail(y, kn, "key '%s' given twice in %s", k, what);
    }
  }
  return DDL_OK;
}

int ddl_ydoc_string(ddl_ydoc *y, const ddl_ynode *n, const char *what, const char **out) {
  const char *s = ddl_ydoc_scalar(y, n);
  if (!s)
    return ddl_ydoc_fail(y, n, "%s must be a string", what);
  *out = s;
  return DDL_OK;
}

int ddl_ydoc_number(ddl_ydoc *y, const ddl_ynode *n, const char *what, double *out) {
  const char *s = ddl_ydoc_scalar(y, n);
  char *end;
  errno = 0;
  double v = s ? strtod(s, &end) : 0;
  if (!s || !*s || *end || errno)
    return ddl_ydoc_fail(y, n, "%s must be a number", what);
  *out = v;
  return DDL_OK;
}

int ddl_ydoc_bool(ddl_ydoc *y, const ddl_ynode *n, const char *what, bool *out) {
  const char *s = ddl_ydoc_scalar(y, n);
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

int ddl_ydoc_severity(ddl_ydoc *y, const ddl_ynode *n, const char *what, ddl_severity *out) {
  const char *s = ddl_ydoc_scalar(y, n);
  if (!s || ddl_severity_parse(out, s) != DDL_OK)
    return ddl_ydoc_fail(y, n, "%s must be error, warning or note", what);
  return DDL_OK;
}

int ddl_ydoc_strings(ddl_ydoc *y, const ddl_ynode *n, const char *what, ddl_ydoc_str_fn fn,
                     void *ud) {
  if (n && n->type == YAML_SCALAR_NODE)
    return fn(ud, y, n, ddl_ydoc_scalar(y, n));
  if (!n || n->type != YAML_SEQUENCE_NODE)
    return ddl_ydoc_fail(y, n, "%s must be a string or a list of strings", what);
  size_t count;
  const yaml_node_item_t *items = ddl_ydoc_items(y, n, &count);
  for (size_t i = 0; i < count; i++) {
    const ddl_ynode *item = ddl_ydoc_node(y, items[i]);
    const char *s = ddl_ydoc_scalar(y, item);
    if (!s)
      return ddl_ydoc_fail(y, item, "each entry of %s must be a string", what);
    int rc = fn(ud, y, item, s);
    if (rc)
      return rc;
  }
  return DDL_OK;
}
