import { describe, expect, it } from 'vitest';
import { detectByScript, detectLanguage, sampleText } from './detect';

describe('detectLanguage', () => {
  it('recognises Korean, Japanese and Chinese by script', async () => {
    await expect(
      detectLanguage('서울시는 내년부터 심야 버스 노선을 늘리기로 했다.'),
    ).resolves.toEqual({
      language: 'ko',
      confidence: 'high',
    });
    expect(detectByScript('東京都は来年から深夜バスの路線を増やすことにした。')?.language).toBe(
      'ja',
    );
    expect(detectByScript('北京市决定从明年起增加夜间公交线路。')?.language).toBe('zh');
  });

  it('tells Latin-script languages apart by trigrams', async () => {
    const english =
      'The city council voted on Tuesday to extend night bus services across the northern districts, citing demand from shift workers.';
    const spanish =
      'El ayuntamiento votó el martes a favor de ampliar los servicios de autobús nocturno en los distritos del norte.';
    const german =
      'Der Stadtrat hat am Dienstag beschlossen, die Nachtbuslinien in den nördlichen Bezirken auszubauen.';
    expect((await detectLanguage(english))?.language).toBe('en');
    expect((await detectLanguage(spanish))?.language).toBe('es');
    expect((await detectLanguage(german))?.language).toBe('de');
  });

  it('calls an English op-ed with Korean chrome English when the body dominates', async () => {
    const text = `승인 2018.02.20 15:33\n${'Public transport shapes how a city grows and who can reach its jobs. '.repeat(10)}`;
    expect((await detectLanguage(text))?.language).toBe('en');
  });

  it('returns null when there is too little to tell', async () => {
    await expect(detectLanguage('42')).resolves.toBeNull();
    await expect(detectLanguage('')).resolves.toBeNull();
  });

  it('samples the start, middle and end of a long text', () => {
    const text = `${'a'.repeat(5000)}${'b'.repeat(5000)}${'c'.repeat(5000)}`;
    const sample = sampleText(text, 300);
    expect(sample).toContain('a');
    expect(sample).toContain('b');
    expect(sample).toContain('c');
    expect(sample.length).toBeLessThan(310);
  });
});
