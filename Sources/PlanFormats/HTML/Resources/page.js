// The web page's script (arshjul export html), embedded in the binary and
// written into every page as it is: see HTMLScript.swift for what it does
// and why. It reads everything it needs from the page; no plan text is
// ever written into it.
(function () {
  var doc = document, root = doc.documentElement, slice = Array.prototype.slice;
  root.classList.add('js');
  doc.querySelectorAll('.controls, .hint').forEach(function (c) { c.hidden = false; });
  var tip = doc.getElementById('tip'), box = doc.querySelector('.wheel-box');
  var top = box && box.querySelector('svg.top');
  // The rings, outside in, each its arcs and milestones in date order,
  // and which arc each agenda row names.
  var rings = slice.call(doc.querySelectorAll('.wheel-box .ring')).map(function (r) {
    return slice.call(r.querySelectorAll('.arc, .mark'));
  });
  var named = {};
  function rowId(el) { return 'w-' + el.getAttribute('data-w'); }
  rings.forEach(function (list) {
    list.forEach(function (el) {
      el.setAttribute('tabindex', '-1');
      el.setAttribute('role', 'link');
      named[rowId(el)] = el;
    });
  });
  function text(row) {
    return slice.call(row.cells).map(function (c) { return c.textContent.replace(/\s+/g, ' ').trim(); })
      .filter(function (t) { return t; }).join(', ');
  }
  // The agenda's months, as text until made into rows. A browser names
  // an element only from text it has laid out, and months are laid out
  // when seen: each arc takes its row's words as its own name when the
  // row is made.
  var months = slice.call(doc.querySelectorAll('.agenda .month noscript')).map(function (ns) {
    return {ns: ns, text: ns.textContent, rows: null, at: 0, body: null};
  });
  // A month's rows go into tables of 100, each with its head (as a
  // printed table repeats it on each page; it also keeps the columns
  // about as wide from one to the next), each laid out only when seen:
  // hiding a theme then lays out the rows in sight, not a month of
  // thousands. Until it is seen a table is as high as its rows would be
  // on one line each.
  function part(m) {
    var rows = Math.min(100, m.rows.length - m.at);
    m.ns.insertAdjacentHTML('beforebegin', '<div class="part" style="contain-intrinsic-size: auto ' + 2 * rows + 'rem">' + m.head + '</tbody></table></div>');
    m.body = m.ns.previousElementSibling.querySelector('tbody');
  }
  function more(m, n) {
    if (!m.rows) {
      var cut = m.text.indexOf('\n<tr'), end = m.text.lastIndexOf('\n</tbody>');
      m.head = m.text.slice(0, cut);
      m.rows = m.text.slice(cut + 1, end).split('\n');
      part(m);
    }
    var stop = Math.min(m.rows.length, m.at + n);
    while (m.at < stop) {
      var made = m.body.rows;
      if (made.length === 100) { part(m); made = m.body.rows; }
      var from = m.at, to = Math.min(stop, from + 100 - made.length);
      m.body.insertAdjacentHTML('beforeend', m.rows.slice(from, to).join('\n'));
      for (var k = made.length - (to - from); k < made.length; k++) {
        var el = made[k].id && named[made[k].id];
        if (el) el.setAttribute('aria-label', text(made[k]));
      }
      m.at = to;
    }
    if (m.at < m.rows.length) return false;
    m.ns.remove();
    m.text = m.rows = null;
    return true;
  }
  var queue = months.slice();
  function finish(m) { while (!more(m, 1e9)); var i = queue.indexOf(m); if (i >= 0) queue.splice(i, 1); }
  // The row with this id made now, if it is still text.
  function ensure(id) {
    if (!id || doc.getElementById(id)) return;
    var mark = 'id="' + id + '"';
    for (var i = 0; i < queue.length; i++) {
      var m = queue[i];
      if ((m.rows ? m.rows.slice(m.at).join('\n') : m.text).indexOf(mark) >= 0) { finish(m); return; }
    }
    while (queue.length) finish(queue[0]);
  }
  // The themes hidden, and the months whose rows do not show that yet:
  // the months in sight at once, the rest a slice at a time.
  var hidden = {}, buttons = slice.call(doc.querySelectorAll('.theme-toggle'));
  // Each theme's ring and legend line, found once (a query of the whole page is a walk of every row).
  var themeParts = {};
  buttons.forEach(function (b) {
    var t = b.getAttribute('data-t');
    themeParts[t] = {ring: box && box.querySelector('.ring.t' + t), legend: doc.querySelector('.legend .t' + t)};
  });
  var blocks = slice.call(doc.querySelectorAll('.agenda .month')), stale = [], seen = [];
  function sync(div) {
    buttons.forEach(function (b) { div.classList.toggle('hide-t' + b.getAttribute('data-t'), !!hidden[b.getAttribute('data-theme')]); });
  }
  if (window.IntersectionObserver) {
    var watch = new IntersectionObserver(function (es) {
      es.forEach(function (e) {
        var i = seen.indexOf(e.target);
        if (e.isIntersecting && i < 0) { seen.push(e.target); sync(e.target); } else if (!e.isIntersecting && i >= 0) seen.splice(i, 1);
      });
    });
    blocks.forEach(function (div) { watch.observe(div); });
  }
  var busy = false;
  function work() {
    var t0 = performance.now();
    while ((stale.length || queue.length) && performance.now() - t0 < 8) {
      if (stale.length) sync(stale.shift()); else if (more(queue[0], 150)) queue.shift();
    }
    busy = stale.length > 0 || queue.length > 0;
    if (busy) setTimeout(work, 0); else root.removeAttribute('data-drawing');
  }
  function later() { if (!busy) { busy = true; root.setAttribute('data-drawing', ''); setTimeout(work, 0); } }
  if (queue.length) { root.setAttribute('data-drawing', ''); busy = true; work(); }
  addEventListener('beforeprint', function () {
    while (stale.length) sync(stale.shift());
    while (queue.length) finish(queue[0]);
    root.removeAttribute('data-drawing');
  });
  // A link to an activity's row (page.html#w-ID) finds it once it is made.
  if (/^#w-/.test(location.hash)) {
    var target = decodeURIComponent(location.hash.slice(1));
    ensure(target);
    if (doc.getElementById(target)) location.replace(location.hash);
  }
  function words(el) {
    var id = rowId(el);
    ensure(id);
    var row = doc.getElementById(id);
    return row ? text(row) : '';
  }
  function show(el) { tip.textContent = words(el); }
  var current = null;
  function visible(el) { return !hidden[el.closest('.ring').getAttribute('data-theme')]; }
  function make(el) {
    if (current) current.setAttribute('tabindex', '-1');
    current = el;
    if (el) el.setAttribute('tabindex', '0');
  }
  function reset() {
    if (current && visible(current)) return;
    if (current) current.setAttribute('tabindex', '-1');
    current = null;
    for (var i = 0; i < rings.length && !current; i++) {
      for (var j = 0; j < rings[i].length; j++) { if (visible(rings[i][j])) { make(rings[i][j]); break; } }
    }
  }
  function go(el) { if (el) { make(el); el.focus(); show(el); } }
  // An arc is a link to its row: made if it is still text, then gone to.
  function follow(el) { show(el); location.hash = '#' + rowId(el); }
  // The focus ring: the focused arc drawn again on top of the wheel with
  // a gap of the page's colour and a ring of the focus colour round it,
  // so a one-day arc of a blue theme shows its focus as clearly as any.
  // It and the hover ring are drawn in the top drawing, so showing them
  // redraws only it.
  var ns = 'http://www.w3.org/2000/svg', rims = {};
  function rim(name) {
    if (!rims[name]) {
      rims[name] = doc.createElementNS(ns, 'g');
      rims[name].setAttribute('class', name);
      top.appendChild(rims[name]);
    }
    rims[name].textContent = '';
    return rims[name];
  }
  // The arc's shape only (its dashes too, if it repeats): nothing to focus, name or style by class.
  function shape(p) {
    var q = doc.createElementNS(ns, 'path');
    ['d', 'pathLength', 'stroke-dasharray'].forEach(function (a) { if (p.hasAttribute(a)) q.setAttribute(a, p.getAttribute(a)); });
    return q;
  }
  function copy(p, s) {
    var q = shape(p);
    q.setAttribute('style', 'fill:' + s.fill + ';stroke:' + s.stroke + ';stroke-width:' + s.strokeWidth + ';stroke-dasharray:' + s.strokeDasharray);
    return q;
  }
  function ring(el) {
    var layer = rim('focus-ring');
    if (!el) return;
    var p = el, s = getComputedStyle(p), mark = el.classList.contains('mark');
    var w = mark ? 0 : parseFloat(s.strokeWidth);
    [[w + 10, 'var(--focus)'], [w + 5, 'var(--bg)']].forEach(function (o) {
      var q = shape(p);
      q.setAttribute('style', 'fill:' + (mark ? o[1] : 'none') + ';stroke:' + o[1] + ';stroke-width:' + o[0] + 'px;stroke-linecap:round;stroke-linejoin:round');
      layer.appendChild(q);
    });
    layer.appendChild(copy(p, s));
  }
  function hover(el) {
    var layer = rim('hover-ring');
    if (el) layer.appendChild(copy(el, getComputedStyle(el)));
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
  // A hidden theme's ring is only transparent: its arcs are not there for the pointer.
  function arc(e) { var el = e.target.closest && e.target.closest('.arc, .mark'); return el && visible(el) ? el : null; }
  if (box) {
    box.addEventListener('keydown', function (e) {
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
        case 'Enter': e.preventDefault(); follow(e.target); return;
        default: return;
      }
      e.preventDefault();
      go(next);
    });
    // One listener each on the wheel, not four on every arc.
    box.addEventListener('mouseover', function (e) { var el = arc(e); hover(el); if (el) show(el); });
    box.addEventListener('mouseleave', function () { hover(null); });
    box.addEventListener('focusin', function (e) { var el = arc(e); if (el) { make(el); show(el); ring(el); } });
    box.addEventListener('focusout', function () { ring(null); });
    box.addEventListener('click', function (e) { var el = arc(e); if (el) follow(el); });
  }
  function apply() {
    buttons.forEach(function (b) {
      var off = !!hidden[b.getAttribute('data-theme')], t = b.getAttribute('data-t');
      b.setAttribute('aria-pressed', off ? 'false' : 'true');
      var r = themeParts[t].ring, l = themeParts[t].legend;
      if (l) l.classList.toggle('off', off);
      // Only transparent: out of the accessibility tree too.
      if (r) { r.classList.toggle('off', off); if (off) r.setAttribute('aria-hidden', 'true'); else r.removeAttribute('aria-hidden'); }
    });
    seen.forEach(sync);
    stale = blocks.filter(function (div) { return seen.indexOf(div) < 0; });
    later();
    reset();
  }
  buttons.forEach(function (b) {
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
  if (box) {
    var from = Date.parse(box.getAttribute('data-from') + 'T00:00:00Z');
    var to = Date.parse(box.getAttribute('data-to') + 'T00:00:00Z') + 86400000;
    var now = new Date();
    var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) + 43200000;
    if (today >= from && today < to) {
      var a = (today - from) / (to - from) * 2 * Math.PI;
      var cx = +box.getAttribute('data-cx'), cy = +box.getAttribute('data-cy');
      var r0 = +box.getAttribute('data-inner'), r1 = +box.getAttribute('data-outer');
      var g = box.querySelector('.hand');
      var l = doc.createElementNS(ns, 'line');
      l.setAttribute('x1', cx + r0 * Math.sin(a)); l.setAttribute('y1', cy - r0 * Math.cos(a));
      l.setAttribute('x2', cx + r1 * Math.sin(a)); l.setAttribute('y2', cy - r1 * Math.cos(a));
      g.appendChild(l);
      g.setAttribute('data-today', new Date(today).toISOString().slice(0, 10));
    }
  }
})();
