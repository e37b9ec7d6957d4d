"""Every word the plugin puts on a page, in each language it ships, in one place.

A site's language is its `locale` setting, else its theme's `language`; a language
without a catalogue here is written in English. A site can replace any word with
the `words` setting. Templates read them as `words.<key>` (and `words.count(key, n)`
for the words that follow a number), so a site's own templates can too.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from babel import Locale, UnknownLocaleError

# Words that follow a number: one text per CLDR plural form ("one", "other", and in
# some languages "zero", "two", "few", "many"); "other" is the one every language has.
Plural = Mapping[str, str]

ENGLISH: dict[str, str] = {
    # Titles of the generated pages, the navigation section and the learning log.
    "latest_title": "Latest weeknotes",
    "year_title": "Weeknotes {year}",
    "themes_title": "Themes",
    "people_title": "People",
    "rollup_year_title": "{title}: {year}",
    "nav_title": "Weeknotes",
    "learning_log": "Learning log",
    # Links and labels on the pages.
    "themes": "Themes",
    "people": "People",
    "themes_label": "Themes:",
    "atom_feed": "Atom feed",
    "archive": "Archive",
    "latest": "Latest",
    "everyone": "Everyone",
    "all_themes": "All themes",
    "latest_note": "latest:",
    "whole_rollup": "The whole {title_lower}",
    "week_commencing": "Week commencing",
    "by": "by",
    "draft": "Draft",
    "no_weeknotes": "No weeknotes yet.",
    "no_themes": "No themes yet.",
    "no_people": "No people yet.",
    "nothing_collected": "Nothing collected yet.",
    "more_by_same_person": "More by the same person",
    "pages": "Pages",
    "older_notes": "Older notes",
    "newer_notes": "Newer notes",
    "page_of": "Page {number} of {count}",
    "also_in": "Also in:",
    "mentioned_in": "Mentioned in",
    "line": "line {line}",
    # Feeds.
    "feed_title": "{site}: weeknotes",
    # The title of a note that has none (unless `title_format` is set).
    "fallback_title": "Weeknote: {people}, w/c {week}",
    "and": "and",
    "the_team": "the team",
    # A week's page and its digest.
    "week_title": "Week commencing {week}",
    "iso_week": "ISO week {week}",
    "week_range": "{start} to {end}",
    "previous_week": "Previous week",
    "next_week": "Next week",
    "year_ago": "The same week a year ago",
    "wrote_nothing": "No note this week from:",
    "away": "Away:",
    "this_week_on_site": "This week on the site",
    "digest_title": "{site}: the week {week}",
    "digest_feed_title": "{site}: weekly digests",
    "week_link": "Week {week}",
    # `weeknotes status`: who has written; a note with headings only is started.
    "status_written": "Written:",
    "status_everyone": "Everyone has written this week",
    "status_not_yet": "Not yet:",
    "status_started": "{person} (started)",
    # The headings of a note that `weeknotes new` starts.
    "heading_did": "What I did",
    "heading_went_well": "What went well",
    "heading_was_hard": "What was hard",
    # The pictures: who wrote which week, a person's year, a theme's months.
    "rhythm_caption": "Who wrote which week, newest week first",
    "wrote": "wrote",
    "co_wrote": "co-wrote",
    "no_note": "no note",
    "wrote_in_week": "{person} wrote a note in the week of {week}",
    "co_wrote_in_week": "{person} co-wrote a note in the week of {week}",
    "no_note_in_week": "{person} wrote no note in the week of {week}",
    "person_weeks_caption": "Weeks with a note: {count} of {weeks}, up to the week of {week}",
    "timeline_caption": "Notes per month",
    "timeline_summary": "{title}, {start} to {end}: {counts}",
    "month_notes": "{month}: {notes}",
}

ENGLISH_PLURALS: dict[str, Plural] = {
    "notes": {"one": "{count} note", "other": "{count} notes"},
    "problems": {"one": "This note has {count} problem", "other": "This note has {count} problems"},
}

_WELSH = {
    "latest_title": "Y nodiadau wythnos diweddaraf",
    "year_title": "Nodiadau wythnos {year}",
    "themes_title": "Themâu",
    "people_title": "Pobl",
    "rollup_year_title": "{title}: {year}",
    "nav_title": "Nodiadau wythnos",
    "learning_log": "Log dysgu",
    "themes": "Themâu",
    "people": "Pobl",
    "themes_label": "Themâu:",
    "atom_feed": "Ffrwd Atom",
    "archive": "Archif",
    "latest": "Diweddaraf",
    "everyone": "Pawb",
    "all_themes": "Pob thema",
    "latest_note": "y diweddaraf:",
    "whole_rollup": "Y {title_lower} cyfan",
    "week_commencing": "Wythnos yn dechrau",
    "by": "gan",
    "draft": "Drafft",
    "no_weeknotes": "Dim nodiadau wythnos eto.",
    "no_themes": "Dim themâu eto.",
    "no_people": "Dim pobl eto.",
    "nothing_collected": "Dim byd wedi’i gasglu eto.",
    "more_by_same_person": "Mwy gan yr un person",
    "pages": "Tudalennau",
    "older_notes": "Nodiadau hŷn",
    "newer_notes": "Nodiadau mwy newydd",
    "page_of": "Tudalen {number} o {count}",
    "also_in": "Ar gael hefyd yn:",
    "mentioned_in": "Crybwyllwyd yn",
    "line": "llinell {line}",
    "feed_title": "{site}: nodiadau wythnos",
    "fallback_title": "Nodyn wythnos: {people}, wythnos yn dechrau {week}",
    "and": "a",
    "the_team": "y tîm",
    "week_title": "Wythnos yn dechrau {week}",
    "iso_week": "Wythnos ISO {week}",
    "week_range": "{start} i {end}",
    "previous_week": "Yr wythnos flaenorol",
    "next_week": "Yr wythnos nesaf",
    "year_ago": "Yr un wythnos flwyddyn yn ôl",
    "wrote_nothing": "Dim nodyn yr wythnos hon gan:",
    "away": "I ffwrdd:",
    "this_week_on_site": "Yr wythnos hon ar y wefan",
    "digest_title": "{site}: wythnos {week}",
    "digest_feed_title": "{site}: crynodebau wythnosol",
    "week_link": "Wythnos {week}",
    "status_written": "Wedi ysgrifennu:",
    "status_everyone": "Mae pawb wedi ysgrifennu’r wythnos hon",
    "status_not_yet": "Dim eto:",
    "status_started": "{person} (wedi dechrau)",
    "heading_did": "Beth wnes i",
    "heading_went_well": "Beth aeth yn dda",
    "heading_was_hard": "Beth oedd yn anodd",
    "rhythm_caption": "Pwy ysgrifennodd ym mha wythnos, y diweddaraf yn gyntaf",
    "wrote": "ysgrifennodd",
    "co_wrote": "cyd-ysgrifennodd",
    "no_note": "dim nodyn",
    "wrote_in_week": "Ysgrifennodd {person} nodyn yn yr wythnos yn dechrau {week}",
    "co_wrote_in_week": "Cyd-ysgrifennodd {person} nodyn yn yr wythnos yn dechrau {week}",
    "no_note_in_week": "Dim nodyn gan {person} yn yr wythnos yn dechrau {week}",
    "person_weeks_caption": (
        "Wythnosau gyda nodyn: {count} o’r {weeks} hyd at yr wythnos yn dechrau {week}"
    ),
    "timeline_caption": "Nodiadau bob mis",
    "timeline_summary": "{title}, {start} i {end}: {counts}",
    "month_notes": "{month}: {notes}",
}

_GERMAN = {
    "latest_title": "Neueste Wochennotizen",
    "year_title": "Wochennotizen {year}",
    "themes_title": "Themen",
    "people_title": "Personen",
    "rollup_year_title": "{title}: {year}",
    "nav_title": "Wochennotizen",
    "learning_log": "Lerntagebuch",
    "themes": "Themen",
    "people": "Personen",
    "themes_label": "Themen:",
    "atom_feed": "Atom-Feed",
    "archive": "Archiv",
    "latest": "Neueste",
    "everyone": "Alle",
    "all_themes": "Alle Themen",
    "latest_note": "zuletzt:",
    "whole_rollup": "{title}: alle Einträge",
    "week_commencing": "Woche ab",
    "by": "von",
    "draft": "Entwurf",
    "no_weeknotes": "Noch keine Wochennotizen.",
    "no_themes": "Noch keine Themen.",
    "no_people": "Noch keine Personen.",
    "nothing_collected": "Noch nichts gesammelt.",
    "more_by_same_person": "Mehr von derselben Person",
    "pages": "Seiten",
    "older_notes": "Ältere Notizen",
    "newer_notes": "Neuere Notizen",
    "page_of": "Seite {number} von {count}",
    "also_in": "Auch auf:",
    "mentioned_in": "Erwähnt in",
    "line": "Zeile {line}",
    "feed_title": "{site}: Wochennotizen",
    "fallback_title": "Wochennotiz: {people}, Woche ab {week}",
    "and": "und",
    "the_team": "das Team",
    "week_title": "Woche ab {week}",
    "iso_week": "Kalenderwoche {week}",
    "week_range": "{start} bis {end}",
    "previous_week": "Vorige Woche",
    "next_week": "Nächste Woche",
    "year_ago": "Dieselbe Woche vor einem Jahr",
    "wrote_nothing": "Diese Woche keine Notiz von:",
    "away": "Abwesend:",
    "this_week_on_site": "Diese Woche auf der Website",
    "digest_title": "{site}: Woche {week}",
    "digest_feed_title": "{site}: Wochenübersichten",
    "week_link": "Woche {week}",
    "status_written": "Geschrieben:",
    "status_everyone": "Alle haben diese Woche geschrieben",
    "status_not_yet": "Noch nicht:",
    "status_started": "{person} (angefangen)",
    "heading_did": "Was ich gemacht habe",
    "heading_went_well": "Was gut lief",
    "heading_was_hard": "Was schwierig war",
    "rhythm_caption": "Wer welche Woche geschrieben hat, neueste Woche zuerst",
    "wrote": "geschrieben",
    "co_wrote": "mitgeschrieben",
    "no_note": "keine Notiz",
    "wrote_in_week": "{person} hat in der Woche ab {week} eine Notiz geschrieben",
    "co_wrote_in_week": "{person} hat in der Woche ab {week} eine Notiz mitgeschrieben",
    "no_note_in_week": "{person} hat in der Woche ab {week} keine Notiz geschrieben",
    "person_weeks_caption": "Wochen mit Notiz: {count} von {weeks}, bis zur Woche ab {week}",
    "timeline_caption": "Notizen pro Monat",
    "timeline_summary": "{title}, {start} bis {end}: {counts}",
    "month_notes": "{month}: {notes}",
}

_FRENCH = {
    "latest_title": "Dernières notes hebdomadaires",
    "year_title": "Notes hebdomadaires {year}",
    "themes_title": "Thèmes",
    "people_title": "Personnes",
    "rollup_year_title": "{title} : {year}",
    "nav_title": "Notes hebdomadaires",
    "learning_log": "Journal d’apprentissage",
    "themes": "Thèmes",
    "people": "Personnes",
    "themes_label": "Thèmes :",
    "atom_feed": "Flux Atom",
    "archive": "Archives",
    "latest": "Les plus récentes",
    "everyone": "Tout le monde",
    "all_themes": "Tous les thèmes",
    "latest_note": "dernière :",
    "whole_rollup": "{title} en entier",
    "week_commencing": "Semaine du",
    "by": "par",
    "draft": "Brouillon",
    "no_weeknotes": "Pas encore de notes hebdomadaires.",
    "no_themes": "Pas encore de thèmes.",
    "no_people": "Pas encore de personnes.",
    "nothing_collected": "Rien n’a encore été recueilli.",
    "more_by_same_person": "Autres notes de la même personne",
    "pages": "Pages",
    "older_notes": "Notes plus anciennes",
    "newer_notes": "Notes plus récentes",
    "page_of": "Page {number} sur {count}",
    "also_in": "Aussi en :",
    "mentioned_in": "Apparaît dans",
    "line": "ligne {line}",
    "feed_title": "{site} : notes hebdomadaires",
    "fallback_title": "Note hebdomadaire : {people}, semaine du {week}",
    "and": "et",
    "the_team": "l’équipe",
    "week_title": "Semaine du {week}",
    "iso_week": "Semaine ISO {week}",
    "week_range": "du {start} au {end}",
    "previous_week": "Semaine précédente",
    "next_week": "Semaine suivante",
    "year_ago": "La même semaine il y a un an",
    "wrote_nothing": "Pas de note cette semaine de :",
    "away": "Absents :",
    "this_week_on_site": "Cette semaine sur le site",
    "digest_title": "{site} : la semaine {week}",
    "digest_feed_title": "{site} : résumés hebdomadaires",
    "week_link": "Semaine {week}",
    "status_written": "Écrit :",
    "status_everyone": "Tout le monde a écrit cette semaine",
    "status_not_yet": "Pas encore :",
    "status_started": "{person} (note commencée)",
    "heading_did": "Ce que j’ai fait",
    "heading_went_well": "Ce qui s’est bien passé",
    "heading_was_hard": "Ce qui a été difficile",
    "rhythm_caption": "Qui a écrit quelle semaine, la plus récente d’abord",
    "wrote": "a écrit",
    "co_wrote": "a coécrit",
    "no_note": "pas de note",
    "wrote_in_week": "{person} a écrit une note la semaine du {week}",
    "co_wrote_in_week": "{person} a coécrit une note la semaine du {week}",
    "no_note_in_week": "{person} n’a pas écrit de note la semaine du {week}",
    "person_weeks_caption": (
        "Semaines avec une note : {count} sur {weeks}, jusqu’à la semaine du {week}"
    ),
    "timeline_caption": "Notes par mois",
    "timeline_summary": "{title}, de {start} à {end} : {counts}",
    "month_notes": "{month} : {notes}",
}

_SPANISH = {
    "latest_title": "Últimas notas semanales",
    "year_title": "Notas semanales {year}",
    "themes_title": "Temas",
    "people_title": "Personas",
    "rollup_year_title": "{title}: {year}",
    "nav_title": "Notas semanales",
    "learning_log": "Diario de aprendizaje",
    "themes": "Temas",
    "people": "Personas",
    "themes_label": "Temas:",
    "atom_feed": "Canal Atom",
    "archive": "Archivo",
    "latest": "Recientes",
    "everyone": "Todas las personas",
    "all_themes": "Todos los temas",
    "latest_note": "la última:",
    "whole_rollup": "{title} completo",
    "week_commencing": "Semana del",
    "by": "por",
    "draft": "Borrador",
    "no_weeknotes": "Todavía no hay notas semanales.",
    "no_themes": "Todavía no hay temas.",
    "no_people": "Todavía no hay personas.",
    "nothing_collected": "Todavía no se ha recopilado nada.",
    "more_by_same_person": "Más de la misma persona",
    "pages": "Páginas",
    "older_notes": "Notas anteriores",
    "newer_notes": "Notas más recientes",
    "page_of": "Página {number} de {count}",
    "also_in": "También en:",
    "mentioned_in": "Aparece en",
    "line": "línea {line}",
    "feed_title": "{site}: notas semanales",
    "fallback_title": "Nota semanal: {people}, semana del {week}",
    "and": "y",
    "the_team": "el equipo",
    "week_title": "Semana del {week}",
    "iso_week": "Semana ISO {week}",
    "week_range": "del {start} al {end}",
    "previous_week": "Semana anterior",
    "next_week": "Semana siguiente",
    "year_ago": "La misma semana hace un año",
    "wrote_nothing": "Sin nota esta semana de:",
    "away": "Ausentes:",
    "this_week_on_site": "Esta semana en el sitio",
    "digest_title": "{site}: la semana {week}",
    "digest_feed_title": "{site}: resúmenes semanales",
    "week_link": "Semana {week}",
    "status_written": "Escrito:",
    "status_everyone": "Todas las personas han escrito esta semana",
    "status_not_yet": "Todavía no:",
    "status_started": "{person} (nota empezada)",
    "heading_did": "Lo que hice",
    "heading_went_well": "Lo que salió bien",
    "heading_was_hard": "Lo que fue difícil",
    "rhythm_caption": "Quién escribió cada semana, la más reciente primero",
    "wrote": "escribió",
    "co_wrote": "coescribió",
    "no_note": "sin nota",
    "wrote_in_week": "{person} escribió una nota la semana del {week}",
    "co_wrote_in_week": "{person} coescribió una nota la semana del {week}",
    "no_note_in_week": "{person} no escribió ninguna nota la semana del {week}",
    "person_weeks_caption": "Semanas con nota: {count} de {weeks}, hasta la semana del {week}",
    "timeline_caption": "Notas por mes",
    "timeline_summary": "{title}, de {start} a {end}: {counts}",
    "month_notes": "{month}: {notes}",
}

_DUTCH = {
    "latest_title": "Nieuwste weeknotities",
    "year_title": "Weeknotities {year}",
    "themes_title": "Thema’s",
    "people_title": "Mensen",
    "rollup_year_title": "{title}: {year}",
    "nav_title": "Weeknotities",
    "learning_log": "Leerlogboek",
    "themes": "Thema’s",
    "people": "Mensen",
    "themes_label": "Thema’s:",
    "atom_feed": "Atom-feed",
    "archive": "Archief",
    "latest": "Nieuwste",
    "everyone": "Iedereen",
    "all_themes": "Alle thema’s",
    "latest_note": "nieuwste:",
    "whole_rollup": "Het hele {title_lower}",
    "week_commencing": "Week van",
    "by": "door",
    "draft": "Concept",
    "no_weeknotes": "Nog geen weeknotities.",
    "no_themes": "Nog geen thema’s.",
    "no_people": "Nog geen mensen.",
    "nothing_collected": "Nog niets verzameld.",
    "more_by_same_person": "Meer van dezelfde persoon",
    "pages": "Pagina’s",
    "older_notes": "Oudere notities",
    "newer_notes": "Nieuwere notities",
    "page_of": "Pagina {number} van {count}",
    "also_in": "Ook in:",
    "mentioned_in": "Genoemd in",
    "line": "regel {line}",
    "feed_title": "{site}: weeknotities",
    "fallback_title": "Weeknotitie: {people}, week van {week}",
    "and": "en",
    "the_team": "het team",
    "week_title": "Week van {week}",
    "iso_week": "ISO-week {week}",
    "week_range": "{start} tot en met {end}",
    "previous_week": "Vorige week",
    "next_week": "Volgende week",
    "year_ago": "Dezelfde week een jaar geleden",
    "wrote_nothing": "Deze week geen notitie van:",
    "away": "Afwezig:",
    "this_week_on_site": "Deze week op de site",
    "digest_title": "{site}: week {week}",
    "digest_feed_title": "{site}: wekelijkse overzichten",
    "week_link": "Week {week}",
    "status_written": "Geschreven:",
    "status_everyone": "Iedereen heeft deze week geschreven",
    "status_not_yet": "Nog niet:",
    "status_started": "{person} (begonnen)",
    "heading_did": "Wat ik heb gedaan",
    "heading_went_well": "Wat goed ging",
    "heading_was_hard": "Wat lastig was",
    "rhythm_caption": "Wie welke week schreef, nieuwste week eerst",
    "wrote": "schreef",
    "co_wrote": "schreef mee",
    "no_note": "geen notitie",
    "wrote_in_week": "{person} schreef een notitie in de week van {week}",
    "co_wrote_in_week": "{person} schreef mee aan een notitie in de week van {week}",
    "no_note_in_week": "{person} schreef geen notitie in de week van {week}",
    "person_weeks_caption": (
        "Weken met een notitie: {count} van {weeks}, tot en met de week van {week}"
    ),
    "timeline_caption": "Notities per maand",
    "timeline_summary": "{title}, {start} tot en met {end}: {counts}",
    "month_notes": "{month}: {notes}",
}

CATALOGUES: dict[str, dict[str, str]] = {
    "en": ENGLISH,
    "cy": _WELSH,
    "de": _GERMAN,
    "fr": _FRENCH,
    "es": _SPANISH,
    "nl": _DUTCH,
}

PLURALS: dict[str, dict[str, Plural]] = {
    "en": ENGLISH_PLURALS,
    # Welsh nouns stay singular after a number; "o" before the plural reads for any count.
    "cy": {
        "notes": {"one": "{count} nodyn", "other": "{count} o nodiadau"},
        "problems": {"other": "Problemau yn y nodyn hwn: {count}"},
    },
    "de": {
        "notes": {"one": "{count} Notiz", "other": "{count} Notizen"},
        "problems": {
            "one": "Diese Notiz hat {count} Problem",
            "other": "Diese Notiz hat {count} Probleme",
        },
    },
    "fr": {
        "notes": {"one": "{count} note", "other": "{count} notes"},
        "problems": {
            "one": "Cette note a {count} problème",
            "other": "Cette note a {count} problèmes",
        },
    },
    "es": {
        "notes": {"one": "{count} nota", "other": "{count} notas"},
        "problems": {
            "one": "Esta nota tiene {count} problema",
            "other": "Esta nota tiene {count} problemas",
        },
    },
    "nl": {
        "notes": {"one": "{count} notitie", "other": "{count} notities"},
        "problems": {
            "one": "Deze notitie heeft {count} probleem",
            "other": "Deze notitie heeft {count} problemen",
        },
    },
}

KEYS = (*ENGLISH, *ENGLISH_PLURALS)


def base_language(name: str) -> str:
    """The language of a locale without its region: `de` for `de_AT` or `de-AT`."""
    return name.replace("-", "_").split("_")[0].casefold()


def catalogue_language(name: str | None) -> str:
    """The catalogue for a locale such as `cy`, `de_AT` or `fr-CA`; English if none."""
    if not name:
        return "en"
    base = base_language(name)
    return base if base in CATALOGUES else "en"


class Words:
    """One site's words: its language's catalogue, with the site's own overrides."""

    def __init__(
        self, language: str = "en", overrides: Mapping[str, str | Plural] | None = None
    ) -> None:
        self.language = catalogue_language(language)
        own = CATALOGUES[self.language]
        self._words = {key: own.get(key, text) for key, text in ENGLISH.items()}
        plurals = PLURALS[self.language]
        self._plurals = {key: plurals.get(key, forms) for key, forms in ENGLISH_PLURALS.items()}
        for key, value in (overrides or {}).items():
            if key in self._plurals:
                self._plurals[key] = {"other": value} if isinstance(value, str) else value
            elif isinstance(value, str):
                self._words[key] = value
        self._locale = Locale.parse(self.language)

    def __getattr__(self, key: str) -> str:
        try:
            return self._words[key]
        except KeyError:
            raise AttributeError(key) from None

    def __getitem__(self, key: str) -> str:
        return self._words[key]

    def format(self, key: str, **values: object) -> str:
        """A word with placeholders, such as `page_of`, filled in."""
        return self._words[key].format(**values)

    def count(self, key: str, count: int) -> str:
        """A number and the word after it, in the plural form the language uses for it."""
        forms = self._plurals[key]
        text = forms.get(self._locale.plural_form(count)) or forms.get("other") or ""
        return text.format(count=count)


@functools.lru_cache(maxsize=64)
def language_name(language: str) -> str:
    """A language's own name for itself (`Cymraeg`), for links to translations."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return language
    name = locale.get_display_name(locale) or language
    return name[:1].upper() + name[1:]
