// Comptoir admin: small progressive enhancements; every page works without this file.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  document.addEventListener('DOMContentLoaded', function () {
    // Show a variant's value input only for options that have a name.
    var names = document.querySelectorAll('.option-name input');
    var form = document.getElementById('product-form');
    var template = (form && form.getAttribute('data-option-value-label')) || '{name}';
    function syncOptions() {
      names.forEach(function (input, slot) {
        var unused = input.value.trim() === '';
        document.querySelectorAll('.option-slot-' + slot).forEach(function (field) {
          // Keep a value that was typed: hiding it would drop it silently.
          var value = field.querySelector('input');
          field.classList.toggle('unused', unused && !(value && value.value.trim() !== ''));
          var label = field.querySelector('label');
          if (label && !unused) label.textContent = template.replace('{name}', input.value.trim());
        });
      });
    }
    names.forEach(function (input) { input.addEventListener('input', syncOptions); });
    if (names.length) syncOptions();

    // Ask before archiving or deleting.
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (e) {
        if (!window.confirm(form.getAttribute('data-confirm'))) e.preventDefault();
      });
    });

    // Bring the error summary into view and focus so the problems are read first.
    var summary = document.getElementById('error-summary');
    if (summary) summary.focus();
  });
})();
