import catalogue from '../../models/catalogue.json';

export interface CaseEntry {
  id: string;
  title: string;
  description: string;
  url: string;
  isDefault: boolean;
}

// The bundled phantoms are files in models/; Vite fingerprints them and gives their served URLs.
const urls = import.meta.glob<string>('../../models/*.glb', { query: '?url', import: 'default', eager: true });

interface CatalogueRow {
  id: string;
  title: string;
  description: string;
  file: string;
  default?: boolean;
}

export const CASES: readonly CaseEntry[] = (catalogue as CatalogueRow[]).flatMap((row) => {
  const url = urls[`../../models/${row.file}`];
  return url
    ? [{ id: row.id, title: row.title, description: row.description, url, isDefault: row.default === true }]
    : [];
});

export const DEFAULT_CASE_ID = (CASES.find((c) => c.isDefault) ?? CASES[0])?.id ?? '';
