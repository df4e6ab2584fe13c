#!/usr/bin/env python3
"""What --images files costs a whole conversion as a user runs it: one CLI process per
document, as a job's conversion child is, with and without, interleaved document by document so both
share the machine's load. CPU seconds of the processes (user + system, their children included, from
getrusage) and wall seconds, summed over the documents; the ratio is the figure.
Usage: features_cli.py --dll CLI.dll [--rounds N] FILE..."""
import argparse, os, resource, statistics, subprocess, sys, tempfile, time

def run(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr.decode(errors='replace')[-2000:]}")
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dll", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    variants = {
        "placeholder": lambda f, out: ["dotnet", a.dll, "convert", f, "--output", out],
        "images files": lambda f, out: ["dotnet", a.dll, "convert", f, "--images", "files", "--output", out],
    }
    totals = {name: [] for name in variants}
    for r in range(a.rounds):
        sums = {name: [0.0, 0.0] for name in variants}
        for f in a.files:
            for name, cmd in variants.items():
                with tempfile.TemporaryDirectory() as out:
                    cpu, wall = run(cmd(f, out))
                sums[name][0] += cpu
                sums[name][1] += wall
        for name in variants:
            totals[name].append(sums[name])
        print(f"round {r + 1}: " + ", ".join(f"{n} {s[0]:.1f} CPU-s {s[1]:.1f} s" for n, s in sums.items()), flush=True)
    base = totals["placeholder"]
    for name in list(variants)[1:]:
        cpu = statistics.median(v[0] / b[0] for v, b in zip(totals[name], base))
        wall = statistics.median(v[1] / b[1] for v, b in zip(totals[name], base))
        print(f"{name} vs placeholder, {len(a.files)} documents, one process each: CPU x{cpu:.3f} ({(cpu - 1) * 100:+.1f} %), wall x{wall:.3f} ({(wall - 1) * 100:+.1f} %)")

if __name__ == "__main__":
    main()
