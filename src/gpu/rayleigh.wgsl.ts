/**
 * The Rayleigh–Sommerfeld sum as a WebGPU compute shader: one invocation per evaluation point, looping over the
 * sources in tiles of 64 loaded once per workgroup into shared memory. Same formula, time convention and
 * directivity as rayleighPressure (src/physics/rayleigh.ts), in f32:
 *   p(r) = Σ_n c_n D_n(θ) e^{−i k R_n − α R_n} / R_n   (e^{+iωt}), c_n = i k ρc/2π · u_n ΔS_n g_n folded by the host.
 * WGSL's own sin and cos are only bounded to 2^-11 absolute on [−π, π] (WGSL §17.5.6 accuracy table), and k R runs
 * to ≈ 10³ rad, so the phase is reduced here (three-part Cody–Waite, as the WebAssembly kernel does) and sine and
 * cosine are polynomials on |y| ≤ π/4 (error < 2e-9). The piston directivity 2J1(x)/x comes from the host's table,
 * linearly interpolated (< 1e-6); a baffled piston sends nothing behind itself.
 * Kept in a TypeScript string so Node (tests), Vite and the test page's bundler all read it the same way.
 */
export const RAYLEIGH_WGSL = /* wgsl */ `
struct Params {
  k: f32,
  alpha: f32,
  kb: f32,
  invStep: f32,
  sourceCount: u32,
  pointOffset: u32,
  pointCount: u32,
  tableLast: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
// two per source: (x, y, z, Re c), (nx, ny, nz, Im c)
@group(0) @binding(1) var<storage, read> sources: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> points: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read> jincTable: array<f32>;
// (Re p, Im p) per point
@group(0) @binding(4) var<storage, read_write> field: array<vec2<f32>>;

const TILE: u32 = 64u;
const TWO_OVER_PI: f32 = 0.6366197723675814;
// pi/2 in three parts: the first two exact in few bits, so q * PIO2_1 and q * PIO2_2 are exact for q < 2^15
const PIO2_1: f32 = 1.5703125;
const PIO2_2: f32 = 4.837512969970703125e-4;
const PIO2_3: f32 = 7.54978995489188216e-8;

var<workgroup> tileAt: array<vec4<f32>, TILE>;
var<workgroup> tileNormal: array<vec4<f32>, TILE>;

// e^{-i phase} as (cos, -sin)
fn unitPhasor(phase: f32) -> vec2<f32> {
  let q = round(phase * TWO_OVER_PI);
  var y = phase - q * PIO2_1;
  y = y - q * PIO2_2;
  y = y - q * PIO2_3;
  let y2 = y * y;
  let s = y + y * y2 * (-1.0 / 6.0 + y2 * (1.0 / 120.0 + y2 * (-1.0 / 5040.0 + y2 * (1.0 / 362880.0))));
  let c = 1.0 - 0.5 * y2 + y2 * y2 * (1.0 / 24.0 + y2 * (-1.0 / 720.0 + y2 * (1.0 / 40320.0)));
  let quadrant = i32(q) & 3;
  let odd = (quadrant & 1) == 1;
  var sinP = select(s, c, odd);
  var cosP = select(c, s, odd);
  // sin is negative in quadrants 2 and 3, cos in quadrants 1 and 2
  sinP = select(sinP, -sinP, (quadrant & 2) == 2);
  cosP = select(cosP, -cosP, ((quadrant + 1) & 2) == 2);
  return vec2<f32>(cosP, -sinP);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(local_invocation_index) lane: u32) {
  let local = group.x * TILE + lane;
  let inside = local < params.pointCount;
  let index = params.pointOffset + min(local, params.pointCount - 1u);
  let p = points[index].xyz;
  var sum = vec2<f32>(0.0, 0.0);
  for (var base = 0u; base < params.sourceCount; base += TILE) {
    // every invocation reaches both barriers: the loop bounds come from the uniform buffer
    if (base + lane < params.sourceCount) {
      tileAt[lane] = sources[2u * (base + lane)];
      tileNormal[lane] = sources[2u * (base + lane) + 1u];
    }
    workgroupBarrier();
    let count = min(TILE, params.sourceCount - base);
    for (var j = 0u; j < count; j++) {
      let at = tileAt[j];
      let normal = tileNormal[j];
      let d = p - at.xyz;
      let r = sqrt(dot(d, d));
      var amplitude = 1.0 / r;
      if (params.alpha > 0.0) {
        amplitude = amplitude * exp(-params.alpha * r);
      }
      if (params.kb > 0.0) {
        let cosTheta = dot(d, normal.xyz) / r;
        let sinTheta = sqrt(max(0.0, 1.0 - cosTheta * cosTheta));
        let x = params.kb * sinTheta * params.invStep;
        let i = min(u32(x), params.tableLast);
        let t = x - f32(i);
        let directivity = mix(jincTable[i], jincTable[i + 1u], t);
        amplitude = select(0.0, amplitude * directivity, cosTheta > 0.0);
      }
      let e = unitPhasor(params.k * r) * amplitude;
      // (Re c + i Im c)(cos - i sin)
      sum += vec2<f32>(at.w * e.x - normal.w * e.y, normal.w * e.x + at.w * e.y);
    }
    workgroupBarrier();
  }
  if (inside) {
    field[index] = sum;
  }
}
`;
