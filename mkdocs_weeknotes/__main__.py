"""`python -m mkdocs_weeknotes` runs the `weeknotes` command."""

from .command.cli import main

main()
