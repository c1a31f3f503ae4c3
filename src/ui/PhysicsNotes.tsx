import { type ReactNode, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { renderMarkdown, slug } from './markdown.ts';

/**
 * The physics notes the app ships (src/physics/CONTEXT.md: models, assumptions, validity limits, measured errors,
 * references), read in the app: the repository has no public address to link to, and a trainee offline still has
 * them. Loaded on first open (30 kB), so the app does not carry them until asked.
 */
function PhysicsNotesDialog({ section, onClose }: { section: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState<string>();
  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    void import('../physics/CONTEXT.md?raw').then((m) => {
      if (live) setText(m.default);
    });
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!text) return;
    const id = slug(section);
    const heading = [...(dialog.current?.querySelectorAll('h2, h3, h4') ?? [])].find((h) => h.id.startsWith(id));
    heading?.scrollIntoView({ block: 'start' });
  }, [text, section]);
  return (
    <dialog
      ref={dialog}
      className="physics-notes"
      data-testid="physics-notes"
      aria-label="Physics notes"
      onClose={onClose}
    >
      <div className="physics-notes-bar">
        <strong>Physics notes (src/physics/CONTEXT.md)</strong>
        <button type="button" className="small" data-testid="physics-notes-close" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="physics-notes-body">{text ? renderMarkdown(text) : <p className="hint">Loading…</p>}</div>
    </dialog>
  );
}

/** A link that opens the physics notes at a section ("Measured errors", "Validity limits"). */
export function PhysicsNotesLink({ section, children }: { section: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <a
        href={`#physics-notes-${slug(section)}`}
        data-testid="physics-notes-link"
        onClick={(e) => {
          e.preventDefault();
          setOpen(true);
        }}
      >
        {children}
      </a>
      {open && createPortal(<PhysicsNotesDialog section={section} onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}
