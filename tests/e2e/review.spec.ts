/**
 * The review workspace end to end on the local Apertium engine: QA on edits, persistence across a
 * reload, comments with their confirmation, XLIFF 2.0 export checked against the OASIS schema and
 * imported back into a fresh browser, keyboard-only review and an axe scan.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, presetPreferences, test } from './helpers';

const ARTICLE = [
  'Harbour Town Counts Its Ferries',
  'The harbour office said 1,275 passengers used the morning ferry last week.',
  'A new timetable starts in March, and the fare will rise to 3.50 euros.',
  'Residents can read the plan at https://example.org/ferries before the meeting.',
  'The council will vote after the summer. The plan needs a clear majority.',
].join('\n\n');

const schema = join(import.meta.dirname, '../schemas/xliff-2.0/xliff_core_2.0.xsd');

const rows = (page: Page) => page.locator('[data-segment][data-status]');
const target = (page: Page, i: number) => rows(page).nth(i).locator('textarea[data-review-target]');

const conflictIn = (page: Page) => rows(page).nth(1).locator('.review-row__conflict');

/**
 * Row 1 was changed in tabs A and B before either saved: waits until exactly one tab is told of
 * the conflict, and says which (the loser) kept which text (`mine`) against the other's.
 */
async function toldOfConflict(a: Page, b: Page, textOfA: string, textOfB: string) {
  await expect
    .poll(async () => (await conflictIn(a).count()) + (await conflictIn(b).count()))
    .toBe(1);
  const bLost = (await conflictIn(b).count()) === 1;
  return bLost
    ? { loser: b, winner: a, mine: textOfB, theirs: textOfA }
    : { loser: a, winner: b, mine: textOfA, theirs: textOfB };
}

async function openReview(page: Page) {
  await page.goto(
    `/?${new URLSearchParams({ text: ARTICLE, to: 'es', view: 'review' }).toString()}`,
  );
  await expect(rows(page)).toHaveCount(4);
  // Every row has its machine translation before the reviewer starts.
  for (let i = 0; i < 4; i++)
    await expect(target(page, i)).not.toHaveValue('', { timeout: 20_000 });
}

test('a changed number is flagged; edits, statuses and comments survive a reload', async ({
  page,
}) => {
  await openReview(page);
  const first = rows(page).nth(0);
  const value = await target(page, 0).inputValue();
  expect(value).toMatch(/1[.,]?275/);
  await target(page, 0).fill(value.replace(/1[.,]?275/, '1.276'));
  await expect(first).toHaveAttribute('data-qa', /\bnumbers\b/);
  await expect(first).toHaveAttribute('data-status', 'edited');

  // A comment, signed with a name chosen once.
  await first.locator('.comment-count').click();
  await first.getByLabel('이름').fill('Mina Park');
  await first.getByRole('button', { name: '이 이름으로 댓글 쓰기' }).click();
  await first
    .getByRole('textbox', { name: '댓글을 입력하세요' })
    .fill('Check the count with the office.');
  await first.getByRole('button', { name: '댓글 등록' }).click();
  await expect(first.locator('.comment')).toContainText('Mina Park');
  await expect(first.locator('.comment-count')).toHaveText('댓글 1');

  // Approving a row with findings asks first.
  await first.getByRole('button', { name: '승인', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('검사 경고');
  await page.getByRole('dialog').getByRole('button', { name: '취소' }).click();
  await expect(first).toHaveAttribute('data-status', 'edited');

  await rows(page).nth(3).getByRole('button', { name: '승인', exact: true }).click();
  await expect(rows(page).nth(3)).toHaveAttribute('data-status', 'approved');
  const edited = await target(page, 0).inputValue();

  // Saved within half a second of the last change.
  await page.waitForTimeout(600);
  await page.reload();
  await expect(rows(page)).toHaveCount(4);
  await expect(target(page, 0)).toHaveValue(edited);
  await expect(rows(page).nth(0)).toHaveAttribute('data-status', 'edited');
  await expect(rows(page).nth(0)).toHaveAttribute('data-qa', /\bnumbers\b/);
  await expect(rows(page).nth(3)).toHaveAttribute('data-status', 'approved');
  await expect(rows(page).nth(0).locator('.comment-count')).toHaveText('댓글 1');

  // Deleting a comment asks, in words that say it cannot be undone.
  await rows(page).nth(0).locator('.comment-count').click();
  await rows(page).nth(0).getByRole('button', { name: '삭제' }).click();
  await expect(page.getByRole('dialog')).toContainText(
    '삭제한 댓글은 다시 복구할 수 없습니다. 그래도 삭제하시겠습니까?',
  );
  await page.getByRole('dialog').getByRole('button', { name: '삭제' }).click();
  await expect(rows(page).nth(0).locator('.comment-count')).toHaveText('댓글 0');
});

test('the XLIFF 2.0 export validates against the OASIS schema and imports back into a fresh browser', async ({
  page,
  browser,
}) => {
  await openReview(page);
  const edited = `${await target(page, 1).inputValue()} (revisado)`;
  await target(page, 1).fill(edited);
  await rows(page).nth(2).getByRole('button', { name: '검토 완료' }).click();
  await rows(page).nth(3).getByRole('button', { name: '반려' }).click();
  await rows(page).nth(0).getByRole('button', { name: '승인', exact: true }).click();
  await expect(rows(page).nth(0)).toHaveAttribute('data-status', 'approved');
  await rows(page).nth(1).locator('.comment-count').click();
  await rows(page).nth(1).getByLabel('이름').fill('Reviewer & Co <QA>');
  await rows(page).nth(1).getByRole('button', { name: '이 이름으로 댓글 쓰기' }).click();
  await rows(page)
    .nth(1)
    .getByRole('textbox', { name: '댓글을 입력하세요' })
    .fill('"Tarifa" fits better.');
  await rows(page).nth(1).getByRole('button', { name: '댓글 등록' }).click();

  await page.locator('[data-export-menu]').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-export="xliff2"]').click(),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'interlinear-xliff-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const xml = readFileSync(file, 'utf8');
  // xmllint exits non-zero (and this throws) when the file does not validate.
  execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' });
  expect(xml).toContain('state="final"');
  expect(xml).toContain('state="reviewed"');
  expect(xml).toContain('state="translated"');

  // Another browser profile: nothing stored; the same article, then the file.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openReview(other);
  await expect(rows(other).nth(0)).toHaveAttribute('data-status', 'mt');
  await other.locator('[data-review-import]').setInputFiles(file);
  await expect(
    other.getByRole('status').filter({ hasText: '4개 문단을 가져왔습니다' }),
  ).toBeVisible();
  await expect(rows(other).nth(0)).toHaveAttribute('data-status', 'approved');
  await expect(target(other, 1)).toHaveValue(edited);
  await expect(rows(other).nth(1)).toHaveAttribute('data-status', 'edited');
  await expect(rows(other).nth(2)).toHaveAttribute('data-status', 'reviewed');
  await expect(rows(other).nth(3)).toHaveAttribute('data-status', 'rejected');
  await expect(rows(other).nth(1).locator('.comment-count')).toHaveText('댓글 1');
  await rows(other).nth(1).locator('.comment-count').click();
  await expect(rows(other).nth(1).locator('.comment')).toContainText('Reviewer & Co <QA>');
  await expect(rows(other).nth(1).locator('.comment')).toContainText('"Tarifa" fits better.');
  await fresh.close();

  // A file that is not XLIFF gets a clear message and changes nothing.
  const bad = join(dir, 'bad.xlf');
  writeFileSync(bad, '<html><body>not a translation file</body></html>');
  await page.locator('[data-review-import]').setInputFiles(bad);
  await expect(page.getByRole('alert')).toContainText('XLIFF 파일이 아닙니다');
  await expect(rows(page).nth(0)).toHaveAttribute('data-status', 'approved');
});

test('a reviewer goes through the whole article with the keyboard alone; axe finds nothing serious', async ({
  page,
  context,
}) => {
  await presetPreferences(context, { uiLanguage: 'en' });
  await openReview(page);
  // Into the first row's target from the page, by keyboard only.
  await page.keyboard.press('Tab');
  for (let i = 0; i < 60; i++) {
    const focused = await page.evaluate(() =>
      document.activeElement?.getAttribute('data-review-target'),
    );
    if (focused === '0') break;
    await page.keyboard.press('Tab');
  }
  await expect(target(page, 0)).toBeFocused();
  // Alt+↓ and Alt+↑ move between rows.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(target(page, 1)).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(target(page, 0)).toBeFocused();
  // Ctrl+Shift+C copies the source; Ctrl+M puts the MT back; Esc cancels an edit.
  const mt = await target(page, 0).inputValue();
  await page.keyboard.press('Control+Shift+C');
  await expect(target(page, 0)).toHaveValue(/passengers/);
  await page.keyboard.press('Control+m');
  await expect(target(page, 0)).toHaveValue(mt);
  await page.keyboard.type(' extra');
  await page.keyboard.press('Escape');
  await expect(target(page, 0)).toHaveValue(mt);
  // `?` lists the shortcuts (outside a text field); Esc closes the list.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await target(page, 0).focus();
  // Ctrl+Shift+Enter approves and moves on, through every row.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Control+Shift+Enter');
    const dialog = page.getByRole('dialog');
    if (await dialog.isVisible()) await page.keyboard.press('Enter');
  }
  for (let i = 0; i < 4; i++)
    await expect(rows(page).nth(i)).toHaveAttribute('data-status', 'approved');
  // Undo takes the last approval back.
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-segment][data-status="approved"]')).toHaveCount(3);

  const results = await new AxeBuilder({ page }).include('.review').analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});

test('two tabs on the same article never overwrite each other silently', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openReview(a);
  await openReview(b);

  // A change in one tab shows in the other.
  await target(a, 0).fill('Cambiado en la pestaña A: 1,275 pasajeros.');
  await expect(target(b, 0)).toHaveValue('Cambiado en la pestaña A: 1,275 pasajeros.');
  await expect(rows(b).nth(0)).toHaveAttribute('data-status', 'edited');

  // Both change the same row before either has saved (saves wait 300 ms after the last change):
  // B is still typing when A changes the row and saves. Whichever tab saves second is told —
  // usually B, but a pause in B's typing on a busy machine saves part of it first, and then A is
  // — and nothing is lost unseen: the told tab keeps its own text and shows the other's.
  await target(b, 1).focus();
  await b.keyboard.press('Control+a');
  const typingInB = target(b, 1).pressSequentially('Versión de la pestaña B.', { delay: 100 });
  await expect(target(b, 1)).toHaveValue(/^V/);
  await target(a, 1).fill('Versión de la pestaña A.');
  await typingInB;
  const { loser, winner, mine, theirs } = await toldOfConflict(
    a,
    b,
    'Versión de la pestaña A.',
    'Versión de la pestaña B.',
  );
  // The newest of theirs: B's partial save is followed by its whole text.
  await expect(conflictIn(loser)).toContainText(theirs);
  await expect(conflictIn(winner)).toHaveCount(0);
  await expect(target(loser, 1)).toHaveValue(mine);

  // Keeping mine saves it deliberately, and the other tab follows.
  await rows(loser).nth(1).getByRole('button', { name: '내 번역 유지' }).click();
  await expect(conflictIn(loser)).toHaveCount(0);
  await expect(target(winner, 1)).toHaveValue(mine);
});

test('a row in conflict stays in conflict, with its own text, when the other tab saves again', async ({
  context,
}) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openReview(a);
  await openReview(b);
  // Both change the same row before either has saved: the one that saves second is told.
  await target(b, 1).focus();
  await b.keyboard.press('Control+a');
  await target(b, 1).pressSequentially('Versión de B');
  await target(a, 1).fill('Versión de A');
  const { loser, winner, mine, theirs } = await toldOfConflict(
    a,
    b,
    'Versión de A',
    'Versión de B',
  );
  // The other tab goes on and saves again: the told tab still shows the conflict, now with the
  // newest text, and keeps its own until the reviewer decides.
  await target(winner, 1).press('End');
  await target(winner, 1).pressSequentially(', revisada.');
  await expect(conflictIn(loser)).toContainText(`${theirs}, revisada.`);
  await expect(target(loser, 1)).toHaveValue(mine);
  await expect(conflictIn(winner)).toHaveCount(0);
});

test('a sentence and its counterpart light up together; glossary terms are marked and checked', async ({
  page,
}) => {
  await openReview(page);
  const row = rows(page).nth(3);
  // Hovering the second source sentence lights the second target sentence.
  await row.locator('.review-row__source .sentence').nth(1).hover();
  await expect(row.locator('.review-target__backdrop .sentence').nth(1)).toHaveClass(
    /sentence--highlight/,
  );
  await expect(row.locator('.review-target__backdrop .sentence').nth(0)).not.toHaveClass(
    /sentence--highlight/,
  );
  // The caret in the first target sentence lights the first source sentence.
  await target(page, 3).focus();
  await target(page, 3).press('Control+Home');
  await expect(row.locator('.review-row__source .sentence').nth(0)).toHaveClass(
    /sentence--highlight/,
  );

  // A glossary term: marked in the source, and its absence in the target is a finding.
  await page.getByRole('button', { name: '용어집' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '용어 추가' }).click();
  await dialog.getByRole('textbox', { name: '원문 용어' }).fill('council');
  await dialog.getByRole('textbox', { name: '번역 용어' }).fill('cabildo');
  await dialog.getByRole('button', { name: '저장' }).click();
  await expect(row.locator('mark.term')).toHaveText(['council']);
  await expect(row).toHaveAttribute('data-qa', /\bglossary\b/);
  await target(page, 3).fill(
    'El cabildo votará después del verano. El plan necesita una mayoría clara.',
  );
  await expect(row).not.toHaveAttribute('data-qa', /\bglossary\b/);
});

test('an XLIFF file from another tool opens from the start page as an article under review', async ({
  page,
}) => {
  const xliff = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es">
  <file id="f1">
    <unit id="u1">
      <segment state="final">
        <source>The library opens at nine.</source>
        <target>La biblioteca abre a las nueve.</target>
      </segment>
    </unit>
    <unit id="u2">
      <segment state="initial">
        <source>Bring your card.</source>
      </segment>
    </unit>
  </file>
</xliff>`;
  await page.goto('/');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'library.xlf',
    mimeType: 'application/xliff+xml',
    buffer: Buffer.from(xliff, 'utf8'),
  });
  await expect(rows(page)).toHaveCount(2);
  await expect(page.locator('input[name="view"][value="review"]')).toBeChecked();
  await expect(rows(page).nth(0)).toHaveAttribute('data-status', 'approved');
  await expect(target(page, 0)).toHaveValue('La biblioteca abre a las nueve.');
  await expect(rows(page).nth(1).locator('[lang="en"]').first()).toContainText('Bring your card.');

  // A file that only looks like XLIFF by its name is refused with its own message.
  await page.goto('/');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'notes.xlf',
    mimeType: 'application/xliff+xml',
    buffer: Buffer.from('just some notes', 'utf8'),
  });
  await expect(
    page.getByText('‘notes.xlf’ 파일은 읽을 수 있는 XLIFF 파일이 아닙니다.', { exact: false }),
  ).toBeVisible();
});
