// Name matching for the registry's search: Indonesian and Arabic-origin names written in Latin
// script, where one person appears as "Mochammad Abdurrahman" in a passport and "Muhammad Abdul
// Rahman" in a list. Names become words, words become spelling-variant keys; a query matches a
// person when every key of the query is among the person's keys. Pure: no I/O.

/**
 * Lower case, accents and diacritics removed (NFKD, then combining marks dropped), punctuation,
 * hyphens and dots turned into spaces, whitespace collapsed.
 *
 * Apostrophes and the transliteration marks for ʿayn and hamza (’ ' ʿ ʾ ` ´) are removed, joining
 * the letters around them, rather than turned into spaces: inside these names they stand for a
 * consonant within one word (Ma'ruf, Sa'id, Mas'ud, Ja'far), and the common spellings of the same
 * names simply leave them out (Maruf, Said, Masud, Jafar).
 */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđı]/gu, (c) => FOLDS[c] ?? c)
    .replace(/['’‘`´ʿʾʼ′]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Letters NFKD does not decompose into a base letter and a mark.
const FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };

// "bin"/"binti" (son/daughter of) and their abbreviations join a given name to the father's: they
// are written on some documents and left out on others, so they cannot help a search and would
// make "Ahmad bin Yusuf" miss "Ahmad Yusuf".
const CONNECTORS = new Set(['bin', 'binti', 'bint', 'binte', 'bt', 'bte', 'bn']);
// Honorifics and titles written before names in Indonesian lists (Haji, Hajjah, doctor, engineer,
// professor, Kyai Haji). Dotted abbreviations, degrees included ("S.Kom.", "M.M.", "Ph.D."), are
// recognised by their shape in nameTokens.
const TITLES = new Set(['hj', 'drs', 'dra', 'dr', 'ir', 'prof', 'kh']);
// "Abd" (servant of) and its forms with the article, "Abdul", "Abdur"... + one of the names of God:
// written as one word (Abdurrahman), two (Abdul Rahman) or three (Abd al-Rahman). The parts are
// always joined into one word so that all forms reach the same key; "Abdi" (an Indonesian name of
// its own) is not among them.
const ABD = new Set(['abd', 'abdu', 'abdul', 'abdel', 'abdal', 'abdil', 'abdur', 'abdus', 'abdun', 'abduz']);
// The Arabic article, alone: "Al-Amin", "El Sayed", and the sun-letter forms "Ar-Rasyid",
// "As-Sayyid" (recognised only before a word starting with the same consonant, so that a short
// name such as "Ad" or "An" is left alone). It belongs to the next word, as in Arabic writing, so
// "Al Fatih", "Al-Fatih" and "Alfatih" meet; every form is written "al", so that "El-Sayed" and
// "As-Sayyid" meet "Al Sayed" and "Al Sayyid".
const ARTICLES = new Set(['al', 'el']);
const SUN_ARTICLE = /^[ae](?:[tdrzsn]|sy|sh)$/u;
const isArticle = (w: string, next: string | undefined) =>
  ARTICLES.has(w) || (SUN_ARTICLE.test(w) && next !== undefined && next.startsWith(w.slice(1)));
const joinable = (w: string | undefined): w is string =>
  w !== undefined && !CONNECTORS.has(w) && !TITLES.has(w) && !ABD.has(w);
// Initials and titles written with dots: "H.", "Hj.", "Dr.", "M.", "S.H.", "M.M.", "Ph.D.".
// "M.Yusuf" is not one: it normalises to an initial and a name.
const DOTTED = /^(?:\p{L}{1,2}\.)+,?$/u;
// Academic degrees after the name, which Indonesian writing puts after a comma: "Budi Santoso,
// S.Kom., M.M.", "S.Pd.I". Only after a comma: before one, "M.Ali" is a name.
const DEGREE = /^(?:\p{L}{1,2}\.)+\p{L}{1,4}\.?,?$/u;

/**
 * The words of a name that help a search: normalised, de-duplicated and sorted (word order varies
 * between documents and cultures). Dropped: "bin"/"binti" connectors, titles and degrees, and
 * single Latin letters (initials such as the "M." of "M. Yusuf" and the Balinese "I" of "I Made"), which
 * would make a query with an initial miss the same person written in full. Kept: short words such
 * as "Ni", "Nur", "Abu". Joined: "Abd"-compounds, and the article with the following word (see ABD,
 * ARTICLES); a name written "Abdurrahman" therefore has no separate "Rahman" to be found by.
 * If nothing is left, every word is kept: a name made only of initials is still searchable.
 */
export function nameTokens(s: string): string[] {
  const kept: string[] = [];
  let afterComma = false;
  for (const chunk of s.split(/\s+/u)) {
    if (!DOTTED.test(chunk) && !(afterComma && DEGREE.test(chunk))) kept.push(chunk);
    if (chunk.includes(',')) afterComma = true;
  }
  const words = normaliseName(kept.join(' ')).split(' ');
  const tokens: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (/^[a-z]?$/u.test(w) || CONNECTORS.has(w) || TITLES.has(w)) continue;
    if (ABD.has(w)) {
      // "Abd al-Rahman": an article between is part of the compound.
      let compound = w;
      if (words[i + 1] !== undefined && isArticle(words[i + 1]!, words[i + 2])) compound += words[++i];
      if (joinable(words[i + 1])) compound += words[++i];
      tokens.push(compound);
    } else if (isArticle(w, words[i + 1]) && joinable(words[i + 1])) {
      tokens.push(`al${words[++i]}`);
    } else {
      tokens.push(w);
    }
  }
  if (tokens.length > 0) return [...new Set(tokens)].sort();
  return [...new Set(normaliseName(s).split(' '))].filter((w) => w !== '').sort();
}

// Ordered rewrites, applied top to bottom on the whole word, after doubled letters are collapsed
// (so Noor is already nor, Saeed saed). Old Indonesian spelling (before EYD, 1972) first, then
// Arabic transliteration variants, then letter-level variants. The third column is the reason.
const REWRITES: [pattern: RegExp, replacement: string, why: string][] = [
  [/oe/gu, 'u', 'old spelling: Soekarno -> Sukarno'],
  [/tj/gu, 'c', 'old spelling: Tjahjadi -> Cahjadi (then j -> y)'],
  [/dj/gu, 'j', 'old spelling: Djakarta -> Jakarta'],
  [/^ch(?=[rl])/gu, 'k', 'Christina, Chlorinda: Greek ch is k'],
  [/ch/gu, 'h', 'old spelling ch = kh: Achmad, Chairul (then kh -> h); so Chandra is not Candra'],
  [/kh/gu, 'h', 'Akhmad / Ahmad, Khairul / Hairul: Indonesian writes both'],
  [/j/gu, 'y', 'old j = new y (Tjahjadi -> Cahyadi, Sjahrir -> Syahrir, Njoman -> Nyoman); Juli / Yuli'],
  [/s[yh]/gu, 's', 'Aisyah / Aishah, Syamsul / Shamsul / Samsul, old Sjahrir (sj -> sy above)'],
  [/ph/gu, 'f', 'Ophelia / Ofelia'],
  [/th/gu, 't', 'Thamrin / Tamrin, Luthfi / Lutfi'],
  [/dh/gu, 'd', 'Ramadhan / Ramadan, Fadhil / Fadil'],
  [/dz/gu, 'z', 'Dzulkifli / Zulkifli'],
  [/gh/gu, 'g', 'Ghazali / Gazali'],
  [/^ts/gu, 's', 'Tsabita / Sabita'],
  [/q/gu, 'k', 'Qori / Kori, Taufiq / Taufik'],
  [/ck/gu, 'k', 'Ricky / Riky'],
  [/v/gu, 'f', 'Vina / Fina, Devi / Defi'],
  [/ou/gu, 'u', 'Yousef / Yusef'],
  [/ei|ae/gu, 'ai', 'Husein / Husain, Zaenab / Zainab; Saeed (saed) / Said'],
  [/ie$/gu, 'i', 'Dutch-era ie: Yunie / Yuni'],
  [/^([^aeiouyns])y(?=[aeiou])/gu, '$1i', 'Dyah / Diah, Tyas / Tias (not the ny of Nyoman)'],
  [/([aeiou])y(?![aeiou])/gu, '$1i', 'Zayd / Zaid, Rayhan / Raihan, Aysha / Aisha'],
  [/([^aeiou])y$/gu, '$1i', 'Rizky / Rizki, Fahmy / Fahmi, Eddy / Edi'],
  [/([aeiou])h$/gu, '$1', 'final h: Fatimah / Fatima, Aisyah / Aisya'],
];

// Muhammad abbreviated in Indonesia (Moh. Hatta, Muh., Moch.) and Malaysia (Mohd, Md, Mhd),
// recognised before any rule changes them.
const MUHAMMAD_ABBREVIATIONS = new Set(['moh', 'muh', 'moch', 'mochd', 'mohd', 'muhd', 'md', 'mhd']);

// Whole words that no letter rule reaches, matched after the rewrites (so in their rewritten
// form) and mapped to the form the rules give the commonest spelling.
const WHOLE_WORDS: [RegExp, string][] = [
  // Muhammad with the Egyptian and Turkish e for its last a (Mohamed, Muhammed).
  [/^m[ou]ham[ae]d$/u, 'muhamad'],
  [/^ahm[ae]d$/u, 'ahmad'],
  // Nurul = Nur al-...: the article sits on the end of the first word.
  [/^nur[ui]l$/u, 'nur'],
  // ʿUthman: th (Malaysia, English), ts (Indonesian pesantren), s (common Indonesian), o/u.
  [/^[ou](?:t|ts|s)man$/u, 'usman'],
  // Husin, the common Indonesian spelling of Husain / Hussein.
  [/^husin$/u, 'husain'],
];

// Vowel classes: transliteration swaps e/i and o/u freely (Ebrahim, Hesham; Omar, Yosef), while a
// is stable and, at the end of a word, marks gender in Indonesian names (Putra / Putri, Dewa / Dewi).
const VOWEL_CLASS: Record<string, string> = { a: 'a', e: 'i', i: 'i', o: 'u', u: 'u' };

/**
 * A spelling-variant key for one word (a token from nameTokens), built like a small phonetic
 * algorithm: the "Abd" prefix, the REWRITES in order, doubled letters collapsed (Muhammad /
 * Muhamad, Hassan / Hasan), WHOLE_WORDS, then the vowels reduced to classes:
 * - in the first run of vowels and a final vowel, three classes: a, e/i, o/u (Umar = Omar,
 *   Putri != Putra, Rina != Rini, Yuli != Yulia);
 * - inside the word, two classes: a, and any other vowel. The inner e/i/o/u are what
 *   transliteration varies most (Yusuf / Yosef / Yousef, Khalid / Khaled, Muhsin / Mohsen), while
 *   a against the others keeps common pairs apart: Jamal / Jamil, Bagas / Bagus, Gadang / Gading.
 * Dropping inner vowels altogether was tried: it also merges Mohamed / Muhamad without a table, but
 * doubles the collisions between different Indonesian names (see names.test.ts).
 * Accepted collisions: e/i at the start makes Eka / Ika and Endah / Indah meet (the latter are
 * variants); Dewi / Dwi stay apart. A search that also finds the near name and lets the officer
 * choose is better than one that misses the person. Letters outside a-z pass through unchanged.
 */
export function nameKey(token: string): string {
  let w = normaliseName(token).replace(/ /gu, '');
  if (MUHAMMAD_ABBREVIATIONS.has(w)) w = 'muhammad';
  // Doubled letters are collapsed before the rules (Sayyid, Hassan) and after (Mochammad).
  w = abdPrefix(w).replace(/(.)\1+/gu, '$1');
  for (const [pattern, replacement] of REWRITES) w = w.replace(pattern, replacement);
  w = w.replace(/(.)\1+/gu, '$1');
  for (const [pattern, canonical] of WHOLE_WORDS) if (pattern.test(w)) w = canonical;
  return skeleton(w);
}

/**
 * "Abdurrahman", "Abdulrahman", "Abdelrahman", "Abdalrahman", "Abdurahman" -> "abdrahman": the
 * vowel and article between "abd" and the name are dropped, including a sun letter that doubles the
 * next consonant (Abdussalam, Abdunnur). Needs three letters after the prefix, so "Abdi" and
 * "Abdul" alone are left as they are.
 */
function abdPrefix(w: string): string {
  return w
    .replace(/^abd[aeiou]([^aeiou])(?=\1[a-z]{2})/u, 'abd')
    .replace(/^abd[aeiou]?l(?=[a-z]{3})/u, 'abd')
    .replace(/^abd[aeiou](?=[^aeiou][a-z]{2})/u, 'abd');
}

function skeleton(w: string): string {
  const isVowel = (c: string | undefined) => c !== undefined && c in VOWEL_CLASS;
  let first = 0;
  while (first < w.length && !isVowel(w[first])) first++;
  let afterFirst = first;
  while (isVowel(w[afterFirst])) afterFirst++;
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    if (!isVowel(c)) {
      out += c;
      continue;
    }
    const edge = i < afterFirst || i === w.length - 1;
    const cls = edge ? VOWEL_CLASS[c]! : c === 'a' ? 'a' : 'i';
    // One class per run of like vowels: "ei" and "ie" are both i, "ua" stays two.
    if (!(isVowel(w[i - 1]) && out.endsWith(cls))) out += cls;
  }
  return out;
}

/**
 * The keys stored for a person's name and computed for a query: sorted and de-duplicated nameKeys
 * of nameTokens. A person matches a query when every query key is among the person's keys.
 */
export function searchKeys(fullName: string): string[] {
  return [...new Set(nameTokens(fullName).map(nameKey))].sort();
}
