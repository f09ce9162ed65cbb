"""Headless Chromium for the site checks (check-a11y.py, screenshot.py).

The site is served from a thread of the calling process on 127.0.0.1 (so the server cannot outlive the
check), and the browser is kept off the network: every host name fails to resolve except 127.0.0.1, and
everything that is not loopback goes to a dead proxy. A page that asks for an external font or script
therefore shows a console error, which the a11y check counts: the site must be self-contained.
"""
import contextlib
import http.server
import os
import signal
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import host  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

# Debian's /usr/bin/chromium is a shell wrapper; the real binary sits next to its libraries.
CHROMIUM = os.environ.get("CHROMIUM_BIN") or next(
    (p for p in ("/usr/lib/chromium/chromium", "/usr/bin/chromium") if os.path.exists(p)), "chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

PHONE_WIDTH_LIMIT = 600  # narrower viewports are emulated as a touch phone


@contextlib.contextmanager
def serve(folder):
    """Serves `folder` on 127.0.0.1 at a free port as a static host would (`host.py`: under the site's base
    path, with its own 404 page for any missing address); yields the site's URL, ending in '/'."""
    handler = host.handler(folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield "http://127.0.0.1:%d%s" % (server.server_address[1], host.base_path(folder))
    finally:
        server.shutdown()
        server.server_close()


def start_browser(console_log=True):
    """A headless Chromium driven through Debian's chromedriver, offline except for 127.0.0.1."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--proxy-server=http://127.0.0.1:9",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--no-first-run", "--disable-default-apps"):
        options.add_argument(arg)
    if console_log:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def set_viewport(driver, width, height=None):
    """Emulates a viewport `width` CSS pixels wide; under 600 px as a phone (touch, mobile layout)."""
    phone = width < PHONE_WIDTH_LIMIT
    metrics = {"width": width, "height": height or (844 if phone else 900),
               "deviceScaleFactor": 1, "mobile": phone}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": phone})
    return metrics


def time_limit(seconds):
    """Stops the script after `seconds` (and on SIGTERM/SIGINT) through SystemExit, so `finally:` runs."""
    def stop(signum, _frame):
        print("stopped by signal %d (limit %ds)" % (signum, seconds), file=sys.stderr)
        raise SystemExit(2)
    for sig in (signal.SIGALRM, signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, stop)
    signal.alarm(int(seconds))


def set_color_scheme(driver, scheme):
    """Emulates `prefers-color-scheme: light|dark` for the pages loaded from now on."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
