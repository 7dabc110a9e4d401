// Building DOM nodes without innerHTML: text is always text, never markup.

/**
 * An element: `h("a", {href: "#x", class: "link"}, "text", child)`. Attributes that are
 * null, undefined or false are left out; `true` sets an empty attribute.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
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
