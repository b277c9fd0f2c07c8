#!/usr/bin/env python3
"""What the browser build is made of, per component, in gzip KB.

    scripts/wasm-breakdown.py NAMED.wasm [DATA_FILE ...] [--top N]

NAMED.wasm must keep its function names (wasm-bindgen --keep-debug, wasm-opt -g; scripts/size-report
builds it). Function bodies go to a component by the crate paths in their names; data goes to the
component whose code (directly, or through pointers in other data) is the only one to refer to it,
and the DATA_FILE arguments (included with include_bytes! or lexicon::data_file!, which drops
their `#` lines) are found by content:
a `.model` file counts as the tagger weights, the others as word lists and text files. Each component is gzipped alone; `share` scales those figures so they add up
to the gzip size of the whole module (gzip over everything compresses better than the parts).
Prints a table and, last, one JSON line with the shares."""
import collections, gzip, json, re, sys

BUCKETS = [  # (component, regex on the demangled name); the earliest match in a name wins
    # The stage's own code is named article_explorer_core::…::extract::readable::…: matched from
    # the crate name, so that it starts where 'extractor' would and wins the tie (listed first).
    ('readable stage', r'html5gum|article_explorer\w*::(?:\w+::)*extract::readable'),
    ('tagger', r'extract::tagger'),
    ('serde/serde_json', r'serde'),
    ('yew/UI/bindings', r'yew|article_explorer::ui|article_explorer::export|gloo|web_sys|js_sys|wasm_bindgen'
                        r'|implicit_clone|prokio|__wbg|__wbindgen|indexmap|slab|pin_project|futures|shim'),
    ('extractor', r'article_explorer'),
]
STD = 'std/core/alloc'


def leb(b, i, signed=False):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80:
            if signed and x & 0x40: r -= 1 << s
            return r, i


def parse(path):
    b = open(path, 'rb').read()
    nimp, bodies, names, segs = 0, [], {}, []
    i = 8
    while i < len(b):
        sid = b[i]; n, i = leb(b, i + 1); s = b[i:i + n]; i += n
        if sid == 2:
            cnt, j = leb(s, 0)
            for _ in range(cnt):
                for _ in range(2):
                    l, j = leb(s, j); j += l
                kind = s[j]; j += 1
                if kind == 0: _, j = leb(s, j); nimp += 1
                elif kind in (1, 2):
                    if kind == 1: j += 1
                    fl, j = leb(s, j); _, j = leb(s, j)
                    if fl & 1: _, j = leb(s, j)
                elif kind == 3: j += 2
                else: _, j = leb(s, j)
        elif sid == 10:
            cnt, j = leb(s, 0)
            for _ in range(cnt):
                l, j = leb(s, j); bodies.append(s[j:j + l]); j += l
        elif sid == 11:
            cnt, j = leb(s, 0)
            for _ in range(cnt):
                fl, j = leb(s, j)
                if fl != 0: raise SystemExit('passive or multi-memory data segments are not handled')
                off, j = leb(s, j + 1, signed=True); j += 1
                l, j = leb(s, j); segs.append((off, s[j:j + l])); j += l
        elif sid == 0:
            l, j = leb(s, 0)
            if s[j:j + l] != b'name': continue
            j += l
            while j < len(s):
                sub = s[j]; sl, j = leb(s, j + 1); end = j + sl
                if sub == 1:
                    cnt, k = leb(s, j)
                    for _ in range(cnt):
                        idx, k = leb(s, k); l, k = leb(s, k)
                        names[idx - nimp] = s[k:k + l].decode('utf-8', 'replace'); k += l
                j = end
    return bodies, names, segs


def bucket(name):
    best = None
    for label, pat in BUCKETS:
        m = re.search(pat, name)
        if m and (best is None or m.start() < best[0]): best = (m.start(), label)
    return best[1] if best else STD


def main():
    args = sys.argv[1:]
    top = 0
    if '--top' in args:
        k = args.index('--top'); top = int(args[k + 1]); del args[k:k + 2]
    path, files = args[0], args[1:]
    bodies, names, segs = parse(path)
    lo = min(o for o, _ in segs); hi = max(o + len(d) for o, d in segs)
    mem = bytearray(hi - lo)
    for o, d in segs: mem[o - lo:o - lo + len(d)] = d
    mem = bytes(mem)
    fixed = []  # (start, end, label): the data files, found by content
    for f in files:
        c = open(f, 'rb').read()
        if not f.endswith('.model'):
            # As compiled: without its `#` lines (lexicon::data_file! in src/extract/lexicon.rs).
            c = b''.join(l for l in c.splitlines(keepends=True) if not l.lstrip(b' \t').startswith(b'#'))
        at = mem.find(c)
        label = 'tagger weights (' + f.rsplit('/', 1)[-1] + ')' if f.endswith('.model') else 'word lists and text files'
        if at >= 0: fixed.append((at, at + len(c), label))
    # Addresses code refers to (i32.const, found by a byte scan) and data refers to (aligned words).
    refs = collections.defaultdict(set)  # address -> referring components or chunk starts
    fbucket = [bucket(names.get(i, '?')) for i in range(len(bodies))]
    for i, body in enumerate(bodies):
        for m in re.finditer(b'\x41', body):
            try: v, _ = leb(body, m.start() + 1, signed=True)
            except IndexError: continue
            if lo <= v < hi: refs[v - lo].add(('code', fbucket[i]))
    for a in range(0, len(mem) - 3, 4):
        v = int.from_bytes(mem[a:a + 4], 'little')
        if lo <= v < hi and v - lo != a: refs[v - lo].add(('data', a))
    starts = sorted(set(refs) | {0} | {s for s, _, _ in fixed} | {e for _, e, _ in fixed})
    starts = [s for s in starts if s < len(mem)]
    chunk_of = lambda a: starts[max(0, __import__('bisect').bisect_right(starts, a) - 1)]
    owners = {s: set() for s in starts}
    for s in starts:
        for kind, x in refs.get(s, ()):
            owners[s].add(x if kind == 'code' else ('chunk', chunk_of(x)))
    resolved = {}
    for _ in range(20):  # propagate owners through data that points at data
        changed = False
        for s in starts:
            out = set()
            for o in owners[s]:
                if isinstance(o, tuple): out |= resolved.get(o[1], set())
                else: out.add(o)
            if resolved.get(s) != out: resolved[s] = out; changed = True
        if not changed: break
    parts = collections.defaultdict(list)
    for i, body in enumerate(bodies): parts[fbucket[i]].append(body)
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(mem)
        label = next((l for a, b, l in fixed if a <= s < b), None)
        if label is None:
            own = resolved.get(s, set())
            label = (next(iter(own)) if len(own) == 1 else 'shared data')
        parts[label].append(mem[s:e])
    whole = gzip.compress(b''.join(bodies) + mem, 9)
    rows = [(k, sum(map(len, v)), len(gzip.compress(b''.join(v), 9))) for k, v in parts.items()]
    scale = len(whole) / sum(g for _, _, g in rows)
    print(f"{'component':34} {'raw KB':>8} {'gzip KB':>8} {'share KB':>9}")
    for k, raw, gz in sorted(rows, key=lambda r: -r[2]):
        print(f"{k[-34:]:34} {raw / 1024:8.1f} {gz / 1024:8.1f} {gz * scale / 1024:9.1f}")
    print(f"{'code + data (gzip together)':34} {(sum(map(len, bodies)) + len(mem)) / 1024:8.1f} {len(whole) / 1024:8.1f}")
    if top:
        for n, nm in sorted(((len(b), names.get(i, '?')) for i, b in enumerate(bodies)), reverse=True)[:top]:
            print(n, bucket(nm), nm[:160])
    print(json.dumps({k: round(gz * scale / 1024, 1) for k, _, gz in rows}))


main()
