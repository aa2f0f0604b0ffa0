import { parseDockerfile } from './dockerfile';

describe('parseDockerfile', () => {
  it('resolves ARG defaults before judging whether base images are pinned', () => {
    const facts = parseDockerfile(
      'Dockerfile',
      [
        'ARG NODE_VERSION=20.11.1',
        'ARG REGISTRY',
        'FROM --platform=$BUILDPLATFORM node:${NODE_VERSION}-slim AS build',
        'FROM ${REGISTRY}/base:1.0 AS tools',
        'FROM build AS test',
        'FROM scratch',
        'COPY --from=build /out /app',
      ].join('\n'),
    );
    expect(facts.stages.map(s => s.kind)).toEqual([
      'image',
      'image',
      'stage',
      'scratch',
    ]);
    expect(facts.baseImages).toEqual([
      expect.objectContaining({
        image: 'node:20.11.1-slim',
        tag: '20.11.1-slim',
        pinned: true,
      }),
      expect.objectContaining({
        image: '/base:1.0',
        pinned: false,
        unresolvedArgs: ['REGISTRY'],
      }),
    ]);
    expect(facts.allBasesPinned).toBe(false);
  });

  it('treats a missing tag and latest as floating, a digest as pinned', () => {
    const images = parseDockerfile(
      'Dockerfile',
      `FROM python\nFROM python:latest\nFROM registry.example.com:5000/app@sha256:${'a'.repeat(
        64,
      )}\n`,
    ).baseImages;
    expect(images.map(i => [i.tag, i.pinned, i.digestPinned])).toEqual([
      [null, false, false],
      ['latest', false, false],
      [null, true, true],
    ]);
  });

  it('reports the final stage USER, root when none is set', () => {
    const withUser = parseDockerfile(
      'Dockerfile',
      'FROM a:1 AS b\nUSER app\nFROM c:1\nUSER 10001:10001\n',
    );
    expect(withUser).toMatchObject({
      finalUser: '10001:10001',
      finalUserIsRoot: false,
    });
    const without = parseDockerfile(
      'Dockerfile',
      'FROM a:1\nUSER app\nFROM c:1\n',
    );
    expect(without).toMatchObject({ finalUser: null, finalUserIsRoot: true });
  });
});
