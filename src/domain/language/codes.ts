/**
 * Language codes. The app speaks BCP 47 (`en`, `es`, `ca-valencia`, `en-US`); Apertium and the
 * trigram detector speak ISO 639-3 (`eng`, `spa`, `cat_valencia`). This is the one place that maps
 * between them, so the mapping cannot drift between the provider and the detector.
 */

/** ISO 639-3 → ISO 639-1 for the languages translation engines and the detector name. */
const ISO3_TO_ISO1: Readonly<Record<string, string>> = {
  afr: 'af',
  amh: 'am',
  ara: 'ar',
  arb: 'ar',
  arg: 'an',
  ast: 'ast',
  aze: 'az',
  azj: 'az',
  bak: 'ba',
  bel: 'be',
  ben: 'bn',
  bos: 'bs',
  bre: 'br',
  bul: 'bg',
  cat: 'ca',
  ces: 'cs',
  cos: 'co',
  cym: 'cy',
  dan: 'da',
  deu: 'de',
  ell: 'el',
  eng: 'en',
  epo: 'eo',
  est: 'et',
  eus: 'eu',
  fao: 'fo',
  fas: 'fa',
  pes: 'fa',
  fin: 'fi',
  fra: 'fr',
  fry: 'fy',
  gla: 'gd',
  gle: 'ga',
  glg: 'gl',
  guj: 'gu',
  hau: 'ha',
  heb: 'he',
  hin: 'hi',
  hrv: 'hr',
  hun: 'hu',
  hye: 'hy',
  ibo: 'ig',
  ind: 'id',
  isl: 'is',
  ita: 'it',
  jpn: 'ja',
  kat: 'ka',
  kaz: 'kk',
  khm: 'km',
  kir: 'ky',
  kor: 'ko',
  kur: 'ku',
  lao: 'lo',
  lat: 'la',
  lav: 'lv',
  lit: 'lt',
  ltz: 'lb',
  mal: 'ml',
  mar: 'mr',
  mkd: 'mk',
  mlt: 'mt',
  mon: 'mn',
  khk: 'mn',
  mri: 'mi',
  msa: 'ms',
  zsm: 'ms',
  mya: 'my',
  nep: 'ne',
  npi: 'ne',
  nld: 'nl',
  nno: 'nn',
  nob: 'nb',
  nor: 'no',
  oci: 'oc',
  ori: 'or',
  pan: 'pa',
  pol: 'pl',
  por: 'pt',
  pus: 'ps',
  ron: 'ro',
  rus: 'ru',
  sin: 'si',
  slk: 'sk',
  slv: 'sl',
  sme: 'se',
  sna: 'sn',
  som: 'so',
  spa: 'es',
  sqi: 'sq',
  als: 'sq',
  srd: 'sc',
  srp: 'sr',
  swa: 'sw',
  swh: 'sw',
  swe: 'sv',
  tam: 'ta',
  tat: 'tt',
  tel: 'te',
  tgk: 'tg',
  tgl: 'tl',
  tha: 'th',
  tur: 'tr',
  uig: 'ug',
  ukr: 'uk',
  urd: 'ur',
  uzb: 'uz',
  uzn: 'uz',
  vie: 'vi',
  xho: 'xh',
  yid: 'yi',
  yor: 'yo',
  zho: 'zh',
  cmn: 'zh',
  zul: 'zu',
  hat: 'ht',
  jav: 'jv',
  sun: 'su',
  ceb: 'ceb',
  haw: 'haw',
  hmn: 'hmn',
  kin: 'rw',
  nya: 'ny',
  sot: 'st',
  smo: 'sm',
  tuk: 'tk',
};

const ISO1_TO_ISO3: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ISO3_TO_ISO1)
    // Keep the macrolanguage code where several individual codes map to one ISO 639-1 code.
    .filter(
      ([iso3]) =>
        !['arb', 'azj', 'pes', 'khk', 'zsm', 'npi', 'als', 'swh', 'uzn', 'cmn'].includes(iso3),
    )
    .map(([iso3, iso1]) => [iso1, iso3]),
);

/** `eng` → `en`; unknown codes pass through unchanged (many 639-3 codes have no 639-1 form). */
export function iso3ToBcp47(code: string): string {
  return ISO3_TO_ISO1[code.toLowerCase()] ?? code.toLowerCase();
}

/** `en` → `eng`; unknown codes pass through unchanged. */
export function bcp47ToIso3(tag: string): string {
  const primary = primarySubtag(tag);
  return ISO1_TO_ISO3[primary] ?? primary;
}

/** The primary language subtag, lower-cased: `ca-valencia` → `ca`, `en-US` → `en`. */
export function primarySubtag(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? '').toLowerCase();
}

/**
 * An Apertium mode name (`eng`, `eng_US`, `cat_valencia`, `cat_iec2017`) → a BCP 47 tag
 * (`en`, `en-US`, `ca-valencia`, `ca-x-iec2017`). Region suffixes are two capital letters; other
 * suffixes are variants when they are valid variant subtags (5–8 alphanumerics), else private use.
 */
export function apertiumCodeToBcp47(code: string): string {
  const [base = '', ...rest] = code.split('_');
  const lang = iso3ToBcp47(base);
  if (rest.length === 0) return lang;
  const parts: string[] = [lang];
  const privateUse: string[] = [];
  for (const part of rest) {
    if (/^[A-Z]{2}$/.test(part)) parts.push(part);
    else if (/^[a-z0-9]{5,8}$/i.test(part) && !/^\d/.test(part)) parts.push(part.toLowerCase());
    else privateUse.push(part.toLowerCase().slice(0, 8));
  }
  if (privateUse.length > 0) parts.push('x', ...privateUse);
  return parts.join('-');
}

/** The inverse of {@link apertiumCodeToBcp47}. */
export function bcp47ToApertiumCode(tag: string): string {
  const [base = '', ...rest] = tag.split('-');
  const parts = [bcp47ToIso3(base)];
  for (const part of rest) {
    if (part.toLowerCase() === 'x') continue;
    parts.push(/^[a-z]{2}$/i.test(part) ? part.toUpperCase() : part.toLowerCase());
  }
  return parts.join('_');
}

/** Scripts written right to left, by primary language subtag. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'ug', 'dv', 'ckb', 'sd']);

/** The writing direction of a language, for `dir` on source and target elements. */
export function languageDirection(tag: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(primarySubtag(tag)) ? 'rtl' : 'ltr';
}

/** Whether two tags name the same language for matching engine pairs (`en` matches `en-US`). */
export function sameLanguage(a: string, b: string): boolean {
  return primarySubtag(a) === primarySubtag(b);
}
