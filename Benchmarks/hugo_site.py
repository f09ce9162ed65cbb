"""The Hugo side of the benchmark: the same corpus as a minimal Hugo site (used by make-corpus.py --hugo).

It renders what the microsite's templates render, in Hugo's most efficient idiom: people, organizations
and sources are taxonomies, so a profile (a term page, with its text in content/<taxonomy>/<slug>/_index.md)
lists its events without scanning every page; the timeline is a section listed by year; a render hook
resolves the relative `.md` links to page URLs (and fails the build on a broken one, as build-site does);
URLs are made relative (relativeURLs) because build-site writes relative links. Hugo also writes its
sitemap, robots.txt, an RSS feed of the home page and a 404 page, like build-site's sitemap, robots,
Atom feed and 404.

`write_cheapest` writes a second Hugo site, Hugo's cheapest configuration for the same content: only the
pages (events, the home page, the section lists), with `disableKinds` turning off taxonomy and term pages,
feeds, the sitemap, robots.txt and the 404 page, absolute URLs (no `relativeURLs` pass over every page),
and a render hook that rewrites `.md` links by text instead of looking pages up. It does less than
build-site does; the README gives the ratio against it as well as against the equal-work site.
"""
import os
import shutil

HUGO_TOML = """baseURL = "https://example.org/"
locale = "en"
title = "Benchmark corpus"
relativeURLs = true
enableRobotsTXT = true
disableHugoGeneratorInject = true

[params]
  description = "A generated corpus with the microsite's schema, for measuring build speed."

[taxonomies]
  person = "people"
  organization = "organizations"
  source = "sources"

[outputs]
  home = ["html", "rss"]
  section = ["html"]
  taxonomy = ["html"]
  term = ["html"]
  page = ["html"]

[markup.goldmark.renderer]
  unsafe = true

[markup.tableOfContents]
  startLevel = 2
  endLevel = 3
"""

LAYOUTS = {
    "baseof.html": """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<meta name="description" content="{{ .Params.summary | default site.Params.description }}">
<meta property="og:title" content="{{ .Title }}">
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
<link rel="alternate" type="application/rss+xml" href="{{ "index.xml" | relURL }}">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header><nav aria-label="Main"><ul>
<li><a href="{{ "/" | relURL }}">{{ site.Title }}</a></li>
<li><a href="{{ "timeline/" | relURL }}">Timeline</a></li>
<li><a href="{{ "people/" | relURL }}">People</a></li>
<li><a href="{{ "organizations/" | relURL }}">Organizations</a></li>
<li><a href="{{ "about/" | relURL }}">About</a></li>
</ul></nav></header>
{{ if not .IsHome }}<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="{{ "/" | relURL }}">Home</a></li>{{ with .Parent }}{{ if not .IsHome }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}<li><span aria-current="page">{{ .Title }}</span></li></ol></nav>{{ end }}
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer><p>{{ site.Title }} — {{ site.Params.description }}</p><ul><li><a href="{{ "sources/" | relURL }}">Sources</a></li><li><a href="{{ "about/" | relURL }}">About</a></li></ul></footer>
</body>
</html>
""",
    "_partials/date.html": """{{- $p := .Params.precision -}}
<time datetime="{{ if eq $p "year" }}{{ .Date.Format "2006" }}{{ else if eq $p "month" }}{{ .Date.Format "2006-01" }}{{ else }}{{ .Date.Format "2006-01-02" }}{{ end }}">
{{- with .Params.date_label }}{{ . }}{{ else }}{{ if eq $p "year" }}{{ .Date.Format "2006" }}{{ else if eq $p "month" }}{{ .Date.Format "January 2006" }}{{ else }}{{ .Date.Format "2 January 2006" }}{{ end }}{{ end -}}
</time>
{{- /**/ -}}
""",
    "_partials/refs.html": """{{- range $i, $t := . }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end -}}
""",
    "_partials/event-item.html": """<li class="event" id="event-{{ .File.ContentBaseName }}">
<p class="event__date">{{ partial "date.html" . }}</p>
<h3 class="event__title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
<p class="event__summary">{{ .Params.summary }}</p>
{{ with .GetTerms "people" }}<p class="event__people">With {{ partial "refs.html" . }}</p>{{ end }}
</li>
""",
    "home.html": """{{ define "main" }}
<h1>{{ site.Title }}</h1>
{{ .Content }}
<h2>Latest events</h2>
<ol>{{ range first 20 (where site.RegularPages "Section" "timeline").ByDate.Reverse }}{{ partial "event-item.html" . }}{{ end }}</ol>
{{ end }}
""",
    "page.html": """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{ if .Params.precision }}<p class="date">{{ partial "date.html" . }}</p>{{ end }}
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ with .GetTerms "people" }}<ul class="chips">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ with .GetTerms "organizations" }}<ul class="chips">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ with .TableOfContents }}<nav class="toc" aria-label="Contents">{{ . }}</nav>{{ end }}
{{ .Content }}
{{ with .GetTerms "sources" }}<section class="citations"><h2 id="sources-heading">Sources</h2><ol>{{ range $i, $s := . }}<li id="source-{{ add $i 1 }}"><cite><a href="{{ $s.RelPermalink }}">{{ $s.Title }}</a></cite>{{ with $s.Params.publisher }}, {{ . }}{{ end }}</li>{{ end }}</ol></section>{{ end }}
<nav class="prev-next">{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</article>
{{ end }}
""",
    "section.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ range .Pages.ByDate.GroupByDate "2006" "asc" }}
<section><h2 id="year-{{ .Key }}">{{ .Key }}</h2>
<ol class="events">{{ range .Pages.ByDate }}{{ partial "event-item.html" . }}{{ end }}</ol></section>
{{ end }}
{{ end }}
""",
    "taxonomy.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul class="cards">{{ range .Data.Terms.Alphabetical }}
<li class="card"><h2><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></h2>
{{ with .Page.Params.role }}<p>{{ . }}</p>{{ else }}{{ with .Page.Params.kind }}<p>{{ . }}</p>{{ end }}{{ end }}
<p>{{ .Page.Params.summary }}</p><p><a href="{{ .Page.RelPermalink }}#events">{{ .Count }} events</a></p></li>
{{ end }}</ul>
{{ end }}
""",
    "term.html": """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{ with .Params.role }}<p class="role">{{ . }}</p>{{ end }}{{ with .Params.kind }}<p class="role">{{ . }}</p>{{ end }}
<p class="summary">{{ .Params.summary }}</p>
{{ with .Params.ties }}<ul class="ties">{{ range . }}<li>{{ .kind }}
{{ range .people }}{{ with site.GetPage (printf "/people/%s" .) }} <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}
{{ range .organizations }}{{ with site.GetPage (printf "/organizations/%s" .) }} <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}</li>{{ end }}</ul>{{ end }}
{{ .Content }}
<h2 id="events">Events</h2>
<ol class="events">{{ range .Pages.ByDate }}{{ partial "event-item.html" . }}{{ end }}</ol>
</article>
{{ end }}
""",
    "404.html": """{{ define "main" }}<h1>Page not found</h1><p><a href="{{ "/" | relURL }}">Home</a></p>{{ end }}
""",
    # Relative links between content files (`../people/x.md`) become the target page's URL, as build-site does.
    "_markup/render-link.html": """{{- $dest := .Destination -}}
{{- $u := urls.Parse .Destination -}}
{{- if and (not $u.IsAbs) (strings.HasSuffix $u.Path ".md") -}}
  {{- $path := strings.TrimSuffix ".md" $u.Path -}}
  {{- if strings.HasPrefix $path "../" -}}
    {{- $path = strings.TrimPrefix "../" $path -}}
  {{- else if .PageInner.Section -}}
    {{- $path = printf "%s/%s" .PageInner.Section $path -}}
  {{- end -}}
  {{- $path = strings.TrimSuffix "_index" $path | strings.TrimSuffix "/" -}}
  {{- if eq $path "index" }}{{ $path = "" }}{{ end -}}
  {{- with site.GetPage (printf "/%s" $path) -}}
    {{- $dest = .RelPermalink -}}
  {{- else -}}
    {{- errorf "%s: broken link %q" $.PageInner.File.Path $.Destination -}}
  {{- end -}}
  {{- with $u.Fragment }}{{ $dest = printf "%s#%s" $dest . }}{{ end -}}
{{- end -}}
<a href="{{ $dest | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text }}</a>
{{- /**/ -}}
""",
}


def _front(pairs):
    return "---\n" + "\n".join("%s: %s" % kv for kv in pairs) + "\n---\n"


def _q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _list(items):
    return "[" + ", ".join(items) + "]"


def _full_date(date):
    """Hugo wants a full date; the precision goes in its own parameter."""
    parts = date.split("-") + ["01", "01"]
    return "-".join(parts[:3])


def _write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def write(corpus, out, source_slug, eras, static_from):
    if os.path.exists(out):
        shutil.rmtree(out)
    _write(os.path.join(out, "hugo.toml"), HUGO_TOML)
    for name, text in LAYOUTS.items():
        _write(os.path.join(out, "layouts", name), text)
    c = os.path.join(out, "content")
    _write(os.path.join(c, "_index.md"), _front([("title", "Benchmark corpus")])
           + "\n".join("- [%s](timeline/%s.md)" % (e["title"], e["slug"]) for e in corpus.events[:20]) + "\n")
    for name, title in (("about", "About this corpus"), ("compare", "Compared"), ("numbers", "By the numbers")):
        _write(os.path.join(c, name + ".md"), _front([("title", _q(title))])
               + "Generated by `Benchmarks/make-corpus.py`. Back to the [story](index.md) or the "
                 "[timeline](timeline/_index.md).\n")
    era_yaml = "\n" + "\n".join("  - id: %s\n    title: %s\n    start: %d\n    end: %d" % e for e in eras)
    for name, title in (("timeline", "Timeline"), ("people", "People"), ("organizations", "Organizations"),
                        ("sources", "Sources")):
        extra = [("eras", era_yaml)] if name == "timeline" else []
        _write(os.path.join(c, name, "_index.md"), _front([("title", title)] + extra) + "The %s.\n" % name)
    _write(os.path.join(c, "sources", source_slug, "_index.md"),
           _front([("title", _q("A generated report")), ("publisher", "The Benchmark Journal"),
                   ("language", "en"), ("source_url", _q("https://example.org/report")),
                   ("summary", _q("The one source every generated page cites."))])
           + "The source of every page in this corpus.\n")
    for e in corpus.events:
        pairs = [("title", _q(e["title"])), ("date", _full_date(e["date"])), ("precision", e["precision"])]
        if e["label"]:
            pairs.append(("date_label", _q(e["label"])))
        pairs += [("era", next((i for i, _, a, b in eras if a <= int(e["date"][:4]) <= b), eras[-1][0])),
                  ("summary", _q(e["summary"])), ("people", _list(e["people"])),
                  ("organizations", _list(e["organizations"])), ("sources", "[%s]" % source_slug)]
        _write(os.path.join(c, "timeline", e["slug"] + ".md"), _front(pairs) + e["body"])
    for p in corpus.people:
        ties = "".join("\n  - %s: [%s]\n    kind: %s" % t for t in p["ties"]) or "[]"
        pairs = [("title", _q(p["title"])), ("role", _q(p["role"])), ("summary", _q(p["summary"])),
                 ("member_of", _list(p["organizations"])), ("cited", "[%s]" % source_slug), ("ties", ties)]
        _write(os.path.join(c, "people", p["slug"], "_index.md"), _front(pairs) + p["body"])
    for o in corpus.orgs:
        pairs = [("title", _q(o["title"])), ("kind", _q(o["kind"])), ("summary", _q(o["summary"])),
                 ("members", _list(o["people"])), ("cited", "[%s]" % source_slug)]
        _write(os.path.join(c, "organizations", o["slug"], "_index.md"), _front(pairs) + o["body"])
    static = os.path.join(static_from, "static")
    if os.path.isdir(static):
        shutil.copytree(static, os.path.join(out, "static"))


CHEAPEST_TOML = """baseURL = "https://example.org/"
locale = "en"
title = "Benchmark corpus"
disableHugoGeneratorInject = true
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]

[params]
  description = "A generated corpus with the microsite's schema, for measuring build speed."

[taxonomies]
  person = "people"
  organization = "organizations"
  source = "sources"

[markup.goldmark.renderer]
  unsafe = true

[markup.tableOfContents]
  startLevel = 2
  endLevel = 3
"""

# `.md` links become the page's address by text: with term pages off, a lookup of a profile would fail.
CHEAPEST_LINK_HOOK = """{{- $dest := .Destination -}}
{{- if strings.Contains $dest ".md" -}}
  {{- $dest = replace (replace $dest "_index.md" "") ".md" "/" -}}
{{- end -}}
<a href="{{ $dest | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text }}</a>
{{- /**/ -}}
"""


def write_cheapest(corpus, out, source_slug, eras, static_from):
    """The same content with Hugo's cheapest configuration (see the module's docstring)."""
    write(corpus, out, source_slug, eras, static_from)
    _write(os.path.join(out, "hugo.toml"), CHEAPEST_TOML)
    _write(os.path.join(out, "layouts", "_markup", "render-link.html"), CHEAPEST_LINK_HOOK)
    for name in ("taxonomy.html", "term.html", "404.html"):
        os.remove(os.path.join(out, "layouts", name))

