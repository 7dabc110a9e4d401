// Who with whom: an entity and those that share events with it, sized and linked by the number
// of shared events, laid out by a small force simulation from a seed (the same picture each time).

import { h, label } from "./dom.js";
import { s, hiddenTable, count, seeded, hash, chartDrawn } from "./charts.js";

const WIDTH = 360;
const HEIGHT = 260;
const MARGIN = 34;
const ROUNDS = 300;

function radius(shared) {
  return 5 + 3.5 * Math.sqrt(shared);
}

/** Links between the entity's companions: how many of its events name both. */
export function companionLinks(ids, events) {
  const known = new Set(ids);
  const links = new Map();
  for (const event of events) {
    const named = [...new Set([...event.participants.map((p) => p.entityId), event.location].filter((id) => known.has(id)))].sort();
    for (let i = 0; i < named.length; i += 1) {
      for (let j = i + 1; j < named.length; j += 1) {
        const key = `${named[i]} ${named[j]}`;
        links.set(key, (links.get(key) || 0) + 1);
      }
    }
  }
  return [...links].map(([key, weight]) => { const [a, b] = key.split(" "); return { a, b, weight }; });
}

/** Positions for `nodes` (the first held at the centre) joined by `links` of `{a, b, weight}` indices. */
export function layout(nodes, links, seed) {
  const random = seeded(seed);
  const points = nodes.map((node, i) => {
    if (i === 0) return { x: 0, y: 0 };
    const angle = (2 * Math.PI * (i - 1)) / Math.max(1, nodes.length - 1) + random() * 0.5;
    const distance = 80 + random() * 40;
    return { x: Math.cos(angle) * distance, y: Math.sin(angle) * distance };
  });
  const ideal = 90;
  for (let round = 0; round < ROUNDS; round += 1) {
    const heat = 8 * (1 - round / ROUNDS) + 0.2;
    const moves = points.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < points.length; i += 1) {
      for (let j = i + 1; j < points.length; j += 1) {
        const dx = points[i].x - points[j].x || 0.01;
        const dy = points[i].y - points[j].y || 0.01;
        const d2 = dx * dx + dy * dy;
        const push = (ideal * ideal) / d2;
        moves[i].x += dx * push * 0.05; moves[i].y += dy * push * 0.05;
        moves[j].x -= dx * push * 0.05; moves[j].y -= dy * push * 0.05;
      }
    }
    for (const { a, b, weight } of links) {
      const dx = points[a].x - points[b].x;
      const dy = points[a].y - points[b].y;
      const d = Math.hypot(dx, dy) || 0.01;
      // Stronger ties pull closer.
      const pull = ((d - ideal / Math.sqrt(weight)) / d) * 0.2;
      moves[a].x -= dx * pull; moves[a].y -= dy * pull;
      moves[b].x += dx * pull; moves[b].y += dy * pull;
    }
    for (let i = 1; i < points.length; i += 1) {
      const length = Math.hypot(moves[i].x, moves[i].y);
      const step = length > heat ? heat / length : 1;
      points[i].x += moves[i].x * step;
      points[i].y += moves[i].y * step;
    }
  }
  // Fitted to the drawing, not enlarged more than twice.
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(2, (WIDTH - 2 * MARGIN) / Math.max(1, right - left), (HEIGHT - 2 * MARGIN) / Math.max(1, bottom - top));
  return points.map((p) => ({ x: WIDTH / 2 + (p.x - (left + right) / 2) * scale, y: HEIGHT / 2 + (p.y - (top + bottom) / 2) * scale }));
}

/**
 * The graph of `entity` and its `related` list (`/entities/{id}/related`), with the links among
 * companions read from the entity's `events`. Null when nothing shares an event with it.
 */
export function entityGraph(entity, related, events) {
  const companions = related.filter((r) => r.sharedEvents > 0)
    .sort((a, b) => b.sharedEvents - a.sharedEvents || (a.entity.id < b.entity.id ? -1 : 1));
  if (!companions.length) return null;
  const nodes = [{ id: entity.id, name: entity.name, type: entity.type, shared: 0 }, ...companions.map((r) =>
    ({ id: r.entity.id, name: r.entity.name, type: r.entity.type, shared: r.sharedEvents }))];
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const ties = companions.map((r) => ({ a: 0, b: index.get(r.entity.id), weight: r.sharedEvents }));
  const among = companionLinks(companions.map((r) => r.entity.id), events)
    .map(({ a, b, weight }) => ({ a: index.get(a), b: index.get(b), weight }));
  const links = [...ties, ...among];
  const points = layout(nodes, links, hash(nodes.map((n) => n.id).join(" ")));
  const largest = Math.max(...nodes.map((n) => n.shared));
  const between = (link) => `${nodes[link.a].name} and ${nodes[link.b].name}: ${count(link.weight, "shared event")}`;
  const svg = s("svg", { class: "graph", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "group",
    "aria-label": `${entity.name} and the ${count(companions.length, "entity", "entities")} sharing events with it` },
  s("g", { class: "links" }, links.map((link) => s("line", {
    class: `link${link.a === 0 ? " link-tie" : ""}`, x1: points[link.a].x, y1: points[link.a].y, x2: points[link.b].x, y2: points[link.b].y,
    "stroke-width": 1 + (3 * link.weight) / Math.max(1, largest) }, s("title", {}, between(link))))),
  s("g", { class: "nodes" }, nodes.map((node, i) => {
    const r = i === 0 ? 12 : radius(node.shared);
    const name = i === 0 ? `${node.name} (shown)` : `${node.name}, ${label(node.type)}: ${count(node.shared, "shared event")}`;
    const text = node.name.length > 20 ? `${node.name.slice(0, 19)}…` : node.name;
    const below = points[i].y < HEIGHT - MARGIN;
    const parts = [
      s("title", {}, name),
      s("circle", { class: `node-dot type-${node.type}`, cx: points[i].x, cy: points[i].y, r }),
      s("text", { class: "node-label", x: points[i].x, y: below ? points[i].y + r + 12 : points[i].y - r - 5, "text-anchor": "middle" }, text),
    ];
    return i === 0
      ? s("g", { class: "node node-centre", "data-id": node.id }, parts)
      : s("a", { class: "node", href: `#entity=${encodeURIComponent(node.id)}`, "aria-label": name, "data-id": node.id, "data-shared": node.shared }, parts);
  })));
  chartDrawn("graph");
  return h("figure", { class: "chart graph-chart" },
    h("div", { class: "chart-figure" }, svg),
    h("figcaption", { class: "chart-hint" }, "Circles grow with the events shared with ", h("strong", {}, entity.name),
      "; lines thicken with the events two of them share. Choose a name to go to it."),
    hiddenTable(`Entities sharing events with ${entity.name}`, ["Entity", "Type", "Shared events", "Shared sentences"],
      companions.map((r) => [r.entity.name, label(r.entity.type), String(r.sharedEvents), String(r.sharedSentences)])));
}
