/**
 * Chrome's built-in LanguageDetector, when this browser has its model ready. It is never asked to
 * download one (that needs a user gesture and a network); without it, detection falls back to the
 * bundled trigram detector.
 */
interface BrowserLanguageDetector {
  detect(text: string): Promise<{ detectedLanguage: string; confidence: number }[]>;
  destroy?: () => void;
}

interface LanguageDetectorStatic {
  availability(): Promise<string>;
  create(): Promise<BrowserLanguageDetector>;
}

export async function detectWithBrowser(text: string): Promise<string | null> {
  const api = (globalThis as { LanguageDetector?: LanguageDetectorStatic }).LanguageDetector;
  if (!api) return null;
  try {
    if ((await api.availability()) !== 'available') return null;
    const detector = await api.create();
    try {
      const [best] = await detector.detect(text.slice(0, 4000));
      return best && best.detectedLanguage !== 'und' && best.confidence >= 0.6
        ? best.detectedLanguage
        : null;
    } finally {
      detector.destroy?.();
    }
  } catch {
    return null;
  }
}
