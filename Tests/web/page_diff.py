"""Whether two builds' pages look the same (issue 28: the example plan's page
unchanged in looks), for scripts/bench-web --against: each page in headless
Chromium at 1280 and 390 px, light and dark, as a screenshot of the whole
page; the two compared pixel by pixel in the browser (a canvas reads both
PNGs, so nothing beyond Selenium is needed). A pixel differs when a channel
differs by more than 48 of 255 (antialiasing moves edges by less). Prints
the share of differing pixels per case and writes the screenshots to DIR to
look at by eye; exits 1 when a case is over the threshold (default 0.05 %:
the ends of dashes drawn along a circle instead of arcs move 0.02 %, a
heading's words changed move 0.12 %).

    python3 Tests/web/page_diff.py OLD.html NEW.html DIR [--threshold 0.05]
"""
import base64
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

COMPARE = """
var done = arguments[2];
function load(src) {
  return new Promise(function (ok) { var i = new Image(); i.onload = function () { ok(i); }; i.src = src; });
}
Promise.all([load(arguments[0]), load(arguments[1])]).then(function (im) {
  var w = Math.max(im[0].width, im[1].width), h = Math.max(im[0].height, im[1].height);
  function pixels(i) {
    var c = document.createElement('canvas'); c.width = w; c.height = h;
    var x = c.getContext('2d'); x.fillStyle = '#ff00ff'; x.fillRect(0, 0, w, h); x.drawImage(i, 0, 0);
    return x.getImageData(0, 0, w, h).data;
  }
  var a = pixels(im[0]), b = pixels(im[1]), differ = 0;
  for (var k = 0; k < a.length; k += 4) {
    if (Math.abs(a[k] - b[k]) > 48 || Math.abs(a[k + 1] - b[k + 1]) > 48 || Math.abs(a[k + 2] - b[k + 2]) > 48) differ++;
  }
  done([differ, w * h, im[0].height, im[1].height]);
});
"""


def browser(width):
    o = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              f"--window-size={width},900", "--hide-scrollbars"]:
        o.add_argument(a)
    o.binary_location = "/usr/bin/chromium"
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.width = width
    return d


def shot(d, page, dark):
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": d.width, "height": 900, "deviceScaleFactor": 1, "mobile": d.width < 500})
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
        {"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
    d.get("file://" + os.path.abspath(page))
    # The page says when its script has drawn everything (older pages have no such mark).
    d.set_script_timeout(60)
    d.execute_async_script(
        "var done = arguments[0], t0 = Date.now();"
        "(function wait() { var r = document.documentElement;"
        " if (!r.hasAttribute('data-drawing') || Date.now() - t0 > 30000) done(); else setTimeout(wait, 20); })();")
    # Everything drawn, also what a browser lays out only when seen.
    d.execute_async_script("var done = arguments[0], s = document.createElement('style');"
                           "s.textContent = '* { content-visibility: visible !important; }';"
                           "document.head.appendChild(s); document.documentElement.scrollHeight;"
                           "requestAnimationFrame(function () { requestAnimationFrame(function () { done(); }); });")
    # (A browser draws no screenshot much taller than this: a long plan's top is compared.)
    height = min(16000, d.execute_script("return document.documentElement.scrollHeight"))
    # (Chromium's window is at least 500 px wide: a phone's width is set on the page.)
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": d.width, "height": height, "deviceScaleFactor": 1, "mobile": d.width < 500})
    png = d.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
    d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return "data:image/png;base64," + png


def main():
    args = sys.argv[1:]
    threshold = 0.05
    if "--threshold" in args:
        i = args.index("--threshold")
        threshold = float(args[i + 1])
        del args[i:i + 2]
    old, new, out = args
    os.makedirs(out, exist_ok=True)
    worst = 0.0
    for width in (1280, 390):
        d = browser(width)
        try:
            for dark in (False, True):
                a, b = shot(d, old, dark), shot(d, new, dark)
                d.get("about:blank")
                differ, total, ha, hb = d.execute_async_script(COMPARE, a, b)
                name = f"{width}-{'dark' if dark else 'light'}"
                for tag, data in (("old", a), ("new", b)):
                    with open(os.path.join(out, f"{name}-{tag}.png"), "wb") as f:
                        f.write(base64.b64decode(data.split(",", 1)[1]))
                share = 100.0 * differ / total
                worst = max(worst, share)
                print(f"{name:12} {share:6.3f} % of {total} pixels differ (heights {ha} and {hb})")
        finally:
            d.quit()
    print(f"worst {worst:.3f} % (threshold {threshold} %)")
    sys.exit(0 if worst <= threshold else 1)


main()
