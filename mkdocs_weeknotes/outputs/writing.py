"""Writing files for the command, without ever losing one of the user's.

`weeknotes new`, `export`, and `schema` and `digest` with `-o`, write into
folders that hold a team's notes. Every target is checked before anything is
written: a file already there is replaced only when asked (`force`), a file of
the site's own sources never, and no symbolic link is followed, so nothing
outside the named folder can be touched.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

# Where the platform has it, opening refuses a link in the last place of the path.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class WriteError(Exception):
    """Why nothing was written. `status` is the command's exit status: 1 for files
    that are in the way, 2 for a folder that cannot be written at all."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Target:
    """One file to write: its path and what goes in it."""

    path: Path
    data: bytes


def inside(path: str | Path, folder: str | Path) -> bool:
    """Whether `path` is `folder` or inside it, once links are resolved."""
    real, top = os.path.realpath(path), os.path.realpath(folder)
    try:
        return os.path.commonpath([real, top]) == top
    except ValueError:  # on two drives
        return False


def obstacles(
    root: Path, paths: Iterable[Path], *, force: bool, protected: Path | None = None
) -> list[str]:
    """What stands in the way of writing `paths`, all under `root`, one line each.

    A link anywhere below `root` is in the way, and so is anything that is not a
    plain file where a file goes, or a folder where a folder goes. A file that is
    there already is in the way unless `force`, and always inside `protected`
    (the docs folder, whose files are the site's sources).
    """
    found: list[str] = []
    checked: set[Path] = set()
    for path in paths:
        parts = path.relative_to(root).parts
        here = root
        for number, part in enumerate(parts, 1):
            here = here / part
            if here in checked:
                continue
            checked.add(here)
            last = number == len(parts)
            if here.is_symlink():
                found.append(f"{here} is a symbolic link; links are never followed")
                break
            if not here.exists():
                break  # nothing below it exists either
            if not last:
                if not here.is_dir():
                    found.append(f"{here} is a file where a folder would go")
                    break
                continue
            if not here.is_file():
                found.append(f"{here} is not a plain file")
            elif protected is not None and inside(here, protected):
                found.append(f"{here} is a file of the site's docs folder; it is never replaced")
            elif not force:
                found.append(f"{here} already exists")
    return found


def write_all(
    root: Path, targets: Sequence[Target], *, force: bool = False, protected: Path | None = None
) -> None:
    """Write every target, or nothing at all if any one of them is in the way."""
    if root.exists() and not root.is_dir():
        raise WriteError(f"{root} is not a folder")
    resolved = protected.resolve() if protected is not None else None
    blocked = obstacles(root, [t.path for t in targets], force=force, protected=resolved)
    if blocked:
        shown = blocked[:10]
        more = len(blocked) - len(shown)
        lines = "\n".join(f"  {line}" for line in shown)
        if more:
            lines += f"\n  … and {more} more"
        overridable = all(line.endswith("already exists") for line in blocked)
        hint = (
            "pass --force to replace them, or choose another folder"
            if overridable
            else "choose another folder, or move these out of the way"
        )
        raise WriteError(f"nothing was written:\n{lines}\n{hint}", status=1)
    for target in targets:
        write_file(target.path, target.data, replace=force)


def write_file(path: Path, data: bytes, *, replace: bool = False) -> None:
    """Write one file, creating its folders; never through a link, and never over a
    file that is there unless `replace`. An OSError becomes a WriteError."""
    flags = os.O_WRONLY | os.O_CREAT | _NOFOLLOW | getattr(os, "O_BINARY", 0)
    flags |= os.O_TRUNC if replace else os.O_EXCL
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise WriteError(f"cannot make the folder {path.parent}: {_reason(err)}") from err
    try:
        descriptor = os.open(path, flags, 0o666)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
    except FileExistsError as err:
        raise WriteError(f"{path} already exists; it was left as it was", status=1) from err
    except OSError as err:
        if err.errno == errno.ELOOP and path.is_symlink():
            raise WriteError(f"{path} is a symbolic link; links are never followed") from err
        raise WriteError(f"cannot write {path}: {_reason(err)}") from err


def _reason(err: OSError) -> str:
    # "Permission denied", "Not a directory", "Read-only file system": the system's words.
    return err.strerror or type(err).__name__


def write_output(
    path: Path,
    data: bytes,
    *,
    force: bool,
    docs_dir: Path,
    sources: Sequence[tuple[Path, str]] = (),
) -> None:
    """Write the one file a command was told to write (`-o FILE`).

    Never over a file of the site's sources: anything under `docs_dir`, or one of
    `sources` (each a path and what it is, such as mkdocs.yml), even with `force`;
    over any other file only with `force`. Never through a symbolic link. Every
    refusal is a WriteError of status 2 (bad usage): nothing was written.
    """
    if path.exists() and not path.is_symlink():
        for source, what in sources:
            if source.exists() and os.path.samefile(path, source):
                raise WriteError(f"{path} is {what}; it is never replaced")
    # The rest is what stands in the way of any file the command writes.
    blocked = obstacles(path.parent, [path], force=force, protected=docs_dir)
    if blocked:
        reason = blocked[0]
        if reason.endswith("already exists"):
            reason += "; pass --force to replace it"
        raise WriteError(reason)
    write_file(path, data, replace=force)
