/* The build tool that turns the default packs into C data: their YAML
 * composed into node arrays (prebuild_images.c) and their patterns
 * compiled and serialized by pcre2 (prebuild_patterns.c). */
#ifndef DDL_TOOLS_PREBUILD_H
#define DDL_TOOLS_PREBUILD_H

#include <stddef.h>
#include <stdio.h>

/* S[0, LEN) as a C string literal. */
void prebuild_literal(FILE *out, const char *s, size_t len);

/* Writes the table of src/regex/precompiled.h for PATTERNS (sorted, unique). */
int prebuild_patterns(FILE *out, char *const *patterns, size_t n);
/* Writes ddl_builtin_image() and the images of the default packs. */
int prebuild_images(FILE *out);

#endif
