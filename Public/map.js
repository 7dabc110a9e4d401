// The map of event places: `/places` with the page's filters (all but the place itself), each a
// mark sized by its events over the world outline of world.json (equirectangular, no tiles).
// Choosing a mark filters by that place (`onSelect(id)`; again, or "", to clear it).

import { api, getJSON } from "./api.js";
import { h, replace, failure, latestLoads } from "./dom.js";
import { s, hiddenTable, count, rovingFocus, chartDrawn } from "./charts.js";

const SMALLEST = 4;
const LARGEST = 18;
const LABELLED = 8;
// Marks are scaled as if the busiest place had at least this many events, so few events look few.
const SCALE_FLOOR = 10;

let world = null;

/** The outline as one path in map units (x = longitude + 180, y = 90 - latitude); "" without it. */
function outline() {
  if (!world) {
    world = getJSON("world.json").then(({ rings }) => rings.map((ring) => `M${ring.map(([lon, lat]) =>
      `${round(lon + 180)} ${round(90 - lat)}`).join("L")}Z`).join("")).catch(() => "");
  }
  return world;
}

function round(value) {
  return Math.round(value * 100) / 100;
}

/** The part of the world to show: every mark with room around it, at the figure's proportions. */
export function frame(points, aspect) {
  if (!points.length) return { x: 0, y: 6, width: 360, height: 150 };
  let left = Math.min(...points.map((p) => p.x)) - 8;
  let right = Math.max(...points.map((p) => p.x)) + 8;
  let top = Math.min(...points.map((p) => p.y)) - 8;
  let bottom = Math.max(...points.map((p) => p.y)) + 8;
  // Never closer than 40 degrees across, so that a single place still shows its surroundings.
  const grow = (low, high, least) => (high - low < least ? [(low + high - least) / 2, (low + high + least) / 2] : [low, high]);
  [left, right] = grow(left, right, 40);
  [top, bottom] = grow(top, bottom, 40 / aspect);
  if ((right - left) / (bottom - top) < aspect) [left, right] = grow(left, right, (bottom - top) * aspect);
  else [top, bottom] = grow(top, bottom, (right - left) / aspect);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Where a mark's name fits, right of it or left, clear of the marks and of names placed before; null if nowhere. */
function placeLabel(name, x, y, r, unit, taken) {
  const width = name.length * 6.4 * unit;
  const top = y - 7 * unit;
  const bottom = y + 6 * unit;
  const tries = [
    { x: x + r + 3 * unit, anchor: "start", left: x + r + 2 * unit, right: x + r + 3 * unit + width },
    { x: x - r - 3 * unit, anchor: "end", left: x - r - 3 * unit - width, right: x - r - 2 * unit },
  ];
  for (const option of tries) {
    const box = { left: option.left, right: option.right, top, bottom };
    if (taken.some((t) => t.left < box.right && t.right > box.left && t.top < box.bottom && t.bottom > box.top)) continue;
    taken.push(box);
    return option;
  }
  return null;
}

export function createMap(root, { onSelect }) {
  const figure = h("div", { class: "chart-figure map-figure" });
  const readout = h("p", { class: "chart-readout", "aria-live": "polite" });
  const note = h("p", { class: "chart-hint map-note" });
  const table = h("div");
  replace(root,
    h("div", { class: "chart-head" },
      h("h3", { id: "map-heading", class: "chart-title" }, "Where"),
      h("p", { id: "map-hint", class: "chart-hint" }, "Marks grow with the events at each place. Choose one to show only its events.")),
    figure, readout, note, table);

  let state = null;
  let width = 0;
  const latest = latestLoads(root);

  function load(filters, options) {
    const places = (signal) => Promise.all([api.places({ ...filters, location: "" }, { signal }), outline()]);
    return latest(places, ([{ data, total }, shape]) => {
      state = { places: data, total: total || data.length, shape, selected: filters.location };
      draw();
    }, (error) => {
      state = null;
      replace(figure, failure("the places", error));
      replace(table);
      readout.textContent = "";
      note.textContent = "";
    }, options);
  }

  function draw() {
    if (!state) return;
    const { places, shape, selected } = state;
    replace(table, hiddenTable("Events per place", ["Place", "Events", "Latitude", "Longitude"], places.map((place) =>
      [place.name, String(place.events), place.coordinates ? String(place.coordinates.lat) : "unknown",
        place.coordinates ? String(place.coordinates.lon) : "unknown"])));
    const shown = places.filter((place) => place.coordinates);
    const unplaced = places.length - shown.length;
    note.textContent = [
      state.total > places.length ? `The ${places.length} busiest of ${state.total} places.` : "",
      unplaced ? `${count(unplaced, "place")} without coordinates ${unplaced === 1 ? "is" : "are"} in the table only.` : "",
    ].filter(Boolean).join(" ");
    if (!places.length) {
      replace(figure, h("p", { class: "state chart-empty" }, "No places named by these events."));
      readout.textContent = "";
      return;
    }
    const focusedId = figure.contains(document.activeElement) ? document.activeElement.dataset.id : null;
    width = figure.clientWidth || 600;
    const height = Math.round(Math.max(180, Math.min(320, width * 0.5)));
    const points = shown.map((place) => ({ place, x: place.coordinates.lon + 180, y: 90 - place.coordinates.lat }));
    const view = frame(points, width / height);
    const unit = view.width / width;
    const most = Math.max(SCALE_FLOOR, ...shown.map((place) => place.events));
    // The largest underneath, so that every mark can be pointed at.
    const order = [...points].sort((a, b) => b.place.events - a.place.events);
    const taken = order.map(({ place, x, y }) => {
      const r = (SMALLEST + (LARGEST - SMALLEST) * Math.sqrt(place.events / most)) * unit;
      return { left: x - r, right: x + r, top: y - r, bottom: y + r };
    });
    const marks = order.map(({ place, x, y }, rank) => {
      const r = (SMALLEST + (LARGEST - SMALLEST) * Math.sqrt(place.events / most)) * unit;
      const name = `${place.name}: ${count(place.events)}`;
      const label = rank < LABELLED ? placeLabel(place.name, x, y, r, unit, taken) : null;
      return s("g", { class: `place${place.id === selected ? " is-selected" : ""}`, role: "button",
        "aria-pressed": place.id === selected ? "true" : "false", "aria-label": name, "aria-describedby": "map-hint",
        "data-id": place.id, "data-events": place.events },
      s("title", {}, name),
      s("circle", { class: "place-dot", cx: round(x), cy: round(y), r: round(r) }),
      label ? s("text", { class: "place-label", x: round(label.x), y: round(y + 4 * unit), "text-anchor": label.anchor,
        "font-size": round(11 * unit) }, place.name) : null);
    });
    const svg = s("svg", { class: "map", width, height, viewBox: `${round(view.x)} ${round(view.y)} ${round(view.width)} ${round(view.height)}`,
      role: "group", "aria-labelledby": "map-heading" },
    s("rect", { class: "sea", x: -360, y: -180, width: 1080, height: 540 }),
    shape ? s("path", { class: "land", d: shape }) : null,
    s("g", { class: "places" }, marks));
    replace(figure, svg);
    // Keyboard order: most events first, as /places lists them.
    const byEvents = [...marks].sort((a, b) => b.dataset.events - a.dataset.events);
    rovingFocus(byEvents, {
      start: Math.max(0, byEvents.findIndex((mark) => mark.dataset.id === (focusedId || selected))),
      onMove: (index) => describe(byEvents[index]),
      keys: { Enter: (index) => choose(byEvents[index]), " ": (index) => choose(byEvents[index]) },
    });
    for (const mark of marks) {
      mark.addEventListener("click", () => choose(mark));
      mark.addEventListener("focus", () => describe(mark));
      mark.addEventListener("pointerenter", () => describe(mark));
    }
    if (focusedId) {
      const again = byEvents.find((mark) => mark.dataset.id === focusedId);
      if (again) again.focus();
    }
    chartDrawn("map");
  }

  function describe(mark) {
    const place = state.places.find((p) => p.id === mark.dataset.id);
    if (!place) return;
    readout.textContent = `${place.name}: ${count(place.events)}${place.id === state.selected ? " (shown; choose again to show every place)" : ""}`;
  }

  function choose(mark) {
    onSelect(mark.dataset.id === state.selected ? "" : mark.dataset.id);
  }

  new ResizeObserver(() => {
    if (state && Math.abs((figure.clientWidth || 600) - width) > 1) draw();
  }).observe(figure);

  return { load };
}
