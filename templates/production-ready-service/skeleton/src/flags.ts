import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';

/** The flags this service knows, off unless listed in FEATURE_FLAGS. */
export const FLAGS = ['new-greeting'] as const;

/** Feature flags through OpenFeature; swap the provider for a flag service later. */
export async function setUpFlags(enabled: string[]) {
  await OpenFeature.setProviderAndWait(
    new InMemoryProvider(
      Object.fromEntries(
        FLAGS.map(flag => [
          flag,
          {
            variants: { on: true, off: false },
            defaultVariant: enabled.includes(flag) ? 'on' : 'off',
            disabled: false,
          },
        ]),
      ),
    ),
  );
  return OpenFeature.getClient();
}

export type Flags = Awaited<ReturnType<typeof setUpFlags>>;
