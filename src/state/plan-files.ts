import { createStore } from 'zustand/vanilla';

/**
 * What the panels show of plans as files (save, open, link, recent, report): plain data the app (src/app/plan-io.ts)
 * writes and the UI reads. Kept apart from the planner store: none of it is a plan, none of it is undoable.
 */

/** A line for the user after a plan action; errors name the field the plan format refused. */
export interface PlanMessage {
  kind: 'info' | 'error';
  text: string;
  /** what of the file the app does not hold, or further detail */
  notes?: string[];
  /** a link to copy by hand when the clipboard refused it */
  link?: string;
  /** the mesh files a plan on an imported bone waits for (the panel offers a file picker for them) */
  needs?: string[];
}

/** A plan of the recent list, as the list shows it. */
export interface RecentEntry {
  id: string;
  name: string;
  caseTitle: string;
  spots: number;
  /** [ms since 1970] */
  savedAt: number;
  how: 'saved' | 'opened' | 'link' | 'replaced';
}

/** The printable report, while it is open. */
export interface ReportState {
  /** the plan's name (its file's, else the case's title) */
  planName: string;
  /** the 3D view as a figure (object URL of a PNG), when it could be composed */
  image: string | undefined;
  /** [ms since 1970] */
  createdAt: number;
}

export interface PlanFilesState {
  message: PlanMessage | undefined;
  recent: RecentEntry[];
  /** a plan action is under way (reading a file, switching case) */
  busy: boolean;
  report: ReportState | undefined;
}

export function createPlanFilesStore() {
  return createStore<PlanFilesState>()(() => ({ message: undefined, recent: [], busy: false, report: undefined }));
}

export type PlanFilesStoreApi = ReturnType<typeof createPlanFilesStore>;
