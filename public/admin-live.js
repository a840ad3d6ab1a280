// Comptoir admin, live view: asks /admin/live.json every 2 seconds and puts the new figures in place.
// The server formats every figure; this file only copies text. Without it, the page reloads itself
// every 5 seconds (a meta refresh inside <noscript>).
(function () {
  'use strict';
  var PERIOD_MS = 2000;

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('live');
    if (!root || !window.fetch) return;
    var source = root.getAttribute('data-source');
    var stale = root.querySelector('[data-live-stale]');
    var table = root.querySelector('[data-live-table]');
    var empty = root.querySelector('[data-live-empty]');
    var tbody = table && table.querySelector('tbody');
    var labels = table ? Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent; }) : [];
    var refresh = root.querySelector('.live-refresh');
    if (refresh) refresh.textContent = refresh.getAttribute('data-js-text');
    var lastRows = null;
    var timer = null;
    var busy = false;

    function el(tag, text, className, label) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (label) node.setAttribute('data-label', label);
      if (text !== undefined) node.textContent = text;
      return node;
    }

    function showRows(rows) {
      var key = JSON.stringify(rows);
      if (!tbody || key === lastRows) return;
      lastRows = key;
      table.hidden = rows.length === 0;
      empty.hidden = rows.length > 0;
      var fresh = document.createDocumentFragment();
      rows.forEach(function (r) {
        var tr = el('tr');
        var title = el('th', undefined, 'cell-title');
        title.setAttribute('scope', 'row');
        var name = el(r.href ? 'a' : 'span', r.title);
        if (r.href) name.setAttribute('href', r.href);
        title.appendChild(name);
        title.appendChild(el('span', [r.variant, r.sku].filter(Boolean).join(' · '), 'muted handle'));
        tr.appendChild(title);
        tr.appendChild(el('td', r.sold, 'num', labels[1]));
        tr.appendChild(el('td', r.onHand, 'num', labels[2]));
        tr.appendChild(el('td', r.available, 'num', labels[3]));
        fresh.appendChild(tr);
      });
      tbody.textContent = '';
      tbody.appendChild(fresh);
    }

    function show(display) {
      root.querySelectorAll('[data-live]').forEach(function (node) {
        var text = display[node.getAttribute('data-live')];
        if (typeof text === 'string' && node.textContent !== text) node.textContent = text;
      });
      showRows(display.bestSellers || []);
    }

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(tick, PERIOD_MS);
    }

    function tick() {
      clearTimeout(timer);
      if (busy) return;
      // A tab in the background asks nothing; it catches up when shown again.
      if (document.hidden) return schedule();
      busy = true;
      fetch(source, { credentials: 'same-origin', cache: 'no-store', headers: { accept: 'application/json' } })
        .then(function (res) {
          // An ended session answers with the login page: reload, and the server sends us there.
          if (res.redirected || (res.headers.get('content-type') || '').indexOf('application/json') !== 0) {
            window.location.reload();
            throw new Error('not signed in');
          }
          if (!res.ok) throw new Error('HTTP ' + res.status);
          return res.json();
        })
        .then(function (body) {
          show(body.display);
          if (stale) stale.hidden = true;
        })
        .catch(function () {
          if (stale) stale.hidden = false;
        })
        .then(function () {
          busy = false;
          schedule();
        });
    }

    document.addEventListener('visibilitychange', function () {
      if (!document.hidden) tick();
    });
    schedule();
  });
})();
