// The change feed: `GET /changes` as Server-Sent Events (`id:` the store version, `data:` JSON
// with kind, id and op, or a `changes` list of them; a `reset` event means "reload everything"). The browser reconnects by itself after a dropped connection; when it
// gives up (an HTTP error such as 404), this retries with a growing delay.

const FIRST_DELAY = 2000;
const LONGEST_DELAY = 60000;
// The feed may name its events after the operation or the item kind; all of them are changes.
const EVENT_NAMES = ["change", "created", "updated", "deleted", "merged", "event", "entity", "article"];
const RESET = "reset";

/**
 * Opens the feed. `onChange({kind, id, op, version})` runs for every change; `onStatus(state)`
 * for "connecting", "live", "reconnecting" and "offline"; `onResync()` after a reconnection
 * that may have missed changes. Returns a function that closes the feed.
 */
export function connectLive({ onChange, onStatus, onResync, path = "/changes" }) {
  let source = null;
  let delay = FIRST_DELAY;
  let timer = 0;
  let everOpen = false;
  let missed = false;

  function handle(message) {
    let change;
    try {
      change = JSON.parse(message.data);
    } catch {
      return;
    }
    if (!change || typeof change !== "object") return;
    const version = message.lastEventId || change.version;
    const list = Array.isArray(change.changes) ? change.changes : [change];
    for (const item of list) if (item && item.kind) onChange({ ...item, version: item.version || version });
  }

  function open() {
    onStatus(everOpen ? "reconnecting" : "connecting");
    source = new EventSource(path);
    source.addEventListener("open", () => {
      delay = FIRST_DELAY;
      onStatus("live");
      if (everOpen && missed) onResync();
      everOpen = true;
      missed = false;
    });
    source.addEventListener("message", handle);
    for (const name of EVENT_NAMES) source.addEventListener(name, handle);
    source.addEventListener(RESET, () => onResync());
    source.addEventListener("error", () => {
      missed = true;
      if (source.readyState === EventSource.CLOSED) {
        onStatus("offline");
        source.close();
        timer = setTimeout(open, delay);
        delay = Math.min(delay * 2, LONGEST_DELAY);
      } else {
        onStatus("reconnecting");
      }
    });
  }

  function close() {
    clearTimeout(timer);
    if (source) source.close();
    source = null;
  }

  // A page left for another keeps no stream open (a browser holds few connections per server,
  // and one kept in the back-forward cache would count); coming back reopens it and catches up.
  window.addEventListener("pagehide", close);
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    missed = true;
    open();
  });

  open();
  return close;
}
