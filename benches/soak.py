#!/usr/bin/env python3
"""Soak test for `copydesk serve`: one long session, memory and text must hold (stdlib only).

Not run in CI (it takes minutes). Build with `cargo build --release`, then from the repository
root:

    python3 benches/soak.py                      # 100,000 edits, 4 documents
    python3 benches/soak.py --edits 20000 --json # shorter, machine-readable

One server over stdio, an ordinary editor's capabilities (push diagnostics, UTF-16, server-side
file watching). The script opens several drafts (tests/cases/ps-*.md) and sends single-keystroke
edits to them in bursts: a word typed a character at a time (some with accents or an emoji),
then either backspaced away or balanced by deleting another word, now and then a paragraph
split or joined, so the drafts neither grow nor shrink for long. Every --hover-every edits it
asks for a hover, every --action-every a code action, and every --corpus-every edits it changes
the corpus folder (a temporary copy of tests/cases/corpus-port-strike) underneath the server:
rewriting a file, adding one, removing an added one, so the watcher rebuilds the fact base.

It records VmRSS (/proc/PID/status) once the first --early edits have been applied and at the
end, each after the server has caught up (every document's text read back) and then idled for
--settle seconds (the server returns freed memory to the system every 10 s, so both readings
are taken in the same state), and asserts:
- the server's text (`copydesk/documentText`) equals the script's for every document, at every
  --verify-every edits and at the end, with the last version sent;
- no request got an error;
- the corpus was rebuilt while the session ran (`copydesk/indexed` after the first);
- RSS at the end <= --max-growth (1.10) x RSS after the early edits.
Exit status 0 when all hold, 1 otherwise. The figures go in RELIABILITY.md.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lsp_latency import BenchError, Server  # noqa: E402  (the same stdio client)

REPO_ROOT = Path(__file__).resolve().parent.parent
CASES = REPO_ROOT / "tests" / "cases"
WORDS = ["however", "reportedly", "dockers", "said", "again", "café", "naïve", "talks", "Monday", "🙂", "port"]
# Sentences the corpus files gain when rewritten; any news-like text does.
CORPUS_LINES = [
    "The harbour office said on Tuesday that ferries would run to the usual timetable.",
    "A spokesperson for the port said 40 ships were waiting at anchor on Wednesday.",
    "Union officials met the operator again on Thursday evening, both sides said.",
]


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


class Doc:
    """The script's copy of one open document, edited with LSP (UTF-16) ranges."""

    def __init__(self, uri: str, text: str):
        self.uri = uri
        self.text = text
        self.version = 1

    def position(self, offset: int) -> dict:
        before = self.text[:offset]
        line = before.count("\n")
        start = before.rfind("\n") + 1
        return {"line": line, "character": utf16_len(before[start:])}

    def replace(self, start: int, end: int, new: str) -> dict:
        change = {"range": {"start": self.position(start), "end": self.position(end)}, "text": new}
        self.text = self.text[:start] + new + self.text[end:]
        self.version += 1
        return change

    def word_spans(self) -> list[tuple[int, int]]:
        spans, start = [], None
        for i, ch in enumerate(self.text + " "):
            if ch.isalnum() and start is None:
                start = i
            elif not ch.isalnum() and start is not None:
                spans.append((start, i))
                start = None
        return spans


def bursts(doc: Doc, rng: random.Random):
    """Yields one change at a time, applied to `doc`: a writer revising in small bursts. Every
    burst removes as many characters as it types, so the drafts keep their size and memory
    readings compare like with like."""
    while True:
        spans = doc.word_spans()
        if len(spans) < 3:
            yield doc.replace(0, 0, "Words to work with. ")
            continue
        _, at = rng.choice(spans)
        word = " " + rng.choice(WORDS)
        for ch in word:
            yield doc.replace(at, at, ch)
            at += len(ch)
        roll = rng.random()
        if roll < 0.45:
            for _ in word:
                at -= 1
                yield doc.replace(at, at + 1, "")
        else:
            # Cut as many characters elsewhere, from the start of another word.
            starts = [a for a, _ in doc.word_spans() if a + len(word) < at - len(word) or a > at]
            starts = [a for a in starts if a + len(word) <= len(doc.text)]
            if starts:
                a = rng.choice(starts)
                yield doc.replace(a, a + len(word), "")
            else:
                for _ in word:
                    at -= 1
                    yield doc.replace(at, at + 1, "")
        if roll > 0.9:
            # A line break made or undone, which moves paragraph and sentence boundaries.
            gaps = [i for i, ch in enumerate(doc.text) if ch in " \n"]
            if gaps:
                i = rng.choice(gaps)
                yield doc.replace(i, i + 1, "\n" if doc.text[i] == " " else " ")


def rss_kb(pid: int, field: str = "VmRSS") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise BenchError(f"no {field} in /proc/{pid}/status")


class CorpusChanger:
    """Rewrites, adds and removes files in the corpus copy, in turn."""

    def __init__(self, folder: Path, rng: random.Random):
        self.folder = folder
        self.rng = rng
        self.originals = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
        self.added: list[Path] = []
        self.step = 0
        self.changes = 0

    def change(self) -> str:
        kind = ("rewrite", "add", "remove")[self.step % 3]
        self.step += 1
        self.changes += 1
        if kind == "remove" and self.added:
            victim = self.added.pop(0)
            victim.unlink()
            return f"removed {victim.name}"
        if kind == "add":
            source = self.rng.choice(self.originals)
            target = self.folder / f"added-{self.step}.txt"
            target.write_text(source.read_text(encoding="utf-8") + "\n" + self.rng.choice(CORPUS_LINES) + "\n", encoding="utf-8")
            self.added.append(target)
            return f"added {target.name}"
        target = self.rng.choice(self.originals)
        text = target.read_text(encoding="utf-8")
        # Rewritten whole, as an editor saving it would, ending with a different sentence.
        kept = text.split("\n\nLATE: ")[0]
        target.write_text(kept + "\n\nLATE: " + self.rng.choice(CORPUS_LINES) + "\n", encoding="utf-8")
        return f"rewrote {target.name}"


def run(args) -> dict:
    binary = Path(args.bin) if args.bin else REPO_ROOT / "target" / "release" / "copydesk"
    if not binary.is_file():
        raise BenchError(f"no server binary at {binary}; run `cargo build --release` or pass --bin")
    drafts = sorted(CASES.glob("ps-*.md"))[: args.docs]
    if len(drafts) < args.docs:
        raise BenchError(f"only {len(drafts)} drafts in {CASES}")
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="copydesk-soak-"))
    corpus = work / "corpus"
    shutil.copytree(CASES / "corpus-port-strike", corpus)
    changer = CorpusChanger(corpus, rng)
    server = Server([str(binary), "serve"])
    result: dict = {"edits": args.edits, "documents": args.docs}
    problems: list[str] = []
    indexed: list[dict] = []
    errors: list[str] = []

    def drain(_msg=None) -> None:
        """Notifications we are not waiting for: count rebuilds, keep nothing else."""
        while True:
            try:
                _, msg = server.notifications.get_nowait()
            except Exception:
                return
            if msg["method"] == "copydesk/indexed":
                indexed.append(msg["params"])
            elif msg["method"] in ("$/benchEof", "$/benchReaderFailed"):
                raise BenchError(f"server output ended ({msg.get('params', 'EOF')}); {server.describe_exit()}")

    def request(method: str, params):
        try:
            return server.request(method, params, args.timeout)
        except BenchError as e:
            if "failed:" not in str(e):
                raise
            errors.append(str(e))
            return None

    def verify(docs: list[Doc], when: str) -> None:
        for d in docs:
            got = request("copydesk/documentText", {"uri": d.uri})
            if got is None or got.get("text") != d.text or got.get("version") != d.version:
                problems.append(f"{when}: the server's text of {d.uri.rsplit('/', 1)[-1]} differs from the client's (server v{(got or {}).get('version')}, client v{d.version})")

    started = time.perf_counter()
    try:
        server.request(
            "initialize",
            {
                "processId": None,
                "rootUri": work.as_uri(),
                "capabilities": {"general": {"positionEncodings": ["utf-16"]}, "textDocument": {"publishDiagnostics": {"versionSupport": True}}},
                "initializationOptions": {"corpus": [str(corpus)], "debounceMs": args.debounce_ms},
            },
            args.timeout,
        )
        server.notify("initialized", {})
        server.wait_for("the first index", lambda m: m["method"] == "copydesk/indexed", args.timeout)
        docs = []
        for i, path in enumerate(drafts):
            d = Doc((work / f"draft-{i}.md").as_uri(), path.read_text(encoding="utf-8"))
            server.notify("textDocument/didOpen", {"textDocument": {"uri": d.uri, "languageId": "markdown", "version": 1, "text": d.text}})
            docs.append(d)
        scripts = [bursts(d, rng) for d in docs]
        hovers = actions = 0
        current = 0
        for n in range(1, args.edits + 1):
            if n % 25 == 1:
                current = rng.randrange(len(docs))
            d = docs[current]
            change = next(scripts[current])
            server.notify("textDocument/didChange", {"textDocument": {"uri": d.uri, "version": d.version}, "contentChanges": [change]})
            if n % args.hover_every == 0:
                request("textDocument/hover", {"textDocument": {"uri": d.uri}, "position": d.position(rng.randrange(len(d.text) + 1))})
                hovers += 1
            if n % args.action_every == 0:
                end = d.position(len(d.text))
                request("textDocument/codeAction", {"textDocument": {"uri": d.uri}, "range": {"start": {"line": 0, "character": 0}, "end": end}, "context": {"diagnostics": []}})
                actions += 1
            if n % args.corpus_every == args.corpus_every // 4:
                changer.change()
            if n % args.verify_every == 0:
                verify(docs, f"after {n} edits")
            if n == args.early:
                verify(docs, "at the early mark")
                time.sleep(args.settle)
                result["rss_early_kb"] = rss_kb(server.proc.pid)
                result["rss_anon_early_kb"] = rss_kb(server.proc.pid, "RssAnon")
                result["early_seconds"] = round(time.perf_counter() - started, 1)
            if n % 1000 == 0:
                drain()
                if not args.json:
                    pid = server.proc.pid
                    print(f"  {n} edits, RSS {rss_kb(pid) / 1024:.1f} MB (anon {rss_kb(pid, 'RssAnon') / 1024:.1f}, file {rss_kb(pid, 'RssFile') / 1024:.1f}), threads {rss_kb(pid, 'Threads')}, {len(indexed)} rebuilds", file=sys.stderr, flush=True)
        verify(docs, "at the end")
        # Measured as at the early mark: caught up, then idle long enough for the server to
        # hand freed memory back (it trims every 10 s).
        time.sleep(args.settle)
        verify(docs, "at the end")
        drain()
        result["rss_end_kb"] = rss_kb(server.proc.pid)
        result["rss_anon_end_kb"] = rss_kb(server.proc.pid, "RssAnon")
        result["peak_kb"] = rss_kb(server.proc.pid, "VmHWM")
        result["hovers"] = hovers
        result["code_actions"] = actions
        result["corpus_changes"] = changer.changes
        result["rebuilds_seen"] = len(indexed)
        result["final_sizes"] = [len(d.text) for d in docs]
        result["seconds"] = round(time.perf_counter() - started, 1)
        result["shutdown"] = server.stop(args.timeout)
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
        shutil.rmtree(work, ignore_errors=True)

    early, end = result.get("rss_early_kb"), result.get("rss_end_kb")
    if early and end:
        result["growth"] = round(end / early, 3)
        if end > args.max_growth * early:
            problems.append(f"RSS grew from {early / 1024:.1f} MB to {end / 1024:.1f} MB, over {args.max_growth:.2f}x")
    if changer.changes and not indexed:
        problems.append("the corpus changed but the server never rebuilt it")
    if result.get("shutdown") != "clean":
        problems.append(f"shutdown: {result.get('shutdown')}")
    problems.extend(errors[:10])
    result["problems"] = problems
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", help="server binary (default: target/release/copydesk)")
    parser.add_argument("--edits", type=int, default=100_000, help="single-keystroke edits (default 100000)")
    parser.add_argument("--docs", type=int, default=4, help="open documents (default 4)")
    parser.add_argument("--early", type=int, default=1000, help="edits before the early memory reading (default 1000)")
    parser.add_argument("--hover-every", type=int, default=10, help="a hover every N edits (default 10)")
    parser.add_argument("--action-every", type=int, default=100, help="a code action every N edits (default 100)")
    parser.add_argument("--corpus-every", type=int, default=2000, help="change the corpus every N edits (default 2000)")
    parser.add_argument("--verify-every", type=int, default=5000, help="compare every document's text every N edits (default 5000)")
    parser.add_argument("--debounce-ms", type=int, default=150, help="the server's debounce (default 150, its own default)")
    parser.add_argument("--settle", type=float, default=11.0, help="idle seconds before each memory reading (default 11)")
    parser.add_argument("--max-growth", type=float, default=1.10, help="allowed RSS end / early ratio (default 1.10)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for any one answer (default 120)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the edit script (default 1)")
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    args = parser.parse_args()
    try:
        result = run(args)
    except BenchError as e:
        print(f"soak: {e}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            if key != "problems":
                print(f"{key}: {value}")
        for p in result["problems"]:
            print(f"PROBLEM: {p}")
    return 1 if result["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
