// The API's reference (/api/docs/): Swagger UI over /api/schema/, started from this file
// because the CSP forbids inline scripts. Requests made with "Try it out" carry the page's
// CSRF token (from the data- attribute) so that a signed-in session may send writes too.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: root.dataset.schemaUrl,
    domNode: root,
    deepLinking: true,
    requestInterceptor: function (request) {
      request.headers["X-CSRFToken"] = root.dataset.csrfToken;
      return request;
    },
  });
})();
