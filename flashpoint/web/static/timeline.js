// The tension chart (uPlot, vendored). Clicking a day scrolls to its incidents.
"use strict";

(function () {
  function draw() {
    const node = document.getElementById("chart-data");
    const box = document.getElementById("chart");
    if (!node || !box || typeof uPlot === "undefined") return;
    const data = JSON.parse(node.textContent || "{}");
    if (!data.periods || data.periods.length === 0) return;
    const xs = data.periods.map((d) => Date.parse(d + "T00:00:00Z") / 1000);
    const opts = {
      width: Math.max(320, box.clientWidth - 16),
      height: 300,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC"),
      series: [
        { label: "period" },
        { label: "tension index", stroke: "#b2182b", width: 2, points: { show: true, size: 6 } },
        { label: "level", stroke: "#444", dash: [6, 4], width: 1 },
        { label: "incidents", stroke: "#2166ac", width: 1, scale: "n", points: { show: true } },
      ],
      // Ticks never finer than a day: the index is per day or per week.
      axes: [{ incrs: [86400, 2 * 86400, 7 * 86400, 14 * 86400, 28 * 86400, 91 * 86400, 365 * 86400] },
        { label: "tension" }, { side: 1, scale: "n", label: "incidents", grid: { show: false } }],
      scales: { n: { range: (u, min, max) => [0, Math.max(1, max)] } },
    };
    const series = [xs, data.index, data.level, data.incidents];
    if (Array.isArray(data.normalized)) {
      opts.series.push({ label: "normalized", stroke: "#7b3294", width: 1, dash: [2, 3] });
      series.push(data.normalized);
    }
    const plot = new uPlot(opts, series, box);
    plot.over.addEventListener("click", (event) => {
      const i = plot.posToIdx(event.offsetX);
      if (i == null || i < 0 || i >= data.periods.length) return;
      const section = document.getElementById("p-" + data.periods[i]);
      document.querySelectorAll(".period.marked").forEach((el) => el.classList.remove("marked"));
      if (section) {
        section.classList.add("marked");
        section.scrollIntoView({ block: "start", behavior: "smooth" });
      }
    });
    box.setAttribute("data-ready", "1");
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
