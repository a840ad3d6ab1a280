// Mounts Stripe's Payment Element and confirms the payment; Stripe then returns the shopper to the order page.
(function () {
  var form = document.getElementById('stripe-pay-form');
  if (!form || typeof Stripe === 'undefined') return;
  var stripe = Stripe(form.dataset.key, { locale: form.dataset.locale });
  var elements = stripe.elements({ clientSecret: form.dataset.secret });
  elements.create('payment').mount('#payment-element');
  var message = document.getElementById('payment-message');
  var button = document.getElementById('pay-submit');
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    button.disabled = true;
    stripe.confirmPayment({ elements: elements, confirmParams: { return_url: form.dataset['return'] } }).then(function (result) {
      if (result.error) {
        message.textContent = result.error.message || 'Payment failed';
        message.hidden = false;
        button.disabled = false;
      }
    });
  });
})();
