import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import readinessPlugin from '@readiness/backstage-plugin-readiness/alpha';
import { navModule } from './modules/nav';

export default createApp({
  features: [catalogPlugin, readinessPlugin, navModule],
});
