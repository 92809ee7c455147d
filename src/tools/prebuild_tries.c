/* The cue tries of the default packs' pattern lists, as the table of
 * src/regex/precompiled.h: each list's trie built as the library builds
 * it (ddl_cue_index_build_here) and written out node by node. */
#include "tools/prebuild.h"

#include "regex/cues.h"
#include "regex/precompiled.h"

#include <inttypes.h>
#include <string.h>

static void write_masks(FILE *out, const uint64_t *m) {
  fputc('{', out);
  for (size_t k = 0; k < DDL_CUE_SETS; k++)
    fprintf(out, "%s0x%" PRIx64 "u", k ? "," : "", m[k]);
  fputc('}', out);
}

int prebuild_tries(FILE *out, const prebuild_list *lists, size_t n) {
  for (size_t l = 0; l < n; l++) {
    const char *const *patterns = (const char *const *)lists[l].patterns;
    ddl_cue_index *ix = ddl_cue_index_build_here(patterns, lists[l].n);
    ddl_cue_trie t = ddl_cue_index_trie(ix);
    fprintf(out, "\nstatic const char *const list%zu[] = {\n", l);
    for (size_t i = 0; i < lists[l].n; i++) {
      fputs("  ", out);
      prebuild_literal(out, patterns[i], strlen(patterns[i]));
      fputs(",\n", out);
    }
    fprintf(out, "};\nstatic const ddl_cue_node trie%zu[] = {\n", l);
    for (size_t i = 0; i < t.nnodes; i++) {
      const ddl_cue_node *nd = &t.nodes[i];
      fputs("  {{", out);
      bool first = true;
      for (size_t c = 0; c < DDL_ARRAY_LEN(nd->child); c++)
        if (nd->child[c]) {
          fprintf(out, "%s[%zu] = %u", first ? "" : ", ", c, (unsigned)nd->child[c]);
          first = false;
        }
      fputs(first ? "0}, " : "}, ", out);
      write_masks(out, nd->ends);
      fputs(", ", out);
      write_masks(out, nd->words);
      fputs("},\n", out);
    }
    fprintf(out, "};\n#define TRIE%zu {list%zu, %zu, {trie%zu, %zu, ", l, l, lists[l].n, l,
            t.nnodes);
    write_masks(out, t.given);
    fprintf(out, ", 0x%" PRIx64 "u, %u}}\n", t.all, (unsigned)t.lead_root);
    ddl_cue_index_free(ix);
  }
  fprintf(out, "\nconst ddl_precompiled_trie ddl_precompiled_tries[] = {\n");
  for (size_t l = 0; l < n; l++)
    fprintf(out, "  TRIE%zu,\n", l);
  fprintf(out, "  {NULL, 0, {NULL, 0, {0}, 0, 0}},\n};\n"
               "const size_t ddl_precompiled_trie_count = %zu;\n", n);
  return 0;
}
