"""Time `weeknotes check` on a synthetic site: without the cache, cold and warm.

Each run is its own `weeknotes check` process, as a pre-commit hook runs it,
in turn: `--no-cache` (what the check did before it had a cache), cold (the
cache folder emptied first) and warm (the cache left by the run before).

    python benchmarks/check.py --notes 2000 10000 --rounds 5
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_site
from run import machine

MODES = ("no-cache", "cold", "warm")


def check_once(site: Path, cache: Path, mode: str) -> float:
    if mode == "cold":
        shutil.rmtree(cache, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs_weeknotes", "check", "-f", "weeknotes.yml"]
    if mode == "no-cache":
        command.append("--no-cache")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WEEKNOTES_CACHE_DIR": str(cache)}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=site, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"check failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/weeknotes-bench"))
    args = parser.parse_args()
    print("| notes | mode | median s | × no cache | every run (s) |")
    print("| ---: | --- | ---: | ---: | --- |")
    for notes in args.notes:
        site = args.work / f"site-{notes}"
        write_site(site, notes)
        # Notes saved in the last 2 s are hashed rather than known by their stat;
        # an archive's notes are older than that.
        time.sleep(3)
        cache = args.work / f"check-cache-{notes}"
        times: dict[str, list[float]] = {mode: [] for mode in MODES}
        for _ in range(args.rounds):
            for mode in MODES:
                times[mode].append(check_once(site, cache, mode))
        base = statistics.median(times["no-cache"])
        for mode in MODES:
            median = statistics.median(times[mode])
            each = ", ".join(f"{s:.2f}" for s in times[mode])
            print(f"| {notes:,} | {mode} | {median:.2f} | {median / base:.2f} | {each} |")
    print("\n" + ", ".join(f"{k}: {v}" for k, v in machine().items()))


if __name__ == "__main__":
    main()
