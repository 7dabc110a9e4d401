// What the charts share: SVG nodes, the hidden table of their numbers, keyboard movement
// between marks, a seeded random source, and the moment the first chart was drawn.

import { build, h } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";

/** An SVG element, as `h` makes HTML ones: `s("rect", {x: 1, class: "bar"}, s("title", {}, "…"))`. */
export function s(tag, attributes = {}, ...children) {
  return build(document.createElementNS(SVG, tag), attributes, children);
}

/** A table only screen readers see: the numbers a chart draws. */
export function hiddenTable(caption, headings, rows) {
  // The box is hidden, not the table: a table is as wide as its cells whatever its width says.
  return h("div", { class: "visually-hidden" }, h("table", { class: "chart-table" },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, headings.map((text) => h("th", { scope: "col" }, text)))),
    h("tbody", {}, rows.map((row) => h("tr", {}, row.map((cell, index) =>
      h(index ? "td" : "th", index ? {} : { scope: "row" }, cell)))))));
}

/** "1 event", "3 events". */
export function count(n, word = "event", plural = `${word}s`) {
  return `${n.toLocaleString("en")} ${n === 1 ? word : plural}`;
}

/**
 * One tab stop for a set of marks: arrows (and Home, End) move focus among `marks` in their
 * order; `onMove(index, event)` runs after each move. Returns the index focused last.
 */
export function rovingFocus(marks, { start = 0, onMove = () => {}, keys = {} } = {}) {
  let current = Math.max(0, Math.min(start, marks.length - 1));
  marks.forEach((mark, index) => {
    mark.setAttribute("tabindex", index === current ? "0" : "-1");
    mark.addEventListener("focus", () => {
      if (current !== index) { marks[current].setAttribute("tabindex", "-1"); current = index; mark.setAttribute("tabindex", "0"); }
    });
    mark.addEventListener("keydown", (event) => {
      const steps = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
      let next = null;
      if (event.key in steps) next = Math.max(0, Math.min(marks.length - 1, index + steps[event.key]));
      else if (event.key === "Home") next = 0;
      else if (event.key === "End") next = marks.length - 1;
      else if (keys[event.key]) { event.preventDefault(); keys[event.key](index, event); return; }
      if (next === null) return;
      event.preventDefault();
      marks[next].focus();
      onMove(next, event);
    });
  });
  return { focused: () => current };
}

/** A random source that gives the same numbers for the same seed (mulberry32). */
export function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number from a string, to seed a layout by what it shows. */
export function hash(text) {
  let value = 2166136261;
  for (let i = 0; i < text.length; i += 1) value = Math.imul(value ^ text.charCodeAt(i), 16777619);
  return value >>> 0;
}

/** Marks the first chart drawn, once, for the page's load timing (`dateline:first-chart`). */
export function chartDrawn(name) {
  if (performance.getEntriesByName("dateline:first-chart").length) return;
  performance.mark("dateline:first-chart", { detail: name });
}
