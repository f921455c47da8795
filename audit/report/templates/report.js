(function () {
  "use strict";

  var docs = Array.prototype.slice.call(document.querySelectorAll("#documents > details.doc"));
  var popover = document.getElementById("popover");
  var active = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

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

  /* ---- finding popover ---- */

  function findingElement(node) {
    var mark = node.closest ? node.closest("mark.finding, mark.finding-part") : null;
    if (!mark) return null;
    if (mark.classList.contains("finding-part")) return document.getElementById(mark.dataset.partOf);
    return mark;
  }

  function spannedText(mark) {
    var text = mark.textContent;
    document.querySelectorAll('mark.finding-part[data-part-of="' + mark.id + '"]').forEach(function (part) {
      text += part.textContent;
    });
    return text;
  }

  function enclosing(mark, target) {
    var found = [];
    var node = target;
    while (node && node !== document.body) {
      if (node.matches && node.matches("mark.finding, mark.finding-part")) {
        var owner = findingElement(node);
        if (owner && owner !== mark && found.indexOf(owner) < 0) found.push(owner);
      }
      node = node.parentNode;
    }
    return found;
  }

  function showFinding(mark, target) {
    var d = mark.dataset;
    if (active) active.classList.remove("active");
    active = mark;
    mark.classList.add("active");
    popover.textContent = "";
    popover.className = "popover sev-" + d.severity;
    popover.dataset.finding = mark.id;

    var close = el("button", "pop-close", "\u00D7");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", hidePopover);
    popover.appendChild(close);

    var head = el("div", "pop-head");
    head.appendChild(el("span", "badge sev-" + d.severity, d.severity));
    head.appendChild(el("code", "pop-code", d.code));
    head.appendChild(el("span", "pop-rule", d.rule));
    var where = "line " + d.line + (d.col ? ", column " + d.col : "");
    if (d.unit) where = "unit " + d.unit + ", " + where;
    head.appendChild(el("span", "pop-where", where));
    popover.appendChild(head);

    popover.appendChild(el("p", "pop-message", d.message));
    if (d.suggestion !== undefined) {
      var fix = el("div", "pop-fix");
      var old = spannedText(mark);
      if (old) fix.appendChild(el("del", null, old));
      if (old) fix.appendChild(document.createTextNode(" \u2192 "));
      fix.appendChild(d.suggestion === "" ? el("em", null, "delete") : el("ins", null, d.suggestion));
      popover.appendChild(fix);
    }
    if (d.evidence !== undefined) popover.appendChild(el("p", "pop-evidence", "Evidence: " + d.evidence));
    if (d.related !== undefined) {
      var related = el("ul", "pop-related");
      related.appendChild(el("li", "muted", "Also found (same defect):"));
      d.related.split("\n").forEach(function (line) {
        related.appendChild(el("li", null, line));
      });
      popover.appendChild(related);
    }

    var others = enclosing(mark, target || mark);
    if (others.length) {
      var list = el("ul", "pop-others");
      list.appendChild(el("li", "muted", "Also here:"));
      others.forEach(function (other) {
        var item = el("li");
        var button = el("button", null, other.dataset.code + " \u2013 " + other.dataset.message);
        button.type = "button";
        button.addEventListener("click", function (event) {
          event.stopPropagation();
          showFinding(other, other);
        });
        item.appendChild(button);
        list.appendChild(item);
      });
      popover.appendChild(list);
    }

    popover.hidden = false;
    var rect = mark.getBoundingClientRect();
    var width = popover.offsetWidth;
    var left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    var top = rect.bottom + window.scrollY + 8;
    if (rect.bottom + popover.offsetHeight + 16 > window.innerHeight && rect.top > popover.offsetHeight + 80) {
      top = rect.top + window.scrollY - popover.offsetHeight - 8;
    }
    popover.style.left = left + "px";
    popover.style.top = top + "px";
  }

  function hidePopover() {
    popover.hidden = true;
    if (active) active.classList.remove("active");
    active = null;
  }

  document.addEventListener("click", function (event) {
    var mark = findingElement(event.target);
    if (mark) {
      showFinding(mark, event.target);
      return;
    }
    var link = event.target.closest ? event.target.closest(".finding-row a") : null;
    if (link) {
      event.preventDefault();
      var target = document.getElementById(link.dataset.target);
      if (target) {
        target.scrollIntoView({ block: "center" });
        showFinding(target, target);
      }
      return;
    }
    if (!popover.hidden && !popover.contains(event.target)) hidePopover();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      hidePopover();
    } else if ((event.key === "Enter" || event.key === " ") && document.activeElement && document.activeElement.matches("mark.finding")) {
      event.preventDefault();
      showFinding(document.activeElement, document.activeElement);
    }
  });

  /* ---- toolbar ---- */

  document.querySelectorAll("[data-toggle-severity]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.dataset.toggleSeverity, !box.checked);
    });
  });
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
