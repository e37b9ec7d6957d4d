"""URL slugs for people and themes: Unicode-aware, stable, never a path."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping

# Letters and digits of any script survive; everything else becomes one hyphen.
_SEPARATORS = re.compile(r"[\W_]+", re.UNICODE)
# A file name holds at most 255 bytes; a slug is a folder name, so it is kept well
# under that. A longer one is cut and told apart by a hash of the whole slug.
MAX_BYTES = 80
_HASH_BYTES = 4  # 8 hex digits


def slugify(text: str) -> str:
    """`Data Science` and `data-science` give the same slug, `data-science`.

    The result never holds '/', '.' or '\\', so it cannot leave the folder it is
    joined to. It may be empty (text with no letters or digits): callers treat an
    empty slug as a problem. A slug longer than MAX_BYTES in UTF-8 is cut, and ends
    in a short hash of the whole, so that two long names stay apart.
    """
    normal = unicodedata.normalize("NFKC", text).casefold()
    slug = _SEPARATORS.sub("-", normal).strip("-")
    data = slug.encode("utf-8")
    if len(data) <= MAX_BYTES:
        return slug
    digest = hashlib.blake2b(data, digest_size=_HASH_BYTES).hexdigest()
    # Cut at a character boundary: a partial UTF-8 sequence at the end is dropped.
    keep = MAX_BYTES - len(digest) - 1
    head = data[:keep].decode("utf-8", errors="ignore").rstrip("-")
    return f"{head}-{digest}"


def spellings(labels: Mapping[str, str]) -> dict[str, str]:
    """Each way a theme may be written, as a slug, to the theme's slug: its label's
    slug and its own. `labels` maps each theme's slug to its label."""
    found = {slugify(label): slug for slug, label in labels.items()}
    found.update({slug: slug for slug in labels})
    return found
