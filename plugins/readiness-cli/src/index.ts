/**
 * The `readiness` command line: evaluates rendered Kubernetes manifests and a
 * repository tree against a Readiness scorecard, with the evaluator and fact
 * derivation of `POST /api/readiness/evaluate`.
 *
 * @packageDocumentation
 */

export { main, EXIT_CODES, type CliIo } from './main';
export { evaluateDirectories, type EvaluateReport } from './evaluate';
export { run } from './run';
