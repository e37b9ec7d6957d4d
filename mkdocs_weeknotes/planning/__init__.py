"""Planning pages: which pages a build makes and what each of them lists.

From the collected notes, the index pages by week, year, theme and person, the
rollups and the team's week are planned, placed among the site's files and in
its nav, and the feeds that follow them are chosen. Nothing is rendered here.
"""
