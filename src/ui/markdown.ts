import { createElement, type ReactNode } from 'react';

/**
 * A small Markdown reader for the notes the app ships (src/physics/CONTEXT.md): headings, paragraphs, bullet and
 * numbered lists, pipe tables, fenced code, and inline code, bold, italics and links. It builds React elements, never
 * HTML strings, so nothing in a file can inject markup. Relative links (to files of the repository) show as text.
 */

export type Block =
  | { kind: 'heading'; level: number; text: string; id: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] }
  | { kind: 'code'; text: string };

/** A heading's anchor: lower case, words joined by dashes ("Measured errors (…)" → "measured-errors"). */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The cells of a table row; `\|` is a pipe inside a cell. */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replaceAll('\\|', '|'));
}

const LIST_ITEM = /^(\s*)([-*]|\d+\.)\s+(.*)$/;
const TABLE_RULE = /^\|?\s*:?-{3,}/;

/**
 * @param text - Markdown
 * @returns its blocks in order
 */
export function parseMarkdown(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (line.startsWith('```')) {
      const body: string[] = [];
      for (i++; i < lines.length && !(lines[i] as string).startsWith('```'); i++) body.push(lines[i] as string);
      i++;
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const title = (heading[2] as string).trim();
      blocks.push({ kind: 'heading', level: (heading[1] as string).length, text: title, id: slug(title) });
      i++;
      continue;
    }
    if (line.trimStart().startsWith('|') && TABLE_RULE.test((lines[i + 1] ?? '').trim())) {
      const head = cells(line);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && (lines[i] as string).trimStart().startsWith('|'); i++) {
        rows.push(cells(lines[i] as string));
      }
      blocks.push({ kind: 'table', head, rows });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const ordered = /\d/.test(item[2] as string);
      const items: string[] = [];
      while (i < lines.length) {
        const l = lines[i] as string;
        const next = LIST_ITEM.exec(l);
        if (next && (next[1] as string).length <= (item[1] as string).length) items.push(next[3] as string);
        else if (l.trim() !== '' && /^\s/.test(l) && items.length > 0) items[items.length - 1] += ` ${l.trim()}`;
        else break;
        i++;
      }
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length) {
      const l = lines[i] as string;
      if (l.trim() === '' || /^(#{1,6})\s/.test(l) || l.startsWith('```') || LIST_ITEM.test(l)) break;
      if (l.trimStart().startsWith('|') && paragraph.length > 0) break;
      paragraph.push(l.trim());
      i++;
    }
    blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
  }
  return blocks;
}

// Italics with _…_ only between words' edges: `E_l + E_t` is a subscript, not emphasis.
const INLINE =
  /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*|(?<![A-Za-z0-9])_[^_\s][^_]*_(?![A-Za-z0-9]))|(\[[^\]]+\]\([^)]+\))/g;

/** Inline Markdown as React nodes: `code`, **bold**, *italics*, [links](https://…). */
export function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let key = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const token = m[0];
    if (m[1]) out.push(createElement('code', { key: key++ }, token.slice(1, -1)));
    else if (m[2]) out.push(createElement('strong', { key: key++ }, ...inline(token.slice(2, -2))));
    else if (m[3]) out.push(createElement('em', { key: key++ }, ...inline(token.slice(1, -1))));
    else {
      const link = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(token);
      const label = link?.[1] ?? token;
      const href = link?.[2] ?? '';
      out.push(
        /^https?:\/\//.test(href)
          ? createElement('a', { key: key++, href, target: '_blank', rel: 'noreferrer' }, ...inline(label))
          : createElement('span', { key: key++ }, ...inline(label)),
      );
    }
    last = at + token.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Markdown as React elements. */
export function renderMarkdown(text: string): ReactNode[] {
  return parseMarkdown(text).map((block, key) => {
    switch (block.kind) {
      case 'heading':
        return createElement(`h${Math.min(6, block.level + 1)}`, { key, id: block.id }, ...inline(block.text));
      case 'paragraph':
        return createElement('p', { key }, ...inline(block.text));
      case 'list':
        return createElement(
          block.ordered ? 'ol' : 'ul',
          { key },
          ...block.items.map((item, i) => createElement('li', { key: i }, ...inline(item))),
        );
      case 'table':
        return createElement(
          'table',
          { key },
          createElement(
            'thead',
            null,
            createElement('tr', null, ...block.head.map((c, i) => createElement('th', { key: i }, ...inline(c)))),
          ),
          createElement(
            'tbody',
            null,
            ...block.rows.map((row, r) =>
              createElement('tr', { key: r }, ...row.map((c, i) => createElement('td', { key: i }, ...inline(c)))),
            ),
          ),
        );
      case 'code':
        return createElement('pre', { key }, createElement('code', null, block.text));
    }
    return null;
  });
}
