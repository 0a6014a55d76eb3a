// The organisation tree (/don-vi/): a row's ▸ shows its children, asking the page for them
// (the same page opened on that unit, ?mo=<id>) the first time; ▾ hides its whole subtree.
// Rows carry their materialised path (data-path) and their parent's (data-parent). Without
// script the ▸ is a link to the page opened there.
(function () {
  "use strict";

  function rows(table) {
    return Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-path]"));
  }

  function setOpen(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    button.textContent = open ? "▾" : "▸";
  }

  function children(table, path) {
    return rows(table).filter(function (other) { return other.dataset.parent === path; });
  }

  function close(table, row) {
    var path = row.dataset.path;
    rows(table).forEach(function (other) {
      if (other !== row && other.dataset.path.indexOf(path) === 0) {
        other.classList.add("d-none");
        var inner = other.querySelector(".tree-toggle");
        if (inner) setOpen(inner, false);
      }
    });
  }

  // The children rows of `row`, read from the page opened on it, inserted below it.
  function load(row, button) {
    return fetch(button.dataset.children, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var after = row;
        page.querySelectorAll("#unit-tree tbody tr[data-path]").forEach(function (found) {
          if (found.dataset.parent !== row.dataset.path) return;
          var inner = found.querySelector(".tree-toggle");
          if (inner) setOpen(inner, false);
          after.after(found);
          after = found;
        });
      });
  }

  function toggle(table, row, button) {
    if (button.getAttribute("aria-expanded") === "true") {
      close(table, row);
      setOpen(button, false);
      return;
    }
    var shown = children(table, row.dataset.path);
    var ready = shown.length ? Promise.resolve() : load(row, button);
    ready.then(function () {
      children(table, row.dataset.path).forEach(function (child) { child.classList.remove("d-none"); });
      setOpen(button, true);
    }, function () {
      window.location.href = button.dataset.children;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var table = document.getElementById("unit-tree");
    if (!table) return;
    table.addEventListener("click", function (event) {
      var button = event.target.closest(".tree-toggle");
      if (!button) return;
      event.preventDefault();
      toggle(table, button.closest("tr"), button);
    });
  });
})();
