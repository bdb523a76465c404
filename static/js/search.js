/* Suggestions for the search box and the name filters: a text input with data-suggest (""
   for places and people, "place" or "person" for one) and a list="..." <datalist> is filled, as
   the reader types, from this site's /search/suggest/ answer. No other host is ever asked.
   The header's box offers labels (the search page takes the reader to the one match); a
   filter offers each name with its slug as the value, so the URL keeps the slug. */
(function () {
  "use strict";
  function attach(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var kind = input.getAttribute("data-suggest") || "";
    var bySlug = input.hasAttribute("data-suggest-slug");
    var timer = null;
    var asked = "";
    if (!list) { return; }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2 || q === asked) { return; }
      timer = setTimeout(function () {
        asked = q;
        var url = "/search/suggest/?q=" + encodeURIComponent(q) + (kind ? "&kind=" + kind : "");
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            list.textContent = "";
            data.results.forEach(function (found) {
              var option = document.createElement("option");
              option.value = bySlug ? found.slug : found.label;
              option.textContent = found.label;
              if (bySlug) { option.label = found.label; }
              list.appendChild(option);
            });
          })
          .catch(function () { /* no suggestions: the box still searches */ });
      }, 150);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-suggest][list]").forEach(attach);
  });
})();
