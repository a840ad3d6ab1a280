// Waiting room: asks the server for this shopper's place in line and opens the checkout when it is
// their turn. Without this file the page goes back to the checkout every 10 seconds instead.
(function () {
  var root = document.getElementById('waiting-room');
  if (!root || !window.fetch) return;
  var data = root.dataset;
  var byId = function (id) { return document.getElementById(id); };
  var position = byId('wr-position');
  var wait = byId('wr-wait');

  function waitText(seconds) {
    return seconds < 60 ? data.waitShort : data.waitMinutes.replace('{n}', String(Math.round(seconds / 60)));
  }

  function show(s) {
    var soldOut = s.state === 'sold-out';
    byId('wr-queue').hidden = soldOut;
    byId('wr-sold-out').hidden = !soldOut;
    if (s.state === 'ready') {
      root.className = 'wr wr-ready';
      wait.textContent = data.ready;
      // replace(): the back button should not lead to the waiting room again.
      location.replace(data.return);
      return;
    }
    if (s.state === 'waiting') {
      position.textContent = String(s.position);
      wait.textContent = waitText(s.estimatedWaitSeconds);
    } else if (s.state === 'none') {
      position.textContent = '–';
      wait.textContent = data.lost;
    }
    setTimeout(ask, (s.pollSeconds || 10) * 1000);
  }

  function ask() {
    fetch(data.status, { credentials: 'same-origin', cache: 'no-store', headers: { accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(show)
      .catch(function () { setTimeout(ask, 10000); });
  }

  ask();
})();
