// Gradebook scoring: one tab stop into the grid (roving tabindex), arrows move. A click or
// Enter on a cell opens its scorer (level buttons, missing, excused, feedback) inside the
// cell; Escape closes it. A typed level (or m / e) waits in the cell until Enter records it.
// The confirmation and Undo come back inside the cell. The explanation opens from the
// scorer's own link, in the dialog. Without JavaScript each cell links to its scoring page.
(function () {
  "use strict";
  const pending = new WeakMap();

  function table() { return document.getElementById("gb-table"); }
  function status(text, error) {
    const region = document.getElementById("gb-status");
    if (!region) return;
    region.innerHTML = "";
    const span = document.createElement("span");
    span.className = error ? "gb-error" : "gb-done";
    span.textContent = text;
    region.appendChild(span);
  }
  function rows() {
    return Array.from(table().querySelectorAll("tr")).map(function (row) {
      return Array.from(row.querySelectorAll("[data-nav]"));
    }).filter(function (row) { return row.length; });
  }
  function position(link) {
    const all = rows();
    for (let r = 0; r < all.length; r++) {
      const c = all[r].indexOf(link);
      if (c >= 0) return { rows: all, r: r, c: c };
    }
    return null;
  }
  function focus(link) {
    const grid = table();
    grid.querySelectorAll("[data-nav][tabindex='0']").forEach(function (el) { el.tabIndex = -1; });
    link.tabIndex = 0;
    link.focus();
  }
  function cellOf(link) { return link.closest("td.gb-cell"); }
  function names(cell) {
    const row = cell.closest("tr").querySelector("th").textContent.trim();
    const col = cell.cellIndex;
    const header = table().querySelector("thead tr:last-child").cells[col];
    const code = header ? header.querySelector(".code").textContent.trim() : "";
    return { learner: row, target: code };
  }
  function showPending(cell, text) {
    const box = cell.querySelector(".gb-pending");
    if (text) {
      pending.set(cell, text);
      box.textContent = text;
      box.hidden = false;
    } else {
      pending.delete(cell);
      box.hidden = true;
      box.textContent = "";
    }
  }
  function record(cell, text, feedback) {
    const grid = table();
    const kind = document.getElementById("gb-kind");
    const source = document.getElementById("gb-source");
    cell.setAttribute("aria-busy", "true");
    // The URL names the learner and the target: /learners/<id>/targets/<id>/record/.
    const url = grid.dataset.recordUrl.replace(
      "/learners/0/targets/0/", "/learners/" + cell.dataset.learner + "/targets/" + cell.dataset.target + "/");
    htmx.ajax("POST", url, {
      source: cell.querySelector("[data-nav]"),
      target: "#" + cell.id,
      swap: "outerHTML",
      values: {
        entry: text,
        feedback: feedback || "",
        view: grid.dataset.view,
        kind: kind ? kind.value : "formative",
        source: source ? source.value : "assessment",
      },
    }).finally(function () { settle(cell); });
  }
  // After a swap the new cell keeps the old one's place in the grid and the focus.
  function settle(cell) {
    const now = document.getElementById(cell.id);
    if (!now) return;
    now.removeAttribute("aria-busy");
    if (now !== cell) {
      if (cell.getAttribute("aria-colindex")) now.setAttribute("aria-colindex", cell.getAttribute("aria-colindex"));
      if (cell.classList.contains("gb-first-lifelong")) now.classList.add("gb-first-lifelong");
    } else {
      showPending(now, "");
    }
    const link = now.querySelector("[data-nav]");
    if (link && document.activeElement !== link) focus(link);
  }
  function undo(cell, url) {
    cell.setAttribute("aria-busy", "true");
    htmx.ajax("POST", url, {
      source: cell.querySelector("[data-nav]"),
      target: "#" + cell.id,
      swap: "outerHTML",
      values: { view: table().dataset.view },
    }).finally(function () { settle(cell); });
  }

  function closeScorer(refocus) {
    document.querySelectorAll("#gb-table .gb-scorer").forEach(function (box) {
      const cell = box.closest("td.gb-cell");
      box.remove();
      const link = cell && cell.querySelector("[data-nav]");
      if (refocus && link) focus(link);
    });
  }
  function openScorer(cell) {
    closeScorer(false);
    const link = cell.querySelector("[data-nav]");
    const box = document.createElement("div");
    box.className = "gb-scorer";
    box.id = "gb-scorer";
    cell.appendChild(box);
    htmx.ajax("GET", link.getAttribute("href"), { source: link, target: "#gb-scorer", swap: "innerHTML" }).then(function () {
      const first = box.querySelector(".gb-level");
      if (first) first.focus();
    });
  }
  function openExplain(cell) {
    const dialog = document.getElementById("gb-dialog");
    dialog.dataset.opener = cell.id;
    htmx.ajax("GET", cell.dataset.explain, { target: "#gb-dialog-body", swap: "innerHTML" }).then(function () {
      if (!dialog.open) dialog.showModal();
      const heading = document.getElementById("gb-dialog-title");
      if (heading) { heading.tabIndex = -1; heading.focus(); }
    });
  }
  function readonly() { return table().getAttribute("aria-readonly") === "true"; }

  document.addEventListener("keydown", function (event) {
    const link = event.target.closest && event.target.closest("#gb-table [data-nav]");
    if (!link || event.altKey || event.ctrlKey || event.metaKey) return;
    const cell = cellOf(link);
    const key = event.key;
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (moves[key] || key === "Home" || key === "End") {
      const at = position(link);
      if (!at) return;
      let r = at.r, c = at.c;
      if (moves[key]) { r += moves[key][0]; c += moves[key][1]; }
      else if (key === "Home") c = 0;
      else c = at.rows[r].length - 1;
      r = Math.max(0, Math.min(at.rows.length - 1, r));
      c = Math.max(0, Math.min(at.rows[r].length - 1, c));
      if (cell) showPending(cell, "");
      focus(at.rows[r][c]);
      event.preventDefault();
      return;
    }
    if (!cell) return;
    if (readonly()) {
      if (key === "Enter") { openExplain(cell); event.preventDefault(); }
      return;
    }
    const typed = pending.get(cell) || "";
    const who = names(cell);
    if (/^[0-9.]$/.test(key)) {
      showPending(cell, typed.replace(/[me]/, "") + key);
      status("Typing " + pending.get(cell) + " for " + who.learner + " on " + who.target + ": Enter records it, Escape cancels.");
      event.preventDefault();
    } else if (key === "m" || key === "e") {
      showPending(cell, key);
      status((key === "m" ? "Missing" : "Excused") + " for " + who.learner + " on " + who.target + ": Enter records it, Escape cancels.");
      event.preventDefault();
    } else if (key === "Backspace" && typed) {
      showPending(cell, typed.slice(0, -1));
      event.preventDefault();
    } else if (key === "Escape" && typed) {
      showPending(cell, "");
      status("Cancelled: nothing recorded.");
      event.preventDefault();
    } else if (key === "Enter" && typed) {
      record(cell, typed, "");
      event.preventDefault();
    } else if (key === "Enter") {
      openScorer(cell);
      event.preventDefault();
    }
  });

  // Inside the scorer: Escape closes it and returns to the cell.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !event.target.closest || !event.target.closest("#gb-table .gb-scorer")) return;
    closeScorer(true);
    event.preventDefault();
  });
  // A level (or missing, excused) button records it with the feedback typed above.
  document.addEventListener("submit", function (event) {
    const form = event.target.closest && event.target.closest("#gb-table .gb-scorer form");
    if (!form || !event.submitter) return;
    event.preventDefault();
    const cell = form.closest("td.gb-cell");
    const feedback = form.querySelector("textarea[name=feedback]");
    record(cell, event.submitter.value, feedback ? feedback.value : "");
  });

  // A click on a cell opens its scorer (its explanation, for a reader who cannot record).
  document.addEventListener("click", function (event) {
    if (!window.htmx || !event.target.closest) return;
    const undoButton = event.target.closest("#gb-table .gb-undo");
    if (undoButton) { undo(cellOf(undoButton), undoButton.dataset.undoUrl); return; }
    if (event.target.closest("#gb-table .gb-scorer-close")) { closeScorer(true); return; }
    const explain = event.target.closest("#gb-table .gb-explain-link");
    if (explain) {
      event.preventDefault();
      const cell = cellOf(explain);
      closeScorer(false);
      openExplain(cell);
      return;
    }
    const link = event.target.closest("#gb-table .gb-value");
    if (!link) return;
    event.preventDefault();
    focus(link);
    if (readonly()) openExplain(cellOf(link));
    else openScorer(cellOf(link));
  });

  document.addEventListener("close", function (event) {
    if (event.target.id !== "gb-dialog") return;
    const cell = document.getElementById(event.target.dataset.opener || "");
    const link = cell && cell.querySelector("[data-nav]");
    if (link) focus(link);
  }, true);

  // Refusals (a level off the scale, a learner outside the section) come back as 403 or
  // 422 aimed at the live region: show them there and leave the grid as it was.
  document.addEventListener("htmx:beforeSwap", function (event) {
    const xhr = event.detail.xhr;
    if ((xhr.status === 422 || xhr.status === 403) && xhr.getResponseHeader("HX-Retarget")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    } else if (xhr.status === 422 && event.detail.target && event.detail.target.id === "gb-dialog-body") {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // The first cell is the grid's tab stop; after a view switch, the new grid gets one too.
  function prime() {
    const grid = table();
    if (!grid || grid.querySelector("[data-nav][tabindex='0']")) return;
    const first = grid.querySelector("tbody [data-nav]") || grid.querySelector("[data-nav]");
    if (first) first.tabIndex = 0;
  }
  document.addEventListener("DOMContentLoaded", prime);
  document.addEventListener("htmx:afterSettle", prime);
})();

// "Set all to" on the bulk scoring screens: fill every row still empty with the chosen
// level, never a row already chosen. Without JavaScript the server does the same on submit;
// after filling here the choice is cleared so the server has nothing left to fill.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-set-all]").forEach(function (button) { button.hidden = false; });
  });
  document.addEventListener("click", function (event) {
    const button = event.target.closest && event.target.closest("[data-set-all]");
    if (!button) return;
    const source = document.getElementById(button.dataset.setAll);
    const container = button.parentElement;
    const said = container.querySelector("[role=status]");
    const value = source.value;
    if (!value) { said.textContent = "Choose a level to fill the empty rows with."; return; }
    const label = source.options[source.selectedIndex].text;
    let filled = 0;
    document.querySelectorAll(source.dataset.fills).forEach(function (select) {
      if (select.value !== "") return;
      if (!Array.from(select.options).some(function (option) { return option.value === value; })) return;
      select.value = value;
      filled += 1;
    });
    source.value = "";
    said.textContent = "Filled " + filled + " empty row" + (filled === 1 ? "" : "s") + " with " + label + "; rows already chosen keep their level.";
  });
})();
