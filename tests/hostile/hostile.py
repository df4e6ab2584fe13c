#!/usr/bin/env python3
"""The hostile-input suite: starts a real `docstrange serve` with small sandbox budgets, generates each
bomb (bombs.py), submits it through the HTTP API with a small ordinary document right behind it, and
checks that

  - the bomb ends in one of the outcomes allowed for it (a documented error code, or `completed` where
    converting it within the budgets is legitimate), within its wall-clock budget;
  - the peak resident memory of the server's process tree (server, conversion children, pdftoppm...),
    sampled from /proc every 50 ms, stays under the sandbox memory limit + 300 MB;
  - the small document, converted in the other slot, completes within 10 s;
  - the server is still alive and healthy afterwards.

Prints a table and exits non-zero on any failure. Run through tests/hostile/run.

    hostile.py --dll DOCSTRANGE_DLL [--full] [--only NAME,...] [--memory-mb N] [--cpu-seconds N]
"""
import argparse
import os
import shutil
import sys
import tempfile
import time
import uuid

sys.dont_write_bytecode = True  # no __pycache__ left in the working tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bombs  # noqa: E402
from serverproc import RssWatch, Server, request, tree_rss  # noqa: E402

MB = 1_000_000
SMALL_JOB_SECONDS = 10
RSS_HEADROOM = 300 * MB


def multipart(name, content, fields):
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields.items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                 f"Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def submit(server, name, content):
    """(job id or None, upload outcome code or None, status)."""
    body, ctype = multipart(name, content, {"output_format": "markdown"})
    status, answer = request(server.url + "/api/v1/documents", body, ctype, timeout=300)
    if status == 202:
        return answer["job_id"], None, status
    code = (answer or {}).get("error", {}).get("code", f"HTTP {status}")
    return None, code, status


def wait_final(server, job_id, deadline):
    """The job once final, or None when the deadline passes."""
    while time.monotonic() < deadline:
        wait = max(1, min(30, int(deadline - time.monotonic())))
        status, job = request(f"{server.url}/api/v1/jobs/{job_id}?wait={wait}", timeout=wait + 30)
        if status == 200 and job["status"] in ("completed", "failed", "cancelled"):
            return job
        if status != 200:
            time.sleep(0.5)
    return None


def outcome(job):
    """(code or "completed", details.limit or details.reason, message)."""
    if job is None:
        return "no end", "", "the job was not final within its budget"
    if job["status"] == "completed":
        return "completed", "", ""
    error = job.get("error") or {}
    details = error.get("details") or {}
    extra = details.get("limit") or details.get("reason") or ""
    return error.get("code", job["status"]), str(extra), error.get("message", "")


def human(n):
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n} B"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dll", required=True, help="docstrange.dll to run `serve` from")
    parser.add_argument("--full", action="store_true", help="the real sizes and budgets (default: bounded)")
    parser.add_argument("--only", help="comma-separated bomb names")
    parser.add_argument("--memory-mb", type=int, help="DocStrange:Worker:Sandbox:MemoryLimitMb (bounded 512, full 2048)")
    parser.add_argument("--cpu-seconds", type=int, help="DocStrange:Worker:Sandbox:CpuSeconds (bounded 20, full 120)")
    parser.add_argument("--keep", action="store_true", help="keep the bombs, the data folder and the server log")
    parser.add_argument("--verbose", action="store_true", help="print the processes at each bomb's peak of memory")
    # tests/hostile/run hands both scripts the same extra arguments: the fuzzer's are not this one's.
    args, _ = parser.parse_known_args()

    memory_mb = args.memory_mb or (2048 if args.full else 512)
    cpu = args.cpu_seconds or (120 if args.full else 20)
    # The wall-clock budget of one bomb: the CPU budget (a single-threaded conversion cannot use it in
    # less wall time) with room for a shared machine, plus the child's start and the upload.
    budget = 2 * cpu + 20
    hard = budget - 5
    only = set(args.only.split(",")) if args.only else None
    work = tempfile.mkdtemp(prefix="docstrange-hostile.")
    settings = [
        "--slots", "2",
        "--DocStrange:Limits:Enabled=false",
        "--DocStrange:Worker:Sandbox:Enabled=true",
        f"--DocStrange:Worker:Sandbox:MemoryLimitMb={memory_mb}",
        f"--DocStrange:Worker:Sandbox:CpuSeconds={cpu}",
        # No child waits ahead: the tree holds the server, the bomb's child and the small document's,
        # and the 300 MB over the budget are the server's and the small document's.
        "--DocStrange:Worker:Sandbox:WarmChildren=0",
        # One caller sends both documents: with the per-owner cap off the small one takes the other
        # slot at once, as another caller's would, instead of queueing behind the bomb.
        "--DocStrange:Jobs:MaxRunningPerOwner=0",
        # A bomb's failure is final: a retried PROCESSING_ERROR would only hide what happened.
        "--DocStrange:Jobs:MaxRetries=0",
        "--DocStrange:Jobs:ResultCacheTtl=00:00:00",
        f"--DocStrange:Worker:PageTimeout=00:00:{min(59, cpu):02d}",
        f"--DocStrange:Worker:SoftTimeout=00:{hard // 60:02d}:{hard % 60:02d}",
        f"--DocStrange:Worker:HardTimeout=00:{(hard + 5) // 60:02d}:{(hard + 5) % 60:02d}",
        "--Logging:LogLevel:Default=Warning",
    ]
    mode = "full" if args.full else "bounded"
    print(f"hostile suite ({mode}): sandbox {memory_mb} MiB, {cpu} s CPU; wall budget {budget} s per bomb; "
          f"RSS limit {memory_mb} MiB + 300 MB; work folder {work}", flush=True)

    clock = time.monotonic()
    print("generating the bombs...", flush=True)
    generated = list(bombs.generate(os.path.join(work, "bombs"), args.full, only))
    print(f"generated {len(generated)} bombs in {time.monotonic() - clock:.1f} s", flush=True)

    server = Server(args.dll, os.path.join(work, "server"), settings)
    watch = RssWatch(server.pid)
    idle_rss = tree_rss(server.pid)
    rss_limit = memory_mb * (1 << 20) + RSS_HEADROOM
    rows, failures = [], []
    small = b"A small ordinary document.\nIt has two lines.\n"
    try:
        # Warm up: the first job of a fresh server pays for its first compilations.
        job_id, _, _ = submit(server, "warmup.txt", small)
        wait_final(server, job_id, time.monotonic() + 60)
        for name, path, size, what, allowed in generated:
            with open(path, "rb") as f:
                content = f.read()
            watch.reset()
            started = time.monotonic()
            job_id, upload_code, _ = submit(server, os.path.basename(path), content)
            small_started = time.monotonic()
            small_id, small_code, _ = submit(server, "small.txt", small)
            small_job = wait_final(server, small_id, small_started + SMALL_JOB_SECONDS) if small_id else None
            small_seconds = time.monotonic() - small_started
            small_ok = small_job is not None and small_job["status"] == "completed"
            job = wait_final(server, job_id, started + budget + 30) if job_id else None
            seconds = time.monotonic() - started
            # Let the sampler see the end of the conversion.
            time.sleep(0.1)
            code, extra, message = (upload_code, "at upload", "") if upload_code else outcome(job)
            peak = watch.peak
            problems = []
            if code not in allowed:
                problems.append(f"outcome {code} not in {sorted(allowed)}")
            if seconds > budget:
                problems.append(f"took {seconds:.0f} s, budget {budget} s")
            if peak > rss_limit:
                problems.append(f"peak RSS {peak / MB:.0f} MB over {rss_limit / MB:.0f} MB: {watch.describe()}")
            if not small_ok:
                problems.append(f"the small job did not complete within {SMALL_JOB_SECONDS} s"
                                f" ({small_code or (small_job or {}).get('status', 'still running')})")
            if not server.alive() or not server.healthy():
                problems.append("the server is down or unhealthy")
            rows.append((name, human(len(content)), f"n={size:,}", code + (f" ({extra})" if extra else ""),
                         f"{seconds:.1f}", f"{peak / MB:.0f}", f"{small_seconds:.2f}" if small_ok else "FAIL",
                         "ok" if not problems else "FAIL"))
            print("  " + " | ".join(rows[-1]) + (f" | {message[:160]}" if message else ""), flush=True)
            if args.verbose:
                print(f"    at the peak: {watch.describe()}", flush=True)
            for p in problems:
                failures.append(f"{name}: {p}")
                print(f"    FAIL: {p}", flush=True)
            if not server.alive():
                break
    finally:
        watch.stop()
        end_rss = tree_rss(server.pid) if server.alive() else 0
        server.stop()

    header = ("bomb", "file", "size", "outcome", "seconds", "peak RSS MB", "small job s", "")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    print()
    for r in [header] + rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
    print(f"\nserver tree RSS: {idle_rss / MB:.0f} MB at start, {end_rss / MB:.0f} MB at the end; limit per bomb "
          f"{rss_limit / MB:.0f} MB; {time.monotonic() - clock:.0f} s in all")
    if failures:
        print(f"\n{len(failures)} failure(s):")
        for f in failures:
            print(f"  {f}")
        print(f"\nlast lines of the server log ({server.log_path}):\n{server.tail()}")
    if args.keep or failures:
        print(f"kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
