/* The default packs' lexicon in the default configuration, as the table
 * of src/regex/precompiled.h: the terms in the order the rules added
 * them, and the lexicon built from them as the library builds it
 * (ddl_lexicon_build_here), array by array. */
#include "tools/prebuild.h"

#include "regex/lexicon.h"
#include "regex/precompiled.h"

#include <string.h>

static void write_string(FILE *out, const char *s) {
  if (s)
    prebuild_literal(out, s, strlen(s));
  else
    fputs("NULL", out);
}

static void write_owner(FILE *out, const ddl_lex_owner *o) {
  /* %a is exact: the weight comes back as the same float */
  fprintf(out, "{%u, %u, %a}", (unsigned)o->owner, (unsigned)o->tag, (double)o->weight);
}

static void write_one(FILE *out, size_t l, const prebuild_lexicon *pl) {
  /* The terms one after another, a NUL after each, a line per term: as
   * bytes, since C limits the length of a string literal. */
  fprintf(out, "\nstatic const char lexterms_text%zu[] = {", l);
  for (size_t i = 0; i < pl->n; i++) {
    fputs("\n ", out);
    for (const char *c = pl->terms[i]; *c; c++)
      fprintf(out, "%d,", *c);
    fputs("0,", out);
  }
  fprintf(out, "\n  0};\nstatic const ddl_lex_owner lexkey_owners%zu[] = {\n", l);
  for (size_t i = 0; i < pl->n; i++) {
    fputs("  ", out);
    write_owner(out, &pl->owners[i]);
    fputs(",\n", out);
  }
  fputs("  {0, 0, 0},\n};\n", out);
  ddl_lexicon_builder *lb = ddl_lexicon_builder_new();
  for (size_t i = 0; i < pl->n; i++)
    ddl_lexicon_add(lb, pl->terms[i], pl->owners[i]);
  ddl_lexicon *lex = ddl_lexicon_build_here(lb);
  ddl_lex_image im = ddl_lexicon_image(lex);
  fprintf(out, "static const ddl_lex_node lexnodes%zu[] = {\n", l);
  for (size_t i = 0; i < im.nnodes; i++)
    fprintf(out, "  {%u, %u, %d, %u, %s},\n", (unsigned)im.nodes[i].first_edge,
            (unsigned)im.nodes[i].nedges, (int)im.nodes[i].first_term,
            (unsigned)im.nodes[i].nterms, im.nodes[i].boundary ? "true" : "false");
  fprintf(out, "};\nstatic const ddl_lex_edge lexedges%zu[] = {\n", l);
  for (size_t i = 0; i < im.nedges; i++)
    fprintf(out, "  {%u, %u},\n", (unsigned)im.edges[i].byte, (unsigned)im.edges[i].child);
  fprintf(out, "  {0, 0},\n};\nstatic const ddl_lex_term lexterms%zu[] = {\n", l);
  for (size_t i = 0; i < im.nterms; i++) {
    fprintf(out, "  {%zu, %zu, ", im.terms[i].first, im.terms[i].count);
    write_string(out, im.terms[i].exact);
    fputs("},\n", out);
  }
  fprintf(out, "  {0, 0, NULL},\n};\nstatic const ddl_lex_owner lexowners%zu[] = {\n", l);
  for (size_t i = 0; i < im.nowners; i++) {
    fputs("  ", out);
    write_owner(out, &im.owners[i]);
    fputs(",\n", out);
  }
  fprintf(out, "  {0, 0, 0},\n};\nstatic const uint32_t lexslots%zu[] = {\n", l);
  for (size_t i = 0; i < im.nowners; i++)
    fprintf(out, "%s%u,", i % 16 ? "" : "\n", (unsigned)im.slots[i]);
  fprintf(out, "0\n};\n");
  fprintf(out,
          "#define LEXICON%zu {lexterms_text%zu, lexkey_owners%zu, %zu, {lexnodes%zu, %zu, "
          "lexedges%zu, %zu, lexterms%zu, %zu, lexowners%zu, %zu, lexslots%zu, %u}}\n",
          l, l, l, pl->n, l, im.nnodes, l, im.nedges, l, im.nterms, l, im.nowners, l,
          (unsigned)im.nslots);
  ddl_lexicon_free(lex);
}

int prebuild_lexicons(FILE *out, prebuild_lexicon *lexicons, size_t n) {
  for (size_t l = 0; l < n; l++)
    write_one(out, l, &lexicons[l]);
  fputs("\nconst ddl_precompiled_lexicon_entry ddl_precompiled_lexicons[] = {\n", out);
  for (size_t l = 0; l < n; l++)
    fprintf(out, "  LEXICON%zu,\n", l);
  fprintf(out,
          "  {NULL, NULL, 0, {NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0}},\n};\n"
          "const size_t ddl_precompiled_lexicon_count = %zu;\n",
          n);
  return 0;
}
