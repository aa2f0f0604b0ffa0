/**
 * Types shared by the Readiness plugins.
 *
 * @packageDocumentation
 */

export * from './types';
