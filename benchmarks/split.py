"""Split the weeknotes build's extra time: the plugin's own events, and the rest.

Builds the floor and the weeknotes variant in turn, each in a fresh process, and
measures CPU time: the whole build, and inside the weeknotes build the time spent
in the plugin's own event handlers. What is left over the floor once our events
are taken out is MkDocs and the theme handling what the plugin adds: the pages
it generates and its section of the navigation. That share would remain even if
our events took no time at all.

    python benchmarks/split.py --notes 2000 --rounds 5
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_site
from run import compile_plugin


def child(site: Path, variant: str, out: Path) -> None:
    """One build in this process; prints its CPU seconds and those of our events."""
    from events import instrument
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logging.disable(logging.WARNING)
    start = time.process_time()
    config = load_config(str(site / f"{variant}.yml"), site_dir=str(out))
    timers = {}
    if "weeknotes" in config.plugins:
        timers = instrument(config, config.plugins["weeknotes"])
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()
    cpu = time.process_time() - start
    print(json.dumps({"cpu": cpu, "ours": sum(t.cpu for t in timers.values())}))


def build_once(site: Path, variant: str, out: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", variant, "--site", str(site), "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{variant} build failed:\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/weeknotes-bench"))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--site", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.site, args.child, args.out)
        return

    site = args.work / f"site-{args.notes}"
    write_site(site, args.notes)
    compile_plugin()
    print(f"{args.notes} notes, {args.rounds} rounds, CPU seconds", file=sys.stderr)
    rows = []
    for round_ in range(1, args.rounds + 1):
        floor = build_once(site, "floor", args.work / "out-split-floor")
        ours = build_once(site, "weeknotes", args.work / "out-split-weeknotes")
        rest = ours["cpu"] - ours["ours"]
        rows.append((floor["cpu"], ours["cpu"], ours["ours"], rest))
        print(
            f"  round {round_}: floor {floor['cpu']:.2f}, weeknotes {ours['cpu']:.2f}"
            f" of which our events {ours['ours']:.2f}",
            file=sys.stderr,
        )
    print(
        "\n| round | floor | weeknotes | our events | weeknotes without our events"
        " | × floor | without our events, × floor |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for number, (floor_s, total, events, rest) in enumerate(rows, 1):
        print(
            f"| {number} | {floor_s:.2f} | {total:.2f} | {events:.2f} | {rest:.2f}"
            f" | {total / floor_s:.2f} | {rest / floor_s:.2f} |"
        )

    def median(index: int) -> float:
        return statistics.median(row[index] for row in rows)

    print(
        f"| median | {median(0):.2f} | {median(1):.2f} | {median(2):.2f} | {median(3):.2f}"
        f" | {median(1) / median(0):.2f} | {median(3) / median(0):.2f} |"
    )
    per_note = 1000 * median(2) / args.notes
    print(f"\nour events: {per_note:.2f} ms per note (median)")


if __name__ == "__main__":
    main()
