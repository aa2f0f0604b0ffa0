import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';

/**
 * Exports traces over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; the SDK
 * reads the endpoint and OTEL_SERVICE_NAME itself. Import before anything else.
 */
export function startTracing(env: NodeJS.ProcessEnv = process.env) {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return undefined;
  const sdk = new NodeSDK({ instrumentations: [new HttpInstrumentation()] });
  sdk.start();
  return sdk;
}
