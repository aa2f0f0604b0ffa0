/** A remembered read: the tree's ETag and what was made of it. */
export interface CachedTree<T> {
  etag: string;
  value: T;
}

/**
 * Remembers the last ETag and facts per tree, most recently used last, so
 * that an unchanged tree is neither downloaded nor parsed again. Kept in
 * memory per backend replica.
 */
export class TreeCache<T> {
  private readonly entries = new Map<string, CachedTree<T>>();

  constructor(private readonly maxEntries: number) {}

  get(key: string): CachedTree<T> | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedTree<T>): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
