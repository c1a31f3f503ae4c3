/** Renderer strings of WebGL implementations that rasterise on the CPU (no GPU, or a blocked one). */
const SOFTWARE = /SwiftShader|llvmpipe|softpipe|Software Rasterizer|Basic Render Driver|Microsoft Basic/i;

/** Whether a renderer string names a software rasteriser. */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE.test(renderer);
}

/** What the probe found: whether WebGL 2 starts at all, and whether it rasterises on the CPU. */
let probed: { available: boolean; software: boolean } | undefined;

/** Probes WebGL 2 once on a throwaway context (then released). */
function probe(): { available: boolean; software: boolean } {
  if (probed) return probed;
  if (typeof document === 'undefined') return { available: false, software: false };
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) {
    probed = { available: false, software: false };
    return probed;
  }
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  probed = { available: true, software: isSoftwareRenderer(renderer) };
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return probed;
}

/**
 * Whether this browser's WebGL rasterises on the CPU. On a CPU every pixel costs the main thread a share of the
 * frame's commit, so the view drops multisampling (1.3–2× faster per frame measured under SwiftShader) and renders
 * at one pixel per CSS pixel.
 */
export function softwareWebGL(): boolean {
  return probe().software;
}

/**
 * Whether WebGL 2, which three draws with, can start here: switched off in the browser's settings or by policy, or a
 * blocked graphics driver with no software fallback, leave no context, and a canvas would throw.
 */
export function webGLAvailable(): boolean {
  return probe().available;
}
