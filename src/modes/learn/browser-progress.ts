import { createStore, del, get, set } from 'idb-keyval';
import { type KeyValue, memoryKeyValue } from './progress.ts';

/** The learn mode's own IndexedDB store (apart from the planner's plans), or memory where there is none. */
export function browserProgressStore(): KeyValue {
  if (typeof indexedDB === 'undefined') return memoryKeyValue();
  const store = createStore('fus-learn', 'progress');
  return { get: (key) => get(key, store), set: (key, value) => set(key, value, store), del: (key) => del(key, store) };
}
