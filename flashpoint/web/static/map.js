// The offline world map: Natural Earth outline (world-atlas) drawn as SVG with d3-geo.
"use strict";

(function () {
  const NS = "http://www.w3.org/2000/svg";

  function el(name, attrs) {
    const node = document.createElementNS(NS, name);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, String(v)));
    return node;
  }

  function extent(markers) {
    // The markers' box, widened so a handful of nearby points still shows its region.
    let [w, s, e, n] = [180, 90, -180, -90];
    markers.forEach((m) => { w = Math.min(w, m.lon); e = Math.max(e, m.lon); s = Math.min(s, m.lat); n = Math.max(n, m.lat); });
    const pad = 12;
    w = Math.max(-180, w - pad); e = Math.min(180, e + pad); s = Math.max(-85, s - pad); n = Math.min(85, n + pad);
    return { type: "MultiPoint", coordinates: [[w, s], [e, s], [e, n], [w, n]] };
  }

  async function draw() {
    const box = document.getElementById("map");
    const node = document.getElementById("map-data");
    if (!box || !node || typeof d3 === "undefined" || typeof topojson === "undefined") return;
    const markers = JSON.parse(node.textContent || "[]");
    const response = await fetch(box.getAttribute("data-atlas"));
    const world = await response.json();
    const land = topojson.feature(world, world.objects.countries);
    const width = Math.max(320, box.clientWidth), height = Math.round(width * 0.5);
    const projection = d3.geoNaturalEarth1();
    projection.fitSize([width, height], markers.length ? extent(markers) : { type: "Sphere" });
    const path = d3.geoPath(projection);
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "incident map" });
    svg.appendChild(el("path", { d: path({ type: "Sphere" }), class: "sphere" }));
    land.features.forEach((f) => {
      const shape = el("path", { d: path(f) || "", class: "land" });
      const title = el("title"); title.textContent = (f.properties && f.properties.name) || "";
      shape.appendChild(title);
      svg.appendChild(shape);
    });
    markers.forEach((m) => {
      const xy = projection([m.lon, m.lat]);
      if (!xy) return;
      const link = el("a", { href: "/incidents/" + encodeURIComponent(m.id), class: "marker" });
      const dot = el("circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (3 + 2.5 * Math.sqrt(m.reports)).toFixed(1), class: "t-" + m.quad + (m.approximate ? " approx" : "") });
      const title = el("title");
      title.textContent = `${m.type} ${m.date || ""} ${m.location || ""} (${m.reports} reports${m.approximate ? ", placed at its country" : ""}): ${m.summary || ""}`;
      dot.appendChild(title);
      link.appendChild(dot);
      svg.appendChild(link);
    });
    box.replaceChildren(svg);
    box.setAttribute("data-ready", "1");
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
