/* Rule-based sentence splitting: cheap, linear, and good enough for the
 * declarative prose of design documents. */
#include "doc/sentences.h"

#include <ctype.h>
#include <string.h>

static bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static bool is_closer(unsigned char c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == '*' || c == '_';
}

/* Whether a sentence may start with C: a capital, a digit, an opening
 * mark, or any non-ASCII byte (curly quotes, accented capitals). */
static bool opens_sentence(unsigned char c) {
  return isupper(c) || isdigit(c) || c == '"' || c == '\'' || c == '(' || c == '[' ||
         c == '`' || c == '*' || c == '_' || c >= 0x80;
}

/* Abbreviations after which a period rarely ends a sentence, compared
 * without their inner dots ("e.g." is "eg"). */
static const char *const abbreviations[] = {
    "eg", "ie", "vs", "cf", "al", "approx", "fig", "figs", "no", "nos", "mr", "mrs",
    "ms", "dr", "st", "sec", "ch", "vol", "resp", "incl", "esp", "viz", "ca",
    "ref", "refs", "eq", "op", "cit", "etal", "ibid", "aka", "max", "min", "avg", "ex"};

static bool abbreviation_before(const char *text, uint32_t from, uint32_t dot) {
  uint32_t b = dot;
  while (b > from && !is_space((unsigned char)text[b - 1]) && text[b - 1] != '(')
    b--;
  char word[16];
  size_t n = 0;
  for (uint32_t i = b; i < dot; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c == '.')
      continue;
    if (!isalpha(c) || n + 1 >= sizeof(word))
      return false;
    word[n++] = (char)tolower(c);
  }
  word[n] = '\0';
  if (n == 1)
    return true; /* an initial: "J. Smith", "a. b." */
  for (size_t i = 0; i < sizeof(abbreviations) / sizeof(abbreviations[0]); i++)
    if (strcmp(word, abbreviations[i]) == 0)
      return true;
  return false;
}

static void emit(const char *text, uint32_t s, uint32_t e, ddl_span_vec *out) {
  while (s < e && is_space((unsigned char)text[s]))
    s++;
  while (e > s && is_space((unsigned char)text[e - 1]))
    e--;
  for (uint32_t i = s; i < e; i++) {
    if (isalnum((unsigned char)text[i]) || (unsigned char)text[i] >= 0x80) {
      ddl_span span = {s, e};
      DDL_VEC_PUSH(*out, span);
      return;
    }
  }
}

void ddl_sentences_split(const char *text, uint32_t start, uint32_t end,
                         const ddl_span *code, uint32_t ncode, ddl_span_vec *out) {
  uint32_t s = start, ci = 0;
  uint32_t i = start;
  while (i < end) {
    while (ci < ncode && code[ci].end <= i)
      ci++;
    if (ci < ncode && code[ci].start <= i) {
      i = code[ci].end;
      continue;
    }
    unsigned char c = (unsigned char)text[i];
    if (c != '.' && c != '!' && c != '?') {
      i++;
      continue;
    }
    uint32_t j = i + 1;
    while (j < end && (text[j] == '.' || text[j] == '!' || text[j] == '?'))
      j++;
    uint32_t k = j;
    while (k < end && is_closer((unsigned char)text[k]))
      k++;
    if (k < end && !is_space((unsigned char)text[k])) {
      i = j; /* "3.5", "example.com", "a.b" */
      continue;
    }
    uint32_t m = k;
    while (m < end && is_space((unsigned char)text[m]))
      m++;
    bool boundary = m >= end || opens_sentence((unsigned char)text[m]);
    if (boundary && c == '.' && j == i + 1 && abbreviation_before(text, s, i))
      boundary = false;
    if (boundary) {
      emit(text, s, k, out);
      s = m;
    }
    i = m > j ? m : j;
  }
  emit(text, s, end, out);
}
