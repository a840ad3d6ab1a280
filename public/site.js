// Progressive enhancement only: every page works without this file.

// The header's cart count on pages shared by every visitor (served from the page cache): the server
// keeps the count in the `cart_count` cookie whenever the cart changes. Without JavaScript the badge
// stays empty; the cart page itself always shows the count.
(function () {
  var badges = document.querySelectorAll('.cart-count[data-from-cookie]');
  if (!badges.length) return;
  var m = /(?:^|;\s*)cart_count=(\d{1,6})(?:;|$)/.exec(document.cookie);
  for (var i = 0; i < badges.length; i++) badges[i].textContent = m ? m[1] : '0';
})();

// Choosing a variant updates price, stock and the add-to-cart form in place (no reload, focus kept,
// announced through the aria-live status), instead of submitting the form on each arrow key.
(function () {
  var d = document;
  var form = d.getElementById('variant-form');
  if (!form || !window.fetch || !window.DOMParser || !window.FormData || !window.URLSearchParams || !history.replaceState) return;
  d.documentElement.className += ' js';
  var latest = 0;

  function byId(doc, id) {
    return doc.getElementById(id);
  }

  function apply(doc) {
    var status = byId(d, 'variant-status');
    var fresh = byId(doc, 'variant-status');
    if (status && fresh) status.innerHTML = fresh.innerHTML;
    var sku = byId(d, 'variant-sku');
    var freshSku = byId(doc, 'variant-sku');
    if (sku && freshSku) sku.textContent = freshSku.textContent;
    var cart = byId(d, 'add-to-cart');
    var freshCart = byId(doc, 'add-to-cart');
    if (cart && freshCart) {
      cart.elements.variantId.value = freshCart.elements.variantId.value;
      var b = cart.querySelector('button');
      var fb = freshCart.querySelector('button');
      b.textContent = fb.textContent;
      b.disabled = fb.disabled;
    }
    // Sold-out notes per value, and the variant actually chosen when a combination does not exist.
    var inputs = form.querySelectorAll('input[type=radio]');
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      var twin = byId(doc, input.id);
      if (twin) input.checked = twin.checked;
      var label = form.querySelector('label[for="' + input.id + '"]');
      var freshLabel = doc.querySelector('label[for="' + input.id + '"]');
      if (label && freshLabel) label.innerHTML = freshLabel.innerHTML;
    }
  }

  form.addEventListener('change', function () {
    var url = form.action.split('#')[0] + '?' + new URLSearchParams(new FormData(form)).toString();
    var mine = ++latest;
    fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      })
      .then(function (html) {
        if (mine !== latest) return; // a later choice wins
        apply(new DOMParser().parseFromString(html, 'text/html'));
        history.replaceState(null, '', url);
      })
      .catch(function () {
        form.submit();
      });
  });
})();

// Checkout: choosing another country recalculates shipping methods and totals at once, through the
// same "Update shipping options" button a shopper without JavaScript presses.
(function () {
  var d = document;
  var country = d.getElementById('checkout-country');
  var refresh = d.getElementById('checkout-refresh');
  if (!country || !refresh) return;
  country.addEventListener('change', function () {
    if (refresh.form && refresh.form.requestSubmit) refresh.form.requestSubmit(refresh);
    else refresh.click();
  });
})();

// A form shown again with errors: move focus to the summary so keyboard and screen-reader users start there.
(function () {
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
})();
