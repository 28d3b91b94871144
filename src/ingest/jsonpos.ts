/**
 * Where JSON text is broken. V8 gives a position for most JSON.parse errors but not all ("Unexpected
 * token 'x', … is not valid JSON", "Unexpected end of JSON input"); this scanner finds the offset of
 * the first offending character itself. It runs only after JSON.parse failed.
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WS = /[ \t\n\r]*/y;

/** 0-based offset of the first JSON syntax error in `text`, or -1 if it is valid JSON. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stack: string[] = [];
  const ws = (): void => {
    WS.lastIndex = i;
    WS.exec(text);
    i = WS.lastIndex;
  };
  /** Scans a string starting at text[i] === '"'; returns the error offset or -1. */
  const string = (): number => {
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return -1;
      }
      if (c < 0x20) return i;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) return text.length;
        if (e === "u") {
          for (let k = 2; k < 6; k++) {
            if (i + k >= text.length) return text.length;
            if (!/[0-9a-fA-F]/.test(text[i + k]!)) return i + k;
          }
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e)) return i + 1;
        i += 2;
        continue;
      }
      i++;
    }
    return text.length;
  };
  /** Parses `"key" :` inside an object; returns the error offset or -1. */
  const key = (): number => {
    ws();
    if (text[i] !== '"') return i;
    const err = string();
    if (err !== -1) return err;
    ws();
    if (text[i] !== ":") return i;
    i++;
    return -1;
  };

  for (;;) {
    // Expecting a value.
    ws();
    if (i >= text.length) return text.length;
    const c = text[i]!;
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") i++;
      else {
        stack.push("{");
        const err = key();
        if (err !== -1) return err;
        continue;
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") i++;
      else {
        stack.push("[");
        continue;
      }
    } else if (c === '"') {
      const err = string();
      if (err !== -1) return err;
    } else if (c === "-" || (c >= "0" && c <= "9")) {
      NUMBER.lastIndex = i;
      if (!NUMBER.exec(text)) return i + 1;
      i = NUMBER.lastIndex;
    } else {
      const word = c === "t" ? "true" : c === "f" ? "false" : c === "n" ? "null" : "";
      if (!word) return i;
      for (let k = 0; k < word.length; k++) {
        if (i + k >= text.length) return text.length;
        if (text[i + k] !== word[k]) return i + k;
      }
      i += word.length;
    }
    // After a value: close containers or move to the next element.
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < text.length ? i : -1;
      if (i >= text.length) return text.length;
      const d = text[i];
      if (d === ",") {
        i++;
        if (top === "{") {
          const err = key();
          if (err !== -1) return err;
        }
        break;
      }
      if ((top === "{" && d === "}") || (top === "[" && d === "]")) {
        stack.pop();
        i++;
        continue;
      }
      return i;
    }
  }
}
