// The page's one script: sortable columns. Without it the table stays as written, newest first.
//
// Each sortable heading gets a button (reachable by Tab, pressed by Enter or Space) that
// sorts the rows by the cells' data-sort numbers, descending then ascending, ties in the
// page's own order; aria-sort says which column and which way.

export const SORT_SCRIPT = `(function () {
  'use strict';
  var table = document.getElementById('windows');
  if (!table || !table.tHead || !table.tBodies[0]) return;
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  var hint = document.getElementById('sort-hint');
  if (hint) hint.hidden = false;
  Array.prototype.forEach.call(body.rows, function (row, i) { row.setAttribute('data-i', String(i)); });
  function key(row, column) {
    var v = parseFloat(row.cells[column].getAttribute('data-sort'));
    return isNaN(v) ? -Infinity : v;
  }
  function sortBy(column, th) {
    var descending = th.getAttribute('aria-sort') !== 'descending';
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, column);
      var y = key(b, column);
      if (x !== y) return (x < y ? -1 : 1) * (descending ? -1 : 1);
      return Number(a.getAttribute('data-i')) - Number(b.getAttribute('data-i'));
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  }
  Array.prototype.forEach.call(heads, function (th, column) {
    if (!th.hasAttribute('data-sortable')) return;
    var button = document.createElement('button');
    button.type = 'button';
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener('click', function () { sortBy(column, th); });
  });
})();`;
