import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo, useRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../tests/render';
import type { FindMatch } from '../domain/segments/find';
import { FindBar } from './find-bar';
import { useFind, type FindText, type FindTexts } from './use-find';
import { useFindBar, useFindShortcut } from './use-find-bar';

/** A page with a find bar over fixed texts, as a reader or review view would wire it. */
function Harness({
  texts,
  onGoTo,
}: {
  texts: readonly string[];
  onGoTo: (match: FindMatch, text: FindText) => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const bar = useFindBar(inputRef);
  useFindShortcut(true, inputRef, bar.show);
  const [query, setQuery] = useState('');
  return (
    <>
      <button type="button" onClick={bar.show}>
        open
      </button>
      {bar.open ? (
        <OpenBar
          texts={texts}
          onGoTo={onGoTo}
          query={query}
          setQuery={setQuery}
          inputRef={inputRef}
          focusRequest={bar.focusRequest}
          onClose={bar.close}
        />
      ) : null}
    </>
  );
}

function OpenBar({
  texts,
  onGoTo,
  query,
  setQuery,
  inputRef,
  focusRequest,
  onClose,
}: {
  texts: readonly string[];
  onGoTo: (match: FindMatch, text: FindText) => void;
  query: string;
  setQuery: (query: string) => void;
  inputRef: React.RefObject<HTMLInputElement | null>;
  focusRequest: number;
  onClose: () => void;
}) {
  const findTexts = useMemo(
    (): FindTexts => texts.map((text) => [{ text, lang: 'fr', part: 'source' }]),
    [texts],
  );
  const find = useFind({ texts: findTexts, query, setQuery, onGoTo });
  return <FindBar find={find} inputRef={inputRef} focusRequest={focusRequest} onClose={onClose} />;
}

/** The harness with texts that change on a click, as translations arriving change them. */
function Changing({
  versions,
  onGoTo,
}: {
  versions: readonly (readonly string[])[];
  onGoTo: (match: FindMatch, text: FindText) => void;
}) {
  const [version, setVersion] = useState(0);
  return (
    <>
      <button type="button" onClick={() => setVersion((v) => Math.min(v + 1, versions.length - 1))}>
        change
      </button>
      <Harness texts={versions[version] ?? []} onGoTo={onGoTo} />
    </>
  );
}

const TEXTS = ['Un café noir.', 'Rien ici.', 'Le CAFE de la gare, puis un cafe.'];

describe('FindBar', () => {
  it('opens with Ctrl+F, counts accent- and case-insensitive matches and moves with Enter, Shift+Enter and the buttons', async () => {
    const user = userEvent.setup();
    const onGoTo = vi.fn();
    await renderWithApp(<Harness texts={TEXTS} onGoTo={onGoTo} />);

    await user.keyboard('{Control>}f{/Control}');
    const field = screen.getByRole('searchbox', { name: '본문에서 찾을 말' });
    expect(field).toHaveFocus();

    await user.type(field, 'Cafe');
    const bar = screen.getByRole('search', { name: '본문 찾기' });
    await waitFor(() => expect(bar).toHaveTextContent('1 / 3'));
    // Typing on does not move the page again while the match stays where it was.
    await waitFor(() =>
      expect(onGoTo).toHaveBeenLastCalledWith(
        expect.objectContaining({ segment: 0, part: 0, start: 3 }),
        expect.objectContaining({ text: TEXTS[0] }),
      ),
    );
    expect(onGoTo).toHaveBeenCalledTimes(1);

    await user.keyboard('{Enter}');
    expect(bar).toHaveTextContent('2 / 3');
    expect(onGoTo).toHaveBeenLastCalledWith(
      { segment: 2, part: 0, start: 3, end: 7 },
      expect.objectContaining({ text: TEXTS[2] }),
    );
    await user.keyboard('{Enter}');
    expect(bar).toHaveTextContent('3 / 3');
    // Past the last match, back to the first; and Shift+Enter back again.
    await user.keyboard('{Enter}');
    expect(bar).toHaveTextContent('1 / 3');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(bar).toHaveTextContent('3 / 3');
    await user.click(screen.getByRole('button', { name: '이전 결과' }));
    expect(bar).toHaveTextContent('2 / 3');
    await user.click(screen.getByRole('button', { name: '다음 결과' }));
    expect(bar).toHaveTextContent('3 / 3');
    // F3 and Ctrl+G work as in browsers, also from outside the field.
    await user.keyboard('{F3}');
    expect(bar).toHaveTextContent('1 / 3');
    await user.keyboard('{Shift>}{F3}{/Shift}');
    expect(bar).toHaveTextContent('3 / 3');
    await user.keyboard('{Control>}g{/Control}');
    expect(bar).toHaveTextContent('1 / 3');

    // The count is read out once typing pauses.
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('결과 3개 중 1번째'));
  });

  it('asking for the only match again brings it back into view', async () => {
    const user = userEvent.setup();
    const onGoTo = vi.fn();
    await renderWithApp(<Harness texts={['Rien.', 'La gare.']} onGoTo={onGoTo} />);
    await user.click(screen.getByRole('button', { name: 'open' }));
    await user.type(screen.getByRole('searchbox'), 'gare');
    await waitFor(() => expect(onGoTo).toHaveBeenCalledTimes(1));
    await user.keyboard('{Enter}');
    expect(onGoTo).toHaveBeenCalledTimes(2);
    expect(onGoTo).toHaveBeenLastCalledWith(
      { segment: 1, part: 0, start: 3, end: 7 },
      expect.objectContaining({ part: 'source' }),
    );
  });

  it('follows texts that change while open (a translation arriving) without moving the page', async () => {
    const user = userEvent.setup();
    const onGoTo = vi.fn();
    await renderWithApp(
      <Changing
        versions={[
          ['Rien.', 'La gare.', 'Rien.'],
          ['Une gare.', 'La gare.', 'Rien.'],
          ['Une gare.', 'Rien.', 'Une autre gare.'],
        ]}
        onGoTo={onGoTo}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'open' }));
    await user.type(screen.getByRole('searchbox'), 'gare');
    const bar = screen.getByRole('search');
    await waitFor(() => expect(bar).toHaveTextContent('1 / 1'));
    expect(onGoTo).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'change' }));
    // The current match stays the one the reader was on.
    await waitFor(() => expect(bar).toHaveTextContent('2 / 2'));
    await user.click(screen.getByRole('button', { name: 'change' }));
    // It went away: the next one is current, and the page is left where the reader has it.
    await waitFor(() => expect(bar).toHaveTextContent('2 / 2'));
    expect(onGoTo).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('searchbox'));
    await user.keyboard('{Enter}');
    expect(bar).toHaveTextContent('1 / 2');
    expect(onGoTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ segment: 0, start: 4 }),
      expect.objectContaining({ text: 'Une gare.' }),
    );
  });

  it('says when nothing matches and disables moving', async () => {
    const user = userEvent.setup();
    await renderWithApp(<Harness texts={TEXTS} onGoTo={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'open' }));
    const field = screen.getByRole('searchbox');
    await user.type(field, 'thé vert');
    await waitFor(() => expect(screen.getByRole('search')).toHaveTextContent('결과 없음'));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: '다음 결과' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '이전 결과' })).toBeDisabled();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('결과 없음'));
    await user.click(screen.getByRole('button', { name: '찾기 닫기' }));
    expect(screen.queryByRole('search')).not.toBeInTheDocument();
  });

  it('lets a second Ctrl+F through to the browser while the field has focus', async () => {
    const user = userEvent.setup();
    await renderWithApp(<Harness texts={TEXTS} onGoTo={vi.fn()} />);
    // The first one is the app's: the browser's own find does not open.
    expect(fireEvent.keyDown(window, { key: 'f', code: 'KeyF', ctrlKey: true })).toBe(false);
    const field = await screen.findByRole('searchbox');
    await waitFor(() => expect(field).toHaveFocus());
    expect(fireEvent.keyDown(field, { key: 'f', code: 'KeyF', ctrlKey: true })).toBe(true);
    // ⌘F on a Mac, and the physical F key under a Korean layout, count as well.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('search')).not.toBeInTheDocument();
    expect(fireEvent.keyDown(window, { key: 'ㄹ', code: 'KeyF', metaKey: true })).toBe(false);
    await waitFor(() => expect(screen.getByRole('searchbox')).toHaveFocus());
  });

  it('closes with Esc and gives focus back to where it was; reopening selects the last query', async () => {
    const user = userEvent.setup();
    await renderWithApp(<Harness texts={TEXTS} onGoTo={vi.fn()} />);
    const opener = screen.getByRole('button', { name: 'open' });
    await user.click(opener);
    const field = screen.getByRole('searchbox');
    expect(field).toHaveFocus();
    await user.type(field, 'gare');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('search')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();

    await user.keyboard('{Control>}f{/Control}');
    const reopened = screen.getByRole('searchbox');
    expect(reopened).toHaveFocus();
    expect(reopened).toHaveValue('gare');
    expect(reopened).toHaveProperty('selectionStart', 0);
    expect(reopened).toHaveProperty('selectionEnd', 4);
    // Esc on the bar's buttons closes it too.
    await user.tab();
    expect(screen.getByRole('button', { name: '이전 결과' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('search')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('formats the count in the UI language', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 1200 }, (_, index) => `Ligne ${index}: une gare.`);
    await renderWithApp(<Harness texts={many} onGoTo={vi.fn()} />, 'en');
    await user.click(screen.getByRole('button', { name: 'open' }));
    await user.type(screen.getByRole('searchbox', { name: 'Find in article' }), 'gare');
    await waitFor(() => expect(screen.getByRole('search')).toHaveTextContent('1 / 1,200'));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Match 1 of 1,200'));
  });
});
