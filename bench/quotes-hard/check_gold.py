#!/usr/bin/env python3
"""Sanity checks for the quotes-hard corpus and its gold.json."""
import json, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
files = sorted(f for f in os.listdir(HERE) if re.match(r"\d\d-.*\.txt$", f))
errors = []
by_file = defaultdict(list)
for e in gold:
    by_file[e["file"]].append(e)

CLOSERS = "\"'”’"
for f in files:
    text = open(os.path.join(HERE, f), encoding="utf-8").read()
    lines = text.rstrip("\n").split("\n")
    paras = lines[1:]
    if any(not l.strip() for l in lines):
        errors.append(f"{f}: blank line")
    words = len(" ".join(paras).split())
    if not (180 <= words <= 400):
        errors.append(f"{f}: {words} words")
    if not (5 <= len(paras) <= 12):
        errors.append(f"{f}: {len(paras)} paragraphs")
    ents = by_file.get(f, [])
    if not (4 <= len(ents) <= 9):
        errors.append(f"{f}: {len(ents)} quotes")
    last = -1
    for e in ents:
        q = e["quote"]
        n = text.count(q)
        if n != 1:
            errors.append(f"{f}: prefix {q!r} occurs {n} times")
            continue
        pos = text.index(q)
        if pos < last:
            errors.append(f"{f}: prefix {q!r} out of order")
        last = pos
        if pos == 0 or text[pos - 1] not in "\"'“‘":
            errors.append(f"{f}: prefix {q!r} not directly after an opening quote mark")
        nw = len(q.split())
        after = text[pos + len(q):pos + len(q) + 2]
        if nw > 8 or (nw < 5 and not any(c in CLOSERS for c in after)):
            errors.append(f"{f}: prefix {q!r} has {nw} words and is not the whole quote")
        if e["speaker"] is None and e["accept"]:
            errors.append(f"{f}: null speaker with accept list")
    # rough count of opening quote marks (apostrophes excluded heuristically)
    opens = len(re.findall(r"(?:^|(?<=[\s(—–“]))[\"“]", text, re.M))
    opens += len(re.findall(r"(?:^|(?<=[\s(—–“\"]))['‘](?=\w)", text, re.M))
    if opens != len(ents):
        errors.append(f"{f}: {opens} opening quote marks vs {len(ents)} gold entries")
    style = "curly" if "“" in text or "‘" in text else "straight"
    print(f"{f:28s} {style:8s} paras={len(paras):2d} words={words:3d} quotes={len(ents)}")

for f in by_file:
    if f not in files:
        errors.append(f"gold names missing file {f}")

pc = Counter()
for e in gold:
    for p in e["pattern"].split(","):
        pc[int(p)] += 1
print("\npattern counts:")
for p in range(1, 15):
    print(f"  {p:2d}: {pc[p]}")
    if pc[p] < 4:
        errors.append(f"pattern {p} has only {pc[p]} entries")
print(f"\nquotes: {len(gold)}  articles: {len(files)}  null-speaker: {sum(e['speaker'] is None for e in gold)}")
if errors:
    print("\nERRORS:"); [print("  " + x) for x in errors]; sys.exit(1)
print("all checks passed")
