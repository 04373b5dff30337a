// The local console: plain ES module, no build step. Each page reads the console's JSON pages and re-reads them when
// the live feed (/_local/stream, Server-Sent Events) says something it shows has changed.

/** Creates an element; strings become text nodes, so nothing the platform sent is ever parsed as HTML here. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

async function getJson(path) {
  const response = await fetch(path, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

async function post(path) {
  const response = await fetch(path, { method: "POST" });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || body.message || body.errorMessage || `${path} answered ${response.status}`);
  return body;
}

const time = (instant) => (instant ? new Date(instant).toLocaleString() : "—");

/** Text with its http(s) links made clickable (an invitation or reset link in a text e-mail or an SMS). */
function linkified(text) {
  const parts = [];
  let last = 0;
  for (const match of String(text ?? "").matchAll(/https?:\/\/[^\s<>"']+/g)) {
    parts.push(text.slice(last, match.index));
    parts.push(h("a", { href: match[0], target: "_blank", rel: "noopener" }, match[0]));
    last = match.index + match[0].length;
  }
  parts.push(String(text ?? "").slice(last));
  return parts;
}

function meta(pairs) {
  return h("dl", { class: "meta" }, pairs.filter(([, value]) => value !== undefined && value !== null && value !== "")
    .flatMap(([name, value]) => [h("dt", {}, name), h("dd", {}, value)]));
}

function notice(message, error = false) {
  return h("div", { class: error ? "notice error" : "notice", role: error ? "alert" : "status" }, message);
}

// ---- pages ----

const state = { outboxTo: "", eventType: "", eventOrganisation: "", expanded: new Set(), functionFilter: "", message: null };

const pages = {
  outbox: {
    kinds: ["outbox"],
    async render() {
      const to = state.outboxTo;
      const messages = await getJson("/_local/outbox" + (to ? "?to=" + encodeURIComponent(to) : ""));
      const filter = h("input", { type: "search", id: "outbox-to", placeholder: "recipient (e-mail or phone)", value: to,
        onchange: (event) => { state.outboxTo = event.target.value.trim(); show(); } });
      const emails = messages.filter((message) => message.channel === "email");
      const phones = messages.filter((message) => message.channel !== "email");
      return [
        h("h2", {}, "Outbox ", h("span", { class: "muted" }, `${messages.length} message${messages.length === 1 ? "" : "s"}, newest first`)),
        h("div", { class: "toolbar" }, filter, to ? h("button", { onclick: () => { state.outboxTo = ""; show(); } }, "All recipients") : null),
        messages.length === 0 ? h("div", { class: "empty" }, "Nothing sent yet. Register, invite or reset a password, and it appears here.") : null,
        phones.length ? h("section", { id: "phones" }, phones.map(phone)) : null,
        emails.map(email),
      ];
    },
  },
  events: {
    kinds: ["event", "delivery", "invocation"],
    async render() {
      const query = new URLSearchParams();
      if (state.eventType) query.set("type", state.eventType);
      if (state.eventOrganisation) query.set("organisationId", state.eventOrganisation);
      const [events, all] = await Promise.all([getJson("/_local/events?" + query), getJson("/_local/events")]);
      const types = [...new Set(all.map((event) => event.eventType).filter(Boolean))].sort();
      const organisations = [...new Set(all.map((event) => event.organisationId).filter(Boolean))].sort();
      const typeSelect = h("select", { id: "event-type", onchange: (event) => { state.eventType = event.target.value; show(); } },
        h("option", { value: "" }, "every type"), types.map((type) => h("option", { value: type, selected: type === state.eventType }, type)));
      const organisationSelect = h("select", { id: "event-organisation", onchange: (event) => { state.eventOrganisation = event.target.value; show(); } },
        h("option", { value: "" }, "every organisation"),
        organisations.map((id) => h("option", { value: id, selected: id === state.eventOrganisation }, id)));
      return [
        h("h2", {}, "Domain events ", h("span", { class: "muted" }, `${events.length} shown, newest first`)),
        h("div", { class: "toolbar" }, typeSelect, organisationSelect),
        events.length === 0 ? h("div", { class: "empty" }, "No events yet.") : h("table", { id: "events" },
          h("thead", {}, h("tr", {}, h("th", {}, "Published"), h("th", {}, "Type"), h("th", {}, "Topic"), h("th", {}, "Organisation"), h("th", {}, "Consumers"))),
          h("tbody", {}, events.flatMap(eventRows))),
      ];
    },
  },
  queues: {
    kinds: ["queues", "invocation", "event"],
    pollMillis: 3000,
    async render() {
      const queues = await getJson("/_local/queues");
      const deadLetters = queues.filter((queue) => queue.deadLetterQueue);
      const holding = deadLetters.filter((queue) => (queue.deadLetterMessages || []).length > 0);
      const empty = deadLetters.filter((queue) => (queue.deadLetterMessages || []).length === 0);
      return [
        state.message,
        // What needs a look first: the dead-letter queues holding messages.
        h("h2", {}, "Dead-letter queues ", h("span", { class: "muted" }, `${holding.length} of ${deadLetters.length} holding messages`)),
        holding.map(deadLetterQueue),
        empty.length ? h("p", { class: "muted" }, "Empty: " + empty.map((queue) => queue.logicalId).join(", ")) : null,
        h("h2", { style: "margin-top:1.2rem" }, "Queues"),
        h("table", { id: "queues" },
          h("thead", {}, h("tr", {}, h("th", {}, "Queue"), h("th", { class: "num" }, "Waiting"), h("th", { class: "num" }, "In flight"),
            h("th", { class: "num" }, "Delayed"), h("th", { class: "num" }, "Being handled"), h("th", {}, ""))),
          h("tbody", {}, queues.map((queue) => h("tr", { class: queue.deadLetterQueue ? "dlq" : null, dataset: { queue: queue.logicalId } },
            h("td", {}, queue.logicalId, h("div", { class: "muted" }, queue.name, queue.deadLetterQueue ? ` · dead letters of ${queue.redrivesTo}` : "")),
            h("td", { class: "num" + (queue.deadLetterQueue && queue.visible ? " bad" : "") }, queue.visible),
            h("td", { class: "num" }, queue.inFlight), h("td", { class: "num" }, queue.delayed), h("td", { class: "num" }, queue.beingHandled),
            h("td", {}, queue.visible + queue.inFlight + queue.delayed > 0
              ? h("button", { class: "danger", onclick: () => act(`/_local/queues/${encodeURIComponent(queue.logicalId)}/purge`, `Purge every message of ${queue.logicalId}?`) }, "Purge")
              : null))))),
      ];
    },
  },
  functions: {
    kinds: ["invocation"],
    async render() {
      const functions = await getJson("/_local/functions");
      const filter = state.functionFilter.toLowerCase();
      const shown = functions.filter((fn) => !filter || fn.name.toLowerCase().includes(filter))
        .sort((a, b) => b.errors - a.errors || b.invocations - a.invocations || a.name.localeCompare(b.name));
      return [
        h("h2", {}, "Functions ", h("span", { class: "muted" }, `${functions.length}, the failing and busiest first`)),
        h("div", { class: "toolbar" }, h("input", { type: "search", placeholder: "function name", value: state.functionFilter,
          onchange: (event) => { state.functionFilter = event.target.value.trim(); show(); } })),
        h("table", { id: "functions" },
          h("thead", {}, h("tr", {}, h("th", {}, "Function"), h("th", { class: "num" }, "Invocations"), h("th", { class: "num" }, "Errors"),
            h("th", { class: "num" }, "p50 ms"), h("th", { class: "num" }, "p99 ms"), h("th", { class: "num" }, "Cold starts"), h("th", {}, "Last invoked"))),
          h("tbody", {}, shown.flatMap(functionRows))),
      ];
    },
  },
  schedules: {
    kinds: ["invocation"],
    async render() {
      const schedules = await getJson("/_local/schedules");
      return [
        h("h2", {}, "Schedules"),
        state.message,
        h("table", { id: "schedules" },
          h("thead", {}, h("tr", {}, h("th", {}, "Function"), h("th", {}, "Expression"), h("th", {}, "Next run"), h("th", {}, "Last run"), h("th", {}, ""))),
          h("tbody", {}, schedules.map((schedule) => h("tr", { dataset: { function: schedule.function } },
            h("td", {}, schedule.function, h("div", { class: "muted" }, schedule.event)),
            h("td", {}, h("code", {}, schedule.expression), schedule.enabled ? null : h("div", { class: "muted" }, "disabled")),
            h("td", {}, time(schedule.nextRun)),
            h("td", {}, schedule.lastRun ? [time(schedule.lastRun.startedAt), " ",
              h("span", { class: "chip " + (schedule.lastRun.error ? "error" : "ok") }, schedule.lastRun.error ? "failed" : "ok"),
              schedule.lastRun.manual ? h("span", { class: "muted" }, " (fired by hand)") : null,
              schedule.lastRun.error ? h("div", { class: "bad" }, schedule.lastRun.error) : null] : h("span", { class: "muted" }, "not since start")),
            h("td", {}, h("button", { class: "primary", onclick: (event) => fire(event.target, schedule.function) }, "Fire now")))))),
      ];
    },
  },
  faults: {
    kinds: ["faults"],
    async render() {
      const services = await getJson("/_local/faults");
      return [
        h("h2", {}, "Faults ", h("span", { class: "muted" }, "injected into the platform's calls; off by default")),
        state.message,
        h("div", { class: "toolbar" }, h("button", { id: "faults-clear", onclick: (event) => clearFaults(event.target, null) }, "Clear all")),
        h("table", { id: "faults" },
          h("thead", {}, h("tr", {}, h("th", {}, "Service"), h("th", {}, "Rule"), h("th", {}, "Injected"), h("th", {}, "Set"))),
          h("tbody", {}, Object.entries(services).map(([service, entry]) => h("tr", { dataset: { service } },
            h("td", {}, service),
            h("td", {}, entry.rule
              ? [h("span", { class: "chip error" }, entry.rule.kind), ` ${Math.round(entry.rule.rate * 100)} %`,
                entry.rule.latencyMs ? ` +${entry.rule.latencyMs} ms` : "",
                entry.rule.operations.length ? h("div", { class: "muted" }, entry.rule.operations.join(", ")) : null,
                " ", h("button", { onclick: (event) => clearFaults(event.target, service) }, "Clear")]
              : h("span", { class: "muted" }, "off")),
            h("td", {}, Object.entries(entry.injected).map(([operation, count]) => h("div", {}, `${operation || "(any)"}: ${count}`))),
            h("td", {}, faultForm(service, entry.kinds)))))),
      ];
    },
  },
  demo: {
    kinds: [],
    async render() {
      const demo = await getJson("/_local/demo");
      return [
        h("h2", {}, "Demo accounts"),
        state.message,
        h("table", { id: "accounts" },
          h("thead", {}, h("tr", {}, h("th", {}, "Account"), h("th", {}, "Role"), h("th", {}, "E-mail"), h("th", {}, "Password"), h("th", {}, ""))),
          h("tbody", {}, demo.accounts.map((account) => h("tr", { dataset: { account: account.key } },
            h("td", {}, account.displayName, h("div", { class: "muted" }, account.key)),
            h("td", {}, account.role), h("td", {}, account.email), h("td", {}, h("code", {}, account.password)),
            h("td", {},
              h("button", { onclick: () => copyToken(account), disabled: !account.bearerToken }, "Copy token"), " ",
              h("a", { href: "/_local/api-docs/?as=" + encodeURIComponent(account.key), target: "_blank", rel: "noopener" },
                "Open Swagger UI signed in as " + account.key)))))),
        h("h2", { style: "margin-top:1.2rem" }, "Invitation codes"),
        h("table", {}, h("tbody", {}, Object.entries(demo.invitationCodes).map(([code, description]) =>
          h("tr", {}, h("td", {}, h("code", {}, code)), h("td", {}, description))))),
        h("h2", { style: "margin-top:1.2rem" }, "Endpoints"),
        h("table", {}, h("tbody", {}, Object.entries(demo.endpoints).map(([name, url]) => h("tr", {}, h("td", {}, name), h("td", {}, h("code", {}, url)))))),
      ];
    },
  },
};

function email(message) {
  const hasHtml = Boolean(message.html);
  return h("article", { class: "card email", dataset: { id: message.id } },
    h("h3", {}, message.subject || "(no subject)"),
    meta([["From", message.from], ["To", (message.to || []).join(", ")], ["Sent", time(message.sentAt)]]),
    h("div", { class: hasHtml && message.text ? "parts" : "parts single" },
      // No allow-scripts: the mail's HTML is shown, never run; links open in a new tab (allow-popups, base target).
      hasHtml ? h("iframe", { title: "HTML part", sandbox: "allow-popups allow-popups-to-escape-sandbox",
        srcdoc: '<base target="_blank">' + message.html }) : null,
      message.text ? h("div", { class: "text" }, linkified(message.text)) : null));
}

function phone(message) {
  const push = message.channel === "push";
  return h("div", { class: "phone", dataset: { id: message.id, channel: message.channel } },
    h("div", { class: "to" }, push ? "push to " + (message.details?.deviceToken || message.to.join(", ")) : "SMS to " + message.to.join(", ")),
    push ? h("div", { class: "push" }, h("div", { class: "app" }, "Domus"), message.subject ? h("div", { class: "title" }, message.subject) : null,
      h("div", {}, linkified(pushText(message))))
      : h("div", { class: "bubble" }, linkified(message.text)),
    h("div", { class: "when" }, time(message.sentAt)));
}

/** A push's alert text: SNS's per-platform JSON when the message has that structure, else the message itself. */
function pushText(message) {
  try {
    const structured = JSON.parse(message.text);
    for (const value of Object.values(structured)) {
      const payload = typeof value === "string" ? JSON.parse(value) : value;
      const alert = payload?.aps?.alert ?? payload?.notification ?? payload?.data;
      if (alert) return typeof alert === "string" ? alert : [alert.title, alert.body].filter(Boolean).join("\n") || JSON.stringify(alert);
    }
    return structured.default ?? message.text;
  } catch {
    return message.text;
  }
}

function pretty(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function eventRows(event) {
  const open = state.expanded.has(event.messageId);
  const toggle = () => { open ? state.expanded.delete(event.messageId) : state.expanded.add(event.messageId); show(); };
  const rows = [h("tr", { class: "expandable", onclick: toggle, dataset: { messageId: event.messageId, eventType: event.eventType || "" } },
    h("td", {}, time(event.publishedAt)), h("td", {}, event.eventType || h("span", { class: "muted" }, "—")), h("td", {}, event.topic),
    h("td", {}, event.organisationId || h("span", { class: "muted" }, "—")),
    h("td", {}, (event.deliveries || []).map((delivery) => h("span", { class: "chip " + delivery.outcome, title: delivery.detail || "" },
      `${delivery.target} · ${delivery.outcome}`))))];
  if (open) {
    rows.push(h("tr", {}, h("td", { colspan: 5 },
      h("div", { class: "parts" },
        h("div", {}, h("strong", {}, "Envelope"), h("pre", {}, pretty(event.message))),
        h("div", {}, h("strong", {}, "Message attributes"), h("pre", {}, JSON.stringify(event.attributes, null, 2)),
          h("strong", {}, "Consumers"),
          (event.deliveries || []).length === 0 ? h("div", { class: "muted" }, "no subscription took it")
            : h("table", {}, h("tbody", {}, event.deliveries.map((delivery) => h("tr", {},
              h("td", {}, delivery.protocol), h("td", {}, delivery.target),
              h("td", {}, h("span", { class: "chip " + delivery.outcome }, delivery.outcome)), h("td", {}, delivery.detail || ""))))))))));
  }
  return rows;
}

function deadLetterQueue(queue) {
  const base = `/_local/queues/${encodeURIComponent(queue.logicalId)}`;
  const messages = queue.deadLetterMessages || [];
  return h("section", { class: "card dlq", dataset: { deadLetterQueue: queue.logicalId } },
    h("div", { class: "toolbar" }, h("strong", {}, queue.logicalId), h("span", { class: "muted" }, `→ redrives to ${queue.redrivesTo}`),
      messages.length ? [h("button", { class: "primary", onclick: () => act(base + "/redrive") }, "Redrive all"),
        h("button", { class: "danger", onclick: () => act(base + "/purge", `Purge every message of ${queue.logicalId}?`) }, "Purge all")] : null),
    messages.length === 0 ? h("div", { class: "muted" }, "empty")
      : h("table", {}, h("tbody", {}, messages.map((message) => h("tr", { dataset: { messageId: message.messageId } },
        h("td", {}, h("pre", {}, pretty(message.body)), h("div", { class: "muted" }, `${message.messageId} · received ${message.receiveCount}× · sent ${time(message.sentAt)}`)),
        h("td", { style: "white-space:nowrap" },
          h("button", { class: "primary redrive", onclick: () => act(base + "/redrive?messageId=" + encodeURIComponent(message.messageId)) }, "Redrive"), " ",
          h("button", { class: "danger purge", onclick: () => act(base + "/purge?messageId=" + encodeURIComponent(message.messageId)) }, "Purge")))))));
}

function functionRows(fn) {
  const open = state.expanded.has("fn:" + fn.name);
  const rows = [h("tr", { class: fn.recentErrors.length ? "expandable" : null, dataset: { function: fn.name },
    onclick: fn.recentErrors.length ? () => { open ? state.expanded.delete("fn:" + fn.name) : state.expanded.add("fn:" + fn.name); show(); } : null },
    h("td", {}, fn.name, h("div", { class: "muted" }, fn.handler)), h("td", { class: "num" }, fn.invocations),
    h("td", { class: "num" + (fn.errors ? " bad" : "") }, fn.errors), h("td", { class: "num" }, fn.p50Millis ?? "—"),
    h("td", { class: "num" }, fn.p99Millis ?? "—"), h("td", { class: "num" }, fn.coldStarts), h("td", {}, time(fn.lastInvokedAt)))];
  if (open) {
    rows.push(h("tr", {}, h("td", { colspan: 7 }, fn.recentErrors.map((error) => h("div", { class: "card" },
      meta([["Error", `${error.errorType}: ${error.errorMessage}`], ["Correlation id", error.correlationId || "—"], ["Request id", error.requestId],
        ["Started", time(error.startedAt)], ["Duration", error.durationMillis + " ms"]]),
      h("pre", {}, (error.logLines || []).join("\n") || "(no log lines captured)"))))));
  }
  return rows;
}

async function act(path, confirmation) {
  if (confirmation && !window.confirm(confirmation)) return;
  try {
    const result = await post(path);
    const count = result.redriven ?? result.purged;
    state.message = notice(`${result.redriven !== undefined ? "Redrove" : "Purged"} ${count} message${count === 1 ? "" : "s"} of ${result.queue}.`);
  } catch (error) {
    state.message = notice(error.message, true);
  }
  show();
}

async function fire(button, fn) {
  button.disabled = true;
  try {
    const result = await post(`/_local/schedules/${encodeURIComponent(fn)}/fire`);
    state.message = notice(`Fired ${result.schedulesFired} schedule${result.schedulesFired === 1 ? "" : "s"} of ${fn}.`);
  } catch (error) {
    state.message = notice(`${fn}: ${error.message}`, true);
  }
  show();
}

async function copyToken(account) {
  try {
    await navigator.clipboard.writeText(account.bearerToken);
    state.message = notice(`Copied ${account.key}'s bearer token.`);
  } catch {
    // Clipboard access can be refused (an unfocused or automated browser): show the token to copy by hand instead.
    state.message = h("div", { class: "notice" }, `${account.key}'s bearer token:`, h("pre", { id: "token" }, account.bearerToken));
  }
  show();
}

// ---- routing and the live feed ----

let current = null;
let rendering = null;
let again = false;
let pollTimer = null;

function pageName() {
  const name = location.hash.slice(1);
  return pages[name] ? name : "outbox";
}

/** Renders the current page; a change arriving while it renders renders it once more afterwards, never in parallel. */
async function show() {
  if (rendering) { again = true; return rendering; }
  rendering = (async () => {
    do {
      again = false;
      const name = pageName();
      if (name !== current) { state.message = null; current = name; schedulePoll(); }
      document.querySelectorAll("nav a[data-page]").forEach((link) => link.classList.toggle("active", link.dataset.page === name));
      const focused = document.activeElement?.id;
      try {
        const content = await pages[name].render();
        document.getElementById("page").replaceChildren(h("div", { id: "page-" + name }, content));
      } catch (error) {
        document.getElementById("page").replaceChildren(notice("Could not load the page: " + error.message, true));
      }
      if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
    } while (again);
  })();
  try { await rendering; } finally { rendering = null; }
}

function schedulePoll() {
  clearInterval(pollTimer);
  const every = pages[current].pollMillis;
  // Queue depths change without an event (a message becoming visible again): that page also looks now and then.
  if (every) pollTimer = setInterval(() => { if (!document.hidden) show(); }, every);
}

let refreshTimer = null;

/** A burst of feed events (a busy queue's invocations) becomes one re-render. */
function refreshSoon() {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => { refreshTimer = null; show(); }, 250);
}

function connect() {
  const live = document.getElementById("live");
  const source = new EventSource("/_local/stream");
  source.addEventListener("ready", () => { live.textContent = "live"; live.className = "live on"; });
  source.onerror = () => { live.textContent = "reconnecting…"; live.className = "live off"; };
  for (const kind of ["outbox", "event", "delivery", "invocation", "queues", "faults"]) {
    source.addEventListener(kind, () => { if (pages[current]?.kinds.includes(kind)) refreshSoon(); });
  }
}

window.addEventListener("hashchange", show);
connect();
show();

/** The Faults page's form for one service: kind, rate (0..1), added latency, operations (comma-separated). */
function faultForm(service, kinds) {
  const kind = h("select", { name: "kind" }, kinds.map((name) => h("option", { value: name }, name)));
  const rate = h("input", { name: "rate", type: "number", min: "0", max: "1", step: "0.05", value: "1", size: "4" });
  const latency = h("input", { name: "latencyMs", type: "number", min: "0", step: "50", value: "0", size: "5", title: "added latency, ms" });
  const operations = h("input", { name: "operations", placeholder: "operations (all)", size: "16" });
  return h("form", { class: "fault", onsubmit: async (event) => {
    event.preventDefault();
    const rule = { kind: kind.value, rate: Number(rate.value), latencyMs: Number(latency.value),
      operations: operations.value.split(",").map((name) => name.trim()).filter(Boolean) };
    try {
      const response = await fetch("/_local/faults/" + encodeURIComponent(service),
        { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(rule) });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body.detail || `answered ${response.status}`);
      state.message = notice(`${service}: ${rule.kind} on ${Math.round(rule.rate * 100)} % of the calls`);
    } catch (error) {
      state.message = notice(`${service}: ${error.message}`, true);
    }
    show();
  } }, kind, rate, latency, operations, h("button", { class: "primary", type: "submit" }, "Set"));
}

async function clearFaults(button, service) {
  button.disabled = true;
  const response = await fetch("/_local/faults" + (service ? "/" + encodeURIComponent(service) : ""), { method: "DELETE" });
  state.message = response.ok ? notice(service ? `${service}: faults cleared` : "All faults cleared")
    : notice(`Clearing answered ${response.status}`, true);
  show();
}
