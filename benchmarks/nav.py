"""What the theme takes to draw a note page, with each variant's navigation.

Loads the floor, weeknotes and own-nav variants of one synthetic site in this
process, renders the same note pages' Markdown once, then renders each page's
template under each variant in turn, many times, keeping the fastest of each.
Only the navigation differs between the variants' pages (and the weeknotes
variants' placeholders for a note's header and footer, filled later), so the
difference is what drawing the plugin's navigation section costs the theme on
every page of the site.

    python benchmarks/nav.py --notes 2000
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_site
from mkdocs.commands.build import get_context
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

VARIANTS = ("floor", "weeknotes", "weeknotes-own-nav")


def prepare(site: Path, variant: str, out: Path, pages: int) -> dict[str, Any]:
    """A variant loaded as far as a build goes before it renders templates."""
    config = load_config(str(site / f"{variant}.yml"), site_dir=str(out))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    notes = [f.page for f in files.documentation_pages() if "/posts/20" in f.src_uri][:pages]
    for page in notes:
        assert page is not None
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(
            page.markdown or "", page=page, config=config, files=files
        )
        page.render(config, files)
        page.content = config.plugins.on_page_content(
            page.content or "", page=page, config=config, files=files
        )
    env = config.plugins.on_env(env, config=config, files=files)
    items = sum(1 for _ in _walk(nav.items))
    return {
        "config": config,
        "files": files,
        "nav": nav,
        "pages": notes,
        "template": env.get_template("main.html"),
        "items": items,
    }


def _walk(items: Any) -> Any:
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--pages", type=int, default=300, help="note pages to render")
    parser.add_argument("--repeat", type=int, default=5, help="renders of each page")
    parser.add_argument("--work", type=Path, default=Path("/tmp/weeknotes-bench"))
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logging.disable(logging.WARNING)

    site = args.work / f"site-{args.notes}"
    write_site(site, args.notes)
    loaded = {v: prepare(site, v, args.work / f"out-nav-{v}", args.pages) for v in VARIANTS}
    times: dict[str, list[float]] = {v: [] for v in VARIANTS}
    for index in range(args.pages):
        for variant in VARIANTS:  # in turn, page by page: a busy moment falls on all
            state = loaded[variant]
            page = state["pages"][index]
            page.active = True
            context = get_context(state["nav"], state["files"], state["config"], page)
            best = float("inf")
            for _ in range(args.repeat):
                start = time.perf_counter()
                state["template"].render(context)
                best = min(best, time.perf_counter() - start)
            page.active = False
            times[variant].append(best)

    floor = statistics.median(times["floor"])
    print(f"{args.notes} notes: {args.pages} note pages, fastest of {args.repeat} renders each\n")
    print("| variant | nav entries | ms per page (median) | more than the floor |")
    print("| --- | ---: | ---: | ---: |")
    for variant in VARIANTS:
        ms = statistics.median(times[variant])
        print(
            f"| {variant} | {loaded[variant]['items']} | {1000 * ms:.2f}"
            f" | {1000 * (ms - floor):+.2f} |"
        )


if __name__ == "__main__":
    main()
