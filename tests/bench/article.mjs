// A long English article for the benchmark, generated from a seed: the same seed gives the same
// text byte for byte, so runs on different days translate exactly the same input. Sentences are
// assembled from templates and word lists written for this file (plain news-report English that
// Apertium's English→Spanish pair handles), varied enough that no two paragraphs repeat and the
// translation cache cannot short-cut anything.

/** mulberry32: tiny, fast and good enough to pick words; Math.random cannot be seeded. */
function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = {
  body: [
    'The city council',
    'The regional transport authority',
    'A group of local residents',
    'The hospital board',
    'Researchers at the university',
    'The national weather service',
    'The mayor',
    'The education department',
    'A committee of engineers',
    'The water company',
    'Several small businesses',
    'The library service',
    'The port authority',
    'A team of volunteers',
    'The housing association',
    'The fire brigade',
  ],
  person: [
    'a spokeswoman for the council',
    'the head of the project',
    'one of the engineers',
    'a local teacher',
    'the director of the museum',
    'a nurse at the clinic',
    'the owner of a bakery',
    'a retired bus driver',
    'the chair of the committee',
    'a student who lives nearby',
  ],
  place: [
    'the old harbour',
    'the northern district',
    'the central station',
    'the river bank',
    'the market square',
    'the industrial estate',
    'the university campus',
    'the eastern suburbs',
    'the city centre',
    'the coastal road',
    'the hospital grounds',
    'the main bridge',
  ],
  thing: [
    'a new tram line',
    'the public library',
    'a network of cycle lanes',
    'the sewage plant',
    'a flood barrier',
    'the school kitchens',
    'a solar farm',
    'the night bus service',
    'the swimming pool',
    'a community garden',
    'the covered market',
    'the railway tunnel',
    'a new health centre',
    'the recycling depot',
  ],
  did: [
    'approved',
    'delayed',
    'inspected',
    'criticised',
    'defended',
    'funded',
    'reviewed',
    'opened',
    'closed',
    'rebuilt',
    'expanded',
    'studied',
  ],
  will: [
    'build',
    'repair',
    'replace',
    'extend',
    'close',
    'open',
    'inspect',
    'sell',
    'modernise',
    'test',
  ],
  when: [
    'last week',
    'on Monday',
    'earlier this year',
    'in the spring',
    'after the election',
    'during the summer',
    'before the winter',
    'at the end of the month',
    'two years ago',
    'in March',
    'on Thursday evening',
    'last autumn',
  ],
  later: [
    'next year',
    'before the end of the decade',
    'within six months',
    'by the summer',
    'next spring',
    'in the coming weeks',
    'after the holidays',
    'by the end of the year',
  ],
  feeling: [
    'cautiously optimistic',
    'deeply worried',
    'surprised',
    'frustrated',
    'relieved',
    'unconvinced',
    'pleased',
    'angry',
  ],
  issue: [
    'the cost of the work',
    'the noise from the site',
    'the loss of parking spaces',
    'the state of the roads',
    'rising rents',
    'the lack of buses at night',
    'the quality of the water',
    'the length of waiting lists',
    'the closure of the post office',
    'traffic near the schools',
  ],
  measure: [
    'the number of passengers',
    'the price of electricity',
    'the cost of housing',
    'the use of the libraries',
    'the amount of waste',
    'the number of visitors',
    'air pollution',
    'average waiting times',
  ],
  trend: ['rose', 'fell', 'grew', 'dropped'],
  unit: ['million euros', 'thousand euros', 'million pounds'],
};

const TEMPLATES = [
  (p) => `${p.body} ${p.did} plans for ${p.thing} near ${p.place} ${p.when}.`,
  (p) => `${p.body} said it would ${p.will} ${p.thing} ${p.later}.`,
  (p) => `According to ${p.person}, ${p.measure} ${p.trend} by ${p.pct} per cent ${p.when}.`,
  (p) =>
    `The project will cost about ${p.n} ${p.unit}, most of it paid by the regional government.`,
  (p) => `Residents of ${p.place} say they are ${p.feeling} about ${p.issue}.`,
  (p) => `"We have waited for this for ${p.years} years," said ${p.person}.`,
  (p) =>
    `${cap(p.person)} told reporters that ${p.issue} had become the main topic at every meeting.`,
  (p) => `Work on ${p.thing} started ${p.when} and is expected to finish ${p.later}.`,
  (p) => `In ${p.year}, ${p.measure} in ${p.place} was ${p.pct} per cent lower than it is today.`,
  (p) => `Critics argue that the money should have gone to ${p.thing2} instead.`,
  (p) => `${p.body} has promised a public meeting about ${p.issue} ${p.later}.`,
  (p) => `About ${p.people} people signed a petition against the plans for ${p.place}.`,
  (p) =>
    `The report, published ${p.when}, runs to ${p.pages} pages and makes ${p.recs} recommendations.`,
  (p) => `Nobody expects ${p.thing} to solve ${p.issue} on its own.`,
  (p) => `${cap(p.person)} said the decision was ${p.feeling2}, but that it was the right one.`,
  (p) =>
    `Traffic around ${p.place} was diverted for ${p.days} days while engineers checked ${p.thing}.`,
  (p) => `The opposition asked why ${p.body2} had not published the figures ${p.when}.`,
  (p) => `More than ${p.pct} per cent of those asked said they used ${p.thing} every week.`,
  (p) => `Local shops near ${p.place} reported fewer customers while the work went on.`,
  (p) => `${p.body} will vote on the proposal ${p.later}, and the result is far from certain.`,
  (p) =>
    `When the plans were first shown ${p.when}, many people thought they were too ambitious for a city of this size.`,
  (p) => `The council expects ${p.measure} to double ${p.later} if the scheme goes ahead.`,
  (p) => `Engineers found that ${p.thing} was in worse condition than the survey had suggested.`,
  (p) => `It is the ${p.ordinal} time in ${p.years} years that ${p.body2} has changed its mind.`,
];

const ORDINALS = ['second', 'third', 'fourth', 'fifth'];
const FEELINGS = ['difficult', 'painful', 'unpopular', 'expensive', 'overdue'];

function cap(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lower(text) {
  return text.startsWith('The ') || text.startsWith('A ') ? lowerFirst(text) : text;
}

function lowerFirst(text) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function createSentences(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (low, high) => low + Math.floor(random() * (high - low + 1));
  // A template is not used twice in one paragraph: that reads as a glitch, not as prose.
  return (used) => {
    let template = pick(TEMPLATES);
    while (used.has(template)) template = pick(TEMPLATES);
    used.add(template);
    const slots = {
      body: pick(WORDS.body),
      body2: lower(pick(WORDS.body)),
      person: pick(WORDS.person),
      place: pick(WORDS.place),
      thing: pick(WORDS.thing),
      thing2: pick(WORDS.thing),
      did: pick(WORDS.did),
      will: pick(WORDS.will),
      when: pick(WORDS.when),
      later: pick(WORDS.later),
      feeling: pick(WORDS.feeling),
      feeling2: pick(FEELINGS),
      issue: pick(WORDS.issue),
      measure: pick(WORDS.measure),
      trend: pick(WORDS.trend),
      unit: pick(WORDS.unit),
      ordinal: pick(ORDINALS),
      pct: int(2, 60),
      n: int(3, 900),
      years: int(2, 40),
      year: int(1971, 2019),
      people: int(2, 95) * 100,
      pages: int(40, 600),
      recs: int(3, 80),
      days: int(2, 30),
    };
    return template(slots);
  };
}

/**
 * `paragraphs` unique paragraphs of one to three sentences (about 155 characters on average) and
 * a title. `text` is the article as a plain-text file: title, blank line, paragraphs separated by
 * blank lines.
 */
export function generateArticle({ paragraphs = 1000, seed = 20261123 } = {}) {
  const random = createRandom(seed);
  const sentence = createSentences(random);
  const seen = new Set();
  const body = [];
  while (body.length < paragraphs) {
    const roll = random();
    const count = roll < 0.42 ? 1 : roll < 0.93 ? 2 : 3;
    const used = new Set();
    const paragraph = Array.from({ length: count }, () => sentence(used)).join(' ');
    if (seen.has(paragraph)) continue;
    seen.add(paragraph);
    body.push(paragraph);
  }
  const title = 'Trams, Budgets and a Long Winter: How the City Spent Its Year';
  return { title, paragraphs: body, text: `${title}\n\n${body.join('\n\n')}\n` };
}

/** Breaks a paragraph into lines of at most `width` characters, at spaces, as a mail client does. */
export function hardWrap(paragraph, width = 72) {
  const lines = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/**
 * A plain-text file of about `bytes` bytes (UTF-8) of the same prose, hard-wrapped at `width`
 * columns the way copies of e-mails and old text files arrive. `blankLines` separates paragraphs
 * with a blank line; without it only the short last line of a paragraph marks its end.
 */
export function generateWrappedText({ bytes, seed = 20261123, width = 72, blankLines = true }) {
  // The generator's paragraphs do not depend on how many are asked for, so a generous estimate
  // cut down to size gives the same text as an exact count would.
  const { title, paragraphs } = generateArticle({ paragraphs: Math.ceil(bytes / 140) + 10, seed });
  const separator = blankLines ? '\n\n' : '\n';
  const kept = [];
  let size = title.length + 2;
  for (const paragraph of paragraphs) {
    if (size >= bytes) break;
    kept.push(paragraph);
    size += paragraph.length + separator.length;
  }
  const text = `${title}\n\n${kept.map((p) => hardWrap(p, width)).join(separator)}\n`;
  return { title, paragraphs: kept, text };
}
