/**
 * The accumulator behind input/output mappings, following Zeebe's Input/OutputMappingResultBuilder
 * (camunda/camunda zeebe/engine/.../processing/variable/): mappings are applied one by one; a dotted
 * target builds nested "levels"; a later mapping that collides structurally with an earlier one replaces
 * it (last wins). Input and output differ only in how a level relates to the scope's existing value.
 */
import { isPlainObject, type JsonValue } from '../feel/to-json.js';

/** A value assigned whole by a mapping (boxed so that an assigned null differs from "absent"). */
type Assigned = { readonly kind: 'value'; readonly value: JsonValue };
/** A nested object built by dotted targets; `replaced` = it replaced a value an earlier mapping assigned. */
type Level = { readonly kind: 'level'; readonly children: Map<string, Entry>; readonly replaced: boolean };
/** Output only: the scope value at this path was not an object, so the whole level is null (FEEL context merge). */
type Poisoned = { readonly kind: 'poisoned' };
type Entry = Assigned | Level | Poisoned;

/** Resolves a path prefix (e.g. ['a','b']) to the value the scope currently has there, or undefined. */
export type ScopeLookup = (path: readonly string[]) => unknown;

/** Walks `path` from `index` into a JSON value; undefined when a step is missing or not an object. */
export function navigate(root: unknown, path: readonly string[], index: number): unknown {
  let current = root;
  for (let i = index; i < path.length; i++) {
    if (!isPlainObject(current)) return undefined;
    current = current[path[i] as string];
  }
  return current;
}

/** Accumulates mapping results; `mode` selects Zeebe's input or output semantics. */
export class MappingResult {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly mode: 'input' | 'output',
    private readonly scope: ScopeLookup,
  ) {}

  /** Puts a value at a target path (`a.b.c` split on dots). */
  put(path: readonly string[], value: JsonValue): void {
    let current = this.entries;
    for (let i = 0; i < path.length - 1; i++) {
      const level = this.levelAt(current, path.slice(0, i + 1));
      if (level === undefined) return; // poisoned: Zeebe discards the value and the level stays null
      current = level.children;
    }
    current.set(path[path.length - 1] as string, { kind: 'value', value });
  }

  /**
   * The value a later mapping sees for a top-level name, or undefined to fall back to the scope.
   * Input: a level is layered over the scope value (keys no mapping defined fall through) unless it
   * replaced an assigned value. Output: the merge already happened when the level was seeded.
   */
  read(name: string): { found: true; value: JsonValue } | { found: false } {
    const entry = this.entries.get(name);
    if (entry === undefined) return { found: false };
    if (entry.kind === 'value') return { found: true, value: entry.value };
    if (entry.kind === 'poisoned') return { found: true, value: null };
    const shadowed = this.mode === 'input' && !entry.replaced ? this.scope([name]) : undefined;
    return { found: true, value: serialize(entry.children, shadowed) };
  }

  /** Names produced so far, in insertion order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The resulting variables document (never layered over the scope). */
  toDocument(): Record<string, JsonValue> {
    return serialize(this.entries, undefined);
  }

  private levelAt(parent: Map<string, Entry>, prefix: readonly string[]): Level | undefined {
    const key = prefix[prefix.length - 1] as string;
    const entry = parent.get(key);
    if (entry?.kind === 'level') return entry;
    if (entry?.kind === 'poisoned') return undefined;
    const replaced = entry !== undefined;
    if (this.mode === 'input') return setLevel(parent, key, new Map(), replaced);
    // Output: seed the level with the top-level entries of the existing scope value at this path.
    const existing = this.scope(prefix);
    if (existing === undefined || existing === null) return setLevel(parent, key, new Map(), replaced);
    if (!isPlainObject(existing)) {
      parent.set(key, { kind: 'poisoned' });
      return undefined;
    }
    const seeded = new Map<string, Entry>();
    for (const [k, v] of Object.entries(existing)) seeded.set(k, { kind: 'value', value: v as JsonValue });
    return setLevel(parent, key, seeded, replaced);
  }
}

function setLevel(
  parent: Map<string, Entry>,
  key: string,
  children: Map<string, Entry>,
  replaced: boolean,
): Level {
  const level: Level = { kind: 'level', children, replaced };
  parent.set(key, level);
  return level;
}

/** Materialises a level, layered over `shadowed` (its keys first, the level's entries win). */
function serialize(children: ReadonlyMap<string, Entry>, shadowed: unknown): Record<string, JsonValue> {
  const base: Record<string, unknown> = isPlainObject(shadowed) ? shadowed : {};
  const out: Record<string, JsonValue> = { ...(base as Record<string, JsonValue>) };
  for (const [key, entry] of children) {
    if (entry.kind === 'value') out[key] = entry.value;
    else if (entry.kind === 'poisoned') out[key] = null;
    else out[key] = serialize(entry.children, entry.replaced ? undefined : base[key]);
  }
  return out;
}
