import { parseArgs } from 'node:util';
import { formatVerdict } from '@readiness/backstage-plugin-readiness-node';
import { evaluateDirectories } from './evaluate';

/**
 * Where the command writes, and the directory relative paths start from.
 *
 * @public
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

/**
 * Exit codes of the command.
 *
 * @public
 */
export const EXIT_CODES = {
  /** Evaluated; the minimum level, if any, is reached. */
  ok: 0,
  /** Evaluated; the level is below `--min-level`. */
  belowMinimum: 1,
  /** Bad arguments or unreadable input; nothing was evaluated. */
  error: 2,
} as const;

const USAGE = `Usage: readiness evaluate --repo DIR [--manifests DIR] [--entity FILE]
                          [--name NAME] [--scorecard FILE] [--scorecard-id ID]
                          [--format text|json] [--min-level LEVEL|target]

Evaluates a repository tree, its rendered Kubernetes manifests and its catalog
entity against a Readiness scorecard, as POST /api/readiness/evaluate does.

  --repo DIR          the repository tree (every file is evidence)
  --manifests DIR     rendered Kubernetes manifests (YAML or JSON, recursive)
  --entity FILE       catalog descriptor; default DIR/catalog-info.yaml of --repo
  --name NAME         the entity to use when the descriptor holds several
  --scorecard FILE    YAML with a top-level scorecards list; default: the
                      built-in production-readiness scorecard
  --scorecard-id ID   the scorecard to use; default: the first that applies
  --format text|json  default text
  --min-level LEVEL   exit with 1 when the automatable checks do not reach it;
                      "target" means the scorecard target of the entity tier

Exit codes: 0 evaluated (and the minimum reached), 1 below the minimum level,
2 bad arguments or input.
`;

/**
 * Runs the command line `args` (without `node` and the script).
 *
 * @public
 */
export async function main(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        repo: { type: 'string' },
        manifests: { type: 'string' },
        entity: { type: 'string' },
        name: { type: 'string' },
        scorecard: { type: 'string' },
        'scorecard-id': { type: 'string' },
        format: { type: 'string', default: 'text' },
        'min-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT_CODES.error;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_CODES.ok;
  }
  const problems = [
    positionals[0] !== 'evaluate' || positionals.length !== 1
      ? `unknown command "${positionals.join(' ')}"; the command is "evaluate"`
      : undefined,
    values.repo ? undefined : '--repo is required',
    ['text', 'json'].includes(values.format!)
      ? undefined
      : `--format must be text or json, not "${values.format}"`,
  ].filter(Boolean);
  if (problems.length) {
    io.stderr(`${problems.join('\n')}\n\n${USAGE}`);
    return EXIT_CODES.error;
  }
  try {
    const report = await evaluateDirectories({
      repo: values.repo!,
      manifests: values.manifests,
      entity: values.entity,
      entityName: values.name,
      scorecardFile: values.scorecard,
      scorecardId: values['scorecard-id'],
      minimumLevel: values['min-level'],
      cwd: io.cwd,
    });
    if (values.format === 'json') {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      io.stdout(
        `${formatVerdict(report, {
          entityRef: report.entityRef,
          minimumLevel: report.minimumLevel ?? undefined,
        })}\n`,
      );
      if (report.skipped.length) {
        io.stdout(
          `Not read: ${report.skipped
            .map(s => `${s.path} (${s.reason})`)
            .join(', ')}\n`,
        );
      }
    }
    if (!report.passed) {
      io.stderr(
        `${report.entityRef} reaches level ${
          report.level ?? 'none'
        }, below the minimum level ${report.minimumLevel}\n`,
      );
      return EXIT_CODES.belowMinimum;
    }
    return EXIT_CODES.ok;
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return EXIT_CODES.error;
  }
}
