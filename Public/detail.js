// The side panel: an event's detail with its sources in their articles, an entity's panel,
// and the list of articles.

import { h, replace, loading, failure, label } from "./dom.js";
import { formatDate, formatDay, timelineOrder } from "./dates.js";
import { api } from "./api.js";
import { renderBody } from "./reader.js";
import { eventItem, entityLink } from "./timeline.js";
import { entityGraph } from "./graph.js";

const QUALIFIERS = { exact: "", atLeast: "at least ", atMost: "at most ", about: "about " };

function header(kicker, title) {
  return [h("p", { class: "kicker" }, kicker), h("h2", { id: "panel-title", class: "panel-title", tabindex: "-1" }, title)];
}

function figureText(figure) {
  const value = Number.isInteger(figure.value) ? figure.value.toLocaleString("en") : String(figure.value);
  const unit = figure.unit && figure.unit !== figure.kind ? ` ${figure.unit}` : "";
  return `${label(figure.kind)}: ${QUALIFIERS[figure.qualifier] || ""}${value}${unit}`;
}

/** An event's detail in `container`. */
export async function showEvent(container, id, names) {
  replace(container, loading("the event"));
  let event;
  try {
    event = await api.event(id);
  } catch (error) {
    replace(container, failure("the event", error));
    return;
  }
  const sources = h("div", { class: "sources" }, loading("the sources"));
  replace(container,
    h("article", { class: `detail status-${event.status}`, "aria-labelledby": "panel-title" },
      ...header(`${label(event.type)} · ${label(event.status)}`, event.summary),
      h("dl", { class: "facts" },
        h("dt", {}, "When"),
        h("dd", {}, formatDate(event.date),
          event.date ? h("span", { class: "quiet" }, ` (“${event.date.phrase}”, ${formatDay(event.date.earliest)}`
            + `${event.date.latest !== event.date.earliest ? ` to ${formatDay(event.date.latest)}` : ""})`) : null),
        event.location ? [h("dt", {}, "Where"), h("dd", {}, entityLink(event.location, names))] : null,
        h("dt", {}, "Confidence"), h("dd", {}, `${Math.round(event.confidence * 100)}%`)),
      h("h3", {}, "Participants"),
      event.participants.length
        ? h("ul", { class: "participants" }, event.participants.map((p) =>
          h("li", {}, entityLink(p.entityId, names), " ", h("span", { class: "role" }, p.role))))
        : h("p", { class: "quiet" }, "No participants named."),
      event.figures.length ? [
        h("h3", {}, "Figures"),
        h("ul", { class: "figures" }, event.figures.map((f) =>
          h("li", {}, h("strong", {}, figureText(f)), f.text ? h("span", { class: "quiet" }, ` — “${f.text}”`) : null))),
      ] : null,
      h("h3", {}, event.sources.length === 1 ? "Source" : `Sources (${event.sources.length})`),
      sources));
  await showSources(sources, event.sources, names);
}

async function showSources(container, sources, names) {
  if (!sources.length) { replace(container, h("p", { class: "quiet" }, "No source sentence.")); return; }
  const articles = new Map();
  const blocks = await Promise.all(sources.map(async (source) => {
    try {
      if (!articles.has(source.articleId)) articles.set(source.articleId, api.article(source.articleId));
      const article = await articles.get(source.articleId);
      const body = renderBody(article, names, source);
      const link = `#article=${encodeURIComponent(article.id)}&start=${source.start}&end=${source.end}`;
      return h("figure", { class: "source" },
        h("blockquote", { class: "quote" }, source.quote),
        h("figcaption", {}, h("a", { href: link }, article.title), " · ",
          h("time", { datetime: article.publishedAt }, formatDay(article.publishedAt)), ` · sentence ${source.sentenceIndex + 1}`),
        h("div", { class: "in-article", tabindex: "0", role: "region", "aria-label": `The sentence in “${article.title}”` }, body));
    } catch (error) {
      return failure(`the article ${source.articleId}`, error);
    }
  }));
  replace(container, blocks);
  for (const box of container.querySelectorAll(".in-article")) {
    const mark = box.querySelector("mark");
    if (mark) box.scrollTop = mark.offsetTop - box.offsetTop - box.clientHeight / 3;
  }
}

/** An entity's panel: what it is, its events, and the entities it appears with. */
export async function showEntity(container, id, names, { onFilter }) {
  replace(container, loading("the entity"));
  let entity;
  try {
    entity = await api.entity(id);
  } catch (error) {
    replace(container, failure("the entity", error));
    return;
  }
  const events = h("div", {}, loading("its events"));
  const related = h("div", {}, loading("related entities"));
  const filter = h("button", { type: "button", class: "button" }, `Show only events with ${entity.name}`);
  filter.addEventListener("click", () => onFilter(entity.id));
  replace(container,
    h("article", { class: "detail entity", "aria-labelledby": "panel-title" },
      ...header(label(entity.type), entity.name),
      entity.description ? h("p", {}, entity.description) : null,
      h("dl", { class: "facts" },
        entity.aliases.length ? [h("dt", {}, "Also"), h("dd", {}, entity.aliases.join(", "))] : null,
        h("dt", {}, "Mentions"), h("dd", {}, `${entity.mentionCount} in ${entity.articleIds.length} `
          + `${entity.articleIds.length === 1 ? "article" : "articles"}`),
        entity.wikidataId ? [h("dt", {}, "Wikidata"), h("dd", {}, entity.wikidataId)] : null),
      filter,
      h("h3", {}, "Events"), events,
      h("h3", {}, "Appears with"), related));
  const graph = h("div", { class: "graph-slot" });
  const [eventList, relatedList] = await Promise.all([
    api.entityEvents(entity.id).then(({ items }) => {
      replace(events, items.length
        ? h("ol", { class: "events compact" }, timelineOrder(items).map((e) => eventItem(e, names)))
        : h("p", { class: "quiet" }, "No events name it."));
      return items;
    }).catch((error) => { replace(events, failure("its events", error)); return null; }),
    api.related(entity.id).then(({ data }) => {
      replace(related, graph, data.length
        ? h("ul", { class: "related" }, data.map((r) => h("li", {}, entityLink(r.entity.id, names), " ",
          h("span", { class: "quiet" }, `${label(r.entity.type)} · ${r.sharedEvents} shared ${r.sharedEvents === 1 ? "event" : "events"}, `
            + `${r.sharedSentences} shared ${r.sharedSentences === 1 ? "sentence" : "sentences"}`))))
        : h("p", { class: "quiet" }, "It appears alone."));
      return data;
    }).catch((error) => { replace(related, failure("related entities", error)); return null; }),
  ]);
  if (relatedList) replace(graph, entityGraph(entity, relatedList, eventList || []));
}

/** The articles in the store, newest first. */
export async function showArticles(container) {
  replace(container, loading("the articles"));
  try {
    const { items } = await api.articles();
    replace(container, ...header("Articles", `${items.length} ${items.length === 1 ? "article" : "articles"}`),
      items.length ? h("ul", { class: "articles" }, items.map((a) => h("li", {},
        h("a", { href: `#article=${encodeURIComponent(a.id)}` }, a.title),
        h("span", { class: "quiet" }, ` · ${a.source.name} · ${formatDay(a.publishedAt)}`))))
        : h("p", { class: "state state-empty" }, "No articles yet."));
  } catch (error) {
    replace(container, failure("the articles", error));
  }
}
