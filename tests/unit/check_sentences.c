/* Sentence splitting: rules judge claims sentence by sentence, so a split
 * inside "e.g." or "3.5" cuts a claim from its justification, and a
 * missed split glues two claims together. */
#include "helpers.h"
#include "doc/sentences.h"

#include <stdlib.h> /* util/vec.h uses free() without including it */
#include <string.h>

/* Each case lists the expected sentences, at most 5, NULL-terminated. */
static const struct {
  const char *what, *text;
  const char *sents[6];
} cases[] = {
    {"two sentences", "One. Two.", {"One.", "Two."}},
    {"! and ?", "Is it? Yes! Done.", {"Is it?", "Yes!", "Done."}},
    {"digit starts a sentence", "Go. 3 items remain.", {"Go.", "3 items remain."}},
    {"quote starts a sentence", "He left. \"Why?\" she asked.", {"He left.", "\"Why?\" she asked."}},
    {"bracket starts a sentence", "Done. (Mostly.)", {"Done.", "(Mostly.)"}},
    {"newline between", "Line one.\nLine two.", {"Line one.", "Line two."}},
    {"lower case does not start one", "Stop. then go.", {"Stop. then go."}},
    {"e.g.", "Use a cache, e.g. Redis is fine.", {"Use a cache, e.g. Redis is fine."}},
    {"i.e.", "Pick one, i.e. The fastest.", {"Pick one, i.e. The fastest."}},
    {"e.g. in brackets", "See docs (e.g. README). Next.", {"See docs (e.g. README).", "Next."}},
    {"vs.", "Postgres vs. MySQL was close.", {"Postgres vs. MySQL was close."}},
    {"Fig.", "As Fig. 3 shows, it works.", {"As Fig. 3 shows, it works."}},
    {"approx.", "It costs approx. 5 dollars.", {"It costs approx. 5 dollars."}},
    {"initial", "Ask J. Smith first.", {"Ask J. Smith first."}},
    {"two initials", "By A. B. Smith today.", {"By A. B. Smith today."}},
    {"decimal", "It grew 3.5 times. Then it fell.", {"It grew 3.5 times.", "Then it fell."}},
    {"domain", "See example.com for more. Then stop.", {"See example.com for more.", "Then stop."}},
    {"version", "Use v1.2.3 now. Then upgrade.", {"Use v1.2.3 now.", "Then upgrade."}},
    {"number before the period", "We need 5. The rest wait.", {"We need 5.", "The rest wait."}},
    {"ellipsis", "Wait... Then go.", {"Wait...", "Then go."}},
    {"ellipsis mid-sentence", "Wait... then go.", {"Wait... then go."}},
    {"?! run", "Really?! Yes.", {"Really?!", "Yes."}},
    {"closing quote", "He said \"stop.\" Then left.", {"He said \"stop.\"", "Then left."}},
    {"closing bracket", "(He left.) Then we ate.", {"(He left.)", "Then we ate."}},
    {"closing emphasis", "Use *this.* Next one.", {"Use *this.*", "Next one."}},
    {"closer at the end", "Done.\"", {"Done.\""}},
    {"inline code", "Run `a. B` now. Next.", {"Run `a. B` now.", "Next."}},
    {"inline code with ! and ?", "Call `f()? X` or `g! Y` here. Ok.", {"Call `f()? X` or `g! Y` here.", "Ok."}},
    {"trimmed", "  padded.   Next.  ", {"padded.", "Next."}},
    {"no terminal punctuation", "no terminal punctuation here", {"no terminal punctuation here"}},
    {"last one unterminated", "First. second part Third", {"First. second part Third"}},
    {"non-ASCII capital", "\xC3\x87" "a va. \xC3\x89lan vital.", {"\xC3\x87" "a va.", "\xC3\x89lan vital."}},
    {"empty", "", {NULL}},
    {"white space only", "   \n\t ", {NULL}},
    {"punctuation only", "... !!! ???", {NULL}},
};

/* Inline code spans of TEXT: ranges between paired backticks, as the
 * document model records them. */
static uint32_t find_code(const char *text, ddl_span *code, uint32_t max) {
  uint32_t n = 0;
  const char *open = NULL;
  for (const char *p = text; *p; p++) {
    if (*p != '`')
      continue;
    if (!open) {
      open = p;
    } else if (n < max) {
      code[n].start = (uint32_t)(open - text);
      code[n].end = (uint32_t)(p - text) + 1;
      n++;
      open = NULL;
    }
  }
  return n;
}

START_TEST(test_split) {
  const char *text = cases[_i].text;
  ddl_span code[8];
  uint32_t ncode = find_code(text, code, 8);
  ddl_span_vec out = {0};
  ddl_sentences_split(text, 0, (uint32_t)strlen(text), code, ncode, &out);

  size_t expect = 0;
  while (cases[_i].sents[expect])
    expect++;
  ck_assert_msg(out.len == expect, "%s: %zu sentences, expected %zu", cases[_i].what, out.len,
                expect);
  for (size_t k = 0; k < expect; k++) {
    const char *want = cases[_i].sents[k];
    ddl_span sp = out.items[k];
    ck_assert_msg(sp.end - sp.start == strlen(want) &&
                      memcmp(text + sp.start, want, strlen(want)) == 0,
                  "%s: sentence %zu is '%.*s', expected '%s'", cases[_i].what, k,
                  (int)(sp.end - sp.start), text + sp.start, want);
  }
  DDL_VEC_FREE(out);
}
END_TEST

/* Offsets are into the whole text, and only [start, end) is looked at. */
START_TEST(test_subrange_offsets) {
  const char *text = "xx One. Two. yy";
  ddl_span_vec out = {0};
  ddl_sentences_split(text, 3, 12, NULL, 0, &out);
  ck_assert_uint_eq(out.len, 2);
  ck_assert_uint_eq(out.items[0].start, 3);
  ck_assert_uint_eq(out.items[0].end, 7);
  ck_assert_uint_eq(out.items[1].start, 8);
  ck_assert_uint_eq(out.items[1].end, 12);
  DDL_VEC_FREE(out);
}
END_TEST

/* Sentences are appended: OUT keeps what it held. */
START_TEST(test_appends) {
  ddl_span_vec out = {0};
  ddl_span first = {100, 200};
  DDL_VEC_PUSH(out, first);
  ddl_sentences_split("One. Two.", 0, 9, NULL, 0, &out);
  ck_assert_uint_eq(out.len, 3);
  ck_assert_uint_eq(out.items[0].start, 100);
  ck_assert_uint_eq(out.items[1].start, 0);
  ck_assert_uint_eq(out.items[2].start, 5);
  DDL_VEC_FREE(out);
}
END_TEST

int main(void) {
  Suite *s = suite_create("sentences");
  TCase *tc = tcase_create("split");
  tcase_add_loop_test(tc, test_split, 0, DDL_ARRAY_LEN(cases));
  tcase_add_test(tc, test_subrange_offsets);
  tcase_add_test(tc, test_appends);
  suite_add_tcase(s, tc);  return run_suite(s);
}
