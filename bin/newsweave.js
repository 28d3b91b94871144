#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: no build step on the user's side.
import { register } from "tsx/esm/api";

// A reader that stops early (`newsweave … | head`) is not an error.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
