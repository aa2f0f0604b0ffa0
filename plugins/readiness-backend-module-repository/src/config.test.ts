import { ConfigReader } from '@backstage/config';
import { DEFAULT_OPTIONS, readRepositoryOptions } from './config';

describe('readRepositoryOptions', () => {
  it('works without any config', () => {
    expect(readRepositoryOptions(new ConfigReader({}))).toEqual({
      ...DEFAULT_OPTIONS,
      allowedLocalRoots: [],
      mirrors: [],
    });
  });

  it('reads sizes with units and rejects nonsense naming the key', () => {
    const options = readRepositoryOptions(
      new ConfigReader({
        readiness: {
          repository: {
            limits: { maxTreeSize: '20 MiB', maxFileSize: 65536 },
            concurrency: 8,
          },
        },
      }),
    );
    expect(options.limits).toMatchObject({
      maxTreeSize: 20 * 1024 * 1024,
      maxFileSize: 65536,
    });
    expect(options.concurrency).toBe(8);
    expect(() =>
      readRepositoryOptions(
        new ConfigReader({
          readiness: { repository: { limits: { maxFileSize: 'huge' } } },
        }),
      ),
    ).toThrow('Invalid readiness.repository.limits.maxFileSize: "huge"');
    expect(() =>
      readRepositoryOptions(
        new ConfigReader({ readiness: { repository: { concurrency: 0 } } }),
      ),
    ).toThrow('Invalid readiness.repository.concurrency: 0');
  });
});
