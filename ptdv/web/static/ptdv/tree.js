// The organisation tree (/don-vi/): a row's ▸ button shows its children; ▾ hides its whole
// subtree. Rows carry their materialised path (data-path) and their parent's (data-parent).
(function () {
  "use strict";

  function rows(table) {
    return Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-path]"));
  }

  function setOpen(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    button.textContent = open ? "▾" : "▸";
  }

  function toggle(table, row, button) {
    var path = row.dataset.path;
    var open = button.getAttribute("aria-expanded") !== "true";
    rows(table).forEach(function (other) {
      if (open && other.dataset.parent === path) {
        other.classList.remove("d-none");
      } else if (!open && other.dataset.path.indexOf(path) === 0 && other !== row) {
        other.classList.add("d-none");
        var inner = other.querySelector(".tree-toggle");
        if (inner) setOpen(inner, false);
      }
    });
    setOpen(button, open);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var table = document.getElementById("unit-tree");
    if (!table) return;
    table.addEventListener("click", function (event) {
      var button = event.target.closest(".tree-toggle");
      if (button) toggle(table, button.closest("tr"), button);
    });
  });
})();
