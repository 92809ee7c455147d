/* cmark-parse FILE...: parse each file with libcmark (with source
 * positions, as ddlint does) and free the tree: the parse-only floor the
 * performance benchmark compares ddlint against. */
#include <cmark.h>
#include <stdio.h>

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    if (!f) {
      perror(argv[i]);
      return 1;
    }
    cmark_node *doc = cmark_parse_file(f, CMARK_OPT_SOURCEPOS);
    fclose(f);
    cmark_node_free(doc);
  }
  return 0;
}
