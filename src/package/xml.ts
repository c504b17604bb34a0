/**
 * Just enough XML for manifests: escaping for the writer, and a small strict reader for the
 * checks in validate.ts. The reader keeps qualified names as written (`adlcp:scormtype`),
 * on purpose: Moodle's manifest parser is not namespace-aware and matches the literal
 * prefix, so the checks must too (https://github.com/moodle/moodle/blob/main/mod/scorm/datamodels/scormlib.php).
 */

/** Characters XML 1.0 does not allow at all (not even escaped). */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escape text for an element body or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Text safe inside `<!-- -->`: XML forbids `--` in a comment and a `-` right before its end. */
export function xmlCommentText(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(/-{2,}/g, (m) => '\u2013'.repeat(Math.ceil(m.length / 2)))
    .replace(/-$/, '- ');
}

export interface XmlElement {
  /** Qualified name as written, e.g. `adlcp:masteryscore`. */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element (entities decoded). */
  text: string;
  /** 1-based line of the start tag, for messages. */
  line: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'XmlSyntaxError';
  }
}

const NAME = /^[A-Za-z_][\w.:-]*/;

function decodeEntities(raw: string, line: number): string {
  return raw.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);|&/g, (whole, ref: string | undefined) => {
    if (!ref) throw new XmlSyntaxError('a bare "&" (write &amp;)', line);
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (!(ref in named)) throw new XmlSyntaxError(`unknown entity ${whole}`, line);
    return named[ref]!;
  });
}

/**
 * Parse a well-formed XML document (no DTD) into its root element. Throws XmlSyntaxError for
 * anything not well-formed that a manifest could plausibly contain.
 */
export function parseXml(source: string): XmlElement {
  let pos = 0;
  let line = 1;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;

  const advance = (to: number) => {
    for (let i = pos; i < to; i++) if (source.charCodeAt(i) === 10) line++;
    pos = to;
  };
  const expectEnd = (marker: string, what: string): number => {
    const end = source.indexOf(marker, pos);
    if (end < 0) throw new XmlSyntaxError(`unterminated ${what}`, line);
    return end;
  };

  if (source.charCodeAt(0) === 0xfeff) pos = 1;
  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    const textEnd = lt < 0 ? source.length : lt;
    if (textEnd > pos) {
      const raw = source.slice(pos, textEnd);
      const parent = stack[stack.length - 1];
      if (parent) parent.text += decodeEntities(raw, line);
      else if (raw.trim()) throw new XmlSyntaxError('text outside the root element', line);
      advance(textEnd);
      if (lt < 0) break;
    }
    if (source.startsWith('<!--', pos)) {
      advance(expectEnd('-->', 'comment') + 3);
    } else if (source.startsWith('<?', pos)) {
      advance(expectEnd('?>', 'processing instruction') + 2);
    } else if (source.startsWith('<![CDATA[', pos)) {
      const end = expectEnd(']]>', 'CDATA section');
      const parent = stack[stack.length - 1];
      if (!parent) throw new XmlSyntaxError('CDATA outside the root element', line);
      parent.text += source.slice(pos + 9, end);
      advance(end + 3);
    } else if (source.startsWith('<!', pos)) {
      throw new XmlSyntaxError('a DOCTYPE or other declaration (not expected in a manifest)', line);
    } else if (source.startsWith('</', pos)) {
      const end = expectEnd('>', 'end tag');
      const name = source.slice(pos + 2, end).trim();
      const open = stack.pop();
      if (!open) throw new XmlSyntaxError(`end tag </${name}> without a start tag`, line);
      if (open.name !== name) throw new XmlSyntaxError(`</${name}> closes <${open.name}> (opened on line ${open.line})`, line);
      advance(end + 1);
    } else {
      const startLine = line;
      advance(pos + 1);
      const nameMatch = NAME.exec(source.slice(pos));
      if (!nameMatch) throw new XmlSyntaxError('a "<" that does not start a tag (write &lt;)', line);
      const el: XmlElement = { name: nameMatch[0], attrs: {}, children: [], text: '', line: startLine };
      advance(pos + nameMatch[0].length);
      for (;;) {
        const ws = /^\s*/.exec(source.slice(pos))![0];
        advance(pos + ws.length);
        if (source.startsWith('/>', pos) || source.startsWith('>', pos)) break;
        if (!ws) throw new XmlSyntaxError(`expected whitespace, ">" or "/>" in <${el.name}>`, line);
        const attr = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(source.slice(pos));
        if (!attr) throw new XmlSyntaxError(`malformed attribute in <${el.name}>`, line);
        if (attr[1]! in el.attrs) throw new XmlSyntaxError(`attribute ${attr[1]} repeated in <${el.name}>`, line);
        el.attrs[attr[1]!] = decodeEntities(attr[3] ?? attr[4] ?? '', line);
        advance(pos + attr[0].length);
      }
      const selfClosing = source.startsWith('/>', pos);
      advance(pos + (selfClosing ? 2 : 1));
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else if (root) throw new XmlSyntaxError(`a second root element <${el.name}>`, startLine);
      else root = el;
      if (!selfClosing) stack.push(el);
    }
  }
  if (stack.length) throw new XmlSyntaxError(`<${stack[stack.length - 1]!.name}> is never closed`, line);
  if (!root) throw new XmlSyntaxError('no root element', line);
  return root;
}

/** Children with this qualified name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** Every element below `el` (depth first, document order), `el` included. */
export function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(allElements)];
}
