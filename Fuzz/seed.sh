#!/usr/bin/env bash
# Fuzz/seed.sh — fills Fuzz/corpus/<target>/ with seed inputs copied from the test fixtures and the site.
# The corpora are generated, never committed (Fuzz/.gitignore); run again any time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=Fuzz/corpus
rm -rf "$out"
mkdir -p "$out/FuzzFrontMatter" "$out/FuzzMarkdown" "$out/FuzzTemplates"

# copy_each DEST FILE...: one seed per file, named by a hash so that equal files collapse.
copy_each() {
  local dest="$1"; shift
  local file
  for file in "$@"; do
    [ -f "$file" ] || continue
    [ "$(stat -c %s "$file")" -le 65536 ] || continue   # small seeds mutate faster
    cp "$file" "$dest/$(sha1sum "$file" | cut -c1-16)"
  done
}

mapfile -t markdown < <(find content Tests/ContentTests/Fixtures Tests/CLITests/Fixtures Tests/SiteTests/Fixtures \
  -type f -name '*.md' 2>/dev/null | sort)
mapfile -t templates < <(find templates Tests/CLITests/Fixtures Tests/SiteTests/Fixtures \
  -type f -name '*.html' 2>/dev/null | sort)

copy_each "$out/FuzzFrontMatter" "${markdown[@]}"
# The Markdown fuzzer reads its first byte as options: prefix each body with 0x01 (raw HTML on).
for file in "${markdown[@]}"; do
  [ "$(stat -c %s "$file")" -le 65536 ] || continue
  { printf '\001'; cat "$file"; } > "$out/FuzzMarkdown/$(sha1sum "$file" | cut -c1-16)"
done
copy_each "$out/FuzzTemplates" "${templates[@]}"
# A few multi-template seeds in the fuzzer's own format: main, base and partials cut by '===='.
printf '{%% extends "base.html" %%}{%% block b %%}{{ page.title | upper }}{{ super() }}{%% endblock %%}\n====\n<t>{%% block b %%}base{%% endblock %%}</t>{%% include "partials/a.html" %%}\n====\n{%% for p in page.people %%}{{ loop.index }} {{ p.title }}{%% endfor %%}\n====\n{%% macro m(x, y=2) %%}{{ x ~ y }}{%% endmacro %%}\n' \
  > "$out/FuzzTemplates/inheritance"
printf '{%% import "partials/b.html" as b %%}{{ b.m(page.count) }}{%% set xs = page.numbers | select("odd") | list %%}{{ xs | join(",") }}{{ page | tojson if false else page.title | e }}\n====\n\n====\n\n====\n{%% macro m(x) %%}[{{ x * 2 }}]{%% endmacro %%}\n' \
  > "$out/FuzzTemplates/imports"
for target in FuzzFrontMatter FuzzMarkdown FuzzTemplates; do
  echo "$target: $(find "$out/$target" -type f | wc -l) seeds"
done
