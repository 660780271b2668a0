import { useEngine } from '../components/use-engine-route';

/**
 * Renders nothing: resolving the reader's engine loads its code and asks for its language pairs
 * while an article is being chosen, so the first translation request does not wait for them.
 */
export function EngineWarmup() {
  useEngine(undefined);
  return null;
}
