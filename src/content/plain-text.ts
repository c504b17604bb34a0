/**
 * Plain text of sanitised HTML, for SCORM interaction descriptions and the preview panel,
 * where markup would show as literal tags.
 */
import { parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';

/** Text of an HTML fragment, white space collapsed; visually hidden helper text (e.g. "opens in a new tab") left out. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  const walk = (node: T.Node) => {
    if (node.nodeName === '#text') {
      parts.push((node as T.TextNode).value);
      return;
    }
    if ('tagName' in node) {
      const cls = node.attrs.find((a) => a.name === 'class')?.value ?? '';
      if (cls.split(/\s+/).includes('visually-hidden')) return;
      if (node.tagName === 'br') parts.push(' ');
    }
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
    // Block ends become spaces so "<p>a</p><p>b</p>" reads "a b", not "ab".
    if ('tagName' in node && /^(p|li|h[1-6]|div|blockquote|tr|td|th|dt|dd)$/.test(node.tagName)) parts.push(' ');
  };
  walk(parseFragment(html));
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Cut to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
