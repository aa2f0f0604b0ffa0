import { collectCodeowners } from './codeowners';

const file = (content: string, path = '.github/CODEOWNERS') => [
  { path, size: content.length, content },
];

describe('collectCodeowners', () => {
  it('finds the last rule covering the whole source location', () => {
    const rules = file(
      [
        '# default owners',
        '* @org/platform',
        '*.md @org/docs',
        '/services/payments/ @org/team-payments alice@example.com',
        'services/payments/legacy/ @org/legacy',
      ].join('\n'),
    );
    expect(collectCodeowners(rules, '')).toMatchObject({
      coversLocation: true,
      locationOwners: ['@org/platform'],
    });
    expect(collectCodeowners(rules, 'services/payments')).toMatchObject({
      locationOwners: ['@org/team-payments', 'alice@example.com'],
      locationTeams: ['org/team-payments'],
    });
  });

  it('does not count rules for some files only, and reports a missing file as uncovered', () => {
    expect(
      collectCodeowners(file('*.ts @org/ts\n/docs/ @org/docs\n'), ''),
    ).toMatchObject({
      coversLocation: false,
      locationOwners: [],
    });
    expect(collectCodeowners([], '')).toEqual({
      path: null,
      rules: [],
      coversLocation: false,
      locationOwners: [],
      locationTeams: [],
    });
  });

  it('uses GitLab section default owners and prefers .github/ over the root', () => {
    const facts = collectCodeowners(
      [
        ...file('[Backend] @org/backend\n/api/\n', '.gitlab/CODEOWNERS'),
        ...file('/api/ @org/github-owners\n', 'CODEOWNERS'),
      ],
      'api',
    );
    expect(facts.path).toBe('CODEOWNERS');
    expect(
      collectCodeowners(
        file('[Backend] @org/backend\n/api/\n', '.gitlab/CODEOWNERS'),
        'api',
      ),
    ).toMatchObject({
      locationOwners: ['@org/backend'],
    });
  });
});
