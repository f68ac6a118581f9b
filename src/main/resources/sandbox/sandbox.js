/*
 * Changebot sandbox: a Slack-like page over the in-process Slack stand-in. It reads the workspace
 * from /sandbox/api/state (as the person chosen, in this browser's time zone), redraws on every
 * change the server announces (server-sent events, or polling when they are unavailable), and
 * sends what a person does (commands, clicks, submissions, reactions) to /sandbox/api/...
 * The bot answers through its real signed Slack route; this page only draws and reports.
 */
"use strict";

(() => {
  const { el, inlines, blocks, isEmpty } = SandboxBlocks;

  /** The approval emoji first (the default policy approves with it), then common reactions. */
  const PICKER = ["white_check_mark", "+1", "eyes", "rocket", "tada", "x", "warning", "heart", "pray",
    "thinking_face", "hourglass_flowing_sand", "fire"];
  const EMOJI = {
    white_check_mark: "\u2705", "+1": "\uD83D\uDC4D", thumbsup: "\uD83D\uDC4D", "-1": "\uD83D\uDC4E",
    eyes: "\uD83D\uDC40", rocket: "\uD83D\uDE80", tada: "\uD83C\uDF89", x: "\u274C", warning: "\u26A0\uFE0F",
    heart: "\u2764\uFE0F", pray: "\uD83D\uDE4F", thinking_face: "\uD83E\uDD14", hourglass_flowing_sand: "\u23F3",
    fire: "\uD83D\uDD25", heavy_check_mark: "\u2714\uFE0F", rotating_light: "\uD83D\uDEA8", no_entry_sign: "\uD83D\uDEAB"
  };
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
    if (message.bot_id) return "Changebot";
    const p = person(message.user);
    return p ? (p.real_name || p.name) : (message.user || "someone");
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
      const button = el("button", "nav-item", (c.is_im ? "" : "# ") + c.name);
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

  function currentChannel() {
    return (ui.state.channels || []).find(c => c.id === ui.channel) || (ui.state.channels || [])[0];
  }

  function renderMain() {
    const home = ui.showing === "home";
    $("home").hidden = !home;
    $("messages").hidden = home;
    $("composer").hidden = home;
    if (home) {
      $("channel-title").textContent = "Changebot \u00B7 Home";
      $("pinned").hidden = true;
      renderHome();
      return;
    }
    const channel = currentChannel();
    if (!channel) return;
    ui.channel = channel.id;
    $("channel-title").textContent = channel.is_im ? channel.name : "# " + channel.name;
    $("composer-text").placeholder = "Message " + (channel.is_im ? channel.name : "#" + channel.name) + ", or /change help";
    renderPinned(channel);
    const list = $("messages");
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
    clear(list);
    const items = (ui.state.messages[channel.id] || []).map(m => ({ m, ephemeral: false }))
      .concat((ui.state.ephemerals || []).filter(e => e.channel === channel.id && !threadOf(e.message))
        .map(e => ({ m: e.message, ephemeral: true })));
    items.sort((a, b) => parseFloat(a.m.ts) - parseFloat(b.m.ts));
    if (!items.length) list.appendChild(el("div", "empty", "No messages yet."));
    items.forEach(item => list.appendChild(messageNode(item.m, { ephemeral: item.ephemeral, inThread: false })));
    if (nearBottom || ui.stickToBottom) list.scrollTop = list.scrollHeight;
    ui.stickToBottom = false;
  }

  function threadOf(message) {
    return message.thread_ts && message.thread_ts !== message.ts ? message.thread_ts : null;
  }

  function renderPinned(channel) {
    const box = clear($("pinned"));
    box.hidden = !channel.pinned_note;
    if (!channel.pinned_note) return;
    box.appendChild(el("div", "pinned-title", "\uD83D\uDCCC Pinned \u00B7 try it in a minute"));
    const body = el("div", "pinned-body");
    if (channel.rendered_note) body.appendChild(inlines(channel.rendered_note));
    else body.textContent = channel.pinned_note;
    box.appendChild(body);
  }

  function messageNode(m, where) {
    const row = el("div", "message" + (where.ephemeral ? " ephemeral" : ""));
    row.dataset.ts = m.ts;
    const name = displayName(m);
    row.appendChild(el("div", "avatar" + (m.bot_id ? " avatar-bot" : ""), m.bot_id ? "\u2699" : name.charAt(0).toUpperCase()));
    const body = el("div", "message-body");
    const head = el("div", "message-head");
    head.appendChild(el("strong", "message-author", name));
    if (m.bot_id) head.appendChild(el("span", "app-badge", "APP"));
    head.appendChild(el("span", "message-time", timeOf(m.ts)));
    if (m.edited) head.appendChild(el("span", "message-edited", "(edited)"));
    body.appendChild(head);
    if (where.ephemeral) body.appendChild(el("div", "ephemeral-label", "\uD83D\uDC41 Only visible to you"));
    const rendered = m.rendered || { blocks: [{ type: "section", text: [{ type: "text", text: m.text || "" }] }] };
    body.appendChild(blocks(rendered.blocks, {
      kind: "message",
      onAction: (payload, confirm) => confirmThen(confirm, () => act("action", Object.assign({
        channel: m.channel, message_ts: m.ts, ephemeral: where.ephemeral }, payload)))
    }));
    if (!where.ephemeral) {
      body.appendChild(reactionsNode(m));
      if (!where.inThread && m.reply_count > 0) {
        const replies = el("button", "thread-summary link-button", m.reply_count + (m.reply_count === 1 ? " reply" : " replies"));
        replies.type = "button";
        replies.addEventListener("click", () => openThread(m.channel, m.ts));
        body.appendChild(replies);
      }
      const tools = el("div", "message-tools");
      const react = el("button", "tool add-reaction", "\u263A+");
      react.type = "button";
      react.title = "Add reaction";
      react.addEventListener("click", event => openPicker(event.currentTarget, m));
      tools.appendChild(react);
      if (!where.inThread) {
        const reply = el("button", "tool reply-in-thread", "\uD83D\uDCAC");
        reply.type = "button";
        reply.title = "Reply in thread";
        reply.addEventListener("click", () => openThread(m.channel, m.ts));
        tools.appendChild(reply);
      }
      row.appendChild(tools);
    }
    row.appendChild(body);
    return row;
  }

  function reactionsNode(m) {
    const box = el("div", "reactions");
    (m.reactions || []).forEach(r => {
      const mine = (r.users || []).includes(ui.as);
      const chip = el("button", "reaction" + (mine ? " mine" : ""));
      chip.type = "button";
      chip.dataset.name = r.name;
      chip.title = ":" + r.name + ": by " + (r.users || []).map(id => (person(id) || { name: id }).name).join(", ");
      chip.appendChild(el("span", "reaction-emoji", EMOJI[r.name] || ":" + r.name + ":"));
      chip.appendChild(el("span", "reaction-count", String(r.count || (r.users || []).length)));
      chip.addEventListener("click", () => act("reactions", { channel: m.channel, ts: m.ts, name: r.name, add: !mine }));
      box.appendChild(chip);
    });
    return box;
  }

  function openPicker(anchor, m) {
    const picker = clear($("emoji-picker"));
    PICKER.forEach(name => {
      const b = el("button", "picker-emoji", EMOJI[name]);
      b.type = "button";
      b.title = ":" + name + ":";
      b.dataset.name = name;
      b.addEventListener("click", () => {
        picker.hidden = true;
        const already = (m.reactions || []).some(r => r.name === name && (r.users || []).includes(ui.as));
        if (!already) act("reactions", { channel: m.channel, ts: m.ts, name, add: true });
      });
      picker.appendChild(b);
    });
    const rect = anchor.getBoundingClientRect();
    picker.style.top = Math.min(rect.bottom + 4, window.innerHeight - 120) + "px";
    picker.style.left = Math.max(8, Math.min(rect.left - 200, window.innerWidth - 300)) + "px";
    picker.hidden = false;
  }

  function renderThread() {
    const pane = $("thread");
    if (!ui.thread || ui.showing !== "channel") { pane.hidden = true; return; }
    pane.hidden = false;
    const list = clear($("thread-messages"));
    const parent = (ui.state.messages[ui.thread.channel] || []).find(m => m.ts === ui.thread.ts);
    if (parent) list.appendChild(messageNode(parent, { ephemeral: false, inThread: true }));
    const replies = (ui.state.threads[ui.thread.channel + "/" + ui.thread.ts] || []).filter(m => m.ts !== ui.thread.ts)
      .map(m => ({ m, ephemeral: false }))
      .concat((ui.state.ephemerals || []).filter(e => e.channel === ui.thread.channel && threadOf(e.message) === ui.thread.ts)
        .map(e => ({ m: e.message, ephemeral: true })));
    replies.sort((a, b) => parseFloat(a.m.ts) - parseFloat(b.m.ts));
    if (replies.length) list.appendChild(el("div", "thread-count", replies.length + (replies.length === 1 ? " reply" : " replies")));
    replies.forEach(r => list.appendChild(messageNode(r.m, { ephemeral: r.ephemeral, inThread: true })));
  }

  function renderHome() {
    const box = clear($("home"));
    const home = ui.state.home;
    if (!home) {
      box.appendChild(el("div", "empty", "Changebot has not published a Home tab for you yet."));
      return;
    }
    const rendered = home.rendered || { blocks: [] };
    box.appendChild(blocks(rendered.blocks, {
      kind: "home",
      onAction: (payload, confirm) => confirmThen(confirm, () => act("action", Object.assign({ view_id: home.id }, payload)))
    }));
  }

  // ---- modals ----------------------------------------------------------------------------------

  function renderModal() {
    const layer = $("modal-layer");
    const views = ui.state.views || [];
    const top = views[views.length - 1];
    if (!top) { layer.hidden = true; clear(layer); ui.modalKey = null; return; }
    // Redrawing an unchanged modal would wipe what the person typed: only its errors are refreshed.
    const key = top.id + "|" + JSON.stringify(top.view);
    if (key === ui.modalKey && ui.modalInputs) { showModalErrors(top.errors || {}); return; }
    ui.modalKey = key;
    clear(layer);
    layer.hidden = false;
    const rendered = top.rendered || { title: "", blocks: [] };
    const panel = el("form", "modal");
    panel.noValidate = true;
    panel.dataset.viewId = top.id;
    const header = el("div", "modal-header");
    if (views.length > 1) header.appendChild(el("span", "modal-depth", "\u2039 " + (views.length - 1)));
    header.appendChild(el("h2", "modal-title", rendered.title || ""));
    const x = el("button", "icon-button modal-x", "\u00D7");
    x.type = "button";
    x.setAttribute("aria-label", "Close");
    x.addEventListener("click", () => closeModal(top));
    header.appendChild(x);
    panel.appendChild(header);
    const inputs = [];
    ui.modalInputs = inputs;
    const body = el("div", "modal-body");
    body.appendChild(blocks(rendered.blocks, {
      kind: "modal", errors: top.errors || {}, inputs,
      onAction: (payload, confirm) => confirmThen(confirm, () => act("action", Object.assign({ view_id: top.id }, payload)))
    }));
    panel.appendChild(body);
    const footer = el("div", "modal-footer");
    const cancel = el("button", "sb-button", rendered.close || "Cancel");
    cancel.type = "button";
    cancel.addEventListener("click", () => closeModal(top));
    footer.appendChild(cancel);
    if (rendered.submit) {
      const submit = el("button", "sb-button sb-button-primary modal-submit", rendered.submit);
      submit.type = "submit";
      footer.appendChild(submit);
    }
    panel.appendChild(footer);
    panel.addEventListener("submit", event => { event.preventDefault(); submitModal(top, inputs); });
    layer.appendChild(panel);
    const first = panel.querySelector("input, textarea, select");
    if (first) first.focus();
  }

  function showModalErrors(errors) {
    (ui.modalInputs || []).forEach(input => input.showError(errors[input.block_id] || ""));
  }

  async function submitModal(view, inputs) {
    const values = {};
    let missing = false;
    inputs.forEach(input => {
      const value = input.read();
      const empty = isEmpty(value);
      if (empty && !input.optional) { input.showError("Please complete this required field."); missing = true; return; }
      input.showError("");
      if (value) {
        values[input.block_id] = values[input.block_id] || {};
        values[input.block_id][input.action_id] = value;
      }
    });
    if (missing) return;
    const reply = await act("views/submit", { view_id: view.id, values });
    if (reply.errors) showModalErrors(reply.errors);
  }

  function closeModal(view) {
    ui.modalKey = null;
    act("views/close", { view_id: view.id });
  }

  /** Slack's confirm dialog before a button acts; nothing is sent when the person backs out. */
  function confirmThen(confirm, go) {
    if (!confirm) { go(); return; }
    const layer = clear($("dialog-layer"));
    layer.hidden = false;
    const box = el("div", "dialog confirm-dialog");
    box.appendChild(el("h2", null, confirm.title || "Are you sure?"));
    const text = el("div", "dialog-text");
    text.appendChild(inlines(confirm.text));
    box.appendChild(text);
    const buttons = el("div", "dialog-buttons");
    const deny = el("button", "sb-button confirm-deny", confirm.deny || "Cancel");
    deny.type = "button";
    deny.addEventListener("click", () => { layer.hidden = true; clear(layer); });
    const yes = el("button", "sb-button confirm-yes " + (confirm.style === "danger" ? "sb-button-danger" : "sb-button-primary"),
      confirm.confirm || "Yes");
    yes.type = "button";
    yes.addEventListener("click", () => { layer.hidden = true; clear(layer); go(); });
    buttons.appendChild(deny);
    buttons.appendChild(yes);
    box.appendChild(buttons);
    layer.appendChild(box);
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

  function editPeople() {
    const layer = clear($("dialog-layer"));
    layer.hidden = false;
    const people = (ui.state.people || []).map(p => Object.assign({}, p));
    const groups = (ui.state.groups || []).map(g => Object.assign({}, g, { users: (g.users || []).slice() }));
    const box = el("form", "dialog people-editor");
    box.appendChild(el("h2", null, "People and user groups"));
    box.appendChild(el("p", "dialog-text", "Everyone here is played by you. Groups give people the policy's roles."));
    const table = el("table", "people-table");
    const draw = () => {
      clear(table);
      const head = el("tr");
      ["Id", "Name", "Full name", "Title", "Time zone"].forEach(h => head.appendChild(el("th", null, h)));
      groups.forEach(g => head.appendChild(el("th", null, "@" + g.handle)));
      table.appendChild(head);
      people.forEach(p => {
        const row = el("tr");
        row.appendChild(el("td", "person-id", p.id || "(new)"));
        ["name", "real_name", "title", "tz"].forEach(field => {
          const cell = el("td");
          const input = el("input", "sb-input");
          input.value = p[field] || "";
          input.dataset.field = field;
          input.addEventListener("input", () => { p[field] = input.value; });
          cell.appendChild(input);
          row.appendChild(cell);
        });
        groups.forEach(g => {
          const cell = el("td", "member-cell");
          const box_ = el("input");
          box_.type = "checkbox";
          box_.checked = !!p.id && g.users.includes(p.id);
          box_.addEventListener("change", () => {
            p.groups = p.groups || {};
            p.groups[g.id] = box_.checked;
          });
          cell.appendChild(box_);
          row.appendChild(cell);
        });
        table.appendChild(row);
      });
    };
    draw();
    box.appendChild(table);
    const error = el("div", "input-error");
    const add = el("button", "sb-button add-person", "Add a person");
    add.type = "button";
    add.addEventListener("click", () => { people.push({ id: "", name: "", real_name: "", title: "", tz: TZ }); draw(); });
    const buttons = el("div", "dialog-buttons");
    const cancel = el("button", "sb-button", "Cancel");
    cancel.type = "button";
    cancel.addEventListener("click", () => { layer.hidden = true; clear(layer); });
    const save = el("button", "sb-button sb-button-primary save-people", "Save");
    save.type = "submit";
    buttons.appendChild(add);
    buttons.appendChild(cancel);
    buttons.appendChild(save);
    box.appendChild(error);
    box.appendChild(buttons);
    box.addEventListener("submit", async event => {
      event.preventDefault();
      const taken = new Set(people.map(p => p.id).filter(Boolean));
      const saved = people.filter(p => (p.name || "").trim()).map(p => {
        let id = p.id;
        if (!id) {
          const base = "U0" + p.name.trim().toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 8);
          id = base;
          for (let n = 2; taken.has(id); n++) id = base + n;
          taken.add(id);
        }
        groups.forEach(g => {
          const wanted = p.groups && p.groups[g.id];
          if (wanted === true && !g.users.includes(id)) g.users.push(id);
          if (wanted === false) g.users = g.users.filter(u => u !== id);
        });
        return { id, name: p.name.trim(), real_name: (p.real_name || p.name).trim(), title: p.title || "", tz: p.tz || TZ };
      });
      try {
        const reply = await api("PUT", "people", { people: saved, groups });
        if (reply.ok === false) { error.textContent = reply.error || "refused"; return; }
        layer.hidden = true;
        clear(layer);
        refresh();
      } catch (failure) {
        error.textContent = String(failure.message || failure);
      }
    });
    layer.appendChild(box);
  }

  // ---- wiring ------------------------------------------------------------------------------------

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
