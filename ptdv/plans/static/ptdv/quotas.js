// The quota table: a column of numbers pasted from Excel into one cell fills that cell and the
// cells below it in the same column, one number per line (a spreadsheet copies a column as lines).
document.addEventListener("paste", (event) => {
  const cell = event.target.closest(".quota-input");
  if (!cell) return;
  const lines = (event.clipboardData || window.clipboardData).getData("text").split(/\r?\n/);
  while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
  if (lines.length < 2) return;
  event.preventDefault();
  const column = cell.closest("td").cellIndex;
  let row = cell.closest("tr");
  for (const line of lines) {
    if (!row) break;
    const input = row.cells[column] && row.cells[column].querySelector(".quota-input");
    if (input) input.value = line.split("\t")[0].trim().replace(/[.\s]/g, "");
    row = row.nextElementSibling;
  }
});
