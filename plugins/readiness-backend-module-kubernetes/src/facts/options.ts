/**
 * Options of the fact builder that come from config.
 *
 * @public
 */
export interface FactOptions {
  /** The time facts are computed at (ages, "last 24 hours", certificate expiry). */
  now: Date;
  /** Label the central Alertmanager routes on; its value must name the owner Group. Default `team`. */
  alertRoutingLabel: string;
  /** Env and ConfigMap key names that look like credentials but are harmless, e.g. `TOKEN_URL`. */
  secretNameAllowList: string[];
  /** Extra environment variables that count as a tracing exporter (vendor agents). */
  tracingEnvVars: string[];
  /** The provider's record of digests seen per environment, when it keeps one. */
  promotion?: PromotionRecord;
}

/**
 * When a digest was first seen in an environment; kept by the provider over
 * refreshes (bounded to 30 days), so that promotion from staging can be judged.
 *
 * @public
 */
export interface PromotionRecord {
  /** Since when the record covers staging; undefined when it has not started. */
  since(): string | undefined;
  /** First time the digest of the repository was seen in the environment. */
  firstSeen(
    environment: string,
    repository: string,
    digest: string,
  ): string | undefined;
}

/** The defaults for options not given. */
export function factOptions(partial: Partial<FactOptions> = {}): FactOptions {
  return {
    now: partial.now ?? new Date(),
    alertRoutingLabel: partial.alertRoutingLabel ?? 'team',
    secretNameAllowList: partial.secretNameAllowList ?? [],
    tracingEnvVars: partial.tracingEnvVars ?? [],
    promotion: partial.promotion,
  };
}

const SENSITIVE =
  /PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|APIKEY|PRIVATE_KEY|CREDENTIAL|ACCESS_KEY/i;

/** True for env or ConfigMap key names that look like credentials and are not allowed. */
export function isSensitiveName(name: string, options: FactOptions): boolean {
  if (!SENSITIVE.test(name)) return false;
  const upper = name.toUpperCase();
  return !options.secretNameAllowList.some(a => a.toUpperCase() === upper);
}
