"""The `weeknotes` command: checking notes, starting one, and the other tools.

Each sub-command imports what only it needs when it runs (a pre-commit hook
starts the command for every commit), so this package re-exports nothing. The
check keeps each note's reading in a cache between runs.
"""
