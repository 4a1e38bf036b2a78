"""Benchmark of the language server (``okrdocs lsp``): diagnostics latency and memory.

    python benchmarks/lsp.py                      # 1,000 objectives for latency, 10,000 for memory
    python benchmarks/lsp.py --latency-size 1000 --memory-size 10000 --changes 100

The server runs as an editor runs it: a separate process speaking JSON-RPC over its standard
input and output. The client here is a few lines of that protocol, so that nothing but the
server is measured.

- **Latency**: a 200-line objective file is opened in a generated project, then changed again
  and again (a key result's current value, and every tenth change its owner, which makes the
  project-wide checks run again); the time from sending each ``didChange`` to receiving the
  ``publishDiagnostics`` of that version. Measured with the default debounce (what an editor
  gets) and without it (the checking alone).
- **Memory**: the server's peak resident memory (VmHWM) after it has opened a file in a
  project of 10,000 objectives and published its diagnostics.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import AS_OF, generate  # noqa: E402


def big_objective(key_results: int = 5, actions: int = 5, checkins: int = 10) -> str:
    """An objective file of about 200 lines that lints clean as of AS_OF."""
    from datetime import date, timedelta

    last = checkins - 1
    lines = [
        "---",
        "id: sales/big",
        "objective: 成为华东中型制造企业首选的工业软件供应商",
        "owner: person0",
        "team: sales-0",
        "period: 2026-Q4",
        "type: committed",
        "parent: company/c1",
        "key_results:",
    ]
    for number in range(key_results):
        lines += [
            f"  - id: kr{number}",
            f"    title: 季度销售额从 {800 + number} 万元增长到 {880 + number} 万元",
            f"    baseline: {800 + number}",
            f"    target: {880 + number}",
            f"    current: {820 + number + 2 * last}",
            "    unit: 万元",
            "    confidence: 0.6",
            "    actions:",
        ]
        for action in range(actions):
            lines += [
                f"      - title: 开展第 {action + 1} 轮华东制造业客户拜访",
                f"        owner: person{action + 1}",
                f"        due: 2026-12-{10 + action:02d}",
                "        status: doing",
            ]
    lines.append("checkins:")
    for week in range(checkins):
        day = date(2026, 10, 1) + timedelta(days=6 * week)
        values = ", ".join(
            f"kr{number}: {820 + number + 2 * week}" for number in range(key_results)
        )
        lines += [
            f"  - date: {day.isoformat()}",
            f"    values: {{{values}}}",
            "    confidence: 0.6",
            "    note: 两个大单推迟到十二月签约。",
        ]
    lines += ["---", "## 背景", "", "为什么这个目标重要，达成后会有什么不同。", ""]
    lines += ["## 复盘", "", "本季度的经验与教训。", "", "- 大单周期比预期长。", ""]
    return "\n".join(lines)


class Client:
    """A minimal LSP client over a server process's pipes."""

    def __init__(self, command: list[str], cwd: Path, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            message = json.loads(stream.read(length))
            self.messages.put(message)

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        wanted = self.next_id
        self.send({"id": wanted, "method": method, "params": params})
        while True:
            message = self.messages.get(timeout=120)
            if message.get("id") == wanted and "method" not in message:
                return message.get("result")
            if "method" in message and "id" in message:  # a request from the server
                self.send({"id": message["id"], "result": None})

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def diagnostics(self, uri: str, version: int) -> list[Any]:
        while True:
            message = self.messages.get(timeout=120)
            if "id" in message and "method" in message:
                self.send({"id": message["id"], "result": None})
                continue
            params = message.get("params") or {}
            if (
                message.get("method") == "textDocument/publishDiagnostics"
                and params.get("uri") == uri
                and params.get("version") == version
            ):
                return list(params["diagnostics"])

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()


def start(root: Path, debounce_ms: float | None) -> Client:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["OKRDOCS_AS_OF"] = AS_OF
    env["OKRDOCS_LANG"] = "en"
    client = Client([sys.executable, "-m", "okrdocs", "lsp"], root, env)
    options = {} if debounce_ms is None else {"debounce_ms": debounce_ms}
    client.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": root.as_uri(),
            "capabilities": {},
            "initializationOptions": options,
        },
    )
    client.notify("initialized", {})
    return client


def open_big(client: Client, root: Path) -> tuple[str, str, float]:
    path = root / "content" / "sales" / "big.md"
    text = big_objective()
    uri = path.as_uri()
    began = time.perf_counter()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
    )
    found = client.diagnostics(uri, 1)
    if found:
        raise RuntimeError(f"the benchmark file is not clean: {found[:3]}")
    return uri, text, time.perf_counter() - began


def latency(root: Path, changes: int, debounce_ms: float | None) -> tuple[list[float], float]:
    client = start(root, debounce_ms)
    try:
        uri, text, first = open_big(client, root)
        times = []
        for version in range(2, changes + 2):
            changed = text.replace("current: 838", f"current: {838 + version % 30}", 1)
            if version % 10 == 0:  # a new header: the project-wide checks run again
                changed = changed.replace("owner: person0", f"owner: person{version}", 1)
            began = time.perf_counter()
            client.notify(
                "textDocument/didChange",
                {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": changed}],
                },
            )
            client.diagnostics(uri, version)
            times.append(time.perf_counter() - began)
        return times, first
    finally:
        client.close()


def memory(root: Path) -> tuple[float, float, float]:
    """(peak resident MiB, resident MiB now, seconds to the first diagnostics)."""
    client = start(root, None)
    try:
        _uri, _text, first = open_big(client, root)
        status = Path(f"/proc/{client.process.pid}/status").read_text()
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        peak = int(fields["VmHWM"].split()[0]) / 1024
        now = int(fields["VmRSS"].split()[0]) / 1024
        return peak, now, first
    finally:
        client.close()


def describe(times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return (
        f"median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, "
        f"best {ms[0]:.1f} ms, worst {ms[-1]:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--latency-size", type=int, default=1000)
    parser.add_argument("--memory-size", type=int, default=10000)
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--keep", help="keep generated repositories in this folder")
    args = parser.parse_args()
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="okrdocs-lsp-bench-"))
    lines = len(big_objective().splitlines())
    for size in (args.latency_size, args.memory_size):
        root = base / f"repo-{size}"
        if not (root / "content").is_dir():
            generate(size, root)
    root = base / f"repo-{args.latency_size}"
    for label, debounce in (("default debounce", None), ("no debounce", 0.0)):
        times, first = latency(root, args.changes, debounce)
        print(
            f"latency, {lines}-line file, {args.latency_size} objectives, {label}: "
            f"{describe(times)} ({len(times)} changes; first diagnostics {first * 1000:.0f} ms)"
        )
    peak, now, first = memory(base / f"repo-{args.memory_size}")
    print(
        f"memory, {args.memory_size} objectives: peak {peak:.0f} MiB, now {now:.0f} MiB "
        f"(first diagnostics {first * 1000:.0f} ms after opening)"
    )


if __name__ == "__main__":
    main()
