"""Write a synthetic team site of weeknotes for benchmarks.

Deterministic: the same arguments always give byte-identical files. The site has
three MkDocs configurations over one `docs/` folder:

- `floor.yml`: Material and search, no weeknotes plugin (the floor);
- `weeknotes.yml`: the same plus the weeknotes plugin;
- `blog.yml`: the same plus Material's blog plugin, over the same notes;
- `weeknotes-own-nav.yml`: `weeknotes.yml` with the site's own `nav`, which
  links to the notes folder's index page only, instead of the automatic
  *Weeknotes* section (Latest, Themes, People, Learning log).

The notes live in `docs/blog/posts/<year>/`, where Material's blog looks for posts,
and use the keys both plugins read: `date`, `authors` and `categories`.

    python benchmarks/generate.py --notes 2000 /tmp/weeknotes-bench/site-2000
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

MARKER = ".weeknotes-bench"  # a folder holding it may be replaced by the generator
FIRST_WEEK = datetime.date(2014, 1, 6)  # a Monday
NOTES_DIR = "blog/posts"
AUTHORS_FILE = "blog/.authors.yml"

FIRST_NAMES = (
    "Rob", "Priya", "Sam", "Nadia", "Tomasz", "Liz", "Amara", "Ben", "Chloe", "Dev",
    "Ewan", "Fatima", "Grace", "Hamid", "Isla", "Jonah", "Kemi", "Leon", "Maya", "Niall",
    "Olu", "Pip", "Quinn", "Ravi", "Sofia", "Theo", "Una", "Vik", "Wren", "Yusuf",
)  # fmt: skip
LAST_NAMES = (
    "Miller", "Nair", "Whitlock", "Rahman", "Wolski", "Hughes", "Okafor", "Carter",
    "Dubois", "Patel", "Fraser", "Haddad", "Lindqvist", "Karimi", "Moreno", "Reid",
    "Adeyemi", "Novak", "Costa", "Byrne", "Shah", "Evans", "Tanaka", "Murphy",
)  # fmt: skip
ROLES = (
    "User researcher", "Service designer", "Content designer", "Data analyst",
    "Web developer", "Delivery manager", "Product manager", "Interaction designer",
    "Head of digital", "Platform engineer", "Accessibility lead", "Performance analyst",
)  # fmt: skip
THEMES = (
    "Service design", "User research", "Data", "Accessibility", "Website migration",
    "Ways of working", "Content design", "Hiring", "Procurement", "Open data",
    "Design system", "Cloud hosting", "Security", "Analytics", "Training", "Roadmap",
    "Housing repairs", "Council tax", "Parking permits", "Garden waste", "Libraries",
    "Planning", "Intranet", "Search", "Forms", "Payments", "Identity", "Performance",
    "Community", "Show and tell", "Retrospectives", "Budgets", "Partnerships",
    "Digital inclusion", "Mentoring", "Documentation", "Testing", "APIs", "Mapping",
    "Customer contact",
)  # fmt: skip
PROJECTS = (
    "the garden waste permits", "the new intranet", "the housing repairs form",
    "the data platform", "the accessibility audit", "the website migration",
    "the council tax service", "the parking permits beta", "the library app",
    "the planning portal", "the design system", "the payments integration",
    "the open data catalogue", "the customer contact review", "the search index",
)  # fmt: skip
DID = (
    "ran a workshop on", "paired with {person} on", "tidied up the backlog for",
    "wrote up the findings from", "sketched a new journey for", "reviewed changes to",
    "spoke to five residents about", "fixed a stubborn bug in", "presented a show and tell on",
    "met the supplier about", "tested paper prototypes of", "migrated old content for",
    "drafted the next quarter's plan for", "sat in on support calls about",
)  # fmt: skip
BECAUSE = (
    "It took longer than planned, mostly because the old spreadsheet had three"
    " different ideas of what an address is.",
    "We found two journeys that nobody owns, which explains a lot of the complaints.",
    "The team asked good questions and we left with a shorter list than we came in with.",
    "{person} spotted a problem with the wording that would have confused most people.",
    "Most of the time went on understanding the data rather than changing anything.",
    "It was the first time the whole team had looked at the same picture of the service.",
    "The prototype was rough, but rough was enough to get honest reactions.",
    "We agreed to try it for two weeks and then decide whether to keep it.",
)
WENT_WELL = (
    "The show and tell was well attended and {person} asked exactly the right question.",
    "Pairing with {person} made a fiddly job quick, and I learnt a couple of shortcuts.",
    "Residents were generous with their time; every conversation changed something.",
    "We shipped the change on Wednesday and nobody noticed, which is the best outcome.",
    "Our retro was honest and short, and we came out with two things to try.",
    "The new checklist caught a problem before it reached anyone outside the team.",
    "{person} and I finally agreed on the names for things, so the docs read better.",
)
LEARNING = (
    "how to write acceptance criteria that testers can actually use",
    "that small prototypes get better feedback than long documents",
    "to wait a little longer after someone answers a question",
    "how our hosting bill is worked out, line by line",
    "the difference between a service standard and a service pattern",
    "to write the headline of a report first",
    "how screen reader users move through a long form",
    "that estimates are more useful as ranges than as numbers",
    "how to read a contract schedule without falling asleep",
    "to ask 'what would make this easier?' instead of 'what is wrong?'",
    "how to use `git bisect` to find when a bug arrived",
    "that a **plain English** summary helps senior people more than a chart",
)
NEXT = (
    "Next week I am on leave on Monday, then back to {project}.",
    "Next week: more interviews, and a first go at the survey with {person}.",
    "Next week we present the findings to the service manager.",
)
TITLE_OPENERS = (
    "Thinking about", "Notes on", "A week of", "Getting to grips with", "Small steps on",
    "Listening to people about", "Untangling", "Learning from", "Back to", "Tidying",
)  # fmt: skip
TITLE_ENDINGS = (
    "", " and taking time to listen", " and a lot of biscuits", " with the whole team",
    ", slowly", " before the deadline", " and what comes next", " in the open",
)  # fmt: skip
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60">'
    '<rect width="120" height="60" fill="#e0f2f1"/>'
    '<path d="M10 50 L40 30 L70 38 L110 10" stroke="#00796b" stroke-width="4" fill="none"/>'
    "</svg>\n"
)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: str
    favourites: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    """One note before its text is written."""

    path: str  # relative to the notes folder
    date: datetime.date
    authors: tuple[Person, ...]
    themes: tuple[str, ...]
    title: str
    summary: bool
    learning: bool
    next_week: bool


def make_people(rng: random.Random, count: int, themes: list[str]) -> list[Person]:
    people: list[Person] = []
    seen: set[str] = set()
    for index in range(count):
        first = FIRST_NAMES[index % len(FIRST_NAMES)]
        last = rng.choice(LAST_NAMES)
        ident = first.lower() if index < len(FIRST_NAMES) else f"{first.lower()}{index}"
        assert ident not in seen
        seen.add(ident)
        favourites = tuple(rng.sample(themes, min(len(themes), rng.randint(4, 6))))
        people.append(Person(ident, f"{first} {last}", rng.choice(ROLES), favourites))
    return people


def make_themes(count: int) -> list[str]:
    """`count` theme labels; past the built-in list, numbered variants."""
    return [
        THEMES[i % len(THEMES)] + ("" if i < len(THEMES) else f" {i // len(THEMES) + 1}")
        for i in range(count)
    ]


def plan_notes(
    rng: random.Random, count: int, people: list[Person], themes: list[str]
) -> list[Plan]:
    """Week by week, each person writes with some chance, until there are `count` notes."""
    plans: list[Plan] = []
    titles: set[tuple[datetime.date, str]] = set()
    week = FIRST_WEEK
    while len(plans) < count:
        writers = [p for p in people if rng.random() < 0.85]
        resting = [p for p in people if p not in writers]
        for person in writers:
            if len(plans) == count:
                break
            authors: tuple[Person, ...] = (person,)
            if resting and rng.random() < 0.05:  # now and then a co-written note
                authors = (person, resting.pop(rng.randrange(len(resting))))
            day = week + datetime.timedelta(days=rng.choice((4, 4, 4, 3, 2)))
            pool = person.favourites if rng.random() < 0.8 else tuple(themes)
            chosen = rng.sample(pool, rng.randint(1, min(3, len(pool))))
            title = make_title(rng, chosen[0])
            while (day, title) in titles:  # Material's blog makes URLs from date and title
                title = make_title(rng, chosen[0])
            titles.add((day, title))
            plans.append(
                Plan(
                    path=f"{day.year}/{day.isoformat()}-{person.id}.md",
                    date=day,
                    authors=authors,
                    themes=tuple(chosen),
                    title=title,
                    summary=rng.random() < 0.3,
                    learning=rng.random() < 0.85,
                    next_week=rng.random() < 0.4,
                )
            )
        week += datetime.timedelta(days=7)
    return plans


def make_title(rng: random.Random, theme: str) -> str:
    return f"{rng.choice(TITLE_OPENERS)} {theme.lower()}{rng.choice(TITLE_ENDINGS)}"


def fill(rng: random.Random, text: str, people: list[Person]) -> str:
    return text.format(person=rng.choice(people).name.split()[0], project=rng.choice(PROJECTS))


def did_sentence(rng: random.Random, people: list[Person]) -> str:
    action = fill(rng, rng.choice(DID), people)
    return f"I {action} {rng.choice(PROJECTS)}. " + fill(rng, rng.choice(BECAUSE), people)


def note_text(rng: random.Random, plan: Plan, link: str | None, people: list[Person]) -> str:
    front = [
        "---",
        f"title: {json.dumps(plan.title)}",
        f"date: {plan.date.isoformat()}",
        f"authors: [{', '.join(p.id for p in plan.authors)}]",
        f"categories: [{', '.join(plan.themes)}]",
    ]
    if plan.summary:
        front.append(f"summary: {json.dumps(did_sentence(rng, people).split('. ')[0] + '.')}")
    front.append("---")
    body = ["", "## What I did", ""]
    body.append(" ".join(did_sentence(rng, people) for _ in range(rng.randint(3, 4))))
    body.append("")
    body += [f"- {fill(rng, rng.choice(DID), people)} {rng.choice(PROJECTS)}" for _ in range(3)]
    body += ["", "## What went well", "", fill(rng, rng.choice(WENT_WELL), people)]
    body.append(" ".join(fill(rng, rng.choice(BECAUSE), people) for _ in range(2)))
    if plan.learning:
        body += ["", "## Something I'm learning", ""]
        body.append(f"This week I have been learning {rng.choice(LEARNING)}.")
        body.append("")
        body += [f"- {item}" for item in rng.sample(LEARNING, rng.randint(2, 4))]
        if link:
            body.append(f"- more on this in [another note]({link})")
        body += ["", "![A sketch of the week](../images/sketch.svg)"]
    elif link:
        body += ["", f"This follows on from [another note]({link})."]
    if plan.next_week:
        body += ["", "## Next week", "", fill(rng, rng.choice(NEXT), people)]
    return "\n".join(front + body) + "\n"


def write_site(root: Path, notes: int, people: int = 20, themes: int = 40, seed: int = 1) -> None:
    """Replace `root` with a fresh site; refuses a folder it did not make."""
    if root.exists():
        if not (root / MARKER).is_file():
            raise SystemExit(f"{root} exists and was not made by this script; not touching it")
        shutil.rmtree(root)
    rng = random.Random(seed)
    labels = make_themes(themes)
    team = make_people(rng, people, labels)
    plans = plan_notes(rng, notes, team, labels)
    docs = root / "docs"
    posts = docs / NOTES_DIR
    (posts / "images").mkdir(parents=True)
    write(root / MARKER, f"notes={notes} people={people} themes={themes} seed={seed}\n")
    write(posts / "images" / "sketch.svg", SVG)
    write(docs / "index.md", "# Our team\n\nWhat we do, how we work, and our weeknotes.\n")
    write(docs / "about.md", "# About the team\n\n" + did_sentence(rng, team) + "\n")
    write(docs / "blog" / "index.md", "# Blog\n")
    authors = ["authors:"]
    for person in team:
        authors += [
            f"  {person.id}:",
            f"    name: {person.name}",
            f"    description: {person.role}",
            f"    avatar: https://avatars.example.org/{person.id}.png",
        ]
    write(docs / AUTHORS_FILE, "\n".join(authors) + "\n")
    previous: dict[str, str] = {}
    for index, plan in enumerate(plans):
        own = previous.get(plan.authors[0].id)
        other = plans[index + 1].path if index + 1 < len(plans) else None
        target = own or other
        write(posts / plan.path, note_text(rng, plan, f"../{target}" if target else None, team))
        previous[plan.authors[0].id] = plan.path
    for name, plugins in CONFIGS.items():
        write(root / f"{name}.yml", config_text(name, notes, plugins))


CONFIGS = {
    "floor": "",
    "weeknotes": (
        "  - weeknotes:\n"
        f"      notes_dir: {NOTES_DIR}\n"
        f"      authors_file: {AUTHORS_FILE}\n"
        "      theme_keys: [categories]\n"
    ),
    "blog": "  - blog:\n      blog_dir: blog\n",
}
CONFIGS["weeknotes-own-nav"] = CONFIGS["weeknotes"]
# Material draws the whole navigation on every page: this variant shows what the
# automatic Weeknotes section costs, against one link a site places itself.
OWN_NAV = f"nav:\n  - index.md\n  - Weeknotes: {NOTES_DIR}/index.md\n"


def config_text(name: str, notes: int, plugins: str) -> str:
    return (
        f"# Written by benchmarks/generate.py: the {name} variant.\n"
        f"site_name: Synthetic team, {notes} notes\n"
        # Deployed team sites have one; with it the weeknotes plugin writes its feeds.
        "site_url: https://team.example.org/\n"
        "docs_dir: docs\n"
        "theme:\n"
        "  name: material\n"
        "not_in_nav: |\n"
        f"  /{NOTES_DIR}/\n"
        "markdown_extensions:\n"
        "  - admonition\n"
        "  - attr_list\n"
        "  - toc:\n"
        "      permalink: true\n" + (OWN_NAV if name.endswith("own-nav") else "") + "plugins:\n"
        "  - search\n" + plugins
    )


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="the site folder to (re)create")
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--people", type=int, default=20)
    parser.add_argument("--themes", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_site(args.root, args.notes, args.people, args.themes, args.seed)
    print(f"wrote {args.notes} notes to {args.root}")


if __name__ == "__main__":
    main()
