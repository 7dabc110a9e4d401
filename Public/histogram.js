// The time histogram: `/timeline` counts with the page's filters, by year, month or day as the
// range shown calls for. Dragging across bars (or Shift and the arrows, then Enter) chooses
// dates; `onRange(from, to)` gets them.

import { api } from "./api.js";
import { h, replace, failure, latestLoads } from "./dom.js";
import { bucketRange, daysBetween } from "./dates.js";
import { s, hiddenTable, count, rovingFocus, chartDrawn } from "./charts.js";

const HEIGHT = 132;
const AXIS = 22;
const TOP = 16;
const WIDEST_BAR = 56;
const RANK = { year: 0, month: 1, day: 2 };
const PLURAL = { year: "year", month: "month", day: "day" };

/** The bucket size for a range of days: about a screenful of bars, never hundreds. */
export function granularityFor(from, to) {
  const span = daysBetween(from, to);
  if (span > 3 * 366) return "year";
  return span > 92 ? "month" : "day";
}

function extent(buckets, filters) {
  const ranges = buckets.map((b) => bucketRange(b.key)).filter(Boolean);
  if (!ranges.length) return null;
  const from = filters.from || ranges.reduce((a, r) => (r.from < a ? r.from : a), ranges[0].from);
  let to = filters.to || ranges.reduce((a, r) => (r.to > a ? r.to : a), ranges[0].to);
  if (to < from) to = from;
  return { from, to };
}

/** Buckets at the finest granularity the range shown calls for: one request when both dates are set. */
async function fetchBuckets(filters, signal) {
  let granularity = filters.from && filters.to ? granularityFor(filters.from, filters.to) : "year";
  for (;;) {
    const { data } = await api.timeline(filters, granularity, { signal });
    const range = extent(data, filters);
    if ((filters.from && filters.to) || !range) return { buckets: data, granularity };
    const finer = granularityFor(range.from, range.to);
    if (RANK[finer] <= RANK[granularity]) return { buckets: data, granularity };
    granularity = finer;
  }
}

export function createHistogram(root, { onRange }) {
  const figure = h("div", { class: "chart-figure histogram-figure" });
  const readout = h("p", { class: "chart-readout", "aria-live": "polite" });
  const reset = h("button", { type: "button", class: "button button-quiet chart-reset", hidden: true }, "Show all dates");
  const table = h("div");
  const title = h("h3", { id: "histogram-heading", class: "chart-title" }, "Events over time");
  replace(root,
    h("div", { class: "chart-head" },
      title,
      h("p", { id: "histogram-hint", class: "chart-hint" },
        "Drag across bars to show those dates, or focus a bar and press Shift with the arrows, then Enter."),
      reset),
    figure, readout, table);
  reset.addEventListener("click", () => onRange("", ""));

  let state = null;
  let width = 0;
  const latest = latestLoads(root);

  function load(filters, options) {
    reset.hidden = !(filters.from || filters.to);
    return latest((signal) => fetchBuckets(filters, signal), ({ buckets, granularity }) => {
      state = { buckets, granularity, filters, anchor: null, selection: null };
      draw();
    }, (error) => {
      state = null;
      replace(figure, failure("the counts over time", error));
      replace(table);
      readout.textContent = "";
    }, options);
  }

  function draw() {
    if (!state) return;
    const { buckets, granularity } = state;
    const bars = buckets.map((bucket) => ({ ...bucket, range: bucketRange(bucket.key) || { from: "", to: "", label: bucket.key } }));
    state.bars = bars;
    root.dataset.granularity = granularity;
    title.textContent = `Events per ${PLURAL[granularity]}`;
    replace(table, hiddenTable(`Events per ${PLURAL[granularity]}`, [PLURAL[granularity][0].toUpperCase() + PLURAL[granularity].slice(1), "Events", "From", "To"],
      bars.map((bar) => [bar.range.label, String(bar.count), bar.range.from, bar.range.to])));
    if (!bars.length) {
      replace(figure, h("p", { class: "state chart-empty" }, "No dated events to count."));
      readout.textContent = "";
      return;
    }
    // A focused bar keeps focus through a redraw (a live update, a resize).
    const focusedKey = figure.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    width = figure.clientWidth || 600;
    // Buckets side by side; a wider gap where days are skipped between two of them.
    const gaps = bars.map((bar, i) => (i && bars[i - 1].range.to && daysBetween(bars[i - 1].range.to, bar.range.from) > 1 ? 0.6 : 0));
    const units = bars.length + gaps.reduce((a, b) => a + b, 0);
    const slot = Math.min(WIDEST_BAR / 0.8, width / units);
    const left = (width - slot * units) / 2;
    let x = left;
    const most = Math.max(...bars.map((bar) => bar.count));
    const plot = HEIGHT - AXIS - TOP;
    const labelEvery = Math.max(1, Math.ceil((granularity === "year" ? 40 : 64) / slot));
    for (const [i, bar] of bars.entries()) {
      x += gaps[i] * slot;
      bar.x = x;
      bar.width = slot;
      x += slot;
    }
    const marks = bars.map((bar) => {
      const height = Math.max(2, (bar.count / most) * plot);
      const coarse = bar.precision !== granularity;
      const name = `${bar.range.label}${coarse ? `, dated to the ${bar.precision} only` : ""}: ${count(bar.count)}`;
      return s("g", { class: `bar${coarse ? " bar-coarse" : ""}`, role: "button", "aria-label": name,
        "aria-describedby": "histogram-hint", "data-key": bar.key, "data-count": bar.count,
        "data-from": bar.range.from, "data-to": bar.range.to },
      s("title", {}, name),
      s("rect", { class: "bar-hit", x: bar.x, y: TOP, width: bar.width, height: plot }),
      s("rect", { class: "bar-fill", x: bar.x + bar.width * 0.1, y: TOP + plot - height, width: Math.max(1, bar.width * 0.8), height }),
      bar.width >= 22 ? s("text", { class: "bar-count", x: bar.x + bar.width / 2, y: TOP + plot - height - 4, "text-anchor": "middle" }, String(bar.count)) : null);
    });
    const labels = bars.map((bar, i) => (i % labelEvery === 0
      ? s("text", { class: "axis-label", x: bar.x + bar.width / 2, y: HEIGHT - 6, "text-anchor": "middle", "aria-hidden": "true" },
        shortLabel(bar, granularity))
      : null));
    const band = s("rect", { class: "selection-band", x: 0, y: TOP - 4, width: 0, height: plot + 4, visibility: "hidden" });
    const svg = s("svg", { class: "histogram", width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`,
      role: "group", "aria-labelledby": "histogram-heading" },
    band, marks,
    s("line", { class: "axis", x1: 0, x2: width, y1: TOP + plot + 0.5, y2: TOP + plot + 0.5 }), labels);
    replace(figure, svg);
    rovingFocus(marks, {
      start: Math.max(0, bars.findIndex((bar) => bar.key === focusedKey)),
      onMove: (index, event) => {
        if (event.shiftKey && state.anchor !== null) { select(state.anchor, index); return; }
        state.anchor = null;
        select(null);
        show(index);
      },
      keys: {
        Enter: (index) => apply(state.selection || [index, index]),
        " ": (index) => apply(state.selection || [index, index]),
        Escape: (index) => { state.anchor = null; select(null); show(index); },
      },
    });
    for (const [i, mark] of marks.entries()) {
      mark.addEventListener("focus", () => { if (!state.selection) show(i); });
      mark.addEventListener("keydown", (event) => {
        // Shift with an arrow starts a selection at the bar focused before the move.
        if (event.shiftKey && event.key.startsWith("Arrow") && state.anchor === null) state.anchor = i;
      }, { capture: true });
    }
    if (focusedKey !== null) {
      const again = marks.find((mark) => mark.dataset.key === focusedKey);
      if (again) again.focus();
    }
    bindPointer(svg);
    chartDrawn("histogram");
  }

  function indexAt(clientX) {
    const box = figure.firstChild.getBoundingClientRect();
    const x = clientX - box.left;
    let best = 0;
    for (const [i, bar] of state.bars.entries()) {
      if (Math.abs(x - (bar.x + bar.width / 2)) < Math.abs(x - (state.bars[best].x + state.bars[best].width / 2))) best = i;
    }
    return best;
  }

  function bindPointer(svg) {
    let dragging = false;
    svg.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      dragging = true;
      svg.setPointerCapture(event.pointerId);
      state.anchor = indexAt(event.clientX);
      select(state.anchor, state.anchor);
    });
    svg.addEventListener("pointermove", (event) => {
      const index = indexAt(event.clientX);
      if (dragging) select(state.anchor, index);
      else show(index);
    });
    svg.addEventListener("pointerup", (event) => {
      if (!dragging) return;
      dragging = false;
      const range = [state.anchor, indexAt(event.clientX)];
      state.anchor = null;
      apply(range);
    });
    svg.addEventListener("pointercancel", () => { dragging = false; state.anchor = null; select(null); });
    svg.addEventListener("pointerleave", () => { if (!dragging && !state.selection) readout.textContent = ""; });
  }

  function chosen([a, b]) {
    const bars = state.bars.slice(Math.min(a, b), Math.max(a, b) + 1);
    const from = bars.reduce((m, bar) => (bar.range.from && bar.range.from < m ? bar.range.from : m), bars[0].range.from);
    const to = bars.reduce((m, bar) => (bar.range.to > m ? bar.range.to : m), bars[0].range.to);
    return { bars, from, to, total: bars.reduce((sum, bar) => sum + bar.count, 0) };
  }

  function select(a, b = a) {
    const band = figure.querySelector(".selection-band");
    const marks = figure.querySelectorAll(".bar");
    if (a === null) {
      state.selection = null;
      band.setAttribute("visibility", "hidden");
      for (const mark of marks) mark.classList.remove("is-selected");
      return;
    }
    state.selection = [a, b];
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    band.setAttribute("x", state.bars[lo].x);
    band.setAttribute("width", state.bars[hi].x + state.bars[hi].width - state.bars[lo].x);
    band.setAttribute("visibility", "visible");
    marks.forEach((mark, i) => mark.classList.toggle("is-selected", i >= lo && i <= hi));
    const { bars, from, to, total } = chosen([lo, hi]);
    readout.textContent = `${bars.length > 1 ? `${bars[0].range.label} to ${bars[bars.length - 1].range.label}` : bars[0].range.label}: `
      + `${count(total)}, ${from} to ${to}. Release or press Enter to show them.`;
  }

  function show(index) {
    const bar = state.bars[index];
    if (!bar) return;
    readout.textContent = `${bar.range.label}: ${count(bar.count)} (${bar.range.from === bar.range.to ? bar.range.from : `${bar.range.from} to ${bar.range.to}`})`;
  }

  function apply(selection) {
    const { from, to } = chosen(selection);
    select(null);
    if (from && to) onRange(from, to);
  }

  new ResizeObserver(() => {
    if (state && Math.abs((figure.clientWidth || 600) - width) > 1) draw();
  }).observe(figure);

  return { load };
}

function shortLabel(bar, granularity) {
  const { key } = bar;
  if (bar.precision === "year" || granularity === "year") return bar.range.label;
  if (/^\d{4}-\d{2}$/.test(key)) return bar.range.label.replace(/^(\w{3})\w* (\d{4})$/, "$1 $2");
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return bar.range.label.replace(/ \d{4}$/, "");
  return bar.range.label;
}
