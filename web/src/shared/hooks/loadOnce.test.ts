import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { describeError } from '../errors/errors';
import { loadOnce } from './loadOnce';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function handlers() {
  return {
    loaded: vi.fn(),
    failed: vi.fn(),
    describe: (err: unknown) => describeError(err, { operation: 'load' }),
  };
}

describe('loadOnce', () => {
  it('hands the value loaded over, with a live signal', async () => {
    const h = handlers();
    let seen: AbortSignal | null = null;
    loadOnce((signal) => {
      seen = signal;
      return Promise.resolve(42);
    }, h);
    await settle();
    expect(h.loaded).toHaveBeenCalledWith(42);
    expect(h.failed).not.toHaveBeenCalled();
    expect(seen!.aborted).toBe(false);
  });

  it('says a failure in French', async () => {
    const h = handlers();
    loadOnce(() => Promise.reject(new ApiError(404, 'not_found', 'no such file')), h);
    await settle();
    expect(h.loaded).not.toHaveBeenCalled();
    expect(h.failed).toHaveBeenCalledWith(expect.objectContaining({ text: 'Dossier introuvable.' }));
  });

  it('passes on a null description (the caller handled the failure)', async () => {
    const h = { ...handlers(), describe: () => null };
    loadOnce(() => Promise.reject(new ApiError(404, 'not_found', 'x')), h);
    await settle();
    expect(h.failed).toHaveBeenCalledWith(null);
  });

  it('aborts the call and says nothing once aborted (unmount, new dependencies)', async () => {
    const h = handlers();
    let seen: AbortSignal | null = null;
    const abort = loadOnce((signal) => {
      seen = signal;
      return new Promise((resolve) => setTimeout(() => resolve('late'), 5));
    }, h);
    abort();
    expect(seen!.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(h.loaded).not.toHaveBeenCalled();
    expect(h.failed).not.toHaveBeenCalled();
  });

  it('ignores the AbortError a fetch throws when aborted', async () => {
    const h = handlers();
    const abort = loadOnce(
      (signal) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
      h,
    );
    abort();
    await settle();
    expect(h.failed).not.toHaveBeenCalled();
  });
});
