import { type CommonKey, commonEn } from './catalog-common-en';
import { createTranslator } from './translate';

export type { CommonKey };

/** The texts both pages show, for the components both use (`ui/labels`, `ui/time-text`, the map). */
export const common = createTranslator<CommonKey>(commonEn);
