import { Dirent } from 'node:fs';
import { lstat, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { isChildPath } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createTemplateAction,
  parseRepoUrl,
} from '@backstage/plugin-scaffolder-node';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { readFileNoFollow } from '@readiness/backstage-plugin-readiness-node';
import { examples } from './publishRepository.examples';

/**
 * Where `readiness:repository:publish` writes, from
 * `readiness.scaffolder.localPublish` in app-config.
 *
 * @public
 */
export interface LocalPublishOptions {
  /** Absolute directory the repositories are written under. */
  root: string;
  /** A catalog Location (entity ref) whose targets cover the published descriptors; refreshed after publishing. */
  catalogLocation?: string;
}

/** An owner or repository name: no separators, and not `.` or `..`. */
const SEGMENT = /^(?!\.+$)[\w.-]+$/;

const toPosix = (path: string) => path.split(sep).join('/');

/** Copies a tree without following symbolic links; returns the links left out. */
async function copyTree(from: string, to: string): Promise<string[]> {
  const skipped: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
    await mkdir(join(to, relative(from, dir)), { recursive: true });
    for (const entry of entries) {
      const source = join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        skipped.push(toPosix(relative(from, source)));
      } else if (entry.isDirectory()) {
        await walk(source);
      } else if (entry.isFile()) {
        await writeFile(
          join(to, relative(from, source)),
          await readFileNoFollow(source),
          { flag: 'wx' },
        );
      }
    }
  };
  await walk(from);
  return skipped;
}

/**
 * Creates `readiness:repository:publish`: publishes the workspace for a portal
 * without an SCM host, into a directory laid out by repository URL:
 * `<root>/<host>/<owner>/<repo>/tree/<branch>/` holds what
 * `https://<host>/<owner>/<repo>/tree/<branch>/` addresses, so that one
 * `readiness.repository.mirrors` entry (`https://<host>/` to
 * `file:<root>/<host>/`) lets the repository module read every published
 * service at its real `backstage.io/source-location`, and a catalog file
 * Location with a glob target registers their descriptors.
 *
 * @public
 */
export function createPublishRepositoryAction(options: {
  publish?: LocalPublishOptions;
  integrations: ScmIntegrationRegistry;
  catalog: CatalogService;
}) {
  return createTemplateAction({
    id: 'readiness:repository:publish',
    description:
      'Publishes the workspace into a local directory laid out by repository URL (for portals without an SCM host, such as the offline demo) and refreshes the catalog Location that covers it.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: z =>
          z
            .string()
            .describe(
              'Repository location as RepoUrlPicker gives it, e.g. github.com?owner=example-org&repo=orders-api',
            ),
        defaultBranch: z =>
          z
            .string()
            .regex(/^[\w.-]+$/)
            .default('main')
            .describe('Branch name'),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Directory of the workspace to publish; default all of it',
            ),
      },
      output: {
        remoteUrl: z => z.string().describe('URL of the repository'),
        repoContentsUrl: z =>
          z.string().describe('URL of the published branch contents'),
        localPath: z =>
          z.string().describe('Directory the files were written to'),
      },
    },
    async handler(ctx) {
      const publish = options.publish;
      if (!publish) {
        throw new InputError(
          'readiness:repository:publish needs readiness.scaffolder.localPublish.root in app-config',
        );
      }
      const { host, owner, repo } = parseRepoUrl(
        ctx.input.repoUrl,
        options.integrations,
      );
      if (!owner || !SEGMENT.test(owner) || !SEGMENT.test(repo)) {
        throw new InputError(
          `repoUrl: "${ctx.input.repoUrl}" needs an owner and a repo of letters, digits, ".", "_" and "-" (not only dots)`,
        );
      }
      const branch = ctx.input.defaultBranch;
      const remoteUrl = `https://${host}/${owner}/${repo}`;
      const repoContentsUrl = `${remoteUrl}/tree/${branch}/`;
      const target = resolve(publish.root, host, owner, repo, 'tree', branch);
      if (!isChildPath(publish.root, target)) {
        throw new InputError(
          `repoUrl: "${ctx.input.repoUrl}" leaves the publish root`,
        );
      }
      const source = ctx.input.sourcePath
        ? resolve(ctx.workspacePath, ctx.input.sourcePath)
        : ctx.workspacePath;
      if (!isChildPath(ctx.workspacePath, source)) {
        throw new InputError(
          `sourcePath: "${ctx.input.sourcePath}" is outside the workspace`,
        );
      }
      ctx.output('remoteUrl', remoteUrl);
      ctx.output('repoContentsUrl', repoContentsUrl);
      ctx.output('localPath', target);
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would publish ${remoteUrl} to ${target}`);
        return;
      }
      if (
        await lstat(resolve(publish.root, host, owner, repo)).catch(
          () => undefined,
        )
      ) {
        throw new ConflictError(
          `${remoteUrl} is already published at ${resolve(
            publish.root,
            host,
            owner,
            repo,
          )}; choose another repository name`,
        );
      }
      const skipped = await copyTree(source, target);
      if (skipped.length) {
        ctx.logger.warn(`Symbolic links not published: ${skipped.join(', ')}`);
      }
      ctx.logger.info(`Published ${remoteUrl} to ${target}`);
      if (publish.catalogLocation) {
        await options.catalog.refreshEntity(publish.catalogLocation, {
          credentials: await ctx.getInitiatorCredentials(),
        });
        ctx.logger.info(
          `Refreshed ${publish.catalogLocation}, which registers the published catalog-info.yaml`,
        );
      }
    },
  });
}
