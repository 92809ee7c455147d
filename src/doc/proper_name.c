/* Telling a capitalised name from a capitalised sentence start. */
#include "doc/proper_name.h"

#include <ctype.h>

static bool space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

/* Marks that may precede a word without ending what came before:
 * emphasis, quotes and brackets. */
static bool opener(char c) {
  return c == '*' || c == '_' || c == '"' || c == '\'' || c == '(' || c == '[' || c == '`';
}

/* Capitalised: an upper-case first letter, and a lower-case one after it. */
static bool capitalised(const char *t, uint32_t start, uint32_t end) {
  if (start >= end || !isupper((unsigned char)t[start]))
    return false;
  for (uint32_t i = start + 1; i < end && isalnum((unsigned char)t[i]); i++)
    if (islower((unsigned char)t[i]))
      return true;
  return false;
}

/* A word that names something by its capital: capitalised or an
 * acronym ("API", "GOV.UK"), as a neighbour of a name word. */
static bool name_like(const char *t, uint32_t start, uint32_t end) {
  while (start < end && opener(t[start]))
    start++;
  return start < end && isupper((unsigned char)t[start]) && !(end - start == 1 && t[start] == 'I');
}

/* Whether the word at START opens its sentence, cell or clause: only
 * openers lie between it and the sentence start, a '|', a ':', a '-' or
 * a '.'. */
static bool opens(const ddl_block *b, uint32_t sentence, uint32_t start) {
  uint32_t from = sentence < b->nsents ? b->sents[sentence].start : 0;
  uint32_t i = start;
  while (i > from && (space(b->text[i - 1]) || opener(b->text[i - 1])))
    i--;
  return i <= from || b->text[i - 1] == '|' || b->text[i - 1] == ':' ||
         b->text[i - 1] == '-' || b->text[i - 1] == '.';
}

/* Longer "words" (URLs, runs of symbols) are no part of a name; the bound
 * keeps every call constant-time, so a block of one huge word and a term
 * hit at each of its syllables stays linear. */
enum { WORD_MAX = 64 };

/* The end of the word at START, or UINT32_MAX past WORD_MAX bytes. */
static uint32_t word_end(const ddl_block *b, uint32_t start) {
  uint32_t end = start;
  while (end < b->len && !space(b->text[end]))
    if (++end - start > WORD_MAX)
      return UINT32_MAX;
  return end;
}

bool ddl_in_proper_name(const ddl_block *b, uint32_t sentence, uint32_t start) {
  const char *t = b->text;
  if (start >= b->len || !isupper((unsigned char)t[start]))
    return false;
  uint32_t end = word_end(b, start);
  if (end == UINT32_MAX || !capitalised(t, start, end) || opens(b, sentence, start))
    return false;
  /* The word must modify a capitalised word after it: "Performance" in
   * "Performance Schema".  The last word of a name is its head, and names
   * the thing by what it is: "Memory Cache" is a cache. */
  uint32_t ns = end;
  while (ns < b->len && (t[ns] == ' ' || t[ns] == '\t'))
    ns++;
  uint32_t ne = word_end(b, ns);
  return ne != UINT32_MAX && ne > ns && name_like(t, ns, ne);
}
