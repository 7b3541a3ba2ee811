"""Speed of the web page in headless Chromium, for scripts/bench-web: per
page its size, the time to load (the Performance API's navigation entry:
loadEventEnd), the time until the page is whole (its script has made the
last agenda row: the root loses `data-drawing`), and from a click on a
theme button to the next frame drawn (requestAnimationFrame, then a task
after it), the median of several clicks on the whole page. Prints one table
row per page."""
import os
import statistics
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def browser():
    o = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        o.add_argument(a)
    o.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)


CLICK = """
var done = arguments[arguments.length - 1];
var b = document.querySelectorAll('.theme-toggle')[arguments[0]];
var t0 = performance.now();
b.click();
requestAnimationFrame(function () { setTimeout(function () { done(performance.now() - t0); }, 0); });
"""

WHOLE = """
var done = arguments[arguments.length - 1];
(function wait() {
  if (document.documentElement.hasAttribute('data-drawing')) setTimeout(wait, 5);
  else done(performance.now());
})();
"""

d = browser()
try:
    print(f"{'page':40} {'size (MB)':>10} {'load (ms)':>10} {'whole (ms)':>11} {'click→frame (ms)':>17}")
    for page in sys.argv[1:]:
        loads = []
        wholes = []
        clicks = []
        for _ in range(3):
            d.get("file://" + os.path.abspath(page))
            d.set_script_timeout(60)
            wholes.append(d.execute_async_script(WHOLE))
            loads.append(d.execute_script("return performance.getEntriesByType('navigation')[0].loadEventEnd"))
            for i in range(3):
                clicks.append(d.execute_async_script(CLICK, i % 2))
        size = os.path.getsize(page) / 1e6
        print(f"{os.path.basename(page):40} {size:10.2f} {min(loads):10.0f} {min(wholes):11.0f} "
              f"{statistics.median(clicks):17.1f}")
finally:
    d.quit()
