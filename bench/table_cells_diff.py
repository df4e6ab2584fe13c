#!/usr/bin/env python3
"""Which table cells differ between converted outputs and the corpus ground truth.

score.py's `tcell` is the F1 of the multiset of normalised table-cell texts; this prints, per
document, the cells behind that number: those only in the ground truth (missed or written
differently) and those only in the output (extra, or written differently), each with its count.
It imports score.py, so cells are extracted and normalised exactly as the scorer does.

    python3 bench/table_cells_diff.py OUTPUT_DIR [NAME...] [--corpus ../shared/corpus] [--below 1.0]

NAME is an input file name (e.g. wiki_duck.html); without names, every document whose ground
truth has a table and whose output is in OUTPUT_DIR is listed when its tcell is below --below.
"""
import argparse
import os
import sys


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("output_dir")
    ap.add_argument("names", nargs="*")
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus"))
    ap.add_argument("--below", type=float, default=1.0, help="list only documents with tcell below this")
    args = ap.parse_args()

    sys.path.insert(0, args.corpus)
    import score  # noqa: E402  (the corpus's own scorer)

    names = args.names or sorted(
        f[:-3] for f in os.listdir(os.path.join(args.corpus, "gt")) if f.endswith(".md"))
    for name in names:
        gt_path = os.path.join(args.corpus, "gt", name + ".md")
        out_path = os.path.join(args.output_dir, name + ".md")
        if not os.path.isfile(gt_path) or not os.path.isfile(out_path):
            if args.names:
                print(f"{name}: no ground truth or no output", file=sys.stderr)
            continue
        gt_tables = score.extract_tables(score.read_text(gt_path))
        if not gt_tables:
            continue
        out_tables = score.extract_tables(score.read_text(out_path))
        gt_cells, out_cells = score.table_cells(gt_tables), score.table_cells(out_tables)
        p, r, f = score.prf(gt_cells, out_cells)
        if f >= args.below and not args.names:
            continue
        print(f"{name}: tcell {f:.3f} (p {p:.3f}, r {r:.3f}); cells gt {sum(gt_cells.values())}, "
              f"out {sum(out_cells.values())}; tables gt {len(gt_tables)}, out {len(out_tables)}")
        for label, diff in (("only in ground truth", gt_cells - out_cells), ("only in output", out_cells - gt_cells)):
            if diff:
                print(f"  {label}:")
                for cell, n in sorted(diff.items()):
                    print(f"    {n}x {cell!r}")


if __name__ == "__main__":
    main()
