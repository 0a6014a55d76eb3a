// Report charts: the page puts the Chart.js configurations in one JSON script element
// (json_script, id "report-charts"; no inline script, for the CSP) and each
// <canvas data-chart="N"> draws the Nth of them.
document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("report-charts");
  if (!source || !window.Chart) return;
  const charts = JSON.parse(source.textContent);
  document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
    const config = charts[Number(canvas.dataset.chart)];
    if (config) new window.Chart(canvas, config);
  });
});
