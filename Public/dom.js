// Building DOM nodes without innerHTML: text is always text, never markup.

/**
 * An element: `h("a", {href: "#x", class: "link"}, "text", child)`. Attributes that are
 * null, undefined or false are left out; `true` sets an empty attribute.
 */
export function h(tag, attributes = {}, ...children) {
  return build(document.createElement(tag), attributes, children);
}

/** Gives an element its attributes and children, as `h` does, and returns it. */
export function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/** The "Loading…" line every view shows while it waits. */
export function loading(what) {
  return h("p", { class: "state state-loading", role: "status" }, `Loading ${what}…`);
}

/** An error, with the server's problem detail when it gave one. */
export function failure(what, error) {
  const detail = error && (error.detail || error.message);
  return h("div", { class: "state state-error", role: "alert" },
    h("p", { class: "state-title" }, `Could not load ${what}.`),
    detail ? h("p", { class: "state-detail" }, detail) : null);
}

/** Capitalized, with dashes as spaces: "material-cooperation" is "Material cooperation". */
export function label(value) {
  const text = String(value).replace(/-/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A view's loads, where only the latest counts: starting one aborts the one in flight, whose
 * answer is then dropped. `load(fetch, show, fail, {quiet})` calls `fetch(signal)`, then `show`
 * with its answer or `fail` with its error, and marks `busy` with aria-busy meanwhile unless quiet.
 */
export function latestLoads(busy) {
  let current = null;
  return async function load(fetch, show, fail, { quiet = false } = {}) {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    if (!quiet) busy.setAttribute("aria-busy", "true");
    try {
      const answer = await fetch(controller.signal);
      if (current === controller) show(answer);
    } catch (error) {
      if (error.name !== "AbortError" && current === controller) fail(error);
    } finally {
      if (current === controller) { busy.setAttribute("aria-busy", "false"); current = null; }
    }
  };
}
