"""Time full MkDocs builds of one synthetic corpus: floors, weeknotes and Material's blog.

The bare floor is MkDocs and Material over the notes; the export floor adds the
plugin's index and rollup pages as static Markdown with the same nav section
(see floor_export.py), which is what the plugin's build is measured against.

Each build runs in a fresh Python process, in turn A B C A B C ..., so that a slow
moment of the machine falls on every variant alike. Wall time is measured around
the process; peak memory is the build process's own maximum resident set size,
which it reports at exit.

    python benchmarks/run.py --notes 2000
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from floor_export import write_floor_export
from generate import write_site

VARIANTS = ("floor", "floor-export", "weeknotes", "blog")

# Runs `python -m mkdocs ...` in this process; last, prints its peak RSS (KiB) and
# CPU seconds, which a busy machine disturbs less than wall time.
WRAPPER = """\
import resource, runpy, sys
sys.argv[0] = "mkdocs"
try:
    runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
finally:
    use = resource.getrusage(resource.RUSAGE_SELF)
    print(f"measured {use.ru_maxrss} {use.ru_utime + use.ru_stime:.3f}", file=sys.stderr)
"""


@dataclass
class Runs:
    variant: str
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)

    @property
    def median_s(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu_seconds)

    @property
    def peak_mib(self) -> float:
        return max(self.peak_kib) / 1024


def build_once(site: Path, variant: str, out: Path) -> tuple[float, float, int]:
    """One build in a fresh process: wall seconds, CPU seconds, peak RSS in KiB."""
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-c", WRAPPER, "build", "-q", "-f", f"{variant}.yml", "-d", str(out)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=site, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    lines = done.stderr.strip().splitlines()
    if done.returncode != 0 or not lines or not lines[-1].startswith("measured "):
        raise SystemExit(f"{variant} build failed ({done.returncode}):\n{done.stderr}")
    if len(lines) > 1:
        print(f"  {variant} said:\n" + "\n".join(lines[:-1]), file=sys.stderr)
    _, peak, cpu = lines[-1].split()
    return seconds, float(cpu), int(peak)


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
    except (OSError, StopIteration):
        pass
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "material": version("mkdocs-material"),
        "plugin": plugin_source(),
    }


def compile_plugin() -> None:
    """Byte-compile the plugin the builds import, as pip does when it installs a
    package. Run from a checkout with PYTHONDONTWRITEBYTECODE set (as some CI and
    containers do), Python would compile every module of the plugin again in every
    build, while MkDocs and the theme, installed by pip, load theirs compiled."""
    spec = find_spec("mkdocs_weeknotes")
    if spec is not None and spec.origin is not None:
        compileall.compile_dir(Path(spec.origin).parent, quiet=1)


def plugin_source() -> str:
    """Where the builds import the plugin from; in a git checkout, its commit."""
    spec = find_spec("mkdocs_weeknotes")
    if spec is None or spec.origin is None:
        return "not installed"
    folder = str(Path(spec.origin).parent.parent)

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", folder, *args], capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    head = git("rev-parse", "--short", "HEAD")
    if not head or git("rev-parse", "--show-toplevel") != folder:
        return folder
    dirty = git("status", "--porcelain", "mkdocs_weeknotes")
    return f"{folder} at {head}" + (" with uncommitted changes" if dirty else "")


def table(runs: list[Runs]) -> str:
    floor = runs[0]
    export = next((r for r in runs if r.variant == "floor-export"), None)
    rows = [
        "| variant | median s | × floor | × export floor | peak MiB | × floor "
        "| CPU s | × floor | every run (s) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in runs:
        each = ", ".join(f"{s:.2f}" for s in r.seconds)
        over_export = f"{r.median_s / export.median_s:.2f}" if export else ""
        rows.append(
            f"| {r.variant} | {r.median_s:.2f} | {r.median_s / floor.median_s:.2f} "
            f"| {over_export} | {r.peak_mib:.0f} | {r.peak_mib / floor.peak_mib:.2f} "
            f"| {r.median_cpu:.2f} | {r.median_cpu / floor.median_cpu:.2f} | {each} |"
        )
    # Round by round, against the floors built just before: steadier on a busy machine.
    rows.append("")
    for base in (floor, export):
        for r in runs:
            if base is None or r.variant in ("floor", base.variant):
                continue
            ratios = [s / f for s, f in zip(r.seconds, base.seconds, strict=True)]
            each = ", ".join(f"{x:.2f}" for x in ratios)
            rows.append(
                f"{r.variant} / {base.variant}, round by round: {each}"
                f" (median {statistics.median(ratios):.2f})"
            )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-blog", action="store_true", help="leave Material's blog out")
    parser.add_argument(
        "--own-nav",
        action="store_true",
        help="also weeknotes with the site's own nav instead of the automatic section",
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/weeknotes-bench"))
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args()
    # Stopped with SIGTERM, exit through subprocess.run, which then kills the build.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    site = args.work / f"site-{args.notes}"
    write_site(site, args.notes)
    write_floor_export(site)
    compile_plugin()
    variants = tuple(v for v in VARIANTS if not (args.skip_blog and v == "blog"))
    if args.own_nav:
        variants = (*variants, "weeknotes-own-nav")
    runs = [Runs(v) for v in variants]
    print(f"{args.notes} notes, {args.rounds} rounds, site in {site}", file=sys.stderr)
    for round_ in range(1, args.rounds + 1):
        for r in runs:
            seconds, cpu, peak = build_once(site, r.variant, args.work / f"out-{r.variant}")
            r.seconds.append(seconds)
            r.cpu_seconds.append(cpu)
            r.peak_kib.append(peak)
            print(
                f"  round {round_}: {r.variant} {seconds:.2f} s wall, {cpu:.2f} s CPU,"
                f" {peak / 1024:.0f} MiB, load {os.getloadavg()[0]:.2f}",
                file=sys.stderr,
            )
    print(f"\n{args.notes} notes, median of {args.rounds} rounds\n")
    print(table(runs))
    print("\n" + ", ".join(f"{k}: {v}" for k, v in machine().items()))
    if args.json:
        data = {"notes": args.notes, "machine": machine(), "runs": [asdict(r) for r in runs]}
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
