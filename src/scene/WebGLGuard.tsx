import { Component, type ReactNode } from 'react';
import { webGLAvailable } from './renderer-kind.ts';

interface GuardProps {
  /** what the 3D view would draw */
  children: ReactNode;
  /** what stands in its place when WebGL cannot draw (the rest of the page keeps working) */
  fallback: ReactNode;
}

/**
 * A 3D canvas where WebGL can draw, else `fallback`: where WebGL 2 does not start (probed before the canvas is made),
 * or the canvas throws while it starts. Without it a browser with WebGL switched off showed a blank page: the
 * canvas's error took the whole app down with it.
 */
export class WebGLGuard extends Component<GuardProps, { failed: boolean }> {
  override state = { failed: !webGLAvailable() };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn(`The 3D view could not start: ${String(error)}`);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** The planner's words where the 3D view cannot be drawn. */
export function NoWebGLNotice() {
  return (
    <div className="no-webgl" role="status" data-testid="no-webgl">
      <p>
        <strong>The 3D view cannot be drawn in this browser</strong>: WebGL 2 did not start (it may be switched off in
        the browser's settings, or the graphics driver blocked).
      </p>
      <p>
        Everything else works: the beams' checks, Sonicate, plans and their results are computed and shown in the
        panels. To see the view, turn on hardware acceleration (or WebGL) in the browser's settings, or open the planner
        in another browser.
      </p>
    </div>
  );
}
