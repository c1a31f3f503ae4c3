/**
 * Big temporary arrays of one computation, lent from arrays kept between computations.
 *
 * Why: a fresh large ArrayBuffer is mapped anew and each of its pages faults on first touch. On the 2-core machine
 * the project is measured on, that costs 4–8 ms per MB (writing a fresh 27.6 MB array: 110–270 ms, a reused one
 * 4–15 ms), and Chromium's worker faulted 80–90 MB on every sonication whose field was reused (0.3–0.45 s of system
 * time), where Node's allocator kept its pages. A sonication's thermal problems, states and maxima are the same
 * sizes from one run to the next: lent here, they are written into pages already there.
 *
 * Only arrays that never leave the computation may come from here (not an outcome's, not a kept field's): at the end
 * of the outermost `withScratch` every lent array goes back, zeroed before it is lent again. Outside `withScratch`,
 * and until a host calls `keepScratch` (the simulation worker does; Node's own allocator keeps freed pages, so
 * there the kept arrays would only add to the memory: +40–70 MB peak RSS measured), the functions allocate as
 * `new` does.
 *
 * Outputs that leave (an outcome's replay frames, 27.6 MB on the femur) cannot be lent: on such a host they are made
 * ahead while the thread is idle after a computation (outputF32, makeOutputsAhead), so the next sonication writes
 * its frames into touched pages (in Chromium the frames' first touch took ≈ 135 ms of a sonication's worker time).
 */

type Lendable = Float64Array | Float32Array | Int32Array | Uint16Array | Uint32Array;
type Kind = 'f64' | 'f32' | 'i32' | 'u16' | 'u32';

/** Smaller arrays come from the allocator's own reused pools [B]. */
const MIN_BYTES = 64 * 1024;
/** Most bytes kept between computations (a femur sonication lends ≈ 55 MB, its heat alone ≈ 35 MB). */
const MAX_KEPT_BYTES = 96 * 2 ** 20;

const BYTES: Record<Kind, number> = { f64: 8, f32: 4, i32: 4, u16: 2, u32: 4 };
const kept = new Map<string, Lendable[]>();
let keptBytes = 0;
/** the arrays lent in the current computation, or undefined outside one */
let lent: { kind: Kind; array: Lendable }[] | undefined;
let keeping = false;

/** Most bytes of outputs made ahead (the femur sonication's replay frames: 27.6 MB). */
const MAX_SPARE_BYTES = 40 * 2 ** 20;
/** zeroed Float32Arrays whose pages are already touched, by length */
const spares = new Map<number, Float32Array[]>();
/** lengths outputF32 was asked for since the last makeOutputsAhead */
let asked: number[] = [];

/**
 * Turns lending on for this thread (or off, letting every kept array go).
 * @param on - whether computations lend their temporaries
 */
export function keepScratch(on = true): void {
  keeping = on;
  if (!on) forgetScratch();
}

function lend<T extends Lendable>(kind: Kind, length: number, make: (length: number) => T): T {
  if (!lent || length * BYTES[kind] < MIN_BYTES) return make(length);
  const key = `${kind}:${length}`;
  const list = kept.get(key);
  let array = list?.pop() as T | undefined;
  if (array) keptBytes -= length * BYTES[kind];
  // A detached buffer (handed to another thread by mistake) has length 0: never lend it.
  if (array && array.length === length) array.fill(0);
  else {
    // None kept of this size. When a new one would take kept and lent arrays past the bound, this computation is
    // of another kind (a plan after sonications, another case): the sizes it has not asked for let go first, so
    // no more than about one computation's worth is held at once.
    const lentBytes = lent.reduce((sum, l) => sum + l.array.byteLength, 0);
    if (keptBytes + lentBytes + length * BYTES[kind] > MAX_KEPT_BYTES) {
      dropUnused(new Set([...lent.map((l) => `${l.kind}:${l.array.length}`), key]));
    }
    array = make(length);
  }
  lent.push({ kind, array });
  return array;
}

/** Lets the kept arrays of every size but `used` go. */
function dropUnused(used: Set<string>): void {
  for (const [key, list] of kept) {
    if (used.has(key)) continue;
    for (const array of list) keptBytes -= array.byteLength;
    kept.delete(key);
  }
}

/**
 * @param length - elements
 * @returns a zeroed Float64Array, lent until the end of the computation
 */
export function scratchF64(length: number): Float64Array {
  return lend('f64', length, (n) => new Float64Array(n));
}

/**
 * @param length - elements
 * @returns a zeroed Float32Array, lent until the end of the computation
 */
export function scratchF32(length: number): Float32Array {
  return lend('f32', length, (n) => new Float32Array(n));
}

/**
 * @param length - elements
 * @returns a zeroed Int32Array, lent until the end of the computation
 */
export function scratchI32(length: number): Int32Array {
  return lend('i32', length, (n) => new Int32Array(n));
}

/**
 * @param length - elements
 * @returns a zeroed Uint16Array, lent until the end of the computation
 */
export function scratchU16(length: number): Uint16Array {
  return lend('u16', length, (n) => new Uint16Array(n));
}

/**
 * @param length - elements
 * @returns a zeroed Uint32Array, lent until the end of the computation
 */
export function scratchU32(length: number): Uint32Array {
  return lend('u32', length, (n) => new Uint32Array(n));
}

/**
 * Runs one computation with its temporaries lent from the kept arrays, and takes them back when it ends (also
 * when it throws). Nested calls are part of the outer one.
 * @param run - the computation; nothing it returns may hold a lent array
 * @returns what it returns
 */
export function withScratch<T>(run: () => T): T {
  if (lent || !keeping) return run();
  const session = openScratch();
  try {
    return session.run(run);
  } finally {
    session.close();
  }
}

/** One computation that runs in parts, with other work between them (a plan that waits for fields). */
export interface ScratchSession {
  /** runs a part with the session's arrays lent (what it borrows stays lent until close) */
  run<T>(part: () => T): T;
  /** takes back everything the parts borrowed; the session lends nothing after */
  close(): void;
}

/**
 * withScratch for a computation in parts: what a part borrows stays lent to the session between parts, so work
 * run between them (another worker call) never gets the same array. Opened inside a computation, it is part of it.
 * @returns the session
 */
export function openScratch(): ScratchSession {
  if (lent || !keeping) return { run: (part) => part(), close: () => {} };
  const mine: { kind: Kind; array: Lendable }[] = [];
  // The outputs to make ahead are this computation's (and the list cannot grow on a host that never makes them).
  asked = [];
  let open = true;
  return {
    run(part) {
      if (!open || lent) return part();
      lent = mine;
      try {
        return part();
      } finally {
        lent = undefined;
      }
    },
    close() {
      if (!open) return;
      open = false;
      giveBack(mine);
    },
  };
}

function giveBack(mine: readonly { kind: Kind; array: Lendable }[]): void {
  const incoming = mine.reduce((sum, { array }) => sum + array.byteLength, 0);
  // Sizes this computation did not use are another case's or another grid's: they make room first.
  if (keptBytes + incoming > MAX_KEPT_BYTES)
    dropUnused(new Set(mine.map(({ kind, array }) => `${kind}:${array.length}`)));
  for (const { kind, array } of mine) {
    if (array.length === 0 || keptBytes + array.byteLength > MAX_KEPT_BYTES) continue;
    const key = `${kind}:${array.length}`;
    const list = kept.get(key) ?? [];
    list.push(array);
    kept.set(key, list);
    keptBytes += array.byteLength;
  }
}

/**
 * An array that leaves the computation (an outcome's, such as its replay frames): it cannot be lent, so on a host
 * that keeps scratch it comes from the spares made while the thread was idle (makeOutputsAhead) when one of this
 * length is there — its pages already touched — else it is new.
 * @param length - elements
 * @returns a zeroed Float32Array the caller owns
 */
export function outputF32(length: number): Float32Array {
  if (!keeping || length * 4 < MIN_BYTES) return new Float32Array(length);
  asked.push(length);
  const spare = spares.get(length)?.pop();
  return spare && spare.length === length ? spare : new Float32Array(length);
}

/**
 * Makes, while the thread is idle, the outputs the last computation asked for (outputF32), so the next one of the
 * same kind finds their pages touched; spares of other lengths go. Nothing when no computation asked since the
 * last call (an estimate in between keeps the spares).
 * @returns bytes made
 */
export function makeOutputsAhead(): number {
  if (!keeping || asked.length === 0) return 0;
  const wanted = new Map<number, number>();
  for (const length of asked) wanted.set(length, (wanted.get(length) ?? 0) + 1);
  asked = [];
  for (const length of spares.keys()) if (!wanted.has(length)) spares.delete(length);
  let bytes = 0;
  for (const list of spares.values()) for (const array of list) bytes += array.byteLength;
  let made = 0;
  for (const [length, count] of wanted) {
    const list = spares.get(length) ?? [];
    while (list.length < count && bytes + 4 * length <= MAX_SPARE_BYTES) {
      // A fresh array's pages fault on first touch: touch them now, not in the next computation.
      list.push(new Float32Array(length).fill(0));
      bytes += 4 * length;
      made += 4 * length;
    }
    spares.set(length, list);
  }
  return made;
}

/** Lets every kept array and spare output go (a new case: its grids have other sizes). */
export function forgetScratch(): void {
  kept.clear();
  keptBytes = 0;
  spares.clear();
  asked = [];
}

/** Bytes of arrays kept for the next computation (for tests and the bench). */
export function scratchKeptBytes(): number {
  return keptBytes;
}
