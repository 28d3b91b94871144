// Worker-thread entry: the sources are TypeScript run through tsx, so register it before loading them.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
