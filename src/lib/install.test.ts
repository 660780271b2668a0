import { describe, expect, it, vi } from 'vitest';
import { canInstall, install, subscribeInstallOffer, watchInstallOffer } from './install';

function offerEvent() {
  const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
    prompt: () => Promise<void>;
    userChoice: Promise<{ outcome: string }>;
  };
  event.prompt = vi.fn(() => Promise.resolve());
  event.userChoice = Promise.resolve({ outcome: 'accepted' });
  return event;
}

describe('install offer', () => {
  watchInstallOffer();

  it('keeps the browser offer, replaces its own banner, and spends it when used', async () => {
    const changes = vi.fn();
    const unsubscribe = subscribeInstallOffer(changes);
    expect(canInstall()).toBe(false);
    const event = offerEvent();
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(canInstall()).toBe(true);
    await install();
    expect(event.prompt).toHaveBeenCalledOnce();
    expect(canInstall()).toBe(false);
    expect(changes).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it('forgets the offer once the app is installed', () => {
    window.dispatchEvent(offerEvent());
    expect(canInstall()).toBe(true);
    window.dispatchEvent(new Event('appinstalled'));
    expect(canInstall()).toBe(false);
  });
});
