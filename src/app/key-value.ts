import { createStore, del, get, set } from 'idb-keyval';

/**
 * The browser storage the app and its modes use: IndexedDB through idb-keyval behind a three-call interface, so
 * whatever keeps things (the planner's plans, imported cases, the learn mode's progress) runs in Node tests on a Map.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

/**
 * IndexedDB, or memory where the browser has none (a private window of some browsers): nothing then survives a reload.
 * @param database - the IndexedDB database: the planner's (`fus-planner`), or a mode's own
 * @param objectStore - the object store in it
 */
export function browserKeyValue(database = 'fus-planner', objectStore = 'plans'): KeyValueStore {
  if (typeof indexedDB === 'undefined') return memoryKeyValue();
  const store = createStore(database, objectStore);
  return { get: (key) => get(key, store), set: (key, value) => set(key, value, store), del: (key) => del(key, store) };
}

/** A key-value store in memory; values are copied in and out as IndexedDB's structured clone does. */
export function memoryKeyValue(): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => (data.has(key) ? structuredClone(data.get(key)) : undefined),
    set: async (key, value) => {
      data.set(key, structuredClone(value));
    },
    del: async (key) => {
      data.delete(key);
    },
  };
}

/**
 * A small synchronous store for what must be written while the page goes away (pagehide): an IndexedDB write begun
 * then may never finish, a localStorage write does. Strings only.
 */
export interface SyncKeyValue {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/**
 * localStorage under a prefix, or memory where it is missing or refuses (storage full, privacy settings).
 * @param prefix - put before every key, so the app's entries are apart from anything else on the origin
 */
export function browserSyncKeyValue(prefix: string): SyncKeyValue {
  const memory = memorySyncKeyValue();
  const local = typeof localStorage === 'undefined' ? undefined : localStorage;
  return {
    get: (key) => {
      try {
        return local ? local.getItem(prefix + key) : memory.get(key);
      } catch {
        return memory.get(key);
      }
    },
    set: (key, value) => {
      try {
        if (local) local.setItem(prefix + key, value);
        else memory.set(key, value);
      } catch {
        memory.set(key, value);
      }
    },
    remove: (key) => {
      try {
        local?.removeItem(prefix + key);
      } catch {
        // nothing to remove where nothing could be written
      }
      memory.remove(key);
    },
  };
}

/** A synchronous store in memory (tests, and the fallback of browserSyncKeyValue). */
export function memorySyncKeyValue(): SyncKeyValue & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: (key) => data.get(key) ?? null,
    set: (key, value) => {
      data.set(key, value);
    },
    remove: (key) => {
      data.delete(key);
    },
  };
}
