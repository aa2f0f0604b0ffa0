import { FactProvider } from '@readiness/backstage-plugin-readiness-node';
import { FactProviderRegistry } from './FactProviderRegistry';

function provider(id: string): FactProvider {
  return { id, collect: async () => new Map() };
}

describe('FactProviderRegistry', () => {
  it('lists providers in registration order', () => {
    const registry = new FactProviderRegistry();
    registry.add(provider('kubernetes'), provider('repository'));
    registry.add(provider('catalog'));
    expect(registry.list().map(p => p.id)).toEqual([
      'kubernetes',
      'repository',
      'catalog',
    ]);
  });

  it('rejects a second provider with the same id', () => {
    const registry = new FactProviderRegistry();
    registry.add(provider('kubernetes'));
    expect(() => registry.add(provider('kubernetes'))).toThrow(
      "A readiness fact provider with id 'kubernetes' is already registered",
    );
  });
});
