"""The body of one note: its headings, the sections rollups collect and the
people it mentions, each checked (see notes.read_note)."""

from __future__ import annotations

import functools

from ..config import rollup_setting
from ..model import SectionRef
from ..problems import quote
from ..slugs import slugify
from .mentions import find as find_mentions
from .notefields import FieldReader
from .sections import Heading, find_sections, heading_misses, headings, near_misses


class BodyChecks(FieldReader):
    """The rules of a note's body."""

    def check_mentions(self, people: tuple[str, ...]) -> tuple[str, ...]:
        """Who the note's text mentions, by id; a near miss of someone's handle is
        WN710. Without an authors file the handles are kept as slugs, to be matched
        with the people of every note (see collection.py), and none is a problem."""
        if not self.settings.mentions:
            return ()
        found: dict[str, None] = {}
        for mention in find_mentions(self.fm.body, self.fm.body_line):
            if self.authors is None:
                found[slugify(mention.handle)] = None
                continue
            ident = self.authors.handles.resolve(mention.handle)
            if ident is not None:
                if ident not in people:
                    found[ident] = None
                continue
            # A handle close to nobody's is someone elsewhere, such as a social
            # media account: only a near miss is a problem.
            near = self.authors.handles.near(mention.handle)
            if near is not None:
                self.problem(
                    mention.line,
                    "WN710",
                    f"{quote('@' + mention.handle)} mentions nobody on the team",
                    f"did you mean {quote('@' + near)}?",
                )
        return tuple(found)

    @functools.cached_property
    def headings(self) -> list[Heading]:
        """The body's headings: for the title and for the sections, read once."""
        return headings(self.fm.body)

    def check_sections(self) -> tuple[SectionRef, ...]:
        rollups = self.settings.rollup_list
        for miss in near_misses(self.fm.body, self.fm.body_line, rollups):
            kind = "a bold line" if miss.bold else "a paragraph"
            self.problem(
                miss.line,
                "WN501",
                f"{quote(miss.text)} is {kind}, not a heading, so it is not collected",
                f"make it a heading: ## {miss.heading}",
            )
        for close in heading_misses(self.headings, self.fm.body_line, rollups):
            self.problem(
                close.line,
                "WN502",
                f"heading {quote(close.text)} is close to {quote(close.heading)}"
                " but is not collected",
                f"did you mean {quote(close.heading)}?"
                f" or add it to {rollup_setting(close.rollup)}.headings",
            )
        return tuple(find_sections(self.fm.body, self.fm.body_line, rollups, self.headings))
