// The article reader: the body with entity mentions linked and source sentences highlighted.
// Offsets count Unicode code points, so the body is handled as an array of them.

import { h, replace, loading, failure } from "./dom.js";
import { formatDay } from "./dates.js";
import { api } from "./api.js";

/**
 * The body as nodes: mentions become links to their entity, and the `highlight` range
 * ({start, end}) is wrapped in a <mark> (split around links if a mention crosses it).
 */
export function renderBody(article, names, highlight = null) {
  const points = Array.from(article.body);
  const cuts = new Set([0, points.length]);
  const mentions = (article.mentions || []).filter((m) => m.start >= 0 && m.end <= points.length && m.start < m.end);
  for (const mention of mentions) { cuts.add(mention.start); cuts.add(mention.end); }
  if (highlight) { cuts.add(clamp(highlight.start, points.length)); cuts.add(clamp(highlight.end, points.length)); }
  const bounds = [...cuts].sort((a, b) => a - b);

  const body = h("div", { class: "article-body" });
  let mark = null;
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const start = bounds[i];
    const end = bounds[i + 1];
    const text = points.slice(start, end).join("");
    const mention = mentions.find((m) => m.start <= start && end <= m.end);
    const node = mention
      ? h("a", { class: "mention", href: `#entity=${encodeURIComponent(mention.entityId)}`,
        title: names(mention.entityId) }, text)
      : document.createTextNode(text);
    const inside = highlight && start >= highlight.start && end <= highlight.end;
    if (inside) {
      if (!mark) { mark = h("mark", { class: "source-sentence" }); body.append(mark); }
      mark.append(node);
    } else {
      mark = null;
      body.append(node);
    }
  }
  return body;
}

function clamp(value, max) {
  return Math.max(0, Math.min(value, max));
}

/** The reader view of one article in `container`, scrolled to the highlight when there is one. */
export async function showArticle(container, id, names, highlight = null) {
  replace(container, loading("the article"));
  let article;
  try {
    article = await api.article(id);
  } catch (error) {
    replace(container, failure("the article", error));
    return;
  }
  const source = article.source.url
    ? h("a", { href: article.source.url, rel: "noopener noreferrer" }, article.source.name)
    : article.source.name;
  const body = renderBody(article, names, highlight);
  replace(container,
    h("article", { class: "reader", "aria-labelledby": "reader-title" },
      h("p", { class: "kicker" }, "Article"),
      h("h2", { id: "reader-title", class: "panel-title" }, article.title),
      h("p", { class: "meta" }, source, " · ",
        h("time", { datetime: article.publishedAt }, formatDay(article.publishedAt)), " · ",
        `${article.wordCount} words · ${article.mentions.length} mentions`),
      body));
  scrollToMark(body);
}

/** Scrolls the first highlighted sentence of a body to the middle of its scroll box. */
export function scrollToMark(body) {
  const mark = body.querySelector("mark");
  if (mark) mark.scrollIntoView({ block: "center" });
}
