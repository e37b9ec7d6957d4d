"""The fields of one note's front matter that say who and what it is about: its
keys, authors, themes, summary, language and the fields a site requires, each
checked (see notes.read_note)."""

from __future__ import annotations

import datetime
import functools
import re

from ..config import parse_locale
from ..model import Theme
from ..problems import quote
from ..slugs import slugify
from ..suggest import closest, near_key
from ..weeks import week_of
from .names import split_names
from .notefields import FieldReader, text_items

# Keys of ours, besides the configured theme and summary keys.
OWN_KEYS = ("title", "date", "week", "authors", "author", "draft", "weeknote", "lang", "ref")
# mkdocs-static-i18n's file names: `note.cy.md` is the Welsh of `note.md`.
_LANG_SUFFIX = re.compile(r"^(.+)\.([a-z]{2,3}(?:[_-][A-Za-z]{2,4})?)\.md$")
# Keys other tools use that sit one edit from ours; never reported as typos.
FOREIGN_KEYS = frozenset(
    {"tags", "hide", "icon", "slug", "status", "layout", "links", "pin", "data", "time"}
)

_EMPTY_ITEM = "write a name, or remove the item"

# One Theme for each slug and label, shared by every note that names it: a big
# archive's notes name a few dozen themes tens of thousands of times.
_theme = functools.lru_cache(maxsize=4096)(Theme)


class MetaChecks(FieldReader):
    """The rules of a note's keys, people, themes, summary and language."""

    def check_translation(self) -> tuple[str, str]:
        """The note's language and what its translations share (see Note.ref).

        `lang:` in front matter, else a static-i18n suffix; `ref:` when given,
        else the path without the suffix, so `note.cy.md` joins `note.md`.
        """
        base, lang = self.src_uri, ""
        suffix = _LANG_SUFFIX.match(self.src_uri)
        if suffix is not None and parse_locale(suffix.group(2)) is not None:
            base, lang = f"{suffix.group(1)}.md", suffix.group(2)
        found = self.value("lang")
        given = self.text("lang")
        if found is not None and given is not None:
            if parse_locale(given) is None:
                near = _language_code(given)
                self.problem(
                    found.line,
                    "WN203",
                    f"{quote(given)} is not a language code",
                    f"did you mean {quote(near)}?" if near else "write a code such as 'en' or 'cy'",
                )
            else:
                lang = given
        ref = self.text("ref")
        return lang.replace("_", "-"), f"ref:{ref}" if ref else f"file:{base}"

    def check_keys(self) -> None:
        known = set(OWN_KEYS) | set(self.settings.theme_keys) | set(self.settings.summary_keys)
        for key, found in self.fm.fields.items():
            if key in known or key in FOREIGN_KEYS:
                continue
            guess = near_key(key, known)
            if guess is not None and guess not in self.fm.fields:
                self.problem(
                    found.line,
                    "WN006",
                    f"unknown key {quote(key)}",
                    f"did you mean {quote(guess)}?",
                )

    def check_authors(self) -> tuple[str, ...]:
        single, plural = self.value("author"), self.value("authors")
        if single is not None and plural is not None:
            self.problem(
                single.line,
                "WN111",
                "both 'author' and 'authors' are set",
                "keep one: 'authors: [a, b]' or 'author: a'",
            )
        found = plural or single
        if found is None:
            return ()
        names = text_items(found)
        if names is None:
            self.problem(
                found.line,
                "WN104",
                f"'{found.key}' must be a name or a list of names",
                f"write '{found.key}: [name, name]'",
            )
            return ()
        ids: list[str] = []
        for item, line in names:
            if not item:
                self.problem(line, "WN104", "an empty author in the list", _EMPTY_ITEM)
                continue
            people = self.people_in(item)
            # Of a string naming several people, a problem names the one it is about.
            within = f" in {quote(item)}" if len(people) > 1 else ""
            for name in people:
                if self.authors is None:
                    ident: str | None = name
                    if not slugify(name):
                        message = f"author {quote(name)}{within} has no letters or digits"
                        self.problem(line, "WN104", message)
                        ident = None
                else:
                    ident, guess = self.authors.resolve(name)
                    if ident is None:
                        hint = (
                            f"did you mean {quote(guess)}?"
                            if guess
                            else "add them to the authors file"
                        )
                        self.problem(line, "WN103", f"unknown author {quote(name)}{within}", hint)
                if ident is not None and ident not in ids:
                    ids.append(ident)
        return tuple(ids)

    def people_in(self, item: str) -> list[str]:
        """The people one author string names: itself when the authors file knows
        it whole, else its parts, such as `Kim` and `Soph` of `Kim and Soph`."""
        if self.authors is not None and self.authors.lookup(item) is not None:
            return [item]
        return split_names(item, self.settings.author_separators)

    def check_themes(self) -> tuple[Theme, ...]:
        vocabulary = self.settings.vocabulary
        # A theme may be written as its slug or as its label, in any case.
        spellings = self.settings.theme_spellings
        themes: dict[str, Theme] = {}
        for key in self.settings.theme_keys:
            found = self.value(key)
            if found is None:
                continue
            items = text_items(found)
            if items is None:
                self.problem(
                    found.line,
                    "WN107",
                    f"'{key}' must be a list of text",
                    f"write '{key}: [theme, theme]'",
                )
                continue
            for item, line in items:
                if not item:
                    self.problem(line, "WN107", "an empty theme in the list", _EMPTY_ITEM)
                    continue
                slug = slugify(item)
                if not slug:
                    self.problem(line, "WN107", f"theme {quote(item)} has no letters or digits")
                    continue
                if not vocabulary:
                    themes.setdefault(slug, _theme(slug, item))
                    continue
                canonical = spellings.get(slug)
                if canonical is None:
                    # Suggest in the form the author wrote: a slug for a slug, a label for a label.
                    guess = closest(item, list(vocabulary) + list(vocabulary.values()))
                    hint = (
                        f"did you mean {quote(guess)}?"
                        if guess
                        else "add it to the 'themes' setting"
                    )
                    self.problem(line, "WN108", f"unknown theme {quote(item)}", hint)
                    continue
                themes.setdefault(canonical, _theme(canonical, vocabulary[canonical]))
        return tuple(themes.values())

    def summary(self) -> str | None:
        """The text of the first of `summary_keys` that has some."""
        for key in self.settings.summary_keys:
            text = self.text(key)
            if text:
                return text
        return None

    def check_required(self, title_source: str, date: datetime.date | None) -> None:
        if not self.fm.parsed:
            return  # the YAML problem says it all; every field would look missing
        # A field that is present but wrong has a problem of its own; this rule is
        # only about absence. The date is always needed, so WN101 covers it.
        keys = {
            "week": ("week",),  # else it defaults from the date
            "title": ("title",),
            "authors": ("author", "authors"),
            "themes": self.settings.theme_keys,
            "summary": self.settings.summary_keys,
        }

        def present(name: str) -> bool:
            if name == "date" or (name == "title" and title_source != "format"):
                return True
            return any(self.given(key) for key in keys[name])

        # Only the fields the settings require are looked at: this runs for every note.
        missing = [name for name in self.settings.required if not present(name)]
        if not missing:
            return
        people = sorted(self.authors.people) if self.authors else []
        themes = sorted(self.settings.vocabulary)
        week = week_of(date, self.settings.week_start_index) if date else "YYYY-MM-DD"
        examples = {
            "title": "title: …",
            "week": f"week: {week}",
            "authors": f"authors: [{people[0] if people else 'your name'}]",
            "themes": f"{self.settings.theme_keys[0]}: [{themes[0] if themes else '…'}]",
            "summary": f"{self.settings.summary_keys[0]}: one sentence for index pages",
        }
        line = max(self.fm.body_line - 1 if self.fm.has_block else 1, 1)
        for name in missing:
            self.problem(
                line, "WN007", f"required field '{name}' is missing", f"add '{examples[name]}'"
            )


@functools.lru_cache(maxsize=256)
def _language_code(name: str) -> str | None:
    """The code of a language written by name, in English or in itself ('Welsh',
    'Cymraeg' → 'cy'); made only for a `lang` that is not a code."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    wanted = name.strip().casefold()
    for code in sorted(locale_identifiers()):
        if "_" in code:
            continue
        locale = Locale.parse(code)
        names = {
            (locale.english_name or "").casefold(),
            (locale.get_display_name() or "").casefold(),
        }
        if wanted in names:
            return code
    return None
