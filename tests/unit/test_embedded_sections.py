"""Embeds inside a note's sections: filled on every page that shows the section,
as a link only inside another embedded listing, never left as a placeholder."""

from __future__ import annotations

from mkdocs.structure.files import File, Files

from mkdocs_weeknotes.planning.generated import plan_pages
from mkdocs_weeknotes.reading.collection import Source, collect
from mkdocs_weeknotes.reading.embeds import Embed
from mkdocs_weeknotes.reading.sections import cut_sections
from mkdocs_weeknotes.rendering.placeholders import MARK, embed_placeholder
from mkdocs_weeknotes.rendering.render import Renderer
from tests.conftest import settings, team

NOTES = {
    "weeknotes/2019/a.md": ("2019-07-01", "rob", "Learned A."),
    "weeknotes/2019/b.md": ("2019-07-08", "liz", "Learned B."),
}


def _build() -> tuple[Renderer, Files]:
    options = settings()
    sources = [
        Source(
            uri,
            f"docs/{uri}",
            (
                f"---\ndate: {day}\nauthors: [{who}]\n---\n# {who}\n\n"
                f"## Something I'm learning\n\n{text}\n"
            ).encode(),
        )
        for uri, (day, who, text) in NOTES.items()
    ]
    plan = plan_pages(collect(sources, options, team()), options, include_drafts=False)
    uris = [*NOTES, *(spec.src_uri for spec in plan.pages)]
    files = Files([File(uri, "/docs", "/site", use_directory_urls=True) for uri in uris])
    renderer = Renderer(plan, files, options, [], "mkdocs", "en")
    # Note a's section embeds the latest notes and the learning log, as a build
    # marks them (see PageHtml._mark_embeds) before the sections are cut.
    latest, log = embed_placeholder(*_a(0)), embed_placeholder(*_a(1))
    renderer.embeds = {latest: Embed("latest", limit=1), log: Embed("learning")}
    for uri, (_, _, text) in NOTES.items():
        extra = f"\n{latest}\n{log}" if uri.endswith("a.md") else ""
        html = f'<h2 id="learn">Something I\'m learning</h2>\n<p>{text}</p>{extra}'
        url = files.src_uris[uri].url
        renderer.sections[uri] = (url, cut_sections(html, plan.rollups))
    return renderer, files


def _a(number: int) -> tuple[str, int]:
    return "weeknotes/2019/a.md", number


def test_a_sections_embeds_are_made_for_the_page_that_shows_it() -> None:
    renderer, files = _build()
    uri = renderer.plan.uri("rollup", "learning")
    [spec] = [spec for spec in renderer.plan.pages if spec.src_uri == uri]
    shown = renderer.page(spec, files.src_uris[spec.src_uri], False)
    assert MARK not in shown
    # The latest note, linked from the log's page; the log inside the log is a link.
    assert 'class="wn-listing wn-embed wn-embed-latest"' in shown
    assert 'href="../2019/b/">' in shown
    # The embedded learning log is made once; inside it, note a's entry links to
    # its listings instead of holding them again.
    assert shown.count('class="wn-listing wn-embed wn-embed-learning"') == 1
    assert shown.count("Learned A.") == 2
    assert '<p class="wn-links wn-embed-link"><a href="./">Learning log</a></p>' in shown
    assert '<p class="wn-links wn-embed-link"><a href="../">' in shown


def test_an_embedded_learning_listing_holds_itself_as_a_link() -> None:
    renderer, files = _build()
    here = files.src_uris["weeknotes/2019/b.md"]
    made = renderer.embed(Embed("learning"), here)
    # Note a's entry is in the listing; its own embeds are links, not listings.
    assert "Learned A." in made and MARK not in made
    assert made.count('class="wn-listing wn-embed') == 1
    assert made.count("wn-embed-link") == 2
    assert 'href="../../">Latest weeknotes</a>' in made  # links from the page b


def test_without_a_page_the_placeholders_go() -> None:
    renderer, _ = _build()
    _, [section] = renderer.sections["weeknotes/2019/a.md"]
    assert MARK in section.html
    assert renderer.fill_embeds(section.html, None).split() == ["<p>Learned", "A.</p>"]
