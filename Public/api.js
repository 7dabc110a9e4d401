// The Dateline API over fetch: JSON lists in {data, next, total} envelopes, errors as problem+json.

/** A failed request, with the problem's title and detail when the server sent them. */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `The server answered ${status}.`);
    this.status = status;
    this.title = title || "";
    this.detail = detail || "";
  }
}

/** A path with its query; array values repeat the parameter, empty values are left out. */
export function url(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== "") query.append(name, item);
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** GET a JSON document; throws ApiError on an HTTP error, TypeError when the network fails. */
export async function getJSON(path, params, { signal } = {}) {
  let response;
  try {
    response = await fetch(url(path, params), { headers: { Accept: "application/json" }, signal });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError(0, "Network error", "The server could not be reached.");
  }
  if (!response.ok) throw await problem(response);
  return response.json();
}

/** Every item of a list, following `next` cursors, up to `max` items. */
export async function getAll(path, params = {}, { signal, max = 5000 } = {}) {
  const items = [];
  let cursor = null;
  let total = 0;
  do {
    const page = await getJSON(path, { ...params, limit: 500, cursor }, { signal });
    items.push(...page.data);
    total = page.total;
    cursor = page.next;
  } while (cursor && items.length < max);
  return { items, total };
}

async function problem(response) {
  let title = "";
  let detail = "";
  try {
    const body = await response.json();
    title = body.title || "";
    detail = body.detail || "";
  } catch {
    // Not JSON: the status alone tells the story.
  }
  return new ApiError(response.status, title || response.statusText, detail);
}

export const api = {
  events: (filters, options) => getAll("/events", filters, options),
  event: (id) => getJSON(`/events/${encodeURIComponent(id)}`),
  entities: (options) => getAll("/entities", {}, options),
  entity: (id) => getJSON(`/entities/${encodeURIComponent(id)}`),
  entityEvents: (id) => getAll(`/entities/${encodeURIComponent(id)}/events`),
  related: (id) => getJSON(`/entities/${encodeURIComponent(id)}/related`, { limit: 20 }),
  timeline: (filters, granularity, options) => getJSON("/timeline", { ...filters, granularity }, options),
  places: (filters, options) => getJSON("/places", filters, options),
  articles: () => getAll("/articles"),
  article: (id) => getJSON(`/articles/${encodeURIComponent(id)}`),
};
