import { isEndedSession, retryEndedSessions } from './reconnect';

const ended = () =>
  Object.assign(
    new Error('terminating connection due to administrator command'),
    {
      code: '57P01',
    },
  );

describe('retryEndedSessions', () => {
  it('runs the call again while the server reports ended sessions', async () => {
    const call = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(ended())
      .mockRejectedValueOnce(ended())
      .mockResolvedValue('done');
    await expect(retryEndedSessions(call)).resolves.toBe('done');
    expect(call).toHaveBeenCalledTimes(3);
  });

  it('gives up after the given number of attempts', async () => {
    const call = jest.fn<Promise<string>, []>().mockRejectedValue(ended());
    await expect(retryEndedSessions(call, 3)).rejects.toThrow(
      /administrator command/,
    );
    expect(call).toHaveBeenCalledTimes(3);
  });

  it('throws other errors at once, so that a refused connection fails the run fast', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
    });
    const call = jest.fn<Promise<string>, []>().mockRejectedValue(refused);
    await expect(retryEndedSessions(call)).rejects.toBe(refused);
    expect(call).toHaveBeenCalledTimes(1);
    expect(isEndedSession(refused)).toBe(false);
    expect(isEndedSession({ code: '57P02' })).toBe(true);
    expect(
      isEndedSession(new Error('BEGIN; - Connection terminated unexpectedly')),
    ).toBe(true);
  });
});
