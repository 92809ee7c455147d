/* The build tool that turns the default packs into C data: their YAML
 * composed into node arrays (prebuild_images.c), their patterns
 * compiled and serialized by pcre2 (prebuild_patterns.c), the cue tries
 * of their pattern lists (prebuild_tries.c) and their lexicon
 * (prebuild_lexicon.c). */
#ifndef DDL_TOOLS_PREBUILD_H
#define DDL_TOOLS_PREBUILD_H

#include <stddef.h>
#include <stdio.h>

#include "regex/lexicon.h"

/* S[0, LEN) as a C string literal. */
void prebuild_literal(FILE *out, const char *s, size_t len);

/* Writes the table of src/regex/precompiled.h for PATTERNS (sorted, unique). */
int prebuild_patterns(FILE *out, char *const *patterns, size_t n);
/* A list of patterns whose cue trie the library asked for. */
typedef struct {
  char **patterns;
  size_t n;
} prebuild_list;

/* Writes the trie table of src/regex/precompiled.h for LISTS (sorted as
 * it says, unique). */
int prebuild_tries(FILE *out, const prebuild_list *lists, size_t n);
/* The terms of a lexicon the library built. */
typedef struct {
  char **terms; /* owned */
  ddl_lex_owner *owners;
  size_t n;
} prebuild_lexicon;

/* Writes the lexicon table of src/regex/precompiled.h for LEXICONS. */
int prebuild_lexicons(FILE *out, prebuild_lexicon *lexicons, size_t n);
/* Writes ddl_builtin_image() and the images of the default packs. */
int prebuild_images(FILE *out);

#endif
