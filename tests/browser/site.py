"""The example site built and served on 127.0.0.1, for a real browser to read.

Used by the browser test and by `python -m tests.browser.screenshots`. Chromium is
Debian's `chromium` (or WEEKNOTES_CHROMIUM), driven by Playwright; Playwright's own
browser downloads are never used.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# One page of each kind the plugin makes, and a note, in the example site.
PAGES = {
    "latest": "weeknotes/",
    "year": "weeknotes/2026/",
    "themes": "weeknotes/themes/",
    "theme": "weeknotes/themes/user-research/",
    "people": "weeknotes/people/",
    "person": "weeknotes/people/priya/",
    "learning-log": "weeknotes/learning/",
    "rollup-year": "weeknotes/learning/2026/",
    "week": "weeknotes/weeks/2026-W41/",
    "note": "weeknotes/2026/2026-09-11-priya/",
    "home": "",  # the site's own page, with an embedded listing
}
GENERATED = [kind for kind in PAGES if kind not in ("note", "home")]


def chromium() -> str | None:
    """The Chromium to drive, or None when there is none (or no Playwright)."""
    try:
        import playwright  # noqa: F401
    except ImportError:
        return None
    found = os.environ.get("WEEKNOTES_CHROMIUM") or shutil.which("chromium")
    return found if found and os.access(found, os.X_OK) else None


def build(out: Path, theme: str = "material", palette: str = "") -> Path:
    """The example site built into `out` with Material, or with MkDocs' own theme.

    With a `site_url`, as a deployed site has, so that its pages announce feeds.
    `palette`, for Material, replaces the site's own (teal, light and dark) with
    one `scheme` and `primary` colour, such as "slate indigo".
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    config = out.parent / f"mkdocs-{theme}.yml"
    # Paths in a config that inherits are read from its own folder.
    text = (
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        "site_url: https://example.org/weeknotes/\n"
        f"theme:\n  name: {theme}\n  custom_dir: {ROOT / 'overrides'}\n"
    )
    if palette:
        scheme, primary = palette.split()
        text += f"  palette:\n    scheme: {scheme}\n    primary: {primary}\n"
    if theme != "material":
        # The built-in theme following the reader's colour scheme, as Material does.
        text += "  color_mode: auto\n  user_color_mode_toggle: true\n"
    config.write_text(text, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the example site did not build:\n{done.stdout}{done.stderr}")
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """`folder` served on a free port of 127.0.0.1; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
