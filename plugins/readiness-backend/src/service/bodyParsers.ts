import express, { NextFunction, Request, Response } from 'express';
import { CustomErrorBase, InputError } from '@backstage/errors';

/** Largest JSON body of `POST /evaluate` (manifests and repository files). */
export const EVALUATE_BODY_LIMIT = '5mb';
/** Largest JSON body of every other route (attestations, exemptions). */
export const DEFAULT_BODY_LIMIT = '100kb';

/** A request body over the route's size limit; answered with 413. */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413;
}

/**
 * A JSON body parser whose failures are clear client errors: a body over
 * `limit` is a 413 naming the limit, malformed JSON a 400 saying so.
 */
export function jsonBody(limit: string, route: string) {
  const parser = express.json({ limit });
  return (req: Request, res: Response, next: NextFunction) => {
    parser(req, res, (error?: unknown) => {
      if (!error) {
        next();
        return;
      }
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.large') {
        next(
          new PayloadTooLargeError(
            `Request body is larger than the ${limit} allowed for ${route}`,
          ),
        );
      } else if (type === 'entity.parse.failed') {
        next(
          new InputError(
            `Request body is not valid JSON: ${(error as Error).message}`,
          ),
        );
      } else if (
        type === 'encoding.unsupported' ||
        type === 'charset.unsupported'
      ) {
        next(new InputError(`Request body: ${(error as Error).message}`));
      } else {
        next(error);
      }
    });
  };
}
