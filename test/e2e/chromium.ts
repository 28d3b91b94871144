/** Starts Debian's Chromium (installed by .ci/run through apt) for the browser tests, never a downloaded one. */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM = process.env.NEWSWEAVE_CHROMIUM ?? "/usr/bin/chromium";

/** Flags that keep Chromium quiet on a machine without network (no updates, sync, metrics or QUIC). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--metrics-recording-only",
  "--mute-audio",
];

/** Launches headless Chromium; Playwright gives it a fresh temporary profile and removes it on close. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), as .ci/run does`,
    );
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}
