import * as Sentry from '@sentry/node';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OpenFeature } from '@openfeature/server-sdk';

Sentry.init({ dsn: process.env.SENTRY_DSN });
new NodeSDK().start();
export const flags = OpenFeature.getClient('auth-gateway');
