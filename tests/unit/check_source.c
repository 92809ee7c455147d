/* Source buffers: the line table behind every line:column ddlint prints,
 * input validation (NUL bytes, invalid UTF-8) and the UTF-8 helpers. */
#include "helpers.h"
#include "io/source.h"
#include "util/utf8.h"

#include <string.h>

/* Builds a source from LEN bytes; fails the test when it is refused. */
static void init_ok(ddl_source *src, const char *bytes, size_t len) {
  ddl_ctx *ctx = ddl_ctx_new();
  int rc = ddl_source_init(src, ddl_ctx__errsink(ctx), "doc.md", bytes, len);
  ck_assert_msg(rc == DDL_OK, "source refused: %s", ddl_ctx_error(ctx)->message);
  ddl_ctx_free(ctx);
}

/* ---- line table ----------------------------------------------------- */

/* Each line ending (LF, CRLF or a lone CR) starts a new line, so a final
 * line ending leaves an empty last line; empty input has one empty line. */
static const struct {
  const char *what, *text;
  uint32_t nlines;
  uint32_t lines[6];
} line_cases[] = {
    {"empty", "", 1, {0}},
    {"LF", "ab\ncd\n", 3, {0, 3, 6}},
    {"CRLF", "ab\r\ncd\r\n", 3, {0, 4, 8}},
    {"lone CR", "ab\rcd\r", 3, {0, 3, 6}},
    {"mixed", "a\nb\r\nc\rd", 4, {0, 2, 5, 7}},
    {"no final newline", "ab\ncd", 2, {0, 3}},
    {"blank CRLF lines", "\r\n\r\n", 3, {0, 2, 4}},
    /* LF then CR is two endings; CR then LF is one. */
    {"LF CR", "\n\r", 3, {0, 1, 2}},
    {"CR CRLF", "\r\r\n", 3, {0, 1, 3}},
};

START_TEST(test_line_table) {
  ddl_source src;
  init_ok(&src, line_cases[_i].text, strlen(line_cases[_i].text));
  ck_assert_msg(src.nlines == line_cases[_i].nlines, "%s: %u lines, expected %u",
                line_cases[_i].what, src.nlines, line_cases[_i].nlines);
  for (uint32_t k = 0; k < src.nlines; k++)
    ck_assert_msg(src.lines[k] == line_cases[_i].lines[k], "%s: line %u starts at %u, expected %u",
                  line_cases[_i].what, k + 1, src.lines[k], line_cases[_i].lines[k]);
  ck_assert_uint_eq(src.len, strlen(line_cases[_i].text));
  ck_assert_int_eq(src.data[src.len], '\0');
  ddl_source_free(&src);
}
END_TEST

/* ---- positions ------------------------------------------------------ */

/* Columns are 1-based byte columns; a line ending belongs to its line. */
static const struct {
  const char *text;
  uint32_t off;
  unsigned line, col;
} pos_cases[] = {
    {"", 0, 1, 1},
    {"abc", 2, 1, 3},
    {"abc", 3, 1, 4},         /* end of input: just past the last byte */
    {"abc", 99, 1, 4},        /* past the end clamps to the end */
    {"ab\ncd", 2, 1, 3},      /* the LF itself */
    {"ab\ncd", 3, 2, 1},
    {"ab\ncd", 4, 2, 2},
    {"ab\r\ncd", 3, 1, 4},    /* the LF of a CRLF is still line 1 */
    {"ab\r\ncd", 4, 2, 1},
    {"ab\rcd", 3, 2, 1},
    {"a\nb\r\nc\rd", 7, 4, 1},
    {"a\nb\r\nc\rd", 6, 3, 2},
    {"\xC3\xA9t\xC3\xA9 x", 5, 1, 6}, /* "été x": x is the 6th byte */
    {"x\n", 2, 2, 1},         /* the empty line after a final newline */
};

START_TEST(test_position) {
  ddl_source src;
  init_ok(&src, pos_cases[_i].text, strlen(pos_cases[_i].text));
  unsigned line = 0, col = 0;
  ddl_source_position(&src, pos_cases[_i].off, &line, &col);
  ck_assert_msg(line == pos_cases[_i].line && col == pos_cases[_i].col,
                "offset %u of case %d: %u:%u, expected %u:%u", pos_cases[_i].off, _i, line, col,
                pos_cases[_i].line, pos_cases[_i].col);
  ddl_source_free(&src);
}
END_TEST

/* Editors do not count a byte-order mark, so it is not in data and does
 * not shift columns. */
START_TEST(test_bom_not_counted) {
  ddl_source src;
  const char text[] = "\xEF\xBB\xBF" "ab\ncd";
  init_ok(&src, text, sizeof(text) - 1);
  ck_assert_uint_eq(src.len, 5);
  ck_assert_str_eq(src.data, "ab\ncd");
  unsigned line, col;
  ddl_source_position(&src, 0, &line, &col);
  ck_assert_uint_eq(line, 1);
  ck_assert_uint_eq(col, 1);
  ddl_source_position(&src, 4, &line, &col);
  ck_assert_uint_eq(line, 2);
  ck_assert_uint_eq(col, 2);
  ddl_source_free(&src);

  /* A BOM alone is an empty document. */
  init_ok(&src, "\xEF\xBB\xBF", 3);
  ck_assert_uint_eq(src.len, 0);
  ck_assert_uint_eq(src.nlines, 1);
  ddl_source_free(&src);
}
END_TEST

/* ---- offsets and lines ---------------------------------------------- */

static const struct {
  const char *text;
  unsigned line, col;
  uint32_t off;
} offset_cases[] = {
    {"abc\nde\n", 1, 1, 0},
    {"abc\nde\n", 1, 3, 2},
    {"abc\nde\n", 1, 4, 3},   /* just past the text: the line ending */
    {"abc\nde\n", 1, 99, 3},  /* clamped to the line, not into the next */
    {"abc\nde\n", 2, 0, 4},   /* column 0 means the line's start */
    {"abc\nde\n", 2, 2, 5},
    {"abc\nde\n", 0, 5, 0},   /* line 0: the start of the input */
    {"abc\nde\n", 3, 1, 7},   /* the empty last line */
    {"abc\nde\n", 3, 9, 7},
    {"abc\nde\n", 9, 1, 7},   /* past the last line: the end */
    {"ab\r\ncd", 1, 9, 2},    /* stops before the CR of a CRLF */
    {"ab\rcd", 1, 9, 2},
    {"ab\rcd", 2, 2, 4},
};

START_TEST(test_offset) {
  ddl_source src;
  init_ok(&src, offset_cases[_i].text, strlen(offset_cases[_i].text));
  uint32_t off = ddl_source_offset(&src, offset_cases[_i].line, offset_cases[_i].col);
  ck_assert_msg(off == offset_cases[_i].off, "case %d: %u:%u gives offset %u, expected %u", _i,
                offset_cases[_i].line, offset_cases[_i].col, off, offset_cases[_i].off);
  ddl_source_free(&src);
}
END_TEST

/* ddl_source_line returns a line without its ending, whatever the ending. */
START_TEST(test_source_line) {
  ddl_source src;
  const char *text = "ab\r\ncd\rxyz\n";
  init_ok(&src, text, strlen(text));
  static const char *const expect[] = {"ab", "cd", "xyz", ""};
  for (unsigned k = 0; k < 4; k++) {
    size_t len = 99;
    const char *l = ddl_source_line(&src, k + 1, &len);
    ck_assert_ptr_nonnull(l);
    ck_assert_uint_eq(len, strlen(expect[k]));
    ck_assert_int_eq(memcmp(l, expect[k], len), 0);
  }
  size_t len;
  ck_assert_ptr_null(ddl_source_line(&src, 0, &len));
  ck_assert_ptr_null(ddl_source_line(&src, 5, &len));
  ddl_source_free(&src);

  /* Without a final newline the last line runs to the end. */
  init_ok(&src, "one\ntwo", 7);
  const char *l = ddl_source_line(&src, 2, &len);
  ck_assert_ptr_nonnull(l);
  ck_assert_uint_eq(len, 3);
  ck_assert_int_eq(memcmp(l, "two", 3), 0);
  ck_assert_ptr_null(ddl_source_line(&src, 3, &len));
  ddl_source_free(&src);
}
END_TEST

/* ---- refused input -------------------------------------------------- */

/* The error must point at the offending byte: 1-based line and byte
 * column, so that an editor jumps to it. */
static const struct {
  const char *what;
  const char *bytes;
  size_t len;
  unsigned line, col;
  const char *says; /* a word the message must contain */
} bad_cases[] = {
    {"lone continuation", "ok\n\x80x", 5, 2, 1, "UTF-8"},
    {"overlong C0 AF", "ab\xC0\xAF", 4, 1, 3, "UTF-8"},
    {"surrogate ED A0 80", "x\r\nab\xED\xA0\x80", 8, 2, 3, "UTF-8"},
    {"above U+10FFFF", "\xF4\x90\x80\x80", 4, 1, 1, "UTF-8"},
    {"truncated at EOF", "abc\xE2\x82", 5, 1, 4, "UTF-8"},
    {"bad continuation", "a\xE2\x28\xA1", 4, 1, 2, "UTF-8"},
    {"after multi-byte", "\xC3\xA9\xFF", 3, 1, 3, "UTF-8"},
    {"after lone CR", "a\rb\xFF", 4, 2, 2, "UTF-8"},
    {"after a BOM", "\xEF\xBB\xBF" "a\xFF", 5, 1, 2, "UTF-8"},
    {"NUL byte", "ab\ncd\0ef", 8, 2, 3, "NUL"},
    {"NUL first", "\0abc", 4, 1, 1, "binary"},
    /* The first problem wins, whichever kind it is. */
    {"NUL before bad UTF-8", "a\0\xFF", 3, 1, 2, "NUL"},
    {"bad UTF-8 before NUL", "a\xFF\0", 3, 1, 2, "UTF-8"},
};

START_TEST(test_refused) {
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_source src;
  int rc = ddl_source_init(&src, ddl_ctx__errsink(ctx), "bad.md", bad_cases[_i].bytes, bad_cases[_i].len);
  const ddl_error *err = ddl_ctx_error(ctx);
  ck_assert_msg(rc == DDL_EINPUT, "%s: rc %d, expected DDL_EINPUT", bad_cases[_i].what, rc);
  ck_assert_int_eq(err->code, DDL_EINPUT);
  ck_assert_msg(err->line == bad_cases[_i].line && err->column == bad_cases[_i].col,
                "%s: error at %u:%u, expected %u:%u", bad_cases[_i].what, err->line,
                err->column, bad_cases[_i].line, bad_cases[_i].col);
  ck_assert_ptr_nonnull(err->path);
  ck_assert_str_eq(err->path, "bad.md");
  ck_assert_msg(strstr(err->message, bad_cases[_i].says) != NULL,
                "%s: message '%s' does not mention %s", bad_cases[_i].what, err->message,
                bad_cases[_i].says);
  /* A refused source owns nothing; freeing it again is harmless. */
  ck_assert_ptr_null(src.data);
  ddl_source_free(&src);
  ddl_ctx_free(ctx);
}
END_TEST

/* ---- UTF-8 helpers -------------------------------------------------- */

static const struct {
  const char *what, *s;
  size_t len, invalid_at;
} utf8_cases[] = {
    {"ascii", "abc", 3, 3},
    {"empty", "", 0, 0},
    {"2-byte", "\xC3\xA9", 2, 2},
    {"3-byte", "\xE2\x82\xAC", 3, 3},
    {"4-byte", "\xF0\x9D\x84\x9E", 4, 4},
    {"U+10FFFF", "\xF4\x8F\xBF\xBF", 4, 4},
    {"U+D7FF", "\xED\x9F\xBF", 3, 3},
    {"U+E000", "\xEE\x80\x80", 3, 3},
    {"lone continuation", "a\x80", 2, 1},
    {"C0 overlong", "\xC0\xAF", 2, 0},
    {"C1 overlong", "\xC1\xBF", 2, 0},
    {"E0 overlong", "\xE0\x9F\xBF", 3, 0},
    {"F0 overlong", "\xF0\x8F\xBF\xBF", 4, 0},
    {"surrogate", "ab\xED\xA0\x80", 5, 2},
    {"above U+10FFFF", "\xF4\x90\x80\x80", 4, 0},
    {"F5 lead", "\xF5\x80\x80\x80", 4, 0},
    {"FF", "x\xFF", 2, 1},
    {"truncated 2-byte", "a\xC3", 2, 1},
    {"truncated 4-byte", "\xF0\x9D\x84", 3, 0},
    {"bad third byte", "\xE2\x82\x41", 3, 0},
};

START_TEST(test_utf8_invalid_at) {
  size_t at = ddl_utf8_invalid_at((const unsigned char *)utf8_cases[_i].s, utf8_cases[_i].len);
  ck_assert_msg(at == utf8_cases[_i].invalid_at, "%s: invalid at %zu, expected %zu",
                utf8_cases[_i].what, at, utf8_cases[_i].invalid_at);
}
END_TEST

static const struct {
  const char *s;
  size_t col0, width;
} width_cases[] = {
    {"abc", 0, 3},
    {"", 5, 0},
    {"\t", 0, 8},
    {"a\t", 0, 8},             /* a tab goes to the next stop, not 8 on */
    {"\t", 3, 5},
    {"\t", 7, 1},
    {"\t", 8, 8},
    {"abcdefgh\t", 0, 16},
    {"a\tb", 0, 9},
    {"\xC3\xA9", 0, 1},        /* é: two bytes, one column */
    {"\xE6\x97\xA5\xE6\x9C\xAC", 0, 4}, /* 日本: wide */
    {"\xED\x95\x9C", 0, 2},    /* 한 (Hangul syllable) */
    {"\xF0\x9F\x98\x80", 0, 2}, /* emoji */
    {"e\xCC\x81", 0, 1},       /* combining accent takes no column */
    {"\xE6\x97\xA5\t", 0, 8},  /* a tab after a wide char still stops at 8 */
};

START_TEST(test_utf8_width) {
  size_t w = ddl_utf8_width(width_cases[_i].s, strlen(width_cases[_i].s), width_cases[_i].col0);
  ck_assert_msg(w == width_cases[_i].width, "case %d: width %zu, expected %zu", _i, w,
                width_cases[_i].width);
}
END_TEST

int main(void) {
  Suite *s = suite_create("source");
  TCase *tc = tcase_create("lines");
  tcase_add_loop_test(tc, test_line_table, 0, DDL_ARRAY_LEN(line_cases));
  tcase_add_loop_test(tc, test_position, 0, DDL_ARRAY_LEN(pos_cases));
  tcase_add_test(tc, test_bom_not_counted);
  tcase_add_loop_test(tc, test_offset, 0, DDL_ARRAY_LEN(offset_cases));
  tcase_add_test(tc, test_source_line);
  suite_add_tcase(s, tc);

  tc = tcase_create("refused");
  tcase_add_loop_test(tc, test_refused, 0, DDL_ARRAY_LEN(bad_cases));
  suite_add_tcase(s, tc);

  tc = tcase_create("utf8");
  tcase_add_loop_test(tc, test_utf8_invalid_at, 0, DDL_ARRAY_LEN(utf8_cases));
  tcase_add_loop_test(tc, test_utf8_width, 0, DDL_ARRAY_LEN(width_cases));
  suite_add_tcase(s, tc);
  return run_suite(s);
}
