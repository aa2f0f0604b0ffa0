import { FactProvider } from '@readiness/backstage-plugin-readiness-node';

/** Holds the fact providers that modules registered; ids are unique. */
export class FactProviderRegistry {
  private readonly providers = new Map<string, FactProvider>();

  add(...providers: FactProvider[]): void {
    for (const provider of providers) {
      if (this.providers.has(provider.id)) {
        throw new Error(
          `A readiness fact provider with id '${provider.id}' is already registered`,
        );
      }
      this.providers.set(provider.id, provider);
    }
  }

  list(): FactProvider[] {
    return [...this.providers.values()];
  }
}
