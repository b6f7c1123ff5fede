// The little of fontkit 2 (pdfkit's font engine) that the form uses: whether the embedded font has
// a glyph for a character. fontkit ships no type declarations.
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer): Font;
}
