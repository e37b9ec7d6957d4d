"""Count the instructions of full builds: the bare floor and the plugin, in parallel.

Wall time on a shared machine moves by more than the few per cent a change to
the plugin makes; an instruction count does not. Each variant is built once
under Valgrind's cachegrind (`valgrind` must be installed), which counts every
instruction the build process runs, and the ratio to the bare floor is printed.

It leaves out what the kernel does for the build (writing files, mapping
memory) and time lost to cache misses, so it is a steadier companion to
run.py's wall-clock ratios, not a replacement for them. A build runs about 40
times slower under cachegrind: 2,000 notes take a few minutes.

    python benchmarks/instructions.py --notes 2000
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_site
from run import compile_plugin, machine, plugin_source

VARIANTS = ("floor", "weeknotes")
_TOTAL = re.compile(r"I\s+refs:\s+([\d,]+)")


def start(site: Path, variant: str, work: Path) -> subprocess.Popen[str]:
    """A build of `variant` under cachegrind, started and not waited for."""
    out = work / f"out-{variant}"
    shutil.rmtree(out, ignore_errors=True)
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        f"--cachegrind-out-file={work / f'cachegrind-{variant}.out'}",
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "-q",
        "-f",
        f"{variant}.yml",
        "-d",
        str(out),
    ]
    # A fixed hash seed: sets and dicts of strings iterate, and so count, alike.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
    return subprocess.Popen(command, cwd=site, env=env, stderr=subprocess.PIPE, text=True)


def instructions(done: subprocess.Popen[str], variant: str) -> int:
    """The count cachegrind reports when the build `done` ends."""
    _, err = done.communicate()
    found = _TOTAL.search(err)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"{variant} build failed ({done.returncode}):\n{err}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/weeknotes-bench"))
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    site = args.work / f"site-{args.notes}"
    write_site(site, notes=args.notes)
    compile_plugin()
    # Both at once, one to a core: a count does not depend on what else runs.
    builds = {variant: start(site, variant, args.work) for variant in VARIANTS}
    counts = {variant: instructions(done, variant) for variant, done in builds.items()}
    floor = counts["floor"]
    print(f"{args.notes} notes, instructions of one build each\n")
    print("| variant | instructions | × floor |\n| --- | ---: | ---: |")
    for variant, count in counts.items():
        print(f"| {variant} | {count / 1e9:.2f} G | {count / floor:.3f} |")
    facts = {**machine(), "plugin": plugin_source()}
    print("\n" + ", ".join(f"{key}: {value}" for key, value in facts.items()))


if __name__ == "__main__":
    main()
