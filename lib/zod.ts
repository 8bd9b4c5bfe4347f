// zod/mini (tree-shakable) with English messages. Unlike `zod`, `zod/mini` installs no locale, so every issue would
// read "Invalid input"; our validation messages reach users, so every schema module imports zod from here.
import { en } from 'zod/locales';
import { config } from 'zod/mini';

config(en());

export * from 'zod/mini';
