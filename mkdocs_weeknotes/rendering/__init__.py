"""Rendering: the HTML of the pages that the plan made, and of the notes in them.

The Jinja environment and its templates, the views that templates read, the
listings, pictures and tables of contents of each page, and the finishing of a
page's HTML (its header, footer and embedded listings) as MkDocs writes it.
"""
