/* Builds the document model from cmark's tree in one iterator walk. */
#include "doc/model.h"

#include "doc/cmark_mem.h"
#include "doc/directives.h"
#include "doc/frontmatter.h"
#include "doc/html_place.h"
#include "doc/inline_text.h"
#include "doc/sentences.h"
#include "doc/table.h"
#include "util/mem.h"
#include "util/vec.h"

#include <cmark.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The largest source parsed into an arena: cmark's tree takes about ten
 * times its input, which for a megabyte is a few MiB held until the
 * model is built; beyond it, freeing the tree block by block keeps the
 * peak down (bench/perf's big.md is 32 MiB). */
enum { ARENA_PARSE_MAX = 1 << 20 };

typedef struct {
  ddl_doc *doc;
  const ddl_source *src;
  unsigned line_offset;          /* file lines before cmark's first line */
  DDL_VEC(ddl_block) blocks;
  DDL_VEC(uint32_t) block_section;
  DDL_VEC(ddl_section) sections;
  DDL_VEC(int32_t) section_parent;
  DDL_VEC(ddl_item) items;
  DDL_VEC(ddl_directive) directives;
  DDL_VEC(int32_t) list_leads;   /* lead-in paragraph of each open list */
  ddl_textbuf tb;
  ddl_span_vec spans;            /* scratch */
  int32_t item;
  int quote;
  int image;                     /* depth inside images: alt text is not prose */
  bool collecting;
  cmark_node *html_block;        /* the block of the last inline HTML placed */
  unsigned html_shift;           /* lines its inline positions are off by */
  uint32_t section;
} builder;

static uint32_t node_start(const builder *b, cmark_node *n) {
  int line = cmark_node_get_start_line(n);
  if (line <= 0)
    return UINT32_MAX;
  return ddl_source_offset(b->src, (unsigned)line + b->line_offset,
                           (unsigned)cmark_node_get_start_column(n));
}

static uint32_t node_end(const builder *b, cmark_node *n) {
  int line = cmark_node_get_end_line(n), col = cmark_node_get_end_column(n);
  if (line <= 0)
    return UINT32_MAX;
  uint32_t off = ddl_source_offset(b->src, (unsigned)line + b->line_offset, (unsigned)col);
  /* cmark's end column is inclusive; 0 means "before the line". */
  return col > 0 && off < b->src->len ? off + 1 : off;
}

/* cmark leaves some ends unset (0) or before the start (an HTML block
 * ending on its first line): such a block ends with its first line. */
static ddl_span sane_span(const builder *b, ddl_span src) {
  if (src.start == UINT32_MAX)
    src.start = b->tb.cursor;
  if (src.start > b->src->len)
    src.start = b->src->len;
  if (src.end == UINT32_MAX || src.end <= src.start || src.end > b->src->len) {
    uint32_t e = src.start;
    while (e < b->src->len && b->src->data[e] != '\n' && b->src->data[e] != '\r')
      e++;
    src.end = e > src.start ? e : (src.start < b->src->len ? src.start + 1 : src.start);
  }
  return src;
}

static ddl_block *new_block(builder *b, ddl_block_kind kind, ddl_span src) {
  ddl_block blk = {0};
  blk.kind = kind;
  blk.index = (uint32_t)b->blocks.len;
  blk.src = sane_span(b, src);
  blk.text = "";
  blk.item = b->item;
  blk.item_first = b->item >= 0 && b->items.items[b->item].first_block == blk.index;
  blk.in_quote = b->quote > 0;
  blk.quote_depth = (uint16_t)(b->quote > 0xFFFF ? 0xFFFF : b->quote);
  DDL_VEC_PUSH(b->blocks, blk);
  DDL_VEC_PUSH(b->block_section, b->section);
  return &b->blocks.items[b->blocks.len - 1];
}

/* Index of the first segment that ends after text offset OFF. */
static size_t seg_at(const ddl_textbuf *tb, uint32_t off) {
  return ddl_seg_find(tb->segs.items, (uint32_t)tb->segs.len, off);
}

/* Fills BLK's text, map, code spans and sentences from text [a, e) of the
 * text buffer; SENTENCES false keeps the whole range as one sentence. */
static void fill_text(builder *b, ddl_block *blk, uint32_t a, uint32_t e, bool sentences) {
  ddl_arena *arena = &b->doc->arena;
  const ddl_textbuf *tb = &b->tb;
  blk->text = ddl_arena_strndup(arena, tb->text.data ? tb->text.data + a : "", e - a);
  blk->len = e - a;

  size_t first = seg_at(tb, a), last = first;
  while (last < tb->segs.len && tb->segs.items[last].text < e)
    last++;
  ddl_seg *segs = ddl_arena_alloc(arena, (last - first + 1) * sizeof(ddl_seg));
  uint32_t n = 0;
  for (size_t i = first; i < last; i++) {
    ddl_seg s = tb->segs.items[i];
    uint32_t lo = s.text > a ? s.text : a, hi = s.text + s.len < e ? s.text + s.len : e;
    if (lo >= hi)
      continue;
    segs[n].text = lo - a;
    segs[n].src = s.flat ? s.src : s.src + (lo - s.text);
    segs[n].len = hi - lo;
    segs[n].flat = s.flat;
    n++;
  }
  blk->segs = segs;
  blk->nsegs = n;

  /* The buffer's code spans are in text order, so a table row takes only
   * its own: a scan of all of them for each row is quadratic in time and
   * memory on a table of many rows with code. */
  size_t cfirst = 0, chi = tb->code.len;
  while (cfirst < chi) {
    size_t mid = cfirst + (chi - cfirst) / 2;
    if (tb->code.items[mid].start < a)
      cfirst = mid + 1;
    else
      chi = mid;
  }
  size_t clast = cfirst;
  while (clast < tb->code.len && tb->code.items[clast].start < e)
    clast++;
  size_t nc = 0;
  ddl_span *code = ddl_arena_alloc(arena, (clast - cfirst + 1) * sizeof(ddl_span));
  for (size_t i = cfirst; i < clast; i++) {
    ddl_span c = tb->code.items[i];
    if (c.end <= e) {
      code[nc].start = c.start - a;
      code[nc].end = c.end - a;
      nc++;
    }
  }
  blk->code = code;
  blk->ncode = (uint32_t)nc;

  b->spans.len = 0;
  if (sentences) {
    ddl_sentences_split(blk->text, 0, blk->len, blk->code, blk->ncode, &b->spans);
  } else {
    ddl_span all = {0, blk->len};
    while (all.start < all.end && isspace((unsigned char)blk->text[all.start]))
      all.start++;
    while (all.end > all.start && isspace((unsigned char)blk->text[all.end - 1]))
      all.end--;
    if (all.end > all.start)
      DDL_VEC_PUSH(b->spans, all);
  }
  blk->sents = ddl_arena_memdup(arena, b->spans.items, b->spans.len, sizeof(ddl_span));
  blk->nsents = (uint32_t)b->spans.len;
}

/* Source span of text [a, e) of the text buffer. */
static ddl_span text_src_span(const builder *b, uint32_t a, uint32_t e) {
  const ddl_textbuf *tb = &b->tb;
  ddl_span span = {b->tb.cursor, b->tb.cursor};
  if (tb->segs.len == 0 || e <= a)
    return span;
  size_t i = seg_at(tb, a), j = seg_at(tb, e - 1);
  if (i >= tb->segs.len || j >= tb->segs.len)
    return span;
  const ddl_seg *s = &tb->segs.items[i], *t = &tb->segs.items[j];
  span.start = s->flat ? s->src : s->src + (a - s->text);
  span.end = t->flat ? t->src : t->src + (e - 1 - t->text) + 1;
  if (span.end < span.start)
    span.end = span.start;
  return span;
}

/* A pipe written "\\|" is text, not a cell border; cmark has already
 * removed the backslash from the text, so the source tells. */
typedef struct {
  const builder *b;
  const ddl_block *row; /* NULL: offsets are in the text buffer */
} escape_ctx;

static bool pipe_escaped(void *ud, uint32_t off) {
  const escape_ctx *x = ud;
  uint32_t src;
  if (x->row) {
    src = ddl_block_src_offset(x->row, off);
  } else {
    ddl_span s = text_src_span(x->b, off, off + 1);
    src = s.start;
  }
  return src > 0 && src < x->b->src->len && x->b->src->data[src] == '|' &&
         x->b->src->data[src - 1] == '\\';
}

static void finish_table(builder *b) {
  const char *text = b->tb.text.data;
  uint32_t len = (uint32_t)b->tb.text.len;
  ddl_arena *arena = &b->doc->arena;
  ddl_table *table = ddl_arena_alloc(arena, sizeof(*table));

  uint32_t h_end = (uint32_t)((const char *)memchr(text, '\n', len) - text);
  table->header_text = ddl_arena_strndup(arena, text, h_end);
  b->spans.len = 0;
  escape_ctx hx = {b, NULL};
  ddl_table_cells(text, 0, h_end, b->tb.code.items, (uint32_t)b->tb.code.len, pipe_escaped, &hx,
                  &b->spans);
  table->header_cells = ddl_arena_memdup(arena, b->spans.items, b->spans.len, sizeof(ddl_span));
  table->ncols = (uint32_t)b->spans.len;
  table->first_row = (uint32_t)b->blocks.len;

  const char *d = memchr(text + h_end + 1, '\n', len - h_end - 1);
  uint32_t row = d ? (uint32_t)(d - text) + 1 : len;
  while (row < len) {
    const char *nl = memchr(text + row, '\n', len - row);
    uint32_t row_end = nl ? (uint32_t)(nl - text) : len;
    ddl_block *blk = new_block(b, DDL_BLOCK_TABLE_ROW, text_src_span(b, row, row_end));
    fill_text(b, blk, row, row_end, false);
    b->spans.len = 0;
    escape_ctx rx = {b, blk};
    ddl_table_cells(blk->text, 0, blk->len, blk->code, blk->ncode, pipe_escaped, &rx, &b->spans);
    blk->cells = ddl_arena_memdup(arena, b->spans.items, b->spans.len, sizeof(ddl_span));
    blk->ncells = (uint32_t)b->spans.len;
    blk->table = table;
    table->nrows++;
    row = row_end + 1;
  }
}

/* A heading's title without a section number such as "4.2", "4.", "12",
 * "A." or "IV." (Roman numerals need the dot, so "I" alone stays a word;
 * a longer number without a dot is content: "2024 roadmap", "404 handling"). */
static const char *strip_number(const char *t) {
  const char *p = t;
  if (isdigit((unsigned char)*p)) {
    bool dot = false;
    while (isdigit((unsigned char)*p) || *p == '.')
      dot |= *p++ == '.';
    if (!dot && p - t > 2)
      return t;
  } else if (isupper((unsigned char)p[0]) && p[1] == '.') {
    p += 2;
  } else {
    while (strchr("IVXLC", *p) && *p)
      p++;
    if (p == t || *p != '.')
      return t;
    p++;
  }
  if (*p == ')' || *p == ':')
    p++;
  if (*p != ' ' && *p != '\t')
    return t;
  while (*p == ' ' || *p == '\t')
    p++;
  return *p ? p : t;
}

static void finish_heading(builder *b, cmark_node *node) {
  ddl_span src = {node_start(b, node), node_end(b, node)};
  if (src.start == UINT32_MAX)
    src.start = src.end = b->tb.cursor;
  int level = cmark_node_get_heading_level(node);

  ddl_section sec = {0};
  sec.index = (uint32_t)b->sections.len;
  sec.level = level;
  int32_t parent = (int32_t)b->section;
  while (parent > 0 && b->sections.items[parent].level >= level)
    parent = b->section_parent.items[parent];
  b->sections.items[b->section].end_block = (uint32_t)b->blocks.len;
  b->section = sec.index;

  ddl_block *blk = new_block(b, DDL_BLOCK_HEADING, src);
  fill_text(b, blk, 0, (uint32_t)b->tb.text.len, false);
  sec.title = strip_number(blk->text);
  sec.first_block = blk->index + 1;
  DDL_VEC_PUSH(b->sections, sec);
  DDL_VEC_PUSH(b->section_parent, parent);
}

static void finish_paragraph(builder *b, cmark_node *node) {
  if (ddl_table_detect(b->tb.text.data ? b->tb.text.data : "", (uint32_t)b->tb.text.len)) {
    finish_table(b);
    return;
  }
  ddl_span src = {node_start(b, node), node_end(b, node)};
  if (src.start == UINT32_MAX)
    src = text_src_span(b, 0, (uint32_t)b->tb.text.len);
  ddl_block *blk = new_block(b, DDL_BLOCK_PARAGRAPH, src);
  fill_text(b, blk, 0, (uint32_t)b->tb.text.len, true);
  blk->link_chars = b->tb.link_chars;
}

typedef struct {
  builder *b;
  ddl_html_place place;
} directive_ctx;

static void on_directive(void *ud, ddl_directive_kind kind, const char *rules,
                         size_t rules_len, size_t start, size_t end) {
  directive_ctx *dc = ud;
  unsigned line, end_line;
  uint32_t from = ddl_html_place_comment_start(&dc->place, start, &line);
  uint32_t to = ddl_html_place_comment_end(&dc->place, end, &end_line);
  ddl_directive d = {kind, end_line, {from, to > from ? to : from}, NULL};
  d.rules = ddl_arena_strndup(&dc->b->doc->arena, rules, rules_len);
  DDL_VEC_PUSH(dc->b->directives, d);
}

/* The block that holds inline node N. */
static cmark_node *enclosing_block(cmark_node *n) {
  while (n && cmark_node_get_type(n) >= CMARK_NODE_FIRST_INLINE)
    n = cmark_node_parent(n);
  return n;
}

static void scan_html(builder *b, cmark_node *node) {
  const char *lit = cmark_node_get_literal(node);
  int start_line = cmark_node_get_start_line(node);
  if (!lit || !strstr(lit, "ddlint-"))
    return;
  unsigned line = start_line > 0 ? (unsigned)start_line + b->line_offset : 1;
  unsigned last = line;
  uint32_t hint = node_start(b, node);
  /* Inline lines after a link reference definition are off by the lines
   * it took, the same for the whole paragraph: the first directive of a
   * paragraph looks for its line down to the paragraph's end, the others
   * start where that one was found. */
  cmark_node *block = enclosing_block(node);
  if (block && block != node && cmark_node_get_end_line(block) > 0) {
    if (b->html_block == block) {
      line += b->html_shift;
      hint = b->html_shift ? UINT32_MAX : hint;
    } else {
      last = (unsigned)cmark_node_get_end_line(block) + b->line_offset;
    }
  }
  directive_ctx dc = {b, {0}};
  size_t len = strlen(lit);
  unsigned found = ddl_html_place_init(&dc.place, b->src, lit, len, line, last, hint);
  if (block && block != node && b->html_block != block) {
    b->html_block = block;
    b->html_shift = found > line ? found - line : 0;
  }
  ddl_directives_scan(lit, len, on_directive, &dc);
}

/* "<insert diagram here>" or "<TODO>" parses as raw HTML, but no browser
 * knows such an element: it is the author's text (often a placeholder),
 * so it stays prose.  Real elements and comments stay HTML. */
static bool is_author_tag(const char *lit) {
  static const char *const elements[] = {
      "a", "abbr", "address", "article", "aside", "audio", "b", "bdi", "bdo", "blockquote",
      "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup",
      "data", "dd", "del", "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed",
      "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5",
      "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label",
      "legend", "li", "link", "main", "map", "mark", "math", "meta", "meter", "nav", "noscript",
      "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "pre", "progress",
      "q", "rp", "rt", "ruby", "s", "samp", "script", "section", "select", "small", "source",
      "span", "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td",
      "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u",
      "ul", "var", "video", "wbr"};
  if (!lit || lit[0] != '<')
    return false;
  const char *p = lit + 1;
  if (*p == '/')
    p++;
  size_t n = 0;
  while (isalnum((unsigned char)p[n]) || p[n] == '-')
    n++;
  if (n == 0 || n > 16 || memchr(p, '-', n)) /* custom elements have a hyphen */
    return false;
  /* One tag on one line, nothing after it: a prompt, not markup. */
  const char *close = strchr(p, '>');
  if (!close || strchr(close + 1, '<'))
    return false;
  for (const char *q = close + 1; *q; q++)
    if (!isspace((unsigned char)*q))
      return false;
  for (size_t i = 0; i < DDL_ARRAY_LEN(elements); i++)
    if (strlen(elements[i]) == n && strncasecmp(elements[i], p, n) == 0)
      return false;
  return true;
}

/* An HTML block that is just an author tag becomes a one-line paragraph. */
static void author_tag_block(builder *b, cmark_node *node) {
  const char *lit = cmark_node_get_literal(node);
  size_t len = strlen(lit);
  while (len && (lit[len - 1] == '\n' || lit[len - 1] == '\r'))
    len--;
  uint32_t start = node_start(b, node);
  ddl_textbuf_begin(&b->tb, start == UINT32_MAX ? b->tb.cursor : start);
  ddl_textbuf_text(&b->tb, b->src, lit, len, start);
  ddl_block *blk = new_block(b, DDL_BLOCK_PARAGRAPH, text_src_span(b, 0, (uint32_t)len));
  fill_text(b, blk, 0, (uint32_t)b->tb.text.len, true);
}

static void enter_list(builder *b) {
  int32_t lead = -1;
  if (b->blocks.len > 0) {
    const ddl_block *last = &b->blocks.items[b->blocks.len - 1];
    if (last->kind == DDL_BLOCK_PARAGRAPH && last->item == b->item &&
        last->quote_depth == (b->quote > 0xFFFF ? 0xFFFF : b->quote) &&
        b->block_section.items[b->blocks.len - 1] == b->section)
      lead = (int32_t)last->index;
  }
  DDL_VEC_PUSH(b->list_leads, lead);
}

static void enter_item(builder *b) {
  ddl_item it = {0};
  it.parent = b->item;
  it.first_block = (uint32_t)b->blocks.len;
  it.lead_in = b->list_leads.len ? b->list_leads.items[b->list_leads.len - 1] : -1;
  it.depth = (uint32_t)b->list_leads.len;
  DDL_VEC_PUSH(b->items, it);
  b->item = (int32_t)(b->items.len - 1);
}

static void visit(builder *b, cmark_node *node, cmark_event_type ev) {
  bool enter = ev == CMARK_EVENT_ENTER;
  cmark_node_type type = cmark_node_get_type(node);
  switch (type) {
  case CMARK_NODE_HEADING:
  case CMARK_NODE_PARAGRAPH:
    if (enter) {
      uint32_t start = node_start(b, node);
      ddl_textbuf_begin(&b->tb, start == UINT32_MAX ? b->tb.cursor : start);
      b->collecting = true;
    } else {
      b->collecting = false;
      if (type == CMARK_NODE_HEADING)
        finish_heading(b, node);
      else
        finish_paragraph(b, node);
    }
    break;
  case CMARK_NODE_TEXT:
    if (b->collecting && !b->image) {
      const char *lit = cmark_node_get_literal(node);
      ddl_textbuf_text(&b->tb, b->src, lit, strlen(lit), node_start(b, node));
    }
    break;
  case CMARK_NODE_CODE:
    if (b->collecting && !b->image) {
      const char *lit = cmark_node_get_literal(node);
      ddl_textbuf_code(&b->tb, b->src, lit, strlen(lit), node_start(b, node));
    }
    break;
  case CMARK_NODE_SOFTBREAK:
  case CMARK_NODE_LINEBREAK:
    if (b->collecting && !b->image)
      ddl_textbuf_synth(&b->tb, "\n", 1);
    break;
  case CMARK_NODE_LINK:
    b->tb.link_depth += enter ? 1 : -1;
    break;
  case CMARK_NODE_IMAGE:
    b->image += enter ? 1 : -1;
    break;
  case CMARK_NODE_HTML_INLINE:
    scan_html(b, node);
    if (b->collecting && !b->image && is_author_tag(cmark_node_get_literal(node))) {
      const char *lit = cmark_node_get_literal(node);
      ddl_textbuf_text(&b->tb, b->src, lit, strlen(lit), node_start(b, node));
    }
    break;
  case CMARK_NODE_HTML_BLOCK:
    scan_html(b, node);
    if (is_author_tag(cmark_node_get_literal(node)))
      author_tag_block(b, node);
    else
      new_block(b, DDL_BLOCK_HTML, (ddl_span){node_start(b, node), node_end(b, node)});
    break;
  case CMARK_NODE_CODE_BLOCK:
    new_block(b, DDL_BLOCK_CODE, (ddl_span){node_start(b, node), node_end(b, node)});
    break;
  case CMARK_NODE_LIST:
    if (enter)
      enter_list(b);
    else
      b->list_leads.len--;
    break;
  case CMARK_NODE_ITEM:
    if (enter) {
      enter_item(b);
    } else {
      b->items.items[b->item].end_block = (uint32_t)b->blocks.len;
      b->item = b->items.items[b->item].parent;
    }
    break;
  case CMARK_NODE_BLOCK_QUOTE:
    b->quote += enter ? 1 : -1;
    break;
  default:
    break;
  }
}

/* The title is the first heading when it is shallower than every other. */
static const ddl_section *find_title(const ddl_doc *doc) {
  if (doc->nsections < 2)
    return NULL;
  int level = doc->sections[1].level;
  for (uint32_t i = 2; i < doc->nsections; i++)
    if (doc->sections[i].level <= level)
      return NULL;
  return &doc->sections[1];
}

static void link_sections(builder *b) {
  ddl_doc *doc = b->doc;
  doc->sections = b->sections.items;
  doc->nsections = (uint32_t)b->sections.len;
  doc->blocks = b->blocks.items;
  doc->nblocks = (uint32_t)b->blocks.len;
  doc->sections[b->section].end_block = doc->nblocks;
  for (uint32_t i = 0; i < doc->nblocks; i++)
    doc->blocks[i].section = &doc->sections[b->block_section.items[i]];
  /* A section's subtree ends where the next section at its level or above
   * begins: keep the open sections on a stack. */
  DDL_VEC(uint32_t) open = {0};
  for (uint32_t i = 0; i < doc->nsections; i++) {
    ddl_section *s = &doc->sections[i];
    int32_t p = b->section_parent.items[i];
    s->parent = i > 0 ? &doc->sections[p] : NULL;
    if (s->parent)
      s->parent->nchildren++;
    if (i > 0)
      s->heading = &doc->blocks[s->first_block - 1];
    while (open.len && i > 0 && doc->sections[open.items[open.len - 1]].level >= s->level) {
      doc->sections[open.items[open.len - 1]].subtree_end = s->first_block - 1;
      open.len--;
    }
    DDL_VEC_PUSH(open, i);
  }
  for (size_t k = 0; k < open.len; k++)
    doc->sections[open.items[k]].subtree_end = doc->nblocks;
  DDL_VEC_FREE(open);
  doc->title = find_title(doc);
}

ddl_doc *ddl_doc_build(ddl_source *src) {
  ddl_doc *doc = ddl_xcalloc(1, sizeof(*doc));
  doc->src = *src;
  memset(src, 0, sizeof(*src));

  builder b = {0};
  b.doc = doc;
  b.src = &doc->src;
  b.item = -1;
  ddl_section root = {0};
  DDL_VEC_PUSH(b.sections, root);
  DDL_VEC_PUSH(b.section_parent, -1);

  uint32_t body = ddl_front_matter_end(&doc->src);
  if (body > 0) {
    doc->front_matter.end = body;
    unsigned line, col;
    ddl_source_position(&doc->src, body, &line, &col);
    b.line_offset = line - 1;
  }
  /* A document of ordinary size is parsed into an arena, dropped whole
   * once the model is built; a large one into the heap, so that each
   * top-level block can be freed once it is in the model and the model
   * grows into the memory cmark's tree gives back instead of beside the
   * whole tree. */
  ddl_arena tree = {0};
  bool in_arena = doc->src.len <= ARENA_PARSE_MAX;
  if (in_arena)
    ddl_cmark_mem_use(&tree);
  cmark_parser *parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, ddl_cmark_mem());
  cmark_parser_feed(parser, doc->src.data + body, doc->src.len - body);
  cmark_node *root_node = cmark_parser_finish(parser);
  cmark_parser_free(parser);

  b.tb.cursor = body;
  for (cmark_node *top = cmark_node_first_child(root_node), *next; top; top = next) {
    next = cmark_node_next(top);
    cmark_iter *it = cmark_iter_new(top);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
      visit(&b, cmark_iter_get_node(it), ev);
    cmark_iter_free(it);
    if (!in_arena)
      cmark_node_free(top);
  }
  if (in_arena) {
    ddl_cmark_mem_use(NULL);
    ddl_arena_free(&tree);
  } else {
    cmark_node_free(root_node);
  }

  link_sections(&b);
  doc->items = b.items.items;
  doc->nitems = (uint32_t)b.items.len;
  doc->directives = b.directives.items;
  doc->ndirectives = (uint32_t)b.directives.len;
  DDL_VEC_FREE(b.block_section);
  DDL_VEC_FREE(b.section_parent);
  DDL_VEC_FREE(b.list_leads);
  DDL_VEC_FREE(b.spans);
  ddl_textbuf_free(&b.tb);
  return doc;
}

void ddl_doc_free(ddl_doc *doc) {
  if (!doc)
    return;
  free(doc->blocks);
  free(doc->sections);
  free(doc->items);
  free(doc->directives);
  ddl_source_free(&doc->src);
  ddl_arena_free(&doc->arena);
  free(doc);
}
