/* The report's own script (after findings.js): the sortable document list, expand/collapse,
   and links to a document or finding that open it first. */
(function () {
  "use strict";

  var docs = Array.prototype.slice.call(document.querySelectorAll("#documents > details.doc"));
  var el = MtAudit.el;

  /* ---- the sortable document list, built from each section's data attributes ---- */

  var listBody = document.querySelector("#doc-list tbody");
  var STATUS_LABEL = { ok: "passes", failed: "fails gate", error: "not audited" };

  function rowFor(section) {
    var d = section.dataset;
    var tr = el("tr");
    tr.dataset.index = d.index;
    tr.dataset.id = d.id;
    tr.dataset.status = d.status;
    tr.dataset.divergence = d.divergence;
    tr.dataset.findings = d.findings;
    tr.dataset.error = d.error;
    tr.dataset.warning = d.warning;
    tr.dataset.info = d.info;
    tr.appendChild(el("td", "num", String(Number(d.index) + 1)));
    var name = el("td", "list-id");
    var link = el("a", null, d.id);
    link.href = "#" + section.id;
    name.appendChild(link);
    tr.appendChild(name);
    var status = el("td");
    status.appendChild(el("span", "list-status status-" + d.status, STATUS_LABEL[d.status] || d.status));
    tr.appendChild(status);
    tr.appendChild(el("td", "num", d.divergence === "" ? "\u2013" : Number(d.divergence).toFixed(3)));
    ["findings", "error", "warning", "info"].forEach(function (key) {
      tr.appendChild(el("td", "num", d.status === "error" ? "\u2013" : d[key]));
    });
    tr.addEventListener("click", function (event) {
      if (event.target.tagName !== "A") event.preventDefault();
      openDocument(section);
    });
    return tr;
  }

  if (listBody) {
    var fragment = document.createDocumentFragment();
    docs.forEach(function (section) { fragment.appendChild(rowFor(section)); });
    listBody.appendChild(fragment);
  }

  function sortKey(row, key, type) {
    var value = row.dataset[key];
    if (type === "number") return value === "" || value === undefined ? null : Number(value);
    return (value || "").toLowerCase();
  }

  function sortList(header) {
    var key = header.dataset.sort;
    var type = header.dataset.type;
    var descending = header.getAttribute("aria-sort") === "ascending";
    header.parentNode.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var rows = Array.prototype.slice.call(listBody.rows);
    rows.sort(function (a, b) {
      var x = sortKey(a, key, type);
      var y = sortKey(b, key, type);
      if (x === null || y === null) {
        if (x === y) return Number(a.dataset.index) - Number(b.dataset.index);
        return x === null ? 1 : -1; /* rows without a value go last either way */
      }
      var order = x < y ? -1 : x > y ? 1 : Number(a.dataset.index) - Number(b.dataset.index);
      return descending ? -order : order;
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) { fragment.appendChild(row); });
    listBody.appendChild(fragment);
  }

  document.querySelectorAll("#doc-list th[data-sort]").forEach(function (th) {
    th.addEventListener("click", function () { sortList(th); });
  });

  function openDocument(section) {
    section.open = true;
    section.scrollIntoView({ block: "start" });
    section.classList.add("flash");
    window.setTimeout(function () { section.classList.remove("flash"); }, 1200);
  }

  /* ---- toolbar ---- */

  document.querySelectorAll("[data-expand]").forEach(function (button) {
    button.addEventListener("click", function () {
      var open = button.dataset.expand === "all";
      docs.forEach(function (section) { section.open = open; });
    });
  });

  /* Opening a document from a link (#doc-N or #fN-M) expands it first. */
  function followHash() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) return;
    var section = target.closest("details.doc");
    if (section && !section.open) {
      section.open = true;
      target.scrollIntoView({ block: "start" });
    }
  }
  window.addEventListener("hashchange", followHash);
  followHash();
})();
