#!/usr/bin/env python3
"""make-corpus.py --seed S --events N --profiles P --out DIR [--hugo DIR] [--bodies DIR] — benchmark corpus.

Writes a site folder for build-site (site.yml, content/, and a copy of the repository's own templates/ and
static/) whose files use the same front-matter schema as the real microsite: timeline events (title, date
at year, month or day precision, summary, people, organizations, sources), people profiles (title, role,
summary, organizations, sources, ties), organization profiles (title, kind, summary, sources), one source,
list pages and an about page. Bodies are 2-4 KB of Markdown: paragraphs with emphasis and relative `.md`
links to existing profiles and events, lists, blockquotes, footnotes, a heading or two, and a GFM table
in about one page in five.

--hugo DIR writes the equivalent minimal Hugo site for the same corpus (same bodies, YAML front matter,
people/organizations/sources as taxonomies so that a profile lists its events, a render hook that resolves
the `.md` links), and --bodies DIR writes the bare bodies, concatenated into one file per core, for the
cmark-gfm floor. The output depends only on the arguments: the same seed gives the same bytes.
"""
import argparse
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

WORDS = """
able account across action adviser agreement ahead almost already although among announce answer anyone
appear approach argue around artificial ask attempt attention audience authority available away back
balance bank base battle become before begin behind believe benefit best better between beyond bid
billion board bold break brief bring budget build business buyer call campaign capital career carry case
cause center certain chair chance change charity chief claim clear close company compute condition
contract control cost could council country course court critic culture danger data deal debate decade
decide demand deploy design detail develop direct director discuss dispute draft early effort elect
emerge employee engineer enough enter equity event evidence expand expect experience explain factor fail
family federal figure file final finance focus follow force former found founder friend fund future
government grant group growth hearing help history hold idea impact include increase industry influence
interest invest investor issue join judge keep laboratory launch lawsuit lawyer leader learn leave legal
letter level limit local long machine major manage market matter meeting member memo message method
million mission model money month motion move nation network news nonprofit notice offer office open
order outside owner partner party people period plan policy political position power president press
pressure private problem process product profit program project promise public purpose question quickly
raise reach reason record reform release report research resource response result return review rival
role round rule safety scale science second secure senior series server share shift side signal simple
small source space speak staff stake start statement step strategy structure study success suggest
support system talent team technology term test thought threat today together trial trust turn value
venture version view vote warning week while within without work world write year
""".split()

FIRST = """Ada Ben Chen Dana Eli Farah Gus Hana Ivan Jia Kofi Lena Marco Nia Omar Priya Quinn Rosa Sven Tara
Umar Vera Wei Xena Yuki Zane""".split()
LAST = """Abbott Brandt Castillo Duarte Eklund Fischer Garcia Haddad Ito Jensen Kowalski Lindqvist Moreau
Nakamura Okafor Petrov Quispe Rahman Santos Tanaka Ueda Vargas Weber Xu Yilmaz Zhou""".split()
ORG_WORDS = "Axis Beacon Cobalt Delta Ember Forge Granite Harbor Ion Juniper Keystone Lumen Meridian Nova".split()
ORG_KINDS = ["Company", "Laboratory", "Investment firm", "Government body", "Project", "Nonprofit"]
ROLES = ["Co-founder", "Investor", "Chief executive", "Board member", "Lawyer", "Engineer", "Adviser", "Official"]
TIE_KINDS = ["co-founder", "ally", "rival", "investor", "partner", "mentor", "friend"]
SOURCE = "benchmark-report"

SITE_YML = """title: Benchmark corpus
description: "A generated corpus with the microsite's schema, for measuring build speed."
language: en
base_url: "https://example.org/"
home: /
nav:
  - title: Story
    url: /
  - title: Timeline
    url: /timeline/
  - title: People
    url: /people/
  - title: About
    url: /about/
collections:
  timeline:
    title: Timeline
    sort_by: date
    order: asc
    required: [title, date, summary, sources]
    feed: true
  people:
    title: People
    sort_by: title
    required: [title, summary, sources]
  organizations:
    title: Organizations
    sort_by: title
    required: [title, summary, sources]
  sources:
    title: Sources
    sort_by: title
    required: [title, publisher, language]
"""


def yaml_str(text):
    """A double-quoted YAML (and TOML-compatible) string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_list(items):
    return "[" + ", ".join(items) + "]"


class Corpus:
    """The whole corpus as plain data, drawn from one seeded generator so that it is reproducible."""

    def __init__(self, seed, events, profiles):
        self.rng = random.Random(seed)
        orgs = max(1, profiles // 4) if profiles > 1 else 0
        people = max(2, profiles - orgs)
        self.people = self._people(people)
        self.orgs = self._orgs(orgs)
        self.events = self._events(events)
        for person in self.people:
            person["organizations"] = sorted(self.rng.sample(self.org_slugs(), min(2, len(self.orgs))))
            person["ties"] = self._ties(person["slug"])
        for org in self.orgs:
            org["people"] = sorted(p["slug"] for p in self.people if org["slug"] in p["organizations"])
        self._bodies()

    def org_slugs(self):
        return [o["slug"] for o in self.orgs]

    def _people(self, count):
        names = ["Elon Musk", "Sam Altman"]  # the templates give these two their own timeline lanes
        seen = set(names)
        while len(names) < count:
            name = "%s %s" % (self.rng.choice(FIRST), self.rng.choice(LAST))
            if name in seen:
                name = "%s %s-%d" % (name.split()[0], name.split()[1], len(names))
            seen.add(name)
            names.append(name)
        return [{"slug": n.lower().replace(" ", "-"), "title": n, "role": self.rng.choice(ROLES),
                 "summary": self.sentence(12, 22)} for n in names]

    def _orgs(self, count):
        out = []
        for i in range(count):
            name = "%s %s" % (self.rng.choice(ORG_WORDS), self.rng.choice(["Labs", "Capital", "Systems", "Group"]))
            slug = "%s-%d" % (name.lower().replace(" ", "-"), i + 1)
            out.append({"slug": slug, "title": "%s %d" % (name, i + 1), "kind": self.rng.choice(ORG_KINDS),
                        "summary": self.sentence(12, 22)})
        return out

    def _events(self, count):
        out = []
        for i in range(count):
            year = self.rng.randint(1995, 2025)
            roll = self.rng.random()
            if roll < 0.2:
                date, precision = "%d" % year, "year"
            elif roll < 0.5:
                date, precision = "%d-%02d" % (year, self.rng.randint(1, 12)), "month"
            else:
                date, precision = "%d-%02d-%02d" % (year, self.rng.randint(1, 12), self.rng.randint(1, 28)), "day"
            people = set(self.rng.sample([p["slug"] for p in self.people[2:]] or ["elon-musk"],
                                         min(self.rng.randint(0, 3), max(0, len(self.people) - 2))))
            if self.rng.random() < 0.4:
                people.add("elon-musk")
            if self.rng.random() < 0.4 or not people:
                people.add("sam-altman")
            orgs = self.rng.sample(self.org_slugs(), min(self.rng.randint(0, 2), len(self.orgs)))
            words = self.rng.sample(WORDS, 3)
            label = "Early %d" % year if precision == "year" and self.rng.random() < 0.2 else None
            out.append({"label": label, "slug": "e%05d-%s" % (i + 1, "-".join(words)),
                        "title": ("%s %s %s" % tuple(words)).capitalize() + " (%d)" % (i + 1),
                        "date": date, "precision": precision, "summary": self.sentence(14, 26),
                        "people": sorted(people), "organizations": sorted(orgs)})
        return out

    def _ties(self, slug):
        ties = []
        for _ in range(self.rng.randint(1, 3)):
            if self.orgs and self.rng.random() < 0.3:
                ties.append(("organizations", self.rng.choice(self.org_slugs()), self.rng.choice(TIE_KINDS)))
            else:
                other = self.rng.choice(self.people)["slug"]
                if other != slug:
                    ties.append(("people", other, self.rng.choice(TIE_KINDS)))
        return ties

    # Markdown ----------------------------------------------------------------------------------------

    def sentence(self, low=8, high=20):
        words = [self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high))]
        return " ".join(words).capitalize() + "."

    def _link(self, here):
        """A relative .md link from a page in collection `here` to an existing profile or event."""
        r = self.rng.random()
        if r < 0.6:
            p = self.rng.choice(self.people)
            target, text = ("../people/%s.md" % p["slug"]), p["title"]
        elif r < 0.8 and self.orgs:
            o = self.rng.choice(self.orgs)
            target, text = ("../organizations/%s.md" % o["slug"]), o["title"]
        else:
            e = self.rng.choice(self.events)
            target, text = ("../timeline/%s.md" % e["slug"]), e["title"]
        if target.startswith("../%s/" % here):
            target = target[len("../%s/" % here):]
        return "[%s](%s)" % (text, target)

    def _paragraph(self, here, notes):
        parts = []
        for _ in range(self.rng.randint(3, 6)):
            s = self.sentence()
            words = s.split(" ")
            roll = self.rng.random()
            if roll < 0.3:
                k = self.rng.randrange(len(words) - 1)
                words[k] = "*%s*" % words[k]
            elif roll < 0.45:
                k = self.rng.randrange(len(words) - 1)
                words[k] = "**%s**" % words[k]
            if self.rng.random() < 0.4:
                words.insert(self.rng.randrange(1, len(words)), self._link(here))
            if self.rng.random() < 0.12:
                notes.append(self.sentence(6, 14))
                words[-1] = words[-1] + "[^%d]" % len(notes)
            parts.append(" ".join(words))
        return " ".join(parts)

    def _table(self):
        rows = ["| Year | Amount | What it refers to |", "| ---: | ---: | --- |"]
        for _ in range(self.rng.randint(3, 6)):
            rows.append("| %d | $%d million | %s |" % (self.rng.randint(1995, 2025), self.rng.randint(1, 999),
                                                     self.sentence(3, 7)))
        return "\n".join(rows)

    def _list(self, here):
        ordered = self.rng.random() < 0.4
        items = []
        for i in range(self.rng.randint(3, 5)):
            text = self.sentence(4, 12)
            if self.rng.random() < 0.3:
                text += " See " + self._link(here) + "."
            items.append(("%d. " % (i + 1) if ordered else "- ") + text)
        return "\n".join(items)

    def body(self, here):
        """2-4 KB of Markdown: blocks are added up to a random target, and one that would pass 4 KB is dropped."""
        target = self.rng.randint(2048, 3800)
        notes, blocks = [], []
        headings = 0
        table = here == "timeline" and self.rng.random() < 0.2
        size = 300 if table else 0  # room for the table, placed at the end
        while size < target:
            roll = self.rng.random()
            if blocks and roll < 0.12 and headings < 3 and not blocks[-1].startswith("#"):
                headings += 1
                block = "## %s %d" % (self.sentence(2, 5).rstrip("."), headings)
            elif blocks and roll < 0.25:
                block = self._list(here)
            elif blocks and roll < 0.33:
                block = "> " + self.sentence(10, 25) + "\n>\n> — " + self.rng.choice(self.people)["title"]
            elif blocks and table and roll < 0.45:
                table = False
                block = self._table()
            else:
                before = len(notes)
                block = self._paragraph(here, notes)
                if size >= 2048 and size + len(block) > 3950:
                    del notes[before:]
                    break
            if size >= 2048 and size + len(block) > 3950:
                break
            blocks.append(block)
            size += len(block) + 2 + sum(len(n) + 8 for n in notes[len(notes) - block.count("[^"):])
        if table:
            blocks.insert(len(blocks) // 2, self._table())
        blocks += ["[^%d]: %s" % (i + 1, n) for i, n in enumerate(notes)]
        return "\n\n".join(blocks) + "\n"

    def _bodies(self):
        for e in self.events:
            e["body"] = self.body("timeline")
        for p in self.people:
            p["body"] = self.body("people")
        for o in self.orgs:
            o["body"] = self.body("organizations")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def front(lines):
    return "---\n" + "\n".join(lines) + "\n---\n"


def eras(corpus):
    """Three labelled date spans over the corpus's years, like the real timeline's partners/split/rivals."""
    years = sorted(int(e["date"][:4]) for e in corpus.events) or [2000]
    a, b = years[0], years[-1]
    third = max(1, (b - a) // 3)
    return [("partners", "Partners", a, a + third), ("split", "The split", a + third + 1, a + 2 * third),
            ("rivals", "Rivals", a + 2 * third + 1, max(b, a + 2 * third + 1))]


def era_of(date, spans):
    year = int(date[:4])
    return next((ident for ident, _, start, end in spans if start <= year <= end), spans[-1][0])


def write_ours(corpus, out, source_repo):
    """The build-site corpus: site.yml, content/, and the repository's templates/ and static/."""
    if os.path.exists(out):
        shutil.rmtree(out)
    c = os.path.join(out, "content")
    write(os.path.join(out, "site.yml"), SITE_YML)
    write(os.path.join(c, "index.md"), front(["title: Benchmark corpus",
                                              "summary: " + yaml_str(corpus.sentence(10, 20))])
          + "\n".join("- [%s](timeline/%s.md)" % (e["title"], e["slug"]) for e in corpus.events[:20]) + "\n")
    # The top-level pages the microsite's templates link to, as plain pages.
    for name, title in (("about", "About this corpus"), ("compare", "Compared"), ("numbers", "By the numbers"),
                        ("404", "Page not found")):
        write(os.path.join(c, name + ".md"), front(["title: " + yaml_str(title),
                                                    "summary: " + yaml_str(corpus.sentence(10, 20))])
              + "Generated by `Benchmarks/make-corpus.py`. Back to the [story](index.md) or the "
                "[timeline](timeline/_index.md).\n")
    spans = eras(corpus)
    era_lines = ["eras:"]
    for ident, title, start, end in spans:
        era_lines += ["  - id: %s" % ident, "    title: %s" % title, "    start: %d" % start, "    end: %d" % end,
                      "    summary: " + yaml_str(corpus.sentence(10, 20))]
    write(os.path.join(c, "timeline", "_index.md"),
          front(["title: Timeline", "summary: " + yaml_str(corpus.sentence(8, 16))] + era_lines)
          + corpus.sentence(20, 40) + "\n")
    for name, title in (("people", "People"), ("organizations", "Organizations"), ("sources", "Sources")):
        write(os.path.join(c, name, "_index.md"),
              front(["title: " + title, "summary: " + yaml_str(corpus.sentence(8, 16))]) + corpus.sentence(20, 40) + "\n")
    write(os.path.join(c, "sources", SOURCE + ".md"),
          front(["title: " + yaml_str("A generated report"), "publisher: The Benchmark Journal", "date: 2025-02",
                 "language: en", "link: " + yaml_str("https://example.org/report"),
                 "summary: " + yaml_str("The one source every generated page cites.")])
          + "The source of every page in this corpus.\n")
    for e in corpus.events:
        lines = ["title: " + yaml_str(e["title"]), "date: " + e["date"]]
        if e["label"]:
            lines.append("date_label: " + yaml_str(e["label"]))
        lines += ["era: " + era_of(e["date"], spans),
                  "summary: " + yaml_str(e["summary"]), "people: " + yaml_list(e["people"]),
                  "organizations: " + yaml_list(e["organizations"]), "sources: [%s]" % SOURCE]
        write(os.path.join(c, "timeline", e["slug"] + ".md"), front(lines) + e["body"])
    for p in corpus.people:
        lines = ["title: " + yaml_str(p["title"]), "role: " + yaml_str(p["role"]),
                 "summary: " + yaml_str(p["summary"]), "organizations: " + yaml_list(p["organizations"]),
                 "sources: [%s]" % SOURCE, "ties:"]
        for collection, slug, kind in p["ties"]:
            lines += ["  - %s: [%s]" % (collection, slug), "    kind: %s" % kind]
        if not p["ties"]:
            lines[-1] = "ties: []"
        write(os.path.join(c, "people", p["slug"] + ".md"), front(lines) + p["body"])
    for o in corpus.orgs:
        lines = ["title: " + yaml_str(o["title"]), "kind: " + yaml_str(o["kind"]),
                 "summary: " + yaml_str(o["summary"]), "people: " + yaml_list(o["people"]),
                 "sources: [%s]" % SOURCE]
        write(os.path.join(c, "organizations", o["slug"] + ".md"), front(lines) + o["body"])
    for folder in ("templates", "static"):
        src = os.path.join(source_repo, folder)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(out, folder))
    # The templates print their words through t(): the corpus is in English, so it takes i18n/en.yml only.
    strings = os.path.join(source_repo, "i18n", "en.yml")
    if os.path.isfile(strings):
        os.makedirs(os.path.join(out, "i18n"), exist_ok=True)
        shutil.copy(strings, os.path.join(out, "i18n", "en.yml"))


def write_bodies(corpus, out, chunks):
    """The bare Markdown bodies, concatenated into `chunks` files, for the cmark-gfm floor."""
    if os.path.exists(out):
        shutil.rmtree(out)
    bodies = [x["body"] for x in corpus.events + corpus.people + corpus.orgs]
    for k in range(chunks):
        write(os.path.join(out, "chunk-%d.md" % k), "\n".join(bodies[k::chunks]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--profiles", type=int, default=200)
    parser.add_argument("--out", required=True, help="the build-site corpus folder (replaced)")
    parser.add_argument("--hugo", help="also write the equivalent Hugo site here (replaced)")
    parser.add_argument("--hugo-cheapest", help="also write Hugo's cheapest site for it here (pages only; replaced)")
    parser.add_argument("--bodies", help="also write the bare bodies here, for the cmark-gfm floor (replaced)")
    parser.add_argument("--chunks", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--templates-from", default=REPO, help="where templates/ and static/ are copied from")
    args = parser.parse_args()
    if args.events < 1 or args.profiles < 2:
        parser.error("need at least 1 event and 2 profiles")
    corpus = Corpus(args.seed, args.events, args.profiles)
    write_ours(corpus, args.out, args.templates_from)
    if args.hugo:
        sys.path.insert(0, HERE)
        import hugo_site  # noqa: E402  (next to this file)
        hugo_site.write(corpus, args.hugo, SOURCE, eras(corpus), args.templates_from)
    if args.hugo_cheapest:
        sys.path.insert(0, HERE)
        import hugo_site  # noqa: E402
        hugo_site.write_cheapest(corpus, args.hugo_cheapest, SOURCE, eras(corpus), args.templates_from)
    if args.bodies:
        write_bodies(corpus, args.bodies, max(1, args.chunks))
    pages = len(corpus.events) + len(corpus.people) + len(corpus.orgs)
    print("corpus: %d events, %d people, %d organizations (%d content pages) -> %s" % (
        len(corpus.events), len(corpus.people), len(corpus.orgs), pages, args.out))


if __name__ == "__main__":
    main()
