"""The `validation` setting: each problem code reported as a warning (the
default), at INFO, or not at all, by `mkdocs build` and `weeknotes check` alike."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import mkdocs_build, weeknotes

AUTHORS = "authors:\n  rob:\n    name: Rob Miller\n"
# An author who is not in the authors file: WN103, at line 3 of the note.
MISSPELT = "---\ntitle: Week one\nauthors: [robb]\ndate: 2026-11-16\n---\n\nWords.\n"
# A theme outside the site's vocabulary: WN108.
OFF_VOCABULARY = "---\ntitle: Week two\nauthors: [rob]\ndate: 2026-11-23\nthemes: [dta]\n---\n"
NOTE = "docs/weeknotes/2026-11-16-robb.md"


def make_site(root: Path, settings: str = "", two: bool = False) -> Path:
    """A small site with one problem (WN103), or two (and WN108); `settings`
    are the plugin's, as YAML lines under `- weeknotes:`."""
    site = root / "site"
    notes = site / "docs" / "weeknotes"
    notes.mkdir(parents=True)
    (site / "docs" / "index.md").write_text("# Home\n")
    (notes / ".authors.yml").write_text(AUTHORS)
    (notes / "2026-11-16-robb.md").write_text(MISSPELT)
    if two:
        (notes / "2026-11-23-rob.md").write_text(OFF_VOCABULARY)
    lines = ["      themes: {data: Data}", *settings.splitlines()]
    (site / "mkdocs.yml").write_text(
        "site_name: Levels\nplugins:\n  - weeknotes:\n" + "".join(f"{line}\n" for line in lines)
    )
    return site


def levels(**codes: str) -> str:
    return "      validation:\n" + "".join(f"        {c}: {v}\n" for c, v in codes.items())


def ours(output: str, level: str) -> list[str]:
    """The plugin's lines logged at `level` (WARNING, INFO), without the prefix."""
    marker = "mkdocs_weeknotes: "
    return [
        line.split(marker, 1)[1]
        for line in output.splitlines()
        if line.startswith(level) and marker in line
    ]


# --- mkdocs build ----------------------------------------------------------------------


def test_a_problem_is_a_warning_that_fails_strict_by_default(tmp_path: Path) -> None:
    built = mkdocs_build(make_site(tmp_path), tmp_path, "--strict")
    assert built.exit_code == 1
    assert [line.split(" ")[1] for line in ours(built.output, "WARNING")] == ["WN103"]
    assert ours(built.output, "INFO") == []


def test_a_code_at_info_is_logged_at_info_and_passes_strict(tmp_path: Path) -> None:
    built = mkdocs_build(make_site(tmp_path, levels(WN103="info")), tmp_path, "--strict")
    assert built.exit_code == 0, built.output
    assert ours(built.output, "WARNING") == []
    [line] = ours(built.output, "INFO")
    assert line.startswith(f"{NOTE}:3: WN103 unknown author 'robb'"), line


def test_an_ignored_code_is_not_reported_at_all(tmp_path: Path) -> None:
    built = mkdocs_build(make_site(tmp_path, levels(WN103="ignore")), tmp_path, "--strict")
    assert built.exit_code == 0, built.output
    assert "WN103" not in built.output


def test_codes_not_listed_stay_warnings(tmp_path: Path) -> None:
    site = make_site(tmp_path, levels(WN103="info"), two=True)
    built = mkdocs_build(site, tmp_path, "--strict")
    assert built.exit_code == 1
    assert [line.split(" ")[1] for line in ours(built.output, "WARNING")] == ["WN108"]
    assert [line.split(" ")[1] for line in ours(built.output, "INFO")] == ["WN103"]


def test_on_invalid_error_counts_only_the_warnings(tmp_path: Path) -> None:
    settings = "      on_invalid: error\n" + levels(WN103="info")
    passed = mkdocs_build(make_site(tmp_path / "a", settings), tmp_path / "a", "--strict")
    assert passed.exit_code == 0, passed.output
    assert "WN103" in "".join(ours(passed.output, "INFO"))
    failed = mkdocs_build(make_site(tmp_path / "b", settings, two=True), tmp_path / "b")
    assert failed.exit_code == 1
    assert "1 problem(s) in weeknotes" in failed.output, failed.output
    error = failed.output[failed.output.index("1 problem(s) in weeknotes") :]
    assert "WN108" in error and "WN103" not in error


@pytest.mark.parametrize(("level", "shown"), [("warn", True), ("info", True), ("ignore", False)])
def test_the_problems_at_the_top_of_a_page_leave_out_ignored_codes(
    tmp_path: Path, level: str, shown: bool
) -> None:
    site = make_site(tmp_path, "      show_problems: always\n" + levels(WN103=level))
    built = mkdocs_build(site, tmp_path)
    page = built.page("weeknotes/2026-11-16-robb/index.html")
    assert ('class="admonition warning wn-problems"' in page) is shown
    assert ("WN103" in page) is shown


# --- weeknotes check -------------------------------------------------------------------


def check(site: Path, style: str) -> tuple[int, str, str]:
    done = weeknotes("check", "--format", style, cwd=site)
    return done.returncode, done.stdout, done.stderr


def test_check_with_a_code_at_warn(tmp_path: Path) -> None:
    site = make_site(tmp_path, levels(WN103="warn"))
    status, out, err = check(site, "text")
    assert status == 1
    assert out.startswith(f"{NOTE}:3: WN103 unknown author 'robb'")
    assert err.strip() == "weeknotes: 1 problem"
    status, out, _ = check(site, "json")
    assert status == 1 and [(p["code"], p["level"]) for p in json.loads(out)] == [("WN103", "warn")]
    status, out, _ = check(site, "github")
    assert status == 1 and out.startswith(f"::error file={NOTE},line=3,title=WN103::")


def test_check_with_a_code_at_info_prints_it_and_exits_0(tmp_path: Path) -> None:
    site = make_site(tmp_path, levels(WN103="info"))
    status, out, err = check(site, "text")
    assert status == 0
    assert out.startswith(f"{NOTE}:3: WN103 unknown author 'robb'")
    assert err.strip() == "weeknotes: 1 problem at info level"
    status, out, _ = check(site, "json")
    [problem] = json.loads(out)
    assert status == 0 and (problem["code"], problem["line"], problem["level"]) == (
        "WN103",
        3,
        "info",
    )
    status, out, _ = check(site, "github")
    assert status == 0 and out.startswith(f"::notice file={NOTE},line=3,title=WN103::")


def test_check_with_an_ignored_code_prints_nothing(tmp_path: Path) -> None:
    site = make_site(tmp_path, levels(WN103="ignore"))
    status, out, err = check(site, "text")
    assert (status, out, err.strip()) == (0, "", "weeknotes: no problems")
    assert check(site, "json")[:2] == (0, "[]\n")
    assert check(site, "github")[:2] == (0, "")


def test_check_with_both_levels_fails_on_the_warning(tmp_path: Path) -> None:
    site = make_site(tmp_path, levels(WN103="info"), two=True)
    status, out, err = check(site, "text")
    assert status == 1
    assert [line.split(" ")[1] for line in out.splitlines()] == ["WN103", "WN108"]
    assert err.strip() == "weeknotes: 1 problem, 1 at info level"
    status, out, _ = check(site, "github")
    assert [line.split(" ")[0] for line in out.splitlines()] == ["::notice", "::error"]


def test_check_cache_follows_a_change_of_levels(tmp_path: Path) -> None:
    """The answer kept from the last check is the problems, not how they were
    reported: a change of `validation` alone changes what the next check says."""
    site = make_site(tmp_path)
    assert check(site, "text")[0] == 1
    config = site / "mkdocs.yml"
    config.write_text(config.read_text() + levels(WN103="ignore"))
    assert check(site, "text")[:2] == (0, "")
    config.write_text(config.read_text().replace("ignore", "info"))
    status, out, _ = check(site, "text")
    assert status == 0 and "WN103" in out


def test_status_and_digest_print_only_the_problems_reported(tmp_path: Path) -> None:
    for level, expected in (("info", True), ("ignore", False)):
        site = make_site(tmp_path / level, levels(WN103=level))
        for command in (["status"], ["digest"]):
            done = weeknotes(*command, "--week", "2026-W47", cwd=site)
            assert ("WN103" in done.stderr) is expected, (level, command, done.stderr)
            assert bool(re.search(r"at info level", done.stderr)) is expected
