/*
 * Changebot sandbox: the render tree (made by dev.changebot.sandbox.render from the bot's Block Kit)
 * to DOM. Every piece of text goes in through textContent or a text node, never as markup, so
 * nothing a message or a view says can run in the page.
 */
"use strict";

const SandboxBlocks = (() => {

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function safeUrl(url) {
    if (typeof url !== "string") return null;
    const lower = url.trim().toLowerCase();
    return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:") ? url.trim() : null;
  }

  function link(url, children) {
    const a = el("a");
    a.href = url;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    children.forEach(child => a.appendChild(child));
    return a;
  }

  /** Inline nodes (text, bold, link, mention, date, emoji, br, pre, quote...) to DOM nodes. */
  function inlines(nodes) {
    const out = document.createDocumentFragment();
    (nodes || []).forEach(node => out.appendChild(inline(node)));
    return out;
  }

  function inline(node) {
    const kids = () => inlines(node.children);
    switch (node.type) {
      case "text": return document.createTextNode(node.text);
      case "bold": { const b = el("b"); b.appendChild(kids()); return b; }
      case "italic": { const i = el("i"); i.appendChild(kids()); return i; }
      case "strike": { const s = el("s"); s.appendChild(kids()); return s; }
      case "span": { const s = el("span"); s.appendChild(kids()); return s; }
      case "code": return el("code", "inline-code", node.text);
      case "pre": return el("pre", "pre", node.text);
      case "quote": { const q = el("blockquote"); q.appendChild(kids()); return q; }
      case "br": return el("br");
      case "link": {
        const url = safeUrl(node.url);
        const content = Array.from(kids().childNodes);
        if (!url) { const s = el("span"); content.forEach(c => s.appendChild(c)); return s; }
        return link(url, content);
      }
      case "user": case "group": case "broadcast": {
        const m = el("span", "mention mention-" + node.type, node.text);
        if (node.id) m.dataset.id = node.id;
        return m;
      }
      case "channel": return el("span", "mention mention-channel", node.text);
      case "date": {
        const url = safeUrl(node.url);
        const t = el("time", "date", node.text);
        if (node.fallback) t.title = node.fallback;
        return url ? link(url, [t]) : t;
      }
      case "emoji": {
        const e = el("span", "emoji", node.text);
        e.title = ":" + node.name + ":";
        return e;
      }
      default: return document.createTextNode("");
    }
  }

  /**
   * Blocks to DOM. `surface` says where they live ({kind: "message"|"modal"|"home", errors, onAction})
   * so interactive elements know what to send.
   */
  function blocks(list, surface) {
    const out = el("div", "blocks");
    (list || []).forEach(block => out.appendChild(renderBlock(block, surface)));
    return out;
  }

  function renderBlock(block, surface) {
    switch (block.type) {
      case "header": { const h = el("div", "block-header"); h.appendChild(inlines(block.text)); return h; }
      case "section": return section(block, surface);
      case "context": {
        const c = el("div", "block-context");
        (block.elements || []).forEach(e => {
          if (e.type === "image") c.appendChild(image(e, "context-image"));
          else { const s = el("span", "context-text"); s.appendChild(inlines(e.children)); c.appendChild(s); }
        });
        return c;
      }
      case "divider": return el("hr", "block-divider");
      case "actions": {
        const a = el("div", "block-actions");
        (block.elements || []).forEach(e => a.appendChild(actionElement(e, surface)));
        return a;
      }
      case "image": {
        const f = el("figure", "block-image");
        if (block.title) f.appendChild(el("figcaption", null, block.title));
        f.appendChild(image(block, ""));
        return f;
      }
      case "input": return input(block, surface);
      default: return el("div", "block-unsupported", "[a " + (block.block_type || "block") + " block the sandbox cannot show]");
    }
  }

  function section(block, surface) {
    const s = el("div", "block-section");
    const body = el("div", "section-body");
    if (block.text) { const t = el("div", "section-text"); t.appendChild(inlines(block.text)); body.appendChild(t); }
    if (block.fields) {
      const fields = el("div", "section-fields");
      block.fields.forEach(f => { const d = el("div", "section-field"); d.appendChild(inlines(f)); fields.appendChild(d); });
      body.appendChild(fields);
    }
    s.appendChild(body);
    if (block.accessory) {
      const acc = el("div", "section-accessory");
      acc.appendChild(block.accessory.type === "image" ? image(block.accessory, "accessory-image")
        : actionElement(block.accessory, surface));
      s.appendChild(acc);
    }
    return s;
  }

  function image(node, className) {
    const url = safeUrl(node.url);
    if (!url) return el("span", "image-missing", "[image: " + (node.alt || "") + "]");
    const img = el("img", className);
    img.src = url;
    img.alt = node.alt || "";
    return img;
  }

  function optionLabel(option) {
    return option.label || (option.text || []).map(t => t.text || "").join("");
  }

  function optionPayload(option) {
    return { text: { type: "plain_text", text: optionLabel(option), emoji: true }, value: option.value };
  }

  /** An element of an actions block or a section accessory: it acts as soon as it is used. */
  function actionElement(e, surface) {
    const send = extra => surface.onAction(Object.assign({
      block_id: e.block_id, action_id: e.action_id, type: e.type }, extra), e.confirm);
    switch (e.type) {
      case "button": {
        const b = el("button", "sb-button" + (e.style ? " sb-button-" + e.style : ""));
        b.type = "button";
        b.appendChild(inlines(e.text));
        b.dataset.actionId = e.action_id || "";
        const url = safeUrl(e.url);
        b.addEventListener("click", () => {
          if (url) window.open(url, "_blank", "noopener");
          send({ value: e.value });
        });
        return b;
      }
      case "static_select": case "overflow": case "users_select": case "conversations_select": case "channels_select": {
        const select = selectOf(e, false);
        select.classList.add("action-select");
        select.addEventListener("change", () => {
          const option = (e.options || []).find(o => o.value === select.value);
          if (!option) return;
          if (e.type === "users_select") send({ selected_user: option.value });
          else if (e.type === "conversations_select") send({ selected_conversation: option.value });
          else if (e.type === "channels_select") send({ selected_channel: option.value });
          else send({ selected_option: optionPayload(option) });
        });
        return select;
      }
      case "datepicker": {
        const d = el("input", "action-date"); d.type = "date"; d.value = e.initial_date || "";
        d.addEventListener("change", () => send({ selected_date: d.value }));
        return d;
      }
      case "timepicker": {
        const t = el("input", "action-time"); t.type = "time"; t.value = e.initial_time || "";
        t.addEventListener("change", () => send({ selected_time: t.value }));
        return t;
      }
      default: {
        // A multi-select, checkbox or text input outside a modal: drawn, and its value sent on change.
        const control = control_(e);
        control.addEventListener("change", () => send(valueOf(e, control) || {}));
        return control;
      }
    }
  }

  function selectOf(e, multiple) {
    const select = el("select", "sb-select");
    select.multiple = multiple;
    if (!multiple) {
      const placeholder = el("option", null, e.placeholder || (e.type === "overflow" ? "\u22EF" : "Select an item"));
      placeholder.value = "";
      select.appendChild(placeholder);
    }
    let group = null;
    let groupNode = null;
    (e.options || []).forEach(o => {
      const option = el("option", null, optionLabel(o));
      option.value = o.value;
      option.selected = !!o.selected;
      if (o.group) {
        if (o.group !== group) { group = o.group; groupNode = el("optgroup"); groupNode.label = o.group; select.appendChild(groupNode); }
        groupNode.appendChild(option);
      } else {
        select.appendChild(option);
      }
    });
    if (multiple && e.placeholder) select.title = e.placeholder;
    return select;
  }

  /** The control of an input element, with its initial value. */
  function control_(e) {
    switch (e.type) {
      case "plain_text_input": case "email_text_input": case "url_text_input": case "number_input": {
        const field = e.multiline ? el("textarea", "sb-input sb-textarea") : el("input", "sb-input");
        if (!e.multiline) field.type = { email_text_input: "email", url_text_input: "url", number_input: "number" }[e.type] || "text";
        if (e.type === "number_input") { field.step = e.is_decimal_allowed ? "any" : "1"; if (e.min_value) field.min = e.min_value; if (e.max_value) field.max = e.max_value; }
        if (e.max_length) field.maxLength = e.max_length;
        if (e.placeholder) field.placeholder = e.placeholder;
        field.value = e.initial_value || "";
        return field;
      }
      case "static_select": case "users_select": case "conversations_select": case "channels_select":
        return selectOf(e, false);
      case "multi_static_select": case "multi_users_select": case "multi_conversations_select": case "multi_channels_select":
        return selectOf(e, true);
      case "radio_buttons": case "checkboxes": {
        const box = el("div", e.type === "radio_buttons" ? "sb-radios" : "sb-checkboxes");
        const name = "r-" + e.block_id + "-" + e.action_id + "-" + Math.random().toString(36).slice(2);
        (e.options || []).forEach(o => {
          const row = el("label", "choice");
          const input = el("input");
          input.type = e.type === "radio_buttons" ? "radio" : "checkbox";
          input.name = name;
          input.value = o.value;
          input.checked = !!o.selected;
          row.appendChild(input);
          const text = el("span", "choice-text");
          text.appendChild(inlines(o.text));
          if (o.description) { const d = el("span", "choice-description"); d.appendChild(inlines(o.description)); text.appendChild(d); }
          row.appendChild(text);
          box.appendChild(row);
        });
        return box;
      }
      case "datepicker": { const d = el("input", "sb-input"); d.type = "date"; d.value = e.initial_date || ""; return d; }
      case "timepicker": { const t = el("input", "sb-input"); t.type = "time"; t.value = e.initial_time || ""; return t; }
      case "datetimepicker": {
        const box = el("div", "sb-datetime");
        const d = el("input", "sb-input"); d.type = "date"; d.value = e.initial_date || "";
        const t = el("input", "sb-input"); t.type = "time"; t.value = e.initial_time || "";
        box.appendChild(d); box.appendChild(t);
        return box;
      }
      default: return el("div", "block-unsupported", "[a " + (e.element_type || e.type) + " the sandbox cannot show]");
    }
  }

  /** The value Slack would report for an element, in view_submission's state.values shape; null when empty. */
  function valueOf(e, control) {
    const options = e.options || [];
    const chosen = value => options.find(o => o.value === value);
    switch (e.type) {
      case "plain_text_input": case "email_text_input": case "url_text_input": case "number_input":
        return { type: e.type, value: control.value === "" ? null : control.value };
      case "static_select": {
        const o = chosen(control.value);
        return { type: e.type, selected_option: o ? optionPayload(o) : null };
      }
      case "multi_static_select":
        return { type: e.type, selected_options: Array.from(control.selectedOptions).map(x => optionPayload(chosen(x.value))) };
      case "users_select": return { type: e.type, selected_user: control.value || null };
      case "multi_users_select": return { type: e.type, selected_users: Array.from(control.selectedOptions).map(x => x.value) };
      case "conversations_select": return { type: e.type, selected_conversation: control.value || null };
      case "multi_conversations_select": return { type: e.type, selected_conversations: Array.from(control.selectedOptions).map(x => x.value) };
      case "channels_select": return { type: e.type, selected_channel: control.value || null };
      case "multi_channels_select": return { type: e.type, selected_channels: Array.from(control.selectedOptions).map(x => x.value) };
      case "radio_buttons": {
        const checked = control.querySelector("input:checked");
        return { type: e.type, selected_option: checked ? optionPayload(chosen(checked.value)) : null };
      }
      case "checkboxes":
        return { type: e.type, selected_options: Array.from(control.querySelectorAll("input:checked")).map(x => optionPayload(chosen(x.value))) };
      case "datepicker": return { type: e.type, selected_date: control.value || null };
      case "timepicker": return { type: e.type, selected_time: control.value || null };
      case "datetimepicker": {
        const [d, t] = control.querySelectorAll("input");
        if (!d.value || !t.value) return { type: e.type, selected_date_time: null };
        return { type: e.type, selected_date_time: Math.floor(new Date(d.value + "T" + t.value).getTime() / 1000) };
      }
      default: return null;
    }
  }

  /** Puts back what was typed so far (Slack's state.values shape), e.g. after the page was reloaded. */
  function restore(e, control, typed) {
    const pick = values => {
      const wanted = new Set(values);
      control.querySelectorAll("option, input").forEach(x => {
        if ("selected" in x && x.tagName === "OPTION") x.selected = wanted.has(x.value);
        else if (x.type === "radio" || x.type === "checkbox") x.checked = wanted.has(x.value);
      });
    };
    const values = options => (options || []).map(o => o && o.value);
    if (typed.value !== undefined && typed.value !== null) control.value = typed.value;
    else if (typed.selected_option) pick(values([typed.selected_option]));
    else if (typed.selected_options) pick(values(typed.selected_options));
    else if (typed.selected_user || typed.selected_conversation || typed.selected_channel)
      pick([typed.selected_user || typed.selected_conversation || typed.selected_channel]);
    else if (typed.selected_users || typed.selected_conversations || typed.selected_channels)
      pick(typed.selected_users || typed.selected_conversations || typed.selected_channels);
    else if (typed.selected_date) control.value = typed.selected_date;
    else if (typed.selected_time) control.value = typed.selected_time;
    else if (typed.selected_date_time) {
      const at = new Date(typed.selected_date_time * 1000);
      const [d, t] = control.querySelectorAll("input");
      const pad = n => String(n).padStart(2, "0");
      d.value = at.getFullYear() + "-" + pad(at.getMonth() + 1) + "-" + pad(at.getDate());
      t.value = pad(at.getHours()) + ":" + pad(at.getMinutes());
    }
  }

  function isEmpty(value) {
    if (!value) return true;
    const v = Object.keys(value).filter(k => k !== "type").map(k => value[k])[0];
    return v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
  }

  /** An input block in a modal: label, control, hint, and the error the bot (or a required field) gave. */
  function input(block, surface) {
    const box = el("div", "block-input");
    box.dataset.blockId = block.block_id || "";
    const label = el("label", "input-label");
    label.appendChild(inlines(block.label));
    if (block.optional) label.appendChild(el("span", "optional", " (optional)"));
    box.appendChild(label);
    const e = block.element || {};
    const control = control_(e);
    control.classList.add("input-control");
    const typed = surface.values && surface.values[block.block_id] && surface.values[block.block_id][e.action_id];
    if (typed) restore(e, control, typed);
    box.appendChild(control);
    if (block.hint) { const h = el("div", "input-hint"); h.appendChild(inlines(block.hint)); box.appendChild(h); }
    const error = el("div", "input-error");
    const message = surface.errors && surface.errors[block.block_id];
    if (message) { error.textContent = message; box.classList.add("has-error"); }
    box.appendChild(error);
    if (surface.inputs) {
      surface.inputs.push({
        block_id: block.block_id, action_id: e.action_id, optional: !!block.optional, element: e,
        read: () => valueOf(e, control),
        showError: text => { error.textContent = text || ""; box.classList.toggle("has-error", !!text); }
      });
    }
    return box;
  }

  return { el, inlines, blocks, isEmpty };
})();
