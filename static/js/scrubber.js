/* The map's time scrubber: moving it shows the year's stop, and letting go sets the "as of"
   field to that year's last day (this year: today, the field left empty) and applies the
   filters, so markers, shading, counts and the table all follow the date. */
(function () {
  "use strict";

  function stopFor(year, last) {
    return year >= last ? "" : year + "-12-31";
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-scrubber]").forEach(function (box) {
      var range = box.querySelector("input[type=range]");
      var shown = box.querySelector("output");
      var form = document.getElementById(box.dataset.form);
      var field = document.getElementById(box.dataset.field);
      var last = parseInt(box.dataset.last, 10);
      if (!range || !form || !field) { return; }
      range.addEventListener("input", function () {
        var year = parseInt(range.value, 10);
        // The page's own words for the stops (data-today, data-year-end with "YEAR" in it).
        var today = box.dataset.today || "Today";
        var yearEnd = box.dataset.yearEnd || "End of YEAR";
        shown.textContent = year >= last ? today : yearEnd.replace("YEAR", String(year));
      });
      range.addEventListener("change", function () {
        field.value = stopFor(parseInt(range.value, 10), last);
        if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
      });
    });
  });
})();
