/* The default packs as the build tool wrote them: the table of compiled
 * patterns is sorted for the binary search and each entry decodes to the
 * code that compiling its pattern gives; each pack's image is, node for
 * node, the document that parsing its YAML gives. */
#include "helpers.h"
#include "regex/precompiled.h"
#include "rules/builtin.h"

#include "util/errsink.h"

#include <stdio.h>
#include <string.h>

START_TEST(test_table_sorted_and_filled) {
  /* The default packs hold over a hundred distinct patterns: an empty
   * table means the build tool recorded nothing. */
  ck_assert_uint_ge(ddl_precompiled_count, 100);
  for (size_t i = 1; i < ddl_precompiled_count; i++)
    ck_assert_msg(
        strcmp(ddl_precompiled_table[i - 1].pattern, ddl_precompiled_table[i].pattern) < 0,
        "entry %zu is out of order", i);
}
END_TEST

/* The justification rule's lists, at least, have cue tries; the table is
 * sorted for the binary search, and each entry is found. */
START_TEST(test_tries_sorted_and_found) {
  ck_assert_uint_ge(ddl_precompiled_trie_count, 3);
  for (size_t i = 0; i < ddl_precompiled_trie_count; i++) {
    const ddl_precompiled_trie *t = &ddl_precompiled_tries[i];
    ck_assert_ptr_eq(ddl_precompiled_cues(t->patterns, t->npatterns), &t->trie);
    if (i == 0)
      continue;
    const ddl_precompiled_trie *p = &ddl_precompiled_tries[i - 1];
    ck_assert_msg(ddl_precompiled_list_order(p->patterns, p->npatterns, t->patterns,
                                             t->npatterns) < 0,
                  "trie %zu is out of order", i);
  }
  /* A list it does not hold is built at run time. */
  const char *other[] = {"\\bfoo\\b", "\\bbar\\b"};
  ck_assert_ptr_null(ddl_precompiled_cues(other, 2));
}
END_TEST

/* Each prebuilt trie is, node for node, the one the library builds. */
START_TEST(test_trie_is_its_list) {
  const ddl_precompiled_trie *e = &ddl_precompiled_tries[_i];
  ddl_cue_index *ix = ddl_cue_index_build_here(e->patterns, e->npatterns);
  ddl_cue_trie t = ddl_cue_index_trie(ix);
  ck_assert_uint_eq(t.nnodes, e->trie.nnodes);
  ck_assert_uint_eq(t.all, e->trie.all);
  ck_assert(memcmp(t.given, e->trie.given, sizeof(t.given)) == 0);
  ck_assert_uint_eq(t.lead_root, e->trie.lead_root);
  for (size_t i = 0; i < t.nnodes; i++)
    ck_assert_msg(memcmp(&t.nodes[i], &e->trie.nodes[i], sizeof(ddl_cue_node)) == 0,
                  "trie %d differs at node %zu", _i, i);
  ddl_cue_index_free(ix);
}
END_TEST

/* The default configuration's lexicon is prebuilt, and it is, array for
 * array, the one built at run time from its terms. */
START_TEST(test_lexicon_is_its_terms) {
  ck_assert_uint_ge(ddl_precompiled_lexicon_count, 1);
  for (size_t l = 0; l < ddl_precompiled_lexicon_count; l++) {
    const ddl_precompiled_lexicon_entry *e = &ddl_precompiled_lexicons[l];
    ck_assert_uint_gt(e->nkeys, 500);
    ddl_lexicon_builder *lb = ddl_lexicon_builder_new();
    const char *term = e->terms;
    for (size_t i = 0; i < e->nkeys; i++, term += strlen(term) + 1)
      ddl_lexicon_add(lb, term, e->owners[i]);
    ck_assert_ptr_eq(ddl_precompiled_lexicon(lb), &e->image);
    /* One owner's weight changed, or one term spelt otherwise, and the
     * lexicon is built here. */
    for (int change = 0; change < 2; change++) {
      ddl_lexicon_builder *other = ddl_lexicon_builder_new();
      char spelt[256];
      term = e->terms;
      for (size_t i = 0; i < e->nkeys; i++, term += strlen(term) + 1) {
        ddl_lex_owner o = e->owners[i];
        const char *t = term;
        if (i == e->nkeys / 2 && change == 0)
          o.weight += 1;
        if (i == e->nkeys / 2 && change == 1) {
          snprintf(spelt, sizeof(spelt), "%s", term);
          spelt[0] = spelt[0] == 'x' ? 'y' : 'x';
          t = spelt;
        }
        ddl_lexicon_add(other, t, o);
      }
      ck_assert_ptr_null(ddl_precompiled_lexicon(other));
      ddl_lexicon_free(ddl_lexicon_build(other));
    }
    ddl_lexicon *lex = ddl_lexicon_build_here(lb);
    ddl_lex_image a = ddl_lexicon_image(lex), b = e->image;
    ck_assert_uint_eq(a.nnodes, b.nnodes);
    ck_assert_uint_eq(a.nedges, b.nedges);
    ck_assert_uint_eq(a.nterms, b.nterms);
    ck_assert_uint_eq(a.nowners, b.nowners);
    ck_assert_uint_eq(a.nslots, b.nslots);
    for (size_t i = 0; i < a.nnodes; i++)
      ck_assert(a.nodes[i].first_edge == b.nodes[i].first_edge &&
                a.nodes[i].nedges == b.nodes[i].nedges &&
                a.nodes[i].first_term == b.nodes[i].first_term &&
                a.nodes[i].nterms == b.nodes[i].nterms &&
                a.nodes[i].boundary == b.nodes[i].boundary);
    for (size_t i = 0; i < a.nedges; i++)
      ck_assert(a.edges[i].byte == b.edges[i].byte && a.edges[i].child == b.edges[i].child);
    for (size_t i = 0; i < a.nterms; i++) {
      ck_assert(a.terms[i].first == b.terms[i].first && a.terms[i].count == b.terms[i].count);
      ck_assert((a.terms[i].exact == NULL) == (b.terms[i].exact == NULL));
      ck_assert(!a.terms[i].exact || strcmp(a.terms[i].exact, b.terms[i].exact) == 0);
    }
    for (size_t i = 0; i < a.nowners; i++) {
      ck_assert(a.owners[i].owner == b.owners[i].owner && a.owners[i].tag == b.owners[i].tag &&
                a.owners[i].weight == b.owners[i].weight);
      ck_assert_uint_eq(a.slots[i], b.slots[i]);
    }
    ddl_lexicon_free(lex);
  }
  /* Another set of terms is built at run time. */
  ddl_lexicon_builder *lb = ddl_lexicon_builder_new();
  ddl_lexicon_add(lb, "cache", (ddl_lex_owner){0, 0, 1});
  ck_assert_ptr_null(ddl_precompiled_lexicon(lb));
  ddl_lexicon_free(ddl_lexicon_build(lb));
}
END_TEST

START_TEST(test_entry_is_its_pattern) {
  const ddl_precompiled *e = &ddl_precompiled_table[_i];
  ck_assert_ptr_eq(ddl_precompiled_find(e->pattern), e);
  pcre2_code *decoded = ddl_precompiled_decode(e);
  ck_assert_msg(decoded != NULL, "entry %d does not decode: %s", _i, e->pattern);
  int err;
  PCRE2_SIZE off;
  pcre2_code *compiled = pcre2_compile((PCRE2_SPTR)e->pattern, PCRE2_ZERO_TERMINATED,
                                       DDL_REGEX_OPTIONS, &err, &off, NULL);
  ck_assert_ptr_nonnull(compiled);
  size_t a, b;
  pcre2_pattern_info(decoded, PCRE2_INFO_SIZE, &a);
  pcre2_pattern_info(compiled, PCRE2_INFO_SIZE, &b);
  ck_assert_uint_eq(a, b);
  pcre2_code_free(decoded);
  pcre2_code_free(compiled);
}
END_TEST

START_TEST(test_unknown_pattern_is_compiled) {
  ck_assert_ptr_null(ddl_precompiled_find("no default pack has (this) pattern"));
  ck_assert_ptr_null(ddl_precompiled_find(""));
}
END_TEST

static void same_mark(const uint32_t a[3], const uint32_t b[3], size_t i) {
  ck_assert_msg(a[0] == b[0] && a[1] == b[1] && a[2] == b[2],
                "node %zu: mark %u:%u:%u, parsed %u:%u:%u", i, a[0], a[1], a[2], b[0], b[1], b[2]);
}

/* The image is read in place; it must hold what parsing the pack gives. */
START_TEST(test_image_is_the_parsed_pack) {
  const ddl_builtin_pack *b = &ddl_builtin_packs[_i];
  const ddl_ydoc_image *image = ddl_builtin_image(b->name);
  ck_assert_msg(image != NULL, "%s has no image", b->name);
  ddl_errsink errs = DDL_ERRSINK_INIT;
  ddl_ydoc y;
  ck_assert_int_eq(ddl_ydoc_load(&y, &errs, DDL_EPACK, b->name, b->data, b->len), DDL_OK);
  ddl_ydoc adopted;
  ck_assert_int_eq(ddl_ydoc_adopt(&adopted, &errs, DDL_EPACK, b->name, image), DDL_OK);
  size_t n = y.image.nnodes;
  ck_assert_uint_gt(n, 0);
  ck_assert_uint_eq(adopted.image.nnodes, n);
  ck_assert_uint_eq(adopted.image.end_line, y.image.end_line);
  ck_assert_uint_eq(adopted.image.end_column, y.image.end_column);
  for (size_t i = 0; i < n; i++) {
    const ddl_ynode *a = ddl_ydoc_node(&adopted, (int)i + 1), *p = ddl_ydoc_node(&y, (int)i + 1);
    ck_assert_int_eq(a->type, p->type);
    ck_assert_int_eq(a->style, p->style);
    ck_assert_str_eq(adopted.image.bytes + a->tag, y.image.bytes + p->tag);
    same_mark(a->start, p->start, i);
    same_mark(a->end, p->end, i);
    ck_assert_uint_eq(a->length, p->length);
    if (p->type == YAML_SCALAR_NODE) {
      const char *av = ddl_ydoc_scalar(&adopted, a), *pv = ddl_ydoc_scalar(&y, p);
      ck_assert(memcmp(av, pv, p->length) == 0);
      ck_assert_int_eq(av[a->length], 0);
    } else if (p->type == YAML_SEQUENCE_NODE) {
      size_t ka, kp;
      const yaml_node_item_t *ia = ddl_ydoc_items(&adopted, a, &ka),
                             *ip = ddl_ydoc_items(&y, p, &kp);
      ck_assert_uint_eq(ka, kp);
      ck_assert(memcmp(ia, ip, kp * sizeof(yaml_node_item_t)) == 0);
    } else {
      ck_assert_int_eq(p->type, YAML_MAPPING_NODE);
      size_t ka, kp;
      const yaml_node_pair_t *pa = ddl_ydoc_pairs(&adopted, a, &ka),
                             *pp = ddl_ydoc_pairs(&y, p, &kp);
      ck_assert_uint_eq(ka, kp);
      ck_assert(memcmp(pa, pp, kp * sizeof(yaml_node_pair_t)) == 0);
    }
  }
  ddl_ydoc_free(&adopted);
  ddl_ydoc_free(&y);
  ddl_errsink_free(&errs);
}
END_TEST

static int builtin_count(void) {
  int n = 0;
  while (ddl_builtin_packs[n].name)
    n++;
  return n;
}

int main(void) {
  Suite *s = suite_create("prebuilt");
  TCase *tc = tcase_create("patterns");
  tcase_add_test(tc, test_table_sorted_and_filled);
  tcase_add_loop_test(tc, test_entry_is_its_pattern, 0, (int)ddl_precompiled_count);
  tcase_add_test(tc, test_unknown_pattern_is_compiled);
  tcase_add_test(tc, test_tries_sorted_and_found);
  tcase_add_test(tc, test_lexicon_is_its_terms);
  tcase_add_loop_test(tc, test_trie_is_its_list, 0, (int)ddl_precompiled_trie_count);
  suite_add_tcase(s, tc);
  TCase *ti = tcase_create("images");
  tcase_add_loop_test(ti, test_image_is_the_parsed_pack, 0, builtin_count());
  suite_add_tcase(s, ti);
  return run_suite(s);
}
