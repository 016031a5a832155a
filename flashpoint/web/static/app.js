// Flashpoint web app: the document page's highlights (no inline scripts: CSP).
"use strict";

(function () {
  function records() {
    const node = document.getElementById("records");
    if (!node) return {};
    try { return JSON.parse(node.textContent || "{}"); } catch (e) { return {}; }
  }

  function spansOf(id) {
    return document.querySelectorAll('.hl[data-items~="' + CSS.escape(id) + '"]');
  }

  function clearMarks() {
    document.querySelectorAll(".hl.marked").forEach((el) => el.classList.remove("marked"));
    document.querySelectorAll("button.item.on").forEach((el) => el.classList.remove("on"));
  }

  function showRecords(ids) {
    const all = records();
    const pane = document.getElementById("record");
    const body = document.getElementById("record-body");
    if (!pane || !body) return;
    const shown = ids.filter((id) => id in all).map((id) => id + "\n" + JSON.stringify(all[id], null, 2));
    body.textContent = shown.join("\n\n");
    pane.hidden = shown.length === 0;
  }

  function markItem(id) {
    clearMarks();
    const spans = spansOf(id);
    spans.forEach((el) => el.classList.add("marked"));
    document.querySelectorAll('button.item[data-item="' + CSS.escape(id) + '"]').forEach((b) => b.classList.add("on"));
    if (spans.length) spans[0].scrollIntoView({ block: "center", behavior: "smooth" });
    showRecords([id]);
  }

  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const button = target.closest("button.item[data-item]");
    if (button) {
      markItem(button.getAttribute("data-item"));
      return;
    }
    const span = target.closest(".hl[data-items]");
    if (span && !span.classList.contains("k-sentence")) {
      const ids = (span.getAttribute("data-items") || "").split(" ").filter((x) => x && x !== "hit");
      clearMarks();
      ids.slice(0, 1).forEach((id) => spansOf(id).forEach((el) => el.classList.add("marked")));
      showRecords(ids);
    }
  });

  function focusOnLoad() {
    const first = document.querySelector(".hl.marked, .hl.k-hit");
    if (first) first.scrollIntoView({ block: "center" });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", focusOnLoad);
  else focusOnLoad();
})();
