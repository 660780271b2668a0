/**
 * Our XLIFF 2.0 export against the OASIS XLIFF 2.0 core schema, checked by libxml2's xmllint
 * (Debian package libxml2-utils, installed by `npm test`). The schema is vendored under
 * tests/schemas/xliff-2.0 so that validation never touches the network. These fail, rather than
 * skip, without xmllint: the export is only known to be valid when a validator has said so.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReviewDocument, SegmentStatus } from '../../src/domain/review/types';
import { exportReview } from '../../src/domain/formats/export';
import { LABELS, NOW, richReview } from '../../src/domain/formats/fixtures/rich-review';
import otherTool from '../../src/domain/formats/fixtures/other-tool-2.0.xlf?raw';

const schema = resolve(import.meta.dirname, '../schemas/xliff-2.0/xliff_core_2.0.xsd');
const dir = mkdtempSync(join(tmpdir(), 'interlinear-xliff-'));
let files = 0;

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function validate(xml: string): { status: number | null; output: string } {
  const file = join(dir, `export-${files++}.xlf`);
  writeFileSync(file, xml, 'utf8');
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], {
    encoding: 'utf8',
  });
  if (result.error) throw new Error(`xmllint could not run: ${result.error.message}`);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function xliff2(doc: ReviewDocument): string {
  return exportReview(doc, 'xliff2', { labels: LABELS, appVersion: '1.0.0', now: NOW }).content;
}

describe('XLIFF 2.0 export against the OASIS core schema', () => {
  it('validates a rich review', () => {
    const result = validate(xliff2(richReview()));
    expect(result.output).toContain('validates');
    expect(result.status).toBe(0);
  });

  it('validates every status with and without a target, and control characters', () => {
    const statuses: SegmentStatus[] = ['mt', 'edited', 'reviewed', 'approved', 'rejected'];
    const base = richReview();
    const review: ReviewDocument = {
      ...base,
      title: '',
      segments: statuses.flatMap((status, i) =>
        ['', 'Ziel \u0001 mit Steuerzeichen'].map((target, j) => ({
          ...base.segments[1]!,
          index: i * 2 + j,
          source: 'Quelle <&> "\'\u001B',
          target,
          status,
        })),
      ),
    };
    const result = validate(xliff2(review));
    expect(result.output).toContain('validates');
    expect(result.status).toBe(0);
  });

  it('validates an empty review title and a review without MT or comments', () => {
    const base = richReview();
    const review = { ...base, title: '', segments: [base.segments[2]!] };
    expect(validate(xliff2(review)).status).toBe(0);
  });

  it('agrees that the other-tool fixture used by the import tests is valid', () => {
    expect(validate(otherTool).status).toBe(0);
  });
});

describe('the schema check can fail', () => {
  const valid = xliff2(richReview());

  it('rejects a segment state outside initial/translated/reviewed/final', () => {
    const broken = valid.replace('state="final"', 'state="approved"');
    expect(broken).not.toBe(valid);
    const result = validate(broken);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/state/);
  });

  it('rejects a note attribute outside our namespace', () => {
    const broken = valid.replace(' il:author=', ' author=');
    expect(validate(broken).status).not.toBe(0);
  });

  it('rejects notes on a segment', () => {
    const broken = valid.replace(
      '<segment id="s2" state="reviewed" subState="interlinear:reviewed">',
      '<segment id="s2" state="reviewed" subState="interlinear:reviewed"><notes><note>x</note></notes>',
    );
    expect(validate(broken).status).not.toBe(0);
  });

  it('rejects a file without srcLang', () => {
    expect(validate(valid.replace(' srcLang="en"', '')).status).not.toBe(0);
  });
});
