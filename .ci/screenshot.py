#!/usr/bin/env python3
"""screenshot.py SITE_DIR OUT_DIR PAGE=NAME [PAGE=NAME ...] [--widths 1280,390] [--max-height 2400]

Serves SITE_DIR on 127.0.0.1 and saves, for each PAGE (a path under SITE_DIR such as `timeline/index.html`)
and each width, a PNG of the page from its top (as tall as the page, cut at --max-height) to
OUT_DIR/NAME-WIDTH.png. Widths under 600 px are emulated as a phone. Used for the README.
"""
import argparse
import base64
import os
import sys
import time
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ci_venv  # noqa: E402

ci_venv.ensure_selenium()
import browser  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("out")
    parser.add_argument("pages", nargs="+", help="PATH=NAME, e.g. index.html=home")
    parser.add_argument("--widths", default="1280,390")
    parser.add_argument("--max-height", type=int, default=2400)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    browser.time_limit(300)
    driver = None
    with browser.serve(args.site) as base:
        try:
            driver = browser.start_browser(console_log=False)
            for spec in args.pages:
                page, _, name = spec.partition("=")
                if not os.path.isfile(os.path.join(args.site, page)):
                    print("screenshot: no such page: %s" % page, file=sys.stderr)
                    return 2
                for width in (int(w) for w in args.widths.split(",")):
                    metrics = browser.set_viewport(driver, width)
                    driver.get(base + quote(page))
                    time.sleep(0.3)
                    height = driver.execute_script(
                        "return Math.ceil(document.documentElement.scrollHeight)")
                    browser.set_viewport(driver, width, max(metrics["height"], min(height, args.max_height)))
                    time.sleep(0.2)
                    png = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
                    target = os.path.join(args.out, "%s-%d.png" % (name or "page", width))
                    with open(target, "wb") as f:
                        f.write(base64.b64decode(png))
                    print("screenshot: %s at %d px -> %s" % (page, width, target))
        finally:
            if driver is not None:
                driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
