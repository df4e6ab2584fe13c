#!/usr/bin/env python3
"""PDF extraction benchmark: DocStrange side by side with pdftotext, pdf2txt (pdfminer) and PyMuPDF.

Standard library only; run through bench/run-pdf.sh, which installs the peers and builds first.

1. Side by side, whole process each, on the same PDFs: `docstrange convert` (one process for all
   files, as a user runs it), `pdftotext` and `pdf2txt` (one process per file, their only mode),
   PyMuPDF (one Python process for all files). Each round runs every tool once, in a rotated order;
   the median round counts. Ratios are peer time / DocStrange time (above 1: DocStrange is faster).
2. Warm in-process throughput: bench/DocStrange.Bench.Pdf converts the same PDFs on one thread.
3. A generated PDF of about 1,000 pages (pdfunite of the same PDFs, repeated), converted by
   `docstrange convert` with its peak resident memory (GNU time), and by pdftotext and PyMuPDF.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PYMUPDF = """
import sys, os, fitz
out = sys.argv[1]
for path in sys.argv[2:]:
    with fitz.open(path) as doc:
        text = "".join(page.get_text() for page in doc)
    with open(os.path.join(out, os.path.basename(path) + ".txt"), "w", encoding="utf-8") as f:
        f.write(text)
"""


def timed(cmd, log):
    """Runs cmd under GNU time; returns (wall seconds, peak resident KB)."""
    stats = os.path.join(log, "time.txt")
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", stats] + cmd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr[-2000:]}")
    with open(stats) as f:
        peak = int(f.read().split()[-1])
    return seconds, peak


def tools(docstrange, files, out):
    """Each tool as a list of commands run one after the other."""
    def into(name):
        path = os.path.join(out, name)
        shutil.rmtree(path, ignore_errors=True)
        os.makedirs(path)
        return path
    return {
        "docstrange": lambda: [["dotnet", docstrange, "convert", *files, "--output", into("docstrange")]],
        "pdftotext": lambda: [["pdftotext", "-enc", "UTF-8", f, os.path.join(into("pdftotext") if i == 0 else os.path.join(out, "pdftotext"),
                                                                           os.path.basename(f) + ".txt")] for i, f in enumerate(files)],
        "pdfminer": lambda: [["/usr/bin/pdf2txt", "-o", os.path.join(into("pdfminer") if i == 0 else os.path.join(out, "pdfminer"),
                                                                     os.path.basename(f) + ".txt"), f] for i, f in enumerate(files)],
        "pymupdf": lambda: [["/usr/bin/python3", "-c", PYMUPDF, into("pymupdf"), *files]],
    }


def run_tool(make_commands, log):
    total, peak = 0.0, 0
    for cmd in make_commands():
        seconds, kb = timed(cmd, log)
        total += seconds
        peak = max(peak, kb)
    return total, peak


def pages_of(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return next(int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages:"))


def side_by_side(docstrange, files, rounds, work):
    runs = tools(docstrange, files, work)
    names = list(runs)
    seconds = {name: [] for name in names}
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            seconds[name].append(run_tool(runs[name], work)[0])
    return {name: statistics.median(values) for name, values in seconds.items()}, seconds


def big_pdf(files, work, target):
    counts = [pages_of(f) for f in files]
    chosen, pages = [], 0
    while pages < target:
        for f, n in zip(files, counts):
            chosen.append(f)
            pages += n
            if pages >= target:
                break
    path = os.path.join(work, f"generated_{pages}_pages.pdf")
    subprocess.run(["pdfunite", *chosen, path], check=True, stderr=subprocess.DEVNULL)
    return path, pages_of(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True, help="corpus folder with MANIFEST.tsv and docs/")
    ap.add_argument("--docstrange-dll", required=True)
    ap.add_argument("--bench-dll", required=True)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--warm-rounds", type=int, default=5)
    ap.add_argument("--big-pages", type=int, default=1000)
    ap.add_argument("--json", help="append the JSON line to this file")
    args = ap.parse_args()

    with open(os.path.join(args.corpus, "MANIFEST.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    header = rows[0]
    files = [os.path.join(args.corpus, r[header.index("file")]) for r in rows[1:] if r[header.index("type")] == "pdf"]
    pages = sum(pages_of(f) for f in files)
    work = tempfile.mkdtemp(prefix="docstrange-pdf-bench-")
    load_before = os.getloadavg()[0]
    try:
        print(f"== side by side: {len(files)} PDFs, {pages} pages, {args.rounds} rounds, whole process each (median round)")
        medians, samples = side_by_side(args.docstrange_dll, files, args.rounds, work)
        ds = medians["docstrange"]
        print(f"  {'tool':12s} {'seconds':>8s} {'pages/s':>8s} {'peer/DocStrange':>16s}   rounds")
        for name, value in medians.items():
            ratio = value / ds if ds else float("nan")
            print(f"  {name:12s} {value:8.3f} {pages / value:8.1f} {ratio:15.2f}x   " + " ".join(f"{s:.2f}" for s in samples[name]))

        print(f"== warm, in process, one thread ({args.warm_rounds} rounds after a warm-up)")
        warm = subprocess.run(["dotnet", args.bench_dll, "--rounds", str(args.warm_rounds), *files], capture_output=True, text=True, check=True).stdout
        for line in warm.splitlines():
            if not line.startswith("{"):
                print("  " + line)
        warm_json = json.loads(next(line for line in warm.splitlines() if line.startswith("{")))

        big, big_pages = big_pdf(files, work, args.big_pages)
        print(f"== generated PDF: {big_pages} pages, {os.path.getsize(big) / 1e6:.1f} MB (pdfunite of the same PDFs)")
        big_runs = {
            "docstrange": ["dotnet", args.docstrange_dll, "convert", big, "-o", os.path.join(work, "big.md")],
            "pdftotext": ["pdftotext", "-enc", "UTF-8", big, os.path.join(work, "big.txt")],
            "pymupdf": ["/usr/bin/python3", "-c", PYMUPDF, work, big],
        }
        big_result = {}
        for name, cmd in big_runs.items():
            seconds, kb = timed(cmd, work)
            big_result[name] = {"seconds": round(seconds, 2), "peak_mb": round(kb / 1024, 1), "pages_per_second": round(big_pages / seconds, 1)}
            print(f"  {name:12s} {seconds:8.2f} s {big_pages / seconds:8.1f} pages/s   peak memory {kb / 1024:7.1f} MB")
        load_after = os.getloadavg()[0]
        print(f"== machine: {os.cpu_count()} cores, load average {load_before:.2f} before, {load_after:.2f} after")

        result = {
            "benchmark": "pdf_side_by_side", "files": len(files), "pages": pages, "rounds": args.rounds,
            "seconds": {k: round(v, 3) for k, v in medians.items()},
            "ratio_peer_over_docstrange": {k: round(v / ds, 2) for k, v in medians.items() if k != "docstrange"},
            "warm_pages_per_second_one_thread": warm_json["pages_per_second"],
            "warm_pages_per_cpu_second": warm_json["pages_per_cpu_second"],
            "big": {"pages": big_pages, **big_result},
            "load_average": [round(load_before, 2), round(load_after, 2)], "cores": os.cpu_count(),
        }
        line = json.dumps(result)
        print(line)
        if args.json:
            with open(args.json, "a", encoding="utf-8") as f:
                f.write(line + "\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
