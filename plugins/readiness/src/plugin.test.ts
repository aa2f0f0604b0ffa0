import { readinessApiRef } from './api';
import { readinessPlugin } from './plugin';

describe('readinessPlugin (legacy frontend system)', () => {
  it('provides the readiness API and the root route', () => {
    expect(readinessPlugin.getId()).toBe('readiness');
    expect([...readinessPlugin.getApis()].map(f => f.api.id)).toEqual([
      readinessApiRef.id,
    ]);
    expect(readinessPlugin.routes.root).toBeDefined();
  });
});
