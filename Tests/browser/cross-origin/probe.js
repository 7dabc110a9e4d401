// Fetches the API's events from this page's origin; the browser refuses unless CORS allows it.
const result = document.getElementById("result");
const api = new URLSearchParams(location.search).get("api");

try {
  const response = await fetch(`${api}/events?limit=500`, { headers: { Accept: "application/json" } });
  const page = await response.json();
  result.dataset.state = "allowed";
  result.dataset.total = String(page.total);
  result.textContent = `Read ${page.data.length} of ${page.total} events.`;
} catch (error) {
  result.dataset.state = "refused";
  result.textContent = `The browser refused: ${error.name}: ${error.message}`;
}
