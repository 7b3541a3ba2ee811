"""The web page as the region's web team and a keyboard or screen-reader
user meet it, in headless Chromium driven by Selenium:

  axe     PAGE AXE_JS [--pairwise]  axe-core (wcag2a/aa, wcag21a/aa, wcag22aa,
                                 best-practice) at 1280 and 390 px, light and
                                 dark, with and without the first theme hidden
                                 (--pairwise: each of these once, in two runs)
  keys    PAGE                   Tab reaches the wheel, the arrows walk a ring
                                 and move between rings, Enter goes to the
                                 agenda, focus is always visible
  names   PAGE                   Chromium's accessibility tree names every arc
                                 with its title, dates, theme and status
  noscript PAGE                  without its script every agenda row is there
  motion  PAGE                   nothing moves under prefers-reduced-motion
  contrast PAGE                  what axe-core cannot decide, from the page's
                                 own computed colours in both modes: text
                                 4.5:1, arcs 3:1 against their ring over
                                 either month shade, the focus ring 3:1

Prints one line per finding and a closing 'N passed, N failed' line; exits 1
when anything failed.
"""
import json
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

passed = 0
failed = 0


def report(ok, name, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name}" + (f": {detail}" if detail else ""))


def narrow(d, width, height):
    """Chromium's window is at least 500 px wide, whatever --window-size
    says: a phone's width is set on the page itself."""
    if width < 500:
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                          {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})


def browser(width=1280, height=900):
    o = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              f"--window-size={width},{height}"]:
        o.add_argument(a)
    o.binary_location = "/usr/bin/chromium"
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    narrow(d, width, height)
    # axe-core on a page of 20,000 activities (by hand) runs longer than Selenium's 120 s.
    d.command_executor.client_config.timeout = 3600
    return d


def scheme(d, dark, reduced=False):
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
        {"name": "prefers-color-scheme", "value": "dark" if dark else "light"},
        {"name": "prefers-reduced-motion", "value": "reduce" if reduced else "no-preference"}]})


def whole(d):
    """Waits until the page's script has made every agenda row (the root loses
    data-drawing); fails the run if that never happens."""
    d.set_script_timeout(120)
    ok = d.execute_async_script(
        "var done = arguments[0], t0 = Date.now();"
        "(function wait() { if (!document.documentElement.hasAttribute('data-drawing')) done(true);"
        " else if (Date.now() - t0 > 100000) done(false); else setTimeout(wait, 20); })();")
    if not ok:
        report(False, "the page's script makes its agenda rows within 100 s")


def get(d, url):
    d.get(url)
    whole(d)


def first_theme(d):
    return d.execute_script("var b = document.querySelector('.theme-toggle'); return b && b.getAttribute('data-theme');")


ALL = [(w, dark, hide) for w in (1280, 390) for dark in (False, True) for hide in (False, True)]
# Every value of each setting at least once, in two runs: axe-core takes
# about 50 s a run on 2,000 activities here (its colour-contrast rule reads
# every table cell), so the whole matrix (8 runs) is for a run by hand.
PAIRWISE = [(1280, False, False), (390, True, True)]


def axe(page, axe_js, configs):
    source = open(axe_js, encoding="utf-8").read()
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
    for width in sorted({c[0] for c in configs}, reverse=True):
        d = browser(width)
        try:
            for (_, dark, hide) in [c for c in configs if c[0] == width]:
                get(d, "file://" + page)
                scheme(d, dark)
                if hide:
                    t = first_theme(d)
                    d.get("file://" + page + "#hide=" + t)
                    d.refresh()
                    whole(d)
                    scheme(d, dark)
                d.execute_script(source)
                d.set_script_timeout(300)
                result = d.execute_async_script(
                    "var done = arguments[arguments.length - 1];"
                    "axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})"
                    ".then(function (r) { done(JSON.stringify(r.violations.map(function (v) {"
                    " return {id: v.id, impact: v.impact, n: v.nodes.length,"
                    " first: v.nodes[0] && v.nodes[0].target.join(' ')}; }))); });" % json.dumps(tags))
                violations = json.loads(result)
                name = f"axe-core: no violation at {width} px, {'dark' if dark else 'light'}" + \
                    (", a theme hidden" if hide else "")
                report(not violations, name, "; ".join(
                    f"{v['id']} ({v['impact']}, {v['n']}×, e.g. {v['first']})" for v in violations))
        finally:
            d.quit()


def keys(page):
    d = browser()
    try:
        get(d, "file://" + page)
        # The pointer over an arc: a hover ring drawn on top, and its words beside the wheel.
        arc = d.execute_script(
            "var a = document.querySelectorAll('.ring .arc'); return a[a.length - 1];")
        ActionChains(d).move_to_element(arc).perform()
        hovered = d.execute_script("return document.querySelectorAll('.hover-ring path').length")
        report(hovered == 1, "the pointer over an arc draws its hover ring on top", f"{hovered} paths")
        hovered = d.find_element(By.ID, "tip").text
        report(bool(hovered), "and its words beside the wheel", hovered)
        body = d.find_element(By.TAG_NAME, "body")
        # Tab from the top until an arc has the focus.
        reached = False
        for _ in range(40):
            body = d.switch_to.active_element
            body.send_keys(Keys.TAB)
            el = d.switch_to.active_element
            if "arc" in (el.get_attribute("class") or "").split():
                reached = True
                break
        report(reached, "Tab reaches the wheel's arcs")
        if not reached:
            return
        first = d.execute_script("return '#w-' + document.activeElement.getAttribute('data-w')")
        tabbable = d.execute_script(
            "return document.querySelectorAll('.arc[tabindex=\"0\"], .mark[tabindex=\"0\"]').length")
        report(tabbable == 1, "one arc is in the tab order (the arrows do the rest)", f"{tabbable} are")
        def outline():
            return d.execute_script(
                "var p = document.activeElement, r = document.querySelectorAll('.focus-ring path');"
                "return r.length === 3 && r[0].getAttribute('d') === p.getAttribute('d') &&"
                " getComputedStyle(r[0]).stroke === getComputedStyle(document.documentElement).getPropertyValue('--focus').trim()"
                " .replace(/^#(..)(..)(..)$/, function (m, a, b, c) {"
                "  return 'rgb(' + parseInt(a, 16) + ', ' + parseInt(b, 16) + ', ' + parseInt(c, 16) + ')'; });")
        report(outline(), "the focused arc has a focus ring round it")
        ring = lambda: d.execute_script("return document.activeElement.closest('.ring').getAttribute('data-theme')")
        start_ring = ring()
        d.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
        second = d.execute_script("return '#w-' + document.activeElement.getAttribute('data-w')")
        report(second != first and ring() == start_ring, "→ goes to the next arc of the same ring",
               f"{first} → {second}")
        order = d.execute_script(
            "var a = Array.from(document.activeElement.closest('.ring').querySelectorAll('.arc, .mark'));"
            "return a.indexOf(document.activeElement);")
        report(order == 1, "in date order (the ring's second arc)", f"index {order}")
        report(outline(), "and the ring moves with the focus")
        d.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
        report(d.execute_script("return '#w-' + document.activeElement.getAttribute('data-w')") == first, "← goes back")
        d.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
        report(ring() != start_ring, "↓ moves to the next ring inwards", ring())
        d.switch_to.active_element.send_keys(Keys.ARROW_UP)
        report(ring() == start_ring, "↑ moves back out")
        d.switch_to.active_element.send_keys(Keys.END)
        last = d.execute_script(
            "var a = Array.from(document.activeElement.closest('.ring').querySelectorAll('.arc, .mark'));"
            "return a.indexOf(document.activeElement) === a.length - 1;")
        report(last, "End goes to the ring's last arc")
        tip_before = d.find_element(By.ID, "tip").text
        target = d.execute_script("return '#w-' + document.activeElement.getAttribute('data-w')")
        d.switch_to.active_element.send_keys(Keys.ENTER)
        report(d.execute_script("return location.hash") == target and target.startswith("#w-"),
               "Enter goes to the activity in the agenda", f"{target}")
        shown = d.execute_script("var t = document.querySelector(':target'); return t ? t.textContent : ''")
        report(bool(shown), "and the agenda row is marked (:target)")
        report(bool(d.find_element(By.ID, "tip").text), "its details are shown beside the wheel", tip_before)
        # A link to the last activity's row, made by the script a while after the load.
        last_row = d.execute_script("var r = document.querySelectorAll('tr[id]'); return r[r.length - 1].id")
        d.get("about:blank")
        d.get("file://" + page + "#" + last_row)
        target = d.execute_script("var t = document.querySelector(':target'); return t ? t.id : ''")
        report(target == last_row, "a link to the last row (page#w-…) finds it", f"{target!r} for {last_row}")
        # Find in page, once the rows are made: the last row's title.
        whole(d)
        title = d.execute_script(
            "var r = document.getElementById(arguments[0]); return r.cells[3].firstChild.textContent.trim();", last_row)
        d.get("about:blank")
        get(d, "file://" + page)
        found = d.execute_script("return window.find(arguments[0]);", title)
        report(found, "find in page finds the last row's title", title)
        errors = [e["message"] for e in d.get_log("browser") if e["level"] == "SEVERE"]
        report(not errors, "the page's script ran without an error", "; ".join(errors[:3]))
    finally:
        d.quit()


def names(page):
    d = browser()
    try:
        # The script names each arc as it makes its row: wait for the last row.
        get(d, "file://" + page)
        d.execute_cdp_cmd("Accessibility.enable", {})
        tree = d.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
        links = {}
        for n in tree:
            role = n.get("role", {}).get("value")
            name = n.get("name", {}).get("value", "")
            if role == "link" and n.get("backendDOMNodeId"):
                links[n["backendDOMNodeId"]] = name
        # What each arc must be called: its agenda row's title and status, its ring's theme.
        arcs = d.execute_script(
            "return Array.from(document.querySelectorAll('.arc')).map(function (a) {"
            " var row = document.getElementById('w-' + a.getAttribute('data-w'));"
            " var ring = a.closest('.ring').getAttribute('aria-label').split(',')[0];"
            " return [row.cells[3].firstChild.textContent.trim(), ring, row.cells[5].textContent.trim()]; });")
        named = [v for v in links.values() if v]
        bad = []
        for title, theme, status in arcs:
            hit = [v for v in named if str(title) in v and theme in v and status in v]
            if not hit:
                bad.append(title)
        report(arcs and not bad, f"the accessibility tree names all {len(arcs)} arcs with title, theme and status",
               ", ".join(map(str, bad[:5])))
        dated = [v for v in named if any(ch.isdigit() for ch in v)]
        report(len(dated) >= len(arcs), "and their dates")
    finally:
        d.quit()


def noscript(page):
    """The page with its script off: every agenda row is there and laid out
    (each month's <noscript> is the table itself), nothing waits for a
    script."""
    d = browser()
    try:
        d.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        d.get("file://" + page)
        expected = open(page, encoding="utf-8").read().count(' id="w-')
        r = d.execute_cdp_cmd("Runtime.evaluate", {"returnByValue": True, "expression": """(function () {
            var rows = Array.from(document.querySelectorAll('.agenda tr[id]'));
            return [rows.length, rows.filter(function (r) { return r.getBoundingClientRect().height > 0; }).length,
                    document.documentElement.className, document.documentElement.hasAttribute('data-drawing')];
          })()"""})["result"]["value"]
        rows, shown, classes, drawing = r
        report(expected > 0 and rows == expected, f"without the script all {expected} rows are there", f"{rows}")
        report(shown == rows, "and laid out", f"{shown} of {rows}")
        report(classes == "" and not drawing, "and nothing waits for the script", f"class {classes!r}")
    finally:
        d.quit()


def motion(page):
    d = browser()
    try:
        get(d, "file://" + page)
        scheme(d, False, reduced=True)
        moving = d.execute_script(
            "return Array.from(document.querySelectorAll('*')).filter(function (e) {"
            " var s = getComputedStyle(e); return (s.animationName && s.animationName !== 'none') ||"
            " (parseFloat(s.transitionDuration) > 0); }).length;")
        smooth = d.execute_script("return getComputedStyle(document.documentElement).scrollBehavior")
        report(moving == 0 and smooth != "smooth", "nothing moves under prefers-reduced-motion",
               f"{moving} animated, scroll {smooth}")
    finally:
        d.quit()


def rgb(css):
    """'rgb(1, 2, 3)' or 'rgba(…)' as a tuple of three numbers."""
    inside = css[css.index("(") + 1:css.index(")")]
    return tuple(float(x) for x in inside.replace("/", ",").replace(" ", ",").split(",") if x)[:3]


def luminance(c):
    def ch(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])


def ratio(a, b):
    x, y = luminance(a), luminance(b)
    return (max(x, y) + 0.05) / (min(x, y) + 0.05)


def over(top, opacity, bottom):
    return tuple(b + (t - b) * opacity for t, b in zip(top, bottom))


def contrast(page):
    d = browser()
    try:
        for dark in [False, True]:
            mode = "dark" if dark else "light"
            get(d, "file://" + page)
            scheme(d, dark)
            c = d.execute_script("""
              function st(sel, prop) { var e = document.querySelector(sel); return e ? getComputedStyle(e)[prop] : null; }
              var root = getComputedStyle(document.documentElement);
              var rings = Array.from(document.querySelectorAll('.wheel-box .ring')).map(function (r) {
                var band = r.querySelector('.band'), arc = r.querySelector('.arc:not(.cancelled)'),
                    mark = r.querySelector('.mark:not(.done)'), letter = r.querySelector('.letter:not(.done)');
                return {name: r.getAttribute('aria-label'), band: getComputedStyle(band).fill,
                        opacity: getComputedStyle(band).opacity, arc: arc && getComputedStyle(arc).stroke,
                        mark: mark && getComputedStyle(mark).fill, letter: letter && getComputedStyle(letter).fill};
              });
              return {bg: st('body', 'backgroundColor'), fg: st('body', 'color'), muted: st('.muted', 'color'),
                      m0: st('.month.m0', 'fill'), m1: st('.month.m1', 'fill'), button: st('button', 'color'),
                      buttonBg: st('button', 'backgroundColor'), num: st('.num', 'fill'), halo: st('.num', 'stroke'),
                      cancelled: st('.arc.cancelled', 'stroke'),
                      focus: root.getPropertyValue('--focus').trim(), rings: rings};
            """)
            bg, fg = rgb(c["bg"]), rgb(c["fg"])
            texts = [("text", fg, bg), ("muted text", rgb(c["muted"]), bg),
                     ("buttons", rgb(c["button"]), rgb(c["buttonBg"])), ("numbers on arcs (on their halo)", rgb(c["num"]), rgb(c["halo"])),
                     ("a marked agenda row", (0x1f, 0x1f, 0x1f), (0xff, 0xf3, 0xb0))]
            for name, a, b in texts:
                r = ratio(a, b)
                report(r >= 4.5, f"{mode}: {name} {r:.1f}:1 ≥ 4.5:1")
            focus = tuple(int(c["focus"][i:i + 2], 16) for i in (1, 3, 5))
            report(ratio(focus, bg) >= 3, f"{mode}: the focus ring against the page {ratio(focus, bg):.1f}:1 ≥ 3:1")
            for ring in c["rings"]:
                bands = [over(rgb(ring["band"]), float(ring["opacity"]), rgb(c[m])) for m in ("m0", "m1")]
                if ring["arc"]:
                    worst = min(ratio(rgb(ring["arc"]), b) for b in bands)
                    report(worst >= 3, f"{mode}: arcs of {ring['name']} against their ring {worst:.1f}:1 ≥ 3:1")
                worst_focus = min(ratio(focus, b) for b in bands)
                report(worst_focus >= 3, f"{mode}: the focus ring on {ring['name']} {worst_focus:.1f}:1 ≥ 3:1")
                if ring["mark"] and ring["letter"]:
                    r = ratio(rgb(ring["letter"]), rgb(ring["mark"]))
                    report(r >= 4.5, f"{mode}: milestone letters of {ring['name']} {r:.1f}:1 ≥ 4.5:1")
                if c["cancelled"]:
                    worst = min(ratio(rgb(c["cancelled"]), b) for b in bands)
                    report(worst >= 3, f"{mode}: cancelled arcs on {ring['name']} {worst:.1f}:1 ≥ 3:1")
    finally:
        d.quit()


if __name__ == "__main__":
    what, page = sys.argv[1], sys.argv[2]
    {"axe": lambda: axe(page, sys.argv[3], PAIRWISE if "--pairwise" in sys.argv else ALL), "keys": lambda: keys(page), "names": lambda: names(page), "noscript": lambda: noscript(page),
     "motion": lambda: motion(page), "contrast": lambda: contrast(page)}[what]()
    print(f"page-check {what}: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
