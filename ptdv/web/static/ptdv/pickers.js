/* Searchable pickers (ptdv.pickers): every <select data-picker="URL"> becomes a Tom Select
   box that asks URL?q=<typed text> for a page of matches, searched on the server (diacritics
   ignored, in the user's scope). Started here, never inline: the pages allow no inline script. */
(function () {
  "use strict";

  function escape(text) {
    const span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function lookupUrl(select, query) {
    const url = new URL(select.dataset.picker, window.location.href);
    url.searchParams.set("q", query);
    return url;
  }

  function start(select) {
    if (select.tomselect) {
      return;
    }
    // The answers are already the matches: keep the server's order and filter nothing out.
    new TomSelect(select, {
      valueField: "value",
      labelField: "text",
      searchField: [],
      sortField: [{ field: "$order" }],
      score: function () {
        return function () {
          return 1;
        };
      },
      placeholder: select.dataset.placeholder,
      preload: "focus",
      loadThrottle: 250,
      maxOptions: null,
      shouldLoad: function () {
        return true;
      },
      load: function (query, callback) {
        this.clearOptions();
        fetch(lookupUrl(select, query), { headers: { Accept: "application/json" }, credentials: "same-origin" })
          .then(function (response) {
            return response.ok ? response.json() : { results: [] };
          })
          .then(function (data) {
            callback(data.results);
          })
          .catch(function () {
            callback();
          });
      },
      render: {
        no_results: function () {
          return '<div class="no-results">Không tìm thấy.</div>';
        },
        loading: function () {
          return '<div class="spinner-border spinner-border-sm m-2" role="status"><span class="visually-hidden">Đang tìm…</span></div>';
        },
        option: function (data) {
          return "<div>" + escape(data.text) + "</div>";
        },
        item: function (data) {
          return "<div>" + escape(data.text) + "</div>";
        },
      },
    });
  }

  function startAll(root) {
    root.querySelectorAll("select[data-picker]").forEach(start);
  }

  document.addEventListener("DOMContentLoaded", function () {
    startAll(document);
  });
  // Forms that htmx brings into the page later get their pickers too.
  document.addEventListener("htmx:load", function (event) {
    startAll(event.target);
  });
})();
