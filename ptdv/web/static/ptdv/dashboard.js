// The dashboard's achievement charts: one horizontal bar pair (quota, admitted) per child unit,
// in the order the page gives (the largest shortfall first). The figures come from a
// json_script element named by the canvas's data-chart (no inline script: CSP).
(function () {
  "use strict";
  const ROW = 34; // pixels per child unit: two thin bars and a readable label on a phone

  function draw(canvas) {
    const source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof Chart === "undefined") return;
    const data = JSON.parse(source.textContent);
    canvas.parentElement.style.height = (data.labels.length * ROW + 60) + "px";
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { label: "Chỉ tiêu", data: data.quota, backgroundColor: "#adb5bd" },
          { label: "Đã kết nạp", data: data.admitted, backgroundColor: "#dc3545" },
        ],
      },
      options: {
        indexAxis: "y",
        maintainAspectRatio: false,
        responsive: true,
        animation: false,
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }

  function start() {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
