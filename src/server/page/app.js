// Newsweave reading page. Plain browser JavaScript, no build step, no framework.
// Every piece of source text goes into the page through textContent / text nodes, never as HTML;
// the page's Content-Security-Policy (require-trusted-types-for 'script') enforces that too.

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** Creates an element with a class, text and attributes. Text is always set as text. */
function el(tag, opts = {}, ...children) {
  const node = document.createElement(tag);
  if (opts.cls) node.className = opts.cls;
  if (opts.text !== undefined) node.textContent = String(opts.text);
  if (opts.attrs)
    for (const [k, v] of Object.entries(opts.attrs)) if (v !== undefined) node.setAttribute(k, v);
  for (const c of children) if (c) node.append(c);
  return node;
}

const state = {
  /** @type {Array<{name: string, kind: 'article'|'jsonl', text?: string, format?: string, clusters?: Array<{id: string, documents: any[]}>}>} */
  files: [],
  report: null,
  /** article id → { number, article, node, spans: Map<sentence start, HTMLElement> } */
  articles: new Map(),
  highlighted: [],
  /** What each article of the last request was, to name it in errors. */
  labels: [],
  /** Which story of the articles to report when they tell several (1: the one with the most articles). */
  story: 1,
};

// ---------- input ----------

const SEPARATOR = /^[ \t]*-{3,}[ \t]*$/m;

function pastedArticles() {
  const text = /** @type {HTMLTextAreaElement} */ ($("paste")).value;
  return text
    .split(SEPARATOR)
    .map((t) => t.trim())
    .filter((t) => t !== "")
    .map((t, k) => ({ text: t, format: "auto", id: `pasted-${k + 1}` }));
}

const DUMP_KEYS = ["text", "content", "body", "maintext", "article_text", "html", "raw_html"];

/** True when a JSON(L) file is a news dump (one article per line or array element), not story clusters. */
function isDump(text) {
  const trimmed = text.trim();
  let first;
  try {
    const whole = JSON.parse(trimmed);
    first = Array.isArray(whole) ? whole[0] : whole;
  } catch {
    try {
      first = JSON.parse(trimmed.split(/\r?\n/, 1)[0] ?? "");
    } catch {
      return false;
    }
  }
  return Boolean(
    first && typeof first === "object" && !("documents" in first) && DUMP_KEYS.some((k) => k in first),
  );
}

function parseJsonl(name, text) {
  const clusters = [];
  const lines = text.split(/\r?\n/);
  const trimmed = text.trim();
  if (
    trimmed.startsWith("[") ||
    (trimmed.startsWith("{") && !lines.slice(1).some((l) => l.trim().startsWith("{")))
  ) {
    try {
      const value = JSON.parse(trimmed);
      for (const [k, c] of (Array.isArray(value) ? value : [value]).entries())
        addCluster(clusters, c, `${name} ${k + 1}`);
      return clusters;
    } catch {
      // not one JSON document: read it line by line below
    }
  }
  lines.forEach((line, k) => {
    if (line.trim() === "") return;
    let value;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new Error(`${name}, line ${k + 1}: invalid JSON (${e instanceof Error ? e.message : e})`);
    }
    addCluster(clusters, value, `${name}:${k + 1}`, k + 1);
  });
  if (clusters.length === 0) throw new Error(`${name}: no stories in the file`);
  return clusters;
}

function addCluster(clusters, value, fallbackId, line) {
  const where = line ? `line ${line}` : fallbackId;
  if (!value || typeof value !== "object" || !Array.isArray(value.documents))
    throw new Error(`${where}: expected an object with a "documents" array`);
  clusters.push({ id: typeof value.id === "string" ? value.id : fallbackId, documents: value.documents });
}

async function addFiles(fileList) {
  hideError();
  inputChanged();
  for (const file of fileList) {
    try {
      const text = await file.text();
      if (/\.(jsonl|json)$/i.test(file.name) && isDump(text)) {
        // articles of a news dump: the server reads every line (and names a bad one)
        state.files.push({ name: file.name, kind: "article", text, format: "jsonl" });
      } else if (/\.(jsonl|json)$/i.test(file.name)) {
        state.files.push({ name: file.name, kind: "jsonl", clusters: parseJsonl(file.name, text) });
      } else {
        state.files.push({ name: file.name, kind: "article", text });
      }
    } catch (e) {
      showError(e instanceof Error ? e.message : String(e));
    }
  }
  renderFiles();
}

function renderFiles() {
  const list = $("file-list");
  list.replaceChildren();
  state.files.forEach((f, k) => {
    const remove = el("button", {
      cls: "link",
      text: "remove",
      attrs: { type: "button", "aria-label": `remove ${f.name}` },
    });
    remove.addEventListener("click", () => {
      state.files.splice(k, 1);
      inputChanged();
      renderFiles();
      $("files").focus();
    });
    const what =
      f.kind === "jsonl" ? ` — ${f.clusters.length} ${f.clusters.length === 1 ? "story" : "stories"}` : "";
    list.append(el("li", {}, el("span", { text: f.name + what }), remove));
  });
  const clusters = state.files.flatMap((f) => (f.kind === "jsonl" ? f.clusters : []));
  const pick = $("cluster-pick");
  const select = /** @type {HTMLSelectElement} */ ($("cluster"));
  select.replaceChildren(
    ...clusters.map((c, k) =>
      el("option", { text: `${c.id} (${c.documents.length} documents)`, attrs: { value: String(k) } }),
    ),
  );
  pick.hidden = clusters.length < 2;
}

/** The body of POST /v1/summarize from the pasted text and the files. */
function requestBody() {
  const articles = pastedArticles();
  const labels = articles.map((_, k) => `pasted article ${k + 1}`);
  for (const f of state.files) {
    if (f.kind !== "article") continue;
    articles.push({ text: f.text, format: f.format ?? "auto", name: f.name });
    labels.push(f.name);
  }
  const clusters = state.files.flatMap((f) => (f.kind === "jsonl" ? f.clusters : []));
  const chosen = clusters[Number(/** @type {HTMLSelectElement} */ ($("cluster")).value) || 0];
  const words = Number(/** @type {HTMLInputElement} */ ($("words")).value) || 230;
  if (chosen && articles.length === 0) {
    state.labels = chosen.documents.map((_, k) => `${chosen.id}, document ${k + 1}`);
    return { id: chosen.id, documents: chosen.documents, words };
  }
  if (chosen) {
    chosen.documents.forEach((d, k) => {
      articles.push({
        text: d?.text,
        format: "text",
        title: d?.title,
        published: d?.date,
        name: `${chosen.id} ${k + 1}`,
      });
      labels.push(`${chosen.id}, document ${k + 1}`);
    });
  }
  state.labels = labels;
  // the server groups the articles into stories (a stray page or an unrelated feed item is a story of its
  // own) and reports the one picked
  return { articles, words, story: state.story };
}

/** New input: the story picked among the last articles no longer means anything. */
function inputChanged() {
  state.story = 1;
}

// ---------- talking to the server ----------

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const type = res.headers.get("content-type") || "";
  const data = type.includes("json") ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const err = data?.error;
    const e = new Error(err?.message || `the server answered ${res.status}`);
    e.code = err?.code || String(res.status);
    e.field = err?.field;
    throw e;
  }
  return data;
}

/** "articles[2].text: …" → "storm.html: …" when we know what article 2 was. */
function explain(e) {
  let message = e.message;
  const m = /^(articles|documents)\[(\d+)\](\.[\w.]+)?: /.exec(message);
  const label = m ? state.labels[Number(m[2])] : undefined;
  if (m && label) message = `${label}${m[3] ? ` (${m[3].slice(1)})` : ""}: ${message.slice(m[0].length)}`;
  return e.code && !/^\d+$/.test(e.code) ? `${message} [${e.code}]` : message;
}

async function summarize(event) {
  event.preventDefault();
  hideError();
  const stored = /** @type {HTMLSelectElement} */ ($("stored")).value;
  const body = requestBody();
  const count = body.articles ? body.articles.length : body.documents.length;
  if (count === 0 && !stored) {
    showError("Nothing to summarize: paste articles, add files, or pick a stored story.");
    $("paste").focus();
    return;
  }
  const go = /** @type {HTMLButtonElement} */ ($("go"));
  go.disabled = true;
  setStatus(count > 0 ? `Summarizing ${count} article${count === 1 ? "" : "s"}…` : "Loading the story…");
  const started = performance.now();
  try {
    const report =
      count > 0
        ? await api("POST", "/v1/summarize", body)
        : await api("GET", `/v1/stories/${encodeURIComponent(stored)}?words=${body.words}`);
    renderReport(report);
    renderStories(count > 0 && body.articles ? report.stories : undefined);
    setStatus(`Done in ${Math.round(performance.now() - started)} ms.`);
    $("input-count").textContent = `${report.articles.length} in the report — open to change them`;
    /** @type {HTMLDetailsElement} */ ($("input-box")).open = false;
    $("report").focus();
  } catch (e) {
    setStatus("");
    showError(explain(e));
  } finally {
    go.disabled = false;
  }
}

async function loadStories() {
  try {
    const health = await fetch("/healthz").then((r) => (r.ok ? r.json() : null));
    if (!health?.store) return;
    const res = await fetch("/v1/stories");
    if (!res.ok) return;
    const data = await res.json();
    const stories = Array.isArray(data?.stories) ? data.stories : [];
    if (stories.length === 0) return;
    const select = $("stored");
    for (const s of stories) {
      const n = s.size;
      const count = typeof n === "number" ? `, ${n} ${n === 1 ? "article" : "articles"}` : "";
      const label = `${s.title || s.id} (${daySpan(s)}${count})`;
      select.append(el("option", { text: label, attrs: { value: String(s.id) } }));
    }
    $("story-pick").hidden = false;
  } catch {
    // no store: the picker stays hidden
  }
}

/** The days a stored story's articles cover: "2026-03-10" or "2026-03-10 – 2026-03-11". */
function daySpan(s) {
  const first = typeof s.first === "string" ? s.first.slice(0, 10) : "";
  const last = typeof s.last === "string" ? s.last.slice(0, 10) : "";
  return first === last || !last ? first : `${first} – ${last}`;
}

function setStatus(text) {
  $("status").textContent = text;
}

function showError(text) {
  const box = $("error");
  box.textContent = text;
  box.hidden = false;
}

function hideError() {
  const box = $("error");
  box.textContent = "";
  box.hidden = true;
}

// ---------- report ----------

/** The opening words of an untitled article (how a reader recognises it), quoted; "" when it has none. */
function leadOf(a) {
  const first = a.sentences?.[0];
  if (!first) return "";
  const words = a.text.slice(first.start, first.end).replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  if (words.length === 0) return "";
  const cut = words.slice(0, 10);
  const tail = /^(?:the|a|an|and|or|but|of|on|in|at|to|for|from|with|by|as|that|its|their|his|her)$/i;
  while (cut.length > 3 && words.length > 10 && tail.test(cut[cut.length - 1])) cut.pop();
  const lead = cut.join(" ");
  return words.length > 10 ? `“${lead.replace(/[,;:]$/, "")}…”` : `“${lead}”`;
}

/** An article as readers know it: its outlet, or "source N" when it names none (not its file id). */
function soleSource(info) {
  return info.article.outlet || `source ${info.number}`;
}

/** The distinct articles of some citations, by name, in citation order. */
function sourceNames(citations) {
  const ids = [...new Set((citations || []).map((c) => c.articleId))];
  return ids
    .map((id) => state.articles.get(id))
    .filter(Boolean)
    .map(soleSource)
    .join(", ");
}

function outletOf(a) {
  return a.outlet || a.id;
}

/** Subjects of casualty counts, which read well ("death toll"), unlike a unit noun's stem. */
const TOLL_SUBJECTS = new Set(["death toll", "injured", "missing"]);

/** What a conflict is about, when that reads well: a role, "date", a casualty count, not a unit noun's stem. */
function conflictSubject(conflict) {
  if (!conflict.subject) return "";
  return conflict.kind !== "number" || TOLL_SUBJECTS.has(conflict.subject) ? conflict.subject : "";
}

/** Distinct articles of a list of citations, in article order. */
function articlesOf(citations) {
  const ids = [];
  for (const c of citations || [])
    if (c && state.articles.has(c.articleId) && !ids.includes(c.articleId)) ids.push(c.articleId);
  return ids.sort((a, b) => state.articles.get(a).number - state.articles.get(b).number);
}

/** Citation buttons shown at first; a sentence that more articles carry gets a "+N more" button. */
const MAX_CITES = 10;

/** A `[n]` button per cited article; hovering or focusing it highlights the cited sentences. */
function citeButtons(citations) {
  const wrap = el("span", { cls: "cites" });
  const ids = articlesOf(citations);
  const button = (id) => {
    const info = state.articles.get(id);
    const mine = citations.filter((c) => c.articleId === id);
    const b = el("button", {
      cls: "cite",
      text: `[${info.number}]`,
      attrs: { type: "button", "aria-label": `source ${info.number}: ${outletOf(info.article)}` },
    });
    const show = () => highlight(mine, b);
    b.addEventListener("mouseenter", show);
    b.addEventListener("focus", show);
    b.addEventListener("click", show);
    return b;
  };
  for (const id of ids.slice(0, MAX_CITES)) wrap.append(button(id));
  if (ids.length > MAX_CITES) {
    const rest = ids.slice(MAX_CITES);
    const more = el("button", {
      cls: "cite more",
      text: `+${rest.length} more`,
      attrs: { type: "button", "aria-label": `show ${rest.length} more sources` },
    });
    more.addEventListener("click", () => {
      const added = rest.map(button);
      more.replaceWith(...added);
      added[0]?.focus();
    });
    wrap.append(more);
  }
  return wrap;
}

function clearHighlight() {
  for (const node of state.highlighted) node.classList.remove("hl");
  state.highlighted = [];
}

/**
 * Marks the cited sentences in their article, shows their text in a preview next to the citation (so it
 * is seen on a phone too, where the articles are far below), scrolls the sources panel to the first.
 */
function highlight(citations, button) {
  clearHighlight();
  const preview = $("preview");
  preview.replaceChildren();
  const block = button.closest("p, li");
  if (block?.tagName === "LI") block.append(preview);
  else if (block) block.after(preview);
  let first = null;
  for (const c of citations) {
    const info = state.articles.get(c.articleId);
    if (!info) continue;
    const span = info.spans.get(c.start) || null;
    const text = info.article.text.slice(c.start, c.end);
    if (span) {
      span.classList.add("hl");
      state.highlighted.push(span);
      first = first || span;
    }
    preview.append(
      el(
        "p",
        {},
        el("span", { cls: "num", text: `[${info.number}] ${outletOf(info.article)}: ` }),
        el("span", { cls: "cited", text: text.replace(/\s+/g, " ").trim() }),
      ),
    );
  }
  preview.hidden = preview.childElementCount === 0;
  if (first) {
    const details = first.closest("details");
    if (details && !details.open) details.open = true;
    scrollIntoPanel(first);
  }
}

/** Scrolls the sources panel (its own scroll box on wide screens) to show a sentence, not the page. */
function scrollIntoPanel(node) {
  const panel = document.querySelector(".sources");
  if (
    panel &&
    panel.scrollHeight > panel.clientHeight + 1 &&
    getComputedStyle(panel).overflowY !== "visible"
  ) {
    const top = node.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop;
    panel.scrollTo({ top: Math.max(0, top - panel.clientHeight / 3), behavior: "auto" });
  }
}

/** "confirmed by N sources" / "only in X" / "sources disagree" for a set of citations. */
function markers(citations, conflictsHere) {
  const box = el("span", { cls: "markers" });
  const ids = articlesOf(citations);
  if (ids.length >= 2)
    box.append(el("span", { cls: "badge ok", text: `confirmed by ${ids.length} sources` }));
  else if (ids.length === 1)
    box.append(el("span", { cls: "badge solo", text: `only in ${soleSource(state.articles.get(ids[0]))}` }));
  if (conflictsHere && conflictsHere.length > 0)
    box.append(el("span", { cls: "badge warn", text: "sources disagree" }));
  return box;
}

/** The conflicts a summary sentence states one side of, as the report marks them. */
function conflictsOf(sentence, report) {
  const all = Array.isArray(report.comparison?.conflicts) ? report.comparison.conflicts : [];
  return Array.isArray(sentence.conflicts) ? sentence.conflicts.map((k) => all[k]).filter(Boolean) : [];
}

function conflictNote(conflict) {
  const values = (conflict.values || []).map((v) => `${v.text} (${sourceNames(v.citations) || "?"})`);
  const subject = conflictSubject(conflict);
  return `${subject ? `${subject}: ` : ""}${values.join(" vs ")}`;
}

/** Whether summary sentence b is the source sentence right after a's, in the same article. */
function followsInSource(a, b) {
  return Boolean(
    a?.from && b?.from && a.from.articleId === b.from.articleId && b.from.sentence === a.from.sentence + 1,
  );
}

/** "2026-03-11 11:30 UTC" for "2026-03-11T11:30:00.000Z"; the date alone at midnight UTC (as the CLI writes it). */
function readableTime(iso) {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    String(iso).trim(),
  );
  if (!m) return String(iso);
  const [, day, hh, mm, zone] = m;
  if (hh === "00" && mm === "00" && (zone === "Z" || zone === undefined)) return day;
  const tz = zone === undefined ? "" : zone === "Z" ? " UTC" : ` UTC${zone}`;
  return `${day} ${hh}:${mm}${tz}`;
}

function renderSummary(report) {
  const box = $("summary");
  box.replaceChildren();
  const summary = report.summary;
  $("summary-sec").hidden = !summary;
  if (!summary) return;
  const sentences = summary.sentences || [];
  $("summary-meta").textContent =
    sentences.length > 0
      ? `${summary.words} words from ${report.articles.length} article${report.articles.length === 1 ? "" : "s"}. Hover or focus a [number] to see the source sentence.`
      : "No sentence could be used for a summary: a summary sentence has at least 6 words and ends with a full stop, question or exclamation mark; captions and headings without a verb are left out.";
  let previous = null;
  let para = null;
  // a quotation that goes on in the next summary sentence is cited once, after its end
  let held = [];
  let quoteOpen = false;
  sentences.forEach((s, k) => {
    const follows = Boolean(para && previous && followsInSource(previous, s));
    if (!follows) {
      held = [];
      quoteOpen = false;
    }
    quoteOpen = quoteOpenAfter(String(s.text), quoteOpen);
    const next = sentences[k + 1];
    const runsOn = quoteOpen && next !== undefined && followsInSource(s, next);
    const own = Array.isArray(s.support) && s.support.length > 0 ? s.support : [s.from];
    const here = conflictsOf(s, report);
    const sentence = el("span", { cls: "sent" }, document.createTextNode(`${s.text} `));
    if (runsOn) held = [...held, ...own];
    else {
      const support = [...held, ...own];
      sentence.append(citeButtons(support), markers(support, here));
      held = [];
    }
    for (const k of here) sentence.append(el("span", { cls: "note", text: conflictNote(k) }));
    // Sentences that follow each other in their article share a paragraph (a quotation over two
    // sentences reads as one); each keeps its own citations.
    if (follows) para.append(document.createTextNode(" "), sentence);
    else {
      para = el("p", { cls: "para" }, sentence);
      box.append(para);
    }
    previous = s;
  });
}

/**
 * Whether a quotation is open after `text`, starting from `open` (as the server reads quotes: curly and
 * straight marks, German „…“ and »…«, a mark after a word and before a space closing).
 */
function quoteOpenAfter(text, open) {
  let state = open;
  const closing = (i) =>
    i > 0 &&
    !/\s/.test(text[i - 1]) &&
    (i + 1 >= text.length || /[\s,.;:!?)\]\u2014\u2013-]/.test(text[i + 1]));
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\u201c" || c === "\u00ab") state = !(state && closing(i));
    else if (c === "\u201e") state = true;
    else if (c === "\u201d") state = false;
    else if (c === "\u00bb") state = !state && !closing(i) && /\S/.test(text[i + 1] || "");
    else if (c === '"') state = !state;
  }
  return state;
}

function formatDate(event) {
  const d = String(event.date || "");
  const months = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d);
  if (!m) return d;
  const [, y, mo, da] = m;
  const month = mo ? months[Number(mo) - 1] : undefined;
  const one =
    event.granularity === "year" || !month
      ? y
      : event.granularity === "month" || !da
        ? `${month} ${y}`
        : `${Number(da)} ${month} ${y}`;
  return event.end && event.end !== event.date
    ? `${one} – ${formatDate({ ...event, date: event.end, end: undefined })}`
    : one;
}

/** A sentence as text nodes; the person an opening "He"/"She" means (`antecedent`) is shown after it. */
function namedText(x) {
  const text = String(x.text);
  const cut = text.search(/\s/);
  if (typeof x.antecedent !== "string" || cut < 0) return [document.createTextNode(`${text} `)];
  return [
    document.createTextNode(text.slice(0, cut)),
    el("span", {
      cls: "antecedent",
      text: ` [${x.antecedent}]`,
      attrs: { title: "who the sentence before names" },
    }),
    document.createTextNode(`${text.slice(cut)} `),
  ];
}

function renderTimeline(report) {
  const list = $("timeline");
  list.replaceChildren();
  const events = Array.isArray(report.timeline) ? report.timeline : null;
  $("timeline-sec").hidden = !events;
  if (!events) return;
  if (events.length === 0) list.append(el("li", { cls: "empty", text: "No dated events found." }));
  // a sentence that dates two events ("one warrant in 2009 and another in 2010") is listed once, with both
  const groups = new Map();
  for (const e of events) {
    const key = `${e.text}\u0000${articlesOf(e.citations).join(",")}`;
    groups.set(key, [...(groups.get(key) || []), e]);
  }
  for (const [e, ...also] of groups.values()) {
    const times = [e, ...also].map((x) =>
      el("time", {
        text: formatDate(x),
        attrs: { datetime: /^\d{4}(-\d{2}){0,2}$/.test(x.date) ? x.date : undefined },
      }),
    );
    list.append(
      el(
        "li",
        {},
        el("span", { cls: "when" }, ...times.flatMap((t, k) => (k === 0 ? [t] : ["; ", t]))),
        el(
          "span",
          { cls: "what" },
          ...namedText(e),
          citeButtons(e.citations || []),
          markers(e.citations || []),
        ),
      ),
    );
  }
}

function speakerName(q) {
  return typeof q.speaker === "object" && q.speaker ? q.speaker.name : "Unattributed";
}

function quoteCitations(q) {
  return (q.mentions || []).map((m) => sentenceAt(m.articleId, m.start, m.end));
}

/** The sentence holding offsets [start, end) of an article, as a citation (the highlight unit is a sentence). */
function sentenceAt(articleId, start, end) {
  const info = state.articles.get(articleId);
  const s = info?.article.sentences.find((x) => x.start <= start && start < x.end);
  return s ? { articleId, start: s.start, end: s.end } : { articleId, start, end };
}

function renderQuotes(report) {
  const box = $("quotes");
  box.replaceChildren();
  const quotes = Array.isArray(report.quotes) ? report.quotes : null;
  $("quotes-sec").hidden = !quotes;
  if (!quotes) return;
  if (quotes.length === 0) box.append(el("p", { cls: "empty", text: "No quotes found." }));
  const bySpeaker = new Map();
  for (const q of quotes) {
    if (q.variantOf) continue;
    const name = speakerName(q);
    const list = bySpeaker.get(name) || [];
    list.push(q);
    bySpeaker.set(name, list);
  }
  const names = [...bySpeaker.keys()].sort(
    (a, b) =>
      (a === "Unattributed") - (b === "Unattributed") || bySpeaker.get(b).length - bySpeaker.get(a).length,
  );
  for (const name of names) {
    const group = el("div", { cls: "speaker" }, el("h3", { text: name }));
    const list = el("ul", { cls: "quotes" });
    for (const q of bySpeaker.get(name)) {
      const cites = quoteCitations(q);
      list.append(
        el(
          "li",
          {},
          el("q", { text: q.text }),
          document.createTextNode(" "),
          citeButtons(cites),
          markers(cites),
        ),
      );
    }
    group.append(list);
    box.append(group);
  }
}

const ENTITY_TYPES = [
  ["person", "People"],
  ["organization", "Organizations"],
  ["place", "Places"],
  ["other", "Other"],
];

function renderEntities(report) {
  const box = $("entities");
  box.replaceChildren();
  const entities = Array.isArray(report.entities) ? report.entities : null;
  $("entities-sec").hidden = !entities;
  if (!entities) return;
  if (entities.length === 0) box.append(el("p", { cls: "empty", text: "No names found." }));
  for (const [type, heading] of ENTITY_TYPES) {
    const ofType = entities.filter((e) => (e.type || "other") === type);
    if (ofType.length === 0) continue;
    const list = el("ul", { cls: "entities" });
    const render = (e) => {
      const mentions = Array.isArray(e.mentions) ? e.mentions : [];
      const cites = mentions.map((m) => sentenceAt(m.articleId, m.start, m.end));
      const firstPerArticle = articlesOf(cites).map((id) => cites.find((c) => c.articleId === id));
      const extra = [];
      if (Array.isArray(e.roles) && e.roles.length > 0) extra.push(e.roles.join(", "));
      const aliases = (e.aliases || []).filter((a) => a !== e.name);
      if (aliases.length > 0) extra.push(`also “${aliases.join("”, “")}”`);
      return el(
        "li",
        {},
        el("strong", { text: e.name }),
        extra.length > 0 ? el("span", { cls: "sub", text: ` — ${extra.join("; ")}` }) : null,
        el("span", {
          cls: "count",
          text: ` ${mentions.length} mention${mentions.length === 1 ? "" : "s"} `,
        }),
        citeButtons(firstPerArticle),
      );
    };
    appendLimited(list, ofType, render, 10);
    box.append(el("h3", { text: heading }), list);
  }
}

/** Long lists of facts show this many items before a "Show more" button. */
const SHOW_FIRST = 5;

/** Appends the first `first` rendered items, then a button that adds the rest (and focuses the first added). */
function appendLimited(list, items, render, first) {
  const shown = items.length > first + 1 ? first : items.length;
  for (const item of items.slice(0, shown)) list.append(render(item));
  if (shown === items.length) return;
  const more = el("button", {
    cls: "link",
    text: `Show ${items.length - shown} more`,
    attrs: { type: "button" },
  });
  const holder = el("li", { cls: "more" }, more);
  more.addEventListener("click", () => {
    const rest = items.slice(shown).map(render);
    holder.replaceWith(...rest);
    rest[0]?.querySelector("button")?.focus();
  });
  list.append(holder);
}

function renderComparison(report) {
  const box = $("comparison");
  box.replaceChildren();
  const cmp = report.comparison && typeof report.comparison === "object" ? report.comparison : null;
  $("comparison-sec").hidden = !cmp;
  if (!cmp) return;
  const conflicts = Array.isArray(cmp.conflicts) ? cmp.conflicts : [];
  const agreed = Array.isArray(cmp.agreed) ? cmp.agreed : [];
  const unique = Array.isArray(cmp.unique) ? cmp.unique : [];
  const block = (heading, cls, items, render) => {
    box.append(el("h3", { text: `${heading} (${items.length})` }));
    const list = el("ul", { cls: `facts ${cls}` });
    if (items.length === 0) list.append(el("li", { cls: "empty", text: "None found." }));
    appendLimited(list, items, render, SHOW_FIRST);
    box.append(list);
  };
  block("Sources disagree", "warn", conflicts, (k) => {
    const li = el(
      "li",
      {},
      el("span", { cls: "badge warn", text: k.kind || "conflict" }),
      el("strong", { text: ` ${conflictSubject(k)}` }),
    );
    const values = el("ul", { cls: "values" });
    for (const v of k.values || [])
      values.append(
        el(
          "li",
          {},
          el("span", { cls: "value", text: v.text }),
          document.createTextNode(` — ${sourceNames(v.citations)} `),
          citeButtons(v.citations || []),
        ),
      );
    li.append(values);
    return li;
  });
  const fact = (f) =>
    el("li", {}, ...namedText(f), citeButtons(f.citations || []), markers(f.citations || []));
  block("Confirmed by several sources", "ok", agreed, fact);
  block("Only in one source", "solo", unique, fact);
}

function renderSources(report) {
  const box = $("sources");
  box.replaceChildren();
  state.articles.clear();
  report.articles.forEach((a, k) => {
    const number = k + 1;
    const spans = new Map();
    const body = el("div", { cls: "text" });
    let at = 0;
    for (const [i, s] of (a.sentences || []).entries()) {
      if (s.start > at) body.append(document.createTextNode(a.text.slice(at, s.start)));
      const span = el("span", {
        cls: "s",
        text: a.text.slice(s.start, s.end),
        attrs: { "data-sentence": String(i) },
      });
      spans.set(s.start, span);
      body.append(span);
      at = s.end;
    }
    if (at < a.text.length) body.append(document.createTextNode(a.text.slice(at)));
    const original = a.copyOf ? state.articles.get(a.copyOf) : undefined;
    const meta = [
      a.title ? "" : a.id,
      a.outlet,
      a.author,
      a.published && readableTime(a.published),
      a.place,
      original ? `copy of source ${original.number}` : "",
    ]
      .filter(Boolean)
      .join(" · ");
    const summaryLine = el(
      "summary",
      {},
      el("span", { cls: "num", text: `[${number}] ` }),
      el("span", { cls: "title", text: a.title || leadOf(a) || a.id }),
    );
    const details = el("details", { attrs: { id: `source-${number}` } }, summaryLine);
    if (meta) details.append(el("p", { cls: "meta", text: meta }));
    if (a.url && /^https?:\/\//i.test(a.url))
      details.append(
        el(
          "p",
          { cls: "meta" },
          el("a", {
            text: a.url,
            attrs: { href: a.url, rel: "noopener noreferrer nofollow", target: "_blank" },
          }),
        ),
      );
    details.append(body);
    details.open = report.articles.length <= 3;
    box.append(details);
    state.articles.set(a.id, { number, article: a, spans, node: details });
  });
}

function renderReport(report) {
  if (!report || !Array.isArray(report.articles)) throw new Error("the server sent an unexpected answer");
  state.report = report;
  clearHighlight();
  const preview = $("preview");
  preview.hidden = true;
  $("summary-sec").append(preview); // it may sit in a list about to be rebuilt
  renderSources(report);
  renderSummary(report);
  renderTimeline(report);
  renderQuotes(report);
  renderEntities(report);
  renderComparison(report);
  const nav = $("jump");
  nav.replaceChildren();
  for (const id of ["summary", "timeline", "quotes", "entities", "comparison"]) {
    const sec = $(`${id}-sec`);
    if (sec.hidden) continue;
    const label = id === "comparison" ? "Agree / disagree" : id[0].toUpperCase() + id.slice(1);
    nav.append(el("a", { text: label, attrs: { href: `#${id}-sec` } }));
  }
  $("report").hidden = false;
}

/** When the articles tell several stories: which one is shown, and a choice of the others. */
function renderStories(stories) {
  const bar = $("stories-bar");
  const list = Array.isArray(stories) ? stories : [];
  bar.hidden = list.length < 2;
  if (list.length < 2) return;
  $("story-count").textContent = String(list.length);
  const select = /** @type {HTMLSelectElement} */ ($("story"));
  select.replaceChildren(
    ...list.map((s) =>
      el("option", {
        text: `${s.title} (${s.articles.length} ${s.articles.length === 1 ? "article" : "articles"})`,
        attrs: { value: String(s.story) },
      }),
    ),
  );
  select.value = String(state.story);
}

// ---------- wiring ----------

function wire() {
  $("form").addEventListener("submit", summarize);
  $("story").addEventListener("change", (e) => {
    state.story = Number(/** @type {HTMLSelectElement} */ (e.target).value) || 1;
    /** @type {HTMLFormElement} */ ($("form")).requestSubmit();
  });
  $("paste").addEventListener("input", inputChanged);
  $("cluster").addEventListener("change", inputChanged);
  $("files").addEventListener("change", async (e) => {
    const input = /** @type {HTMLInputElement} */ (e.target);
    await addFiles([...(input.files || [])]);
    input.value = "";
  });
  const drop = $("drop");
  for (const type of ["dragenter", "dragover"])
    drop.addEventListener(type, (e) => {
      e.preventDefault();
      drop.classList.add("over");
    });
  for (const type of ["dragleave", "drop"]) drop.addEventListener(type, () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    void addFiles([...(e.dataTransfer?.files || [])]);
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      clearHighlight();
      $("preview").hidden = true;
    }
  });
  void loadStories();
}

wire();
