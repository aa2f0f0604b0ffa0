export interface CaptureStore {
  findByKey(key: string): Promise<{ id: string } | undefined>;
  save(key: string, authorisationId: string): Promise<{ id: string }>;
}

/** Captures an authorisation once per idempotency key. */
export async function capture(
  store: CaptureStore,
  key: string,
  authorisationId: string,
): Promise<{ id: string }> {
  const existing = await store.findByKey(key);
  return existing ?? store.save(key, authorisationId);
}
