import { describe, expect, it, vi } from 'vitest';
import { consumeLaunchedFiles } from './launch-queue';

function fakeQueue() {
  let consumer: ((params: { files?: unknown[] }) => void) | null = null;
  return {
    target: { launchQueue: { setConsumer: (c: typeof consumer) => (consumer = c) } },
    launch: (params: { files?: unknown[] }) => consumer?.(params),
  };
}

const handle = (file: File) => ({ kind: 'file', getFile: () => Promise.resolve(file) });

describe('consumeLaunchedFiles', () => {
  it('says so when the browser has no launch queue', () => {
    expect(consumeLaunchedFiles(vi.fn(), vi.fn(), {})).toBe(false);
  });

  it('opens the first file of a launch and skips directories', async () => {
    const { target, launch } = fakeQueue();
    const open = vi.fn();
    expect(consumeLaunchedFiles(open, vi.fn(), target)).toBe(true);
    const first = new File(['Hello.'], 'a.txt', { type: 'text/plain' });
    const second = new File(['Bye.'], 'b.txt', { type: 'text/plain' });
    launch({
      files: [
        { kind: 'directory', getFile: () => Promise.reject(new Error('dir')) },
        handle(first),
        handle(second),
      ],
    });
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    expect(open).toHaveBeenCalledWith(first);
  });

  it('ignores a launch without files and reports a file that cannot be read', async () => {
    const { target, launch } = fakeQueue();
    const open = vi.fn();
    const failed = vi.fn();
    consumeLaunchedFiles(open, failed, target);
    launch({});
    launch({ files: [] });
    launch({
      files: [{ kind: 'file', name: 'gone.txt', getFile: () => Promise.reject(new Error('gone')) }],
    });
    await vi.waitFor(() => expect(failed).toHaveBeenCalledTimes(1));
    expect(failed).toHaveBeenCalledWith('gone.txt');
    expect(open).not.toHaveBeenCalled();
  });
});
