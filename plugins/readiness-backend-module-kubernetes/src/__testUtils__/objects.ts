import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resolveRelativeTimes } from '@readiness/backstage-plugin-readiness-common';
import { parseManifests } from '../facts/manifests';
import { KubeObject } from '../facts/objects';
import { REPO_ROOT } from './demo';

/**
 * Namespace directories of the three fixture services of
 * readiness-checklist.md section 8; the other demo services live in others.
 */
const FIXTURE_NAMESPACES = new Set([
  'payments',
  'payments-staging',
  'discovery',
  'discovery-staging',
  'reports',
]);

/**
 * The objects of the fixture services in one example cluster directory (and
 * the cluster's own objects, such as Nodes), with relative times resolved.
 */
export function exampleObjects(
  cluster: string,
  now = new Date(),
): KubeObject[] {
  const walk = (dir: string, depth = 0): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap(name => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          return depth > 0 || FIXTURE_NAMESPACES.has(name)
            ? walk(path, depth + 1)
            : [];
        }
        return /\.ya?ml$/.test(name) ? [path] : [];
      });
  const dir = join(REPO_ROOT, 'examples/kubernetes', cluster);
  return walk(dir).flatMap(
    file =>
      resolveRelativeTimes(
        parseManifests(readFileSync(file, 'utf8'), file),
        now,
      ) as KubeObject[],
  );
}

/** A minimal Deployment with a pod template carrying `labels`. */
export function deployment(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  replicas = 2,
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { ...labels, app: name } },
        spec: {
          containers: [
            {
              name: 'app',
              image: `registry.example.com/${name}:1.0.0`,
              ports: [{ name: 'http', containerPort: 8080 }],
              resources: {
                requests: { cpu: '100m', memory: '128Mi' },
                limits: { memory: '128Mi' },
              },
            },
          ],
        },
      },
    },
    status: {
      replicas,
      availableReplicas: replicas,
      conditions: [{ type: 'Available', status: 'True' }],
    },
  };
}

/** `count` filler Deployments of nobody in their own namespace, to make lists page. */
export function fillerDeployments(count: number): KubeObject[] {
  return Array.from({ length: count }, (_, i) =>
    deployment(
      `filler-${i}`,
      'filler',
      { 'backstage.io/kubernetes-id': `filler-${i}` },
      1,
    ),
  );
}
