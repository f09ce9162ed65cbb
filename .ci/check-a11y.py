#!/usr/bin/env python3
"""check-a11y.py SITE_DIR [--widths 1280,390] [--dark-widths 1280] [--axe FILE] [--json OUT] — accessibility and console check.

Opens every .html page of SITE_DIR in headless Chromium at each width (390 px is emulated as a phone), and
the 404 page at a missing address deep in the site, served as a host serves it (host.py), and once more in the dark colour scheme (prefers-color-scheme: dark, at 1280 px by default),
runs axe-core 4.x on it (the axe.min.js shipped in PyPI axe-playwright-python), and reads the browser
console. Fails on any `serious` or `critical` axe violation and on any console error (SEVERE entry),
including a request the offline browser could not make: the site must be self-contained.
Prints one summary line per page and width, with the details of whatever fails.
Exit status: 0 when clean, 1 on findings, 2 when the check itself could not run.
"""
import argparse
import json
import os
import sys
import time
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ci_venv  # noqa: E402

ci_venv.ensure_selenium()
import browser  # noqa: E402

FAILING = ("critical", "serious")
MISSING = "no-such-page/at/any/depth/"  # an address the site does not have (see main)
IMPACTS = ("critical", "serious", "moderate", "minor")
RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']})
   .then(r => done({version: axe.version, violations: r.violations}), e => done({error: String(e)}));
"""


def html_pages(site):
    found = []
    for folder, _, names in os.walk(site):
        found += [os.path.relpath(os.path.join(folder, n), site) for n in names if n.endswith(".html")]
    return sorted(found)


def default_axe():
    path = os.path.join(ci_venv.site_packages(), "axe_playwright_python", "axe.min.js")
    return path if os.path.exists(path) else None


def check_page(driver, url, axe_source):
    """Loads `url`, returns (axe version, violations, console entries)."""
    driver.get_log("browser")  # drop what earlier pages left
    driver.get(url)
    time.sleep(0.05)  # let scripts run after load and log
    driver.execute_script(axe_source)
    result = driver.execute_async_script(RUN_AXE)
    if "error" in result:
        raise RuntimeError("axe failed on %s: %s" % (url, result["error"]))
    return result["version"], result["violations"], driver.get_log("browser")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("--widths", default="1280,390", help="comma-separated viewport widths in CSS px")
    parser.add_argument("--dark-widths", default="1280",
                        help="widths at which every page is checked again with prefers-color-scheme: dark")
    parser.add_argument("--axe", default=os.environ.get("AXE_JS") or default_axe())
    parser.add_argument("--json", help="write every result (all impacts, all console entries) here")
    parser.add_argument("--max-seconds", type=int, default=900)
    args = parser.parse_args()
    passes = [(int(w), "light") for w in args.widths.split(",") if w.strip()]
    passes += [(int(w), "dark") for w in args.dark_widths.split(",") if w.strip()]
    if not os.path.isdir(args.site):
        print("check-a11y: not a directory: %s" % args.site, file=sys.stderr)
        return 2
    if not args.axe or not os.path.isfile(args.axe):
        print("check-a11y: axe.min.js not found (run .ci/install-deps.sh)", file=sys.stderr)
        return 2
    pages = html_pages(args.site)
    if not pages:
        print("check-a11y: no .html page under %s" % args.site, file=sys.stderr)
        return 2
    if "404.html" in pages:
        # A host serves the 404 page at whatever address was missing: check it where readers meet it, deep
        # in the site, where links written only for the site's root would fail to load its stylesheet.
        pages.append(MISSING)
    with open(args.axe, encoding="utf-8") as f:
        axe_source = f.read()

    browser.time_limit(args.max_seconds)
    started = time.time()
    failures, report, axe_version = 0, {}, "?"
    totals = dict.fromkeys(IMPACTS, 0)
    console_errors = 0
    driver = None
    with browser.serve(args.site) as base:
        try:
            driver = browser.start_browser()
            for width, scheme in passes:
                browser.set_viewport(driver, width)
                browser.set_color_scheme(driver, scheme)
                for page in pages:
                    url = base + quote(page.replace(os.sep, "/"))
                    axe_version, violations, console = check_page(driver, url, axe_source)
                    report["%s@%d-%s" % (page, width, scheme)] = {"violations": violations, "console": console}
                    counts = dict.fromkeys(IMPACTS, 0)
                    details = []
                    for v in violations:
                        impact = v.get("impact") or "minor"
                        counts[impact] += 1
                        totals[impact] += 1
                        if impact in FAILING:
                            targets = "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:3])
                            details.append("    axe %s: %s — %s (%d element%s: %s)" % (
                                impact, v["id"], v["help"], len(v["nodes"]),
                                "" if len(v["nodes"]) == 1 else "s", targets))
                    errors = [e for e in console if e.get("level") == "SEVERE"
                              # the 404 status of the missing address itself is the point, not a fault
                              and not (page == MISSING and e.get("message", "").startswith(url + " "))]
                    console_errors += len(errors)
                    for e in errors:
                        message = e.get("message", "")
                        hint = " (add <link rel=\"icon\">?)" if "favicon.ico" in message else ""
                        details.append("    console error: %s%s" % (message[:400], hint))
                    bad = bool(details)
                    failures += bad
                    print("%s %-48s @%4dpx %-5s serious+critical %d, moderate %d, minor %d, console errors %d" % (
                        "FAIL" if bad else "ok  ", page, width, scheme, counts["critical"] + counts["serious"],
                        counts["moderate"], counts["minor"], len(errors)))
                    for line in details:
                        print(line)
        finally:
            if driver is not None:
                driver.quit()
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=1)
    print("check-a11y: %d pages x %d passes (width/colour scheme), axe-core %s: critical %d, serious %d, moderate %d, minor %d; "
          "console errors %d; %d failing; %.1fs" % (
              len(pages), len(passes), axe_version, totals["critical"], totals["serious"],
              totals["moderate"], totals["minor"], console_errors, failures, time.time() - started))
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SystemExit:
        raise
    except Exception as exc:  # the harness broke: that is not a finding about the site
        print("check-a11y: harness error: %s: %s" % (type(exc).__name__, str(exc).splitlines()[0] if str(exc) else ""), file=sys.stderr)
        sys.exit(2)
