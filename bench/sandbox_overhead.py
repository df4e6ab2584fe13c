#!/usr/bin/env python3
"""Per-job cost of the conversion sandbox: the same small documents through three `docstrange serve`
processes side by side: one converting in process (DocStrange:Worker:Sandbox:Enabled=false), one in a
child started when its job comes (WarmChildren=0), and one in a child started ahead (WarmChildren=1,
the default). Standard library only; run through bench/run-sandbox.sh.

For every job: its time in the worker (the job's completed_at - started_at: input read, conversion,
results stored, completion written) and the client's wait (submit to completed, long-polled). For each
server: CPU per job, its own and its reaped children's (/proc/PID/stat utime+stime+cutime+cstime),
over the measured rounds. Rounds rotate which server goes first. Prints a table (each sandbox against
the in-process server: + is the difference, x the ratio) and one JSON line.
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
import urllib.request
import uuid
from datetime import datetime

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # fields[0] is field 3 (state): utime 14, stime 15, cutime 16, cstime 17.
    return sum(int(fields[n - 3]) for n in (14, 15, 16, 17)) / TICKS


def multipart(name, content, fields):
    boundary = uuid.uuid4().hex
    parts = []
    for key, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                 f'Content-Type: application/octet-stream\r\n\r\n'.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def call(url, data=None, content_type=None, timeout=120):
    request = urllib.request.Request(url, data=data, method="POST" if data is not None else "GET")
    if content_type:
        request.add_header("Content-Type", content_type)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def stamp(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


class Server:
    def __init__(self, name, dll, port, folder, extra):
        self.name, self.url = name, f"http://127.0.0.1:{port}"
        self.log = open(os.path.join(folder, f"{name}.log"), "w")
        args = ["dotnet", dll, "serve", "--urls", self.url, "--data", os.path.join(folder, name),
                "--DocStrange:Limits:Enabled=false", "--DocStrange:Jobs:ResultCacheTtl=00:00:00",
                "--Logging:LogLevel:Default=Warning"] + extra
        self.process = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(300):
            try:
                call(self.url + "/api/v1/health", timeout=2)
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit(f"{name} did not start; see {self.log.name}")

    def convert(self, name, content):
        body, content_type = multipart(name, content, {"output_format": "markdown"})
        started = time.perf_counter()
        job_id = call(self.url + "/api/v1/documents", body, content_type)["job_id"]
        while True:
            job = call(f"{self.url}/api/v1/jobs/{job_id}?wait=30")
            if job["status"] in ("completed", "failed", "cancelled"):
                break
        waited = (time.perf_counter() - started) * 1000
        if job["status"] != "completed":
            raise SystemExit(f"{self.name}: {name} ended {job['status']}: {job.get('error')}")
        worker = (stamp(job["completed_at"]) - stamp(job["started_at"])) * 1000
        return worker, waited

    def stop(self):
        self.process.kill()
        self.process.wait()
        self.log.close()


def documents(corpus):
    note = "Quarterly note {tag}\n\n" + "Revenue grew in every region and the outlook is steady. " * 30 + "\n"
    found = [("note.txt", lambda tag: note.format(tag=tag).encode())]
    for relative in ("docx/features.docx", "pdf/two_pages.pdf", "xlsx/formats.xlsx"):
        path = os.path.join(corpus, relative)
        if os.path.exists(path):
            data = open(path, "rb").read()
            found.append((os.path.basename(path), lambda tag, data=data: data))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dll", required=True, help="docstrange.dll to run")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--fixtures", default="tests/DocStrange.Extraction.Tests/data")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--json", help="append the JSON line to this file")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="docstrange-bench-sandbox-")
    servers = [Server("in_process", args.dll, 18471, folder, ["--DocStrange:Worker:Sandbox:Enabled=false"]),
               Server("cold_child", args.dll, 18472, folder, ["--DocStrange:Worker:Sandbox:Enabled=true",
                                                               "--DocStrange:Worker:Sandbox:WarmChildren=0"]),
               Server("warm_child", args.dll, 18473, folder, ["--DocStrange:Worker:Sandbox:Enabled=true",
                                                               "--DocStrange:Worker:Sandbox:WarmChildren=1"])]
    results, ok = {}, False
    try:
        docs = documents(args.fixtures)
        for name, make in docs:
            for server in servers:
                for i in range(args.warmup):
                    server.convert(name, make(f"warm-{i}-{uuid.uuid4().hex}"))
        for name, make in docs:
            samples = {s.name: {"worker": [], "waited": []} for s in servers}
            cpu_before = {s.name: cpu_seconds(s.process.pid) for s in servers}
            for round_ in range(args.rounds):
                shift = round_ % len(servers)
                for server in servers[shift:] + servers[:shift]:
                    worker, waited = server.convert(name, make(uuid.uuid4().hex))
                    samples[server.name]["worker"].append(worker)
                    samples[server.name]["waited"].append(waited)
            cpu = {s.name: (cpu_seconds(s.process.pid) - cpu_before[s.name]) * 1000 / args.rounds for s in servers}
            results[name] = {n: {"worker_p50_ms": statistics.median(v["worker"]), "worker_max_ms": max(v["worker"]),
                                 "waited_p50_ms": statistics.median(v["waited"]), "cpu_ms_per_job": cpu[n],
                                 "worker_samples_ms": [round(x, 1) for x in v["worker"]]}
                             for n, v in samples.items()}
        ok = True
    finally:
        for server in servers:
            server.stop()
        if ok and not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            print(f"kept {folder}", file=sys.stderr)

    print(f"{'document':<16}{'server':<12}{'worker p50 ms':>15}{'waited p50 ms':>15}{'CPU ms/job':>12}"
          f"{'+ waited ms':>13}{'x waited':>10}{'+ CPU ms':>10}")
    for name, by in results.items():
        own = by["in_process"]
        for server in servers:
            row = by[server.name]
            print(f"{name if server is servers[0] else '':<16}{server.name:<12}{row['worker_p50_ms']:>15.1f}"
                  f"{row['waited_p50_ms']:>15.1f}{row['cpu_ms_per_job']:>12.1f}"
                  + ("" if server is servers[0] else
                     f"{row['waited_p50_ms'] - own['waited_p50_ms']:>13.1f}{row['waited_p50_ms'] / own['waited_p50_ms']:>10.1f}"
                     f"{row['cpu_ms_per_job'] - own['cpu_ms_per_job']:>10.1f}"))
    line = json.dumps({"benchmark": "sandbox_overhead", "rounds": args.rounds, "cores": os.cpu_count(),
                       "load_average": os.getloadavg(), "documents": results})
    print(line)
    if args.json:
        with open(args.json, "a") as f:
            f.write(line + "\n")


if __name__ == "__main__":
    main()
