#!/usr/bin/env python3
"""The tables of bench/run-ocr-engines.sh: per engine the mean similarity (score.py's sim) over the
images and the scanned PDFs, pages per CPU-second and per wall-second as ratios to the first engine,
and the peak memory of one process; then each document's similarity under every engine.
  ocr_engines_table.py OUT ENGINE...   (OUT/ENGINE/_scores.json and _usage.tsv, as the script writes them)"""
import json
import os
import sys


def load(out, engine):
    with open(os.path.join(out, engine, "_scores.json"), encoding="utf-8") as f:
        scores = {x["file"].split("/")[-1]: x for x in json.load(f)}
    usage = {}
    with open(os.path.join(out, engine, "_usage.tsv"), encoding="utf-8") as f:
        for line in f:
            name, pages, wall, cpu, rss = line.rstrip("\n").split("\t")
            usage[name] = (int(pages), float(wall), float(cpu), int(rss))
    return scores, usage


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else float("nan")


def main(out, engines):
    data = {e: load(out, e) for e in engines}
    base = engines[0]
    rate = {}
    for e in engines:
        _, usage = data[e]
        pages = sum(u[0] for u in usage.values())
        rate[e] = (pages / sum(u[2] for u in usage.values()), pages / sum(u[1] for u in usage.values()))
    print(f"{'engine':10s} {'sim img':>8s} {'sim scan':>9s} {'sim all':>8s} {'pages/cpu-s':>12s} {'x ' + base:>12s} {'pages/s':>8s} {'x ' + base:>12s} {'peak MiB':>9s}")
    for e in engines:
        scores, usage = data[e]
        sims = lambda t: mean(x.get("sim", 0.0) for x in scores.values() if t is None or x["type"] == t)
        print(f"{e:10s} {sims('image'):8.3f} {sims('pdf-scan'):9.3f} {sims(None):8.3f} {rate[e][0]:12.3f} {rate[e][0] / rate[base][0]:12.2f}"
              f" {rate[e][1]:8.3f} {rate[e][1] / rate[base][1]:12.2f} {max(u[3] for u in usage.values()) / 1024:9.0f}")
    print()
    print(f"{'document':44s} {'type':8s} {'pages':>5s} " + " ".join(f"{e:>10s}" for e in engines) + "   (sim)")
    names = sorted(data[base][0], key=lambda n: (data[base][0][n]["type"], n))
    for n in names:
        pages = data[base][1].get(n, (0,))[0]
        cells = " ".join(f"{data[e][0].get(n, {}).get('sim', 0.0):10.3f}" for e in engines)
        print(f"{n[:44]:44s} {data[base][0][n]['type']:8s} {pages:5d} {cells}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
