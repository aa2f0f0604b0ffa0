import { UrlReaderService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { RepositoryFile } from '../facts';
import { TreeBudget } from './TreeBudget';
import { TreeReadOptions, TreeReadResult } from './TreeRead';

/**
 * Reads trees through Backstage's UrlReaderService, so every SCM integration
 * the portal has configured works, and `backend.reading.allow` decides about
 * other hosts. The ETag of the last read is passed on; the readers answer an
 * unchanged tree with NotModifiedError before downloading it.
 */
export class UrlTreeReader {
  constructor(private readonly reader: UrlReaderService) {}

  async read(url: string, options: TreeReadOptions): Promise<TreeReadResult> {
    const budget = new TreeBudget(options.limits, options.select);
    let response;
    try {
      response = await this.reader.readTree(url, {
        etag: options.etag,
        signal: options.signal,
        filter: (path, info) => budget.admit(path, info?.size ?? 0),
      });
    } catch (error) {
      if (isError(error) && error.name === 'NotModifiedError') {
        return { notModified: true };
      }
      throw error;
    }
    const files: RepositoryFile[] = [];
    for (const file of await response.files()) {
      const parsed = budget.toFile(file.path, await file.content());
      if (parsed) files.push(parsed);
    }
    return {
      notModified: false,
      etag: response.etag,
      files: [...files, ...budget.large],
      skipped: budget.skipped,
      exceeded: budget.exceeded,
    };
  }
}
