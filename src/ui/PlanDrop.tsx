import { useEffect, useRef, useState } from 'react';

function carriesFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

/**
 * A plan file dropped anywhere on the page opens it (the first file of the drop), unless another handler took the drop
 * first (`defaultPrevented`: the importer's, for mesh files). While a file is dragged over the
 * page, a veil says what dropping it does. Drags of anything else (text, the 3D view's own handles) are left alone.
 */
export function PlanDrop({ onDropFile }: { onDropFile: (file: File) => void }) {
  const [over, setOver] = useState(false);
  const latest = useRef(onDropFile);
  latest.current = onDropFile;

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them so the veil stays while over the page.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth += 1;
      setOver(true);
    };
    const overPage = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = 0;
      setOver(false);
      // Taken already (the importer's drop of mesh files, ImportDrop.tsx): the veil goes, nothing opens.
      if (e.defaultPrevented) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file) latest.current(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overPage);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overPage);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (!over) return null;
  return (
    <div className="drop-veil" data-testid="plan-drop-veil" aria-hidden="true">
      <p>Drop a plan file (.json) to open it</p>
    </div>
  );
}
