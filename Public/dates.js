// Dates as precisely as the data allows: "13 Aug 2024", "late June 2024", "since Oct 2023", "1948".

const LONG = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];
const SHORT = LONG.map((name) => name.slice(0, 3));

// Modifiers that narrow a month or year read as part of its name; the others relate to it.
const WITHIN = new Set(["early", "mid", "late"]);

function parts(value) {
  const [year, month, day] = value.split("-").map(Number);
  return { year, month, day };
}

/** The readable form of an EventDate, or "Undated" for null. */
export function formatDate(date) {
  if (!date) return "Undated";
  const { year, month, day } = parts(date.value);
  const modifier = date.modifier || "";
  let text;
  if (date.precision === "day") {
    text = `${day} ${SHORT[month - 1]} ${year}`;
  } else if (date.precision === "month") {
    const names = modifier === "" || WITHIN.has(modifier) ? LONG : SHORT;
    text = `${names[month - 1]} ${year}`;
  } else {
    text = String(year);
  }
  return modifier ? `${modifier} ${text}` : text;
}

/** The value for a `<time datetime>` attribute. */
export function machineDate(date) {
  return date ? date.value : "";
}

/** The month (or year, for year-precise dates) a timeline groups an event under. */
export function groupOf(event) {
  const date = event.date;
  if (!date) return { key: "undated", label: "Undated", order: "~" };
  const { year, month } = parts(date.value);
  if (date.precision === "year") {
    return { key: String(year), label: String(year), order: `${pad(year, 4)}` };
  }
  const key = `${pad(year, 4)}-${pad(month, 2)}`;
  return { key, label: `${LONG[month - 1]} ${year}`, order: key };
}

/** Events in timeline order: by group, then by first possible day, then by id; undated last. */
export function timelineOrder(events) {
  const key = (event) => [groupOf(event).order, event.date ? event.date.earliest : "~", event.id];
  const keyed = events.map((event) => ({ event, key: key(event) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  return keyed.map((item) => item.event);
}

function compareKeys(a, b) {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] < b[i]) return -1;
    if (a[i] > b[i]) return 1;
  }
  return 0;
}

/** A calendar day `YYYY-MM-DD` as "13 Aug 2024". */
export function formatDay(text) {
  if (!text) return "";
  const { year, month, day } = parts(text);
  return `${day} ${SHORT[month - 1]} ${year}`;
}

function pad(value, width) {
  return String(value).padStart(width, "0");
}

/**
 * The days a `/timeline` bucket covers and its name: `2024` (a year), `2024-06` (a month),
 * `2024-06-13` (a day), `199` (a decade) or `2025-W01` (a week, `-WE` its weekend).
 */
export function bucketRange(key) {
  let match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(key);
  if (match) {
    const [, year, month, day] = match;
    if (day) return { from: key, to: key, label: formatDay(key) };
    if (month) {
      const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
      return { from: `${key}-01`, to: `${key}-${pad(last, 2)}`, label: `${LONG[month - 1]} ${year}` };
    }
    return { from: `${year}-01-01`, to: `${year}-12-31`, label: year };
  }
  match = /^(\d{3})$/.exec(key);
  if (match) return { from: `${key}0-01-01`, to: `${key}9-12-31`, label: `${key}0s` };
  match = /^(\d{4})-W(\d{2})(-WE)?$/.exec(key);
  if (match) {
    const [, year, week, weekend] = match;
    // ISO weeks: week 1 holds 4 January; weeks start on Monday.
    const fourth = Date.UTC(Number(year), 0, 4);
    const monday = fourth - ((new Date(fourth).getUTCDay() + 6) % 7) * DAY + (Number(week) - 1) * 7 * DAY;
    const first = weekend ? monday + 5 * DAY : monday;
    return { from: isoDay(first), to: isoDay(monday + 6 * DAY), label: `${weekend ? "weekend of " : ""}week ${Number(week)} of ${year}` };
  }
  return null;
}

const DAY = 86400000;

/** Milliseconds since 1970 as `YYYY-MM-DD` (UTC). */
export function isoDay(time) {
  return new Date(time).toISOString().slice(0, 10);
}

/** Days from `a` to `b`, both `YYYY-MM-DD`. */
export function daysBetween(a, b) {
  return Math.round((Date.parse(b) - Date.parse(a)) / DAY);
}
