import express from 'express';
import Router from 'express-promise-router';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ReadinessStore } from '../database/ReadinessStore';
import { FactProviderRegistry } from '../providers/FactProviderRegistry';

/** What the router needs; built in plugin.ts. */
export interface RouterOptions {
  store: ReadinessStore;
  providers: FactProviderRegistry;
  logger: LoggerService;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, providers, logger } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', async (_req, res) => {
    const factProviders = providers.list().map(p => p.id);
    try {
      await store.ping();
      res.json({ status: 'ok', database: { reachable: true }, factProviders });
    } catch (error) {
      logger.warn(`Readiness database is not reachable: ${error}`);
      res.status(503).json({
        status: 'error',
        database: { reachable: false, error: String(error) },
        factProviders,
      });
    }
  });

  return router;
}
