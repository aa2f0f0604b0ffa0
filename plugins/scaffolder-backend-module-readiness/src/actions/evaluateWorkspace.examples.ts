import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Fail the task unless the generated service reaches the target level of its tier on the first scorecard that applies to it.',
    example: yaml.stringify({
      steps: [
        {
          id: 'readiness',
          action: 'readiness:evaluate',
          name: 'Check production readiness',
          input: { minimumLevel: 'target' },
        },
      ],
    }),
  },
  {
    description:
      'Evaluate a named scorecard with manifests in a custom directory and require gold.',
    example: yaml.stringify({
      steps: [
        {
          id: 'readiness',
          action: 'readiness:evaluate',
          name: 'Check production readiness',
          input: {
            scorecard: 'production-readiness',
            entityPath: 'catalog-info.yaml',
            manifestsPath: 'k8s/rendered',
            minimumLevel: 'gold',
          },
        },
      ],
    }),
  },
  {
    description:
      'Report the level without failing, and show it in the task output.',
    example: yaml.stringify({
      steps: [
        {
          id: 'readiness',
          action: 'readiness:evaluate',
          name: 'Report production readiness',
        },
      ],
      output: {
        text: [
          {
            title: 'Readiness',
            content:
              'Level ${{ steps.readiness.output.level }}, score ${{ steps.readiness.output.score }}%',
          },
        ],
      },
    }),
  },
];
