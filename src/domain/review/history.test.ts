import { describe, expect, it } from 'vitest';
import { EditHistory } from './history';

interface Change {
  row: number;
  before: string;
  after: string;
}

const change = (row: number, before: string, after: string): Change => ({ row, before, after });
const mergeChanges = (older: Change, newer: Change): Change => ({
  row: older.row,
  before: older.before,
  after: newer.after,
});

describe('EditHistory', () => {
  it('starts empty', () => {
    const history = new EditHistory<Change>();
    expect(history.canUndo).toBe(false);
    expect(history.canRedo).toBe(false);
    expect(history.undo()).toBeNull();
    expect(history.redo()).toBeNull();
  });

  it('undoes newest first and redoes in the original order', () => {
    const history = new EditHistory<Change>();
    const first = change(0, 'a', 'b');
    const second = change(1, 'c', 'd');
    history.record(first);
    history.record(second);
    expect(history.canUndo).toBe(true);
    expect(history.undo()).toBe(second);
    expect(history.undo()).toBe(first);
    expect(history.canUndo).toBe(false);
    expect(history.canRedo).toBe(true);
    expect(history.redo()).toBe(first);
    expect(history.redo()).toBe(second);
    expect(history.canRedo).toBe(false);
    expect(history.redo()).toBeNull();
  });

  it('drops the redo branch when something new is recorded after an undo', () => {
    const history = new EditHistory<string>();
    history.record('one');
    history.record('two');
    expect(history.undo()).toBe('two');
    history.record('three');
    expect(history.canRedo).toBe(false);
    expect(history.redo()).toBeNull();
    expect(history.undo()).toBe('three');
    expect(history.undo()).toBe('one');
  });

  it('forgets the oldest entries past the limit', () => {
    const history = new EditHistory<number>(3);
    for (let i = 1; i <= 5; i++) history.record(i);
    expect(history.size).toBe(3);
    expect([history.undo(), history.undo(), history.undo(), history.undo()]).toEqual([
      5,
      4,
      3,
      null,
    ]);
    expect([history.redo(), history.redo(), history.redo(), history.redo()]).toEqual([
      3,
      4,
      5,
      null,
    ]);
  });

  it('keeps 200 entries by default and takes the limit from options too', () => {
    const byDefault = new EditHistory<number>();
    for (let i = 0; i < 250; i++) byDefault.record(i);
    expect(byDefault.size).toBe(200);
    const withOptions = new EditHistory<number>({ limit: 2 });
    for (let i = 0; i < 5; i++) withOptions.record(i);
    expect(withOptions.size).toBe(2);
  });

  it('rejects a limit below one', () => {
    expect(() => new EditHistory<number>(0)).toThrow(RangeError);
    expect(() => new EditHistory<number>({ limit: 1.5 })).toThrow(RangeError);
  });

  it('clears both directions', () => {
    const history = new EditHistory<string>();
    history.record('a');
    history.record('b');
    history.undo();
    history.clear();
    expect(history.canUndo).toBe(false);
    expect(history.canRedo).toBe(false);
  });

  describe('merging', () => {
    it('merges records with the same key inside the window', () => {
      const history = new EditHistory<Change>({ merge: mergeChanges });
      history.record(change(3, 'H', 'He'), { mergeKey: 'row:3', now: 1000 });
      history.record(change(3, 'He', 'Hel'), { mergeKey: 'row:3', now: 1500 });
      history.record(change(3, 'Hel', 'Hell'), { mergeKey: 'row:3', now: 2400 });
      expect(history.size).toBe(1);
      expect(history.undo()).toEqual(change(3, 'H', 'Hell'));
      expect(history.canUndo).toBe(false);
    });

    it('measures the window from the last record, not the first', () => {
      const history = new EditHistory<Change>({ merge: mergeChanges });
      for (let i = 0; i < 10; i++) {
        history.record(change(0, String(i), String(i + 1)), { mergeKey: 'k', now: i * 900 });
      }
      expect(history.size).toBe(1);
    });

    it('starts a new entry after a pause longer than the window', () => {
      const history = new EditHistory<Change>({ merge: mergeChanges });
      history.record(change(0, 'a', 'ab'), { mergeKey: 'k', now: 0 });
      history.record(change(0, 'ab', 'abc'), { mergeKey: 'k', now: 1001 });
      expect(history.size).toBe(2);
      history.record(change(0, 'abc', 'abcd'), { mergeKey: 'k', now: 5000, mergeWindowMs: 10_000 });
      expect(history.size).toBe(2);
      expect(history.undo()).toEqual(change(0, 'ab', 'abcd'));
    });

    it('does not merge different keys, keyless records or without a merge function', () => {
      const history = new EditHistory<Change>({ merge: mergeChanges });
      history.record(change(0, 'a', 'b'), { mergeKey: 'row:0', now: 0 });
      history.record(change(1, 'c', 'd'), { mergeKey: 'row:1', now: 10 });
      history.record(change(1, 'd', 'e'), { now: 20 });
      history.record(change(1, 'e', 'f'), { now: 30 });
      expect(history.size).toBe(4);

      const noMerge = new EditHistory<Change>();
      noMerge.record(change(0, 'a', 'b'), { mergeKey: 'k', now: 0 });
      noMerge.record(change(0, 'b', 'c'), { mergeKey: 'k', now: 1 });
      expect(noMerge.size).toBe(2);
    });

    it('does not merge into an entry once it was undone or redone', () => {
      const history = new EditHistory<Change>({ merge: mergeChanges });
      history.record(change(0, 'a', 'ab'), { mergeKey: 'k', now: 0 });
      history.record(change(0, 'ab', 'abc'), { mergeKey: 'k', now: 10 });
      history.undo();
      history.record(change(0, 'a', 'ax'), { mergeKey: 'k', now: 20 });
      expect(history.size).toBe(1);
      expect(history.undo()).toEqual(change(0, 'a', 'ax'));

      history.redo();
      history.record(change(0, 'ax', 'axy'), { mergeKey: 'k', now: 30 });
      expect(history.size).toBe(2);
    });

    it('drops the redo branch when a record merges', () => {
      const history = new EditHistory<Change>({ merge: mergeChanges });
      history.record(change(0, 'a', 'b'), { mergeKey: 'k', now: 0 });
      history.record(change(1, 'x', 'y'), { mergeKey: 'other', now: 1 });
      history.undo();
      history.record(change(0, 'b', 'c'), { mergeKey: 'k', now: 2 });
      expect(history.canRedo).toBe(false);
    });

    it('does not merge when the clock goes backwards', () => {
      const history = new EditHistory<Change>({ merge: mergeChanges });
      history.record(change(0, 'a', 'b'), { mergeKey: 'k', now: 5000 });
      history.record(change(0, 'b', 'c'), { mergeKey: 'k', now: 1000 });
      expect(history.size).toBe(2);
    });
  });
});
