import type common from '../../locales/ko/common.json';
import type providers from '../../locales/ko/providers.json';
import type reading from '../../locales/ko/reading.json';
import type review from '../../locales/ko/review.json';
import type settings from '../../locales/ko/settings.json';

// Key types come from the Korean default: a key missing there is a type error everywhere.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    fallbackNS: ['reading', 'settings'];
    resources: {
      common: typeof common;
      providers: typeof providers;
      reading: typeof reading;
      review: typeof review;
      settings: typeof settings;
    };
  }
}
