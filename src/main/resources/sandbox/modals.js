/*
 * Changebot sandbox: the modal on top of this person's stack (inputs kept while the person types,
 * the bot's errors under their fields, submit and close), and Slack's confirm dialog.
 */
"use strict";

const SandboxModals = app => {
  const { el, inlines, blocks, isEmpty } = SandboxBlocks;
  const { ui, $, clear, act } = app;

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
      kind: "modal", errors: top.errors || {}, values: top.values || {}, inputs,
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

  return { renderModal, confirmThen };
};
