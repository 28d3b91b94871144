import { readFileSync } from "node:fs";
import type { Background } from "../align/represent.ts";
import { NewsweaveError } from "../errors.ts";
import { checkModel, type ScoringModel } from "./model.ts";

/** Shipped resources: the learned scoring model and background document frequencies (from `npm run train`). */
const MODEL_URL = new URL("./data/model.json", import.meta.url);
const BACKGROUND_URL = new URL("./data/background.json", import.meta.url);

let model: ScoringModel | undefined;
let background: Background | undefined;

function readJson(url: URL): unknown {
  try {
    return JSON.parse(readFileSync(url, "utf8"));
  } catch (e) {
    throw new NewsweaveError(
      "INTERNAL",
      `cannot read shipped resource ${url.pathname}: run npm run train`,
      {
        file: url.pathname,
      },
      { cause: e },
    );
  }
}

export function defaultModel(): ScoringModel {
  if (!model) {
    const m = readJson(MODEL_URL) as ScoringModel;
    checkModel(m);
    model = m;
  }
  return model;
}

/** Background stats as stored: parallel arrays keep the file small. */
export interface BackgroundJson {
  docs: number;
  stems: string[];
  df: number[];
  /** Summary-worthiness of each stem, parallel to `stems` (optional). */
  prior?: number[];
  priorDefault?: number;
}

export function backgroundFromJson(data: BackgroundJson): Background {
  const df = new Map<string, number>();
  for (let i = 0; i < data.stems.length; i++) df.set(data.stems[i]!, data.df[i]!);
  let prior: Map<string, number> | undefined;
  if (data.prior) {
    prior = new Map();
    for (let i = 0; i < data.stems.length; i++) {
      const p = data.prior[i];
      if (p !== undefined && p >= 0) prior.set(data.stems[i]!, p);
    }
  }
  return { docs: data.docs, df, prior, priorDefault: data.priorDefault };
}

export function defaultBackground(): Background {
  if (!background) {
    background = backgroundFromJson(
      readJson(BACKGROUND_URL) as { docs: number; stems: string[]; df: number[] },
    );
  }
  return background;
}
