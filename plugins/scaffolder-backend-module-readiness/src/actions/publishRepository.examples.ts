import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Publish the generated service into the local directory of readiness.scaffolder.localPublish.root, as branch main of its GitHub URL.',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'readiness:repository:publish',
          name: 'Publish',
          input: {
            repoUrl: 'github.com?owner=example-org&repo=orders-api',
            defaultBranch: 'main',
          },
        },
      ],
    }),
  },
];
