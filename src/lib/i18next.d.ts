import type common from '../../locales/ko/common.json';
import type providers from '../../locales/ko/providers.json';
import type review from '../../locales/ko/review.json';

// Key types come from the Korean default: a key missing there is a type error everywhere.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { common: typeof common; providers: typeof providers; review: typeof review };
  }
}
