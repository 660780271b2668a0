import { describe, expect, it } from 'vitest';
import {
  estimateWrapWidth,
  isBreakBetween,
  reflowLines,
  reflowText,
  splitFlowLines,
} from './reflow';

/** Greedy monospace wrap, the way the pages we undo were wrapped. */
function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

const PARAGRAPHS = [
  'The morning train was late again, and the platform filled with people who had long since stopped checking the board. Nobody complained out loud. A few opened books, and one man ate an orange with great care.',
  'When the train finally arrived, it was nearly empty. The driver apologised over the speaker in a voice that suggested he had apologised many times that week.',
  'By the third stop every seat was taken. The man with the orange offered his to a woman carrying a cello, and she accepted with a nod that said she had expected nothing less.',
];

function texts(text: string): string[] {
  return reflowText(text).map((block) => block.text);
}

describe('reflow: wrapped lines continue their paragraph', () => {
  it('rebuilds paragraphs wrapped with blank lines only between paragraphs', () => {
    const text = PARAGRAPHS.map((p) => wrap(p, 60).join('\n')).join('\n\n');
    expect(texts(text)).toEqual(PARAGRAPHS);
  });

  it('rebuilds paragraphs wrapped with a blank line between every line', () => {
    const text = PARAGRAPHS.map((p) => wrap(p, 60).join('\n\n')).join('\n\n');
    expect(texts(text)).toEqual(PARAGRAPHS);
  });

  it('rebuilds paragraphs wrapped with no blank lines at all', () => {
    const text = PARAGRAPHS.map((p) => wrap(p, 60).join('\n')).join('\n');
    expect(texts(text)).toEqual(PARAGRAPHS);
  });

  it('continues after a line ending in a space or NBSP, even before a capital', () => {
    expect(texts('The stations had been placed near \nRiverside Park on purpose.')).toEqual([
      'The stations had been placed near Riverside Park on purpose.',
    ]);
    expect(texts('He thanked Mr.\u00A0\nKim for the map. Then he left.')).toEqual([
      'He thanked Mr. Kim for the map. Then he left.',
    ]);
  });

  it('continues a line that ends without sentence-final punctuation', () => {
    const lines = [
      'Supporters answer that no bus route in the city covers its',
      'Costs either, and they are right about that, as the annual',
      'report shows.',
      'Short line.',
    ];
    expect(texts(lines.join('\n'))).toEqual([
      'Supporters answer that no bus route in the city covers its Costs either, and they are right about that, as the annual report shows.',
      'Short line.',
    ]);
  });

  it('continues into a line that starts in lowercase, across a blank line', () => {
    expect(
      texts('The bright green bikes became better known as\n\nplanters than as transport.'),
    ).toEqual(['The bright green bikes became better known as planters than as transport.']);
  });
});

describe('reflow: the fits-on-the-line test', () => {
  const wrapped = [
    'The morning train was late again, and people filled the platform.',
    'Nobody complained out loud, and nobody looked at the departure board',
    'any more. A few opened books.',
    'When the train arrived, it was nearly empty.',
  ];

  it('ends a paragraph at a short line that ends a sentence', () => {
    expect(texts(wrapped.join('\n'))).toEqual([
      'The morning train was late again, and people filled the platform. Nobody complained out loud, and nobody looked at the departure board any more. A few opened books.',
      'When the train arrived, it was nearly empty.',
    ]);
  });

  it('continues after a full-width line that ends a sentence', () => {
    // The first line ends a sentence but "Nobody" would not have fitted after it.
    const lines = splitFlowLines(wrapped.join('\n'));
    const [first, second] = lines;
    expect(isBreakBetween(first!, second!, 68)).toBe(false);
    expect(isBreakBetween(first!, second!, 80)).toBe(true);
  });

  it('breaks a full-width sentence end when the blank lines say so', () => {
    const text = [
      'The morning train was late again, and people filled the platform.',
      '',
      'Nobody complained out loud, and nobody looked at the departure board',
      'any more. A few opened books.',
    ].join('\n');
    expect(texts(text)).toEqual([
      'The morning train was late again, and people filled the platform.',
      'Nobody complained out loud, and nobody looked at the departure board any more. A few opened books.',
    ]);
  });

  it('keeps the break after a line far longer than the wrap width (mixed sources)', () => {
    const long =
      'Critics point out that the system still loses money, and they are right: fares cover about half of the operating cost. iPhone owners, meanwhile, get the better app.';
    const text = [
      ...wrap(PARAGRAPHS[0]!, 50),
      long,
      'iPhone sales rose again this year, analysts said.',
    ].join('\n');
    expect(texts(text)).toEqual([
      PARAGRAPHS[0],
      long,
      'iPhone sales rose again this year, analysts said.',
    ]);
  });

  it('does not treat a title abbreviation as the end of a sentence', () => {
    const lines = ['The map was drawn by Dr.', 'Kim, who had ridden every route at least twice.'];
    expect(texts(lines.join('\n'))).toEqual([
      'The map was drawn by Dr. Kim, who had ridden every route at least twice.',
    ]);
  });

  it('counts a sentence end inside closing quotes and brackets', () => {
    const text = ['He said, "It works."', 'Then he left (as usual.)', 'She asked, ‘Why?’', 'Done.'];
    expect(texts(text.join('\n'))).toEqual(text);
  });
});

describe('reflow: wrap width estimate', () => {
  it('learns the wrap width from lines that certainly wrap', () => {
    const lines = splitFlowLines(PARAGRAPHS.map((p) => wrap(p, 60).join('\n')).join('\n\n'));
    const width = estimateWrapWidth(lines);
    expect(width).toBeLessThanOrEqual(60);
    expect(width).toBeGreaterThan(50);
  });

  it('sees no wrap width in text with one paragraph per line', () => {
    expect(estimateWrapWidth(splitFlowLines(PARAGRAPHS.join('\n')))).toBe(Infinity);
  });
});

describe('reflow: unwrapped text stays as it is', () => {
  it('keeps one paragraph per line, paragraph for paragraph', () => {
    const text = ['A Short Title', ...PARAGRAPHS, 'Closing thoughts without a period', 'Last.'];
    expect(texts(text.join('\n'))).toEqual(text);
    expect(texts(text.join('\n\n'))).toEqual(text);
  });
});

describe('reflow: joining keeps every word', () => {
  it('joins with one space, normalizes NBSPs and collapses whitespace', () => {
    expect(texts('Fares\u00A0rose   by\tten\npercent  this year.')).toEqual([
      'Fares rose by ten percent this year.',
    ]);
  });

  it('joins Chinese and Japanese wraps without a space', () => {
    const japanese = ['市民の多くは毎朝バスで都心の職場まで', '通勤している。'];
    expect(texts(japanese.join('\n'))).toEqual([japanese.join('')]);
    const chinese = ['公共交通的票价今年上涨了百分之十，但乘客', '数量仍然保持稳定。'];
    expect(texts(chinese.join('\n'))).toEqual([chinese.join('')]);
  });

  it('joins Korean wraps with a space', () => {
    const lines = [
      '시는 지난해 시민 2천여 명을 대상으로 벌인 설문조사에서 응답자의 절반 이상이',
      '퇴근 후에는 도서관을 이용하기 어렵다고 답한 점을 근거로 들었다고',
      '설명했다. 이에 따라 운영 시간을 늘리기로 했다.',
    ];
    expect(texts(lines.join('\n'))).toEqual([lines.join(' ')]);
  });

  it('keeps a hyphenated word whole when the wrap fell after its hyphen', () => {
    expect(texts('It replaced the city-\nrun shuttle service in March.')).toEqual([
      'It replaced the city-run shuttle service in March.',
    ]);
    expect(texts('It replaced the shuttle -\nwhich nobody rode - in March.')).toEqual([
      'It replaced the shuttle - which nobody rode - in March.',
    ]);
  });

  it('never drops, reorders or alters a word', () => {
    const source = PARAGRAPHS.map((p) => wrap(p, 37).join('\n\n')).join('\n\n\n');
    const words = (text: string): string[] => text.split(/\s+/).filter((word) => word.length > 0);
    expect(words(texts(source).join(' '))).toEqual(words(source));
  });
});

describe('reflow: headings and list items', () => {
  it('keeps a short unpunctuated line between paragraphs as a heading', () => {
    const text = [...wrap(PARAGRAPHS[0]!, 60), '', 'What changed', '', ...wrap(PARAGRAPHS[1]!, 60)];
    expect(reflowText(text.join('\n'))).toEqual([
      { kind: 'paragraph', text: PARAGRAPHS[0] },
      { kind: 'heading', text: 'What changed', level: 2 },
      { kind: 'paragraph', text: PARAGRAPHS[1] },
    ]);
  });

  it('finds a heading with a blank line between every line too', () => {
    const text = [...wrap(PARAGRAPHS[0]!, 60), 'What changed', ...wrap(PARAGRAPHS[1]!, 60)];
    expect(reflowText(text.join('\n\n')).map((block) => block.kind)).toEqual([
      'paragraph',
      'heading',
      'paragraph',
    ]);
  });

  it('keeps list items as separate blocks, joining their own wrapped lines', () => {
    const text = [
      'Three things changed:',
      '- Docks moved closer to the tram stops',
      '* A flat monthly pass replaced the per-ride fee',
      '• Broken bikes are now collected within a day',
      '  instead of a week',
      '1. Ordinals stay in the text',
      '2) So do these',
      'After the list, the story went on.',
    ];
    expect(reflowText(text.join('\n'))).toEqual([
      { kind: 'paragraph', text: 'Three things changed:' },
      { kind: 'list-item', text: 'Docks moved closer to the tram stops' },
      { kind: 'list-item', text: 'A flat monthly pass replaced the per-ride fee' },
      { kind: 'list-item', text: 'Broken bikes are now collected within a day instead of a week' },
      { kind: 'list-item', text: '1. Ordinals stay in the text' },
      { kind: 'list-item', text: '2) So do these' },
      { kind: 'paragraph', text: 'After the list, the story went on.' },
    ]);
  });

  it('reads a dash after an unfinished line as punctuation, not a bullet', () => {
    expect(reflowText('The buses run late\n- which nobody likes - every day.')).toEqual([
      { kind: 'paragraph', text: 'The buses run late - which nobody likes - every day.' },
    ]);
  });

  it('does not make a heading of a short last line', () => {
    expect(reflowText('First paragraph here.\nSee you soon').map((block) => block.kind)).toEqual([
      'paragraph',
      'paragraph',
    ]);
  });
});

describe('reflow: separated lines', () => {
  it('only joins across removed chrome when the sentence visibly runs on', () => {
    const blocks = reflowLines([
      {
        text: 'Together they turned the bike share into something',
        trailingSpace: false,
        blanksBefore: 0,
      },
      {
        text: 'commuters can plan around.',
        trailingSpace: false,
        blanksBefore: 0,
        separated: true,
      },
      {
        text: 'A new paragraph starts here and runs on',
        trailingSpace: false,
        blanksBefore: 0,
        separated: true,
      },
    ]);
    expect(blocks.map((block) => block.text)).toEqual([
      'Together they turned the bike share into something commuters can plan around.',
      'A new paragraph starts here and runs on',
    ]);
  });
});

describe('reflow: robustness', () => {
  it('handles empty input, a single line and CR/CRLF endings', () => {
    expect(reflowText('')).toEqual([]);
    expect(reflowText(' \n\t\n')).toEqual([]);
    expect(texts('One line only')).toEqual(['One line only']);
    const wrapped = PARAGRAPHS.map((p) => wrap(p, 60).join('\n')).join('\n\n');
    expect(texts(wrapped.replace(/\n/g, '\r\n'))).toEqual(PARAGRAPHS);
    expect(texts(wrapped.replace(/\n/g, '\r'))).toEqual(PARAGRAPHS);
  });

  it('is idempotent: reflowing its own output changes nothing', () => {
    const source = PARAGRAPHS.map((p) => wrap(p, 45).join('\n\n')).join('\n\n');
    const once = texts(source);
    expect(texts(once.join('\n\n'))).toEqual(once);
    expect(texts(once.join('\n'))).toEqual(once);
  });
});
