#!/usr/bin/env python3
"""quadratic_seeds.py OUTDIR: writes the seed inputs of fuzz_quadratic.

Each seed is a prefix, a part repeated COUNT times (0: until the harness's
size limit) and a suffix, in the harness's input format (three
little-endian u16 lengths, then the text).  One seed per dimension that has
been, or could be, super-linear: directives against diagnostics, headings,
rules' regexes over many paragraphs, nesting, tables, sentences.  Written
at test time rather than committed, since the header bytes are binary."""
import os
import struct
import sys

SEEDS = {
    "directives-next-line": ("# Doc\n\n", "<!-- ddlint-disable-next-line -->\nTODO here\n", "", 0),
    "directives-ranges": ("# Doc\n\n", "<!-- ddlint-disable hygiene/placeholder -->\nTBD\n<!-- ddlint-enable -->\n", "", 0),
    "directives-unknown": ("", "<!-- ddlint-disable no/such-rule -->\n", "TODO\n", 0),
    "directives-one-html-block": ("<div>", "<!-- ddlint-disable no/such-rule -->e: ", "\n</div>\n", 0),
    "directives-one-html-block-lines": ("<div>\n", "<!-- ddlint-disable no/such-rule -->\n", "</div>\n", 0),
    "directives-after-reference": ("[a]: https://example.com\n", "x <!-- ddlint-disable no/such-rule --> ", "\n", 0),
    "placeholders": ("# Doc\n\n", "TODO ", "\n", 0),
    "placeholders-unclosed": ("x\n\n", "[placeholder <insert\nDe.s\n", "", 0),
    "headings": ("# Doc\n\n", "## Security\n\n", "", 0),
    "headings-empty": ("", "### A\n", "", 0),
    "headings-areas": ("# Doc\n\n## Deep dive\n\n", "### Caching\n\nWe cache reads in Redis.\n\n", "", 0),
    "decisions": ("# Doc\n\n## Design\n\n", "We use Redis for the cache. ", "\n", 0),
    "decisions-reasons": ("# Doc\n\n", "We use Kafka for the queue because it buffers bursts.\n\n", "", 0),
    "decision-list": ("# Doc\n\n", "- Use Postgres for the ledger\n", "", 0),
    "sentences": ("# Doc\n\n", "a. ", "\n", 0),
    "words": ("# Doc\n\n", "replication ", "\n", 0),
    "proper-names": ("# Doc\n\n", "Performance Schema ", "\n", 0),
    "one-word": ("", "a", "\n", 0),
    "word-of-terms": ("# Doc\n\n", "scalability/", "\n", 0),
    "word-of-syllables": ("# Doc\n\n", "#secur", "\n", 0),
    "brackets": ("", "[", "a", 0),
    "links": ("", "[a](b) ", "", 0),
    "emphasis": ("", "*a ", "", 0),
    "backticks": ("", "`a", "", 0),
    "blockquote": ("", ">", " TODO\n", 0),
    "list-nesting": ("", "- ", "TODO\n", 0),
    "table-columns": ("| a ", "| b ", "|\n|---|\n| x |\n", 0),
    "table-rows": ("| Decision | Why |\n|---|---|\n", "| Use S3 | cheap |\n", "", 0),
    "table-rows-code": ("| Decision | Why |\n|---|---|\n", "| Use `S3` | cheap |\n", "", 0),
    "html-unclosed": ("", "<div>", "", 0),
    "html-comments": ("", "<!-- a -->\n", "", 0),
    "blank-lines": ("# Doc", "\n", "TODO", 0),
    "cr-lines": ("# Doc", "\r", "TODO", 0),
    "front-matter": ("---\n", "a: b\n", "---\n# Doc\n", 0),
    "code-fences": ("", "```\nTODO\n```\n", "", 0),
    "utf8": ("# Doc\n\n", "\u20ac\u00e9\U0001F600", "\n", 0),
    "not-applicable": ("# Doc\n\n", "## API \u2014 Not applicable: batch job\n\n", "", 0),
    "few": ("# Doc\n\n", "## Security\n\nTODO\n\n", "", 100),
}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: quadratic_seeds.py OUTDIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, (prefix, part, suffix, count) in SEEDS.items():
        p, r, s = (x.encode("utf-8") for x in (prefix, part, suffix))
        with open(os.path.join(out, name), "wb") as f:
            f.write(struct.pack("<HHH", len(p), len(r), count) + p + r + s)


if __name__ == "__main__":
    main()
