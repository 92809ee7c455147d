/* Diagnostic storage, positions and ordering. */
#include "diag/diag.h"

#include "util/buf.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

/* Messages quote the document, and a quote cut short could end inside a
 * character: every message is made valid UTF-8 here, once, so that no
 * output format has to drop or mangle one. */
static const char *format(ddl_arena *arena, const char *fmt, va_list ap) {
  ddl_buf b = {0};
  ddl_buf_vprintf(&b, fmt, ap);
  const char *text = ddl_buf_cstr(&b);
  ddl_buf fixed = {0};
  if (!ddl_utf8_valid(text, b.len)) {
    ddl_utf8_repair(&fixed, text, b.len);
    text = ddl_buf_cstr(&fixed);
  }
  const char *s = ddl_arena_strndup(arena, text, strlen(text));
  ddl_buf_free(&fixed);
  ddl_buf_free(&b);
  return s;
}

ddl_diag *ddl_diag_add(ddl_diag_list *list, const char *rule, ddl_severity sev,
                       uint32_t start, uint32_t end, const char *fmt, va_list ap) {
  ddl_diag *d = ddl_arena_alloc(&list->arena, sizeof(*d));
  d->rule = ddl_arena_strndup(&list->arena, rule, strlen(rule));
  d->severity = sev;
  d->start = start;
  d->end = end > start ? end : start;
  d->message = format(&list->arena, fmt, ap);
  d->seq = list->items.len;
  DDL_VEC_PUSH(list->items, d);
  return d;
}

void ddl_diag_add_note(ddl_diag_list *list, ddl_diag *d, const char *fmt, va_list ap) {
  const char **notes = ddl_arena_alloc(&list->arena, (d->nnotes + 1) * sizeof(char *));
  if (d->nnotes)
    memcpy(notes, d->notes, d->nnotes * sizeof(char *));
  notes[d->nnotes++] = format(&list->arena, fmt, ap);
  d->notes = notes;
}

void ddl_diag_set_fix(ddl_diag_list *list, ddl_diag *d, uint32_t at, const char *title,
                      const char *text) {
  d->has_fix = true;
  d->fix_at = at;
  d->fix.title = ddl_arena_strndup(&list->arena, title, strlen(title));
  d->fix.text = ddl_arena_strndup(&list->arena, text, strlen(text));
}

static int by_position(const void *a, const void *b) {
  const ddl_diag *x = *(ddl_diag *const *)a, *y = *(ddl_diag *const *)b;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  if (x->severity != y->severity)
    return x->severity > y->severity ? -1 : 1;
  int c = strcmp(x->rule, y->rule);
  if (c)
    return c;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void ddl_diag_finalize(ddl_diag_list *list, const ddl_source *src) {
  for (size_t i = 0; i < list->items.len; i++) {
    ddl_diag *d = list->items.items[i];
    /* Offsets come from cmark's source positions, which for some inline
     * constructs are a few bytes off: a range never starts or ends
     * inside a character, whatever its rule computed. */
    d->start = (uint32_t)ddl_utf8_floor(src->data, src->len, d->start);
    d->end = (uint32_t)ddl_utf8_floor(src->data, src->len, d->end);
    if (d->end < d->start)
      d->end = d->start;
    ddl_source_position(src, d->start, &d->line, &d->column);
    ddl_source_position(src, d->end, &d->end_line, &d->end_column);
    if (d->has_fix) {
      d->fix_at = (uint32_t)ddl_utf8_floor(src->data, src->len, d->fix_at);
      ddl_source_position(src, d->fix_at, &d->fix.line, &d->fix.column);
    }
  }
  if (list->items.len > 1)
    qsort(list->items.items, list->items.len, sizeof(ddl_diag *), by_position);
}

void ddl_diag_list_free(ddl_diag_list *list) {
  DDL_VEC_FREE(list->items);
  ddl_arena_free(&list->arena);
}
