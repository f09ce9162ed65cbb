#!/usr/bin/env python3
"""check-search.py SITE_DIR [--query Altman] [--cjk 马斯克] — the site's search, keyboard only, in headless Chromium.

Served as a host serves it (host.py) and once more opened from disk (file://), the search page must: hide its
no-JavaScript note; take a query typed into the focused search box; list results whose first link is a page
with the query in its title; announce the count in its live region (role=status); move focus to the first
result with the Down arrow and open it with Enter. From another page, the header's search box must lead to
the search page with the results shown. A query in Chinese must find pages by their bigrams. Any console
error fails the check (the browser is offline except for 127.0.0.1).
Exit status: 0 when it works, 1 when it does not, 2 when the check itself could not run.
"""
import argparse
import os
import pathlib
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ci_venv  # noqa: E402

ci_venv.ensure_selenium()
import browser  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

failures = []


def expect(condition, message):
    print(("  ok    " if condition else "  FAIL  ") + message)
    if not condition:
        failures.append(message)


def wait_for(driver, script, timeout=10.0):
    """Polls `script` (a JS expression) until it is truthy; returns its value or None."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = driver.execute_script("return " + script)
        if value:
            return value
        time.sleep(0.05)
    return None


def errors(driver):
    return [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def search_page(driver, url, query, label):
    print("%s: %s" % (label, url))
    driver.get_log("browser")
    driver.get(url)
    box = driver.find_element(By.CSS_SELECTOR, "form[data-search-form] input[type=search]")
    expect(not driver.find_element(By.CSS_SELECTOR, "[data-search-nojs]").is_displayed(),
           "the no-JavaScript note is hidden once the script runs")
    # Keyboard only: Tab from the top of the page until the search box has focus.
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    for _ in range(40):
        if driver.switch_to.active_element == box:
            break
        driver.switch_to.active_element.send_keys(Keys.TAB)
    expect(driver.switch_to.active_element == box, "the search box is reachable with Tab")
    started = time.monotonic()
    box.send_keys(query)
    count = wait_for(driver, "document.querySelectorAll('[data-search-results] li a').length")
    elapsed = time.monotonic() - started
    expect(bool(count), "typing %r lists results (%s, %.0f ms after typing began)" % (query, count, elapsed * 1000))
    status = driver.find_element(By.CSS_SELECTOR, "[data-search-status]")
    expect(status.get_attribute("role") == "status" and query in status.text,
           "the live region announces them: %r" % status.text)
    if not count:
        return
    first = driver.find_element(By.CSS_SELECTOR, "[data-search-results] li a")
    expect(query.lower() in first.text.lower(), "the first result has the query in its title: %r" % first.text)
    box.send_keys(Keys.ARROW_DOWN)
    expect(driver.switch_to.active_element == first, "the Down arrow moves focus to the first result")
    href = first.get_attribute("href")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait_for(driver, "document.readyState === 'complete' && location.href !== %r" % url)
    expect(driver.current_url.rstrip("/").split("/")[-1] == href.rstrip("/").split("/")[-1],
           "Enter opens it: %s" % driver.current_url)
    found = errors(driver)
    expect(not found, "no console errors" + ("" if not found else ": %s" % found))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("--query", default="Altman")
    parser.add_argument("--title-query", default="Stargate", help="a word in a page title, which must rank first")
    parser.add_argument("--cjk", default="马斯克")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.site, "search", "index.html")):
        print("check-search: no search page at %s/search/index.html" % args.site, file=sys.stderr)
        return 2
    browser.time_limit(240)
    driver = browser.start_browser()
    try:
        with browser.serve(args.site) as root:
            search_page(driver, root + "search/", args.query, "served")
            # The header's box on another page, keyboard only: type, Enter, results on the search page.
            print("header box: %sabout/" % root)
            driver.get(root + "about/")
            box = driver.find_element(By.CSS_SELECTOR, ".site-search input[type=search]")
            box.send_keys(args.title_query + Keys.ENTER)
            count = wait_for(driver, "document.querySelectorAll('[data-search-results] li a').length")
            expect(bool(count) and "search/" in driver.current_url, "Enter in the header's box shows results on the search page")
            if count:
                first = driver.find_element(By.CSS_SELECTOR, "[data-search-results] li a").text
                expect(args.title_query.lower() in first.lower(), "a title hit ranks first: %r" % first)
            driver.get(root + "search/?q=" + args.cjk)
            count = wait_for(driver, "document.querySelectorAll('[data-search-results] li a').length")
            expect(bool(count), "a Chinese query (%s) finds pages: %s" % (args.cjk, count))
            if os.path.isfile(os.path.join(args.site, "zh", "search", "index.html")):
                # The Chinese edition's own index, announced in its own words (data-msg-* from i18n/zh.yml).
                print("zh search: %szh/search/" % root)
                driver.get(root + "zh/search/?q=" + args.cjk)
                count = wait_for(driver, "document.querySelectorAll('[data-search-results] li a').length")
                status = driver.find_element(By.CSS_SELECTOR, "[data-search-status]").text
                expect(bool(count) and args.cjk in status and "match" not in status,
                       "the Chinese search page finds pages and announces them in Chinese: %r" % status)
                hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "[data-search-results] li a")]
                expect(all("/zh/" in href for href in hrefs), "its results are Chinese pages: %s" % hrefs[:3])
            driver.get(root + "search/?q=%C3%A0LTM%C3%84N")
            count = wait_for(driver, "document.querySelectorAll('[data-search-results] li a').length")
            expect(bool(count), "accents and case are ignored (àLTMÄN): %s" % count)
        search_page(driver, pathlib.Path(os.path.abspath(args.site), "search", "index.html").as_uri(), args.query,
                    "from disk")
    finally:
        driver.quit()
    if failures:
        print("check-search: %d problem(s)" % len(failures))
        return 1
    print("check-search: search works, keyboard only, served and from disk")
    return 0


if __name__ == "__main__":
    sys.exit(main())
