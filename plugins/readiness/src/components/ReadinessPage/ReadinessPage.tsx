import {
  Content,
  ContentHeader,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { readinessApiRef } from '../../api';

/** Status of the readiness backend, shown until the overview is built. */
export const BackendStatus = () => {
  const api = useApi(readinessApiRef);
  const { value, loading, error } = useAsync(() => api.getHealth(), [api]);

  if (loading) {
    return <Progress />;
  }
  if (error || !value) {
    return <ResponseErrorPanel error={error ?? new Error('No answer')} />;
  }
  return (
    <InfoCard title="Readiness backend">
      <StructuredMetadataTable
        metadata={{
          status: value.status,
          database: value.database.reachable
            ? 'reachable'
            : `not reachable: ${value.database.error}`,
          'fact providers': value.factProviders.join(', ') || 'none installed',
        }}
      />
    </InfoCard>
  );
};

/** The org-wide readiness page at /readiness. */
export const ReadinessPage = () => (
  <Page themeId="tool">
    <Header
      title="Production readiness"
      subtitle="How ready every service is for production, and what to do next"
    />
    <Content>
      <ContentHeader title="Overview" />
      <BackendStatus />
    </Content>
  </Page>
);
