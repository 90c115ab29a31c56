// The EarlyWarning dashboard: the picture from GET /api/picture, kept live by GET /api/live (server-sent events),
// or as known at a past moment (?asOf=) when the time slider is moved back. No framework, no build step.
// Every read needs the operator key: it comes from the link the host prints (#key=…, taken out of the address
// bar at once) or the key field, and is kept for this tab only (sessionStorage).
"use strict";

const INCIDENT_TYPES = [
  ["armed-assault", "Armed assault", "#d62728"],
  ["bombing", "Bombing", "#ff7f0e"],
  ["suicide-attack", "Suicide attack", "#7a0010"],
  ["targeted-killing", "Targeted killing", "#9467bd"],
  ["kidnapping", "Kidnapping", "#e377c2"],
  ["infrastructure-attack", "Infrastructure attack", "#8c6d31"],
  ["cross-border-fire", "Cross-border fire", "#17becf"],
  ["security-operation", "Security operation", "#1f77b4"],
  ["claim-of-responsibility", "Claim of responsibility", "#7f7f7f"],
];
const TYPE_COLOUR = new Map(INCIDENT_TYPES.map(([id, , colour]) => [id, colour]));
const TYPE_LABEL = new Map(INCIDENT_TYPES.map(([id, label]) => [id, label]));
const SEVERITY_RANK = { Extreme: 0, Severe: 1, Moderate: 2, Minor: 3, Unknown: 4 };
const MAX_INCIDENTS = 1000; // as many as /api/picture sends
const MAX_RESOLVED = 50; // likewise
const PKT_OFFSET_MS = 5 * 3600 * 1000; // Pakistan Standard Time, UTC+5, no daylight saving
const REQUEST_TIMEOUT_MS = 15000;
const KEY_STORAGE = "earlywarning.operatorKey";

const state = {
  map: null, // districts.json
  incidents: new Map(), // incidentId -> IncidentView
  warnings: new Map(), // warningId -> WarningView
  position: 0, // the last store position reflected in the picture
  firstRecordedAt: null,
  mode: "loading", // "live" or "asof"
  asOf: null,
  source: null, // the AbortController of the live stream while it is open
  reconnect: null,
  dragging: false, // the slider is being moved and not yet let go
  selected: null, // the warning shown on the map
  problems: new Map(), // warningId -> message of the last failed acknowledgement
  generation: 0, // bumps whenever the picture is replaced, so late answers of an older request are dropped
};

const $ = (id) => document.getElementById(id);

// ------------------------------------------------------------------------------------------------ status

function setStatus(text, level = "info") {
  const status = $("status");
  status.textContent = text;
  status.dataset.level = level;
}

function setConnection(stateName, text) {
  const connection = $("connection");
  connection.dataset.state = stateName;
  connection.textContent = text;
}

// ------------------------------------------------------------------------------------------------ time

function formatUtc(date) {
  return date.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
}

function formatPkt(date) {
  return new Date(date.getTime() + PKT_OFFSET_MS).toISOString().replace("T", " ").replace(/\.\d+Z$/, " PKT");
}

function formatBoth(iso) {
  if (!iso) return "—";
  const date = new Date(iso);
  return `${formatUtc(date)} (${formatPkt(date).slice(11)})`;
}

// ------------------------------------------------------------------------------------------------ http

function operatorKey() {
  return $("apikey").value.trim();
}

// The key as a header, never in a URL: URLs end up in logs and browser history.
function withKey(headers) {
  const key = operatorKey();
  return key ? { ...headers, "X-Api-Key": key } : headers;
}

// 401 and 403 are not outages: retrying will not help until someone enters a key that works.
class KeyProblem extends Error {}

async function getJson(url) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  let response;
  try {
    response = await fetch(url, { headers: withKey({ Accept: "application/json" }), signal: controller.signal });
  } catch (error) {
    throw new Error(error.name === "AbortError" ? `${url} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s` : `${url} is not reachable (${error.message})`);
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 401 || response.status === 403) throw new KeyProblem(await describeFailure(response, url));
  if (!response.ok) throw new Error(await describeFailure(response, url));
  return response.json();
}

function askForKey(error) {
  setConnection("down", "Key needed");
  setStatus(`Enter the operator key the host printed (top right) to see the picture. ${error.message}`, "error");
  $("apikey").focus();
}

async function describeFailure(response, url) {
  let text = `${url} answered ${response.status}`;
  try {
    const problem = await response.json();
    if (problem.title) text += `: ${problem.title}`;
    if (problem.detail) text += ` — ${problem.detail}`;
  } catch {
    // not problem details: the status says enough
  }
  if (response.status === 404 && url.startsWith("/api/picture")) text += " (the warnings API is not in this host)";
  return text;
}

// ------------------------------------------------------------------------------------------------ map

function project(lon, lat) {
  const t = state.map.transform;
  return [t.x[0] * lon + t.x[1] * lat + t.x[2], t.y[0] * lon + t.y[1] * lat + t.y[2]];
}

async function loadMap() {
  const [svgText, map] = await Promise.all([
    fetch("dashboard/map/pakistan.districts.svg").then((r) => { if (!r.ok) throw new Error(`map: ${r.status}`); return r.text(); }),
    fetch("dashboard/map/districts.json").then((r) => { if (!r.ok) throw new Error(`map data: ${r.status}`); return r.json(); }),
  ]);
  state.map = map;
  const svg = new DOMParser().parseFromString(svgText, "image/svg+xml").documentElement;
  svg.removeAttribute("aria-label");
  svg.setAttribute("aria-hidden", "false");
  svg.setAttribute("focusable", "false");
  for (const path of svg.querySelectorAll("path")) {
    const shape = map.shapes[path.id];
    const districts = shape ? shape.districts.map((id) => map.districts[id]) : [];
    path.classList.add("district");
    path.dataset.shape = path.id;
    if (districts.length) path.dataset.province = districts[0].province;
    const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
    title.textContent = districts.length === 0
      ? `${shape ? shape.name : path.id} (former Frontier Region, now part of its district)`
      : districts.length === 1 ? districts[0].name : `${shape.name}: ${districts.map((d) => d.name).join(", ")}`;
    path.appendChild(title);
    path.removeAttribute("aria-label");
  }
  const markers = document.createElementNS("http://www.w3.org/2000/svg", "g");
  markers.id = "incidents";
  svg.appendChild(markers);
  const container = $("map");
  container.replaceChildren(document.importNode(svg, true));

  const legend = $("legend");
  legend.replaceChildren(...INCIDENT_TYPES.map(([id, label, colour]) => {
    const item = document.createElement("li");
    item.dataset.type = id;
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = colour;
    item.append(swatch, label);
    return item;
  }));
}

function renderIncidents() {
  if (!state.map) return;
  const layer = document.getElementById("incidents");
  const inWarning = new Set(state.selected && state.warnings.has(state.selected)
    ? (state.warnings.get(state.selected).warning.incidents || []).map((i) => i.incidentId) : []);
  const sorted = [...state.incidents.values()].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  const circles = sorted.map((incident) => {
    const [x, y] = project(incident.longitude, incident.latitude);
    const circle = document.createElementNS("http://www.w3.org/2000/svg", "circle");
    circle.setAttribute("cx", x.toFixed(1));
    circle.setAttribute("cy", y.toFixed(1));
    circle.setAttribute("r", (4 + Math.min(10, Math.sqrt(incident.killed || 0) * 1.5)).toFixed(1));
    circle.setAttribute("fill", TYPE_COLOUR.get(incident.incidentType) || "#000");
    circle.setAttribute("class", inWarning.has(incident.incidentId) ? "incident in-warning" : "incident");
    circle.dataset.incidentId = incident.incidentId;
    circle.dataset.type = incident.incidentType;
    const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
    title.textContent = `${TYPE_LABEL.get(incident.incidentType) || incident.incidentType} — ${incident.district}, ${incident.province}\n`
      + `occurred ${formatBoth(incident.occurredAt)}\nkilled ${incident.killed ?? "?"}, injured ${incident.injured ?? "?"}`
      + (incident.perpetrator ? `\nperpetrator ${incident.perpetrator} (${incident.claimStatus})` : "");
    circle.appendChild(title);
    return circle;
  });
  layer.replaceChildren(...circles);
  $("incident-count").textContent = `(${state.incidents.size} incidents)`;
}

function renderHighlight() {
  if (!state.map) return;
  const shapes = new Set();
  const warning = state.selected && state.warnings.get(state.selected);
  for (const id of warning ? warning.warning.districtIds || [] : []) {
    const district = state.map.districts[id];
    if (district && district.shape) shapes.add(district.shape);
  }
  for (const path of document.querySelectorAll("#map path.district")) path.classList.toggle("highlight", shapes.has(path.id));
}

// ------------------------------------------------------------------------------------------------ warnings

function sortWarnings(list) {
  return list.sort((a, b) =>
    (SEVERITY_RANK[a.warning.severity] ?? 9) - (SEVERITY_RANK[b.warning.severity] ?? 9)
    || b.knownAt.localeCompare(a.knownAt));
}

function renderWarnings() {
  const all = [...state.warnings.values()];
  const open = sortWarnings(all.filter((w) => w.warning.status === "open"));
  // As many resolved as the picture sends, the latest first; the live stream would otherwise grow the list all night.
  const resolved = all.filter((w) => w.warning.status !== "open").sort((a, b) => b.knownAt.localeCompare(a.knownAt)).slice(0, MAX_RESOLVED);
  fillList($("warnings"), open.length ? open.map(itemFor) : [emptyItem("No open warnings.")]);
  fillList($("resolved"), resolved.map(itemFor));
  for (const id of [...items.keys()]) if (!state.warnings.has(id)) items.delete(id);
  $("open-count").textContent = `(${open.length})`;
  $("resolved-count").textContent = `(${resolved.length})`;
}

// Items are rebuilt only when what they show changes, and kept in place otherwise: the live stream redraws many
// times a minute, and an operator typing a note or pressing Acknowledge must not have the element replaced under them.
const items = new Map(); // warningId -> { key, element }

function itemFor(view) {
  const key = JSON.stringify([view.version, view.event, view.knownAt, view.acknowledgement, view.escalations, view.warning.status,
    state.selected === view.warningId, state.problems.get(view.warningId) || null, state.mode]);
  const cached = items.get(view.warningId);
  if (cached && cached.key === key) return cached.element;
  const element = warningItem(view);
  if (cached) {
    const [oldNote, newNote] = [cached.element, element].map((e) => e.querySelector("input[data-role=note]"));
    if (oldNote && newNote) newNote.value = oldNote.value;
    const focused = cached.element.contains(document.activeElement) && document.activeElement.dataset.role;
    if (focused) queueMicrotask(() => element.querySelector(`[data-role="${focused}"]`)?.focus());
  }
  items.set(view.warningId, { key, element });
  return element;
}

function fillList(list, elements) {
  elements.forEach((element, i) => {
    if (list.children[i] !== element) list.insertBefore(element, list.children[i] || null);
  });
  while (list.children.length > elements.length) list.lastElementChild.remove();
}

function emptyItem(text) {
  const li = document.createElement("li");
  li.className = "placeholder";
  li.textContent = text;
  return li;
}

function warningItem(view) {
  const w = view.warning;
  const li = document.createElement("li");
  li.className = "warning" + (state.selected === view.warningId ? " selected" : "");
  li.dataset.testid = "warning";
  li.dataset.warningId = view.warningId;
  li.dataset.ruleId = w.ruleId;
  li.dataset.province = w.provinceId || "";
  li.dataset.severity = w.severity;
  li.dataset.status = w.status;
  li.dataset.firstHeldAt = w.firstHeldAt;
  li.dataset.acknowledged = view.acknowledgement ? "true" : "false";

  const headingId = `warning-${view.warningId}-headline`;
  li.setAttribute("aria-labelledby", headingId);
  const h3 = document.createElement("h3");
  h3.id = headingId;
  const badge = document.createElement("span");
  badge.className = "badge";
  badge.textContent = w.severity;
  h3.append(badge, w.headline);

  const facts = document.createElement("dl");
  const fact = (label, value) => {
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    dd.textContent = value;
    facts.append(dt, dd);
  };
  fact("Rule", w.ruleTitle);
  fact("Area", w.groupName);
  fact("Districts", String((w.districtIds || []).length));
  fact("Incidents", String(w.incidentCount));
  fact("Killed", String(w.killed));
  fact("Status", w.status + (view.escalations ? `, escalated ×${view.escalations}` : ""));
  fact("Raised", formatBoth(view.raisedKnownAt));
  fact("Last change", `${view.event}, ${formatBoth(view.knownAt)}`);

  li.append(h3, facts);
  if (w.suppression) {
    const p = document.createElement("p");
    p.className = "suppressed";
    p.textContent = `Not notified (${w.suppression.kind} by ${w.suppression.by}): ${w.suppression.reason}`;
    li.append(p);
  }

  const actions = document.createElement("div");
  actions.className = "actions";
  const show = document.createElement("button");
  show.type = "button";
  show.dataset.role = "show";
  show.textContent = state.selected === view.warningId ? "Hide on map" : "Show on map";
  show.setAttribute("aria-pressed", state.selected === view.warningId ? "true" : "false");
  show.addEventListener("click", () => select(state.selected === view.warningId ? null : view.warningId));
  actions.append(show);

  if (view.acknowledgement) {
    const ack = document.createElement("p");
    ack.className = "acknowledged";
    ack.dataset.testid = "acknowledged";
    const a = view.acknowledgement;
    ack.textContent = `Acknowledged by ${a.by} at ${formatBoth(a.acknowledgedAt)}${a.note ? ` — “${a.note}”` : ""}`;
    actions.append(ack);
  } else {
    // Resolved but never acknowledged still asks for an acknowledgement: nobody may have seen it while it was open.
    const noteId = `note-${view.warningId}`;
    const label = document.createElement("label");
    label.htmlFor = noteId;
    label.textContent = "Note";
    const note = document.createElement("input");
    note.id = noteId;
    note.type = "text";
    note.placeholder = "optional";
    note.dataset.role = "note";
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.role = "acknowledge";
    button.dataset.testid = "acknowledge";
    button.textContent = "Acknowledge";
    button.setAttribute("aria-label", `Acknowledge: ${w.headline}`);
    if (state.mode !== "live") {
      button.disabled = true;
      button.title = "Acknowledge from the live picture (press Now)";
    }
    button.addEventListener("click", () => acknowledge(view.warningId, note.value, button));
    actions.append(label, note, button);
  }
  li.append(actions);

  const problem = state.problems.get(view.warningId);
  if (problem) {
    const p = document.createElement("p");
    p.className = "problem";
    p.setAttribute("role", "alert");
    p.textContent = problem;
    li.append(p);
  }
  return li;
}

function select(warningId) {
  state.selected = warningId;
  renderWarnings();
  renderHighlight();
  renderIncidents();
}

async function acknowledge(warningId, note, button) {
  const keyInput = $("apikey");
  if (!operatorKey()) {
    state.problems.set(warningId, "Enter the operator key (top right) to acknowledge.");
    renderWarnings();
    keyInput.focus();
    return;
  }
  button.disabled = true;
  button.textContent = "Acknowledging…";
  const url = `/api/warnings/${encodeURIComponent(warningId)}/ack`;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: withKey({ "Content-Type": "application/json", Accept: "application/json" }),
      body: JSON.stringify({ note: note || null }),
    });
    if (!response.ok) throw new Error(await describeFailure(response, url));
    const acknowledgement = await response.json();
    state.problems.delete(warningId);
    const view = state.warnings.get(warningId);
    if (view) state.warnings.set(warningId, { ...view, acknowledgement });
    setStatus(`Acknowledged: ${view ? view.warning.headline : warningId}`);
  } catch (error) {
    state.problems.set(warningId, `Not acknowledged: ${error.message}`);
    setStatus(`Acknowledgement failed: ${error.message}`, "error");
  }
  renderWarnings();
}

// ------------------------------------------------------------------------------------------------ picture

function applyIncident(view) {
  if (view.withdrawn) state.incidents.delete(view.incidentId);
  else state.incidents.set(view.incidentId, view);
  if (state.incidents.size > MAX_INCIDENTS) {
    const oldest = [...state.incidents.values()].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
    for (const incident of oldest.slice(0, state.incidents.size - MAX_INCIDENTS)) state.incidents.delete(incident.incidentId);
  }
}

function applyWarning(view) {
  const known = state.warnings.get(view.warningId);
  if (known && known.version > view.version) return;
  state.warnings.set(view.warningId, view);
}

function replacePicture(picture) {
  state.incidents = new Map();
  for (const incident of picture.incidents || []) applyIncident(incident);
  state.warnings = new Map();
  for (const warning of picture.warnings || []) applyWarning(warning);
  state.position = picture.position;
  state.firstRecordedAt = picture.firstRecordedAt;
  state.problems.clear();
  document.body.dataset.position = String(picture.position);
  renderAll();
}

function renderAll() {
  renderWarnings();
  renderIncidents();
  renderHighlight();
}

async function goLive() {
  const generation = ++state.generation;
  closeStream();
  state.mode = "live";
  state.asOf = null;
  document.body.dataset.mode = "live";
  $("live").setAttribute("aria-pressed", "true");
  setConnection("connecting", "Connecting…");
  setStatus("Loading the live picture…");
  let picture;
  try {
    picture = await getJson("/api/picture");
  } catch (error) {
    if (generation !== state.generation) return;
    if (error instanceof KeyProblem) {
      askForKey(error);
      return;
    }
    setConnection("down", "Offline");
    setStatus(`No picture: ${error.message}. Retrying in 5 s.`, "error");
    state.reconnect = setTimeout(() => { if (generation === state.generation) goLive(); }, 5000);
    return;
  }
  if (generation !== state.generation) return;
  replacePicture(picture);
  updateSlider();
  setStatus(`Live picture: ${state.incidents.size} incidents and ${openCount()}.`);
  openStream(generation);
}

async function goAsOf(when) {
  const generation = ++state.generation;
  closeStream();
  state.mode = "asof";
  state.asOf = when;
  document.body.dataset.mode = "asof";
  $("live").setAttribute("aria-pressed", "false");
  setConnection("paused", "Live paused");
  setStatus(`Loading the picture as known at ${formatUtc(when)}…`);
  try {
    const picture = await getJson(`/api/picture?asOf=${encodeURIComponent(when.toISOString())}`);
    if (generation !== state.generation) return;
    replacePicture(picture);
    document.body.dataset.asOf = when.toISOString();
    setStatus(`Picture as known at ${formatUtc(when)}: ${state.incidents.size} incidents and ${openCount()}. Live updates paused — press Now to resume.`);
  } catch (error) {
    if (generation !== state.generation) return;
    if (error instanceof KeyProblem) askForKey(error);
    else setStatus(`No picture for ${formatUtc(when)}: ${error.message}`, "error");
  }
}

function openCount() {
  const n = [...state.warnings.values()].filter((w) => w.warning.status === "open").length;
  return n === 1 ? "1 open warning" : `${n} open warnings`;
}

// ------------------------------------------------------------------------------------------------ live stream

// EventSource cannot send a header, so the stream is read with fetch and parsed here (the server sends `event`,
// `id` and one `data` line per message, and comment lines to keep the connection alive).
async function openStream(generation) {
  const controller = new AbortController();
  state.source = controller;
  // A burst of changes (a replay, a busy night) is drawn once per tenth of a second, not once per event.
  let pending = null;
  const schedule = () => {
    pending ??= setTimeout(() => { pending = null; if (generation === state.generation) renderAll(); }, 100);
  };
  const handle = (message) => {
    if (message.event === "reset") {
      // The server no longer holds changes from our position: start again from a fresh picture.
      if (generation === state.generation) goLive();
      return;
    }
    if (message.event === "incident") applyIncident(JSON.parse(message.data));
    else if (message.event === "warning") {
      const view = JSON.parse(message.data);
      applyWarning(view);
      if (view.event === "raised") setStatus(`New warning [${view.warning.severity}]: ${view.warning.headline}`);
    } else return;
    const position = Number(message.id);
    if (Number.isFinite(position) && position > state.position) state.position = position;
    document.body.dataset.position = String(state.position);
    schedule();
  };
  const url = `/api/live?after=${state.position}`;
  try {
    const response = await fetch(url, { headers: withKey({ Accept: "text/event-stream" }), signal: controller.signal });
    if (response.status === 401 || response.status === 403) throw new KeyProblem(await describeFailure(response, url));
    if (!response.ok) throw new Error(await describeFailure(response, url));
    if (generation === state.generation) setConnection("live", "Live");
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n?/g, "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message = { event: "message", id: null, data: [] };
        for (const line of block.split("\n")) {
          if (line === "" || line.startsWith(":")) continue;
          const colon = line.indexOf(":");
          const field = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
          if (field === "data") message.data.push(text);
          else if (field === "event" || field === "id") message[field] = text;
        }
        if (message.data.length) handle({ ...message, data: message.data.join("\n") });
        else if (message.event === "reset") handle(message);
      }
    }
    throw new Error("the live stream ended");
  } catch (error) {
    // Reopen ourselves from the last position seen, unless this stream was closed on purpose.
    if (controller.signal.aborted || generation !== state.generation) return;
    if (error instanceof KeyProblem) {
      askForKey(error);
      return;
    }
    state.source = null;
    setConnection("reconnecting", "Reconnecting…");
    state.reconnect = setTimeout(() => { if (generation === state.generation) openStream(generation); }, 2000);
  }
}

function closeStream() {
  if (state.source) state.source.abort();
  state.source = null;
  clearTimeout(state.reconnect);
}

// ------------------------------------------------------------------------------------------------ slider

function sliderBounds() {
  const now = Date.now();
  const first = state.firstRecordedAt ? Date.parse(state.firstRecordedAt) : now;
  return [Math.min(first, now), now];
}

function updateSlider() {
  const slider = $("asof");
  const [min, max] = sliderBounds();
  slider.min = String(Math.floor(min / 1000) * 1000);
  slider.max = String(Math.ceil(max / 1000) * 1000);
  if (state.mode === "live" && !state.dragging) slider.value = slider.max;
  slider.disabled = !state.firstRecordedAt;
  showSliderTime();
}

function showSliderTime() {
  const slider = $("asof");
  const when = new Date(Number(slider.value));
  const label = $("asof-label");
  label.textContent = state.mode === "live" && !state.dragging
    ? `now — ${formatUtc(new Date())} · ${formatPkt(new Date())}`
    : `${formatUtc(when)} · ${formatPkt(when)}`;
  slider.setAttribute("aria-valuetext", label.textContent);
}

function wireControls() {
  const slider = $("asof");
  slider.addEventListener("input", () => {
    state.dragging = true;
    showSliderTime();
  });
  slider.addEventListener("change", () => {
    state.dragging = false;
    if (Number(slider.value) >= Number(slider.max)) goLive();
    else goAsOf(new Date(Number(slider.value)));
  });
  $("live").addEventListener("click", goLive);

  const key = $("apikey");
  // The host prints a link with the key in the fragment, which browsers never send to the server; it is kept for
  // this tab and taken out of the address bar so it is not bookmarked or shown on a shared screen.
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get("key")) {
    sessionStorage.setItem(KEY_STORAGE, fragment.get("key").trim());
    history.replaceState(null, "", location.pathname + location.search);
  }
  key.value = sessionStorage.getItem(KEY_STORAGE) || "";
  key.addEventListener("input", () => sessionStorage.setItem(KEY_STORAGE, key.value.trim()));
  // A new key is tried at once: the picture loads without waiting for the next retry.
  key.addEventListener("change", () => { if (state.mode !== "asof") goLive(); });
  $("key-form").addEventListener("submit", (event) => { event.preventDefault(); if (state.mode !== "asof") goLive(); });

  setInterval(() => { if (state.mode === "live") updateSlider(); }, 1000);
}

// ------------------------------------------------------------------------------------------------ start

async function start() {
  wireControls();
  try {
    await loadMap();
  } catch (error) {
    $("map").replaceChildren(emptyItem(`The map could not be loaded: ${error.message}`));
  }
  await goLive();
}

start();
