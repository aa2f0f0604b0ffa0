import { Content, Header, Page } from '@backstage/core-components';
import { ReadinessOverview } from './ReadinessOverview';

/**
 * The overview inside the page's content area, for apps whose page frame
 * already draws the header (the new frontend system).
 *
 * @public
 */
export function ReadinessOverviewContent() {
  return (
    <Content>
      <ReadinessOverview />
    </Content>
  );
}

/**
 * The overview as a full page with its own header, for the legacy frontend
 * system.
 *
 * @public
 */
export function ReadinessOverviewPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Production readiness"
        subtitle="How ready every service is for production, and what to do next"
      />
      <ReadinessOverviewContent />
    </Page>
  );
}
