/* The `mt-audit serve` workspace (after findings.js, which handles highlights, the popover and
   next/previous): the editable text, re-audited as the translator types; opening files;
   fixes and their undo; re-translation; downloads. The server draws every highlight and
   panel with the HTML report's own templates (escaped there); this script sets them in place
   and keeps the caret where it was. It talks only to the server that served it. */
(function () {
  "use strict";

  var DEBOUNCE_MS = 250;
  var HISTORY = 200;
  var settings = JSON.parse(document.getElementById("mt-audit-settings").textContent);
  var el = MtAudit.el;

  function $(id) { return document.getElementById(id); }

  var editor = $("editor");
  var fields = { source: $("source"), lang: $("source-lang"), glossary: $("glossary"), retranslation: $("retranslation") };
  var state = {
    docs: [blankDocument()],
    current: 0,
    name: "story.txt",
    kind: "text",
    eol: "\n",
    view: null,
    timer: null,
    sequence: 0,
    typing: false
  };

  function blankDocument() {
    return { id: "story", text: "", source: "", source_lang: "", retranslations: [], undo: [], redo: [] };
  }

  function current() { return state.docs[state.current]; }

  /* ---- status line ---- */

  function setStatus(text, kind) {
    var line = $("status");
    line.textContent = text;
    line.className = "ws-status" + (kind ? " " + kind : "");
  }

  /* ---- the token (remote servers): from the URL's #token=, kept for this tab only ---- */

  var token = null;
  (function () {
    var found = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
    try {
      if (found) {
        token = decodeURIComponent(found[1]);
        window.sessionStorage.setItem("mt-audit-token", token);
        window.history.replaceState(null, "", window.location.pathname + window.location.search);
      } else {
        token = window.sessionStorage.getItem("mt-audit-token");
      }
    } catch (ignored) { /* storage may be off: the token lives in this page only */ }
  })();

  function askToken() {
    $("token-bar").hidden = false;
    $("token").focus();
  }

  $("token-use").addEventListener("click", function () {
    token = $("token").value.trim() || null;
    try { if (token) window.sessionStorage.setItem("mt-audit-token", token); } catch (ignored) { /* see above */ }
    $("token-bar").hidden = true;
    audit();
  });

  /* ---- the API ---- */

  function describe(detail) {
    if (typeof detail === "string") return detail;
    if (Array.isArray(detail)) {
      return detail.map(function (e) { return (e.loc || []).join(".") + ": " + e.msg; }).join("; ");
    }
    return String(detail);
  }

  function api(path, body) {
    var payload = JSON.stringify(body);
    if (payload.length > settings.maxRequestBytes) {
      return Promise.reject(new Error("too large for this server: it takes requests up to " +
        Math.floor(settings.maxRequestBytes / 1048576) + " MB (mt-audit serve --max-request-mb)"));
    }
    var headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    return window.fetch(path, {
      method: "POST",
      headers: headers,
      body: payload,
      credentials: "omit",
      cache: "no-store"
    }).then(function (response) {
      if (response.ok) return response;
      if (response.status === 401) askToken();
      return response.json().catch(function () { return { detail: response.status + " " + response.statusText }; })
        .then(function (problem) { throw new Error(describe(problem.detail)); });
    });
  }

  function documentBody(doc, withRetranslations) {
    return {
      id: doc.id,
      text: doc.text,
      source: doc.source.trim() ? doc.source : null,
      source_lang: doc.source_lang.trim() || null,
      retranslations: withRetranslations ? doc.retranslations.filter(function (t) { return t.trim(); }) : []
    };
  }

  function glossary() {
    return fields.glossary.value.trim() ? fields.glossary.value : null;
  }

  /* Live audits never wait for a model: re-translations are the ones the document carries. */
  function auditBody(mode) {
    return { documents: [documentBody(current(), mode === "off")], glossary: glossary(), config: { retranslate: mode } };
  }

  /* ---- the editor's text and caret, as offsets into its text ---- */

  function editorText() { return editor.textContent; }

  function offsetOf(node, offset) {
    var range = document.createRange();
    range.setStart(editor, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function caret() {
    var selection = window.getSelection();
    if (!selection.rangeCount || !editor.contains(selection.anchorNode)) return null;
    var range = selection.getRangeAt(0);
    return { start: offsetOf(range.startContainer, range.startOffset), end: offsetOf(range.endContainer, range.endOffset) };
  }

  function pointAt(offset) {
    var walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    var seen = 0;
    var node = walker.nextNode();
    while (node) {
      if (seen + node.data.length >= offset) return { node: node, offset: offset - seen };
      seen += node.data.length;
      node = walker.nextNode();
    }
    return { node: editor, offset: editor.childNodes.length };
  }

  function setCaret(place) {
    if (!place) return;
    var range = document.createRange();
    var start = pointAt(place.start);
    var end = pointAt(place.end);
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  /* Findings count code points; the page's strings count UTF-16 units. */
  function unitsFor(text, codePoints) {
    var index = 0;
    for (var n = 0; n < codePoints && index < text.length; n++) {
      var code = text.charCodeAt(index);
      index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    }
    return index;
  }

  /* ---- auditing as the translator types ---- */

  /* The editor's data-state says whether its highlights are those of its text:
     pending (an audit is due or under way), audited, error or empty. */
  function schedule() {
    editor.dataset.state = "pending";
    window.clearTimeout(state.timer);
    state.timer = window.setTimeout(function () {
      state.typing = false;
      audit();
    }, DEBOUNCE_MS);
  }

  function audit() {
    var doc = current();
    doc.text = editorText();
    if (!doc.text.trim()) {
      clearView();
      return Promise.resolve(null);
    }
    return request("off", "Auditing…");
  }

  function request(mode, busy) {
    var sequence = ++state.sequence;
    var index = state.current;
    var text = current().text;
    var started = window.performance.now();
    setStatus(busy, "busy");
    editor.dataset.state = "pending";
    return api("/api/workspace", auditBody(mode))
      .then(function (response) { return response.json(); })
      .then(function (view) {
        if (sequence === state.sequence && index === state.current && editorText() === text) {
          draw(view, window.performance.now() - started);
        }
        return view;
      })
      .catch(function (error) {
        if (sequence === state.sequence) {
          setStatus(error.message, "error");
          editor.dataset.state = "error";
        }
        return null;
      });
  }

  function clearView() {
    state.view = null;
    editor.dataset.state = "empty";
    MtAudit.hidePopover();
    $("findings").textContent = "";
    $("findings").appendChild(el("p", "muted", "No text yet."));
    $("variants-panel").hidden = true;
    $("retranslations").textContent = "";
    $("counts").textContent = "";
    $("finding-count").textContent = "";
    $("fix-all").disabled = true;
    setStatus("Paste or open a story");
  }

  function draw(view, elapsed) {
    var place = caret();
    state.view = view;
    MtAudit.hidePopover();
    editor.innerHTML = view.panels.text; /* the report's highlight(): every text escaped by the server */
    setCaret(place);
    editor.dataset.state = "audited";
    var report = view.report.documents[0];
    $("findings").innerHTML = view.panels.findings;
    if (!report.findings.length) {
      $("findings").textContent = "";
      $("findings").appendChild(el("p", "muted", "No findings."));
    }
    $("variants").innerHTML = view.panels.variants;
    $("variants-panel").hidden = !view.panels.variants;
    $("retranslations").innerHTML = view.panels.retranslations;
    var bySeverity = view.report.summary.by_severity;
    var counts = $("counts");
    counts.textContent = "";
    ["error", "warning", "info"].forEach(function (severity) {
      var n = bySeverity[severity] || 0;
      if (n) counts.appendChild(el("span", "count sev-" + severity, n + " " + severity + (n !== 1 && severity !== "info" ? "s" : "")));
    });
    if (!report.findings.length) counts.appendChild(el("span", "count clean", "clean"));
    $("finding-count").textContent = "(" + report.findings.length + ")";
    $("fix-all").disabled = !report.findings.some(function (f) {
      return f.suggestion !== null && view.fixable.indexOf(f.code) >= 0;
    });
    var notes = view.report.meta.notes.length ? " · " + view.report.meta.notes.join(" · ") : "";
    setStatus(report.findings.length + " finding" + (report.findings.length !== 1 ? "s" : "") +
      " · " + Math.round(elapsed) + " ms" + notes, report.error ? "error" : "");
  }

  function findingOf(mark) {
    if (!state.view || !editor.contains(mark)) return null;
    var index = Number(mark.id.split("-").pop());
    return state.view.report.documents[0].findings[index] || null;
  }

  /* ---- typing, pasting, undo ---- */

  function snapshot() {
    return { text: editorText(), caret: caret() };
  }

  function remember() {
    var doc = current();
    doc.undo.push(snapshot());
    if (doc.undo.length > HISTORY) doc.undo.shift();
    doc.redo = [];
    historyButtons();
  }

  function historyButtons() {
    $("undo").disabled = !current().undo.length;
    $("redo").disabled = !current().redo.length;
  }

  function restore(from, to) {
    if (!from.length) return;
    to.push(snapshot());
    var back = from.pop();
    editor.textContent = back.text;
    setCaret(back.caret);
    historyButtons();
    audit();
  }

  function undo() { restore(current().undo, current().redo); }
  function redo() { restore(current().redo, current().undo); }

  /* Text goes in as a text node at the caret: the browser's own insertion turns line breaks
     into elements, and the editor's text must stay exactly the characters typed. */
  function insert(text) {
    var selection = window.getSelection();
    var range;
    if (selection.rangeCount && editor.contains(selection.getRangeAt(0).commonAncestorContainer)) {
      range = selection.getRangeAt(0);
    } else {
      range = document.createRange();
      range.selectNodeContents(editor);
      range.collapse(false);
    }
    range.deleteContents();
    var node = document.createTextNode(text);
    range.insertNode(node);
    range.setStartAfter(node);
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
    schedule();
  }

  editor.addEventListener("beforeinput", function (event) {
    if (event.inputType === "historyUndo" || event.inputType === "historyRedo") {
      event.preventDefault();
      if (event.inputType === "historyUndo") undo(); else redo();
      return;
    }
    if (!state.typing) {
      remember(); /* one undo step per burst of typing */
      state.typing = true;
    }
    if (event.inputType === "insertParagraph" || event.inputType === "insertLineBreak") {
      event.preventDefault();
      insert("\n");
    }
  });

  editor.addEventListener("paste", function (event) {
    var text = event.clipboardData && event.clipboardData.getData("text/plain");
    if (text === undefined || text === null) return;
    event.preventDefault();
    remember();
    insert(text.replace(/\r\n?/g, "\n"));
  });

  editor.addEventListener("drop", function (event) {
    event.preventDefault(); /* dropped markup or files would not be plain text */
  });

  editor.addEventListener("compositionstart", function () { window.clearTimeout(state.timer); });
  editor.addEventListener("input", function (event) {
    if (!event.isComposing) schedule();
  });

  document.addEventListener("keydown", function (event) {
    var mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && (event.key === "z" || event.key === "Z" || event.key === "y")) {
      event.preventDefault();
      if (event.key === "y" || event.shiftKey) redo(); else undo();
    } else if (event.altKey && event.key === "Enter") {
      var active = MtAudit.active();
      var finding = active && findingOf(active);
      if (finding && finding.suggestion !== null) {
        event.preventDefault();
        applyOne(finding);
      }
    }
  });

  $("undo").addEventListener("click", undo);
  $("redo").addEventListener("click", redo);

  /* ---- fixes, through the server's `fix` ---- */

  function replaceText(text, place, message) {
    if (text === editorText()) {
      setStatus("Nothing to change");
      return;
    }
    remember();
    editor.textContent = text;
    editor.focus();
    setCaret(place);
    setStatus(message);
    audit();
  }

  function applyOne(finding) {
    var doc = current();
    doc.text = editorText();
    return api("/api/fix", {
      document: documentBody(doc, true),
      glossary: glossary(),
      config: { retranslate: "off" },
      finding: { code: finding.code, start: finding.start, end: finding.end }
    })
      .then(function (response) { return response.json(); })
      .then(function (result) {
        var at = unitsFor(result.text, finding.start + Array.from(finding.suggestion).length);
        replaceText(result.text, { start: at, end: at }, "Applied " + finding.code);
      })
      .catch(function (error) { setStatus(error.message, "error"); });
  }

  function applyAll() {
    var doc = current();
    doc.text = editorText();
    var place = caret();
    setStatus("Fixing…", "busy");
    return api("/api/fix", { document: documentBody(doc, true), glossary: glossary(), config: { retranslate: "off" } })
      .then(function (response) { return response.json(); })
      .then(function (result) {
        var left = result.remaining ? "; " + result.remaining + " keep conflicting: fix them by hand" : "";
        replaceText(result.text, place, "Applied " + result.applied + " fix" + (result.applied !== 1 ? "es" : "") + left);
      })
      .catch(function (error) { setStatus(error.message, "error"); });
  }

  $("fix-all").addEventListener("click", applyAll);

  MtAudit.onPopover(function (mark, popover) {
    var finding = findingOf(mark);
    if (!finding || finding.suggestion === null) return;
    var bar = el("div", "pop-actions");
    var unambiguous = state.view.fixable.indexOf(finding.code) >= 0;
    var button = el("button", "button", unambiguous ? "Apply fix" : "Apply suggestion");
    button.type = "button";
    button.addEventListener("click", function (event) {
      event.stopPropagation();
      applyOne(finding);
    });
    bar.appendChild(button);
    bar.appendChild(el("span", "muted", "Alt+Enter" + (unambiguous ? "" : " · a suggestion: check it first")));
    popover.appendChild(bar);
  });

  /* ---- the source, glossary and re-translation fields ---- */

  function showFields() {
    var doc = current();
    fields.source.value = doc.source;
    fields.lang.value = doc.source_lang;
    fields.retranslation.value = doc.retranslations[0] || "";
    var more = doc.retranslations.length - 1;
    $("retranslation-more").hidden = more < 1;
    $("retranslation-more").textContent = more > 0 ? "And " + more + " more from the file." : "";
    if (doc.source) $("source-panel").open = true;
    if (doc.retranslations.length) $("retranslation-panel").open = true;
  }

  fields.source.addEventListener("input", function () { current().source = fields.source.value; schedule(); });
  fields.lang.addEventListener("input", function () { current().source_lang = fields.lang.value.trim(); schedule(); });
  fields.glossary.addEventListener("input", schedule);
  fields.retranslation.addEventListener("input", function () {
    var doc = current();
    doc.retranslations = [fields.retranslation.value].concat(doc.retranslations.slice(1));
    schedule();
  });

  $("retranslate").addEventListener("click", function () {
    var doc = current();
    doc.text = editorText();
    if (!doc.text.trim()) return;
    request(null, "Re-translating with MarianMT (queued behind other requests)…").then(function (view) {
      if (!view) return;
      var made = view.report.documents[0];
      if (made.retranslations.length) {
        doc.retranslations = made.retranslations.slice();
        if (doc === current()) showFields();
      } else {
        setStatus("No re-translation: " + (view.report.meta.notes.join(" · ") || made.retranslation_status), "error");
      }
    });
  });

  /* ---- opening files ---- */

  function readBytes(file) {
    return file.arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
  }

  function base64(bytes) {
    var chunks = [];
    for (var i = 0; i < bytes.length; i += 0x8000) {
      chunks.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)));
    }
    return window.btoa(chunks.join(""));
  }

  function utf8(bytes, name) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/\r\n?/g, "\n");
    } catch (error) {
      throw new Error(name + ": not UTF-8; save it as UTF-8");
    }
  }

  function openDocuments(name, documents) {
    state.name = name;
    state.kind = (/\.[^.]+$/.exec(name.toLowerCase()) || [".txt"])[0];
    state.eol = documents.some(function (d) { return d.text.indexOf("\r\n") >= 0; }) ? "\r\n" : "\n";
    state.docs = documents.map(function (d) {
      var doc = blankDocument();
      doc.id = d.id;
      doc.text = d.text.replace(/\r\n?/g, "\n");
      doc.source = d.source || "";
      doc.source_lang = d.source_lang || "";
      doc.retranslations = d.retranslations || [];
      return doc;
    });
    var picker = $("doc-picker");
    picker.textContent = "";
    state.docs.forEach(function (doc, index) {
      var option = el("option", null, doc.id);
      option.value = String(index);
      picker.appendChild(option);
    });
    picker.hidden = state.docs.length < 2;
    $("doc-name").textContent = name + (state.docs.length > 1 ? " · " + state.docs.length + " documents" : "");
    show(0);
  }

  function show(index) {
    current().text = editorText();
    state.current = index;
    $("doc-picker").value = String(index);
    editor.textContent = current().text;
    showFields();
    historyButtons();
    audit();
  }

  $("doc-picker").addEventListener("change", function () { show(Number($("doc-picker").value)); });

  $("open-file").addEventListener("change", function (event) {
    var file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    setStatus("Reading " + file.name + "…", "busy");
    readBytes(file)
      .then(function (bytes) { return api("/api/read", { name: file.name, content_base64: base64(bytes) }); })
      .then(function (response) { return response.json(); })
      .then(function (read) {
        if (!read.documents.length) throw new Error(read.errors.join("; ") || file.name + ": nothing to audit");
        openDocuments(file.name, read.documents);
        if (read.errors.length) setStatus(read.errors.length + " record(s) could not be read: " + read.errors.join("; "), "error");
      })
      .catch(function (error) { setStatus(error.message, "error"); });
  });

  document.querySelectorAll("input[data-load]").forEach(function (input) {
    input.addEventListener("change", function () {
      var file = input.files[0];
      input.value = "";
      if (!file) return;
      readBytes(file).then(function (bytes) {
        var field = fields[input.dataset.load];
        field.value = utf8(bytes, file.name);
        field.dispatchEvent(new Event("input"));
      }).catch(function (error) { setStatus(error.message, "error"); });
    });
  });

  /* ---- downloads ---- */

  function save(blob, name) {
    var link = el("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  function baseName() {
    return state.name.replace(/\.[^.]+$/, "") || "story";
  }

  function downloadText() {
    current().text = editorText();
    if (state.kind === ".jsonl" || state.kind === ".ndjson") {
      var lines = state.docs.map(function (doc) {
        var record = { id: doc.id, text: doc.text };
        if (doc.source) record.source = doc.source;
        if (doc.source_lang) record.source_lang = doc.source_lang;
        if (doc.retranslations.length) record.retranslations = doc.retranslations;
        return JSON.stringify(record);
      });
      save(new Blob([lines.join("\n") + "\n"], { type: "application/x-ndjson" }), baseName() + ".fixed.jsonl");
      return;
    }
    var text = current().text.replace(/\n/g, state.eol);
    var suffix = state.docs.length > 1 ? "." + current().id.replace(/[^\w.-]+/g, "_") : "";
    save(new Blob([text], { type: "text/plain;charset=utf-8" }), baseName() + suffix + ".fixed.txt");
  }

  function downloadReport(format) {
    current().text = editorText();
    var documents = state.docs.filter(function (doc) { return doc.text.trim(); })
      .map(function (doc) { return documentBody(doc, true); });
    if (!documents.length) return;
    setStatus("Writing the " + format.toUpperCase() + " report…", "busy");
    api("/api/report?format=" + encodeURIComponent(format), { documents: documents, glossary: glossary(), config: { retranslate: "off" } })
      .then(function (response) {
        var disposition = response.headers.get("content-disposition") || "";
        var named = /filename="([^"]+)"/.exec(disposition);
        return response.blob().then(function (blob) { save(blob, named ? named[1] : "mt-audit-report." + format); });
      })
      .then(function () { setStatus("Report written (" + format.toUpperCase() + ")"); })
      .catch(function (error) { setStatus(error.message, "error"); });
  }

  document.querySelectorAll("[data-download]").forEach(function (button) {
    button.addEventListener("click", function () {
      $("downloads").open = false;
      if (button.dataset.download === "text") downloadText(); else downloadReport(button.dataset.download);
    });
  });

  if (settings.auth && !token) askToken();
  historyButtons();
  editor.focus();
})();
