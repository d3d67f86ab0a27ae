// Zod adapters for rich text as a TipTap / ProseMirror editor keeps it in Yjs (y-prosemirror):
// a Y.XmlFragment of Y.XmlElements, one per node, named after the node's type and carrying its
// attrs as attributes, with the text in Y.XmlTexts whose formatting attributes are the marks
// (named after the mark, holding its attrs). A schema names what may appear where, so a tampered
// client can neither add an element the editor cannot show nor grow the text without limit.
//
// Not supported: two overlapping marks of the same type (y-prosemirror stores the second under a
// hashed name, which the schema refuses as an unknown mark).
import * as Y from 'yjs';
import { z } from 'zod';
import { isYType } from './schema.ts';
import type { SharedType } from './touched.ts';

/** One kind of element (a ProseMirror node type). */
export interface RichTextNode {
  /** Its attributes as one object; absent: it has none. Optional attrs are optional keys (the
   *  editor leaves out attrs that are null). */
  attributes?: z.ZodType;
  /** The element names it may contain; absent: none. */
  children?: readonly string[];
  /** Whether text may sit directly inside it (a paragraph, a heading). */
  text?: boolean;
}

export interface RichTextSchema {
  /** The element names allowed at the top of the fragment (the editor's block nodes). */
  top: readonly string[];
  /** Every element by name. */
  nodes: Readonly<Record<string, RichTextNode>>;
  /** The marks text may carry, each with its attributes (e.g. `bold: z.strictObject({})`). */
  marks: Readonly<Record<string, z.ZodType>>;
  /** At most this many characters of text in all. */
  maxLength: number;
  /** At most this many elements in all (which also bounds how deep they nest). */
  maxElements: number;
}

/** The attributes of a node that has none. */
const NO_ATTRIBUTES = z.strictObject({});

interface RichTextIssue {
  path: (string | number)[];
  message: string;
}

/** Where a node is: its index in its parent, and its parent's place (kept as a chain, so a deep
 *  tree costs one link per node, not one copy of the whole path). */
interface Place {
  parent: Place | null;
  index: number;
}

/** A node still to check: where it is, and what its parent allows there. */
interface Pending {
  node: unknown;
  place: Place | null;
  elements: readonly string[];
  text: boolean;
}

function pathOf(place: Place | null): (string | number)[] {
  const path: number[] = [];
  for (let at = place; at !== null; at = at.parent) path.push(at.index);
  return path.reverse();
}

/**
 * What is wrong with the nodes in `stack` and everything in them under `schema`, counted as one
 * tree for the limits, walked without recursion (a tampered update can nest elements as deep as
 * it likes) and stopped at the first limit passed.
 */
function richTextIssues(stack: Pending[], schema: RichTextSchema): RichTextIssue[] {
  const issues: RichTextIssue[] = [];
  let length = 0;
  let elements = 0;
  while (stack.length > 0) {
    const { node, place, elements: allowed, text } = stack.pop()!;
    const path = () => pathOf(place);
    if (isYType(node, Y.XmlText)) {
      if (!text) issues.push({ path: path(), message: 'Text is not allowed here.' });
      issues.push(...textIssues(node, path, schema));
      length += node.length;
      if (length > schema.maxLength) {
        issues.push({ path: path(), message: `At most ${schema.maxLength} characters.` });
        break;
      }
      continue;
    }
    if (!isYType(node, Y.XmlElement)) {
      issues.push({ path: path(), message: 'Expected an element or text.' });
      continue;
    }
    if (++elements > schema.maxElements) {
      issues.push({ path: path(), message: `At most ${schema.maxElements} elements.` });
      break;
    }
    const spec = Object.hasOwn(schema.nodes, node.nodeName)
      ? schema.nodes[node.nodeName]
      : undefined;
    if (spec === undefined || !allowed.includes(node.nodeName)) {
      issues.push({ path: path(), message: `Unexpected element <${node.nodeName}>.` });
      continue;
    }
    const given = node.getAttributes();
    if (hasInheritedKeys(given)) {
      issues.push({
        path: [...path(), 'attributes'],
        message: 'Unexpected attribute "__proto__".',
      });
      continue;
    }
    const attributes = (spec.attributes ?? NO_ATTRIBUTES).safeParse(given);
    if (!attributes.success) {
      for (const issue of attributes.error.issues) {
        issues.push({
          path: [...path(), 'attributes', ...zodPath(issue)],
          message: issue.message,
        });
      }
    }
    pushChildren(stack, node, place, spec);
  }
  return issues;
}

/** A node's children, last first, so the walk meets them in document order. */
function pushChildren(
  stack: Pending[],
  parent: Y.XmlFragment,
  place: Place | null,
  spec: RichTextNode,
) {
  const children = parent.toArray();
  for (let index = children.length - 1; index >= 0; index--) {
    stack.push({
      node: children[index],
      place: { parent: place, index },
      elements: spec.children ?? [],
      text: spec.text ?? false,
    });
  }
}

/** A text's content: strings only (no embeds), formatted only with the schema's marks. */
function textIssues(text: Y.XmlText, path: () => (string | number)[], schema: RichTextSchema) {
  const issues: RichTextIssue[] = [];
  if (text._map.size > 0) issues.push({ path: path(), message: 'Unexpected attributes on text.' });
  const delta = text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[];
  for (const op of delta) {
    if (typeof op.insert !== 'string') {
      issues.push({ path: path(), message: 'Expected text, not an embed.' });
      continue;
    }
    if (op.attributes !== undefined && hasInheritedKeys(op.attributes)) {
      issues.push({ path: [...path(), 'marks'], message: 'Unknown mark "__proto__".' });
      continue;
    }
    for (const [name, attrs] of Object.entries(op.attributes ?? {})) {
      const mark = Object.hasOwn(schema.marks, name) ? schema.marks[name] : undefined;
      if (mark === undefined) {
        issues.push({ path: [...path(), 'marks', name], message: `Unknown mark "${name}".` });
        continue;
      }
      const parsed = mark.safeParse(attrs);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          issues.push({
            path: [...path(), 'marks', name, ...zodPath(issue)],
            message: issue.message,
          });
        }
      }
    }
  }
  return issues;
}

/**
 * Whether `object` was given a prototype of its own. Yjs builds a text's marks and an element's
 * attributes with `object[key] = value`, so a format or attribute named `__proto__` sets the
 * prototype instead of a key: `Object.entries` (and zod) never see it, while an editor that reads
 * the marks with `for … in` does.
 */
function hasInheritedKeys(object: object): boolean {
  return Object.getPrototypeOf(object) !== Object.prototype;
}

function zodPath(issue: z.core.$ZodIssue): (string | number)[] {
  return issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
}

/** The place of `node` in `fragment` (indices from the top); 'deleted' when it or an ancestor
 *  was deleted; 'elsewhere' when its parents do not lead to `fragment` (then the caller checks
 *  the whole fragment rather than guess). */
function placeIn(
  fragment: Y.XmlFragment,
  node: SharedType,
): (string | number)[] | 'deleted' | 'elsewhere' {
  const path: number[] = [];
  let at: { _item: Y.Item | null } = node;
  while (at !== (fragment as unknown)) {
    const item = at._item;
    if (item === null || !(item.parent instanceof Y.AbstractType)) return 'elsewhere';
    if (item.deleted) return 'deleted';
    const parent = item.parent as Y.XmlFragment;
    path.push(parent.toArray().indexOf(at as unknown as Y.XmlElement));
    at = parent;
  }
  return path.reverse();
}

/** Everything wrong with a whole fragment: its own keys, and every node in it. */
function wholeFragmentIssues(fragment: Y.XmlFragment, schema: RichTextSchema): RichTextIssue[] {
  const start: Pending[] = [];
  pushChildren(start, fragment, null, { children: schema.top });
  const stray = fragment._map.size > 0;
  return [
    ...(stray ? [{ path: [], message: 'Unexpected keys in a fragment.' }] : []),
    ...richTextIssues(start, schema),
  ];
}

/** The element names and text a node's parent allows in it. */
function allowedIn(
  parent: unknown,
  schema: RichTextSchema,
): { elements: readonly string[]; text: boolean } {
  if (!isYType(parent, Y.XmlElement)) return { elements: schema.top, text: false };
  const spec = Object.hasOwn(schema.nodes, parent.nodeName)
    ? schema.nodes[parent.nodeName]
    : undefined;
  return { elements: spec?.children ?? [], text: spec?.text ?? false };
}

/** The limits over a whole fragment, counted without reading any text or attributes. */
function limitIssues(fragment: Y.XmlFragment, schema: RichTextSchema): RichTextIssue[] {
  const stack: Y.XmlFragment[] = [fragment];
  let length = 0;
  let elements = 0;
  while (stack.length > 0) {
    for (const child of stack.pop()!.toArray()) {
      if (child instanceof Y.XmlText) {
        length += child.length;
        if (length > schema.maxLength)
          return [{ path: [], message: `At most ${schema.maxLength} characters.` }];
      } else if (child instanceof Y.XmlElement) {
        if (++elements > schema.maxElements)
          return [{ path: [], message: `At most ${schema.maxElements} elements.` }];
        stack.push(child);
      }
    }
  }
  return [];
}

/**
 * What is wrong with `fragment` after an update that changed the types in `changed` (Yjs's
 * `transaction.changed`: the types inside it whose content or attributes changed, the fragment
 * itself when its own children did). Each changed type is checked with everything in it, against
 * what its parent allows; the limits are counted over the whole fragment. For a fragment that
 * followed the schema before the update this finds what checking the whole fragment would: no
 * rule relates a node to anything but its parent and what it holds, and a node created by the
 * update sits in a changed type (its parent, or an ancestor created with it). Typing into a
 * paragraph then costs one text's check, not the whole notes' (the 1:1 agenda's validator,
 * BENCHMARKS.md).
 */
export function richTextChangeIssues(
  fragment: Y.XmlFragment,
  changed: ReadonlySet<SharedType>,
  schema: RichTextSchema,
): RichTextIssue[] {
  // The root itself changed (its children, or its keys). Compared by having no parent item, not by
  // identity: a replica that had not asked for the fragment by name yet holds the root as a plain
  // AbstractType, which `getXmlFragment` replaces by the fragment.
  if ([...changed].some((type) => type._item === null))
    return wholeFragmentIssues(fragment, schema);
  const issues: RichTextIssue[] = [];
  for (const type of changed) {
    // A type under another changed one is checked with it.
    if (hasChangedAncestor(type, changed, fragment)) continue;
    const path = placeIn(fragment, type);
    if (path === 'deleted') continue;
    if (path === 'elsewhere') return wholeFragmentIssues(fragment, schema);
    const { elements, text } = allowedIn(type._item!.parent, schema);
    for (const issue of richTextIssues([{ node: type, place: null, elements, text }], schema)) {
      issues.push({ path: [...path, ...issue.path], message: issue.message });
    }
  }
  return [...issues, ...limitIssues(fragment, schema)];
}

function hasChangedAncestor(
  type: SharedType,
  changed: ReadonlySet<SharedType>,
  fragment: Y.XmlFragment,
): boolean {
  for (
    let at = type._item?.parent;
    at instanceof Y.AbstractType && at !== fragment;
    at = at._item?.parent
  ) {
    if (changed.has(at)) return true;
  }
  return false;
}

/** Runs the walk from `start` inside a zod check, reporting what it finds. */
function checkFrom(
  ctx: z.core.$RefinementCtx,
  start: Pending[],
  schema: RichTextSchema,
  issues: RichTextIssue[] = [],
) {
  issues.push(...richTextIssues(start, schema));
  for (const { path, message } of issues) ctx.addIssue({ code: 'custom', path, message });
}

/** A Y.XmlFragment (a shared-notes field, the editor's whole document) following `schema`. */
export function yXmlFragment(schema: RichTextSchema) {
  return z
    .custom<Y.XmlFragment>((value) => isYType(value, Y.XmlFragment), {
      error: 'Expected a Y.XmlFragment.',
    })
    .superRefine((fragment, ctx) => {
      for (const { path, message } of wholeFragmentIssues(fragment, schema)) {
        ctx.addIssue({ code: 'custom', path, message });
      }
    });
}

/**
 * A Y.XmlElement following `schema`, itself one of `names` (by default the schema's top-level
 * elements), e.g. one block of a document kept element by element.
 */
export function yXmlElement(schema: RichTextSchema, names: readonly string[] = schema.top) {
  return z
    .custom<Y.XmlElement>((value) => isYType(value, Y.XmlElement), {
      error: 'Expected a Y.XmlElement.',
    })
    .superRefine((element, ctx) => {
      checkFrom(ctx, [{ node: element, place: null, elements: names, text: false }], schema);
    });
}

/** A Y.XmlText following `schema`: strings formatted only with its marks, within its length. */
export function yXmlText(schema: RichTextSchema) {
  return z
    .custom<Y.XmlText>((value) => isYType(value, Y.XmlText), { error: 'Expected a Y.XmlText.' })
    .superRefine((text, ctx) => {
      checkFrom(ctx, [{ node: text, place: null, elements: [], text: true }], schema);
    });
}
