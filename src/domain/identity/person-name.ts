// Names as written on the resident ID card: Han characters, with the middle dot '·' (U+00B7)
// that the Ministry of Public Security uses to separate the parts of minority names
// (买买提·艾力); or, for naturalised citizens, Latin letters.
import { AppError } from '../errors.ts';

const MIN_LENGTH = 2;
const MAX_LENGTH = 40;

// Look-alikes of the middle dot that Chinese and Japanese input methods produce.
const DOT_LOOKALIKES = /[•‧∙⋅・･．]/gu;
const APOSTROPHE_LOOKALIKES = /[’‘ʼ]/gu;
const HYPHEN_LOOKALIKES = /[‐‑–]/gu;

const COMMON_HAN_NAME = /^[\u4e00-\u9fef]{2,40}$/;
const HAN_NAME = /^\p{Script=Han}+(?:·\p{Script=Han}+)*$/u;
const LATIN_NAME = /^\p{Script=Latin}+(?:[ '-]\p{Script=Latin}+)*$/u;

function invalidName(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { field: 'name' });
}

/**
 * The canonical form of a person's name, or AppError('VALIDATION_FAILED', …, { field: 'name' }).
 * Trims, collapses runs of spaces (full-width too) into one, folds look-alike dots, apostrophes and
 * hyphens; a Han name loses its spaces altogether ('张 三' is 张三 on the card). 2–40 characters.
 */
export function normalisePersonName(input: string): string {
  // The common case, 2 to 40 CJK unified ideographs (assigned since Unicode 11) and nothing else:
  // already canonical (no decomposition, no look-alike, no space), so returned as it is.
  if (COMMON_HAN_NAME.test(input)) return input;
  const folded = input
    .normalize('NFC')
    .replace(DOT_LOOKALIKES, '·')
    .replace(APOSTROPHE_LOOKALIKES, "'")
    .replace(HYPHEN_LOOKALIKES, '-')
    .replace(/\s+/gu, ' ')
    .trim();
  const name = /\p{Script=Han}/u.test(folded) ? folded.replaceAll(' ', '') : folded;
  // Count characters, not UTF-16 units: rare name characters (CJK Extension B, 𠇔) take two units.
  const length = [...name].length;
  if (length < MIN_LENGTH || length > MAX_LENGTH) {
    throw invalidName(`a name has ${MIN_LENGTH} to ${MAX_LENGTH} characters`);
  }
  if (!HAN_NAME.test(name) && !LATIN_NAME.test(name)) {
    throw invalidName('a name is written in Han characters or in Latin letters');
  }
  return name;
}

/**
 * A name as shown to a verifier or on a public screen. Han names keep their first character and
 * mask every other one, one '*' per character (张三 → 张*, 欧阳娜娜 → 欧***, 买买提·艾力 → 买*****):
 * the common practice of Chinese public services, which leaves a face-to-face check possible
 * without publishing the name. Latin names keep the first letter of each word, so the number of
 * words still shows (John Smith → J*** S****).
 */
export function maskName(name: string): string {
  if (/\p{Script=Han}/u.test(name)) {
    const [first = '', ...rest] = [...name];
    return first + '*'.repeat(rest.length);
  }
  return name
    .split(' ')
    .map((word) => {
      const [first = '', ...rest] = [...word];
      return first + '*'.repeat(rest.length);
    })
    .join(' ');
}
