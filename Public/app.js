// Wiring: the filters drive the timeline, the fragment (#event=…, #entity=…, #article=…,
// #articles) drives the side panel, and the change feed keeps both current.

import { api } from "./api.js";
import { h, replace, loading, failure, label, latestLoads } from "./dom.js";
import { bindFilters, isFiltered } from "./filters.js";
import { renderTimeline } from "./timeline.js";
import { showEvent, showEntity, showArticles } from "./detail.js";
import { showArticle } from "./reader.js";
import { connectLive } from "./live.js";
import { createHistogram } from "./histogram.js";
import { createMap } from "./map.js";

const timelineBody = document.getElementById("timeline-body");
const latestTimeline = latestLoads(timelineBody);
const timelineCount = document.getElementById("timeline-count");
const panel = document.getElementById("panel");
const panelBody = document.getElementById("panel-body");
const announcer = document.getElementById("announcer");
const liveStatus = document.getElementById("live-status");

const entities = new Map();
const fresh = new Set();
// Null until the timeline has loaded, and after it failed: nothing to draw then.
let events = null;
let opener = null;

/** An entity's name, or its id made readable while the entities load. */
function names(id) {
  const entity = entities.get(id);
  return entity ? entity.name : label(id);
}

function announce(text) {
  announcer.textContent = "";
  // A fresh text node after a tick makes screen readers speak repeated messages too.
  setTimeout(() => { announcer.textContent = text; }, 50);
}

const filters = bindFilters(document.getElementById("filters"), {
  entityName: names,
  onChange: () => loadTimeline(),
});

const histogram = createHistogram(document.getElementById("histogram"), {
  onRange: (from, to) => filters.set({ from, to }),
});

const map = createMap(document.getElementById("map"), {
  onSelect: (id) => filters.set({ location: id }),
});

/** The charts follow the filters, and quietly the live changes. */
function loadCharts(options) {
  histogram.load(filters.current(), options);
  map.load(filters.current(), options);
}

async function loadEntities() {
  try {
    const { items } = await api.entities();
    entities.clear();
    for (const entity of items) entities.set(entity.id, entity);
    filters.setEntities(items);
    draw();
  } catch (error) {
    // The timeline still works with ids for names; say why the names are missing.
    announce(`Entity names could not be loaded: ${error.message}`);
  }
}

function loadTimeline({ quiet = false } = {}) {
  const current = filters.current();
  loadCharts({ quiet });
  if (!quiet) {
    events = null;
    replace(timelineBody, loading("events"));
    timelineCount.textContent = "";
  }
  return latestTimeline((signal) => api.events(current, { signal }), ({ items, total }) => {
    events = items;
    draw();
    if (!performance.getEntriesByName("dateline:list-drawn").length) performance.mark("dateline:list-drawn");
    timelineCount.textContent = `${total} ${total === 1 ? "event" : "events"}${isFiltered(current) ? " match the filters" : ""}`;
  }, (error) => {
    events = null;
    timelineCount.textContent = "";
    replace(timelineBody, failure("events", error));
  }, { quiet });
}

function draw() {
  if (events === null) return;
  if (!events.length) {
    const clear = h("button", { type: "button", class: "button" }, "Clear filters");
    clear.addEventListener("click", () => document.getElementById("filters").reset());
    replace(timelineBody, h("div", { class: "state state-empty", role: "status" },
      h("p", {}, isFiltered(filters.current()) ? "No events match these filters." : "No events yet."),
      isFiltered(filters.current()) ? clear : null));
    return;
  }
  // A redraw (live update, names arriving) keeps keyboard focus on the same link.
  const focused = timelineBody.contains(document.activeElement) ? document.activeElement : null;
  const item = focused && focused.closest(".event");
  const href = focused && focused.getAttribute("href");
  renderTimeline(timelineBody, events, names, { fresh, selected: route().event || "" });
  if (item && href) {
    const again = timelineBody.querySelector(`.event[data-id="${CSS.escape(item.dataset.id)}"] a[href="${CSS.escape(href)}"]`);
    if (again) again.focus();
  }
}

// The panel follows the fragment, so every view has an address and Back closes it.
function route() {
  return Object.fromEntries(new URLSearchParams(location.hash.slice(1)));
}

async function showPanel({ focus = false } = {}) {
  const view = route();
  const open = Boolean(view.event || view.entity || view.article || "articles" in view);
  panel.classList.toggle("is-open", open);
  document.body.classList.toggle("panel-open", open);
  for (const item of timelineBody.querySelectorAll(".event[aria-current]")) item.removeAttribute("aria-current");
  if (!open) {
    replace(panelBody, h("p", { class: "state state-hint" }, "Choose an event to read its sources, or a name to see its entity."));
    return;
  }
  if (view.event) {
    const item = timelineBody.querySelector(`.event[data-id="${CSS.escape(view.event)}"]`);
    if (item) item.setAttribute("aria-current", "true");
    await showEvent(panelBody, view.event, names);
  } else if (view.entity) {
    await showEntity(panelBody, view.entity, names, { onFilter: (id) => filters.addEntity(id) });
  } else if (view.article) {
    const highlight = view.start && view.end ? { start: Number(view.start), end: Number(view.end) } : null;
    await showArticle(panelBody, view.article, names, highlight);
  } else {
    await showArticles(panelBody);
  }
  if (focus) {
    const title = panelBody.querySelector(".panel-title");
    if (title) { title.setAttribute("tabindex", "-1"); title.focus(); }
  }
}

function closePanel() {
  history.pushState(history.state, "", `${location.pathname}${location.search}`);
  showPanel();
  if (opener && document.contains(opener)) opener.focus();
  else document.getElementById("timeline").focus();
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[href^='#']");
  if (link && link.getAttribute("href").length > 1) opener = link;
});
window.addEventListener("hashchange", () => showPanel({ focus: true }));
// A change of fragment (a link, Back or Forward) fires hashchange too, which draws the panel.
window.addEventListener("popstate", () => {
  if (filters.sync()) loadTimeline();
});
document.getElementById("panel-close").addEventListener("click", closePanel);
document.getElementById("show-articles").addEventListener("click", () => { location.hash = "articles"; });
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && panel.classList.contains("is-open")) closePanel();
});

// Live: new and changed events show up without a reload.
let refreshTimer = 0;
function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => loadTimeline({ quiet: true }), 200);
}

let panelTimer = 0;
function refreshPanelSoon() {
  clearTimeout(panelTimer);
  panelTimer = setTimeout(() => showPanel(), 400);
}

async function onChange(change) {
  if (change.kind === "entity") {
    await loadEntities();
  } else if (change.kind === "event") {
    if (change.op === "created") {
      fresh.add(change.id);
      api.event(change.id).then((event) => announce(`New event: ${event.summary}`)).catch(() => {});
    }
    refreshSoon();
    if (route().event === change.id) showPanel();
    // An entity's panel counts shared events: its graph follows.
    else if (route().entity) refreshPanelSoon();
  } else if (change.kind === "article") {
    refreshSoon();
    if ("articles" in route() || route().article === change.id) showPanel();
  }
}

const STATUS_TEXT = {
  connecting: "Connecting to live updates…",
  live: "Live: new events appear as they are reported",
  reconnecting: "Live updates interrupted, reconnecting…",
  offline: "Live updates unavailable; retrying",
};
connectLive({
  onChange,
  onStatus: (state) => {
    liveStatus.dataset.state = state;
    liveStatus.textContent = STATUS_TEXT[state];
  },
  onResync: () => { loadEntities(); refreshSoon(); },
});

replace(panelBody, loading("…"));
loadEntities();
loadTimeline();
showPanel();
