/* Filter forms apply as soon as a field changes; the Apply button remains for keyboards and
   for browsers without JavaScript. Filters live in the URL, so every view can be shared. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
      form.addEventListener("change", function () {
        if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
      });
    });
  });
})();
