// Every page's small enhancements. Each one leaves the page whole without script: the menu
// stays open and tables keep their columns (a phone scrolls them inside their own box).

// Phones: the main navigation folds behind the menu button (a disclosure button), which the
// stylesheet shows only at phone width. Escape closes the open menu and returns focus to it.
document.querySelectorAll(".menu-toggle").forEach(function (toggle) {
  var menu = document.getElementById(toggle.getAttribute("aria-controls"));
  function setOpen(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      toggle.focus();
    }
  });
});

// Phones: an ordinary table reflows into one card per row, each cell labelled with its
// column heading (data-label, shown by the stylesheet). Wide tables that people compare
// across (heatmaps, the gradebook, the caseload) sit in a scroll region instead and keep
// their grid; so does a table marked data-keep-grid.
document.querySelectorAll("main table").forEach(function (table) {
  if (table.closest("[class*=scroll], [role=region], [data-keep-grid]") || !table.tHead) {
    return;
  }
  if (table.tHead.rows.length !== 1) {
    return;
  }
  var headings = [];
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
    for (var span = 0; span < (cell.colSpan || 1); span++) {
      headings.push(cell.textContent.trim());
    }
  });
  if (headings.length < 3) {
    return; // two columns fit a phone as they are
  }
  Array.prototype.forEach.call(table.tBodies, function (body) {
    Array.prototype.forEach.call(body.rows, function (row) {
      var column = 0;
      row.setAttribute("role", "row");
      Array.prototype.forEach.call(row.cells, function (cell) {
        cell.setAttribute("role", cell.tagName === "TH" ? "rowheader" : "cell");
        if (!cell.hasAttribute("data-label") && headings[column]) {
          cell.setAttribute("data-label", headings[column]);
        }
        column += cell.colSpan || 1;
      });
    });
  });
  // Explicit roles keep the table a table for screen readers once it is laid out in blocks.
  table.setAttribute("role", "table");
  Array.prototype.forEach.call(table.querySelectorAll("thead, tbody, tfoot"), function (group) {
    group.setAttribute("role", "rowgroup");
  });
  table.tHead.rows[0].setAttribute("role", "row");
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
    cell.setAttribute("role", "columnheader");
  });
  table.classList.add("reflow");
});
