/* The lexicon: which terms a rule pack may declare, and where they match
 * in a block's text.  Coverage rules count these hits as evidence, so a
 * match inside a longer word or a missed phrase changes verdicts. */
#include "helpers.h"
#include "regex/lexicon.h"

#include <stdio.h>
#include <stdlib.h> /* util/vec.h uses free() without including it */
#include <string.h>

/* ---- term validation ------------------------------------------------ */

static const struct {
  const char *term;
  bool ok;
} term_cases[] = {
    {"cache", true},
    {"Cache Invalidation", true},
    {"load balanc*", true},
    {"replicat* lag", true},
    {"micro*-service", true},
    {"p99", true},
    {"2pc", true},
    {"c++", true},
    {"c#", true},
    {"r&d", true},
    {"TCP/IP", true},
    {"node.js", true},
    {"don't", true},
    {"snake_case", true},
    {"caf\xC3\xA9", true},
    {"\xC3\xA9t\xC3\xA9", true},      /* a non-ASCII letter may start a term */
    {"", false},
    {" cache", false},
    {"-cache", false},
    {"_cache", false},
    {"*cache", false},
    {"ca*che", false},                /* '*' only ends a word */
    {"cache**", false},
    {"cache *", false},               /* '*' must follow a letter or digit */
    {"a|b", false},
    {"(x)", false},
    {"x?", false},
    {"a[bc]", false},
    {"x^y", false},
    {"a\\b", false},
    {"x{2}", false},
    {"\xFF" "abc", false},            /* invalid UTF-8 */
    {"caf\xC3", false},               /* truncated UTF-8 */
    {"ab\xC0\xAF", false},            /* overlong */
};

START_TEST(test_check_term) {
  const char *msg = ddl_lexicon_check_term(term_cases[_i].term);
  if (term_cases[_i].ok)
    ck_assert_msg(msg == NULL, "'%s' should be valid, got: %s", term_cases[_i].term, msg);
  else
    ck_assert_msg(msg != NULL && *msg, "'%s' should be refused with a message",
                  term_cases[_i].term);
}
END_TEST

START_TEST(test_check_term_too_long) {
  char term[200];
  memset(term, 'a', sizeof(term) - 1);
  term[sizeof(term) - 1] = '\0';
  ck_assert_ptr_nonnull(ddl_lexicon_check_term(term));
  term[120] = '\0';
  ck_assert_ptr_null(ddl_lexicon_check_term(term));
}
END_TEST

/* ---- matching ------------------------------------------------------- */

/* TERMS (separated by '|', which no term may hold), all of one owner, are
 * scanned over TEXT; HITS is the matched text of each hit, in order,
 * joined by '|'. */
static const struct {
  const char *what, *terms, *text, *hits;
} scan_cases[] = {
    {"single word", "cache", "We cache reads.", "cache"},
    {"case-insensitive", "cache", "The Cache and CACHE.", "Cache|CACHE"},
    {"a capital makes a term case-sensitive", "REST", "the rest, REST and Rest", "REST"},
    {"lower-case terms ignore case", "restful", "RESTful, restful", "RESTful|restful"},
    {"case-sensitive phrase", "Kafka Streams", "Kafka Streams, kafka streams, Kafka-Streams",
     "Kafka Streams|Kafka-Streams"},
    {"case-sensitive stem", "REST*", "RESTful RESTs Restful", "RESTful|RESTs"},
    {"no match inside a word", "cache", "caches cached precache", ""},
    {"underscore is part of a word", "cache", "my_cache cache_x", ""},
    {"hyphen is a boundary", "cache", "cache-aside", "cache"},
    {"punctuation is a boundary", "cache", "(cache), \"cache\".", "cache|cache"},
    {"stem", "replicat*", "Replication replicate replicas replicat",
     "Replication|replicate|replicat"},
    {"stem stops at the word's end", "cache*", "caches, cached; precache", "caches|cached"},
    {"phrase", "load balancer", "a load balancer here", "load balancer"},
    {"phrase: any white space", "load balancer", "load  balancer, load\tbalancer, load\nbalancer",
     "load  balancer|load\tbalancer|load\nbalancer"},
    {"phrase: hyphens", "load balanc*", "a load-balancer, load\nbalancing, loadbalancer",
     "load-balancer|load\nbalancing"},
    {"hyphen in a term", "rate-limit*", "rate limiting, rate-limits, ratelimit",
     "rate limiting|rate-limits"},
    {"phrase needs every word", "load balancer", "load the balancer", ""},
    {"phrase boundary at the end", "load balancer", "load balancers", ""},
    {"stem mid-phrase", "micro* service", "micro service, microservice, micros service",
     "micro service|micros service"},
    {"longest at the same start", "cache|cache invalidation", "cache invalidation is hard; cache",
     "cache invalidation|cache"},
    {"longest needs its boundary", "cache|cache invalidation", "cache invalidations",
     "cache"},
    {"leftmost wins, no overlap", "a b|b c", "a b c", "a b"},
    {"scan resumes after a hit", "a b|c", "a b c", "a b|c"},
    {"digits", "p99|2pc", "p99 latency, 2PC commit, p999, 2pcs", "p99|2PC"},
    {"slash", "tcp/ip", "uses TCP/IP stacks", "TCP/IP"},
    {"symbols", "c++", "use c++ and c", "c++"},
    {"non-ASCII", "caf\xC3\xA9", "le caf\xC3\xA9 noir", "caf\xC3\xA9"},
    {"trailing space ignored", "cache ", "a cache", "cache"},
    {"no terms in the text", "cache", "nothing relevant", ""},
    {"not in a URL", "cache|gateway", "see https://x.io/cache and github.com/a/gateway-b, cache",
     "cache"},
    {"not in an e-mail address", "security", "write to security@example.com", ""},
    {"not in a dotted name", "login|node", "Login.gov users; Node.js; login. Node", "login|Node"},
    {"not in a ::-qualified name", "cache", "BulkData::Cache wraps a cache", "cache"},
    {"not a CamelCase identifier's prefix", "replica*|mysql", "ReplicaSet replicas MySQL",
     "replicas|MySQL"},
    {"camel hump in the term itself", "graphql", "GraphQL", "GraphQL"},
    {"a long continuation is another word", "alert*|queue*", "Alertmanager alerting queueing",
     "alerting|queueing"},
    {"a long continuation with a common ending", "optimi*|scalab*",
     "optimizations scalability optimistically", "optimizations|scalability|optimistically"},
    {"empty text", "cache", "", ""},
};

/* Builds a lexicon from the '|'-separated TERMS: all of owner 0, or with
 * EACH_OWN, the term's position as its owner. */
static ddl_lexicon *build_owned_terms(const char *terms, bool each_own) {
  ddl_lexicon_builder *lb = ddl_lexicon_builder_new();
  char buf[256];
  ck_assert_uint_lt(strlen(terms), sizeof(buf));
  strcpy(buf, terms);
  uint32_t owner = 0;
  for (char *t = strtok(buf, "|"); t; t = strtok(NULL, "|")) {
    ck_assert_msg(ddl_lexicon_check_term(t) == NULL, "test term '%s' is invalid", t);
    ddl_lexicon_add(lb, t, (ddl_lex_owner){each_own ? owner++ : 0, 0, 1.0f});
  }
  return ddl_lexicon_build(lb);
}

static ddl_lexicon *build_terms(const char *terms) { return build_owned_terms(terms, false); }

/* The matched text of each hit, joined by '|', with the owner of each hit
 * after '@' when WITH_OWNER. */
static void hit_texts(const ddl_lexicon *lex, const char *text, const ddl_lex_hits *hits,
                      bool with_owner, char *got, size_t size) {
  got[0] = '\0';
  for (size_t k = 0; k < hits->len; k++) {
    size_t n = strlen(got);
    snprintf(got + n, size - n, "%s%.*s", k ? "|" : "",
             (int)(hits->items[k].end - hits->items[k].start), text + hits->items[k].start);
    if (with_owner) {
      n = strlen(got);
      snprintf(got + n, size - n, "@%u", ddl_lexicon_owner(lex, hits->items[k].owner)->owner);
    }
  }
}

START_TEST(test_scan) {
  ddl_lexicon *lex = build_terms(scan_cases[_i].terms);
  const char *text = scan_cases[_i].text;
  ddl_lex_hits hits = {0};
  ddl_lexicon_scan(lex, text, strlen(text), &hits);

  for (size_t k = 0; k < hits.len; k++) {
    ck_assert_uint_lt(hits.items[k].start, hits.items[k].end);
    ck_assert_uint_le(hits.items[k].end, strlen(text));
    ck_assert_uint_lt(hits.items[k].term, ddl_lexicon_term_count(lex));
    if (k > 0) /* one owner: in order, no overlap */
      ck_assert_uint_le(hits.items[k - 1].end, hits.items[k].start);
  }
  char got[256];
  hit_texts(lex, text, &hits, false, got, sizeof(got));
  ck_assert_msg(strcmp(got, scan_cases[_i].hits) == 0, "%s: hits '%s', expected '%s'",
                scan_cases[_i].what, got, scan_cases[_i].hits);
  DDL_VEC_FREE(hits);
  ddl_lexicon_free(lex);
}
END_TEST

/* Each owner sees its own terms whatever the others' are: a longer term
 * of one rule ("rest api") never hides a shorter one of another ("api"). */
static const struct {
  const char *what, *terms, *text, *hits;
} owner_cases[] = {
    {"longer term of another owner", "api|rest api", "a rest api here", "rest api@1|api@0"},
    {"stem of another owner", "replicas|replicat*", "replication and replicas",
     "replication@1|replicas@0"},
    {"overlap from the left", "b c|a b", "a b c", "a b@1|b c@0"},
    {"same term, two owners", "cache|cache", "cache", "cache@0|cache@1"},
};

START_TEST(test_scan_owners) {
  ddl_lexicon *lex = build_owned_terms(owner_cases[_i].terms, true);
  const char *text = owner_cases[_i].text;
  ddl_lex_hits hits = {0};
  ddl_lexicon_scan(lex, text, strlen(text), &hits);
  for (size_t k = 1; k < hits.len; k++)
    ck_assert_uint_le(hits.items[k - 1].start, hits.items[k].start); /* ordered by start */
  char got[256];
  hit_texts(lex, text, &hits, true, got, sizeof(got));
  ck_assert_msg(strcmp(got, owner_cases[_i].hits) == 0, "%s: hits '%s', expected '%s'",
                owner_cases[_i].what, got, owner_cases[_i].hits);
  DDL_VEC_FREE(hits);
  ddl_lexicon_free(lex);
}
END_TEST

/* An owner with more (owner, tag) pairs than fit on the stack. */
START_TEST(test_many_owners) {
  ddl_lexicon_builder *lb = ddl_lexicon_builder_new();
  for (uint32_t o = 0; o < 200; o++)
    ddl_lexicon_add(lb, o % 2 ? "cache" : "cache invalidation", (ddl_lex_owner){o, o % 3, 1.0f});
  ddl_lexicon *lex = ddl_lexicon_build(lb);
  ddl_lex_hits hits = {0};
  const char *text = "cache invalidation";
  ddl_lexicon_scan(lex, text, strlen(text), &hits);
  ck_assert_uint_eq(hits.len, 200);
  uint32_t longer = 0;
  for (size_t k = 0; k < hits.len; k++)
    longer += hits.items[k].end == strlen(text);
  ck_assert_uint_eq(longer, 100);
  DDL_VEC_FREE(hits);
  ddl_lexicon_free(lex);
}
END_TEST

/* The longest of several terms at one start names the right term. */
START_TEST(test_hit_term) {
  ddl_lexicon_builder *lb = ddl_lexicon_builder_new();
  ddl_lexicon_add(lb, "cache", (ddl_lex_owner){1, 0, 1.0f});
  ddl_lexicon_add(lb, "cache invalidation", (ddl_lex_owner){2, 0, 1.0f});
  ddl_lexicon *lex = ddl_lexicon_build(lb);
  ck_assert_uint_eq(ddl_lexicon_term_count(lex), 2);
  ddl_lex_hits hits = {0};
  const char *text = "cache invalidation and cache";
  ddl_lexicon_scan(lex, text, strlen(text), &hits);
  ck_assert_uint_eq(hits.len, 3); /* each owner its own: 2 at 0, 1 at 0 and 23 */
  ck_assert_uint_ne(hits.items[0].term, hits.items[1].term);
  ck_assert_uint_eq(ddl_lexicon_owner(lex, hits.items[0].owner)->owner, 2);
  ck_assert_uint_eq(ddl_lexicon_owner(lex, hits.items[1].owner)->owner, 1);
  ck_assert_uint_eq(hits.items[2].term, hits.items[1].term);
  ck_assert_uint_eq(hits.items[1].start, 0);
  ck_assert_uint_eq(hits.items[2].start, 23);
  DDL_VEC_FREE(hits);
  ddl_lexicon_free(lex);
}
END_TEST

/* ---- owners and weights --------------------------------------------- */

/* Terms that normalise alike ("cache", "cache ") are one term, but a
 * capital makes another, case-sensitive one ("Cache"); each owner (and
 * tag) of a term is listed once, with its highest weight. */
START_TEST(test_owners) {
  ddl_lexicon_builder *lb = ddl_lexicon_builder_new();
  ddl_lexicon_add(lb, "cache", (ddl_lex_owner){1, 0, 0.5f});
  ddl_lexicon_add(lb, "cache", (ddl_lex_owner){2, 0, 1.0f});
  ddl_lexicon_add(lb, "cache ", (ddl_lex_owner){1, 0, 2.0f});
  ddl_lexicon_add(lb, "cache", (ddl_lex_owner){1, 0, 0.25f}); /* lower: ignored */
  ddl_lexicon_add(lb, "Cache", (ddl_lex_owner){4, 0, 1.0f});  /* a term of its own */
  ddl_lexicon_add(lb, "cache", (ddl_lex_owner){1, 7, 0.75f}); /* another tag */
  ddl_lexicon_add(lb, "queue", (ddl_lex_owner){3, 0, 1.5f});
  ddl_lexicon *lex = ddl_lexicon_build(lb);
  ck_assert_uint_eq(ddl_lexicon_term_count(lex), 3);

  ddl_lex_hits hits = {0};
  ddl_lexicon_scan(lex, "cache queue", 11, &hits);
  ck_assert_uint_eq(hits.len, 4); /* owners 1, 1 (tag 7) and 2 at "cache"; 3 at "queue" */
  ck_assert_uint_eq(hits.items[0].term, hits.items[2].term);
  ck_assert_uint_eq(hits.items[3].start, 6);
  ck_assert_uint_ne(hits.items[0].term, hits.items[3].term);

  /* Each owner (and tag) of "cache" hits it once, with its highest weight. */
  bool seen1 = false, seen1tag = false, seen2 = false;
  for (size_t k = 0; k < 3; k++) {
    const ddl_lex_owner *o = ddl_lexicon_owner(lex, hits.items[k].owner);
    ck_assert_uint_eq(hits.items[k].start, 0);
    if (o->owner == 1 && o->tag == 0) {
      ck_assert(!seen1);
      seen1 = true;
      ck_assert_float_eq(o->weight, 2.0f);
    } else if (o->owner == 1 && o->tag == 7) {
      ck_assert(!seen1tag);
      seen1tag = true;
      ck_assert_float_eq(o->weight, 0.75f);
    } else if (o->owner == 2) {
      ck_assert(!seen2);
      seen2 = true;
      ck_assert_float_eq(o->weight, 1.0f);
    } else {
      ck_abort_msg("unexpected owner %u", o->owner);
    }
  }
  ck_assert(seen1 && seen1tag && seen2);

  const ddl_lex_owner *o = ddl_lexicon_owner(lex, hits.items[3].owner);
  ck_assert_uint_eq(o->owner, 3);
  ck_assert_float_eq(o->weight, 1.5f);
  DDL_VEC_FREE(hits);
  ddl_lexicon_free(lex);
}
END_TEST

START_TEST(test_empty_lexicon) {
  ddl_lexicon *lex = ddl_lexicon_build(ddl_lexicon_builder_new());
  ck_assert_ptr_nonnull(lex);
  ck_assert_uint_eq(ddl_lexicon_term_count(lex), 0);
  ddl_lex_hits hits = {0};
  ddl_lexicon_scan(lex, "cache anything at all", 21, &hits);
  ck_assert_uint_eq(hits.len, 0);
  DDL_VEC_FREE(hits);
  ddl_lexicon_free(lex);
  ddl_lexicon_free(NULL); /* like free() */
}
END_TEST

/* Hits are appended after what OUT already holds. */
START_TEST(test_scan_appends) {
  ddl_lexicon *lex = build_terms("cache");
  ddl_lex_hits hits = {0};
  ddl_lexicon_scan(lex, "cache", 5, &hits);
  ddl_lexicon_scan(lex, "x cache", 7, &hits);
  ck_assert_uint_eq(hits.len, 2);
  ck_assert_uint_eq(hits.items[0].start, 0);
  ck_assert_uint_eq(hits.items[1].start, 2);
  DDL_VEC_FREE(hits);
  ddl_lexicon_free(lex);
}
END_TEST

int main(void) {
  Suite *s = suite_create("lexicon");
  TCase *tc = tcase_create("terms");
  tcase_add_loop_test(tc, test_check_term, 0, DDL_ARRAY_LEN(term_cases));
  tcase_add_test(tc, test_check_term_too_long);
  suite_add_tcase(s, tc);

  tc = tcase_create("scan");
  tcase_add_loop_test(tc, test_scan, 0, DDL_ARRAY_LEN(scan_cases));
  tcase_add_loop_test(tc, test_scan_owners, 0, DDL_ARRAY_LEN(owner_cases));
  tcase_add_test(tc, test_many_owners);
  tcase_add_test(tc, test_hit_term);
  tcase_add_test(tc, test_scan_appends);
  suite_add_tcase(s, tc);

  tc = tcase_create("owners");
  tcase_add_test(tc, test_owners);
  tcase_add_test(tc, test_empty_lexicon);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
