"""Weeknotes for MkDocs: validate front matter, build index pages, roll up sections."""

__version__ = "0.1.0"
