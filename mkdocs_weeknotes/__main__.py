"""`python -m mkdocs_weeknotes` runs the `weeknotes` command."""

from .cli import main

main()
