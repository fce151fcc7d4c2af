"use strict";
// glossqa's HTML report. Corpus text enters the page through textContent only.
(function () {
  const PAGE = 100; // matrix rows rendered at a time
  const SEVERITY_NAMES = ["error", "warning", "info"];
  const STATUSES = ["up to date", "outdated", "missing", "orphaned"];
  let data, files, groups, diagnostics, byFile, texts, filter, order;
  const groupTexts = new Map();

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value;
      else if (name === "className") node.className = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  async function inflate(base64) {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return JSON.parse(await new Response(stream).text());
  }

  const numberFormat = new Intl.NumberFormat("en"); // one formatter: toLocaleString builds one per call
  function number(count) {
    return numberFormat.format(count);
  }

  function plural(count, word) {
    return number(count) + " " + word + (count === 1 ? "" : "s");
  }

  async function start() {
    data = await inflate(document.getElementById("glossqa-index").textContent.trim());
    files = data.files.map(([path, language, group, counts, reported, status], index) => ({
      index, path, language, group, counts, reported: reported === 1, status,
    }));
    groups = data.groups.map(([key, reference, members], index) => {
      const byLanguage = new Map();
      for (const member of members) byLanguage.set(files[member].language, member);
      return { index, key, reference, members, byLanguage };
    });
    diagnostics = data.diagnostics.map(([file, line, column, rule, severity, message, relatedPath, relatedLine], row) => ({
      file, line, column, rule, severity, message, relatedPath, relatedLine,
      diff: (data.diffs || {})[row],
    }));
    byFile = new Map();
    for (const diagnostic of diagnostics) {
      if (!byFile.has(diagnostic.file)) byFile.set(diagnostic.file, []);
      byFile.get(diagnostic.file).push(diagnostic);
    }
    filter = { language: "", rule: "", severity: 2, search: "" };
    order = { key: "findings", language: -1, direction: -1 };
    buildPage();
    window.addEventListener("hashchange", route);
    window.addEventListener("beforeprint", () => renderRows(Infinity));
    document.addEventListener("keydown", onKey);
    route();
    document.body.dataset.ready = "true";
    performance.mark("glossqa-ready");
  }

  function buildPage() {
    const total = diagnostics.length;
    const bySeverity = [0, 1, 2].map((s) => diagnostics.filter((d) => d.severity === s).length);
    const summary = `${plural(files.filter((f) => f.reported).length, "file")} in ${plural(groups.length, "article")}, ` +
      `${data.languages.length} languages: ${plural(total, "diagnostic")} (` +
      bySeverity.map((count, s) => plural(count, SEVERITY_NAMES[s])).join(", ") + ")";
    const header = el("header", { className: "top" },
      el("h1", { text: "glossqa report" }),
      el("p", { text: summary + ` · glossqa ${data.glossqa}` }));
    const main = el("main");
    if (data.changedSince) {
      main.append(el("p", {
        className: "notice",
        text: `Only diagnostics on lines changed since ${data.changedSince} (and those about a whole file) are shown; ` +
          `${plural(data.unchanged, "more diagnostic")} on unchanged lines ${data.unchanged === 1 ? "is" : "are"} left out.`,
      }));
    }
    const overview = el("section", { id: "overview", "aria-labelledby": "overview-title" });
    overview.append(el("h2", { id: "overview-title", text: "Languages" }), overviewTable());
    overview.append(el("h2", { id: "matrix-title", text: "Files × languages" }), controls(),
      el("p", { className: "help", text: "Each cell: the worst finding's colour and the number of findings (✓ none, – no file). " +
        "Click a column heading to sort, a cell to open the file. Keys: / search, Esc back to the overview, n / p next or previous finding in a file." }),
      el("div", { className: "scroll", id: "matrix-scroll" }, el("table", { id: "matrix", "aria-labelledby": "matrix-title" }),
        el("button", { id: "more", type: "button", hidden: true, onclick: () => renderRows(shownRows + PAGE) })));
    main.append(overview, el("section", { id: "file-view", hidden: true, "aria-live": "polite" }));
    document.body.append(header, main);
    renderMatrix();
    if ("IntersectionObserver" in window) {
      // the next rows come when the "more" button scrolls into view
      new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting) && shownRows < rows.length) renderRows(shownRows + PAGE);
      }, { root: document.getElementById("matrix-scroll"), rootMargin: "400px" }).observe(document.getElementById("more"));
    }
  }

  function overviewTable() {
    const seen = new Set(diagnostics.map((d) => d.rule));
    const rulesUsed = data.rules.map((_, r) => r).filter((r) => seen.has(r));
    const withStatus = files.some((f) => f.status);
    const head = el("tr", {}, el("th", { scope: "col", text: "Language" }), el("th", { scope: "col", className: "num", text: "Files" }),
      ...SEVERITY_NAMES.map((name) => el("th", { scope: "col", className: "num", text: name + "s" })),
      ...rulesUsed.map((r) => el("th", { scope: "col", className: "num", text: data.rules[r] })),
      withStatus ? el("th", { scope: "col", text: "Status" }) : null);
    const body = el("tbody");
    const fileCounts = data.languages.map(() => 0);
    for (const f of files) if (f.reported) fileCounts[f.language]++;
    const severityCounts = data.languages.map(() => [0, 0, 0]);
    const ruleCounts = data.languages.map(() => new Map());
    for (const d of diagnostics) {
      const l = files[d.file].language;
      severityCounts[l][d.severity]++;
      ruleCounts[l].set(d.rule, (ruleCounts[l].get(d.rule) || 0) + 1);
    }
    data.languages.forEach((language, l) => {
      const cells = [el("th", { scope: "row", text: language }), el("td", { className: "num", text: number(fileCounts[l]) }),
        ...severityCounts[l].map((count, s) => el("td", { className: "num" + (count ? " sev-" + s : ""), text: number(count) })),
        ...rulesUsed.map((r) => el("td", { className: "num", text: number(ruleCounts[l].get(r) || 0) }))];
      if (withStatus) cells.push(el("td", {}, statusBar(l)));
      body.append(el("tr", {}, ...cells));
    });
    const table = el("table", { id: "languages" }, el("thead", {}, head), body);
    const wrapper = el("div", { className: "scroll" }, table);
    if (withStatus) {
      wrapper.append(el("p", { className: "legend" }, ...STATUSES.map((s) => el("span", { className: s.replaceAll(" ", "-"), text: s }))));
    }
    return wrapper;
  }

  function statusBar(language) {
    const counts = new Map(STATUSES.map((s) => [s, 0]));
    for (const group of groups) {
      const member = group.byLanguage.get(language);
      if (member === undefined) {
        if (group.reference >= 0) counts.set("missing", counts.get("missing") + 1);
      } else if (files[member].status && counts.has(files[member].status)) {
        counts.set(files[member].status, counts.get(files[member].status) + 1);
      }
    }
    const total = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
    const label = STATUSES.map((s) => `${s} ${counts.get(s)}`).join(", ");
    return el("div", { className: "bar", role: "img", "aria-label": label, title: label },
      ...STATUSES.filter((s) => counts.get(s)).map((s) =>
        el("span", { className: s.replaceAll(" ", "-"), style: `width:${(100 * counts.get(s)) / total}%` })));
  }

  function controls() {
    const languageSelect = el("select", { id: "filter-language", onchange: (e) => setFilter("language", e.target.value) },
      el("option", { value: "", text: "all" }), ...data.languages.map((l, i) => el("option", { value: String(i), text: l })));
    const ruleSelect = el("select", { id: "filter-rule", onchange: (e) => setFilter("rule", e.target.value) },
      el("option", { value: "", text: "all" }), ...data.rules.map((r, i) => el("option", { value: String(i), text: r })));
    const severitySelect = el("select", { id: "filter-severity", onchange: (e) => setFilter("severity", Number(e.target.value)) },
      el("option", { value: "2", text: "all" }), el("option", { value: "1", text: "warnings and errors" }), el("option", { value: "0", text: "errors" }));
    let timer;
    const search = el("input", { id: "filter-search", type: "search", placeholder: "path or message", oninput: (e) => {
      clearTimeout(timer);
      timer = setTimeout(() => setFilter("search", e.target.value.trim().toLowerCase()), 150);
    } });
    return el("div", { className: "controls", role: "search" },
      el("label", {}, "Language", languageSelect), el("label", {}, "Rule", ruleSelect),
      el("label", {}, "Severity", severitySelect), el("label", {}, "Search", search),
      el("span", { id: "row-count", className: "count", "aria-live": "polite" }));
  }

  function setFilter(name, value) {
    filter[name] = value;
    renderMatrix();
    if (location.hash.startsWith("#file=")) route();
  }

  function matches(diagnostic) {
    if (diagnostic.severity > filter.severity) return false;
    if (filter.rule !== "" && diagnostic.rule !== Number(filter.rule)) return false;
    if (filter.search && !diagnostic.message.toLowerCase().includes(filter.search) &&
        !files[diagnostic.file].path.toLowerCase().includes(filter.search)) return false;
    return true;
  }

  let rows = [], shownRows = 0, cellCounts, columns;

  function renderMatrix() {
    cellCounts = new Int32Array(files.length * 3);
    for (const d of diagnostics) if (matches(d)) cellCounts[d.file * 3 + d.severity]++;
    columns = filter.language === "" ? data.languages.map((_, i) => i) : [Number(filter.language)];
    const narrowed = filter.rule !== "" || filter.severity < 2 || filter.search;
    rows = groups.filter((group) => {
      const members = columns.map((l) => group.byLanguage.get(l)).filter((m) => m !== undefined);
      if (!members.length) return false;
      if (!narrowed) return true;
      if (filter.search && group.key.toLowerCase().includes(filter.search) && filter.rule === "" && filter.severity === 2) return true;
      return members.some((m) => total(m) > 0);
    });
    const sign = order.direction;
    // by the number shown, then by the worst severity (errors, then warnings); articles by name
    const key = order.key === "article" ? (g) => [g.key]
      : order.key === "language" ? (g) => {
        const member = g.byLanguage.get(order.language);
        return member === undefined ? [-1, -1] : [total(member), weight(member)];
      }
      : (g) => [columns.reduce((sum, l) => sum + total(g.byLanguage.get(l)), 0),
        columns.reduce((sum, l) => sum + weight(g.byLanguage.get(l)), 0)];
    const keys = new Map(rows.map((g) => [g, key(g)]));
    rows.sort((a, b) => {
      const ka = keys.get(a), kb = keys.get(b);
      for (let i = 0; i < ka.length; i++) {
        if (ka[i] < kb[i]) return -sign;
        if (ka[i] > kb[i]) return sign;
      }
      return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    });
    const table = document.getElementById("matrix");
    table.replaceChildren();
    const head = el("tr", {}, sortHeader("Article", "article", -1), sortHeader("Findings", "findings", -1),
      ...columns.map((l) => sortHeader(data.languages[l], "language", l)));
    table.append(el("thead", {}, head), el("tbody"));
    shownRows = 0;
    renderRows(PAGE);
  }

  function total(member) {
    return member === undefined ? 0 : cellCounts[member * 3] + cellCounts[member * 3 + 1] + cellCounts[member * 3 + 2];
  }
  function worst(member) {
    for (let s = 0; s < 3; s++) if (cellCounts[member * 3 + s]) return s;
    return -1;
  }
  function weight(member) {
    return member === undefined ? 0 : cellCounts[member * 3] * 1e6 + cellCounts[member * 3 + 1] * 1e3 + cellCounts[member * 3 + 2];
  }

  function sortHeader(label, key, language) {
    const active = order.key === key && (key !== "language" || order.language === language);
    const th = el("th", { scope: "col", className: key === "article" ? "" : "num",
      "aria-sort": active ? (order.direction > 0 ? "ascending" : "descending") : "none" });
    th.append(el("button", { type: "button", text: label, onclick: () => {
      order = active ? { ...order, direction: -order.direction } : { key, language, direction: key === "article" ? 1 : -1 };
      renderMatrix();
      const again = [...document.querySelectorAll("#matrix th button")].find((b) => b.textContent === label);
      if (again) again.focus();
    } }));
    return th;
  }

  function renderRows(limit) {
    const body = document.querySelector("#matrix tbody");
    const end = Math.min(limit, rows.length);
    const fragment = document.createDocumentFragment();
    for (let i = shownRows; i < end; i++) fragment.append(matrixRow(rows[i]));
    body.append(fragment);
    shownRows = Math.max(shownRows, end);
    const more = document.getElementById("more");
    more.hidden = shownRows >= rows.length;
    more.textContent = `Show ${Math.min(PAGE, rows.length - shownRows)} more (${number(rows.length - shownRows)} left)`;
    document.getElementById("row-count").textContent = `${plural(rows.length, "article")}, ${number(shownRows)} shown`;
  }

  function matrixRow(group) {
    const findings = columns.reduce((sum, l) => sum + total(group.byLanguage.get(l)), 0);
    const tr = el("tr", { "data-group": group.key },
      el("td", { className: "article", text: group.key }), el("td", { className: "num", text: number(findings) }));
    for (const l of columns) {
      const member = group.byLanguage.get(l);
      const td = el("td", { className: "cell" });
      if (member === undefined) {
        td.classList.add("gap");
        td.append(el("span", { text: "–", title: `no ${data.languages[l]} file` }));
      } else {
        const file = files[member];
        const count = total(member);
        const severity = worst(member);
        const link = el("a", { href: "#file=" + encodeURIComponent(file.path),
          className: !file.reported ? "unchecked" : severity >= 0 ? "sev-" + severity : "clean",
          "aria-label": `${file.path}: ${file.reported ? plural(count, "finding") : "not checked"}${file.status ? ", " + file.status : ""}`,
          text: !file.reported ? "·" : count ? number(count) : "✓" });
        if (file.status) link.append(el("span", { className: "status", text: file.status }));
        link.title = link.getAttribute("aria-label");
        td.classList.add(link.className);
        td.append(link);
      }
      tr.append(td);
    }
    return tr;
  }

  function route() {
    const overview = document.getElementById("overview");
    const view = document.getElementById("file-view");
    if (!location.hash.startsWith("#file=")) {
      view.hidden = true;
      overview.hidden = false;
      return;
    }
    const path = decodeURIComponent(location.hash.slice(6));
    const file = files.find((f) => f.path === path);
    if (!file) {
      view.replaceChildren(el("p", { text: "No such file in this report: " + path }), el("a", { href: "#", text: "Back to the overview" }));
    } else {
      openFile(file, view);
    }
    overview.hidden = true;
    view.hidden = false;
  }

  async function openFile(file, view) {
    const token = (view.dataset.token = String(Number(view.dataset.token || 0) + 1));
    const text = await groupText(file.group);
    if (view.dataset.token !== token) return;
    const group = groups[file.group];
    const referenceIndex = group.reference;
    const reference = referenceIndex >= 0 && referenceIndex !== file.index ? files[referenceIndex] : null;
    const count = (byFile.get(file.index) || []).filter(matches).length;
    const parts = [
      el("p", {}, el("a", { href: "#", className: "back", text: "← Overview" })),
      el("h2", { text: file.path }),
      el("p", { text: `${data.languages[file.language]} · ${plural(count, "finding")}` +
        (reference ? ` · compared with ${reference.path}` : referenceIndex === file.index ? " · the reference of its article" : "") +
        (file.status ? ` · ${file.status}` : "") }),
      el("nav", { className: "siblings", "aria-label": "Translations of this article" },
        ...group.members.map((m) => el("a", { href: "#file=" + encodeURIComponent(files[m].path),
          "aria-current": m === file.index ? "page" : null, title: files[m].path, text: data.languages[files[m].language] }))),
    ];
    if (data.repository) parts.push(el("p", {}, el("a", { href: link(file.path), text: "Open the file in the repository" })));
    const mine = text.files[file.index];
    const rowsOf = text.rows[file.index];
    if (!mine || !mine.sections.length) {
      parts.push(el("p", { text: "This file could not be read; its findings:" }), diagnosticList(byFile.get(file.index) || []));
    } else if (reference && rowsOf && text.files[reference.index]) {
      parts.push(sideBySide(reference, text.files[reference.index], file, mine, rowsOf));
    } else {
      parts.push(singleColumn(file, mine));
    }
    view.replaceChildren(...parts);
    view.dataset.file = file.path;
    const heading = view.querySelector("h2");
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    window.scrollTo(0, 0);
    document.body.dataset.view = file.path;
  }

  async function groupText(groupIndex) {
    if (!groupTexts.has(groupIndex)) {
      if (document.readyState === "loading") {
        await new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }));
      }
      if (!texts) texts = JSON.parse(document.getElementById("glossqa-texts").textContent);
      groupTexts.set(groupIndex, await inflate(texts[groupIndex]));
    }
    return groupTexts.get(groupIndex);
  }

  function link(path, line) {
    return data.repository + "/" + path.split("/").map(encodeURIComponent).join("/") + (line ? "#L" + line : "");
  }

  function sideBySide(reference, referenceText, file, fileText, pairs) {
    const referenceLines = referenceText.text.split("\n");
    const lines = fileText.text.split("\n");
    const own = (byFile.get(file.index) || []).filter(matches);
    const referenceOwn = (byFile.get(reference.index) || []).filter(matches);
    const related = new Map();
    for (const d of own) {
      if (d.relatedPath === reference.path) related.set(d.relatedLine, (related.get(d.relatedLine) || []).concat([d]));
    }
    const table = el("table", { className: "sides" },
      el("colgroup", {}, el("col"), el("col")),
      el("thead", {}, el("tr", {}, el("th", { scope: "col", text: `${reference.path} (${data.languages[reference.language]}, reference)` }),
        el("th", { scope: "col", text: `${file.path} (${data.languages[file.language]})` }))));
    const body = el("tbody");
    for (const [r, t, moved] of pairs) {
      const left = r >= 0 ? sectionCell(reference, referenceText.sections[r], referenceLines, referenceOwn, related, false)
        : gapCell(`No counterpart: this section is extra in ${data.languages[file.language]}.`);
      const right = t >= 0 ? sectionCell(file, fileText.sections[t], lines, own, null, moved)
        : gapCell(`Missing: no ${data.languages[file.language]} counterpart of this section.`);
      body.append(el("tr", { className: r < 0 ? "extra" : t < 0 ? "missing" : moved ? "moved" : "paired" }, left, right));
    }
    table.append(body);
    return table;
  }

  function singleColumn(file, fileText) {
    const lines = fileText.text.split("\n");
    const own = (byFile.get(file.index) || []).filter(matches);
    const body = el("tbody");
    for (const section of fileText.sections) body.append(el("tr", { className: "paired" }, sectionCell(file, section, lines, own, null, false)));
    return el("table", { className: "sides" }, el("thead", {}, el("tr", {}, el("th", { scope: "col", text: file.path }))), body);
  }

  function gapCell(message) {
    return el("td", { className: "gap" }, el("div", { className: "gap-note", text: message }));
  }

  function sectionCell(file, section, lines, own, related, moved) {
    const [first, last, level, title] = section;
    const head = el("div", { className: "section-head", text: title ? "#".repeat(level) + " " + title : "(before the first heading)" });
    if (moved) head.append(el("span", { className: "badge", text: "moved" }));
    const here = own.filter((d) => d.line >= first && d.line <= last);
    const atLine = new Map();
    for (const d of here) atLine.set(d.line, (atLine.get(d.line) || []).concat([d]));
    const source = el("div", { className: "src" });
    for (let number = first; number <= last && number <= lines.length; number++) {
      const pinned = atLine.get(number);
      const pointed = related && related.get(number);
      const row = el("div", { className: "ln" + (pinned ? " flagged" : "") + (pointed ? " related" : ""), id: `L${file.index}-${number}` },
        data.repository ? el("a", { className: "no", href: link(file.path, number), text: String(number) }) : el("span", { className: "no", text: String(number) }),
        el("span", { className: "tx", text: lines[number - 1].replace(/\r$/, "") }));
      if (pointed) row.title = pointed.map((d) => `${data.rules[d.rule]}: ${d.message}`).join("\n");
      source.append(row);
      for (const d of pinned || []) source.append(diagnosticNote(d));
    }
    const beyond = here.filter((d) => d.line > lines.length);
    for (const d of beyond) source.append(diagnosticNote(d));
    return el("td", {}, head, source);
  }

  function diagnosticNote(d) {
    const note = el("div", { className: "diag sev-" + d.severity, tabindex: "0", "data-line": String(d.line) },
      el("b", { text: SEVERITY_NAMES[d.severity] }), el("span", { className: "rule", text: data.rules[d.rule] }),
      el("span", { className: "message", text: d.message }));
    if (d.diff) note.append(el("pre", { className: "source-diff", text: d.diff }));
    return note;
  }

  function diagnosticList(list) {
    const wrapper = el("div", { className: "src" });
    for (const d of list.filter(matches)) wrapper.append(diagnosticNote(d));
    return wrapper;
  }

  function onKey(event) {
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName);
    if (event.key === "Escape" && location.hash.startsWith("#file=")) {
      location.hash = "";
    } else if (event.key === "/" && !typing) {
      event.preventDefault();
      if (location.hash.startsWith("#file=")) location.hash = "";
      document.getElementById("filter-search").focus();
    } else if ((event.key === "n" || event.key === "p") && !typing && location.hash.startsWith("#file=")) {
      const notes = [...document.querySelectorAll("#file-view .diag")];
      if (!notes.length) return;
      const current = notes.indexOf(document.activeElement);
      const next = event.key === "n" ? (current + 1) % notes.length : (current - 1 + notes.length) % notes.length;
      notes[next].focus();
      notes[next].scrollIntoView({ block: "center" });
    }
  }

  start().catch((error) => {
    document.body.append(el("p", { className: "notice", text: "The report could not be read: " + error }));
    throw error;
  });
})();
