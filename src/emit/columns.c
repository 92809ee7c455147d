/* Columns in bytes, code points or UTF-16 code units.  The library counts
 * bytes, as gcc does; editors count otherwise, and a column in the wrong
 * unit lands past its target on any line with non-ASCII text. */
#include "emit/emit.h"

#include <string.h>

static const char *const unit_names[] = {"byte", "char", "utf-16"};

const char *ddl_column_unit_name(ddl_column_unit unit) {
  return (unsigned)unit < 3 ? unit_names[unit] : "byte";
}

int ddl_column_unit_parse(ddl_column_unit *out, const char *name) {
  for (int i = 0; i < 3; i++)
    if (strcmp(name, unit_names[i]) == 0) {
      *out = (ddl_column_unit)i;
      return DDL_OK;
    }
  return DDL_EUSAGE;
}

unsigned emit_column(emit_column_cursor *c, ddl_column_unit unit, const ddl_result *r,
                     unsigned line, unsigned column) {
  if (unit == DDL_COLUMN_BYTE || column == 0)
    return column;
  size_t len;
  const char *text = ddl_result_line(r, line, &len);
  if (!text)
    return column;
  size_t bytes = column - 1, within = bytes < len ? bytes : len;
  if (c->r != r || c->line != line || c->byte > within)
    *c = (emit_column_cursor){r, line, 0, 0};
  for (size_t i = c->byte; i < within; i++) {
    unsigned char b = (unsigned char)text[i];
    /* a lead byte starts a character; one of four bytes is a character
     * outside the BMP, two UTF-16 units */
    if ((b & 0xC0) != 0x80)
      c->units += unit == DDL_COLUMN_UTF16 && b >= 0xF0 ? 2 : 1;
  }
  c->byte = within;
  return c->units + 1 + (unsigned)(bytes - within);
}
