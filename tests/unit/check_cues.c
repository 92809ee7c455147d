/* Cue words: what is read off a pattern, and the promise that makes them
 * safe to use, a pattern skipped for want of its cues never matches. */
#include "helpers.h"
#include "regex/cues.h"
#include "util/buf.h"
#include "regex/regex.h"
#include "util/vec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static int by_string(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The cue sets of PATTERN, each sorted and joined by '|', the sets by
 * " & ", a leading set marked '^'; "-" when none. */
static void cues_of(const char *pattern, char *out, size_t size) {
  ddl_cue_set sets[DDL_CUE_SETS];
  size_t nsets = ddl_cues_extract(pattern, sets);
  if (!nsets) {
    snprintf(out, size, "-");
    return;
  }
  out[0] = '\0';
  for (size_t k = 0; k < nsets; k++) {
    qsort(sets[k].cues, sets[k].n, sizeof(char *), by_string);
    for (size_t i = 0; i < sets[k].n; i++) {
      size_t len = strlen(out);
      const char *sep = i ? "|" : k ? " & " : "";
      snprintf(out + len, size - len, "%s%s%s", sep, !i && sets[k].leading ? "^" : "",
               sets[k].cues[i]);
    }
  }
  ddl_cue_sets_free(sets, nsets);
}

static const struct {
  const char *pattern, *cues;
} extract_cases[] = {
    {"\\bbecause\\b", "because$"},
    {"\\b(?:will|shall|must)\\s+\\w+", "must$|shall$|will$"},
    {"\\bwe(?:'ll|\\s+will)?\\s+use\\b", "use$ & we$"},
    /* Anchored: the subject's first word is a cue of the leading set,
     * an optional group's or the first word the pattern requires. */
    {"^\\W*(?:(?:only|also)\\s+)?(?:use|adopt)\\s+\\S", "^adopt$|also$|only$|use$ & adopt$|use$"},
    {"^\\s*(?:storage|database)\\s*:\\s*\\S", "^database$|storage$"}, /* once, not twice */
    {"^\\W*so\\b", "^so$"},
    {"^(?:step\\s*\\d+\\W+)?(?:outline\\s+)?(?:use\\s+cases\\b|goals\\b)",
     "^goals$|outline$|step|use$ & goals$|use$"},
    {"^\\s*(?!(?:there|here)\\b)(?:the\\s+)?[\\w-]+\\s+(?:stores|uses)\\b", "stores$|uses$"},
    {"^\\W*a?b\\b", "-"},                     /* no letter it must open with */
    {"(?m)^use\\b", "use$"},                     /* '^' is any line's start */
    {"^use\\b|^adopt\\b", "adopt$|use$"},       /* alternatives: not read for it */
    {"(?<!\\bthis\\s)(?<!\\bit\\s)\\b(?:will|should)\\s+be\\b", "should$|will$ & be$"},
    {"\\bneeds?\\s+to\\b", "need & to$"},
    {"\\b(?:is|are|will\\s+be)\\s+(?:stored|kept)\\b", "kept$|stored$ & are$|is$|will$"},
    {"(?-i)\\b(?:TODO|FIXME)\\b", "fixme$|todo$"},
    {"\\b(?:due|owing)\\s+to\\b|\\bthanks\\s+to\\b", "due$|owing$|thanks$"},
    {"\\b(?i:REST)\\b", "rest$"},
    {"\\b(?:a|an|the)\\s+(?:better|best)\\s+option\\b", "option$ & best$|better$"},
    /* What cannot be read is never guessed. */
    {"because", "-"},                  /* may match inside a word */
    {",\\s*as\\s+it\\b", "as$ & it$"},        /* a word after punctuation starts */
    {",?as\\b", "-"},                 /* ... unless the punctuation is optional */
    {"\\?\\s*$", "-"},
    {"[a-z]+ing\\b", "-"},
    {"\\b\\w+ly\\s+used\\b", "used$"},  /* unknown text is passed over */
    {"[a-z][\\w-]*(?:\\s+\\w+){0,5}\\s+(?:that|which)\\s+runs", "that$|which$ & runs"},
    {"\\(\\s*(?:needs?|because)\\b", "because$|need"},
    {"\\w+\\s*colou?r\\b", "-"},     /* 'r' is no word start */
    {"\\w+ (?:so|thus)\\b", "so$|thus$"},
    {"[a-z]+\\1\\s+x", "-"},          /* a back-reference is not read */
    {"\\b(?:use|[a-z]+ed)\\b", "-"},   /* one alternative has no literal */
    {"(?:\\bwe\\s+)?\\buse\\b", "use$"},
    {"(?:\\bwe\\s+)?use\\b", "-"},    /* "use" may follow anything */
    {"(?x) \\b because \\b", "-"},
    {"\\buse*\\b", "us"},
    {"\\bx{0,2}ab\\b", "-"},
    /* A whole word ('$') only where every match has a non-word character
     * (or a boundary, or the end) right after it; else a prefix. */
    {"\\bshard(?:ing)?\\b", "shard"},
    {"\\bcach(?:e|es|ing)\\b", "cach"},
    {"\\bwe['’]ll\\b", "we$"},
    {"\\bit(?:'s|\\s+is)\\b", "it$ & is$|s$"},
    {"\\bas\\s*,", "as$"},
    {"\\bas\\s*\\w", "as"},
    {"\\b(?:is)+\\s", "is"},          /* a repeated group may run on */
    {"\\bis(?=\\s)", "is"},           /* a lookahead is not read */
    {"\\bis(?:\\s+\\w+)?\\.", "is$"},
    {"\\b(?:is|are)(?:n't)?\\b", "are|is"},
    {"\\bso$", "so$"},
    {"\\bso[a-z]", "so"},
    {"\\bso[-_]", "so"},
    /* Words every match consumes after the first are read too; the two
     * sets whose shortest cue is longest are kept. */
    {"\\bthe\\s+(?:chosen|picked)\\s+(?:db|store)\\b", "chosen$|picked$ & the$"},
    {"\\bis\\s+(?:\\w+\\s+)?used\\b", "used$ & is$"},
    {"\\bis\\s+(?:also\\s+)?used\\b", "used$ & is$"},   /* an optional group is no cue */
    {"\\bwe\\s+use|\\bthey\\s+use", "they$|we$"},       /* each alternative its own */
    /* Alternatives: their first cues, and one set of each, its most
     * selective ("the" admits nearly every sentence). */
    {"\\bwhy\\b|\\bthe\\s+(?:main|key)\\s+reason\\b", "the$|why$ & reason$|why$"},
    {"\\bon\\s+account\\s+of\\b|\\bin\\s+light\\s+of\\b", "account$|light$ & in$|on$"},
    {"\\bwe\\s+use|\\bthe\\s+[a-z]+", "the$|we$"}, /* nothing further: one set */
    {"\\bkey\\s+[a-z]+\\s+store\\b", "store$ & key$"},
    {"\\bkey\\s+\\d+\\s+\\1", "key$"},                /* unread past the first: kept */
};

START_TEST(test_extract) {
  char got[512];
  cues_of(extract_cases[_i].pattern, got, sizeof(got));
  ck_assert_msg(strcmp(got, extract_cases[_i].cues) == 0, "%s: cues '%s', expected '%s'",
                extract_cases[_i].pattern, got, extract_cases[_i].cues);
}
END_TEST

START_TEST(test_candidates) {
  const char *patterns[] = {"\\bbecause\\b", "\\b(?:will|must)\\s+\\w+", "[a-z]+ing\\b",
                            "\\bneeds?\\s+to\\b"};
  ddl_cue_index *ix = ddl_cue_index_build(patterns, 4);
  const char *text = "We WILL do it, because it needs to.";
  uint64_t got = ddl_cue_index_candidates(ix, text, 0, strlen(text));
  ck_assert_uint_eq(got, 0xF);
  text = "Nothing here but sleeping cats.";
  ck_assert_uint_eq(ddl_cue_index_candidates(ix, text, 0, strlen(text)), 0x4);
  /* Only words from START count. */
  text = "because then";
  ck_assert_uint_eq(ddl_cue_index_candidates(ix, text, 1, strlen(text)), 0x4);
  /* A cue is a prefix of a word, not a piece inside one; a whole-word cue
   * ("will$") is not a prefix either. */
  text = "unbecause willow needless to";
  ck_assert_uint_eq(ddl_cue_index_candidates(ix, text, 0, strlen(text)), 0xC);
  text = "will, must";
  ck_assert_uint_eq(ddl_cue_index_candidates(ix, text, 0, strlen(text)), 0x6);
  /* The end of the range is the end of the subject pcre2 sees. */
  text = "willow";
  ck_assert_uint_eq(ddl_cue_index_candidates(ix, text, 0, 4), 0x6);
  ddl_cue_index_free(ix);
}
END_TEST

/* A leading cue counts only as the range's first word; other patterns of
 * the index still count every word. */
START_TEST(test_leading_candidates) {
  const char *patterns[] = {"^\\W*(?:(?:only|also)\\s+)?(?:use|adopt)\\s", "\\bbecause\\b"};
  ddl_cue_index *ix = ddl_cue_index_build(patterns, 2);
  static const struct {
    const char *text;
    size_t start;
    uint64_t want;
  } cases[] = {
      {"Use Redis because it is fast", 0, 0x3},
      {"We use Redis because it is fast", 0, 0x2}, /* "use" is not first */
      {"- adopt it", 0, 0x1},                     /* non-word characters first */
      {"Only use it", 0, 0x1},                    /* an optional group's word */
      {"Also, we use it", 0, 0x1},                /* a cue may not match: tried */
      {"user data", 0, 0x0},                      /* a whole word, not a prefix */
      {"caches. use it", 8, 0x1},                 /* the first word from START */
      {"caches. use it", 0, 0x0},
      {"reuse it", 2, 0x0},                       /* a word begun before START is none */
  };
  for (size_t i = 0; i < DDL_ARRAY_LEN(cases); i++) {
    const char *t = cases[i].text;
    uint64_t got = ddl_cue_index_candidates(ix, t, cases[i].start, strlen(t));
    ck_assert_msg(got == cases[i].want, "'%s' from %zu: 0x%llx, expected 0x%llx", t,
                  cases[i].start, (unsigned long long)got, (unsigned long long)cases[i].want);
  }
  ddl_cue_index_free(ix);
}
END_TEST

static void unindexed_list_of(ddl_regex_list *list, const char *const *patterns, size_t n) {
  memset(list, 0, sizeof(*list));
  for (size_t i = 0; i < n; i++) {
    char err[256];
    size_t off;
    ddl_regex *re = ddl_regex_compile(patterns[i], err, sizeof(err), &off);
    ck_assert_msg(re != NULL, "%s: %s", patterns[i], err);
    DDL_VEC_PUSH(*list, re);
  }
}

static void list_of(ddl_regex_list *list, const char *const *patterns, size_t n) {
  unindexed_list_of(list, patterns, n);
  ddl_regex_list_index(list);
}

/* Two lists sharing one index answer as they did apart, searched with
 * one ddl_regex_cues in turn, and so does a third list searched with it
 * after them (its index is another: the cues are read again). */
START_TEST(test_shared_lists) {
  const char *a_patterns[] = {"\\bbecause\\b", "\\b(?:will|must)\\s+use\\b"};
  const char *b_patterns[] = {"\\bstores\\s+\\w+", "\\bwe\\s+use\\b", "\\bcach(?:e|ing)\\b"};
  ddl_regex_list a, b, a2, b2;
  list_of(&a, a_patterns, 2);
  list_of(&b, b_patterns, 3);
  unindexed_list_of(&a2, a_patterns, 2);
  unindexed_list_of(&b2, b_patterns, 3);
  ddl_regex_lists_index_together(&a2, &b2);
  ck_assert_ptr_eq(a2.cues, b2.cues);
  ddl_matcher *m = ddl_matcher_new();
  const char *texts[] = {"We use a cache.", "It stores rows because reads dominate.",
                         "Nothing to see.", "We will use caching.", "must use"};
  for (size_t t = 0; t < DDL_ARRAY_LEN(texts); t++) {
    const char *x = texts[t];
    size_t len = strlen(x), s1, e1, s2, e2;
    ddl_regex_cues cues = DDL_REGEX_CUES_INIT;
    bool fa = ddl_regex_list_search(m, &a, x, 0, len, &s1, &e1);
    ck_assert(fa == ddl_regex_list_search_again(m, &a2, &cues, x, 0, len, &s2, &e2));
    ck_assert(!fa || (s1 == s2 && e1 == e2));
    bool fb = ddl_regex_list_search(m, &b, x, 0, len, &s1, &e1);
    ck_assert(fb == ddl_regex_list_search_again(m, &b2, &cues, x, 0, len, &s2, &e2));
    ck_assert(!fb || (s1 == s2 && e1 == e2));
    ck_assert(fb == ddl_regex_list_search_again(m, &b, &cues, x, 0, len, &s2, &e2));
  }
  ddl_matcher_free(m);
  ddl_regex_list_free(&a);
  ddl_regex_list_free(&b);
  ddl_regex_list_free(&b2); /* either may go first: A2 frees the index */
  ddl_regex_list_free(&a2);
}
END_TEST

/* Each of a node's many children, the first slot ('a') and the last
 * ('_') among them, is found as itself and not as its neighbour. */
START_TEST(test_sibling_children) {
  const char *patterns[] = {"\\bxa\\b", "\\bxm\\b", "\\bxz\\b", "\\bx0\\b",
                            "\\bx9\\b", "\\bx_\\b", "\\ba\\b", "\\b__init\\b"};
  ddl_cue_index *ix = ddl_cue_index_build(patterns, 8);
  const char *texts[] = {"xa", "xm", "xz", "x0", "x9", "x_", "a", "__init"};
  for (size_t i = 0; i < 8; i++)
    ck_assert_msg(ddl_cue_index_candidates(ix, texts[i], 0, strlen(texts[i])) == (uint64_t)1 << i,
                  "'%s' gave 0x%llx", texts[i],
                  (unsigned long long)ddl_cue_index_candidates(ix, texts[i], 0, strlen(texts[i])));
  ck_assert_uint_eq(ddl_cue_index_candidates(ix, "xb xy x1 x a_", 0, 13), 0);
  ck_assert_uint_eq(ddl_cue_index_candidates(ix, "x_ and xa", 0, 9), 0x21);
  ddl_cue_index_free(ix);
}
END_TEST

/* A trie too large for its 16-bit links lets in what fits; the pattern
 * that does not fit is always tried, never wrongly ruled out. */
START_TEST(test_crowded_index) {
  ddl_buf big = {0};
  ddl_buf_puts(&big, "\\b(?:");
  for (unsigned i = 0; i < 10000; i++) { /* 10,000 12-letter words, few shared prefixes */
    ddl_buf_puts(&big, i ? "|" : "");
    for (unsigned j = 0, v = i; j < 12; j++, v = v / 26 + j * 7)
      ddl_buf_putc(&big, (char)('a' + v % 26));
  }
  ddl_buf_puts(&big, ")\\b");
  const char *patterns[] = {"\\bbecause\\b", ddl_buf_cstr(&big), "\\bsince\\b"};
  ddl_cue_index *ix = ddl_cue_index_build(patterns, 3);
  ck_assert_uint_eq(ddl_cue_index_candidates(ix, "nothing", 0, 7), 0x2);
  ck_assert_uint_eq(ddl_cue_index_candidates(ix, "since because", 0, 13), 0x7);
  ddl_cue_index_free(ix);
  ddl_buf_free(&big);
}
END_TEST

/* ---- the promise, on real patterns and real prose -------------------- */

typedef DDL_VEC(char *) str_vec;

/* Every scalar of the YAML file at PATH that compiles as a pattern. */
static void pack_scalars(const char *path, str_vec *out) {
  FILE *f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  yaml_parser_t parser;
  yaml_document_t doc;
  ck_assert(yaml_parser_initialize(&parser));
  yaml_parser_set_input_file(&parser, f);
  ck_assert_msg(yaml_parser_load(&parser, &doc), "cannot parse %s", path);
  for (yaml_node_t *n = doc.nodes.start; n < doc.nodes.top; n++)
    if (n->type == YAML_SCALAR_NODE)
      DDL_VEC_PUSH(*out, strdup((const char *)n->data.scalar.value));
  yaml_document_delete(&doc);
  yaml_parser_delete(&parser);
  fclose(f);
}

/* The lines of the labelled documents, as subjects to match. */
static void corpus_lines(str_vec *out, size_t max_docs) {
  static const char *const docs[] = {"sd-primer-pastebin", "sd-sdi-chat", "eng-go-sumdb",
                                     "eng-kep-2340", "eng-grpc-retries", "eng-cortex-architecture",
                                     "eng-adr-govuk-mysql", "eng-vitess-queues"};
  for (size_t d = 0; d < DDL_ARRAY_LEN(docs) && d < max_docs; d++) {
    char path[1024];
    snprintf(path, sizeof(path), "%s/../shared/corpus/labelled/%s.md", DDLINT_SOURCE_DIR, docs[d]);
    FILE *f = fopen(path, "rb");
    if (!f)
      continue; /* the corpus is optional for this test */
    char line[4096];
    while (fgets(line, sizeof(line), f)) {
      line[strcspn(line, "\r\n")] = '\0';
      if (*line)
        DDL_VEC_PUSH(*out, strdup(line));
    }
    fclose(f);
  }
  /* Sentences written to meet each shape of pattern at least once. */
  static const char *const extra[] = {
      "We will use Redis because reads dominate.", "Use Kafka for events.",
      "The index SHOULD be rebuilt nightly.", "Shards will be assigned by tenant.",
      "To reduce latency, we cache reads.", "TODO: fill this in", "It's RESTful and idempotent."};
  for (size_t i = 0; i < DDL_ARRAY_LEN(extra); i++)
    DDL_VEC_PUSH(*out, strdup(extra[i]));
}

START_TEST(test_never_skips_a_match) {
  str_vec scalars = {0}, lines = {0};
  char path[1024];
  snprintf(path, sizeof(path), "%s/rules/deep-dive.yaml", DDLINT_SOURCE_DIR);
  pack_scalars(path, &scalars);
  snprintf(path, sizeof(path), "%s/rules/hygiene.yaml", DDLINT_SOURCE_DIR);
  pack_scalars(path, &scalars);
  corpus_lines(&lines, 8);
  ck_assert_uint_gt(scalars.len, 100);
  size_t patterns = 0, with_cues = 0, matches = 0; /* of those written as regexes */
  ddl_matcher *m = ddl_matcher_new();
  for (size_t p = 0; p < scalars.len; p++) {
    char err[256];
    size_t off;
    ddl_regex *re = ddl_regex_compile(scalars.items[p], err, sizeof(err), &off);
    if (!re)
      continue;
    bool regex_like = strchr(scalars.items[p], '\\') != NULL;
    patterns += regex_like;
    const char *one[] = {scalars.items[p]};
    ddl_cue_index *ix = ddl_cue_index_build(one, 1);
    ddl_cue_set sets[DDL_CUE_SETS];
    size_t nsets = ddl_cues_extract(scalars.items[p], sets);
    if (nsets) {
      with_cues += regex_like;
      ddl_cue_sets_free(sets, nsets);
    }
    for (size_t l = 0; l < lines.len; l++) {
      size_t s, e, len = strlen(lines.items[l]);
      if (!ddl_regex_search(m, re, lines.items[l], len, 0, &s, &e))
        continue;
      matches++;
      ck_assert_msg(ddl_cue_index_candidates(ix, lines.items[l], 0, len) & 1,
                    "pattern '%s' matches '%s' but its cues rule it out", scalars.items[p],
                    lines.items[l]);
    }
    ddl_cue_index_free(ix);
    ddl_regex_free(re);
  }
  ck_assert_uint_eq(ddl_matcher_limit_count(m), 0);
  ddl_matcher_free(m);
  /* The test means something only if patterns have cues and match. */
  ck_assert_msg(with_cues * 2 > patterns, "%zu of %zu patterns have cues", with_cues, patterns);
  ck_assert_uint_gt(matches, 1000);
  for (size_t i = 0; i < scalars.len; i++)
    free(scalars.items[i]);
  for (size_t i = 0; i < lines.len; i++)
    free(lines.items[i]);
  DDL_VEC_FREE(scalars);
  DDL_VEC_FREE(lines);
}
END_TEST

int main(void) {
  Suite *s = suite_create("cues");
  TCase *tc = tcase_create("extract");
  tcase_add_loop_test(tc, test_extract, 0, DDL_ARRAY_LEN(extract_cases));
  tcase_add_test(tc, test_crowded_index);
  tcase_add_test(tc, test_candidates);
  tcase_add_test(tc, test_leading_candidates);
  tcase_add_test(tc, test_sibling_children);
  tcase_add_test(tc, test_shared_lists);
  suite_add_tcase(s, tc);
  tc = tcase_create("promise");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, test_never_skips_a_match);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
