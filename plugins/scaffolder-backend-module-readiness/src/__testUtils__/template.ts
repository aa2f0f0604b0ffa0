import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';

/** The production-ready service template of this repository. */
export const TEMPLATE_DIR = resolve(
  __dirname,
  '../../../../templates/production-ready-service',
);

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(entry => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.isFile() ? [path] : [];
    }),
  );
  return nested.flat();
}

/** The template entity and its files, as the scaffolder's dry-run takes them. */
export async function loadTemplate() {
  const template = parse(
    await readFile(join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
  );
  const files = await walk(TEMPLATE_DIR);
  const directoryContents = await Promise.all(
    files.map(async file => ({
      path: relative(TEMPLATE_DIR, file).split(sep).join('/'),
      base64Content: (await readFile(file)).toString('base64'),
    })),
  );
  return { template, directoryContents };
}

/** Answers for the template's parameters, as a tier 1 team would give them. */
export const TEMPLATE_VALUES = {
  name: 'orders-api',
  description: 'Takes web-shop orders and hands them to fulfilment.',
  owner: 'group:default/team-payments',
  system: 'system:default/checkout',
  tier: '1',
  lifecycle: 'production',
  onCallServiceId: 'PORDERS1',
  sloTarget: '99.9',
  dataClassification: 'confidential',
  personalData: 'personal',
  repoUrl: 'github.com?owner=example-org&repo=orders-api',
  publishTo: 'local',
};
