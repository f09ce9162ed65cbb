#!/usr/bin/env bash
# readme-quickstart.sh — run the README's Quick start exactly as a reader would: the first ```sh block under
# "## Quick start", line by line, with `sudo ` left out when already root (as the README says).
# So the commands the README shows are the ones CI runs; an edit that breaks them breaks CI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
script="$(awk '/^## Quick start/{q=1} q && /^```sh$/{b=1; next} b && /^```$/{exit} b{print}' README.md)"
[ -n "$script" ] || { echo "readme-quickstart: no \`\`\`sh block under '## Quick start' in README.md" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] && script="${script//sudo /}"
printf '%s\n' "--- README.md's Quick start, as run:" "$script" "---"
bash -euo pipefail -c "$script"
