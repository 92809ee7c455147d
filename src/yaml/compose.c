/* One YAML document from libyaml's events, built with the yaml_document_*
 * API.  libyaml's own loader recurses once per level, looks every anchor
 * and alias up by linear search and lets aliases repeat a subtree without
 * bound; here each limit is checked as its event arrives and parsing stops
 * at the first breach, so the work stays linear in the file.  (libyaml's
 * scanner costs O(flow depth) per token: the depth limit bounds that.) */
#include "yaml/compose.h"

#include "util/mem.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/vec.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char *name;  /* owned */
  int node;    /* the anchored node */
  bool open;   /* a collection still being read: an alias to it is a cycle */
  size_t size; /* nodes it expands to, known once it is closed */
  unsigned line;
} anchor;

typedef struct {
  int node;
  int key;              /* a mapping's key still waiting for its value, or 0 */
  size_t anchor;        /* 1 + index of the node's anchor, or 0 */
  size_t total_at_open; /* c->total before this node */
} frame;

typedef struct {
  yaml_parser_t parser;
  yaml_document_t *doc;
  ddl_errsink *errs;
  int code;
  const char *path, *data;
  size_t len;
  const ddl_yaml_limits *lim;
  DDL_VEC(anchor) anchors;
  ddl_strmap by_name; /* anchor name -> index in anchors */
  DDL_VEC(frame) open;
  size_t total;    /* nodes so far, each alias counted as what it expands to */
  size_t repeated; /* of those, the nodes aliases produced */
} composer;

static void out_of_memory(void) {
  fprintf(stderr, "ddlint: out of memory in libyaml\n");
  abort();
}

static int fail_at(composer *c, yaml_mark_t m, const char *fmt, ...) DDL_PRINTF(3, 4);
static int fail_at(composer *c, yaml_mark_t m, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  /* At the end of a file without a final newline libyaml's mark is one
   * line past the text: an editor could not go there, so the error is
   * put just after the last character instead. */
  unsigned line = (unsigned)m.line + 1, column = (unsigned)m.column + 1, end_line, end_column;
  ddl_yaml_offset_position(c->data, c->len, c->len, &end_line, &end_column);
  if (line > end_line || (line == end_line && column > end_column)) {
    line = end_line;
    column = end_column;
  }
  int rc = ddl_vfail(c->errs, c->code, c->path, line, column, fmt, ap);
  va_end(ap);
  return rc;
}

/* At most 60 bytes of an anchor's name for a message, cut between
 * characters. */
static int shown(const char *name) {
  size_t n = strlen(name);
  return (int)(n <= 60 ? n : ddl_utf8_floor(name, n, 60));
}

void ddl_yaml_offset_position(const char *data, size_t len, size_t offset, unsigned *line,
                              unsigned *column) {
  const unsigned char *s = (const unsigned char *)data;
  if (offset > len)
    offset = len;
  size_t i = len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0;
  size_t line_start = i;
  unsigned n = 1;
  while (i < offset) {
    size_t brk = 0;
    if (s[i] == '\n')
      brk = 1;
    else if (s[i] == '\r')
      brk = i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
    else if (s[i] == 0xC2 && i + 1 < len && s[i + 1] == 0x85)
      brk = 2;
    else if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 &&
             (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))
      brk = 3;
    if (brk && i + brk <= offset) {
      n++;
      line_start = i + brk;
    }
    i += brk ? brk : 1;
  }
  *line = n;
  *column = (unsigned)(offset - line_start) + 1;
}

static int parse_error(composer *c) {
  const yaml_parser_t *p = &c->parser;
  if (p->error == YAML_MEMORY_ERROR)
    out_of_memory();
  const char *problem = p->problem ? p->problem : "syntax error";
  if (p->error == YAML_READER_ERROR) {
    /* A reader error has no mark, only the offset of the bad byte. */
    unsigned line, column;
    ddl_yaml_offset_position(c->data, c->len, p->problem_offset, &line, &column);
    if (p->problem_value != -1)
      return ddl_fail(c->errs, c->code, c->path, line, column, "invalid YAML: %s (0x%02X)",
                           problem, (unsigned)p->problem_value);
    return ddl_fail(c->errs, c->code, c->path, line, column, "invalid YAML: %s", problem);
  }
  return fail_at(c, p->problem_mark, "invalid YAML: %s%s%s", problem, p->context ? " " : "",
                 p->context ? p->context : "");
}

/* libyaml's loader gives a node without a tag, or with the non-specific
 * tag "!", the default tag of its type; yaml_document_add_* does the same
 * for NULL. */
static yaml_char_t *tag_of(yaml_char_t *tag) {
  return tag && strcmp((const char *)tag, "!") != 0 ? tag : NULL;
}

static yaml_node_t *node_of(composer *c, int id) { return &c->doc->nodes.start[id - 1]; }

static int add_anchor(composer *c, const yaml_event_t *ev, const yaml_char_t *name, int node,
                      bool open) {
  if (!name)
    return DDL_OK;
  size_t old;
  if (ddl_strmap_get(&c->by_name, (const char *)name, &old)) {
    const anchor *a = &c->anchors.items[old];
    return fail_at(c, ev->start_mark,
                   "invalid YAML: anchor '&%.*s' is defined twice (first at line %u)",
                   shown(a->name), a->name, a->line);
  }
  anchor a = {ddl_xstrdup((const char *)name), node, open, 1, (unsigned)ev->start_mark.line + 1};
  DDL_VEC_PUSH(c->anchors, a);
  ddl_strmap_set(&c->by_name, a.name, c->anchors.len - 1);
  return DDL_OK;
}

/* Makes node ID the next item, key or value of the innermost collection. */
static void attach(composer *c, int id) {
  if (!c->open.len)
    return; /* the root: node 1 */
  frame *f = &c->open.items[c->open.len - 1];
  int ok;
  if (node_of(c, f->node)->type == YAML_SEQUENCE_NODE) {
    ok = yaml_document_append_sequence_item(c->doc, f->node, id);
  } else if (!f->key) {
    f->key = id;
    ok = 1;
  } else {
    ok = yaml_document_append_mapping_pair(c->doc, f->node, f->key, id);
    f->key = 0;
  }
  if (!ok)
    out_of_memory();
}

static int scalar(composer *c, const yaml_event_t *ev) {
  int id = yaml_document_add_scalar(c->doc, tag_of(ev->data.scalar.tag), ev->data.scalar.value,
                                    (int)ev->data.scalar.length, ev->data.scalar.style);
  if (!id)
    out_of_memory();
  node_of(c, id)->start_mark = ev->start_mark;
  node_of(c, id)->end_mark = ev->end_mark;
  c->total++;
  attach(c, id);
  return add_anchor(c, ev, ev->data.scalar.anchor, id, false);
}

static int open_collection(composer *c, const yaml_event_t *ev) {
  if (c->open.len >= c->lim->max_depth)
    return fail_at(c, ev->start_mark, "YAML nests deeper than %u levels; ddlint refuses it",
                   c->lim->max_depth);
  bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
  int id = seq ? yaml_document_add_sequence(c->doc, tag_of(ev->data.sequence_start.tag),
                                            ev->data.sequence_start.style)
               : yaml_document_add_mapping(c->doc, tag_of(ev->data.mapping_start.tag),
                                           ev->data.mapping_start.style);
  if (!id)
    out_of_memory();
  node_of(c, id)->start_mark = ev->start_mark;
  node_of(c, id)->end_mark = ev->end_mark;
  attach(c, id);
  const yaml_char_t *name = seq ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor;
  int rc = add_anchor(c, ev, name, id, true);
  if (rc)
    return rc;
  frame f = {id, 0, name ? c->anchors.len : 0, c->total};
  DDL_VEC_PUSH(c->open, f);
  c->total++;
  return DDL_OK;
}

static void close_collection(composer *c, const yaml_event_t *ev) {
  frame f = c->open.items[--c->open.len];
  node_of(c, f.node)->end_mark = ev->end_mark;
  if (f.anchor) {
    anchor *a = &c->anchors.items[f.anchor - 1];
    a->open = false;
    a->size = c->total - f.total_at_open;
  }
}

static int alias(composer *c, const yaml_event_t *ev) {
  const char *name = (const char *)ev->data.alias.anchor;
  size_t i;
  if (!ddl_strmap_get(&c->by_name, name, &i))
    return fail_at(c, ev->start_mark, "invalid YAML: alias '*%.*s' has no anchor before it",
                   shown(name), name);
  const anchor *a = &c->anchors.items[i];
  if (a->open)
    return fail_at(
        c, ev->start_mark,
        "YAML alias '*%.*s' is inside the node it repeats; ddlint refuses recursive YAML",
        shown(name), name);
  /* The alias repeats its anchor's whole subtree, aliases inside it
   * included: that, not the alias's few bytes, is what later code walks. */
  if (a->size > c->lim->max_alias_nodes - c->repeated)
    return fail_at(c, ev->start_mark,
                   "YAML aliases expand to more than %zu nodes; ddlint refuses it",
                   c->lim->max_alias_nodes);
  c->repeated += a->size;
  c->total += a->size;
  attach(c, a->node);
  return DDL_OK;
}

static int next(composer *c, yaml_event_t *ev) {
  return yaml_parser_parse(&c->parser, ev) ? DDL_OK : parse_error(c);
}

/* The events of the document's content, up to its DOCUMENT-END. */
static int content(composer *c) {
  for (;;) {
    yaml_event_t ev;
    int rc = next(c, &ev);
    if (rc)
      return rc;
    switch (ev.type) {
    case YAML_DOCUMENT_END_EVENT:
      c->doc->end_implicit = ev.data.document_end.implicit;
      c->doc->end_mark = ev.end_mark;
      yaml_event_delete(&ev);
      return DDL_OK;
    case YAML_SCALAR_EVENT: rc = scalar(c, &ev); break;
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: rc = open_collection(c, &ev); break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: close_collection(c, &ev); break;
    case YAML_ALIAS_EVENT: rc = alias(c, &ev); break;
    default: break; /* the parser sends nothing else inside a document */
    }
    yaml_event_delete(&ev);
    if (rc)
      return rc;
  }
}

static int stream(composer *c, bool *have_doc) {
  yaml_event_t ev;
  int rc = next(c, &ev); /* STREAM-START */
  if (rc)
    return rc;
  yaml_event_delete(&ev);
  if ((rc = next(c, &ev)))
    return rc;
  if (ev.type == YAML_STREAM_END_EVENT) {
    yaml_event_delete(&ev);
    if (!yaml_document_initialize(c->doc, NULL, NULL, NULL, 0, 0)) /* as libyaml's loader */
      out_of_memory();
    *have_doc = true;
    return DDL_OK;
  }
  /* DOCUMENT-START: the document copies its directives. */
  const yaml_event_t *d = &ev;
  if (!yaml_document_initialize(c->doc, d->data.document_start.version_directive,
                                d->data.document_start.tag_directives.start,
                                d->data.document_start.tag_directives.end,
                                d->data.document_start.implicit, 1))
    out_of_memory();
  *have_doc = true;
  c->doc->start_mark = ev.start_mark;
  yaml_event_delete(&ev);
  if ((rc = content(c)) || (rc = next(c, &ev)))
    return rc;
  yaml_event_type_t type = ev.type;
  yaml_mark_t at = ev.start_mark;
  yaml_event_delete(&ev);
  /* libyaml's loader would quietly stop after the first document. */
  if (type == YAML_DOCUMENT_START_EVENT)
    return fail_at(c, at, "a second YAML document starts here; ddlint reads one document per file");
  return DDL_OK;
}

int ddl_yaml_compose(yaml_document_t *doc, ddl_errsink *errs, int code, const char *path,
                     const char *data, size_t len, const ddl_yaml_limits *lim) {
  memset(doc, 0, sizeof(*doc));
  if (len > lim->max_bytes || len > INT_MAX) {
    unsigned line, column;
    ddl_yaml_offset_position(data, len, lim->max_bytes, &line, &column);
    return ddl_fail(errs, code, path, line, column,
                         "the file is larger than %zu MiB, the limit for %s; ddlint refuses it",
                         lim->max_bytes >> 20, lim->what);
  }
  composer c = {.doc = doc,
                .errs = errs,
                .code = code,
                .path = path,
                .data = data,
                .len = len,
                .lim = lim,
                .by_name = DDL_STRMAP_INIT};
  if (!yaml_parser_initialize(&c.parser))
    out_of_memory();
  yaml_parser_set_input_string(&c.parser, (const unsigned char *)data, len);
  bool have_doc = false;
  int rc = stream(&c, &have_doc);
  yaml_parser_delete(&c.parser);
  for (size_t i = 0; i < c.anchors.len; i++)
    free(c.anchors.items[i].name);
  DDL_VEC_FREE(c.anchors);
  DDL_VEC_FREE(c.open);
  ddl_strmap_free(&c.by_name);
  if (rc && have_doc) {
    yaml_document_delete(doc);
    memset(doc, 0, sizeof(*doc));
  }
  return rc;
}
