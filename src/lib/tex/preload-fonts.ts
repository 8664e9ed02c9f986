/**
 * The KaTeX faces the page's formulas are set in when it first paints (its
 * section formulas and the network's): preloaded from the document's head, so
 * that they arrive with the stylesheet rather than once the first layout has
 * asked for them. Their faces are `font-display: block`, so a face that comes
 * later lays every formula out a second time (and draws it invisible until
 * then). The files are the ones katex.min.css names: Vite gives a file one
 * hashed address however it is imported.
 */
import ams from 'katex/dist/fonts/KaTeX_AMS-Regular.woff2?url';
import caligraphic from 'katex/dist/fonts/KaTeX_Caligraphic-Regular.woff2?url';
import mainItalic from 'katex/dist/fonts/KaTeX_Main-Italic.woff2?url';
import main from 'katex/dist/fonts/KaTeX_Main-Regular.woff2?url';
import mathItalic from 'katex/dist/fonts/KaTeX_Math-Italic.woff2?url';
import size1 from 'katex/dist/fonts/KaTeX_Size1-Regular.woff2?url';
import size2 from 'katex/dist/fonts/KaTeX_Size2-Regular.woff2?url';

export const formulaFonts = [main, mathItalic, mainItalic, size1, size2, ams, caligraphic];
