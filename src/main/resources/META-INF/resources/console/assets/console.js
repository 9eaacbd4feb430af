// Kakehashi console: draws charts from JSON embedded in the page, keeps the viewer's time zone in a cookie,
// and sends the language links back to the page they were clicked on. No inline scripts (CSP script-src 'self').
(function () {
  "use strict";

  function rememberZone() {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) { return; }
    var current = (document.cookie.match(/(?:^|; )kakehashi_tz=([^;]*)/) || [])[1];
    if (decodeURIComponent(current || "") !== zone) {
      document.cookie = "kakehashi_tz=" + encodeURIComponent(zone) + "; path=/console; max-age=31536000; SameSite=Strict";
      if (current === undefined && window.sessionStorage && !sessionStorage.getItem("kakehashi_tz_reloaded")) {
        sessionStorage.setItem("kakehashi_tz_reloaded", "1");
        window.location.reload();
      }
    }
  }

  function drawCharts(root) {
    if (typeof Chart === "undefined") { return; }
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (Chart.getChart(canvas)) { return; }
      var source = document.getElementById(canvas.dataset.chartSource);
      if (!source) { return; }
      var data = JSON.parse(source.textContent);
      var chart = new Chart(canvas, {
        type: canvas.dataset.chart,
        data: {
          labels: data.labels,
          datasets: [{ label: canvas.getAttribute("aria-label"), data: data.values,
                       backgroundColor: "#1f5fa8", borderColor: "#1f5fa8", pointRadius: 2, stepped: canvas.dataset.stepped === "true" }]
        },
        options: {
          animation: false, responsive: true, maintainAspectRatio: true,
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: canvas.dataset.chart === "bar", ticks: { precision: canvas.dataset.chart === "bar" ? 0 : undefined } } }
        },
        plugins: [{ id: "drawn", afterRender: function (c) { c.canvas.dataset.chartDrawn = "true"; } }]
      });
      canvas.dataset.chartPoints = String(data.values.length);
      return chart;
    });
  }

  function backLinks(root) {
    root.querySelectorAll("a[data-back]").forEach(function (a) {
      var href = a.getAttribute("href").split("?")[0];
      a.setAttribute("href", href + "?back=" + encodeURIComponent(window.location.pathname + window.location.search));
    });
  }

  function ready(root) {
    drawCharts(root);
    backLinks(root);
  }

  document.addEventListener("DOMContentLoaded", function () {
    rememberZone();
    ready(document);
    document.body.addEventListener("htmx:load", function (e) { ready(e.detail.elt.ownerDocument || document); });
    document.body.addEventListener("htmx:afterSettle", function () { ready(document); });
  });
})();
