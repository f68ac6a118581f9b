/*
 * Changebot sandbox: the editor of the workspace's people and their user groups (which give them
 * the policy's roles).
 */
"use strict";

const SandboxPeople = app => {
  const { el } = SandboxBlocks;
  const { ui, $, clear, api, refresh, TZ } = app;

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

  return { editPeople };
};
