#!/usr/bin/env python3
"""Mine reporting cues from PolNeAR's training split into src/extract/data/mined_cues.txt.

    scripts/mine-cues.py [POLNEAR_TRAIN_DIR] > src/extract/data/mined_cues.txt

Reads the BRAT standoff files (`attributions/*.ann`, first annotator of each article, as the
scorer does) next to the texts (`text/*.txt`). For every Cue span it takes the cue's words in
lower case (’ folded to '), drops leading auxiliaries and negation ("has said" -> "said", "did
not deny" -> "deny") and counts the remaining form. Then it counts how often each form occurs
anywhere in the training texts as a word sequence, so that each form gets a precision: the share
of its occurrences that annotators marked as a cue. Only forms of at most three words seen as a
cue at least MIN_COUNT times are written. The cue stage (claims/cues.rs) reads them with its own
frequency and precision threshold.

Only the training split is read: the dev and test splits stay unseen. The entries are data
mined from PolNeAR (annotations by its authors), not text written for this project.
"""
import collections
import os
import re
import sys

MIN_COUNT = 3
MAX_WORDS = 3
LEAD = set("has have had is was were are am be been being will would shall should can could may might must "
           "do does did not n't never also 's 've 'd 'll 're 'm".split())
WORD = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*|'s|n't")


def words(text):
    return WORD.findall(text.lower().replace("\u2019", "'").replace("\u2018", "'"))


def first_annotator(folder):
    seen = collections.OrderedDict()
    for f in sorted(os.listdir(folder)):
        if f.endswith(".ann"):
            seen.setdefault(f[:-4].rsplit("_", 1)[0], f)
    return seen


def cues_of(path):
    spans, cue_ids = {}, []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if re.match(r"^T\d+\t", line):
            tid, mid = line.split("\t")[:2]
            typ, offs = mid.split(" ", 1)
            spans[tid] = (typ, [tuple(map(int, p.split())) for p in offs.split(";")])
        elif re.match(r"^E\d+\t", line):
            for arg in line.split("\t")[1].split()[1:]:
                role, tid = arg.split(":")
                if role == "Cue" and tid in spans:
                    cue_ids.append(tid)
    return [spans[t][1] for t in cue_ids]


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "../shared/polnear/train"
    cue_count = collections.Counter()
    texts = []
    for art, ann in first_annotator(os.path.join(root, "attributions")).items():
        text = open(os.path.join(root, "text", art + ".txt"), encoding="utf-8").read()
        texts.append(words(text))
        for pieces in cues_of(os.path.join(root, "attributions", ann)):
            w = [x for a, b in pieces for x in words(text[a:b])]
            while w and w[0] in LEAD:
                w = w[1:]
            if 0 < len(w) <= MAX_WORDS:
                cue_count[" ".join(w)] += 1
    forms = {f for f, n in cue_count.items() if n >= MIN_COUNT}
    seen = collections.Counter()
    for ws in texts:
        for n in range(1, MAX_WORDS + 1):
            for i in range(len(ws) - n + 1):
                f = " ".join(ws[i:i + n])
                if f in forms:
                    seen[f] += 1
    print("# Reporting cues mined from PolNeAR's training split (BRAT Cue spans, first annotator).")
    print("# Source: PolNeAR corpus annotations (Newell, Margolin, Ruths), training split only; data,")
    print("# not text written for this project. Produced by:")
    print("#   scripts/mine-cues.py ../shared/polnear/train > src/extract/data/mined_cues.txt")
    print("# Format: FORM | COUNT | SEEN   (COUNT: times annotated as a cue, leading auxiliaries and")
    print("#   negation dropped; SEEN: times the words occur in the training texts; precision is")
    print(f"#   COUNT/SEEN). Forms of at most {MAX_WORDS} words annotated at least {MIN_COUNT} times.")
    for f in sorted(forms, key=lambda f: (-cue_count[f], f)):
        print(f"{f} | {cue_count[f]} | {max(seen[f], cue_count[f])}")


if __name__ == "__main__":
    main()
