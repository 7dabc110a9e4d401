// The filters: entity chips, a place, type, status, date range and free text, kept in the query string
// (the same parameters `/events` takes) so that a filtered view can be shared and reloaded.

import { h, replace, label } from "./dom.js";

export const EVENT_TYPES = ["statement", "appeal", "intent", "consult", "cooperate", "material-cooperation",
  "aid", "yield", "investigate", "demand", "disapprove", "reject", "threaten", "protest", "force-posture",
  "reduce-relations", "coerce", "assault", "fight", "mass-violence", "election", "ruling", "disaster",
  "sport", "economic", "other", "unknown"];
export const STATUSES = ["occurred", "ongoing", "scheduled", "possible"];

const TYPING_DELAY = 250;

/** The filters the query string names. */
export function readFilters(search = location.search) {
  const query = new URLSearchParams(search);
  return {
    entity: unique(query.getAll("entity").filter(Boolean)),
    type: unique(query.getAll("type").filter(Boolean)),
    location: query.get("location") || "",
    status: query.get("status") || "",
    from: query.get("from") || "",
    to: query.get("to") || "",
    q: query.get("q") || "",
  };
}

/** Whether any filter is set. */
export function isFiltered(filters) {
  return filters.entity.length > 0 || filters.type.length > 0 || Boolean(filters.location || filters.status || filters.from || filters.to || filters.q);
}

function unique(values) {
  return [...new Set(values)];
}

function writeURL(filters, push) {
  const query = new URLSearchParams();
  for (const id of filters.entity) query.append("entity", id);
  for (const type of filters.type) query.append("type", type);
  for (const name of ["location", "status", "from", "to", "q"]) if (filters[name]) query.set(name, filters[name]);
  const search = query.toString();
  const next = `${location.pathname}${search ? `?${search}` : ""}${location.hash}`;
  if (next === `${location.pathname}${location.search}${location.hash}`) return;
  history[push ? "pushState" : "replaceState"](history.state, "", next);
}

/**
 * Binds the filter form. `onChange(filters)` runs after every change (typing is debounced);
 * `entityName(id)` names a chip. Returns `{ current, addEntity, setEntities, sync }`.
 */
export function bindFilters(form, { onChange, entityName }) {
  const fields = {
    q: form.querySelector("#f-q"),
    type: form.querySelector("#f-type"),
    status: form.querySelector("#f-status"),
    from: form.querySelector("#f-from"),
    to: form.querySelector("#f-to"),
    entity: form.querySelector("#f-entity"),
  };
  const chips = form.querySelector("#chips");
  const options = form.querySelector("#entity-options");
  let filters = readFilters();
  let entities = [];
  let timer = 0;

  fields.type.append(...EVENT_TYPES.map((type) => h("option", { value: type }, label(type))));
  fields.status.append(...STATUSES.map((status) => h("option", { value: status }, label(status))));

  function show() {
    fields.q.value = filters.q;
    // A type from the URL that the list does not know still shows, rather than vanishing.
    for (const type of filters.type) {
      if (![...fields.type.options].some((o) => o.value === type)) fields.type.append(h("option", { value: type }, type));
    }
    fields.type.value = filters.type[0] || "";
    fields.status.value = filters.status;
    fields.from.value = filters.from;
    fields.to.value = filters.to;
    replace(chips, filters.entity.map((id) => {
      const name = entityName(id);
      return h("li", { class: "chip" },
        h("span", { class: "chip-name" }, name),
        h("button", { type: "button", class: "chip-remove", "data-id": id, "aria-label": `Remove ${name}` }, "×"));
    }), filters.location ? h("li", { class: "chip chip-place" },
      h("span", { class: "chip-name" }, `In ${entityName(filters.location)}`),
      h("button", { type: "button", class: "chip-remove", "data-location": filters.location,
        "aria-label": `Remove the place ${entityName(filters.location)}` }, "×")) : null);
  }

  function commit(push) {
    writeURL(filters, push);
    show();
    onChange(filters);
  }

  function fromFields() {
    filters = {
      ...filters,
      q: fields.q.value.trim(),
      type: fields.type.value ? [fields.type.value] : [],
      status: fields.status.value,
      from: fields.from.value,
      to: fields.to.value,
    };
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (fields.entity.value.trim()) pickEntity(true);
    clearTimeout(timer);
    fromFields();
    commit(true);
  });
  fields.q.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => { fromFields(); commit(false); }, TYPING_DELAY);
  });
  for (const name of ["type", "status", "from", "to"]) {
    fields[name].addEventListener("change", () => { fromFields(); commit(true); });
  }
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    fields.entity.value = "";
    filters = readFilters("");
    commit(true);
  });
  chips.addEventListener("click", (event) => {
    const button = event.target.closest(".chip-remove");
    if (!button) return;
    if (button.dataset.location) {
      filters = { ...filters, location: "" };
      commit(true);
      (chips.querySelector(".chip-remove") || fields.entity).focus();
      return;
    }
    const index = filters.entity.indexOf(button.dataset.id);
    filters = { ...filters, entity: filters.entity.filter((id) => id !== button.dataset.id) };
    commit(true);
    const rest = chips.querySelectorAll(".chip-remove");
    (rest[Math.min(index, rest.length - 1)] || fields.entity).focus();
  });

  // An entity is picked when the text names one exactly (a datalist choice), or on Enter by prefix.
  function pickEntity(loose) {
    const text = fields.entity.value.trim().toLowerCase();
    if (!text) return false;
    const names = (entity) => [entity.name, ...(entity.aliases || [])].map((n) => n.toLowerCase());
    let match = entities.find((entity) => names(entity).includes(text));
    if (!match && loose) match = entities.find((entity) => names(entity).some((n) => n.startsWith(text)));
    if (!match) return false;
    fields.entity.value = "";
    addEntity(match.id);
    return true;
  }
  fields.entity.addEventListener("input", (event) => {
    // Typing a name exactly does not pick it; choosing it from the list (no inputType) does.
    if (!event.inputType || event.inputType === "insertReplacementText") pickEntity(false);
  });
  fields.entity.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); pickEntity(true); }
  });

  function addEntity(id) {
    if (filters.entity.includes(id)) return;
    filters = { ...filters, entity: [...filters.entity, id] };
    commit(true);
  }

  function setEntities(list) {
    entities = list;
    replace(options, list.map((entity) => h("option", { value: entity.name }, label(entity.type))));
    show();
  }

  /** Sets some filters at once (`{from, to}`, `{location}`) as one step of history. */
  function set(changes) {
    filters = { ...filters, ...changes };
    commit(true);
  }

  /** Reads the URL again (after back or forward). Returns whether the filters changed. */
  function sync() {
    const next = readFilters();
    if (JSON.stringify(next) === JSON.stringify(filters)) return false;
    filters = next;
    show();
    return true;
  }

  show();
  return { current: () => filters, addEntity, setEntities, set, sync };
}
