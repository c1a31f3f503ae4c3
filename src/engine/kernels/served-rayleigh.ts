import type { RayleighKernel, RayleighSources, RayleighSum } from '../../physics/rayleigh.ts';

/** A Rayleigh sum evaluated ahead of the run that will ask for it, with where it was evaluated. */
export interface SolvedRayleighSum {
  readonly sum: RayleighSum;
  /** Re p per point [Pa] */
  readonly re: ArrayLike<number>;
  /** Im p per point [Pa] */
  readonly im: ArrayLike<number>;
}

/** What the serving kernel did with one request: served it from a solved sum, or computed it on the fallback. */
export interface ServedEvent {
  readonly served: boolean;
  /** element–point terms of the sum */
  readonly terms: number;
}

function sameArray(a: ArrayLike<number> | undefined, b: ArrayLike<number> | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameSources(a: RayleighSources, b: RayleighSources): boolean {
  return (
    (a.elementRadius ?? 0) === (b.elementRadius ?? 0) &&
    sameArray(a.areas, b.areas) &&
    sameArray(a.positions, b.positions) &&
    sameArray(a.normals, b.normals) &&
    sameArray(a.velocityRe, b.velocityRe) &&
    sameArray(a.velocityIm, b.velocityIm) &&
    sameArray(a.gainRe, b.gainRe) &&
    sameArray(a.gainIm, b.gainIm)
  );
}

/**
 * Whether two sums are the same computation: every input equal value for value. Comparing costs O(N + M), nothing
 * beside the sum's N·M terms, and needs no agreement on object identity between the code that predicted the sum and
 * the code that asks for it.
 * @param a - one sum
 * @param b - the other
 * @returns true when they are the same computation
 */
export function sameRayleighSum(a: RayleighSum, b: RayleighSum): boolean {
  return (
    a.frequency === b.frequency &&
    a.medium.density === b.medium.density &&
    a.medium.speedOfSound === b.medium.speedOfSound &&
    a.medium.attenuation === b.medium.attenuation &&
    sameArray(a.points, b.points) &&
    sameSources(a.sources, b.sources)
  );
}

/**
 * A Rayleigh kernel that answers from sums evaluated ahead of time (on the GPU, whose results only arrive
 * asynchronously, while the engine's runs are synchronous) and computes any other sum on the fallback kernel.
 * @param solved - the sums evaluated ahead, with their results
 * @param fallback - the kernel for every other sum (the installed CPU kernel)
 * @param name - the name of where the solved sums were evaluated
 * @param onServe - told of every request, served or not
 * @returns the kernel
 */
export function servedRayleigh(
  solved: readonly SolvedRayleighSum[],
  fallback: RayleighKernel,
  name: string,
  onServe: (event: ServedEvent) => void = () => {},
): RayleighKernel {
  return {
    name: `${name}, else ${fallback.name}`,
    pressure(sources, medium, frequency, points, outRe, outIm) {
      const asked: RayleighSum = { sources, medium, frequency, points };
      const hit = solved.find((s) => sameRayleighSum(s.sum, asked));
      const terms = sources.areas.length * (points.length / 3);
      if (!hit) {
        fallback.pressure(sources, medium, frequency, points, outRe, outIm);
        onServe({ served: false, terms });
        return;
      }
      for (let p = 0; p < points.length / 3; p++) {
        outRe[p] = hit.re[p] as number;
        outIm[p] = hit.im[p] as number;
      }
      onServe({ served: true, terms });
    },
  };
}
