/** The bundled phantoms, in picker order, and the in-memory generation used by index.ts and the tests. */
import { bonePlateValidation } from './bone-plate-validation';
import { femurShaft } from './femur-shaft';
import { phantomGlb } from './glb-writer';
import { iliacWing } from './iliac-wing';
import type { Phantom } from './phantom';
import { rib } from './rib';

export interface CatalogueEntry {
  id: string;
  title: string;
  description: string;
  file: string;
  default: boolean;
}

export const DEFAULT_PHANTOM = 'femur-shaft';

export const PHANTOM_BUILDERS: readonly (() => Phantom)[] = [femurShaft, iliacWing, rib, bonePlateValidation];

export function buildPhantoms(): Phantom[] {
  return PHANTOM_BUILDERS.map((build) => build());
}

export function catalogueOf(phantoms: readonly Phantom[]): CatalogueEntry[] {
  return phantoms.map(({ info }) => ({
    id: info.id,
    title: info.title,
    description: info.description,
    file: `${info.id}.glb`,
    default: info.id === DEFAULT_PHANTOM,
  }));
}

/** Every output file (relative to models/) and its exact bytes. */
export async function generateFiles(): Promise<Map<string, Uint8Array>> {
  const phantoms = buildPhantoms();
  const files = new Map<string, Uint8Array>();
  for (const phantom of phantoms) files.set(`${phantom.info.id}.glb`, await phantomGlb(phantom));
  files.set('catalogue.json', new TextEncoder().encode(`${JSON.stringify(catalogueOf(phantoms), null, 2)}\n`));
  return files;
}
