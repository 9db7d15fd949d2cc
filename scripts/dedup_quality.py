#!/usr/bin/env python3
"""Pairwise precision and recall of `canonym dedup` clusters against labelled name pairs.

    python3 scripts/dedup_quality.py [PAIRS.tsv] [--threshold T] [--bin PATH]

PAIRS.tsv (default ../shared/eval/dev_person_pairs.tsv, read at run time, never copied)
has the columns a, b, same. All distinct names of columns a and b become one dataset
(a temporary CSV with one column `name`), clustered by `target/release/canonym dedup`.
Then, over the labelled pairs whose two names differ:

    precision = among pairs put in one cluster, the fraction labelled same=1
    recall    = among pairs labelled same=1, the fraction put in one cluster

Standard library only. Exits 1 if precision < 0.95.
"""
import argparse
import csv
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pairs", nargs="?", default=os.path.join(ROOT, "..", "shared", "eval", "dev_person_pairs.tsv"))
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--kind", default="person")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "canonym"))
    args = ap.parse_args()

    pairs = []
    with open(args.pairs, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            pairs.append((row["a"], row["b"], row["same"].strip() == "1"))
    names = sorted({n for a, b, _ in pairs for n in (a, b)})

    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "names.csv")
        out = os.path.join(tmp, "out.csv")
        with open(src, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["name"])
            for n in names:
                w.writerow([n])
        cmd = [args.bin, "dedup", "--input", src, "--column", "name", "--kind", args.kind, "--output", out]
        if args.threshold is not None:
            cmd += ["--threshold", str(args.threshold)]
        subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
        cluster = {}
        with open(out, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row["canonym_cluster"]:
                    cluster[row["name"]] = row["canonym_cluster"]

    together = together_same = same = same_together = 0
    for a, b, label in pairs:
        if a == b:
            continue
        joined = a in cluster and cluster.get(a) == cluster.get(b)
        together += joined
        together_same += joined and label
        same += label
        same_together += label and joined
    precision = together_same / together if together else 1.0
    recall = same_together / same if same else 0.0
    clusters = len(set(cluster.values()))
    print(f"names\t{len(names)}")
    print(f"clusters\t{clusters}")
    print(f"labelled pairs\t{len(pairs)} ({same} same)")
    print(f"pairs in one cluster\t{together}")
    print(f"precision\t{precision:.4f}")
    print(f"recall\t{recall:.4f}")
    return 0 if precision >= 0.95 else 1


if __name__ == "__main__":
    sys.exit(main())
