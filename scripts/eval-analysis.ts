/**
 * Scores the analysis stages against the hand-made gold in test/gold/*.json and prints one section per
 * analysis (entities, quotes, speed). Gold spans are character offsets into the CLEANED text made by
 * `prepare`, each with a short excerpt: when cleaning changes, spans are re-anchored on their excerpt and
 * the drift is reported.
 *
 *   node --import tsx scripts/eval-analysis.ts [--verbose] [--json] [--only quotes,entities]
 *                                              [--split dev|heldout|blind|all] [gold.json …]
 *
 * Each section is printed for the development gold (used while writing the extractors), the held-out
 * gold (annotated blind, then used for one round of general fixes), the blind gold (annotated before the
 * extractors ran on it and never used to change them) and all together.
 *
 * Adding an analysis (timeline, conflicts): write a `Section` (name + run over the loaded cases) and
 * append it to SECTIONS; a gold file may carry extra top-level fields for it (e.g. "events").
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Entity, extractEntities } from "../src/analyze/entities.ts";
import { normKey } from "../src/analyze/gazetteer.ts";
import { extractQuotes, type Quote, type Speaker } from "../src/analyze/quotes.ts";
import { NewsweaveError } from "../src/errors.ts";
import { ingestPath } from "../src/ingest/index.ts";
import { readJsonlClusters } from "../src/ingest/jsonl.ts";
import { prepare } from "../src/pipeline.ts";
import type { Doc } from "../src/types.ts";

// ---------------------------------------------------------------- gold files

type SpanTuple = [number, number, string];

export interface GoldQuote {
  id: string;
  doc: number;
  parts: SpanTuple[];
  /** Accepted speakers: a canonical name, "desc:<head noun>" for a described speaker, or "unattributed". */
  speaker: string[];
  kind: "full" | "partial";
  /** Same statement, same words, in several articles. */
  group?: string;
  /** This quote renders the statement of `group` <variantOf> in other words. */
  variantOf?: string;
  /** Neither required nor counted as an error when found (repeats, one-word quotes, lyrics…). */
  optional?: string;
}

export interface GoldEntity {
  id: string;
  name: string;
  type: "person" | "organization" | "place" | "other";
  mentions: Array<[number, number, number, string]>;
}

export interface GoldFile {
  name: string;
  /**
   * "dev": used while building the extractors; "heldout": annotated before the extractors first ran on
   * it, then used for one round of general fixes; "blind": annotated before the extractors ran on it and
   * never used for changes.
   */
  split?: "dev" | "heldout" | "blind";
  source: { kind: "dir"; path: string } | { kind: "jsonl"; path: string; cluster: string };
  docs: Array<{ index: number; id: string; length: number }>;
  skipDocs?: number[];
  quotes: GoldQuote[];
  nonquotes: Array<{ doc: number; start: number; end: number; excerpt: string; why: string }>;
  entities?: GoldEntity[];
  [extra: string]: unknown;
}

export interface Case {
  gold: GoldFile;
  docs: Doc[];
  /** Gold spans found at another offset (re-anchored) and spans not found at all. */
  drifted: number;
  lost: number;
}

interface Options {
  verbose: boolean;
  json: boolean;
  only: Set<string> | undefined;
  split: string | undefined;
  files: string[];
}

const GOLD_DIR = "test/gold";

function parseArgs(argv: string[]): Options {
  const o: Options = { verbose: false, json: false, only: undefined, split: undefined, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--verbose" || a === "-v") o.verbose = true;
    else if (a === "--json") o.json = true;
    else if (a === "--only") o.only = new Set((argv[++i] ?? "").split(","));
    else if (a === "--split") o.split = argv[++i];
    else if (a.startsWith("--")) throw new NewsweaveError("USAGE", `unknown option ${a}`);
    else o.files.push(a);
  }
  if (o.files.length === 0) {
    o.files = readdirSync(GOLD_DIR)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => join(GOLD_DIR, f));
  }
  return o;
}

const clusterFiles = new Map<string, Map<string, Doc[]>>();

async function loadDocs(gold: GoldFile): Promise<Doc[]> {
  const src = gold.source;
  if (src.kind === "dir") {
    const r = await ingestPath(src.path);
    return prepare(r.articles);
  }
  let byId = clusterFiles.get(src.path);
  if (!byId) {
    byId = new Map();
    const read = readJsonlClusters(readFileSync(src.path, "utf8"), src.path);
    for (const c of read.clusters) byId.set(c.id, prepare(c.articles));
    clusterFiles.set(src.path, byId);
  }
  const docs = byId.get(src.cluster);
  if (!docs)
    throw new NewsweaveError("NOT_FOUND", `cluster ${src.cluster} not in ${src.path}`, { file: src.path });
  return docs;
}

/** Finds a gold span again when cleaning moved it: the excerpt's nearest occurrence. */
function anchor(
  text: string,
  start: number,
  end: number,
  excerpt: string,
  c: Case,
): [number, number] | undefined {
  if (text.startsWith(excerpt, start)) return [start, end];
  let best = -1;
  for (let k = text.indexOf(excerpt); k >= 0; k = text.indexOf(excerpt, k + 1)) {
    if (best < 0 || Math.abs(k - start) < Math.abs(best - start)) best = k;
  }
  if (best < 0) {
    c.lost++;
    return undefined;
  }
  c.drifted++;
  return [best, best + (end - start)];
}

async function loadCase(file: string): Promise<Case> {
  const gold = JSON.parse(readFileSync(file, "utf8")) as GoldFile;
  const docs = await loadDocs(gold);
  const c: Case = { gold, docs, drifted: 0, lost: 0 };
  if (docs.length !== gold.docs.length) {
    throw new NewsweaveError("BAD_FIELD", `${file}: ${docs.length} documents, gold has ${gold.docs.length}`, {
      file,
    });
  }
  // re-anchor every span on its excerpt
  for (const q of gold.quotes) {
    const text = docs[q.doc]!.article.text;
    q.parts = q.parts
      .map(([s, e, x]) => {
        const a = anchor(text, s, e, x, c);
        return a ? ([a[0], a[1], x] as SpanTuple) : undefined;
      })
      .filter((p): p is SpanTuple => p !== undefined);
  }
  for (const n of gold.nonquotes) {
    const a = anchor(docs[n.doc]!.article.text, n.start, n.end, n.excerpt, c);
    if (a) [n.start, n.end] = a;
  }
  for (const e of gold.entities ?? []) {
    e.mentions = e.mentions
      .map(([d, s, en, x]) => {
        const a = anchor(docs[d]!.article.text, s, en, x, c);
        return a ? ([d, a[0], a[1], x] as [number, number, number, string]) : undefined;
      })
      .filter((m): m is [number, number, number, string] => m !== undefined);
  }
  return c;
}

// ---------------------------------------------------------------- shared helpers

export interface SectionReport {
  lines: string[];
  metrics: Record<string, number>;
}

export interface Section {
  name: string;
  run(cases: Case[], opts: Options): SectionReport;
}

/** Results of the analysis per case, computed once and shared by the sections. */
const cache = new Map<Case, { entities: Entity[]; quotes: Quote[] }>();

function analyse(c: Case): { entities: Entity[]; quotes: Quote[] } {
  let r = cache.get(c);
  if (!r) {
    const docs = c.docs.filter((_, i) => !c.gold.skipDocs?.includes(i));
    const entities = extractEntities(docs);
    const quotes = extractQuotes(docs, entities);
    r = { entities, quotes };
    cache.set(c, r);
  }
  return r;
}

function pct(n: number, d: number): string {
  return d === 0 ? "   n/a" : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function overlap(
  a: ReadonlyArray<readonly [number, number]>,
  b: ReadonlyArray<readonly [number, number]>,
): number {
  let n = 0;
  for (const [s1, e1] of a) for (const [s2, e2] of b) n += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return n;
}

function length(a: ReadonlyArray<readonly [number, number]>): number {
  let n = 0;
  for (const [s, e] of a) n += e - s;
  return n;
}

// ---------------------------------------------------------------- quotes

function nameTokens(s: string): string[] {
  return normKey(s)
    .replace(/[^a-z0-9 ]/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 1 && !["co", "inc", "corp", "ltd", "the"].includes(w));
}

/** Does a predicted speaker match one of the accepted gold answers? */
export function speakerMatches(pred: Speaker, gold: readonly string[]): boolean {
  for (const g of gold) {
    if (g === "unattributed") {
      if (pred === "unattributed") return true;
      continue;
    }
    if (pred === "unattributed") continue;
    if (g.startsWith("desc:")) {
      const head = g.slice(5).toLowerCase();
      if (new RegExp(`\\b${head}`, "i").test(pred.name)) return true;
      continue;
    }
    const a = nameTokens(pred.name);
    const b = nameTokens(g);
    if (a.length === 0 || b.length === 0) continue;
    if (a.join(" ") === b.join(" ")) return true;
    const [small, big] = a.length <= b.length ? [a, b] : [b, a];
    if (small.length >= 2 && small.every((w) => big.includes(w))) return true;
  }
  return false;
}

interface PredQuote {
  quote: Quote;
  doc: number;
  parts: Array<[number, number]>;
}

const quotesSection: Section = {
  name: "quotes",
  run(cases, opts) {
    const lines: string[] = [];
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let spk = 0;
    let fpNonquote = 0;
    let ignored = 0;
    const byKind = { full: [0, 0], partial: [0, 0] } as Record<string, [number, number]>;
    let samePairs = 0;
    let samePairsFound = 0;
    let predSamePairs = 0;
    let predSameCorrect = 0;
    let varPairs = 0;
    let varFound = 0;
    let predVar = 0;
    let predVarCorrect = 0;
    const detail: string[] = [];
    const perFile: string[] = [];
    for (const c of cases) {
      const { quotes } = analyse(c);
      const idToDoc = new Map(c.docs.map((d, i) => [d.article.id, i] as const));
      const preds: PredQuote[] = [];
      for (const q of quotes) {
        for (const m of q.mentions) {
          const doc = idToDoc.get(m.articleId);
          if (doc === undefined || c.gold.skipDocs?.includes(doc)) continue;
          preds.push({ quote: q, doc, parts: m.parts.map((p) => [p.start, p.end]) });
        }
      }
      const golds = c.gold.quotes.filter((g) => g.parts.length > 0);
      // greedy one-to-one matching by overlap
      const pairs: Array<{ p: number; g: number; ov: number }> = [];
      preds.forEach((p, pi) => {
        golds.forEach((g, gi) => {
          if (g.doc !== p.doc) return;
          const gp = g.parts.map(([s, e]) => [s, e] as [number, number]);
          const ov = overlap(p.parts, gp);
          if (ov >= 0.5 * length(gp) && ov >= 0.5 * length(p.parts)) pairs.push({ p: pi, g: gi, ov });
        });
      });
      pairs.sort((a, b) => b.ov - a.ov);
      const pUsed = new Map<number, number>();
      const gUsed = new Map<number, number>();
      for (const x of pairs) {
        if (pUsed.has(x.p) || gUsed.has(x.g)) continue;
        pUsed.set(x.p, x.g);
        gUsed.set(x.g, x.p);
      }
      let fTp = 0;
      let fFp = 0;
      let fFn = 0;
      let fSpk = 0;
      preds.forEach((p, pi) => {
        const gi = pUsed.get(pi);
        const text = c.docs[p.doc]!.article.text;
        const sp = p.quote.speaker === "unattributed" ? "unattributed" : p.quote.speaker.name;
        if (gi === undefined) {
          fFp++;
          const nq = c.gold.nonquotes.some(
            (n) => n.doc === p.doc && overlap(p.parts, [[n.start, n.end]]) > 0,
          );
          if (nq) fpNonquote++;
          detail.push(
            `  FP ${c.gold.name}#${p.doc}@${p.parts[0]![0]}${nq ? " (marked non-quote)" : ""} [${sp}] ${text.slice(p.parts[0]![0], p.parts[0]![0] + 60)}`,
          );
          return;
        }
        const g = golds[gi]!;
        if (g.optional) {
          ignored++;
          return;
        }
        fTp++;
        byKind[g.kind]![1]++;
        if (speakerMatches(p.quote.speaker, g.speaker)) fSpk++;
        else
          detail.push(
            `  SPEAKER ${c.gold.name}#${g.doc}@${g.parts[0]![0]} gold=${g.speaker.join("|")} pred=${sp}: ${g.parts[0]![2]}`,
          );
      });
      golds.forEach((g, gi) => {
        if (g.optional) return;
        byKind[g.kind]![0]++;
        if (!gUsed.has(gi)) {
          fFn++;
          detail.push(
            `  FN ${c.gold.name}#${g.doc}@${g.parts[0]![0]} [${g.speaker.join("|")}] ${g.parts[0]![2]}`,
          );
        }
      });
      tp += fTp;
      fp += fFp;
      fn += fFn;
      spk += fSpk;
      // merging across outlets and variants: pairs of matched gold quotes in different articles
      const matched = golds.map((g, gi) => ({ g, p: gUsed.has(gi) ? preds[gUsed.get(gi)!]! : undefined }));
      for (let i = 0; i < matched.length; i++) {
        for (let j = i + 1; j < matched.length; j++) {
          const a = matched[i]!;
          const b = matched[j]!;
          if (a.g.optional || b.g.optional) continue;
          const same = a.g.group !== undefined && a.g.group === b.g.group;
          const variant =
            !same &&
            ((a.g.variantOf !== undefined &&
              (a.g.variantOf === b.g.group || a.g.variantOf === b.g.variantOf)) ||
              (b.g.variantOf !== undefined && b.g.variantOf === a.g.group));
          if (!a.p || !b.p) {
            if (same && a.g.doc !== b.g.doc) samePairs++;
            if (variant) varPairs++;
            continue;
          }
          const pSame = a.p.quote.id === b.p.quote.id;
          const pVar = !pSame && a.p.quote.group !== undefined && a.p.quote.group === b.p.quote.group;
          const where = (x: typeof a) => `#${x.g.doc}@${x.g.parts[0]![0]} ${x.g.parts[0]![2]}`;
          if (same && a.g.doc !== b.g.doc) {
            samePairs++;
            if (pSame) samePairsFound++;
            else detail.push(`  NOT MERGED ${c.gold.name}${where(a)}  |  ${where(b)}`);
          }
          if (pSame && a.g.doc !== b.g.doc) {
            predSamePairs++;
            if (same) predSameCorrect++;
            else detail.push(`  WRONG MERGE ${c.gold.name}${where(a)}  |  ${where(b)}`);
          }
          if (variant) {
            varPairs++;
            if (pVar) varFound++;
          }
          if (pVar) {
            predVar++;
            if (variant) predVarCorrect++;
          }
        }
      }
      const req = golds.filter((g) => !g.optional).length;
      perFile.push(
        `  ${c.gold.name.padEnd(14)} gold ${String(req).padStart(3)}  found ${String(fTp).padStart(3)}  false ${String(fFp).padStart(2)}  speaker ok ${String(fSpk).padStart(3)}`,
      );
    }
    const p = tp / Math.max(1, tp + fp);
    const r = tp / Math.max(1, tp + fn);
    lines.push(`gold quotes (required): ${tp + fn}   optional matches ignored: ${ignored}`);
    lines.push(
      `precision      ${pct(tp, tp + fp)}  (${tp} correct of ${tp + fp} predicted; ${fpNonquote} false ones are marked non-quotes)`,
    );
    lines.push(`recall         ${pct(tp, tp + fn)}  (${tp} of ${tp + fn})`);
    lines.push(`F1             ${(100 * f1(p, r)).toFixed(1).padStart(5)}%`);
    lines.push(`speaker        ${pct(spk, tp)}  (${spk} of ${tp} found quotes)`);
    lines.push(
      `recall by kind full ${pct(byKind.full![1], byKind.full![0])} (${byKind.full![1]}/${byKind.full![0]})   partial ${pct(byKind.partial![1], byKind.partial![0])} (${byKind.partial![1]}/${byKind.partial![0]})`,
    );
    lines.push(
      `same quote in several outlets merged: recall ${pct(samePairsFound, samePairs)} (${samePairsFound}/${samePairs} pairs)  precision ${pct(predSameCorrect, predSamePairs)} (${predSameCorrect}/${predSamePairs})`,
    );
    lines.push(
      `reworded variants linked: recall ${pct(varFound, varPairs)} (${varFound}/${varPairs} pairs)  precision ${pct(predVarCorrect, predVar)} (${predVarCorrect}/${predVar})`,
    );
    lines.push(...perFile);
    if (opts.verbose) lines.push(...detail);
    return {
      lines,
      metrics: {
        quotes: tp + fn,
        precision: p,
        recall: r,
        speakerAccuracy: tp ? spk / tp : 0,
        mergeRecall: samePairs ? samePairsFound / samePairs : 0,
        variantRecall: varPairs ? varFound / varPairs : 0,
      },
    };
  },
};

// ---------------------------------------------------------------- entities

const entitiesSection: Section = {
  name: "entities",
  run(cases, opts) {
    const lines: string[] = [];
    let goldMentions = 0;
    let predMentions = 0;
    let matchedN = 0;
    let typeOk = 0;
    let predMatched = 0;
    // B-cubed and pairwise over matched mentions
    let b3p = 0;
    let b3r = 0;
    let pairTp = 0;
    let pairPred = 0;
    let pairGold = 0;
    const detail: string[] = [];
    const perFile: string[] = [];
    const confusion = new Map<string, number>();
    for (const c of cases) {
      if (!c.gold.entities) continue;
      const { entities } = analyse(c);
      const idToDoc = new Map(c.docs.map((d, i) => [d.article.id, i] as const));
      const preds: Array<{ doc: number; s: number; e: number; entity: Entity }> = [];
      for (const e of entities) {
        for (const m of e.mentions) {
          const doc = idToDoc.get(m.articleId);
          if (doc === undefined) continue;
          preds.push({ doc, s: m.start, e: m.end, entity: e });
        }
      }
      const golds: Array<{ doc: number; s: number; e: number; ent: GoldEntity }> = [];
      for (const g of c.gold.entities)
        for (const [doc, s, e] of g.mentions) golds.push({ doc, s, e, ent: g });
      goldMentions += golds.length;
      predMentions += preds.length;
      const pairs: Array<{ p: number; g: number; ov: number }> = [];
      preds.forEach((p, pi) => {
        golds.forEach((g, gi) => {
          if (g.doc !== p.doc) return;
          const ov = Math.max(0, Math.min(p.e, g.e) - Math.max(p.s, g.s));
          if (ov > 0 && ov >= 0.5 * Math.max(p.e - p.s, g.e - g.s)) pairs.push({ p: pi, g: gi, ov });
        });
      });
      pairs.sort((a, b) => b.ov - a.ov);
      const pUsed = new Set<number>();
      const gToP = new Map<number, number>();
      for (const x of pairs) {
        if (pUsed.has(x.p) || gToP.has(x.g)) continue;
        pUsed.add(x.p);
        gToP.set(x.g, x.p);
      }
      predMatched += pUsed.size;
      let fMatched = 0;
      let fType = 0;
      const m: Array<{ gold: string; pred: string }> = [];
      golds.forEach((g, gi) => {
        const pi = gToP.get(gi);
        const text = c.docs[g.doc]!.article.text;
        if (pi === undefined) {
          detail.push(`  MISSED ${c.gold.name}#${g.doc}@${g.s} ${text.slice(g.s, g.e)} (${g.ent.type})`);
          return;
        }
        const p = preds[pi]!;
        fMatched++;
        if (p.entity.type === g.ent.type) fType++;
        else {
          const k = `${g.ent.type}→${p.entity.type}`;
          confusion.set(k, (confusion.get(k) ?? 0) + 1);
          detail.push(
            `  TYPE ${c.gold.name}#${g.doc}@${g.s} ${text.slice(g.s, g.e)}: gold ${g.ent.type}, pred ${p.entity.type}`,
          );
        }
        m.push({ gold: g.ent.id, pred: p.entity.id });
      });
      for (let pi = 0; pi < preds.length; pi++) {
        if (pUsed.has(pi)) continue;
        const p = preds[pi]!;
        if (opts.verbose)
          detail.push(
            `  EXTRA ${c.gold.name}#${p.doc}@${p.s} ${c.docs[p.doc]!.article.text.slice(p.s, p.e)} → ${p.entity.name} (${p.entity.type})`,
          );
      }
      matchedN += fMatched;
      typeOk += fType;
      // clustering scores over the matched mentions
      for (let i = 0; i < m.length; i++) {
        let sameG = 0;
        let sameP = 0;
        let both = 0;
        for (let j = 0; j < m.length; j++) {
          const g = m[i]!.gold === m[j]!.gold;
          const p = m[i]!.pred === m[j]!.pred;
          if (g) sameG++;
          if (p) sameP++;
          if (g && p) both++;
          if (j > i) {
            if (g) pairGold++;
            if (p) pairPred++;
            if (g && p) pairTp++;
          }
        }
        b3p += both / sameP;
        b3r += both / sameG;
      }
      // wrongly split / merged gold entities, for the log
      const predOf = new Map<string, Set<string>>();
      const goldOf = new Map<string, Set<string>>();
      for (const x of m) {
        (predOf.get(x.gold) ?? predOf.set(x.gold, new Set()).get(x.gold)!).add(x.pred);
        (goldOf.get(x.pred) ?? goldOf.set(x.pred, new Set()).get(x.pred)!).add(x.gold);
      }
      for (const [g, ps] of predOf)
        if (ps.size > 1) detail.push(`  SPLIT ${c.gold.name} ${g} → ${[...ps].join(", ")}`);
      for (const [p, gs] of goldOf)
        if (gs.size > 1) detail.push(`  MERGED ${c.gold.name} ${p} ← ${[...gs].join(", ")}`);
      perFile.push(
        `  ${c.gold.name.padEnd(14)} mentions ${String(golds.length).padStart(3)}  found ${String(fMatched).padStart(3)}  type ok ${String(fType).padStart(3)}`,
      );
    }
    const bp = matchedN ? b3p / matchedN : 0;
    const br = matchedN ? b3r / matchedN : 0;
    const pp = pairPred ? pairTp / pairPred : 0;
    const pr = pairGold ? pairTp / pairGold : 0;
    lines.push(
      `annotated mentions: ${goldMentions} in ${cases.filter((c) => c.gold.entities).length} clusters`,
    );
    lines.push(
      `mentions found       ${pct(matchedN, goldMentions)}  (${matchedN} of ${goldMentions}; ${predMentions - predMatched} predicted mentions outside the annotation)`,
    );
    lines.push(`type accuracy        ${pct(typeOk, matchedN)}  (${typeOk} of ${matchedN} found mentions)`);
    lines.push(
      `alias merging B3     P ${(100 * bp).toFixed(1)}%  R ${(100 * br).toFixed(1)}%  F1 ${(100 * f1(bp, br)).toFixed(1)}%`,
    );
    lines.push(
      `alias merging pairs  P ${(100 * pp).toFixed(1)}%  R ${(100 * pr).toFixed(1)}%  F1 ${(100 * f1(pp, pr)).toFixed(1)}%  (${pairTp} of ${pairPred} predicted, ${pairGold} gold same-entity pairs)`,
    );
    if (confusion.size > 0)
      lines.push(`type errors (gold→pred): ${[...confusion].map(([k, v]) => `${k} ${v}`).join(", ")}`);
    lines.push(...perFile);
    if (opts.verbose) lines.push(...detail);
    return {
      lines,
      metrics: {
        mentions: goldMentions,
        mentionRecall: goldMentions ? matchedN / goldMentions : 0,
        typeAccuracy: matchedN ? typeOk / matchedN : 0,
        mergeB3F1: f1(bp, br),
        mergePairF1: f1(pp, pr),
      },
    };
  },
};

// ---------------------------------------------------------------- speed

const speedSection: Section = {
  name: "speed",
  run(cases): SectionReport {
    const lines: string[] = [];
    const five = cases.find((c) => c.gold.name === "seeds") ?? cases[0];
    if (!five) return { lines: ["no cases"], metrics: {} };
    const docs = five.docs;
    const runs: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 30; i++) {
      const e0 = extractEntities(docs);
      extractQuotes(docs, e0);
    }
    for (let i = 0; i < 21; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const e = extractEntities(docs);
      extractQuotes(docs, e);
      runs.push(performance.now() - t0);
      const c1 = process.cpuUsage(c0);
      cpu.push((c1.user + c1.system) / 1000);
    }
    runs.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const median = runs[10]!;
    const words = docs.reduce((n, d) => n + d.article.text.split(/\s+/).length, 0);
    lines.push(
      `${five.gold.name}: ${docs.length} articles, ${words} words: entities + quotes median ${median.toFixed(1)} ms wall (min ${runs[0]!.toFixed(1)}, max ${runs[runs.length - 1]!.toFixed(1)}), median ${cpu[10]!.toFixed(1)} ms CPU, 21 runs after 30 warm-up runs`,
    );
    let total = 0;
    let n = 0;
    for (const c of cases) {
      const t0 = performance.now();
      const e = extractEntities(c.docs);
      extractQuotes(c.docs, e);
      total += performance.now() - t0;
      n++;
    }
    lines.push(`all ${n} gold clusters: mean ${(total / Math.max(1, n)).toFixed(1)} ms per cluster`);
    return { lines, metrics: { medianMs: median, medianCpuMs: cpu[10]! } };
  },
};

/** One entry per analysis; other analyses (timeline, conflicts) append theirs here. */
export const SECTIONS: Section[] = [entitiesSection, quotesSection, speedSection];

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const cases: Case[] = [];
  for (const f of opts.files) cases.push(await loadCase(f));
  // the first call in a fresh process pays for building the word lists, compiling regexes and the JIT
  const first = cases.find((c) => c.gold.name === "seeds") ?? cases[0];
  const coldStart = performance.now();
  if (first) analyse(first);
  const cold = performance.now() - coldStart;
  const out: Record<string, Record<string, number>> = {};
  const drift = cases.reduce((n, c) => n + c.drifted, 0);
  const lost = cases.reduce((n, c) => n + c.lost, 0);
  if (!opts.json) {
    console.log(`gold: ${cases.length} files (${cases.map((c) => c.gold.name).join(", ")})`);
    if (drift || lost)
      console.log(`gold drift: ${drift} spans re-anchored, ${lost} not found (cleaning changed?)`);
  }
  const splits: Array<[string, Case[]]> = [
    ["dev", cases.filter((c) => (c.gold.split ?? "dev") === "dev")],
    ["heldout", cases.filter((c) => c.gold.split === "heldout")],
    ["blind", cases.filter((c) => c.gold.split === "blind")],
    ["all", cases],
  ];
  for (const s of SECTIONS) {
    if (opts.only && !opts.only.has(s.name)) continue;
    for (const [split, subset] of splits) {
      if (opts.split && opts.split !== split) continue;
      if (subset.length === 0 || (s.name === "speed" && split !== "all")) continue;
      const r = s.run(subset, opts);
      out[`${s.name}.${split}`] = r.metrics;
      if (!opts.json) {
        console.log(`\n== ${s.name}${s.name === "speed" ? "" : ` (${split}: ${subset.length} clusters)`} ==`);
        for (const l of r.lines) console.log(l);
      }
    }
  }
  if (opts.json) console.log(JSON.stringify({ ...out, drift: { reanchored: drift, lost } }, null, 2));
  else
    console.log(
      `\nfirst call in this process (${first?.gold.name ?? "-"}; cold: word lists, regex compilation, JIT): ${cold.toFixed(0)} ms; total ${(performance.now() - t0).toFixed(0)} ms`,
    );
}

main().catch((e: unknown) => {
  if (e instanceof NewsweaveError) {
    console.error(`eval-analysis: ${e.describe()}`);
    process.exitCode = 2;
  } else {
    console.error(`eval-analysis: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
});
