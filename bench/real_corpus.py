#!/usr/bin/env python3
"""Make a real-shaped handbook of exactly N pages from a Hugo content tree.

    bench/real_corpus.py SOURCE DEST N

SOURCE is a Hugo site whose pages live under SOURCE/content/. DEST gets a
site of its own: the source pages as they are under DEST/content/, then
whole copies of them under DEST/content/copy-NNNN/, each copy's site-absolute
links rewritten to point into that copy (`](/job-families/x)` becomes
`](/copy-0001/job-families/x)`), so that a link which resolves in the source
resolves in every copy and one which does not stays broken. The last copy
is cut short so that the site holds exactly N pages. Prints the number of
pages and bytes written.
"""

import os
import re
import sys


def pages_of(content):
    """Markdown pages under CONTENT, as sorted relative paths."""
    found = []
    for root, dirs, names in os.walk(content):
        dirs.sort()
        for name in sorted(names):
            if name.endswith(".md"):
                found.append(os.path.relpath(os.path.join(root, name), content))
    return found


def sections_of(pages):
    """First path segments of the pages: the routes a copy must rewrite."""
    return sorted({page.split(os.sep, 1)[0] for page in pages if os.sep in page})


def rewriter(sections, prefix):
    """A function rewriting `](/SECTION/` and `: /SECTION/` links into PREFIX."""
    if not sections:
        return lambda text: text
    pattern = re.compile(r"(\]\(|\]: |href=\")/(%s)/" % "|".join(map(re.escape, sections)))
    return lambda text: pattern.sub(lambda m: f"{m.group(1)}/{prefix}/{m.group(2)}/", text)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)
    return len(text.encode("utf-8"))


def main(argv):
    if len(argv) != 4 or not argv[3].isdigit():
        sys.stderr.write(__doc__)
        return 2
    source, dest, wanted = os.path.join(argv[1], "content"), argv[2], int(argv[3])
    pages = pages_of(source)
    if not pages:
        sys.stderr.write(f"real_corpus.py: no Markdown pages under {source}\n")
        return 2
    texts = {}
    for page in pages:
        with open(os.path.join(source, page), encoding="utf-8") as src:
            texts[page] = src.read()
    sections = sections_of(pages)
    written = total = 0
    copy = 0
    while written < wanted:
        prefix = "" if copy == 0 else f"copy-{copy:04d}"
        rewrite = rewriter(sections, prefix) if prefix else (lambda text: text)
        for page in pages:
            if written == wanted:
                break
            target = os.path.join(dest, "content", prefix, page)
            total += write(target, rewrite(texts[page]))
            written += 1
        copy += 1
    print(written, total)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
