"""The export-based floor: plain MkDocs with the plugin's pages written as Markdown.

What a team without the plugin would keep by hand: the same notes, the same index
and rollup pages as static Markdown (written by `weeknotes export` into a copy
of `docs/`), and the same *Weeknotes* section in the navigation, given as an
explicit `nav` copied from the one the plugin makes. No weeknotes plugin runs.

    python benchmarks/floor_export.py /tmp/weeknotes-bench/site-2000
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import Link, Section, get_navigation
from mkdocs.structure.pages import Page

NAME = "floor-export"
DOCS = "docs-export"


def nav_of(config_file: Path) -> list[Any]:
    """The navigation a build of `config_file` shows, as a `nav` setting."""
    config = load_config(config_file=str(config_file))
    plugins = config.plugins
    files = get_files(config)
    files = plugins.on_files(files, config=config)
    nav = get_navigation(files, config)
    nav = plugins.on_nav(nav, config=config, files=files)

    def item(entry: Any) -> Any:
        if isinstance(entry, Page):
            return {entry.title: entry.file.src_uri} if entry.title else entry.file.src_uri
        if isinstance(entry, Section):
            return {entry.title: [item(child) for child in entry.children]}
        if isinstance(entry, Link):
            return {entry.title: entry.url}
        raise TypeError(entry)

    return [item(entry) for entry in nav.items]


def write_floor_export(site: Path) -> None:
    """`floor-export.yml` and `docs-export/` beside the generated site's others."""
    docs = site / DOCS
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(site / "docs", docs)
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs_weeknotes", "export", "-f", "weeknotes.yml", "--out", DOCS],
        cwd=site,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if done.returncode != 0:
        raise SystemExit(f"weeknotes export failed:\n{done.stderr}")
    nav = nav_of(site / "weeknotes.yml")
    floor = (site / "floor.yml").read_text(encoding="utf-8")
    text = floor.replace("the floor variant", "the floor-export variant (floor_export.py)")
    text = text.replace("docs_dir: docs\n", f"docs_dir: {DOCS}\n")
    text += yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True)
    (site / f"{NAME}.yml").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a site written by generate.py")
    write_floor_export(parser.parse_args().site)


if __name__ == "__main__":
    main()
