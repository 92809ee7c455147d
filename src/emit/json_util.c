/* What the JSON-based formats share: strings that jansson accepts whatever
 * the input's bytes, checked building, and a checked dump. */
#include "emit/emit.h"

#include "util/buf.h"
#include "util/mem.h"
#include "util/utf8.h"

#include <errno.h>
#include <string.h>

json_t *emit_json_textn(const char *s, size_t len) {
  if (ddl_utf8_valid(s, len))
    return json_stringn(s, len);
  ddl_buf b = {0};
  ddl_utf8_repair(&b, s, len);
  json_t *v = json_stringn(ddl_buf_cstr(&b), b.len);
  ddl_buf_free(&b);
  return v;
}

json_t *emit_json_text(const char *s) { return emit_json_textn(s, strlen(s)); }

void emit_json_set(bool *failed, json_t *obj, const char *key, json_t *value) {
  if (!obj || !value || json_object_set_new(obj, key, value))
    *failed = true;
}

void emit_json_append(bool *failed, json_t *array, json_t *value) {
  if (!array || !value || json_array_append_new(array, value))
    *failed = true;
}

void emit_json_dump(emit_opts *o, json_t *doc, bool failed) {
  if (failed) {
    /* Only allocation can fail once every string is UTF-8. */
    if (!o->error)
      o->error = ENOMEM;
    return;
  }
  if (o->error)
    return;
  errno = 0;
  /* jansson may carry on past a failed write and still answer 0. */
  if (json_dumpf(doc, o->out, JSON_INDENT(2)) != 0 || ferror(o->out))
    o->error = errno ? errno : EIO;
  emit_write(o, "\n", 1);
}

char *emit_message_with_notes(const emit_opts *o, const ddl_diag *d) {
  ddl_buf b = {0};
  ddl_buf_puts(&b, ddl_diag_message(d));
  for (size_t k = 0; o->notes && k < ddl_diag_note_count(d); k++) {
    ddl_buf_putc(&b, '\n');
    ddl_buf_puts(&b, ddl_diag_note(d, k));
  }
  return b.data ? b.data : ddl_xstrdup("");
}
