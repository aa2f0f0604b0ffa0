import { parseYamlText } from './yamlParses';

describe('parseYamlText', () => {
  it('parses a text once and hands every caller the same frozen value', () => {
    const text = 'on: [push]\njobs:\n  build:\n    steps: [{ run: make }]\n';
    const first = parseYamlText(text);
    const second = parseYamlText(`${text}`);

    expect(first).toEqual({
      valid: true,
      value: { on: ['push'], jobs: { build: { steps: [{ run: 'make' }] } } },
    });
    expect(second).toBe(first);
    const value = first.valid ? (first.value as any) : undefined;
    expect(Object.isFrozen(value.jobs.build.steps[0])).toBe(true);
    expect(() => {
      value.jobs.build.steps.push({ run: 'deploy' });
    }).toThrow(TypeError);
  });

  it('tells invalid YAML and alias bombs apart from values', () => {
    expect(parseYamlText('a: [1, 2\nb: }')).toEqual({ valid: false });
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'
        .split('')
        .map(
          (k, i) =>
            `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`,
        ),
    ].join('\n');
    expect(parseYamlText(bomb)).toEqual({ valid: false });
  });
});
