/**
 * Kubernetes resource quantities (`768Mi`, `1Gi`, `500m`, `0.5`, `1e3`).
 */

const SUFFIXES: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/**
 * The numeric value of a quantity in base units (bytes for memory, cores for
 * CPU), or undefined when it is not a valid quantity.
 */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match =
    /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?$/.exec(
      value.trim(),
    );
  if (!match) return undefined;
  return Number(match[1]) * SUFFIXES[match[2] ?? ''];
}

/** A memory quantity in whole bytes. */
export function memoryBytes(value: unknown): number | undefined {
  const parsed = parseQuantity(value);
  return parsed === undefined ? undefined : Math.ceil(parsed);
}

/** A CPU quantity in millicores. */
export function cpuMillicores(value: unknown): number | undefined {
  const parsed = parseQuantity(value);
  return parsed === undefined ? undefined : Math.round(parsed * 1000);
}
