/* Findings highlighted in a text, shared by the HTML report and the `mt-audit serve` workspace:
   the popover (message, suggestion, evidence, related findings, the findings around it), clicks on highlights
   and on finding-list rows, the severity toggles, and next/previous finding from the keyboard
   (F8 / Shift+F8, Alt+Down / Alt+Up). The page's own script extends the popover through
   MtAudit.onPopover. Every text goes in through textContent, never as markup. */
var MtAudit = (function () {
  "use strict";

  var popover = document.getElementById("popover");
  var active = null;
  var extensions = [];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function findingElement(node) {
    var mark = node && node.closest ? node.closest("mark.finding, mark.finding-part") : null;
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
    extensions.forEach(function (extend) { extend(mark, popover); });

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

  /* ---- next / previous finding, in reading order, skipping hidden severities ---- */

  function shown(mark) {
    return !document.body.classList.contains("hide-" + mark.dataset.severity);
  }

  function step(direction) {
    var marks = Array.prototype.slice.call(document.querySelectorAll("mark.finding")).filter(shown);
    if (!marks.length) return null;
    var here = active && marks.indexOf(active) >= 0 ? marks.indexOf(active) : direction > 0 ? -1 : marks.length;
    var next = marks[(here + direction + marks.length) % marks.length];
    var section = next.closest("details");
    while (section) {
      section.open = true;
      section = section.parentNode.closest ? section.parentNode.closest("details") : null;
    }
    next.scrollIntoView({ block: "center" });
    showFinding(next, next);
    return next;
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
    } else if (event.key === "F8" || (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp"))) {
      event.preventDefault();
      step(event.key === "ArrowUp" || (event.key === "F8" && event.shiftKey) ? -1 : 1);
    } else if ((event.key === "Enter" || event.key === " ") && document.activeElement && document.activeElement.matches("mark.finding")) {
      event.preventDefault();
      showFinding(document.activeElement, document.activeElement);
    }
  });

  document.querySelectorAll("[data-toggle-severity]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.dataset.toggleSeverity, !box.checked);
    });
  });

  return {
    el: el,
    showFinding: showFinding,
    hidePopover: hidePopover,
    step: step,
    active: function () { return active; },
    onPopover: function (extend) { extensions.push(extend); }
  };
})();
