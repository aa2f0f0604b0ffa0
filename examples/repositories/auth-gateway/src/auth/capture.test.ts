import { capture, CaptureStore } from './capture';

describe('capture', () => {
  it('returns the stored capture when the key is repeated', async () => {
    const store: CaptureStore = {
      findByKey: async () => ({ id: 'cap-1' }),
      save: jest.fn(),
    };
    await expect(capture(store, 'key-1', 'auth-1')).resolves.toEqual({ id: 'cap-1' });
    expect(store.save).not.toHaveBeenCalled();
  });
});
