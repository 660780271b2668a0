/**
 * Files the operating system hands to the installed app ("Open with" → Interlinear, declared by
 * the manifest's `file_handlers`) arrive through `window.launchQueue`, in Chromium-based browsers.
 * Elsewhere there is no queue and nothing to do.
 */

interface LaunchedHandle {
  kind?: string;
  name?: string;
  getFile(): Promise<File>;
}

interface LaunchQueue {
  setConsumer(consumer: (params: { files?: readonly LaunchedHandle[] }) => void): void;
}

/**
 * Calls `open` with the first file of every launch (the reader shows one article at a time) and
 * `failed` when the file cannot be read. Returns whether this browser launches files at all.
 */
export function consumeLaunchedFiles(
  open: (file: File) => void,
  failed: (fileName: string | null) => void,
  target: object = window,
): boolean {
  const queue = (target as { launchQueue?: LaunchQueue }).launchQueue;
  if (!queue) return false;
  queue.setConsumer((params) => {
    const first = (params.files ?? []).find((handle) => handle.kind !== 'directory');
    if (!first) return;
    first.getFile().then(open, () => failed(first.name ?? null));
  });
  return true;
}
