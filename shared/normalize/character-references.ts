import { repairC1Controls } from '../text/c1-controls';

/**
 * Named references a feed's text is likely to hold: XML's five, and HTML's Latin-1 letters,
 * the Latin Extended-A letters HTML names, and typographic punctuation. Others stay as written.
 */
const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Auml: 'Ä', Aring: 'Å', AElig: 'Æ', Ccedil: 'Ç',
  Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë', Igrave: 'Ì', Iacute: 'Í', Icirc: 'Î', Iuml: 'Ï',
  ETH: 'Ð', Ntilde: 'Ñ', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ouml: 'Ö', Oslash: 'Ø',
  Ugrave: 'Ù', Uacute: 'Ú', Ucirc: 'Û', Uuml: 'Ü', Yacute: 'Ý', THORN: 'Þ', szlig: 'ß',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å', aelig: 'æ', ccedil: 'ç',
  egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï',
  eth: 'ð', ntilde: 'ñ', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ouml: 'ö', oslash: 'ø',
  ugrave: 'ù', uacute: 'ú', ucirc: 'û', uuml: 'ü', yacute: 'ý', thorn: 'þ', yuml: 'ÿ', Yuml: 'Ÿ',
  OElig: 'Œ', oelig: 'œ', Scaron: 'Š', scaron: 'š', Zcaron: 'Ž', zcaron: 'ž', Ccaron: 'Č', ccaron: 'č',
  Cacute: 'Ć', cacute: 'ć', Ecaron: 'Ě', ecaron: 'ě', Ncaron: 'Ň', ncaron: 'ň', Rcaron: 'Ř', rcaron: 'ř',
  Lstrok: 'Ł', lstrok: 'ł', Nacute: 'Ń', nacute: 'ń', Sacute: 'Ś', sacute: 'ś', Zacute: 'Ź', zacute: 'ź',
  Zdot: 'Ż', zdot: 'ż', Scedil: 'Ş', scedil: 'ş', Gbreve: 'Ğ', gbreve: 'ğ', Idot: 'İ', imath: 'ı',
  Odblac: 'Ő', odblac: 'ő', Udblac: 'Ű', udblac: 'ű', Aogon: 'Ą', aogon: 'ą', Eogon: 'Ę', eogon: 'ę',
  ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  hellip: '…', middot: '·', shy: '\u00ad', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003',
};

const REFERENCE = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/gu;
/** Text escaped more than twice over is not worth chasing further. */
const MAX_PASSES = 3;
const REPLACEMENT_CHARACTER = '\ufffd';

/**
 * Decimal, hex and the common named character references decoded, again while decoding leaves
 * some: a name read from escaped HTML (`K&amp;#xe4;llberg` in the XML) still holds `&#xe4;`
 * after the XML parser's one pass. Unknown names stay as written.
 */
export function decodeCharacterReferences(text: string): string {
  let decoded = text;
  for (let pass = 0; pass < MAX_PASSES && decoded.includes('&'); pass += 1) {
    const next = decoded.replace(REFERENCE, decodeReference);
    if (next === decoded) break;
    decoded = next;
  }
  return decoded;
}

/**
 * The references in a text read once, as an HTML reader reads them: what a feed means by the
 * references in an RSS element, whose text is HTML. `&amp;lt;` becomes `&lt;`, not `<`.
 */
export function decodeReferencesOnce(text: string): string {
  return text.includes('&') ? text.replace(REFERENCE, decodeReference) : text;
}

const C1_REFERENCE = /&#(?:(1[2-5][0-9])|[xX]0*([89][0-9a-fA-F]));/gu;

/**
 * In HTML, numeric references to 128–159 mean windows-1252 punctuation (`&#146;` is ’), as every
 * HTML reader takes them; written as the references of those characters, the HTML says what it means
 * to any reader, and a search of its text finds the quote.
 */
export function windows1252References(html: string): string {
  return html.includes('&#') ? html.replace(C1_REFERENCE, (reference, decimal?: string, hex?: string) => {
    const meant = characterFor(decimal === undefined ? Number.parseInt(hex!, 16) : Number(decimal));
    const codePoint = meant.codePointAt(0)!;
    return codePoint >= 0x80 && codePoint <= 0x9f ? reference : `&#x${codePoint.toString(16)};`;
  }) : html;
}

function decodeReference(reference: string, decimal?: string, hex?: string, name?: string): string {
  if (name !== undefined) return NAMED_REFERENCES[name] ?? reference;
  return characterFor(decimal === undefined ? Number.parseInt(hex!, 16) : Number(decimal));
}

/**
 * The character a numeric reference names, read as HTML reads it: one that names no character is
 * the replacement character, and 128–159 are windows-1252 punctuation (`&#150;` is an en dash).
 */
function characterFor(codePoint: number): string {
  const isSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
  if (codePoint === 0 || codePoint > 0x10ffff || isSurrogate) return REPLACEMENT_CHARACTER;
  return repairC1Controls(String.fromCodePoint(codePoint));
}
