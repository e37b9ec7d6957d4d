"""Time save-to-built under a real `mkdocs serve --dirty`, for the floors and the plugin.

Starts one `mkdocs serve --dirty` per variant, each on its own copy of the
synthetic site and its own loopback port, waits for each first build, then
saves one note in each variant in turn, round after round, and times each save
from the write to the server's "Reloading browsers" line: what an author waits
for, MkDocs' 0.1 s wait for more changes included.

    python benchmarks/serve.py --notes 2000 --rounds 5
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from floor_export import DOCS, write_floor_export
from generate import NOTES_DIR, write_site
from run import compile_plugin, machine

VARIANTS = ("floor", "floor-export", "weeknotes")
READY = "Serving on"
BUILT = "Reloading browsers"


@dataclass
class Server:
    variant: str
    folder: Path
    process: subprocess.Popen[str]
    lines: queue.Queue[tuple[float, str]] = field(default_factory=queue.Queue)
    saves: list[float] = field(default_factory=list)

    def wait_for(self, text: str, timeout: float) -> float:
        """The time the server printed a line holding `text`."""
        end = time.monotonic() + timeout
        while True:
            try:
                when, line = self.lines.get(timeout=max(0.0, end - time.monotonic()))
            except queue.Empty:
                raise SystemExit(f"{self.variant}: no '{text}' within {timeout:.0f} s") from None
            if "ERROR" in line or "Traceback" in line:
                print(f"  {self.variant}: {line}", file=sys.stderr)
            if text in line:
                return when

    def drain(self) -> None:
        while not self.lines.empty():
            self.lines.get_nowait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(site: Path, work: Path, variant: str) -> Server:
    """A copy of the site for this variant alone, and its server."""
    folder = work / variant
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    docs = DOCS if variant == "floor-export" else "docs"
    shutil.copytree(site / docs, folder / docs)
    shutil.copy(site / f"{variant}.yml", folder)
    command = [
        sys.executable, "-m", "mkdocs", "serve", "--dirty",
        "-f", f"{variant}.yml", "-a", f"127.0.0.1:{free_port()}",
    ]  # fmt: skip
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        command, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    server = Server(variant, folder, process)

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            server.lines.put((time.perf_counter(), line.rstrip()))

    threading.Thread(target=read, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/weeknotes-bench"))
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=VARIANTS)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    site = args.work / f"site-{args.notes}"
    write_site(site, args.notes)
    write_floor_export(site)
    compile_plugin()
    # A note from the middle of the archive, as an author edits this week's.
    notes = sorted((site / "docs" / NOTES_DIR).rglob("*.md"))
    note = notes[len(notes) // 2].relative_to(site / "docs")
    servers: list[Server] = []
    try:
        for variant in args.variants:
            server = start(site, args.work / f"serve-{args.notes}", variant)
            servers.append(server)
            began = time.perf_counter()
            server.wait_for(READY, timeout=3600)
            print(f"  {variant}: first build {time.perf_counter() - began:.1f} s", file=sys.stderr)
        for round_ in range(1, args.rounds + 1):
            for server in servers:
                docs = DOCS if server.variant == "floor-export" else "docs"
                path = server.folder / docs / note
                text = path.read_text(encoding="utf-8")
                time.sleep(1.0)  # let the last save's echoes die down
                server.drain()
                saved = time.perf_counter()
                path.write_text(text + f"\nSaved in round {round_}.\n", encoding="utf-8")
                seconds = server.wait_for(BUILT, timeout=600) - saved
                server.saves.append(seconds)
                print(
                    f"  round {round_}: {server.variant} {seconds:.2f} s,"
                    f" load {os.getloadavg()[0]:.2f}",
                    file=sys.stderr,
                )
    finally:
        for server in servers:
            server.process.send_signal(signal.SIGINT)
        for server in servers:
            try:
                server.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.process.kill()

    floor = servers[0]
    print(f"\n{args.notes} notes, save-to-built under serve --dirty, {args.rounds} rounds\n")
    print("| variant | median s | × first variant | every save (s) |")
    print("| --- | ---: | ---: | --- |")
    for server in servers:
        median = statistics.median(server.saves)
        ratio = median / statistics.median(floor.saves)
        each = ", ".join(f"{s:.2f}" for s in server.saves)
        print(f"| {server.variant} | {median:.2f} | {ratio:.2f} | {each} |")
    print()
    for base in servers[:-1]:
        for server in servers[servers.index(base) + 1 :]:
            ratios = [s / b for s, b in zip(server.saves, base.saves, strict=True)]
            each = ", ".join(f"{x:.2f}" for x in ratios)
            print(
                f"{server.variant} / {base.variant}, round by round: {each}"
                f" (median {statistics.median(ratios):.2f})"
            )
    print("\n" + ", ".join(f"{k}: {v}" for k, v in machine().items()))


if __name__ == "__main__":
    main()
