// shared/ compiles without DOM and Node types, yet the WHATWG TextDecoder exists in browsers and Node alike.
// Declaring only what shared/ uses, as module-local types rather than a global, keeps this from clashing
// with the DOM and Node declarations when shared/ is compiled inside renderer/ or electron/.

export interface WhatwgTextDecoder {
  /** The canonical name of the encoding the label resolved to, e.g. 'windows-1252' for 'iso-8859-1'. */
  readonly encoding: string;
  decode(bytes: Uint8Array): string;
}

/** Throws RangeError for a label the Encoding Standard does not know; decode throws TypeError on invalid bytes when fatal. */
export type WhatwgTextDecoderConstructor = new (
  label: string,
  options: { fatal: boolean; ignoreBOM: boolean },
) => WhatwgTextDecoder;
