"""A `docstrange serve` started for a test run, and the resident memory of its process tree read from
/proc. Standard library only; shared by hostile.py and fuzz.py."""
import json
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

PAGE = os.sysconf("SC_PAGE_SIZE")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def descendants(root):
    """root and every process below it, from the parent ids in /proc/*/stat."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, ()))
    return found


def rss(pid):
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(root):
    return sum(rss(pid) for pid in descendants(root))


def name(pid):
    """The process's short name, with its first argument after dotnet's (docstrange serve, sandbox-convert)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = [a.decode(errors="replace") for a in f.read().split(b"\0") if a]
    except OSError:
        return "?"
    if not args:
        return "?"
    if os.path.basename(args[0]) == "dotnet" and len(args) > 2:
        return f"dotnet {os.path.basename(args[1])} {args[2]}"
    return os.path.basename(args[0])


class RssWatch:
    """Samples the resident memory of a process tree every `interval` seconds; `peak` since the last reset."""

    def __init__(self, root, interval=0.05):
        self.root, self.interval = root, interval
        self.peak = self.peak_own = 0
        self.breakdown = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            sizes = [(pid, rss(pid)) for pid in descendants(self.root)]
            total = sum(size for _, size in sizes)
            if total > self.peak:
                self.peak = total
                self.breakdown = [(name(pid), size) for pid, size in sizes]
            self.peak_own = max(self.peak_own, rss(self.root))
            self._stop.wait(self.interval)

    def reset(self):
        self.peak = self.peak_own = 0
        self.breakdown = []

    def describe(self):
        """The processes at the peak, largest first: "dotnet docstrange.dll serve 210 MB, ..."."""
        return ", ".join(f"{what} {size / 1e6:.0f} MB" for what, size in sorted(self.breakdown, key=lambda x: -x[1]) if size)

    def stop(self):
        self._stop.set()
        self._thread.join()


class Server:
    """`dotnet DLL serve` on a free loopback port with a fresh data folder; `settings` are extra
    `--Key=value` arguments. The log goes to folder/server.log."""

    def __init__(self, dll, folder, settings=(), ready_timeout=90):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        os.makedirs(folder, exist_ok=True)
        self.log_path = os.path.join(folder, "server.log")
        self.log = open(self.log_path, "w")
        args = ["dotnet", dll, "serve", "--urls", self.url, "--data", os.path.join(folder, "data"), *settings]
        # Its own process group: stopping it reaches the conversion children too.
        self.process = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        self.pid = self.process.pid
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"the server exited with {self.process.returncode} at start; see {self.log_path}")
            if self.healthy(timeout=2):
                return
            time.sleep(0.2)
        self.stop()
        raise SystemExit(f"the server was not ready within {ready_timeout} s; see {self.log_path}")

    def healthy(self, timeout=5):
        try:
            with urllib.request.urlopen(self.url + "/api/v1/health/ready", timeout=timeout) as r:
                return r.status == 200
        except (OSError, urllib.error.URLError):
            return False

    def alive(self):
        return self.process.poll() is None

    def tail(self, lines=30):
        try:
            with open(self.log_path, errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def request(url, data=None, content_type=None, method=None, timeout=120, headers=None):
    """(status, parsed JSON or None) of one HTTP call; error statuses are returned, not raised."""
    req = urllib.request.Request(url, data=data, method=method or ("POST" if data is not None else "GET"))
    if content_type:
        req.add_header("Content-Type", content_type)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            body = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        body, status = e.read(), e.code
    try:
        return status, json.loads(body) if body else None
    except ValueError:
        return status, None
