#!/usr/bin/env python3
"""check-live-update.py BUILD_SITE — `build-site serve`'s live reload in headless Chromium, on a copy of the microsite.

Two tabs are open: an event page, scrolled down, and the About page, each with a mark set on its `window`.
  1. An edit of the event's body must appear in the event page's <main> without a reload (the mark stays)
     and at the same scroll position, while the About page, not among the changed pages, does nothing.
  2. An edit of the event's title changes the page's <head> too: the event page must reload (the mark is
     gone) and show the new title.
No console error is allowed. The copy lives in a temporary folder; the repository is not touched.
Exit status: 0 when it works, 1 when it does not, 2 when the check itself could not run.
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ci_venv  # noqa: E402

ci_venv.ensure_selenium()
import browser  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INPUTS = ["site.yml", "content", "templates", "static", "data", "ledger", "editions", "i18n"]
failures = []


def expect(condition, message):
    print(("  ok    " if condition else "  FAIL  ") + message)
    if not condition:
        failures.append(message)


def wait_for(driver, script, timeout=15.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            value = driver.execute_script("return " + script)
        except Exception:  # the page is reloading
            value = None
        if value:
            return value
        time.sleep(0.05)
    return None


def main():
    if len(sys.argv) != 2 or not os.access(sys.argv[1], os.X_OK):
        print(__doc__, file=sys.stderr)
        return 2
    browser.time_limit(300)
    root = tempfile.mkdtemp(prefix="live-update-")
    server = None
    driver = None
    try:
        for name in INPUTS:
            source = os.path.join(REPO, name)
            if os.path.isdir(source):
                shutil.copytree(source, os.path.join(root, name))
            elif os.path.exists(source):
                shutil.copy(source, os.path.join(root, name))
        timeline = os.path.join(root, "content", "timeline")
        event = sorted(n for n in os.listdir(timeline) if n.endswith(".md") and not n.startswith("_"))[0]
        path = os.path.join(timeline, event)
        slug = event[:-3]
        server = subprocess.Popen([sys.argv[1], "serve", "--root", root, "--port", "0"], stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True)
        match = re.match(r"Serving at (http://127\.0\.0\.1:\d+/)", server.stdout.readline())
        if not match:
            print("the server did not start", file=sys.stderr)
            return 2
        base = match.group(1)
        driver = browser.start_browser()
        driver.set_window_size(1280, 400)
        driver.get(base + "about/")
        about = driver.current_window_handle
        driver.execute_script("window.__mark = 'about'")
        driver.switch_to.new_window("tab")
        driver.get(base + "timeline/%s/" % slug)
        page = driver.current_window_handle
        driver.get_log("browser")
        driver.execute_script("window.__mark = 'event'; window.scrollTo({ top: 300, behavior: 'instant' })")
        scrolled = driver.execute_script("return window.scrollY")
        print("event page %s, scrolled to %s" % (driver.current_url, scrolled))

        with open(path, encoding="utf-8") as f:
            original = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(original.rstrip("\n") + "\n\nLive update probe paragraph.\n")
        shown = wait_for(driver, "document.querySelector('main').textContent.includes('Live update probe paragraph')")
        expect(bool(shown), "an edited body appears in the event page's <main>")
        expect(driver.execute_script("return window.__mark") == "event", "without a reload (the page's mark stays)")
        expect(driver.execute_script("return window.scrollY") == scrolled, "at the same scroll position (%s)" % scrolled)
        driver.switch_to.window(about)
        time.sleep(0.5)
        expect(driver.execute_script("return window.__mark") == "about", "the About page, unchanged, did not reload")
        driver.switch_to.window(page)

        edited = re.sub(r"^title: .*$", 'title: "Live update probe title"', original, count=1, flags=re.M)
        with open(path, "w", encoding="utf-8") as f:
            f.write(edited)
        shown = wait_for(driver, "document.title.includes('Live update probe title')")
        expect(bool(shown), "an edited title appears in the page's <title>")
        expect(driver.execute_script("return window.__mark") is None, "by a full reload (the head changed)")
        errors = [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        expect(not errors, "no console errors" + ("" if not errors else ": " + "; ".join(errors[:3])))
    finally:
        if driver:
            driver.quit()
        if server:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(root, ignore_errors=True)
    if failures:
        print("%d failed" % len(failures))
        return 1
    print("live update works")
    return 0


if __name__ == "__main__":
    sys.exit(main())
