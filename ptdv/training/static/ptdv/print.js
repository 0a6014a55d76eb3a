// The print page's "In" button: the browser's own print dialog (no inline handler, for the CSP).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
