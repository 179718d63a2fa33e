/** Helpers for engine unit tests: a fresh engine on fake-indexeddb per test. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Engine, type EngineOptions } from './engine';

/** A fake IndexedDB of its own, so tests never share state. */
export function freshIndexedDB(): { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

/** Opens an engine on its own fake IndexedDB (or on `deps` to reopen the same base). */
export function openTestEngine(options: EngineOptions = {}): Promise<Engine> {
  return Engine.open({ dbName: 'test', deps: options.deps ?? freshIndexedDB(), ...options });
}
