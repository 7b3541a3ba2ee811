/// The page's small script. Everything is on the page without it; it only
/// hides themes (a class on the root per theme), shows an arc's row beside
/// the wheel, lets the arrows walk the wheel (one arc in the tab order at a
/// time, as in the terminal: ← → along a ring, ↑ ↓ across the rings) and
/// draws the hand at today, in the browser, so the page stays the same
/// bytes every day. It reads what it needs from the page: no plan text is
/// ever written into it.
enum HTMLScript {
  static let source = """
    (function () {
      var doc = document, root = doc.documentElement;
      root.classList.add('js');
      doc.querySelectorAll('.controls, .hint').forEach(function (c) { c.hidden = false; });
      var tip = doc.getElementById('tip');
      function words(el) {
        var row = doc.getElementById(el.getAttribute('aria-labelledby'));
        if (!row) return '';
        return Array.prototype.map.call(row.cells, function (c) { return c.textContent.replace(/\\s+/g, ' ').trim(); })
          .filter(function (t) { return t; }).join(', ');
      }
      function show(el) { tip.textContent = words(el); }
      // The rings, outside in, each its arcs and milestones in date order.
      var rings = Array.prototype.map.call(doc.querySelectorAll('svg .ring'), function (r) {
        return Array.prototype.slice.call(r.querySelectorAll('.arc, .mark'));
      });
      var current = null;
      function visible(el) { return el.getClientRects().length > 0; }
      function make(el) {
        if (current) current.setAttribute('tabindex', '-1');
        current = el;
        if (el) el.setAttribute('tabindex', '0');
      }
      // The agenda's months are laid out only when they scroll into view
      // (content-visibility, with the script only), and a browser names an
      // element only from text it has laid out: each arc takes its row's
      // words as its own name here, a slice at a time after the load.
      var all = [];
      rings.forEach(function (list) {
        list.forEach(function (el) { el.setAttribute('tabindex', '-1'); all.push(el); });
      });
      (function name(from) {
        var end = Math.min(all.length, from + 500);
        for (var i = from; i < end; i++) all[i].setAttribute('aria-label', words(all[i]));
        if (end < all.length) setTimeout(function () { name(end); }, 0);
      })(0);
      function reset() {
        if (current && visible(current)) return;
        if (current) current.setAttribute('tabindex', '-1');
        current = null;
        for (var i = 0; i < rings.length && !current; i++) {
          for (var j = 0; j < rings[i].length; j++) { if (visible(rings[i][j])) { make(rings[i][j]); break; } }
        }
      }
      function go(el) { if (el) { make(el); el.focus(); show(el); } }
      // The focus ring: the focused arc drawn again on top of the wheel with
      // a gap of the page's colour and a ring of the focus colour round it,
      // so a one-day arc of a blue theme shows its focus as clearly as any.
      var ns = 'http://www.w3.org/2000/svg', layer = null;
      function ring(el) {
        if (!layer) {
          layer = doc.createElementNS(ns, 'g');
          layer.setAttribute('class', 'focus-ring');
          layer.setAttribute('aria-hidden', 'true');
          el.ownerSVGElement.appendChild(layer);
        }
        layer.textContent = '';
        if (!el) return;
        var p = el.querySelector('path'), s = getComputedStyle(p), mark = el.classList.contains('mark');
        var w = mark ? 0 : parseFloat(s.strokeWidth);
        [[w + 10, 'var(--focus)'], [w + 5, 'var(--bg)']].forEach(function (o) {
          var q = doc.createElementNS(ns, 'path');
          q.setAttribute('d', p.getAttribute('d'));
          q.setAttribute('style', 'fill:' + (mark ? o[1] : 'none') + ';stroke:' + o[1] + ';stroke-width:' + o[0] + 'px;stroke-linecap:round;stroke-linejoin:round');
          layer.appendChild(q);
        });
        var q = p.cloneNode(false);
        q.setAttribute('style', 'fill:' + s.fill + ';stroke:' + s.stroke + ';stroke-width:' + s.strokeWidth + ';stroke-dasharray:' + s.strokeDasharray);
        layer.appendChild(q);
      }
      function place(el) {
        for (var i = 0; i < rings.length; i++) { var j = rings[i].indexOf(el); if (j >= 0) return [i, j]; }
        return null;
      }
      function step(list, j, by) {
        for (var k = j + by; k >= 0 && k < list.length; k += by) { if (visible(list[k])) return list[k]; }
        return null;
      }
      function across(i, by, day) {
        for (var r = i + by; r >= 0 && r < rings.length; r += by) {
          var best = null, gap = Infinity;
          rings[r].forEach(function (el) {
            var d = Math.abs(+el.getAttribute('data-d') - day);
            if (d < gap && visible(el)) { gap = d; best = el; }
          });
          if (best) return best;
        }
        return null;
      }
      var svg = doc.querySelector('svg[data-from]');
      if (svg) svg.addEventListener('keydown', function (e) {
        var p = place(e.target);
        if (!p) return;
        var list = rings[p[0]], day = +e.target.getAttribute('data-d'), next;
        switch (e.key) {
          case 'ArrowRight': next = step(list, p[1], 1); break;
          case 'ArrowLeft': next = step(list, p[1], -1); break;
          case 'ArrowDown': next = across(p[0], 1, day); break;
          case 'ArrowUp': next = across(p[0], -1, day); break;
          case 'Home': next = step(list, -1, 1); break;
          case 'End': next = step(list, list.length, -1); break;
          default: return;
        }
        e.preventDefault();
        go(next);
      });
      rings.forEach(function (list) {
        list.forEach(function (el) {
          el.addEventListener('mouseenter', function () { show(el); });
          el.addEventListener('focus', function () { make(el); show(el); ring(el); });
          el.addEventListener('blur', function () { if (layer) layer.textContent = ''; });
          el.addEventListener('click', function () { show(el); });
        });
      });
      var hidden = {};
      function apply() {
        doc.querySelectorAll('.theme-toggle').forEach(function (b) {
          var off = !!hidden[b.getAttribute('data-theme')];
          root.classList.toggle('hide-t' + b.getAttribute('data-t'), off);
          b.setAttribute('aria-pressed', off ? 'false' : 'true');
        });
        reset();
      }
      doc.querySelectorAll('.theme-toggle').forEach(function (b) {
        b.addEventListener('click', function () {
          var t = b.getAttribute('data-theme');
          hidden[t] = !hidden[t];
          apply();
        });
      });
      // A link may say which themes to hide: page.html#hide=samverkan,motesplatser
      var m = /hide=([^&]*)/.exec(location.hash);
      if (m) decodeURIComponent(m[1]).split(',').forEach(function (t) { hidden[t] = true; });
      apply();
      // The hand at today, drawn here so the page is the same file every day.
      if (svg) {
        var from = Date.parse(svg.getAttribute('data-from') + 'T00:00:00Z');
        var to = Date.parse(svg.getAttribute('data-to') + 'T00:00:00Z') + 86400000;
        var now = new Date();
        var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) + 43200000;
        if (today >= from && today < to) {
          var a = (today - from) / (to - from) * 2 * Math.PI;
          var cx = +svg.getAttribute('data-cx'), cy = +svg.getAttribute('data-cy');
          var r0 = +svg.getAttribute('data-inner'), r1 = +svg.getAttribute('data-outer');
          var ns = 'http://www.w3.org/2000/svg', g = svg.querySelector('.hand');
          var l = doc.createElementNS(ns, 'line');
          l.setAttribute('x1', cx + r0 * Math.sin(a)); l.setAttribute('y1', cy - r0 * Math.cos(a));
          l.setAttribute('x2', cx + r1 * Math.sin(a)); l.setAttribute('y2', cy - r1 * Math.cos(a));
          g.appendChild(l);
          g.setAttribute('data-today', new Date(today).toISOString().slice(0, 10));
        }
      }
    })();

    """
}
