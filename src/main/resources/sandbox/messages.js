/*
 * Changebot sandbox: a channel's messages (with the ephemerals shown to this person), a thread,
 * reactions and their picker, and the App Home, drawn from the state's render trees.
 */
"use strict";

const SandboxMessages = app => {
  const { el, inlines, blocks } = SandboxBlocks;
  const { ui, $, clear, act, person, displayName, timeOf } = app;
  const confirmThen = (confirm, go) => app.confirmThen(confirm, go);
  const openThread = (channel, ts) => app.openThread(channel, ts);

  /** The approval emoji first (the default policy approves with it), then common reactions. */
  const PICKER = ["white_check_mark", "+1", "eyes", "rocket", "tada", "x", "warning", "heart", "pray",
    "thinking_face", "hourglass_flowing_sand", "fire"];
  const EMOJI = {
    white_check_mark: "\u2705", "+1": "\uD83D\uDC4D", thumbsup: "\uD83D\uDC4D", "-1": "\uD83D\uDC4E",
    eyes: "\uD83D\uDC40", rocket: "\uD83D\uDE80", tada: "\uD83C\uDF89", x: "\u274C", warning: "\u26A0\uFE0F",
    heart: "\u2764\uFE0F", pray: "\uD83D\uDE4F", thinking_face: "\uD83E\uDD14", hourglass_flowing_sand: "\u23F3",
    fire: "\uD83D\uDD25", heavy_check_mark: "\u2714\uFE0F", rotating_light: "\uD83D\uDEA8", no_entry_sign: "\uD83D\uDEAB"
  };

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
    const name = channel.is_im ? app.imName(channel) : "#" + channel.name;
    $("channel-title").textContent = channel.is_im ? name : "# " + channel.name;
    $("composer-text").placeholder = "Message " + name + ", or /change help";
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

  return { renderMain, renderThread, renderHome };
};
