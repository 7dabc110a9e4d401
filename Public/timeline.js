// The timeline: events in date order, grouped by month (or year), undated ones last.

import { h, replace, label } from "./dom.js";
import { formatDate, machineDate, groupOf, timelineOrder } from "./dates.js";

const STATUS_MARK = { occurred: "", ongoing: "◔ ", scheduled: "◷ ", possible: "? " };

/** One event as a timeline entry. `isNew` marks one that arrived through the change feed. */
export function eventItem(event, names, { isNew = false, selected = false } = {}) {
  const people = event.participants.filter((p) => p.entityId !== event.location);
  return h("li", { class: `event status-${event.status}${isNew ? " is-new" : ""}`, "data-id": event.id,
    "aria-current": selected ? "true" : null },
  h("div", { class: "event-head" },
    h("time", { class: "event-date", datetime: machineDate(event.date) }, formatDate(event.date)),
    h("span", { class: `tag type type-${event.type}` }, label(event.type)),
    h("span", { class: `tag status status-tag-${event.status}` }, STATUS_MARK[event.status] || "", label(event.status)),
    isNew ? h("span", { class: "tag new-tag" }, "New") : null),
  h("h4", { class: "event-summary" },
    h("a", { href: `#event=${encodeURIComponent(event.id)}`, class: "event-link" }, event.summary)),
  people.length || event.location
    ? h("p", { class: "event-who" },
      people.length ? h("span", { class: "who" }, h("span", { class: "visually-hidden" }, "Participants: "),
        joined(people.map((p) => entityLink(p.entityId, names)))) : null,
      event.location ? h("span", { class: "where" }, "in ", entityLink(event.location, names)) : null)
    : null);
}

/** A link that opens an entity's panel. */
export function entityLink(id, names) {
  return h("a", { href: `#entity=${encodeURIComponent(id)}`, class: "entity-link" }, names(id));
}

function joined(nodes) {
  return nodes.flatMap((node, index) => (index ? [", ", node] : [node]));
}

/** Renders the grouped timeline into `container`. */
export function renderTimeline(container, events, names, { fresh = new Set(), selected = "" } = {}) {
  const groups = [];
  for (const event of timelineOrder(events)) {
    const group = groupOf(event);
    if (!groups.length || groups[groups.length - 1].key !== group.key) groups.push({ ...group, events: [] });
    groups[groups.length - 1].events.push(event);
  }
  replace(container, groups.map((group) => {
    const id = `group-${group.key}`;
    return h("section", { class: `month${group.key === "undated" ? " undated" : ""}`, "aria-labelledby": id },
      h("h3", { id, class: "month-title" }, group.label,
        h("span", { class: "month-count" }, ` · ${group.events.length} ${group.events.length === 1 ? "event" : "events"}`)),
      h("ol", { class: "events" }, group.events.map((event) =>
        eventItem(event, names, { isNew: fresh.has(event.id), selected: event.id === selected }))));
  }));
}
