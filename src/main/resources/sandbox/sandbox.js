/*
 * Changebot sandbox: a Slack-like page over the in-process Slack stand-in. It reads the workspace
 * from /sandbox/api/state (as the person chosen, in this browser's time zone), redraws on every
 * change the server announces (server-sent events, or polling when they are unavailable), and
 * sends what a person does (commands, clicks, submissions, reactions) to /sandbox/api/...
 * The bot answers through its real signed Slack route; this page only draws and reports.
 */
"use strict";

(() => {
  const { el } = SandboxBlocks;

  const TZ = (Intl.DateTimeFormat().resolvedOptions().timeZone) || "UTC";
  const params = new URLSearchParams(location.search);

  const ui = {
    as: params.get("as") || localStorage.getItem("changebot-sandbox-as"),
    channel: params.get("channel") || "C0CHANGES",
    showing: "channel",              // or "home"
    thread: null,                    // {channel, ts}
    state: null,
    modalKey: null,
    refusalsSeen: 0,
    stickToBottom: true
  };

  const $ = id => document.getElementById(id);
  const clear = node => { while (node.firstChild) node.removeChild(node.firstChild); return node; };

  // ---- talking to the server -------------------------------------------------------------------

  async function api(method, path, body) {
    const init = { method, headers: {} };
    if (body !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
    const response = await fetch("/sandbox/api/" + path, init);
    let json = null;
    try { json = await response.json(); } catch (ignored) { json = null; }
    if (!response.ok && !(json && typeof json === "object")) throw new Error(path + " answered HTTP " + response.status);
    if (!response.ok && json.ok === undefined) json.ok = false;
    return json || {};
  }

  /** Sends something a person did, shows the refusal if there is one, and redraws. */
  async function act(path, body) {
    try {
      const reply = await api("POST", path, Object.assign({ as: ui.as }, body));
      if (reply.ok === false) notice((reply.error || "refused") + (reply.detail ? ": " + reply.detail : ""));
      return reply;
    } catch (error) {
      notice(String(error.message || error));
      return { ok: false };
    } finally {
      refresh();
    }
  }

  let loading = null;
  let again = false;
  function refresh() {
    if (loading) { again = true; return loading; }
    loading = (async () => {
      do {
        again = false;
        const query = "state?tz=" + encodeURIComponent(TZ) + (ui.as ? "&as=" + encodeURIComponent(ui.as) : "");
        const state = await api("GET", query);
        if (!ui.as || !(state.people || []).some(p => p.id === ui.as)) {
          const first = (state.people || [])[0];
          if (first && first.id !== ui.as) { ui.as = first.id; again = true; continue; }
        }
        // Polling answers the same state most of the time: redrawing it would only lose hovers and focus.
        const text = JSON.stringify(state);
        if (text === ui.stateText) continue;
        ui.stateText = text;
        ui.state = state;
        render();
      } while (again);
    })().catch(error => notice("Could not read the sandbox: " + (error.message || error)))
      .finally(() => { loading = null; });
    return loading;
  }

  function live() {
    let polling = null;
    const poll = () => {
      if (!polling) polling = setInterval(refresh, 2000);
      status("polling");
    };
    if (!window.EventSource) { poll(); return; }
    const source = new EventSource("/sandbox/api/events");
    source.addEventListener("changed", event => {
      let version = null;
      try { version = JSON.parse(event.data).version; } catch (ignored) { version = null; }
      if (!ui.state || version !== ui.state.version) refresh();
    });
    source.onopen = () => {
      if (polling) { clearInterval(polling); polling = null; }
      status("live");
      refresh();
    };
    source.onerror = poll;
  }

  function status(mode) {
    const s = $("live-status");
    s.textContent = mode === "live" ? "\u25CF live" : "\u25CB polling";
    s.dataset.mode = mode;
  }

  function notice(text) {
    const box = clear($("notice"));
    box.hidden = false;
    box.appendChild(el("span", null, text));
    const close = el("button", "icon-button", "\u00D7");
    close.type = "button";
    close.setAttribute("aria-label", "Dismiss");
    close.addEventListener("click", () => { box.hidden = true; });
    box.appendChild(close);
  }

  // ---- who is who ------------------------------------------------------------------------------

  function person(id) {
    return ((ui.state && ui.state.people) || []).find(p => p.id === id);
  }

  function displayName(message) {
    const bot = (ui.state && ui.state.bot) || {};
    if (message.bot_id || (bot.id && message.user === bot.id)) return bot.name || "Changebot";
    const p = person(message.user);
    return p ? (p.real_name || p.name) : (message.user || "someone");
  }

  /** A direct message with the bot is named after the bot, as Slack lists it. */
  function imName(channel) {
    return (ui.state.bot && ui.state.bot.name) || channel.name;
  }

  function timeOf(ts) {
    const seconds = parseFloat(ts);
    if (!isFinite(seconds)) return "";
    return new Date(seconds * 1000).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
  }

  // ---- drawing ---------------------------------------------------------------------------------

  function render() {
    renderPeople();
    renderNav();
    renderClock();
    renderRefusals();
    renderMain();
    renderThread();
    renderModal();
  }

  function renderPeople() {
    const select = $("person");
    if (document.activeElement === select) return;
    clear(select);
    (ui.state.people || []).forEach(p => {
      const option = el("option", null, (p.real_name || p.name) + (p.title ? " \u2014 " + p.title : ""));
      option.value = p.id;
      option.selected = p.id === ui.as;
      select.appendChild(option);
    });
  }

  function renderNav() {
    const channels = clear($("channels"));
    const dms = clear($("dms"));
    (ui.state.channels || []).forEach(c => {
      const item = el("li");
      const button = el("button", "nav-item", c.is_im ? imName(c) : "# " + c.name);
      button.type = "button";
      button.dataset.channel = c.id;
      if (ui.showing === "channel" && ui.channel === c.id) button.classList.add("active");
      button.addEventListener("click", () => openChannel(c.id));
      item.appendChild(button);
      (c.is_im ? dms : channels).appendChild(item);
    });
    $("nav-home").classList.toggle("active", ui.showing === "home");
  }

  function renderClock() {
    const clock = ui.state.clock || {};
    const now = clock.now ? new Date(clock.now) : null;
    const ahead = clock.offset_seconds || 0;
    const box = clear($("clock-now"));
    box.appendChild(el("span", null, "Bot time: " + (now ? now.toLocaleString([], { weekday: "short", hour: "numeric", minute: "2-digit", day: "numeric", month: "short" }) : "?")));
    if (ahead > 0) {
      const h = Math.floor(ahead / 3600);
      const m = Math.floor((ahead % 3600) / 60);
      box.appendChild(el("span", "clock-ahead", " (" + (h ? h + " h " : "") + m + " min ahead)"));
    }
  }

  function renderRefusals() {
    const errors = ui.state.errors || [];
    const box = clear($("refusals"));
    const fresh = errors.slice(ui.refusalsSeen > errors.length ? 0 : ui.refusalsSeen);
    box.hidden = fresh.length === 0;
    if (!fresh.length) return;
    box.appendChild(el("strong", null, "The sandbox's Slack refused " + fresh.length
      + (fresh.length === 1 ? " call" : " calls") + " from the bot, as Slack would:"));
    const list = el("ul");
    fresh.slice(-5).reverse().forEach(e => {
      const item = el("li");
      item.appendChild(el("code", null, e.method || "?"));
      item.appendChild(el("span", null, " \u2192 " + (e.error || "error") + (e.detail ? ": " + e.detail : "")));
      if (e.at) item.appendChild(el("span", "refusal-at", " " + new Date(e.at).toLocaleTimeString()));
      list.appendChild(item);
    });
    box.appendChild(list);
    const dismiss = el("button", "link-button", "Dismiss");
    dismiss.type = "button";
    dismiss.addEventListener("click", () => { ui.refusalsSeen = errors.length; renderRefusals(); });
    box.appendChild(dismiss);
  }

  // ---- navigation and the composer -------------------------------------------------------------

  function openChannel(id) {
    ui.showing = "channel";
    ui.channel = id;
    ui.thread = null;
    ui.stickToBottom = true;
    render();
  }

  function openThread(channel, ts) {
    ui.thread = { channel, ts };
    renderThread();
  }

  function openHome() {
    ui.showing = "home";
    ui.thread = null;
    render();
    act("home", {});
  }

  async function send(textarea, threadTs) {
    const text = textarea.value.trim();
    if (!text) return;
    const body = { channel: ui.thread && threadTs ? ui.thread.channel : ui.channel, text };
    if (threadTs) body.thread_ts = threadTs;
    ui.stickToBottom = true;
    const reply = await act("command", body);
    if (reply.ok !== false) textarea.value = "";
  }

  function submitOnEnter(textarea, form) {
    textarea.addEventListener("keydown", event => {
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
    });
  }

  // ---- people and groups -------------------------------------------------------------------------

  // ---- wiring ------------------------------------------------------------------------------------

  const app = { ui, $, clear, api, act, refresh, notice, person, displayName, imName, timeOf, TZ, openThread };
  const { renderMain, renderThread } = SandboxMessages(app);
  const { renderModal, confirmThen } = SandboxModals(app);
  app.confirmThen = confirmThen;
  const { editPeople } = SandboxPeople(app);

  function start() {
    $("person").addEventListener("change", event => {
      ui.as = event.target.value;
      localStorage.setItem("changebot-sandbox-as", ui.as);
      ui.modalKey = null;
      ui.modalInputs = null;
      refresh();
      if (ui.showing === "home") act("home", {});
    });
    $("edit-people").addEventListener("click", editPeople);
    $("nav-home").addEventListener("click", openHome);
    $("thread-close").addEventListener("click", () => { ui.thread = null; renderThread(); });
    $("composer").addEventListener("submit", event => { event.preventDefault(); send($("composer-text"), null); });
    $("thread-composer").addEventListener("submit", event => {
      event.preventDefault();
      if (ui.thread) send($("thread-text"), ui.thread.ts);
    });
    submitOnEnter($("composer-text"), $("composer"));
    submitOnEnter($("thread-text"), $("thread-composer"));
    document.querySelectorAll("#clock-panel [data-minutes]").forEach(b =>
      b.addEventListener("click", () => act("clock/advance", { minutes: Number(b.dataset.minutes) })));
    $("clock-form").addEventListener("submit", event => {
      event.preventDefault();
      const minutes = Number($("clock-minutes").value);
      if (minutes > 0) act("clock/advance", { minutes });
    });
    document.addEventListener("click", event => {
      const picker = $("emoji-picker");
      if (!picker.hidden && !picker.contains(event.target) && !event.target.closest(".add-reaction")) picker.hidden = true;
    });
    document.addEventListener("keydown", event => {
      if (event.key === "Escape") { $("emoji-picker").hidden = true; }
    });
    if (ui.as) localStorage.setItem("changebot-sandbox-as", ui.as);
    refresh();
    live();
  }

  start();
})();
