/** The lesson's "On this page" contents as a tree, for nested lists. */
import type { TocEntry } from '../../course/types.ts';

export interface TocNode {
  entry: TocEntry;
  children: TocNode[];
}

/** Nest the flat contents (levels 2, 3, ...) into a tree for nested lists. */
export function tocTree(entries: TocEntry[]): TocNode[] {
  const root: TocNode[] = [];
  const stack: TocNode[] = [];
  for (const entry of entries) {
    const node: TocNode = { entry, children: [] };
    while (stack.length > 0 && stack[stack.length - 1].entry.level >= entry.level) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1].children : root).push(node);
    stack.push(node);
  }
  return root;
}
