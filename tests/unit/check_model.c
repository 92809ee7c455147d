/* The document model: sections, blocks, list items, inline text, tables,
 * front matter and directives, built from small Markdown strings.  The
 * main point is the source map: every diagnostic's line:column comes from
 * ddl_block_src_offset, so a word of a block's text must map back to the
 * exact byte where it stands in the file, whatever markup precedes it. */
#include "helpers.h"
#include "doc/model.h"

#include <string.h>

/* ---- helpers -------------------------------------------------------- */

static ddl_doc *build_n(const char *md, size_t len) {
  ddl_ctx *ctx = ddl_ctx_new();
  ddl_source src;
  int rc = ddl_source_init(&src, ddl_ctx__errsink(ctx), "doc.md", md, len);
  ck_assert_msg(rc == DDL_OK, "source refused: %s", ddl_ctx_error(ctx)->message);
  ddl_ctx_free(ctx);
  return ddl_doc_build(&src);
}

static ddl_doc *build(const char *md) { return build_n(md, strlen(md)); }

/* The block's text as a C string (code and HTML blocks have none). */
static const char *text_of(const ddl_block *b) { return b->text ? b->text : ""; }

/* Line and column of text offset OFF of block B. */
static void block_pos(const ddl_doc *doc, const ddl_block *b, uint32_t off, unsigned *line,
                      unsigned *col) {
  ddl_source_position(&doc->src, ddl_block_src_offset(b, off), line, col);
}

/* Line where block B starts in the source. */
static unsigned block_line(const ddl_doc *doc, const ddl_block *b) {
  unsigned line, col;
  ddl_source_position(&doc->src, b->src.start, &line, &col);
  return line;
}

/* Number of blocks of KIND. */
static uint32_t count_kind(const ddl_doc *doc, ddl_block_kind kind) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < doc->nblocks; i++)
    n += doc->blocks[i].kind == kind;
  return n;
}

/* ---- sections ------------------------------------------------------- */

/* One document with content before the first heading, ATX and setext
 * headings, and a nested level, so that every section field is checked
 * against a known layout.  Blocks: 0 Intro, 1 #Title, 2 Para a, 3 ##Alpha,
 * 4 Para b, 5 ###Sub, 6 Para c, 7 Beta (setext, level 2), 8 Para d. */
static const char sections_md[] = "Intro text.\n"
                                  "\n"
                                  "# Title\n"
                                  "\n"
                                  "Para a.\n"
                                  "\n"
                                  "## 1. Alpha\n"
                                  "\n"
                                  "Para b.\n"
                                  "\n"
                                  "### 1.1 Sub\n"
                                  "\n"
                                  "Para c.\n"
                                  "\n"
                                  "Beta\n"
                                  "----\n"
                                  "\n"
                                  "Para d.\n";

static const struct {
  int level;
  const char *title;   /* NULL for the level-0 part */
  int32_t parent;      /* section index, -1 for none */
  uint32_t heading;    /* heading block, ignored for level 0 */
  uint32_t first_block, end_block, subtree_end, nchildren;
} expect_sections[] = {
    {0, NULL, -1, 0, 0, 1, 9, 1},
    {1, "Title", 0, 1, 2, 3, 9, 2},
    {2, "Alpha", 1, 3, 4, 5, 7, 1},
    {3, "Sub", 2, 5, 6, 7, 7, 0},
    {2, "Beta", 1, 7, 8, 9, 9, 0},
};

START_TEST(test_sections_layout) {
  ddl_doc *doc = build(sections_md);
  ck_assert_uint_eq(doc->nblocks, 9);
  ck_assert_uint_eq(doc->nsections, DDL_ARRAY_LEN(expect_sections));
  for (uint32_t i = 0; i < doc->nsections; i++) {
    const ddl_section *s = &doc->sections[i];
    ck_assert_uint_eq(s->index, i);
    ck_assert_int_eq(s->level, expect_sections[i].level);
    if (expect_sections[i].title)
      ck_assert_str_eq(s->title, expect_sections[i].title);
    if (expect_sections[i].parent < 0)
      ck_assert_ptr_null(s->parent);
    else
      ck_assert_ptr_eq(s->parent, &doc->sections[expect_sections[i].parent]);
    if (s->level == 0) {
      ck_assert_ptr_null(s->heading);
    } else {
      ck_assert_ptr_eq(s->heading, &doc->blocks[expect_sections[i].heading]);
      ck_assert_int_eq(s->heading->kind, DDL_BLOCK_HEADING);
    }
    ck_assert_msg(s->first_block == expect_sections[i].first_block &&
                      s->end_block == expect_sections[i].end_block &&
                      s->subtree_end == expect_sections[i].subtree_end,
                  "section %u: blocks [%u, %u) subtree to %u, expected [%u, %u) to %u", i,
                  s->first_block, s->end_block, s->subtree_end, expect_sections[i].first_block,
                  expect_sections[i].end_block, expect_sections[i].subtree_end);
    ck_assert_uint_eq(s->nchildren, expect_sections[i].nchildren);
  }
  /* Every block points at its innermost section; a heading belongs to the
   * section it opens. */
  static const uint32_t block_section[] = {0, 1, 1, 2, 2, 3, 3, 4, 4};
  for (uint32_t i = 0; i < doc->nblocks; i++) {
    ck_assert_uint_eq(doc->blocks[i].index, i);
    ck_assert_ptr_eq(doc->blocks[i].section, &doc->sections[block_section[i]]);
  }
  ck_assert_str_eq(doc->blocks[7].text, "Beta");
  ck_assert_uint_eq(block_line(doc, &doc->blocks[7]), 15);
  ck_assert_ptr_eq(doc->title, &doc->sections[1]);
  ddl_doc_free(doc);
}
END_TEST

/* A skipped level still nests under the nearest shallower heading, and a
 * later shallower heading closes the deeper one. */
START_TEST(test_sections_skipped_level) {
  ddl_doc *doc = build("# A\n\n### C\n\ntext\n\n## B\n\n# D\n");
  ck_assert_uint_eq(doc->nsections, 5);
  ck_assert_ptr_eq(doc->sections[2].parent, &doc->sections[1]); /* C under A */
  ck_assert_ptr_eq(doc->sections[3].parent, &doc->sections[1]); /* B under A */
  ck_assert_ptr_eq(doc->sections[4].parent, &doc->sections[0]); /* D at the top */
  ck_assert_uint_eq(doc->sections[2].subtree_end, 3);           /* C ends at B */
  ck_assert_uint_eq(doc->sections[1].subtree_end, 4);           /* A ends at D */
  ck_assert_uint_eq(doc->sections[1].nchildren, 2);
  ck_assert_uint_eq(doc->sections[0].nchildren, 2);
  ck_assert_ptr_null(doc->title); /* two H1s */
  ddl_doc_free(doc);
}
END_TEST

START_TEST(test_sections_empty_doc) {
  ddl_doc *doc = build("");
  ck_assert_uint_eq(doc->nblocks, 0);
  ck_assert_uint_eq(doc->nsections, 1);
  ck_assert_int_eq(doc->sections[0].level, 0);
  ck_assert_uint_eq(doc->sections[0].end_block, 0);
  ck_assert_uint_eq(doc->sections[0].subtree_end, 0);
  ck_assert_ptr_null(doc->title);
  ddl_doc_free(doc);
}
END_TEST

/* Headings drop a leading section number so rules match "Storage", not
 * "4.2 Storage"; words that merely look like numerals stay. */
static const struct {
  const char *md, *title;
} title_cases[] = {
    {"## 4.2 Storage", "Storage"},
    {"## 4. Data", "Data"},
    {"## A. Appendix", "Appendix"},
    {"## IV. Plan", "Plan"},
    {"## 1.2.3 Deep", "Deep"},
    {"## 3) Results", "Results"},
    {"## 1: Scope", "Scope"},
    {"## 1 Introduction", "Introduction"},
    /* Section numbers are dotted or one or two digits; a longer plain
     * number is part of the title. */
    {"## 2024 roadmap", "2024 roadmap"},
    {"## 404 handling", "404 handling"},
    {"## 12 Appendix", "Appendix"},
    {"## Introduction", "Introduction"},  /* starts with a Roman "I" */
    {"## CLI usage", "CLI usage"},        /* all Roman letters, no dot */
    {"## I/O model", "I/O model"},
    {"## A Plan", "A Plan"},
    {"## X.509 certificates", "X.509 certificates"},
    {"## 10x scaling", "10x scaling"},
    {"## 99.9% availability", "99.9% availability"},
    {"## 4.2", "4.2"},                    /* nothing left: keep the number */
    {"## IV.Plan", "IV.Plan"},
    {"## Storage #", "Storage"},          /* closing hashes are not text */
    {"Setext 2. Title\n===", "Setext 2. Title"},
    {"## 5. *Emphasised* title", "Emphasised title"},
};

START_TEST(test_section_title) {
  ddl_doc *doc = build(title_cases[_i].md);
  ck_assert_uint_eq(doc->nsections, 2);
  ck_assert_msg(strcmp(doc->sections[1].title, title_cases[_i].title) == 0,
                "'%s': title '%s', expected '%s'", title_cases[_i].md, doc->sections[1].title,
                title_cases[_i].title);
  ddl_doc_free(doc);
}
END_TEST

/* The document title is the first heading, when it is shallower than all
 * the others. */
static const struct {
  const char *md, *title; /* NULL: no title */
} doc_title_cases[] = {
    {"# Only\n\ntext\n", "Only"},
    {"# One\n\n# Two\n", NULL},
    {"## A\n\n### B\n\n### C\n", "A"},
    {"## A\n\n## B\n", NULL},
    {"## A\n\n# B\n", NULL},
    {"Preamble.\n\n# T\n\n## S\n", "T"},
    {"No headings at all.\n", NULL},
    {"Title\n=====\n\n## S\n", "Title"},
};

START_TEST(test_doc_title) {
  ddl_doc *doc = build(doc_title_cases[_i].md);
  if (!doc_title_cases[_i].title) {
    ck_assert_msg(doc->title == NULL, "'%s' should have no title", doc_title_cases[_i].md);
  } else {
    ck_assert_ptr_nonnull(doc->title);
    ck_assert_str_eq(doc->title->title, doc_title_cases[_i].title);
    ck_assert_ptr_eq(doc->title, &doc->sections[1]);
  }
  ddl_doc_free(doc);
}
END_TEST

/* ---- front matter --------------------------------------------------- */

static const struct {
  const char *what, *md;
  uint32_t fm_end;      /* expected front_matter.end, 0 for none */
  unsigned body_line;   /* line of the first block, 0 when none */
  ddl_block_kind kind;  /* kind of the first block */
} fm_cases[] = {
    {"YAML", "---\ntitle: x\n---\n# Head\n", 17, 4, DDL_BLOCK_HEADING},
    {"YAML closed by ...", "---\na: b\n...\nText\n", 13, 4, DDL_BLOCK_PARAGRAPH},
    {"TOML", "+++\na = 1\n+++\nText\n", 14, 4, DDL_BLOCK_PARAGRAPH},
    {"trailing blanks", "--- \na: 1\n---\t\nText\n", 15, 4, DDL_BLOCK_PARAGRAPH},
    {"CRLF", "---\r\na: 1\r\n---\r\n\r\nText\r\n", 16, 5, DDL_BLOCK_PARAGRAPH},
    {"at EOF", "---\na: 1\n---", 12, 0, DDL_BLOCK_PARAGRAPH},
    /* Not front matter: the first "---" is a thematic break and the rest
     * plain Markdown. */
    {"unclosed", "---\ntitle: x\n\nBody\n", 0, 2, DDL_BLOCK_PARAGRAPH},
    {"not on line 1", "\n---\na: 1\n---\n", 0, 3, DDL_BLOCK_HEADING},
    {"four dashes", "----\na\n----\n", 0, 2, DDL_BLOCK_HEADING},
    {"TOML closed by ---", "+++\na\n---\n", 0, 1, DDL_BLOCK_HEADING},
};

START_TEST(test_front_matter) {
  ddl_doc *doc = build(fm_cases[_i].md);
  ck_assert_msg(doc->front_matter.end == fm_cases[_i].fm_end, "%s: front matter ends at %u, expected %u",
                fm_cases[_i].what, doc->front_matter.end, fm_cases[_i].fm_end);
  ck_assert_uint_eq(doc->front_matter.start, 0);
  if (fm_cases[_i].body_line == 0) {
    ck_assert_uint_eq(doc->nblocks, 0);
  } else {
    ck_assert_msg(doc->nblocks > 0, "%s: no blocks", fm_cases[_i].what);
    ck_assert_msg(doc->blocks[0].kind == fm_cases[_i].kind, "%s: first block kind %d, expected %d",
                  fm_cases[_i].what, doc->blocks[0].kind, fm_cases[_i].kind);
    ck_assert_msg(block_line(doc, &doc->blocks[0]) == fm_cases[_i].body_line,
                  "%s: first block at line %u, expected %u", fm_cases[_i].what,
                  block_line(doc, &doc->blocks[0]), fm_cases[_i].body_line);
  }
  ddl_doc_free(doc);
}
END_TEST

/* Without front matter support "title: x" over "---" is a setext heading:
 * the metadata must not become a section. */
START_TEST(test_front_matter_not_markdown) {
  ddl_doc *doc = build("---\ntitle: x\n---\n\nBody text.\n");
  ck_assert_uint_eq(doc->nsections, 1);
  ck_assert_uint_eq(count_kind(doc, DDL_BLOCK_HEADING), 0);
  ck_assert_uint_eq(doc->nblocks, 1);
  ck_assert_str_eq(doc->blocks[0].text, "Body text.");
  ck_assert_uint_eq(block_line(doc, &doc->blocks[0]), 5);
  ddl_doc_free(doc);

  /* With a BOM the front matter is still on line 1. */
  static const char bom[] = "\xEF\xBB\xBF---\na: 1\n---\n## Head\n";
  doc = build(bom);
  ck_assert_uint_eq(doc->front_matter.end, 13);
  ck_assert_uint_eq(doc->nsections, 2);
  ck_assert_str_eq(doc->sections[1].title, "Head");
  ck_assert_uint_eq(block_line(doc, doc->sections[1].heading), 4);
  ddl_doc_free(doc);
}
END_TEST

/* ---- blocks --------------------------------------------------------- */

START_TEST(test_block_kinds) {
  ddl_doc *doc = build("Para.\n"                       /* 1 */
                       "\n"
                       "# Head\n"                      /* 3 */
                       "\n"
                       "```c\n"                        /* 5 */
                       "int x;\n"
                       "```\n"
                       "\n"
                       "    indented code\n"          /* 9 */
                       "\n"
                       "<div>\n"                       /* 11 */
                       "html\n"
                       "</div>\n"
                       "\n"
                       "> Quoted.\n"                   /* 15 */
                       "\n"
                       "<!-- a comment -->\n"          /* 17 */
                       "\n"
                       "After.\n");                    /* 19 */
  static const struct {
    ddl_block_kind kind;
    unsigned line;
    const char *text;
    bool in_quote;
  } expect[] = {
      {DDL_BLOCK_PARAGRAPH, 1, "Para.", false}, {DDL_BLOCK_HEADING, 3, "Head", false},
      {DDL_BLOCK_CODE, 5, "", false},           {DDL_BLOCK_CODE, 9, "", false},
      {DDL_BLOCK_HTML, 11, "", false},          {DDL_BLOCK_PARAGRAPH, 15, "Quoted.", true},
      {DDL_BLOCK_HTML, 17, "", false},          {DDL_BLOCK_PARAGRAPH, 19, "After.", false},
  };
  ck_assert_uint_eq(doc->nblocks, DDL_ARRAY_LEN(expect));
  for (uint32_t i = 0; i < doc->nblocks; i++) {
    const ddl_block *b = &doc->blocks[i];
    ck_assert_msg(b->kind == expect[i].kind, "block %u: kind %d, expected %d", i, b->kind,
                  expect[i].kind);
    ck_assert_msg(block_line(doc, b) == expect[i].line, "block %u at line %u, expected %u", i,
                  block_line(doc, b), expect[i].line);
    ck_assert_str_eq(text_of(b), expect[i].text);
    ck_assert_int_eq(b->in_quote, expect[i].in_quote);
    ck_assert_int_eq(b->item, -1);
  }
  /* Code and HTML are never prose: no text, no sentences. */
  for (uint32_t i = 2; i <= 4; i++) {
    ck_assert_uint_eq(doc->blocks[i].len, 0);
    ck_assert_uint_eq(doc->blocks[i].nsents, 0);
  }
  /* The fenced block spans its fences. */
  ck_assert_int_eq(memcmp(doc->src.data + doc->blocks[2].src.start, "```c", 4), 0);
  ck_assert_int_eq(memcmp(doc->src.data + doc->blocks[2].src.end - 3, "```", 3), 0);
  ddl_doc_free(doc);
}
END_TEST

/* A block's src span is a real, non-empty byte range of the source,
 * whatever cmark reports for blocks that end on their first line: a rule
 * or snippet that reads a block's bytes must not run off the buffer. */
static const struct {
  const char *what, *md;
} span_cases[] = {
    {"comment block first", "<!-- c -->\n"},
    {"comment block after a paragraph", "x\n\n<!-- c -->\n"},
    {"comment block, blank line after", "<!-- c -->\n\nx\n"},
    {"directive on line 1", "<!-- ddlint-disable-file -->\n# Title\n"},
    {"div block", "<div>\n\nx\n"},
    {"fenced code", "```\ncode\n```\n"},
    {"indented code", "    code\n\nx\n"},
    {"heading", "# H\n"},
    {"quote", "> q\n"},
};

START_TEST(test_block_spans) {
  ddl_doc *doc = build(span_cases[_i].md);
  ck_assert_uint_gt(doc->nblocks, 0);
  for (uint32_t i = 0; i < doc->nblocks; i++) {
    const ddl_block *b = &doc->blocks[i];
    ck_assert_msg(b->src.start <= b->src.end && b->src.end <= doc->src.len,
                  "%s: block %u (kind %d) spans [%u, %u) of a %u-byte source", span_cases[_i].what,
                  i, b->kind, b->src.start, b->src.end, doc->src.len);
    ck_assert_msg(b->src.end > b->src.start, "%s: block %u is empty", span_cases[_i].what, i);
  }
  ddl_doc_free(doc);
}
END_TEST

/* model.h promises a NUL-terminated text that is empty for code and HTML
 * blocks: a rule may call strlen() or strstr() on any block's text. */
START_TEST(test_code_text_is_empty_string) {
  ddl_doc *doc = build("```\ncode\n```\n\n<div>\nx\n</div>\n");
  ck_assert_uint_eq(doc->nblocks, 2);
  for (uint32_t i = 0; i < doc->nblocks; i++) {
    ck_assert_msg(doc->blocks[i].text != NULL, "block %u (kind %d) has NULL text", i,
                  doc->blocks[i].kind);
    ck_assert_str_eq(doc->blocks[i].text, "");
  }
  ddl_doc_free(doc);
}
END_TEST

START_TEST(test_nested_quotes) {
  ddl_doc *doc = build("> outer\n>\n> > inner\n\nplain\n");
  ck_assert_uint_eq(doc->nblocks, 3);
  ck_assert(doc->blocks[0].in_quote);
  ck_assert(doc->blocks[1].in_quote);
  ck_assert_str_eq(doc->blocks[1].text, "inner");
  ck_assert(!doc->blocks[2].in_quote);
  ddl_doc_free(doc);
}
END_TEST

/* Blocks: 0 "Steps:", 1 "one", 2 "two", 3 "more two", 4 "nested",
 * 5 "three".  Item 1 holds a second paragraph and a nested list whose
 * lead-in is that paragraph. */
START_TEST(test_list_items) {
  ddl_doc *doc = build("Steps:\n"
                       "\n"
                       "- one\n"
                       "- two\n"
                       "\n"
                       "  more two\n"
                       "  - nested\n"
                       "- three\n");
  static const char *const texts[] = {"Steps:", "one", "two", "more two", "nested", "three"};
  static const int32_t item[] = {-1, 0, 1, 1, 2, 3};
  static const bool first[] = {false, true, true, false, true, true};
  ck_assert_uint_eq(doc->nblocks, DDL_ARRAY_LEN(texts));
  for (uint32_t i = 0; i < doc->nblocks; i++) {
    ck_assert_str_eq(doc->blocks[i].text, texts[i]);
    ck_assert_msg(doc->blocks[i].item == item[i], "block %u in item %d, expected %d", i,
                  doc->blocks[i].item, item[i]);
    ck_assert_int_eq(doc->blocks[i].item_first, first[i]);
  }
  static const ddl_item expect[] = {
      {-1, 1, 2, 0, 1},
      {-1, 2, 5, 0, 1},
      {1, 4, 5, 3, 2},
      {-1, 5, 6, 0, 1},
  };
  ck_assert_uint_eq(doc->nitems, DDL_ARRAY_LEN(expect));
  for (uint32_t i = 0; i < doc->nitems; i++) {
    const ddl_item *it = &doc->items[i];
    ck_assert_msg(it->parent == expect[i].parent && it->first_block == expect[i].first_block &&
                      it->end_block == expect[i].end_block && it->lead_in == expect[i].lead_in &&
                      it->depth == expect[i].depth,
                  "item %u: parent %d blocks [%u, %u) lead-in %d depth %u", i, it->parent,
                  it->first_block, it->end_block, it->lead_in, it->depth);
  }
  ddl_doc_free(doc);
}
END_TEST

/* A nested list's lead-in may be its parent item's own text. */
START_TEST(test_lead_in_parent_item) {
  ddl_doc *doc = build("1. Parent text:\n   - child a\n   - child b\n");
  ck_assert_uint_eq(doc->nitems, 3);
  ck_assert_int_eq(doc->items[0].lead_in, -1);
  ck_assert_int_eq(doc->items[1].lead_in, 0);
  ck_assert_int_eq(doc->items[2].lead_in, 0);
  ck_assert_int_eq(doc->items[1].parent, 0);
  ck_assert_uint_eq(doc->items[1].depth, 2);
  ddl_doc_free(doc);
}
END_TEST

/* The lead-in is the paragraph just before the list in the same container;
 * anything else in between, or a different container, means none. */
static const struct {
  const char *what, *md;
  int32_t lead_in; /* of the first item */
} lead_cases[] = {
    {"same container", "Reasons:\n\n- a\n", 0},
    {"heading between", "Reasons:\n\n# H\n\n- a\n", -1},
    {"code between", "Reasons:\n\n```\nx\n```\n\n- a\n", -1},
    {"previous list", "- a\n\n1. b\n", -1},
    {"paragraph in a quote, list outside", "> Reasons:\n\n- a\n", -1},
    {"paragraph outside, list in a quote", "Reasons:\n\n> - a\n", -1},
    {"both in a quote", "> Reasons:\n>\n> - a\n", 0},
};

START_TEST(test_lead_in) {
  ddl_doc *doc = build(lead_cases[_i].md);
  /* The item under test is the last one. */
  ck_assert_uint_gt(doc->nitems, 0);
  const ddl_item *it = &doc->items[doc->nitems - 1];
  ck_assert_msg(it->lead_in == lead_cases[_i].lead_in, "%s: lead-in %d, expected %d",
                lead_cases[_i].what, it->lead_in, lead_cases[_i].lead_in);
  ddl_doc_free(doc);
}
END_TEST

/* ---- inline text ---------------------------------------------------- */

static const struct {
  const char *what, *md, *text;
  uint32_t link_chars;
} inline_cases[] = {
    {"emphasis", "Some *emph*, **strong** and _u_ text", "Some emph, strong and u text", 0},
    {"link", "A [link text](http://example.com \"t\") here", "A link text here", 9},
    {"reference link", "See [text][ref].\n\n[ref]: http://x.io", "See text.", 4},
    {"image", "An ![alt text](img.png) image", "An  image", 0},
    {"image in link", "[![logo](l.png) Home](/)", " Home", 5},
    {"inline code", "Use `x | y` now", "Use `x | y` now", 0},
    {"code in link", "[a `code` link](u)", "a `code` link", 7},
    {"double backticks", "Run ``a`b`` here", "Run `a`b` here", 0},
    {"code padding", "Run `` `x` `` here", "Run ``x`` here", 0},
    {"soft break", "line one\nline two", "line one\nline two", 0},
    {"hard break", "hard  \nbreak", "hard\nbreak", 0},
    {"backslash break", "hard\\\nbreak", "hard\nbreak", 0},
    {"inline HTML", "a <b>bold</b> c", "a bold c", 0},
    {"escapes and entities", "a \\* b &amp; c", "a * b & c", 0},
    {"numeric entities", "&copy; &#169; &#xA9;", "\xC2\xA9 \xC2\xA9 \xC2\xA9", 0},
    {"autolink", "<https://x.io>", "https://x.io", 12},
    {"ATX heading", "## A *b* `c`", "A b `c`", 0},
};

START_TEST(test_inline_text) {
  ddl_doc *doc = build(inline_cases[_i].md);
  ck_assert_uint_ge(doc->nblocks, 1);
  const ddl_block *b = &doc->blocks[0];
  ck_assert_msg(strcmp(b->text, inline_cases[_i].text) == 0, "%s: text '%s', expected '%s'",
                inline_cases[_i].what, b->text, inline_cases[_i].text);
  ck_assert_uint_eq(b->len, strlen(inline_cases[_i].text));
  ck_assert_msg(b->link_chars == inline_cases[_i].link_chars, "%s: link_chars %u, expected %u",
                inline_cases[_i].what, b->link_chars, inline_cases[_i].link_chars);
  ddl_doc_free(doc);
}
END_TEST

/* Inline code spans are recorded as text ranges, backticks included, so
 * that rules can skip them. */
START_TEST(test_inline_code_ranges) {
  ddl_doc *doc = build("Set `a.b` to `x | y`. Then go.");
  const ddl_block *b = &doc->blocks[0];
  ck_assert_str_eq(b->text, "Set `a.b` to `x | y`. Then go.");
  ck_assert_uint_eq(b->ncode, 2);
  ck_assert_uint_eq(b->code[0].start, 4);
  ck_assert_uint_eq(b->code[0].end, 9);
  ck_assert_uint_eq(b->code[1].start, 13);
  ck_assert_uint_eq(b->code[1].end, 20);
  ck_assert(!ddl_block_in_code(b, 3));
  ck_assert(ddl_block_in_code(b, 4));
  ck_assert(ddl_block_in_code(b, 8));
  ck_assert(!ddl_block_in_code(b, 9));
  ck_assert(ddl_block_in_code(b, 15));
  ck_assert(!ddl_block_in_code(b, 25));
  /* "a.b" inside code does not split the sentence. */
  ck_assert_uint_eq(b->nsents, 2);
  ck_assert_uint_eq(b->sents[0].start, 0);
  ck_assert_uint_eq(b->sents[0].end, 21);
  ck_assert_uint_eq(b->sents[1].start, 22);
  ck_assert_uint_eq(b->sents[1].end, 30);
  ck_assert_uint_eq(ddl_count_words(b->text, 0, b->len), 8);
  ddl_doc_free(doc);
}
END_TEST

/* ---- exact positions ------------------------------------------------ */

/* WORD occurs once in the text of some block of MD, at LINE:COL of the
 * source (1-based, byte columns). */
static const struct {
  const char *what, *md, *word;
  unsigned line, col;
} pos_cases[] = {
    {"plain", "Hello target\n", "target", 1, 7},
    {"first word", "target here\n", "target", 1, 1},
    {"tab inside a line", "a\ttarget\n", "target", 1, 3},
    {"tab after a list marker", "-\ttarget here\n", "target", 1, 3},
    {"tab after a heading marker", "#\ttarget\n", "target", 1, 3},
    {"two-byte UTF-8 before", "\xC3\x9Cn\xC3\xAF" "c\xC3\xB6" "d\xC3\xA9 target\n", "target", 1,
     13},
    {"CJK before", "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E target\n", "target", 1, 11},
    {"multi-byte word itself", "Le caf\xC3\xA9 noir\n", "noir", 1, 10},
    {"escape before", "a \\* b target\n", "target", 1, 8},
    {"entity before", "x &amp; y target\n", "target", 1, 11},
    {"named entity to UTF-8", "&copy; 2024 target\n", "target", 1, 13},
    {"numeric entity", "&#x41;&#66; target\n", "target", 1, 13},
    {"escapes in a row", "\\[\\]\\(\\) target\n", "target", 1, 10},
    {"inline code before", "Use `a.b` then target\n", "target", 1, 16},
    {"inside inline code", "Use `a target` now\n", "target", 1, 8},
    {"double-backtick code", "``a`b`` target\n", "target", 1, 9},
    {"emphasis before", "Some **bold** target\n", "target", 1, 15},
    {"inside emphasis", "Some **bold target** here\n", "target", 1, 13},
    {"link text", "See [the target](http://x.y) now\n", "target", 1, 10},
    {"after a link", "[a](http://example.com/long) after\n", "after", 1, 30},
    {"after an image", "![alt text](i.png) after\n", "after", 1, 20},
    {"after inline HTML", "a <span>b</span> target\n", "target", 1, 18},
    {"second line", "First line here\nsecond target\n", "target", 2, 8},
    {"indented second line", "First line\n   second target\n", "target", 2, 11},
    {"after a hard break", "line one  \nnext target\n", "target", 2, 6},
    {"indented line after a hard break", "a  \n   b target\n", "target", 2, 6},
    {"over-indented item continuation", "- a\n    b target\n", "target", 2, 7},
    {"after a backslash break", "line one\\\nnext target\n", "target", 2, 6},
    {"block quote", "> quoted target\n", "target", 1, 10},
    {"block quote, line 2", "> line one\n> line target\n", "target", 2, 8},
    {"lazy continuation", "> line one\nlazy target\n", "target", 2, 6},
    {"nested quote", "> > deep target\n", "target", 1, 10},
    {"list item", "- item target\n", "target", 1, 8},
    {"ordered item, line 2", "1. first\n   second target\n", "target", 2, 11},
    {"nested list item", "- outer\n  - inner target\n", "target", 2, 11},
    {"quote in a list item", "- > quoted &amp; target\n", "target", 1, 18},
    {"after front matter", "---\ntitle: x\n---\n# Head\n\nBody target\n", "target", 6, 6},
    {"after TOML front matter", "+++\na = 1\n+++\nBody target\n", "target", 4, 6},
    {"CRLF", "Para one\r\nline target\r\n", "target", 2, 6},
    {"CRLF after a heading", "# H\r\n\r\nPara target\r\n", "target", 3, 6},
    {"lone CR", "Para one\rline target\r", "target", 2, 6},
    {"lone CR after a heading", "# H\r\rPara target\r", "target", 3, 6},
    {"BOM", "\xEF\xBB\xBF" "BOM target\n", "target", 1, 5},
    {"ATX heading", "## Heading target\n", "target", 1, 12},
    {"setext heading", "Setext target\n===\n", "target", 1, 8},
    {"setext heading, line 2", "Line one\nline target\n---\n", "target", 2, 6},
    {"table cell", "| A | B |\n|---|---|\n| x | cell target |\n", "target", 3, 12},
    {"table cell after code", "| A | B |\n|---|---|\n| `a|b` | target |\n", "target", 3, 11},
    {"table in a quote", "> | A | B |\n> |---|---|\n> | x | ycell |\n", "ycell", 3, 9},
    {"after many entities",
     "&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp; target\n", "target", 1, 62},
};

START_TEST(test_position) {
  ddl_doc *doc = build(pos_cases[_i].md);
  const char *what = pos_cases[_i].what;
  const ddl_block *b = NULL;
  const char *hit = NULL;
  for (uint32_t i = 0; i < doc->nblocks && !hit; i++) {
    b = &doc->blocks[i];
    hit = b->text ? strstr(b->text, pos_cases[_i].word) : NULL;
  }
  ck_assert_msg(hit != NULL, "%s: '%s' is in no block's text", what, pos_cases[_i].word);
  unsigned line, col;
  block_pos(doc, b, (uint32_t)(hit - b->text), &line, &col);
  ck_assert_msg(line == pos_cases[_i].line && col == pos_cases[_i].col,
                "%s: '%s' of '%s' mapped to %u:%u, expected %u:%u", what, pos_cases[_i].word,
                b->text, line, col, pos_cases[_i].line, pos_cases[_i].col);
  /* Every byte of the word maps to the same byte in the source, so a
   * diagnostic's end column is as right as its start. */
  uint32_t off = (uint32_t)(hit - b->text);
  for (size_t k = 0; k < strlen(pos_cases[_i].word); k++) {
    uint32_t s = ddl_block_src_offset(b, off + (uint32_t)k);
    ddl_source_position(&doc->src, s, &line, &col);
    ck_assert_msg(s < doc->src.len && doc->src.data[s] == pos_cases[_i].word[k],
                  "%s: byte %zu of '%s' maps to %u:%u, expected %u:%zu", what, k,
                  pos_cases[_i].word, line, col, pos_cases[_i].line, pos_cases[_i].col + k);
  }
  ddl_doc_free(doc);
}
END_TEST

/* Text offsets just past a block's text map just past its last byte, and
 * a block's src span covers its text. */
START_TEST(test_position_block_ends) {
  ddl_doc *doc = build("# Head\n\nSome text here.\n");
  const ddl_block *p = &doc->blocks[1];
  ck_assert_uint_eq(ddl_block_src_offset(p, p->len), 8 + 15);
  ck_assert_uint_eq(p->src.start, 8);
  ck_assert_uint_ge(p->src.end, 8 + 15);
  ck_assert_uint_eq(doc->blocks[0].src.start, 0);
  ddl_doc_free(doc);
}
END_TEST

/* ---- tables --------------------------------------------------------- */

START_TEST(test_table) {
  ddl_doc *doc = build("Intro.\n"
                       "\n"
                       "| Name | Why |\n"
                       "|------|:---:|\n"
                       "| `a|b` | because x |\n"
                       "| c | |\n");
  ck_assert_uint_eq(doc->nblocks, 3);
  ck_assert_int_eq(doc->blocks[0].kind, DDL_BLOCK_PARAGRAPH);
  const ddl_block *r1 = &doc->blocks[1], *r2 = &doc->blocks[2];
  ck_assert_int_eq(r1->kind, DDL_BLOCK_TABLE_ROW);
  ck_assert_int_eq(r2->kind, DDL_BLOCK_TABLE_ROW);
  ck_assert_ptr_nonnull(r1->table);
  ck_assert_ptr_eq(r1->table, r2->table);

  const ddl_table *t = r1->table;
  ck_assert_uint_eq(t->ncols, 2);
  ck_assert_str_eq(t->header_text, "| Name | Why |");
  ck_assert_int_eq(memcmp(t->header_text + t->header_cells[0].start, "Name", 4), 0);
  ck_assert_uint_eq(t->header_cells[0].end - t->header_cells[0].start, 4);
  ck_assert_int_eq(memcmp(t->header_text + t->header_cells[1].start, "Why", 3), 0);
  ck_assert_uint_eq(t->header_cells[1].end - t->header_cells[1].start, 3);
  ck_assert_uint_eq(t->first_row, 1);
  ck_assert_uint_eq(t->nrows, 2);

  /* The pipe inside inline code does not split the first cell. */
  ck_assert_str_eq(r1->text, "| `a|b` | because x |");
  ck_assert_uint_eq(r1->ncells, 2);
  ck_assert_int_eq(memcmp(r1->text + r1->cells[0].start, "`a|b`", 5), 0);
  ck_assert_uint_eq(r1->cells[0].end - r1->cells[0].start, 5);
  ck_assert_int_eq(memcmp(r1->text + r1->cells[1].start, "because x", 9), 0);
  ck_assert_uint_eq(r1->cells[1].end - r1->cells[1].start, 9);
  ck_assert_uint_eq(r1->ncode, 1);
  ck_assert_uint_eq(block_line(doc, r1), 5);

  /* An empty cell is an empty range, not a missing one. */
  ck_assert_uint_eq(r2->ncells, 2);
  ck_assert_uint_eq(r2->cells[1].start, r2->cells[1].end);
  ck_assert_uint_eq(block_line(doc, r2), 6);
  /* A row is one sentence: cells are not prose to split. */
  ck_assert_uint_eq(r1->nsents, 1);
  ddl_doc_free(doc);
}
END_TEST

/* Each row holds its own code spans, at offsets in its own text: none of
 * the header's or another row's, the first and the last of the table's
 * included. */
START_TEST(test_table_row_code) {
  ddl_doc *doc = build("| `h` | x |\n"
                       "|---|---|\n"
                       "| a | b |\n"
                       "| `c` | `d|e` |\n"
                       "| f | `g` |\n");
  ck_assert_uint_eq(doc->nblocks, 3);
  const ddl_block *r1 = &doc->blocks[0], *r2 = &doc->blocks[1], *r3 = &doc->blocks[2];
  ck_assert_uint_eq(r1->ncode, 0);
  ck_assert_uint_eq(r2->ncode, 2);
  ck_assert_int_eq(memcmp(r2->text + r2->code[0].start, "`c`", 3), 0);
  ck_assert_uint_eq(r2->code[0].end - r2->code[0].start, 3);
  ck_assert_int_eq(memcmp(r2->text + r2->code[1].start, "`d|e`", 5), 0);
  ck_assert_uint_eq(r2->code[1].end - r2->code[1].start, 5);
  ck_assert_uint_eq(r2->ncells, 2);
  ck_assert_uint_eq(r3->ncode, 1);
  ck_assert_int_eq(memcmp(r3->text + r3->code[0].start, "`g`", 3), 0);
  ck_assert_uint_eq(r3->code[0].end, r3->len - 2);
  ddl_doc_free(doc);
}
END_TEST

/* Rows without outer pipes are rows too; a table is not a paragraph. */
START_TEST(test_table_no_outer_pipes) {
  ddl_doc *doc = build("a | b\n--|--\n1 | 2\n");
  ck_assert_uint_eq(doc->nblocks, 1);
  ck_assert_int_eq(doc->blocks[0].kind, DDL_BLOCK_TABLE_ROW);
  ck_assert_uint_eq(doc->blocks[0].ncells, 2);
  ck_assert_uint_eq(doc->blocks[0].table->ncols, 2);
  ck_assert_uint_eq(count_kind(doc, DDL_BLOCK_PARAGRAPH), 0);
  ddl_doc_free(doc);
}
END_TEST

/* As in GitHub's tables, "\\|" is a pipe inside a cell, not a separator;
 * cmark resolves the escape, so the text alone no longer tells. */
START_TEST(test_table_escaped_pipe) {
  ddl_doc *doc = build("| A | B |\n|---|---|\n| a \\| b | c |\n");
  ck_assert_uint_eq(doc->nblocks, 1);
  const ddl_block *r = &doc->blocks[0];
  ck_assert_int_eq(r->kind, DDL_BLOCK_TABLE_ROW);
  ck_assert_msg(r->ncells == 2, "row '%s' has %u cells, expected 2", r->text, r->ncells);
  ck_assert_uint_eq(r->cells[0].end - r->cells[0].start, 5);
  ck_assert_int_eq(memcmp(r->text + r->cells[0].start, "a | b", 5), 0);
  ddl_doc_free(doc);
}
END_TEST

START_TEST(test_pipes_without_delimiter_row) {
  ddl_doc *doc = build("a | b\nc | d\n");
  ck_assert_uint_eq(doc->nblocks, 1);
  ck_assert_int_eq(doc->blocks[0].kind, DDL_BLOCK_PARAGRAPH);
  ck_assert_ptr_null(doc->blocks[0].table);
  ck_assert_uint_eq(doc->blocks[0].ncells, 0);
  ck_assert_str_eq(doc->blocks[0].text, "a | b\nc | d");
  ddl_doc_free(doc);
}
END_TEST

START_TEST(test_table_in_list_item) {
  ddl_doc *doc = build("- | A | B |\n  |---|---|\n  | x | y |\n");
  ck_assert_uint_eq(doc->nblocks, 1);
  ck_assert_int_eq(doc->blocks[0].kind, DDL_BLOCK_TABLE_ROW);
  ck_assert_int_eq(doc->blocks[0].item, 0);
  ck_assert(doc->blocks[0].item_first);
  ddl_doc_free(doc);
}
END_TEST

/* ---- directives ----------------------------------------------------- */

START_TEST(test_directives) {
  ddl_doc *doc = build("<!-- ddlint-disable a b -->\n"               /* 1 */
                       "\n"
                       "Text <!-- ddlint-disable-line c --> here\n"  /* 3 */
                       "\n"
                       "<!--\n"                                      /* 5 */
                       "ddlint-disable-next-line d/*\n"
                       "-->\n"                                       /* 7 */
                       "Next line.\n"
                       "\n"
                       "First line\n"                                /* 10 */
                       "second <!-- ddlint-disable-file --> x\n"     /* 11 */
                       "\n"
                       "<!-- ddlint-enable -->\n");                  /* 13 */
  static const struct {
    ddl_directive_kind kind;
    const char *rules;
    unsigned line;
  } expect[] = {
      {DDL_DIRECTIVE_DISABLE, "a b", 1},          {DDL_DIRECTIVE_DISABLE_LINE, "c", 3},
      {DDL_DIRECTIVE_DISABLE_NEXT_LINE, "d/*", 7}, {DDL_DIRECTIVE_DISABLE_FILE, "", 11},
      {DDL_DIRECTIVE_ENABLE, "", 13},
  };
  ck_assert_uint_eq(doc->ndirectives, DDL_ARRAY_LEN(expect));
  for (uint32_t i = 0; i < doc->ndirectives; i++) {
    const ddl_directive *d = &doc->directives[i];
    ck_assert_msg(d->kind == expect[i].kind && d->line == expect[i].line,
                  "directive %u: kind %d at line %u, expected %d at %u", i, d->kind, d->line,
                  expect[i].kind, expect[i].line);
    ck_assert_str_eq(d->rules, expect[i].rules);
    /* The span is the comment itself. */
    ck_assert_int_eq(memcmp(doc->src.data + d->src.start, "<!--", 4), 0);
    ck_assert_int_eq(memcmp(doc->src.data + d->src.end - 3, "-->", 3), 0);
  }
  ck_assert_uint_eq(doc->directives[1].src.start, 29 + 5);
  /* The inline comment leaves no trace in the paragraph's text. */
  ck_assert_str_eq(doc->blocks[1].text, "Text  here");
  ddl_doc_free(doc);
}
END_TEST

/* Directive lines are file lines, whatever precedes or ends them. */
static const struct {
  const char *what, *md;
  unsigned line;
} directive_line_cases[] = {
    {"after front matter", "---\na: 1\n---\n<!-- ddlint-disable-file -->\n", 4},
    {"in a quote", "Para.\n\n> <!-- ddlint-disable x -->\n", 3},
    {"in a heading", "# H\n\n## Title <!-- ddlint-disable-line x -->\n", 3},
    {"inside a div", "<div>\n<!-- ddlint-disable x -->\n</div>\n", 2},
    {"in a list item", "- a\n- b <!-- ddlint-disable-line x -->\n", 2},
    {"inline across lines", "a <!-- ddlint-disable-line\nr --> b\n", 2},
    {"CRLF block", "<!--\r\nddlint-disable x\r\n-->\r\n", 3},
    {"lone CR block", "<!--\rddlint-disable x\r-->\r", 3},
    {"lone CR inline, line 2", "Para\rtext <!-- ddlint-disable-line x --> y\r", 2},
};

START_TEST(test_directive_line) {
  ddl_doc *doc = build(directive_line_cases[_i].md);
  ck_assert_msg(doc->ndirectives == 1, "%s: %u directives", directive_line_cases[_i].what,
                doc->ndirectives);
  ck_assert_msg(doc->directives[0].line == directive_line_cases[_i].line,
                "%s: line %u, expected %u", directive_line_cases[_i].what,
                doc->directives[0].line, directive_line_cases[_i].line);
  ddl_doc_free(doc);
}
END_TEST

/* A comment shown as code is an example, not a directive. */
START_TEST(test_directive_in_code_ignored) {
  ddl_doc *doc = build("```\n<!-- ddlint-disable x -->\n```\n\n"
                       "Write `<!-- ddlint-disable -->` to silence.\n\n"
                       "    <!-- ddlint-disable-file -->\n");
  ck_assert_uint_eq(doc->ndirectives, 0);
  ddl_doc_free(doc);
}
END_TEST

int main(void) {
  Suite *s = suite_create("model");
  TCase *tc = tcase_create("sections");
  tcase_add_test(tc, test_sections_layout);
  tcase_add_test(tc, test_sections_skipped_level);
  tcase_add_test(tc, test_sections_empty_doc);
  tcase_add_loop_test(tc, test_section_title, 0, DDL_ARRAY_LEN(title_cases));
  tcase_add_loop_test(tc, test_doc_title, 0, DDL_ARRAY_LEN(doc_title_cases));
  suite_add_tcase(s, tc);

  tc = tcase_create("front matter");
  tcase_add_loop_test(tc, test_front_matter, 0, DDL_ARRAY_LEN(fm_cases));
  tcase_add_test(tc, test_front_matter_not_markdown);
  suite_add_tcase(s, tc);

  tc = tcase_create("blocks");
  tcase_add_test(tc, test_block_kinds);
  tcase_add_loop_test(tc, test_block_spans, 0, DDL_ARRAY_LEN(span_cases));
  tcase_add_test(tc, test_code_text_is_empty_string);
  tcase_add_test(tc, test_nested_quotes);
  tcase_add_test(tc, test_list_items);
  tcase_add_test(tc, test_lead_in_parent_item);
  tcase_add_loop_test(tc, test_lead_in, 0, DDL_ARRAY_LEN(lead_cases));
  suite_add_tcase(s, tc);

  tc = tcase_create("inline text");
  tcase_add_loop_test(tc, test_inline_text, 0, DDL_ARRAY_LEN(inline_cases));
  tcase_add_test(tc, test_inline_code_ranges);
  suite_add_tcase(s, tc);

  tc = tcase_create("positions");
  tcase_add_loop_test(tc, test_position, 0, DDL_ARRAY_LEN(pos_cases));
  tcase_add_test(tc, test_position_block_ends);
  suite_add_tcase(s, tc);

  tc = tcase_create("tables");
  tcase_add_test(tc, test_table);
  tcase_add_test(tc, test_table_row_code);
  tcase_add_test(tc, test_table_no_outer_pipes);
  tcase_add_test(tc, test_table_escaped_pipe);
  tcase_add_test(tc, test_pipes_without_delimiter_row);
  tcase_add_test(tc, test_table_in_list_item);
  suite_add_tcase(s, tc);

  tc = tcase_create("directives");
  tcase_add_test(tc, test_directives);
  tcase_add_loop_test(tc, test_directive_line, 0, DDL_ARRAY_LEN(directive_line_cases));
  tcase_add_test(tc, test_directive_in_code_ignored);
  suite_add_tcase(s, tc);
  return run_suite(s);
}
