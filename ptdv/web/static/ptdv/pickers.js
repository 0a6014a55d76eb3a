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
    // The server finds the matches and orders them; while the next answer is on its way,
    // the entries already shown are narrowed by the typed words (with or without diacritics:
    // "search" is the entry folded by the server), so a stale entry is never offered.
    new TomSelect(select, {
      valueField: "value",
      labelField: "text",
      searchField: ["text", "search"],
      sortField: [{ field: "$order" }],
      placeholder: select.dataset.placeholder,
      preload: "focus",
      loadThrottle: 250,
      maxOptions: null,
      closeAfterSelect: true,
      shouldLoad: function () {
        return true;
      },
      load: function (query, callback) {
        const picker = this;
        picker.clearOptions();
        fetch(lookupUrl(select, query), { headers: { Accept: "application/json" }, credentials: "same-origin" })
          .then(function (response) {
            return response.ok ? response.json() : { results: [] };
          })
          .then(function (data) {
            // An answer to words no longer in the box is dropped; once an entry was chosen
            // meanwhile, it must not open the list again over the rest of the form.
            const stale = query !== picker.inputValue();
            callback(stale ? [] : data.results);
            if (stale && picker.items.length && !picker.inputValue()) {
              picker.close();
            }
          })
          .catch(function () {
            callback();
          });
      },
      onType: function (typed) {
        this.wrapper.classList.toggle("picker-typing", typed.length > 0); // see ptdv.css
      },
      onItemAdd: function () {
        this.wrapper.classList.remove("picker-typing");
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
