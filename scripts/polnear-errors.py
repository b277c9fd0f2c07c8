#!/usr/bin/env python3
"""Error classes of the claims stage on a PolNeAR split (use the TRAINING split to design rules).

    scripts/polnear-errors.py [DIR] [--extract CMD | --pred PRED_DIR] [--save PRED_DIR]
                              [--examples N] [--show CLASS]

DIR defaults to ../shared/polnear/train. With --extract (default: target/release/extract) every
article is run through the CLI; --save keeps the JSON so a later run can use --pred.

Spans are read and trimmed exactly as ../shared/eval/polnear.py does (its functions are imported,
not restated). Then every gold cue and every predicted cue falls in one class:

  exact        same (start, end) as a gold cue
  boundary     overlaps a gold cue with other bounds; sub-classed by what differs
               (gold-left-longer "has said" vs "said", gold-right-longer "told reporters", ...)
  missed       a gold cue no predicted cue overlaps, counted by its lower-cased words
  spurious     a predicted cue overlapping no gold cue, counted by its words
and, for the linked scorer, every matched cue whose source or content does not overlap.
"""
import argparse
import collections
import importlib.util
import json
import os
import re
import shlex
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))


def load_polnear():
    spec = importlib.util.spec_from_file_location("polnear", os.path.join(SHARED, "eval", "polnear.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


P = load_polnear()
AUX = set("has have had is was were are am be been being will would shall should can could may might must "
          "do does did not n't never also".split())


def words(text):
    return re.findall(r"[a-z0-9']+|[^\sa-z0-9']", text.lower().replace("\u2019", "'"))


def cue_text(text, spans):
    return " ".join(text[a:b] for a, b in spans)


def boundary_class(text, g, p):
    """How a predicted cue span p differs from the gold cue g (both (start, end))."""
    left = "=" if g[0] == p[0] else ("gold-left-longer" if g[0] < p[0] else "pred-left-longer")
    right = "=" if g[1] == p[1] else ("gold-right-longer" if g[1] > p[1] else "pred-right-longer")
    extra = []
    if g[0] < p[0]:
        extra.append("+" + " ".join(words(text[g[0]:p[0]]))[:30])
    if g[1] > p[1]:
        extra.append("+" + " ".join(words(text[p[1]:g[1]]))[:30])
    if p[0] < g[0]:
        extra.append("-" + " ".join(words(text[p[0]:g[0]]))[:30])
    if p[1] > g[1]:
        extra.append("-" + " ".join(words(text[g[1]:p[1]]))[:30])
    return f"{left}/{right}", " ".join(extra)


def shape(ws):
    """The missed cue's shape: its last word, with the number of words before it."""
    ws = [w for w in ws if w not in AUX]
    return " ".join(ws[-2:]) if ws else "(aux only)"


def run(args, art, path):
    if args.pred:
        return json.load(open(os.path.join(args.pred, art + ".json"), encoding="utf-8"))
    out = subprocess.run(shlex.split(args.extract) + [path], capture_output=True, timeout=120)
    data = json.loads(out.stdout) if out.returncode == 0 else {}
    if args.save:
        os.makedirs(args.save, exist_ok=True)
        json.dump(data, open(os.path.join(args.save, art + ".json"), "w", encoding="utf-8"))
    return data


def context(text, a, b, n=70):
    return " ".join((text[max(0, a - n):a] + "[[" + text[a:b] + "]]" + text[b:b + n]).split())


def analyse(args):
    stats = collections.Counter()
    missed, spurious, bounds, bound_extra, linked = (collections.Counter() for _ in range(5))
    examples = collections.defaultdict(list)
    by_art = collections.OrderedDict()
    for f in sorted(os.listdir(os.path.join(args.dir, "attributions"))):
        if f.endswith(".ann"):
            by_art.setdefault(f[:-4].rsplit("_", 1)[0], []).append(f)
    for art, files in list(by_art.items())[: args.limit or None]:
        path = os.path.join(args.dir, "text", art + ".txt")
        text = open(path, encoding="utf-8").read()
        pred = P.predicted(run(args, art, path), text)
        gold = P.parse_ann(os.path.join(args.dir, "attributions", files[0]))
        for att in gold:
            for r in att:
                att[r] = [P.trim(text, s) for s in att[r]]
        gcues = [s for att in gold for s in att["cue"]]
        pcues = [s for att in pred for s in att["cue"]]
        gset, pset = set(gcues), set(pcues)
        stats["gold"] += len(gset)
        stats["pred"] += len(pset)
        stats["exact"] += len(gset & pset)
        for g in gset - pset:
            over = [p for p in pset if p[0] < g[1] and g[0] < p[1]]
            if over:
                p = min(over, key=lambda p: abs(p[0] - g[0]) + abs(p[1] - g[1]))
                k, extra = boundary_class(text, g, p)
                bounds[k] += 1
                bound_extra[extra] += 1
                examples["boundary " + k].append(context(text, *g) + "   pred: " + text[p[0]:p[1]])
            else:
                key = shape(words(text[g[0]:g[1]]))
                missed[key] += 1
                examples["missed " + key].append(context(text, *g))
        for p in pset - gset:
            if not any(g[0] < p[1] and p[0] < g[1] for g in gset):
                key = " ".join(words(text[p[0]:p[1]]))
                spurious[key] += 1
                examples["spurious " + key].append(context(text, *p))
        used = set()
        for pa in pred:
            best = next((i for i, ga in enumerate(gold)
                         if i not in used and P.chars(pa["cue"]) & P.chars(ga["cue"])), None)
            if best is None:
                continue
            used.add(best)
            ga = gold[best]
            src_ok = bool(P.chars(pa["source"]) & P.chars(ga["source"])) or (not pa["source"] and not ga["source"])
            con_ok = bool(P.chars(pa["content"]) & P.chars(ga["content"]))
            if src_ok and con_ok:
                continue
            if not src_ok:
                why = "source " + ("pred none" if not pa["source"] else "gold none" if not ga["source"] else "elsewhere")
                linked[why] += 1
                g = ga["source"][0] if ga["source"] else ga["cue"][0]
                got = cue_text(text, pa["source"]) or "-"
                examples["linked " + why].append(context(text, *g) + f"   pred source: {got}  cue: {cue_text(text, pa['cue'])}")
            if not con_ok:
                linked["content elsewhere"] += 1
                g = ga["content"][0] if ga["content"] else ga["cue"][0]
                examples["linked content elsewhere"].append(
                    context(text, *g, n=40) + f"   pred: {cue_text(text, pa['content'])[:80]}")
    return stats, missed, spurious, bounds, bound_extra, linked, examples


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", default=os.path.join(SHARED, "polnear", "train"))
    ap.add_argument("--extract", default=os.path.join(ROOT, "target", "release", "extract"))
    ap.add_argument("--pred")
    ap.add_argument("--save")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--examples", type=int, default=0, help="examples per listed class")
    ap.add_argument("--show", help="print up to --examples examples of classes starting with this")
    args = ap.parse_args()
    stats, missed, spurious, bounds, bound_extra, linked, examples = analyse(args)
    print(f"cues: gold {stats['gold']}  pred {stats['pred']}  exact {stats['exact']}  "
          f"boundary {sum(bounds.values())}  missed {sum(missed.values())}  spurious {sum(spurious.values())}")
    for title, counter in (("boundary", bounds), ("boundary words (+ gold has, - pred has)", bound_extra),
                           ("missed", missed), ("spurious", spurious), ("linked failures", linked)):
        print(f"\n== {title}")
        for k, n in counter.most_common(args.top):
            print(f"  {n:5d}  {k}")
            if args.examples and not args.show:
                for e in examples.get(title.split()[0] + " " + k, [])[: args.examples]:
                    print("           ", e[:220])
    if args.show:
        for k in sorted(examples):
            if k.startswith(args.show):
                print(f"\n== {k} ({len(examples[k])})")
                for e in examples[k][: args.examples or 10]:
                    print("   ", e[:260])


if __name__ == "__main__":
    main()
