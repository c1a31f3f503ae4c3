/**
 * Special functions for the acoustic and thermal models, written out so the core has no dependencies.
 */

/**
 * Bessel function of the first kind, order one, J1(x).
 *
 * Abramowitz & Stegun 9.4.4 (|x| ≤ 3, |ε| < 1.3e-8 on J1/x) and 9.4.6 (|x| ≥ 3, |ε| < 4e-8 on f1, 9e-8 on θ1):
 * absolute error below ~1e-7 everywhere, which is far below the accuracy of any element-directivity model.
 * @param x - argument [-]
 * @returns J1(x) [-]
 * @see Abramowitz M, Stegun IA (1964) Handbook of Mathematical Functions, §9.4.
 */
export function besselJ1(x: number): number {
  const ax = Math.abs(x);
  if (ax <= 3) {
    const t = (x / 3) * (x / 3);
    return (
      x *
      (0.5 +
        t *
          (-0.56249985 + t * (0.21093573 + t * (-0.03954289 + t * (0.00443319 + t * (-0.00031761 + t * 0.00001109))))))
    );
  }
  const y = 3 / ax;
  const f1 =
    0.79788456 +
    y * (0.00000156 + y * (0.01659667 + y * (0.00017105 + y * (-0.00249511 + y * (0.00113653 + y * -0.00020033)))));
  const theta1 =
    ax -
    2.35619449 +
    y * (0.12499612 + y * (0.0000565 + y * (-0.00637879 + y * (0.00074348 + y * (0.00079824 + y * -0.00029166)))));
  const value = (f1 * Math.cos(theta1)) / Math.sqrt(ax);
  return x < 0 ? -value : value;
}

/**
 * The "jinc" directivity of a baffled circular piston, 2 J1(x)/x, equal to 1 at x = 0.
 * @param x - argument k·b·sinθ [-]
 * @returns 2 J1(x)/x [-]
 * @see PHYSICS.md §1.1
 */
export function jinc(x: number): number {
  if (Math.abs(x) < 1e-8) {
    return 1;
  }
  return (2 * besselJ1(x)) / x;
}

/**
 * Complementary error function erfc(x), Chebyshev fit with fractional error < 1.2e-7 everywhere.
 * @param x - argument [-]
 * @returns erfc(x) [-]
 * @see Press WH et al., Numerical Recipes in C, 2nd ed., §6.2 (erfcc).
 */
export function erfc(x: number): number {
  return erfcxPositiveScaled(x) * Math.exp(-x * x);
}

/**
 * Scaled complementary error function erfcx(x) = exp(x²)·erfc(x), stable for large positive x.
 * @param x - argument [-]
 * @returns erfcx(x) [-]
 */
export function erfcx(x: number): number {
  return erfcxPositiveScaled(x);
}

function erfcxPositiveScaled(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  // Numerical Recipes erfcc without its exp(−z²) factor, so that erfcx does not overflow/underflow.
  const poly = Math.exp(
    -1.26551223 +
      t *
        (1.00002368 +
          t *
            (0.37409196 +
              t *
                (0.09678418 +
                  t *
                    (-0.18628806 +
                      t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
  );
  const scaled = t * poly;
  // erfc(−z) = 2 − erfc(z) ⇒ erfcx(−z) = 2 exp(z²) − erfcx(z).
  return x >= 0 ? scaled : 2 * Math.exp(z * z) - scaled;
}

/**
 * sinh(y)/y, accurate for small y (series below 1e-3).
 * @param y - argument [-]
 * @returns sinh(y)/y [-]
 */
export function sinhc(y: number): number {
  if (Math.abs(y) < 1e-3) {
    const y2 = y * y;
    return 1 + (y2 / 6) * (1 + y2 / 20);
  }
  return Math.sinh(y) / y;
}

/**
 * sin(x)/x, accurate for small x.
 * @param x - argument [-]
 * @returns sin(x)/x [-]
 */
export function sinc(x: number): number {
  if (Math.abs(x) < 1e-4) {
    return 1 - (x * x) / 6;
  }
  return Math.sin(x) / x;
}
