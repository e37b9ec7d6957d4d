"""Time `weeknotes check` on a synthetic site: without the cache, cold and warm.

Each run is its own `weeknotes check` process, as a pre-commit hook runs it,
in turn: `--no-cache` (what the check did before it had a cache), cold (the
cache folder emptied first), warm (the cache left by the run before) and
one-edited (warm, with one note saved just before, as when committing it).

    python benchmarks/check.py --notes 2000 10000 --rounds 5
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import NOTES_DIR, write_site
from run import compile_plugin, machine

MODES = ("no-cache", "cold", "warm", "one-edited")


def check_once(site: Path, cache: Path, mode: str, edits: int = 0) -> tuple[float, float]:
    """Wall seconds and the process's CPU seconds, which a busy machine disturbs less."""
    if mode == "cold":
        shutil.rmtree(cache, ignore_errors=True)
    if mode == "one-edited":
        # A note from the middle of the archive, a line longer each time.
        notes = sorted((site / "docs" / NOTES_DIR).rglob("*.md"))
        note = notes[len(notes) // 2]
        with note.open("a", encoding="utf-8") as handle:
            handle.write(f"\nEdited {edits}.\n")
    command = [sys.executable, "-m", "mkdocs_weeknotes", "check", "-f", "weeknotes.yml"]
    if mode == "no-cache":
        command.append("--no-cache")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WEEKNOTES_CACHE_DIR": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=site, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"check failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/weeknotes-bench"))
    args = parser.parse_args()
    print("| notes | mode | median s | × no cache | median CPU s | every run (s) |")
    print("| ---: | --- | ---: | ---: | ---: | --- |")
    compile_plugin()
    for notes in args.notes:
        site = args.work / f"site-{notes}"
        write_site(site, notes)
        # Notes saved in the last 2 s are hashed rather than known by their stat;
        # an archive's notes are older than that.
        time.sleep(3)
        cache = args.work / f"check-cache-{notes}"
        times: dict[str, list[float]] = {mode: [] for mode in MODES}
        cpus: dict[str, list[float]] = {mode: [] for mode in MODES}
        for round_ in range(args.rounds):
            for mode in MODES:
                seconds, cpu = check_once(site, cache, mode, round_)
                times[mode].append(seconds)
                cpus[mode].append(cpu)
        base = statistics.median(times["no-cache"])
        for mode in MODES:
            median = statistics.median(times[mode])
            cpu = statistics.median(cpus[mode])
            each = ", ".join(f"{s:.2f}" for s in times[mode])
            print(
                f"| {notes:,} | {mode} | {median:.2f} | {median / base:.2f} | {cpu:.2f} | {each} |"
            )
    print("\n" + ", ".join(f"{k}: {v}" for k, v in machine().items()))


if __name__ == "__main__":
    main()
