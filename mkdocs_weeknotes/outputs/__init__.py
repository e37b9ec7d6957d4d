"""Outputs: the files made beside the site and outside it.

The Atom feeds a build writes into the site folder (the team's, each theme's,
person's and rollup's, and the weekly digests'), and what the command makes for
use elsewhere: a week's digest to paste into an email, the generated pages as
plain Markdown, the old Jekyll addresses for redirects, and the careful writing
of files that never loses one of the user's.
"""
