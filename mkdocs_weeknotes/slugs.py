"""URL slugs for people and themes: Unicode-aware, stable, never a path."""

from __future__ import annotations

import re
import unicodedata

# Letters and digits of any script survive; everything else becomes one hyphen.
_SEPARATORS = re.compile(r"[\W_]+", re.UNICODE)


def slugify(text: str) -> str:
    """`Data Science` and `data-science` give the same slug, `data-science`.

    The result never holds '/', '.' or '\\', so it cannot leave the folder it is
    joined to. It may be empty (text with no letters or digits): callers treat an
    empty slug as a problem.
    """
    normal = unicodedata.normalize("NFKC", text).casefold()
    return _SEPARATORS.sub("-", normal).strip("-")
