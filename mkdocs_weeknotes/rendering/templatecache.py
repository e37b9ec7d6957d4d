"""Compiled templates kept from one build to the next while `mkdocs serve` runs.

MkDocs makes a new Jinja environment for every build, so every template is
compiled again on every save: for a small change, that is most of the rebuild.
Jinja's bytecode cache hook keeps each compiled template instead, keyed by its
name and file, by what in the environment changes the compiled code, and by a
checksum of its source: a template that changed is compiled again, so none is
ever stale.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

# Enough for a theme's templates and ours under a few sites; the oldest go first.
LIMIT = 1024


class CompiledTemplates(BytecodeCache):
    """Compiled templates in memory, for this process only."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._codes: OrderedDict[str, tuple[str, Any]] = OrderedDict()

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        key = hashlib.sha1(
            repr((name, filename, _compiled_with(environment, name))).encode(),
            usedforsecurity=False,
        ).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self._codes.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]
            self._codes.move_to_end(bucket.key)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._codes[bucket.key] = (bucket.checksum, bucket.code)
        self._codes.move_to_end(bucket.key)
        while len(self._codes) > self.limit:
            self._codes.popitem(last=False)

    def clear(self) -> None:
        self._codes.clear()


def _compiled_with(env: Environment, name: str) -> tuple[object, ...]:
    """What of an environment the compiled code of template `name` depends on: its
    syntax, whether it escapes, and the filters and tests it knows."""
    autoescape = env.autoescape(name) if callable(env.autoescape) else env.autoescape
    finalize = env.finalize
    return (
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        tuple(sorted(env.extensions)),
        # The i18n extension compiles `{% trans %}` one way or the other by it.
        getattr(env, "newstyle_gettext", None),
        env.optimized,
        env.is_async,
        bool(autoescape),
        getattr(finalize, "__qualname__", None) if finalize else None,
        tuple(sorted(env.filters)),
        tuple(sorted(env.tests)),
    )


# One per process: `mkdocs serve` builds in the same process again and again.
TEMPLATES = CompiledTemplates()
