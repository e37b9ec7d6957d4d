"""Reading and checking notes: the first stage a note goes through.

Which files are notes, their front matter read and every field checked, their
bodies scanned for rollup sections, mentions and embed markers, the authors file
read, and the whole site's notes collected (with a cache of unchanged notes) into
the model that the later stages use. What is wrong becomes a `Problem` here.
"""
