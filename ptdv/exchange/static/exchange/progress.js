// The import job page while a worker checks or writes the file: ask how far it has come every
// two seconds, and reload the page (to show the preview or the result) once it is done.
(function () {
  "use strict";
  var box = document.getElementById("job-progress");
  if (!box) { return; }
  var done = document.getElementById("job-done");
  function ask() {
    fetch(box.dataset.url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (answer) { return answer.ok ? answer.json() : null; })
      .then(function (status) {
        if (!status) { return; }
        if (!status.running) { window.location.reload(); return; }
        done.textContent = status.done.toLocaleString("vi-VN");
        var bar = box.querySelector("progress");
        if (status.total) { bar.max = status.total; bar.value = Math.min(status.done, status.total); }
        setTimeout(ask, 2000);
      })
      .catch(function () { setTimeout(ask, 5000); });
  }
  setTimeout(ask, 1000);
})();
