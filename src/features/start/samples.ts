/**
 * The sample articles shipped in public/samples, listed by samples.json. They are content, not UI
 * text: each carries its own title and language.
 */
import { queryOptions } from '@tanstack/react-query';
import type { ArticleFormat } from '../../domain/article/types';

export interface Sample {
  id: string;
  file: string;
  title: string;
  language: string;
  format: ArticleFormat;
}

function isSample(value: unknown): value is Sample {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.file === 'string' &&
    typeof v.title === 'string' &&
    typeof v.language === 'string' &&
    (v.format === 'text' || v.format === 'html' || v.format === 'markdown')
  );
}

export const samplesQuery = queryOptions({
  queryKey: ['samples'] as const,
  queryFn: async (): Promise<Sample[]> => {
    const response = await fetch(new URL('samples/samples.json', document.baseURI));
    if (!response.ok) return [];
    const json: unknown = await response.json();
    return Array.isArray(json) ? json.filter(isSample) : [];
  },
  staleTime: Infinity,
  networkMode: 'always',
});

export async function loadSampleText(sample: Sample): Promise<string> {
  const response = await fetch(new URL(`samples/${sample.file}`, document.baseURI));
  if (!response.ok) throw new Error(`Sample ${sample.id} is missing`);
  return response.text();
}
