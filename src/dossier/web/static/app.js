// Dossier's only script: served from this server, no framework, no inline code (the CSP forbids it).
// It reads the tables the server rendered and draws SVG charts from them; without it the tables remain.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  // "2024", "2024-05" or "2024-05-17" -> a time in ms (a year means its middle)
  function when(s) {
    if (!s) { return NaN; }
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s);
    if (!m) { return NaN; }
    return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 6, m[3] ? +m[3] : (m[2] ? 15 : 1));
  }

  function axisLabels(svg, t0, t1, x, y) {
    var y0 = new Date(t0).getUTCFullYear(), y1 = new Date(t1).getUTCFullYear();
    var step = Math.max(1, Math.ceil((y1 - y0 + 1) / 12));
    for (var yr = y0; yr <= y1 + 1; yr += step) {
      var t = Date.UTC(yr, 0, 1);
      if (t < t0 || t > t1) { continue; }
      el("line", { x1: x(t), x2: x(t), y1: y - 4, y2: y + 4, "class": "axis" }, svg);
      el("text", { x: x(t) - 12, y: y + 18 }, svg).textContent = String(yr);
    }
  }

  function timelineChart(box) {
    var rows = Array.prototype.slice.call(document.querySelectorAll("#timeline tbody tr[data-date]"));
    var pts = rows.map(function (r) { return { t: when(r.dataset.date), row: r }; })
                  .filter(function (p) { return !isNaN(p.t); });
    if (!pts.length) { return; }
    var lo = Math.min.apply(null, pts.map(function (p) { return p.t; })) - 864e5 * 30;
    var hi = Math.max.apply(null, pts.map(function (p) { return p.t; })) + 864e5 * 30;
    var view = [lo, hi];
    var tools = document.createElement("div");
    tools.className = "tools";
    ["Zoom in", "Zoom out", "Reset"].forEach(function (label) {
      var b = document.createElement("button");
      b.type = "button"; b.textContent = label;
      b.addEventListener("click", function () {
        var mid = (view[0] + view[1]) / 2, half = (view[1] - view[0]) / 2;
        if (label === "Zoom in") { view = [mid - half / 2, mid + half / 2]; }
        else if (label === "Zoom out") { view = [mid - half * 2, mid + half * 2]; }
        else { view = [lo, hi]; }
        draw();
      });
      tools.appendChild(b);
    });
    box.appendChild(tools);
    box.removeAttribute("aria-hidden");
    var W = 1000, H = 120;
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, id: "timeline-svg" }, box);
    svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var r = svg.getBoundingClientRect(), f = (ev.clientX - r.left) / r.width;
      var at = view[0] + f * (view[1] - view[0]), k = ev.deltaY < 0 ? 0.8 : 1.25;
      view = [at - (at - view[0]) * k, at + (view[1] - at) * k];
      draw();
    }, { passive: false });
    function draw() {
      while (svg.firstChild) { svg.removeChild(svg.firstChild); }
      var x = function (t) { return 20 + (t - view[0]) / (view[1] - view[0]) * (W - 40); };
      el("line", { x1: 20, x2: W - 20, y1: 70, y2: 70, "class": "axis" }, svg);
      axisLabels(svg, view[0], view[1], x, 70);
      pts.forEach(function (p, i) {
        if (p.t < view[0] || p.t > view[1]) { return; }
        var c = el("circle", { cx: x(p.t), cy: 60 - (i % 4) * 12, r: 5, "class": "dot" }, svg);
        el("title", {}, c).textContent = p.row.cells[0].textContent + " " + p.row.cells[2].textContent;
        c.addEventListener("click", function () {
          p.row.scrollIntoView({ block: "center" });
          p.row.classList.add("picked");
        });
      });
    }
    draw();
  }

  function seriesChart(box) {
    var rows = Array.prototype.slice.call(document.querySelectorAll("#series tr.point"));
    var pts = rows.map(function (r) {
      return { t: when(r.dataset.period), v: parseFloat(r.dataset.value), kind: r.dataset.modality,
               href: r.dataset.href, label: r.cells[0].textContent + ": " + r.cells[2].textContent };
    }).filter(function (p) { return !isNaN(p.t) && !isNaN(p.v); });
    if (!pts.length) { return; }
    box.removeAttribute("aria-hidden");
    var W = 900, H = 320, L = 70, R = 20, T = 20, B = 40;
    var t0 = Math.min.apply(null, pts.map(function (p) { return p.t; })) - 864e5 * 120;
    var t1 = Math.max.apply(null, pts.map(function (p) { return p.t; })) + 864e5 * 120;
    var v1 = Math.max.apply(null, pts.map(function (p) { return p.v; })) * 1.1 || 1;
    var v0 = Math.min(0, Math.min.apply(null, pts.map(function (p) { return p.v; })));
    var x = function (t) { return L + (t - t0) / (t1 - t0) * (W - L - R); };
    var y = function (v) { return H - B - (v - v0) / (v1 - v0) * (H - T - B); };
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, id: "series-svg" }, box);
    el("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, "class": "axis" }, svg);
    el("line", { x1: L, x2: L, y1: T, y2: H - B, "class": "axis" }, svg);
    for (var i = 0; i <= 4; i++) {
      var v = v0 + (v1 - v0) * i / 4;
      el("text", { x: 4, y: y(v) + 4 }, svg).textContent = v >= 1e9 ? (v / 1e9).toPrecision(3) + " bn"
        : v >= 1e6 ? (v / 1e6).toPrecision(3) + " mln" : v.toPrecision(3);
    }
    axisLabels(svg, t0, t1, x, H - B);
    var groups = {};
    pts.forEach(function (p) { var k = p.kind === "actual" ? "actual" : p.kind; (groups[k] = groups[k] || []).push(p); });
    Object.keys(groups).forEach(function (k) {
      var g = groups[k].sort(function (a, b) { return a.t - b.t; });
      if (g.length > 1) {
        el("polyline", { points: g.map(function (p) { return x(p.t) + "," + y(p.v); }).join(" "), "class": "line " + k }, svg);
      }
      g.forEach(function (p) {
        var a = el("a", { href: p.href || "#" }, svg);
        var c = el("circle", { cx: x(p.t), cy: y(p.v), r: 5, "class": "dot " + k }, a);
        el("title", {}, c).textContent = p.label + " (" + k + ")";
      });
    });
    var lx = L + 10;
    Object.keys(groups).forEach(function (k) {
      el("circle", { cx: lx, cy: T, r: 5, "class": "dot " + k }, svg);
      el("text", { x: lx + 8, y: T + 4 }, svg).textContent = k;
      lx += 90;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var tl = document.getElementById("timeline-chart");
    if (tl) { timelineChart(tl); }
    var sc = document.getElementById("series-chart");
    if (sc) { seriesChart(sc); }
    var hl = document.getElementById("hl");
    if (hl) { hl.scrollIntoView({ block: "center" }); }
  });
}());
