/**
 * A small XML well-formedness check that says where a feed is broken (feedsmith's parser is lenient and
 * its errors carry no position). Checks tag nesting, tag and attribute syntax, and unterminated
 * comments / CDATA / processing instructions. Entity references are not validated.
 */
import { lineColumn } from "./util.ts";

export interface XmlProblem {
  message: string;
  line: number;
  column: number;
}

const NAME = /[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9_:.\u00B7\u00C0-\uFFFF]*/y;
const SPACE = /[ \t\r\n]*/y;

function matchAt(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0] : undefined;
}

/** The first well-formedness problem in `xml`, or undefined if none is found. */
export function findXmlProblem(xml: string): XmlProblem | undefined {
  const stack: Array<{ name: string; at: number }> = [];
  let rootClosed = false;
  const problem = (message: string, at: number): XmlProblem => ({ message, ...lineColumn(xml, at) });

  let i = xml.indexOf("<");
  while (i !== -1) {
    if (xml.startsWith("<!--", i)) {
      const end = xml.indexOf("-->", i + 4);
      if (end === -1) return problem("unterminated comment", i);
      i = xml.indexOf("<", end + 3);
      continue;
    }
    if (xml.startsWith("<![CDATA[", i)) {
      const end = xml.indexOf("]]>", i + 9);
      if (end === -1) return problem("unterminated CDATA section", i);
      i = xml.indexOf("<", end + 3);
      continue;
    }
    if (xml.startsWith("<?", i)) {
      const end = xml.indexOf("?>", i + 2);
      if (end === -1) return problem("unterminated processing instruction", i);
      i = xml.indexOf("<", end + 2);
      continue;
    }
    if (xml.startsWith("<!", i)) {
      // DOCTYPE, possibly with an internal subset in brackets.
      let j = i + 2;
      let depth = 0;
      for (; j < xml.length; j++) {
        const c = xml[j];
        if (c === "[") depth++;
        else if (c === "]") depth--;
        else if (c === ">" && depth <= 0) break;
      }
      if (j >= xml.length) return problem("unterminated declaration", i);
      i = xml.indexOf("<", j + 1);
      continue;
    }
    if (xml[i + 1] === "/") {
      const name = matchAt(NAME, xml, i + 2);
      if (!name) return problem("malformed closing tag", i);
      let j = i + 2 + name.length;
      j += matchAt(SPACE, xml, j)?.length ?? 0;
      if (j >= xml.length) return problem(`unexpected end of input inside </${name}>`, j);
      if (xml[j] !== ">") return problem(`closing tag </${name}> is not terminated by '>'`, i);
      const open = stack.pop();
      if (!open) return problem(`closing tag </${name}> without a matching opening tag`, i);
      if (open.name !== name) {
        const at = lineColumn(xml, open.at);
        return problem(`closing tag </${name}> does not match <${open.name}> opened at line ${at.line}`, i);
      }
      if (stack.length === 0) rootClosed = true;
      i = xml.indexOf("<", j + 1);
      continue;
    }
    const name = matchAt(NAME, xml, i + 1);
    if (!name) return problem("'<' must start a tag (escape it as &lt; in text)", i);
    if (rootClosed && stack.length === 0) return problem(`second root element <${name}>`, i);
    let j = i + 1 + name.length;
    let selfClosing = false;
    for (;;) {
      const space = matchAt(SPACE, xml, j)?.length ?? 0;
      j += space;
      if (j >= xml.length) return problem(`unexpected end of input inside <${name}>`, j);
      if (xml[j] === ">") break;
      if (xml.startsWith("/>", j)) {
        selfClosing = true;
        j++;
        break;
      }
      const attr = space > 0 ? matchAt(NAME, xml, j) : undefined;
      if (!attr) return problem(`malformed attribute in <${name}>`, j);
      j += attr.length;
      j += matchAt(SPACE, xml, j)?.length ?? 0;
      if (xml[j] !== "=") return problem(`attribute ${attr} in <${name}> has no value`, j);
      j++;
      j += matchAt(SPACE, xml, j)?.length ?? 0;
      const quote = xml[j];
      if (quote !== '"' && quote !== "'") return problem(`attribute ${attr} in <${name}> is not quoted`, j);
      const close = xml.indexOf(quote, j + 1);
      if (close === -1) return problem(`unterminated attribute value in <${name}>`, j);
      if (xml.slice(j + 1, close).includes("<")) return problem(`'<' in the value of attribute ${attr}`, j);
      j = close + 1;
    }
    if (!selfClosing) stack.push({ name, at: i });
    else if (stack.length === 0) rootClosed = true;
    i = xml.indexOf("<", j + 1);
  }
  const open = stack.pop();
  if (open) {
    const at = lineColumn(xml, open.at);
    return problem(
      `unexpected end of input: <${open.name}> opened at line ${at.line} is not closed`,
      xml.length,
    );
  }
  return undefined;
}
