#!/usr/bin/env python3
"""Recall of the sound comparison on our own name tables, with the tables' help switched off.

Two spellings of one Wikidata name group in `data/person_names.tsv` are the same name. With
the group evidence on, `canonym match` finds nearly all of them by looking the group up; with
`--sound-only` it must find them by sound, as it must for every name the tables do not hold
(most family names). This script pairs spellings of one group (a fixed sample, seed 1) and
prints the share that `canonym match --sound-only` calls the same, per kind of pair:

    arabic-latin     an Arabic-script spelling against a Latin one
    cyrillic-latin   a Cyrillic spelling against a Latin one (and so on for Greek, Hebrew,
                     Armenian, Georgian, Devanagari, kana and hangul)
    latin-latin      two Latin spellings of a group that also has an Arabic-script one
    kana-latin-latin two Latin spellings of a group that also has a kana one (romaji variants)

Groups are noisy (Joseph and يوسف are one group; so are some patronymic and plural forms),
so 100% is out of reach: the figure is for comparing two builds, not a target. It uses no
evaluation data. Run from the repository root after `cargo build --release`:

    python3 scripts/name_group_recall.py [BINARY]
"""
import collections
import random
import re
import subprocess
import sys

DATA = "data/person_names.tsv"
ARABIC = re.compile("^[\u0600-\u06ff\u0750-\u077f]+$")
LATIN = re.compile("^[a-z']+$")
# The other scripts, each against Latin.
SCRIPTS = {
    "cyrillic": "^[\u0400-\u04ff]+$",
    "greek": "^[\u0370-\u03ff\u1f00-\u1fff]+$",
    "hebrew": "^[\u0590-\u05ff]+$",
    "armenian": "^[\u0530-\u058f]+$",
    "georgian": "^[\u10a0-\u10ff]+$",
    "devanagari": "^[\u0900-\u097f]+$",
    "kana": "^[\u3040-\u30ff]+$",
    "hangul": "^[\uac00-\ud7a3]+$",
}
SCRIPTS = {name: re.compile(pattern) for name, pattern in SCRIPTS.items()}


def groups():
    g = collections.defaultdict(list)
    with open(DATA, encoding="utf-8") as f:
        next(f)
        for line in f:
            qid, form = line.rstrip("\n").split("\t")
            g[qid].append(form)
    return g


def sample_pairs(g, seed):
    # One random stream per kind: adding a kind leaves the others' samples as they were.
    rngs = {}
    pairs = collections.defaultdict(list)

    def rng(kind):
        if kind not in rngs:
            rngs[kind] = random.Random(f"{seed}-{kind}")
        return rngs[kind]

    for qid in sorted(g):
        forms = g[qid]
        arabic = sorted(f for f in forms if ARABIC.match(f))
        latin = sorted(f for f in forms if LATIN.match(f))
        if not latin:
            continue
        others = [("arabic-latin", arabic)]
        others += [(f"{name}-latin", sorted(f for f in forms if script.match(f))) for name, script in SCRIPTS.items()]
        for kind, other in others:
            for a in rng(kind).sample(other, min(2, len(other))):
                for b in rng(kind).sample(latin, min(3, len(latin))):
                    pairs[kind].append((a, b))
        if arabic and len(latin) >= 2:
            for _ in range(min(3, len(latin) * (len(latin) - 1) // 2)):
                pairs["latin-latin"].append(tuple(rng("latin-latin").sample(latin, 2)))
        if len(latin) >= 2 and any(SCRIPTS["kana"].match(f) for f in forms):
            for _ in range(min(3, len(latin) * (len(latin) - 1) // 2)):
                pairs["kana-latin-latin"].append(tuple(rng("kana-latin-latin").sample(latin, 2)))
    return pairs


def same_share(binary, pairs, *flags):
    text = "".join(f"{a}\t{b}\n" for a, b in pairs)
    out = subprocess.run([binary, "match", *flags], input=text, capture_output=True, text=True, check=True)
    answers = out.stdout.splitlines()
    assert len(answers) == len(pairs), "one answer per pair"
    return sum(line.endswith("\t1") for line in answers) / len(pairs)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/canonym"
    pairs = sample_pairs(groups(), 1)
    print("kind\tpairs\tsound_only\twith_groups")
    for kind in ["arabic-latin"] + [f"{name}-latin" for name in SCRIPTS] + ["latin-latin", "kana-latin-latin"]:
        p = pairs[kind]
        print(f"{kind}\t{len(p)}\t{same_share(binary, p, '--sound-only'):.3f}\t{same_share(binary, p):.3f}")


if __name__ == "__main__":
    main()
