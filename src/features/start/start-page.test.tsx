import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../tests/render';
import { getArticle } from '../../lib/articles';
import { StartPage } from './start-page';

const fixtures = join(import.meta.dirname, '../../../tests/fixtures');

describe('StartPage', () => {
  it('refuses an empty paste with a Korean message and keeps the page usable', async () => {
    const onOpened = vi.fn();
    await renderWithApp(<StartPage onOpened={onOpened} />);
    await userEvent.click(screen.getByRole('button', { name: '이 글 열기' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('붙여 넣은 글이 비어 있습니다.');
    expect(onOpened).not.toHaveBeenCalled();
  });

  it('opens pasted text as a stored article and hands back its id', async () => {
    const onOpened = vi.fn();
    await renderWithApp(<StartPage onOpened={onOpened} />);
    const text = readFileSync(join(fixtures, 'articles/korean-cms-hardwrapped.txt'), 'utf8');
    const box = screen.getByLabelText('기사 붙여넣기');
    await userEvent.click(box);
    await userEvent.paste(text);
    await userEvent.click(screen.getByRole('button', { name: '이 글 열기' }));
    await waitFor(() => expect(onOpened).toHaveBeenCalledTimes(1));
    const id = onOpened.mock.calls[0]?.[0] as string;
    const record = await getArticle(id);
    expect(record?.draft.title).toBe("Seoul's Buses Are Better Than Their Reputation");
    expect(record?.detectedLanguage).toBe('en');
  });

  it('names the file and the reason when a file cannot be opened, in English UI too', async () => {
    await renderWithApp(<StartPage onOpened={vi.fn()} />, 'en');
    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    expect(input).not.toBeNull();
    const png = new File([readFileSync(join(fixtures, 'files/tiny.png'))], 'notes.txt', {
      type: 'text/plain',
    });
    await userEvent.upload(input!, png);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“notes.txt” does not look like a text file. Open a .txt, .html or .md file.',
    );
  });
});
