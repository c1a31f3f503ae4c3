import { useEffect, useRef, useState } from 'react';

/** A plan file: PlanDrop opens those (src/ui/PlanDrop.tsx); every other dropped file is an import. */
export function isPlanFileName(name: string): boolean {
  return /\.json$/i.test(name);
}

function carriesFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

/** While dragging, only MIME types are known: all JSON means a plan drop, which PlanDrop's veil announces. */
function onlyPlans(e: DragEvent): boolean {
  const items = Array.from(e.dataTransfer?.items ?? []);
  return items.length > 0 && items.every((item) => item.type === 'application/json');
}

/**
 * Mesh files dropped anywhere on the page (the 3D view first of all) go to the importer. PlanDrop listens on the
 * window for every file drop and opens the first as a plan; this listens on the window in the capture phase, so it
 * sees a drop first: when the drop holds any file that is not a plan (.json), it takes the drop (preventDefault:
 * PlanDrop then only clears its veil) and hands over every non-plan file, or, with a plan among them, the plan with
 * its mesh files. A drop of plans only is left alone. While files are dragged, its veil (above PlanDrop's) says what
 * each kind of file does.
 */
export function ImportDrop({
  onDropFiles,
  onDropPlanWithFiles,
}: {
  onDropFiles: (files: File[]) => void;
  /** a plan dropped together with mesh files: the files a plan on an imported bone needs */
  onDropPlanWithFiles: (plan: File, meshes: File[]) => void;
}) {
  const [over, setOver] = useState(false);
  const latest = useRef(onDropFiles);
  latest.current = onDropFiles;
  const withPlan = useRef(onDropPlanWithFiles);
  withPlan.current = onDropPlanWithFiles;

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth += 1;
      setOver(!onlyPlans(e));
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setOver(false);
      if (!carriesFiles(e)) return;
      const files = Array.from(e.dataTransfer?.files ?? []);
      const meshes = files.filter((f) => !isPlanFileName(f.name));
      if (meshes.length === 0) return;
      e.preventDefault();
      const plan = files.find((f) => isPlanFileName(f.name));
      if (plan) withPlan.current(plan, meshes);
      else latest.current(meshes);
    };
    window.addEventListener('dragenter', enter, true);
    window.addEventListener('dragleave', leave, true);
    window.addEventListener('drop', drop, true);
    return () => {
      window.removeEventListener('dragenter', enter, true);
      window.removeEventListener('dragleave', leave, true);
      window.removeEventListener('drop', drop, true);
    };
  }, []);

  if (!over) return null;
  return (
    <div className="import-veil" data-testid="import-drop-veil" aria-hidden="true">
      <p>Drop bone meshes (STL, OBJ, PLY, glTF/GLB, NIfTI) to import them as a case</p>
      <p className="hint">A plan file (.json) opens as a plan; dropped with its mesh files, it opens on its bone</p>
    </div>
  );
}
