#!/usr/bin/env python3
"""Scripted LSP latency benchmark for `copydesk serve` (Python 3.11, stdlib only).

Drives the real server over stdio the way an editor does (push diagnostics, incremental sync,
UTF-16 positions) and reports:

- indexing (ms): `initialized` -> the `copydesk/indexed` notification (the `$/progress` end is
  reported too);
- open -> first diagnostics (ms): didOpen of a ~2,000-word draft -> the first
  textDocument/publishDiagnostics for it, with the corpus already indexed;
- per-edit latency p50/p99 (ms): N small incremental edits (characters typed one at a time in
  different paragraphs, some backspaces), each a didChange with the next version; the clock
  stops at the publish whose `version` equals that edit's version, and only then is the next
  edit sent. The clock stops when the publication's last byte has been read, before the
  script parses its JSON (Python's json takes about 0.5 ms for a 50 KB publication, which is
  the client's time, not the server's);
- peak memory (MB): VmHWM of the server process from /proc/PID/status, read at the end.

At the end it also checks the server's copy of the text (`copydesk/documentText`) against the
script's, and that the diagnostics for the last version equal those for a fresh didOpen of the
same text (a stale incremental result would differ). Publishes for a version other than the
awaited one are counted and reported. Every wait has a timeout, so a stuck server fails with a
message instead of hanging; the server is stopped with shutdown + exit.

Presets (run from the repository root with ../shared beside it; build with
`cargo build --release` first):

    # seed corpus (the default when no --corpus is given)
    python3 benches/lsp_latency.py
    # same, spelled out
    python3 benches/lsp_latency.py --corpus ../shared/corpus/istanbul-talks
    # seed + Reuters + BBC
    python3 benches/lsp_latency.py --corpus ../shared/corpus/istanbul-talks \\
        --corpus ../shared/corpus/reuters21578.jsonl --corpus ../shared/corpus/bbc-news-2005.jsonl

Flags: --bin PATH (default target/release/copydesk), --corpus PATH (repeatable), --edits N
(default 300), --draft FILE (default: the ../shared/eval/cases/*.md drafts concatenated until
the text has 2,000 words, as benches/engine.rs builds it), --json (one JSON object on stdout),
--timeout S (per wait, default 60), --index-timeout S (default 900), --seed N (edit script).
Relative default paths resolve against the repository root; paths given on the command line
resolve against the current directory.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
DRAFT_URI = "file:///tmp/copydesk-lsp-latency/draft.md"
FRESH_URI = "file:///tmp/copydesk-lsp-latency/fresh.md"
# Words typed into the draft. Plain English so the edits look like a writer revising, and
# short so one "burst" stays inside one paragraph.
TYPED_WORDS = ["however", "reportedly", "later", "officials", "said", "again", "the", "talks", "on", "Monday"]


class BenchError(Exception):
    pass


class Server:
    """A copydesk server on stdio: requests, notifications, and answers to its requests."""

    def __init__(self, argv: list[str]):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.write_lock = threading.Lock()
        self.next_id = 1
        self.responses: dict[int, queue.Queue] = {}
        self.responses_lock = threading.Lock()
        self.notifications: queue.Queue = queue.Queue()
        self.stderr_tail: list[str] = []
        self.server_requests: dict[str, int] = {}
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    # --- wire -------------------------------------------------------------------------------
    def _send(self, message: dict) -> None:
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        header = f"Content-Length: {len(body)}\r\n\r\n".encode("ascii")
        with self.write_lock:
            try:
                self.proc.stdin.write(header + body)
                self.proc.stdin.flush()
            except (BrokenPipeError, OSError) as e:
                raise BenchError(f"server stdin closed ({e}); {self.describe_exit()}") from e

    def _read_message(self) -> tuple[float, dict] | None:
        """The next message and when its last byte arrived (before this script parses it)."""
        stream = self.proc.stdout
        length = None
        while True:
            line = stream.readline()
            if not line:
                return None
            line = line.strip()
            if not line:
                break
            name, _, value = line.decode("ascii", "replace").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        if length is None:
            raise BenchError("server sent a message without Content-Length")
        body = stream.read(length)
        arrived = time.perf_counter()
        if len(body) < length:
            return None
        return arrived, json.loads(body)

    def _read_stdout(self) -> None:
        try:
            while True:
                got = self._read_message()
                if got is None:
                    break
                received, msg = got
                if "method" in msg and "id" in msg:
                    self._answer(msg)
                elif "method" in msg:
                    msg["_received"] = received
                    self.notifications.put((received, msg))
                elif "id" in msg:
                    with self.responses_lock:
                        slot = self.responses.get(msg["id"])
                    if slot is not None:
                        slot.put(msg)
        except Exception as e:  # a reader that dies silently would look like a hung server
            self.notifications.put((time.perf_counter(), {"method": "$/benchReaderFailed", "params": str(e)}))
        finally:
            self.notifications.put((time.perf_counter(), {"method": "$/benchEof"}))

    def _read_stderr(self) -> None:
        for raw in self.proc.stderr:
            self.stderr_tail.append(raw.decode("utf-8", "replace").rstrip())
            del self.stderr_tail[:-20]

    def _answer(self, msg: dict) -> None:
        method = msg["method"]
        self.server_requests[method] = self.server_requests.get(method, 0) + 1
        if method == "workspace/configuration":
            result = [None for _ in msg.get("params", {}).get("items", [])]
        else:
            # client/registerCapability, window/workDoneProgress/create, refresh requests...
            result = None
        self._send({"jsonrpc": "2.0", "id": msg["id"], "result": result})

    def describe_exit(self) -> str:
        code = self.proc.poll()
        state = "still running" if code is None else f"exited with {code}"
        tail = "\n  ".join(self.stderr_tail[-10:])
        return f"server {state}" + (f"; stderr tail:\n  {tail}" if tail else "")

    # --- protocol ---------------------------------------------------------------------------
    def request(self, method: str, params, timeout: float):
        rid = self.next_id
        self.next_id += 1
        slot: queue.Queue = queue.Queue()
        with self.responses_lock:
            self.responses[rid] = slot
        self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        try:
            reply = slot.get(timeout=timeout)
        except queue.Empty:
            raise BenchError(f"no answer to {method} within {timeout:.0f} s; {self.describe_exit()}") from None
        finally:
            with self.responses_lock:
                self.responses.pop(rid, None)
        if "error" in reply:
            raise BenchError(f"{method} failed: {reply['error']}")
        return reply.get("result")

    def notify(self, method: str, params) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, what: str, matches, timeout: float, on_other=None):
        """The first notification satisfying `matches`, as (arrival time, message)."""
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise BenchError(f"timed out after {timeout:.0f} s waiting for {what}; {self.describe_exit()}")
            try:
                received, msg = self.notifications.get(timeout=left)
            except queue.Empty:
                continue
            if msg["method"] in ("$/benchEof", "$/benchReaderFailed"):
                raise BenchError(f"server output ended while waiting for {what} ({msg.get('params', 'EOF')}); {self.describe_exit()}")
            if matches(msg):
                return received, msg
            if on_other is not None:
                on_other(msg)

    def peak_memory_mb(self) -> float | None:
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
        except OSError:
            return None
        return None

    def stop(self, timeout: float) -> str:
        """shutdown + exit; kills the process only if it does not go by itself."""
        outcome = "clean"
        try:
            if self.proc.poll() is None:
                self.request("shutdown", None, timeout)
                self.notify("exit", None)
                self.proc.stdin.close()
        except (BenchError, OSError) as e:
            outcome = f"shutdown failed: {e}"
        try:
            self.proc.wait(timeout=timeout)
            if self.proc.returncode != 0 and outcome == "clean":
                outcome = f"exited with {self.proc.returncode}"
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            outcome = f"did not exit within {timeout:.0f} s of `exit`; killed"
        return outcome


class Document:
    """The script's copy of the draft, with LSP (UTF-16) positions."""

    def __init__(self, text: str):
        self.lines = text.split("\n")

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def position(self, line: int, col: int) -> dict:
        prefix = self.lines[line][:col]
        return {"line": line, "character": len(prefix.encode("utf-16-le")) // 2}

    def insert(self, line: int, col: int, s: str) -> dict:
        pos = self.position(line, col)
        self.lines[line] = self.lines[line][:col] + s + self.lines[line][col:]
        return {"range": {"start": pos, "end": pos}, "text": s}

    def delete(self, line: int, col: int, count: int) -> dict:
        start, end = self.position(line, col), self.position(line, col + count)
        self.lines[line] = self.lines[line][:col] + self.lines[line][col + count :]
        return {"range": {"start": start, "end": end}, "text": ""}


def edit_script(doc: Document, count: int, rng: random.Random):
    """Yields (description, change) one keystroke at a time, applying each to `doc`.

    A writer revising: go to a paragraph, type a word after some word in it, now and then
    backspace over a few characters, move on to another paragraph."""
    paragraphs = [i for i, l in enumerate(doc.lines) if len(l.split()) >= 8 and not l.lstrip().startswith("#")]
    if not paragraphs:
        raise BenchError("the draft has no paragraph of 8 words or more to edit")
    produced = 0
    last_para = None
    while produced < count:
        choices = [p for p in paragraphs if p != last_para] or paragraphs
        line = rng.choice(choices)
        last_para = line
        text = doc.lines[line]
        # Type after the end of a word, so the new word reads as one.
        ends = [i for i in range(1, len(text)) if text[i] == " " and text[i - 1].isalpha()]
        col = rng.choice(ends) if ends else len(text)
        word = " " + rng.choice(TYPED_WORDS)
        for ch in word:
            if produced >= count:
                return
            yield "type", doc.insert(line, col, ch)
            col += 1
            produced += 1
        if rng.random() < 0.4:
            for _ in range(rng.randint(1, 3)):
                if produced >= count or col == 0:
                    break
                col -= 1
                yield "backspace", doc.delete(line, col, 1)
                produced += 1


def default_draft() -> str:
    """The dev drafts repeated under numbered headings up to 2,000 words (as benches/engine.rs)."""
    cases = SHARED / "eval" / "cases"
    parts = [p.read_text(encoding="utf-8") for p in sorted(cases.glob("*.md"))]
    if not parts:
        raise BenchError(f"no drafts in {cases}; pass --draft FILE")
    out = ""
    round_no = 0
    while len(out.split()) < 2000:
        round_no += 1
        for p in parts:
            out += f"\n## Part {round_no}\n\n{p}"
    return out


def percentile(sorted_values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), round(pct / 100.0 * len(sorted_values) + 0.4999999)))
    return sorted_values[rank - 1]


def diag_key(diags: list[dict]) -> list:
    return sorted(json.dumps(d, sort_keys=True) for d in diags)


def run(args) -> dict:
    binary = Path(args.bin) if args.bin else REPO_ROOT / "target" / "release" / "copydesk"
    if not binary.is_file():
        raise BenchError(f"no server binary at {binary}; run `cargo build --release` or pass --bin")
    corpus = [str(Path(c).resolve()) for c in args.corpus] if args.corpus else [str(SHARED / "corpus" / "istanbul-talks")]
    for c in corpus:
        if not Path(c).exists():
            raise BenchError(f"corpus path {c} does not exist")
    draft = Path(args.draft).read_text(encoding="utf-8") if args.draft else default_draft()

    server = Server([str(binary), "serve"])
    result: dict = {"binary": str(binary), "corpus": corpus, "draft_words": len(draft.split()), "edits": args.edits}
    anomalies: list[str] = []
    try:
        capabilities = {
            "general": {"positionEncodings": ["utf-16"]},
            "window": {"workDoneProgress": True},
            "workspace": {"configuration": True, "didChangeWatchedFiles": {"dynamicRegistration": True}},
            "textDocument": {"synchronization": {"didSave": False}, "publishDiagnostics": {"versionSupport": True}},
        }
        init = server.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": None,
                "capabilities": capabilities,
                "initializationOptions": {"corpus": corpus, "debounceMs": 0},
            },
            args.timeout,
        )
        sync = (init or {}).get("capabilities", {}).get("textDocumentSync")
        if not (isinstance(sync, dict) and sync.get("change") == 2):
            anomalies.append(f"server did not offer incremental sync: {sync!r}")

        progress_end: list[float] = []
        progress_note: list[str] = []

        def watch_progress(msg: dict) -> None:
            value = (msg.get("params") or {}).get("value") or {}
            if msg["method"] == "$/progress" and value.get("kind") == "end":
                progress_end.append(msg["_received"])
                progress_note.append(value.get("message", ""))

        def is_index_end(m: dict) -> bool:
            if m["method"] == "$/progress":
                watch_progress(m)
                return bool(progress_end)
            return m["method"] == "copydesk/indexed"

        started = time.perf_counter()
        server.notify("initialized", {})
        indexed_at, indexed = server.wait_for("the copydesk/indexed notification or the indexing $/progress end", is_index_end, args.index_timeout)
        if indexed["method"] != "copydesk/indexed":
            # The engine is swapped in before the progress ends; a server without the
            # notification is indexed already, one with it sends it right after.
            try:
                indexed_at, indexed = server.wait_for("copydesk/indexed", lambda m: m["method"] == "copydesk/indexed", 5.0)
            except BenchError:
                anomalies.append("no copydesk/indexed notification after the indexing progress ended")
        result["index_ms"] = (indexed_at - started) * 1000.0
        result["indexed"] = indexed.get("params") if indexed["method"] == "copydesk/indexed" else None
        if progress_end:
            result["index_progress_end_ms"] = (progress_end[0] - started) * 1000.0
            result["index_progress_message"] = progress_note[0]

        def is_publish(uri: str, version=None):
            def matches(m: dict) -> bool:
                if m["method"] != "textDocument/publishDiagnostics" or m["params"]["uri"] != uri:
                    return False
                return version is None or m["params"].get("version") == version

            return matches

        stray: list[str] = []

        def note_stray(m: dict) -> None:
            if m["method"] == "textDocument/publishDiagnostics":
                stray.append(f"{m['params']['uri'].rsplit('/', 1)[-1]} v{m['params'].get('version')}")

        doc = Document(draft)
        version = 1
        sent = time.perf_counter()
        server.notify("textDocument/didOpen", {"textDocument": {"uri": DRAFT_URI, "languageId": "markdown", "version": version, "text": doc.text}})
        got, first = server.wait_for("the first diagnostics for the draft", is_publish(DRAFT_URI), args.timeout, note_stray)
        result["open_to_first_diagnostics_ms"] = (got - sent) * 1000.0
        result["open_diagnostics"] = len(first["params"]["diagnostics"])
        if first["params"].get("version") != version:
            anomalies.append(f"first publish after didOpen carried version {first['params'].get('version')}, not {version}")

        latencies: list[float] = []
        kinds = {"type": 0, "backspace": 0}
        last_diags = first["params"]["diagnostics"]
        for kind, change in edit_script(doc, args.edits, random.Random(args.seed)):
            version += 1
            kinds[kind] += 1
            sent = time.perf_counter()
            server.notify("textDocument/didChange", {"textDocument": {"uri": DRAFT_URI, "version": version}, "contentChanges": [change]})
            got, pub = server.wait_for(f"the publish for version {version} ({kind})", is_publish(DRAFT_URI, version), args.timeout, note_stray)
            latencies.append((got - sent) * 1000.0)
            last_diags = pub["params"]["diagnostics"]
        result["edit_kinds"] = kinds
        lat = sorted(latencies)
        if lat:
            result["edit_ms"] = {
                "p50": percentile(lat, 50),
                "p99": percentile(lat, 99),
                "mean": sum(lat) / len(lat),
                "max": lat[-1],
            }
        result["final_diagnostics"] = len(last_diags)

        # Anything published for the draft in between was for a version nobody waited for.
        while True:
            try:
                _, m = server.notifications.get(timeout=0.2)
            except queue.Empty:
                break
            note_stray(m)
        if stray:
            anomalies.append(f"{len(stray)} publish(es) for versions not awaited: {', '.join(stray[:10])}")

        # Did the edits land as meant, and is the incremental result the same as a fresh one?
        echoed = server.request("copydesk/documentText", {"uri": DRAFT_URI}, args.timeout)
        if echoed is None or echoed.get("text") != doc.text or echoed.get("version") != version:
            anomalies.append(f"server text differs from the client's after the edits (server version {echoed and echoed.get('version')})")
        server.notify("textDocument/didOpen", {"textDocument": {"uri": FRESH_URI, "languageId": "markdown", "version": 1, "text": doc.text}})
        _, fresh = server.wait_for("diagnostics for a fresh copy of the edited draft", is_publish(FRESH_URI), args.timeout)
        if diag_key(fresh["params"]["diagnostics"]) != diag_key(last_diags):
            anomalies.append(
                f"diagnostics after the edits ({len(last_diags)}) differ from a fresh open of the same text "
                f"({len(fresh['params']['diagnostics'])}): stale incremental results"
            )

        result["peak_memory_mb"] = server.peak_memory_mb()
        result["server_requests"] = server.server_requests
    finally:
        result["shutdown"] = server.stop(args.timeout)
    if result["shutdown"] != "clean":
        anomalies.append(f"shutdown: {result['shutdown']}")
    result["anomalies"] = anomalies
    return result


def report(r: dict) -> str:
    lines = [
        f"corpus: {', '.join(r['corpus'])}",
        f"indexed: {r.get('indexed')} in {r['index_ms']:.0f} ms"
        + (f" (progress end at {r['index_progress_end_ms']:.0f} ms)" if "index_progress_end_ms" in r else ""),
        f"draft: {r['draft_words']} words; open -> first diagnostics: {r['open_to_first_diagnostics_ms']:.1f} ms ({r['open_diagnostics']} diagnostics)",
    ]
    if "edit_ms" in r:
        e = r["edit_ms"]
        lines.append(
            f"edits: {r['edits']} ({r['edit_kinds']['type']} typed, {r['edit_kinds']['backspace']} deleted); "
            f"p50 {e['p50']:.1f} ms, p99 {e['p99']:.1f} ms, mean {e['mean']:.1f} ms, max {e['max']:.1f} ms"
        )
    mem = r.get("peak_memory_mb")
    lines.append(f"peak memory (VmHWM): {mem:.1f} MB" if mem is not None else "peak memory: unavailable")
    lines.append(f"shutdown: {r['shutdown']}")
    if r["anomalies"]:
        lines.extend(f"ANOMALY: {a}" for a in r["anomalies"])
    else:
        lines.append("anomalies: none")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", help="server binary (default: target/release/copydesk under the repo root)")
    parser.add_argument("--corpus", action="append", default=[], help="corpus file or folder; repeatable (default: seed corpus)")
    parser.add_argument("--edits", type=int, default=300, help="number of single-keystroke edits (default 300)")
    parser.add_argument("--draft", help="draft file (default: ../shared/eval/cases/*.md up to 2,000 words)")
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for any one answer (default 60)")
    parser.add_argument("--index-timeout", type=float, default=900.0, help="seconds to wait for indexing (default 900)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the edit script (default 1)")
    args = parser.parse_args()
    try:
        r = run(args)
    except (BenchError, OSError) as e:
        print(f"lsp_latency: {e}", file=sys.stderr)
        return 1
    print(json.dumps(r, indent=2) if args.json else report(r))
    return 2 if r["anomalies"] else 0


if __name__ == "__main__":
    sys.exit(main())
