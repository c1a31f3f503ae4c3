/** Renderer strings of WebGL implementations that rasterise on the CPU (no GPU, or a blocked one). */
const SOFTWARE = /SwiftShader|llvmpipe|softpipe|Software Rasterizer|Basic Render Driver|Microsoft Basic/i;

/** Whether a renderer string names a software rasteriser. */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE.test(renderer);
}

let cached: boolean | undefined;

/**
 * Whether this browser's WebGL rasterises on the CPU, probed once on a throwaway context (then released). On a
 * CPU every pixel costs the main thread a share of the frame's commit, so the view drops multisampling (1.3–2×
 * faster per frame measured under SwiftShader) and renders at one pixel per CSS pixel.
 */
export function softwareWebGL(): boolean {
  if (cached !== undefined) return cached;
  cached = false;
  if (typeof document === 'undefined') return cached;
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return cached;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  cached = isSoftwareRenderer(renderer);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return cached;
}
