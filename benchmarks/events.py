"""The weeknotes plugin's own time, measured inside one MkDocs build.

Builds the `weeknotes.yml` variant of a synthetic site in this process, with every
`on_*` method of the loaded WeeknotesPlugin wrapped in a timer, and reports the
time spent in our events per note. With `--profile`, runs the build under cProfile
instead and lists the hottest functions of `mkdocs_weeknotes`.

    python benchmarks/events.py --notes 1000 10000
    python benchmarks/events.py --notes 2000 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import os
import pstats
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_site


@dataclass
class Timer:
    calls: int = 0
    seconds: float = 0.0  # wall
    cpu: float = 0.0  # this process's CPU time, which a busy machine disturbs less


@dataclass
class Result:
    notes: int
    build_s: float
    events: dict[str, Timer] = field(default_factory=dict)
    warnings: int = 0
    pages: PageTimer | None = None

    @property
    def ours_ms(self) -> float:
        return 1000 * sum(t.seconds for t in self.events.values())

    @property
    def ours_cpu_ms(self) -> float:
        return 1000 * sum(t.cpu for t in self.events.values())


class Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def timed(method: Callable[..., Any], timer: Timer) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            return method(*args, **kwargs)
        finally:
            timer.seconds += time.perf_counter() - start
            timer.cpu += time.process_time() - start_cpu
            timer.calls += 1

    return wrapper


def instrument(config: MkDocsConfig, plugin: BasePlugin[Any]) -> dict[str, Timer]:
    """Wrap each of the plugin's event handlers where MkDocs will call them.

    MkDocs keeps the bound methods it registered when the config was loaded, in
    `config.plugins.events`; those are what must be replaced.
    """
    timers: dict[str, Timer] = {}
    for event, methods in config.plugins.events.items():
        for index, method in enumerate(methods):
            if getattr(method, "__self__", None) is plugin:
                # One timer per event: on_files is two methods (read notes, add pages).
                timer = timers.setdefault(event, Timer())
                methods[index] = timed(method, timer)
    return timers


class _NoSettings(Config):
    pass


class PageTimer(BasePlugin[_NoSettings]):
    """Times the theme's rendering of each page: from the first `on_page_context`
    to the last `on_post_page`, our own handlers included, split between the
    pages that the plugin generates and the site's own files."""

    def __init__(self) -> None:
        self.started: dict[str, float] = {}
        self.generated = Timer()
        self.files = Timer()

    @event_priority(100)
    def on_page_context(self, context: Any, /, *, page: Page, **kwargs: Any) -> Any:
        self.started[page.file.src_uri] = time.process_time()
        return context

    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: Page, **kwargs: Any) -> str:
        start = self.started.pop(page.file.src_uri, None)
        if start is not None:
            timer = self.generated if page.file.generated_by else self.files
            timer.cpu += time.process_time() - start
            timer.calls += 1
        return output


def load(site: Path, out: Path) -> MkDocsConfig:
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    return load_config(str(site / "weeknotes.yml"), site_dir=str(out))


def measure(site: Path, notes: int, out: Path) -> Result:
    config = load(site, out)
    timers = instrument(config, config.plugins["weeknotes"])
    pages = config.plugins["page-timer"] = PageTimer()
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
    counter = Counter()
    logging.getLogger("mkdocs").addHandler(counter)
    start = time.perf_counter()
    try:
        build(config)
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    config.plugins.on_shutdown()
    return Result(notes, time.perf_counter() - start, timers, counter.count, pages)


def report(result: Result) -> str:
    lines = [
        f"{result.notes} notes: build {result.build_s:.1f} s in this process,"
        f" {result.warnings} warnings",
        "| event | calls | total ms | ms per note | CPU ms per note |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for event, timer in sorted(result.events.items(), key=lambda item: -item[1].seconds):
        lines.append(
            f"| on_{event} | {timer.calls} | {1000 * timer.seconds:.0f} "
            f"| {1000 * timer.seconds / result.notes:.3f} | {1000 * timer.cpu / result.notes:.3f} |"
        )
    share = result.ours_ms / 10 / result.build_s
    lines.append(
        f"| **all our events** | | **{result.ours_ms:.0f}** "
        f"| **{result.ours_ms / result.notes:.3f}** | **{result.ours_cpu_ms / result.notes:.3f}** |"
    )
    lines.append(f"\nour events: {share:.1f}% of the build")
    if result.pages is not None:
        for label, timer in (("generated", result.pages.generated), ("other", result.pages.files)):
            if timer.calls:
                lines.append(
                    f"theme rendering of {timer.calls} {label} pages: {timer.cpu:.1f} s CPU,"
                    f" {1000 * timer.cpu / timer.calls:.1f} ms each (our on_post_page included)"
                )
    return "\n".join(lines)


def profile(site: Path, out: Path, top: int, save: Path | None) -> None:
    config = load(site, out)
    config.plugins.on_startup(command="build", dirty=False)
    profiler = cProfile.Profile()
    profiler.enable()
    build(config)
    profiler.disable()
    if save is not None:
        profiler.dump_stats(save)
    stats = pstats.Stats(profiler, stream=sys.stdout)
    for order in ("tottime", "cumulative"):
        print(f"\n--- mkdocs_weeknotes functions by {order} ---")
        stats.sort_stats(order).print_stats("mkdocs_weeknotes", top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/weeknotes-bench"))
    parser.add_argument("--profile", action="store_true", help="cProfile the build instead")
    parser.add_argument("--top", type=int, default=25, help="functions listed by --profile")
    parser.add_argument("--save", type=Path, help="with --profile: also write the pstats here")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    results = []
    for notes in args.notes:
        site = args.work / f"site-{notes}"
        write_site(site, notes)
        out = args.work / "out-events"
        if args.profile:
            profile(site, out, args.top, args.save)
            continue
        results.append(measure(site, notes, out))
        print(report(results[-1]) + "\n", flush=True)
    if len(results) > 1:
        first, last = results[0], results[-1]
        growth = (last.ours_ms / first.ours_ms) / (last.notes / first.notes)
        print(
            f"from {first.notes} to {last.notes} notes, our time per note changed"
            f" {growth:.2f}× (1.00 is linear)"
        )


if __name__ == "__main__":
    main()
