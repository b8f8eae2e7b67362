import { readFile, writeFile } from 'node:fs/promises';
import { EncryptedPDFError, PDFArray, type PDFContext, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRef, PDFStream } from '@cantoo/pdf-lib';

export class PdfUnreadable extends Error {
  constructor(readonly encrypted: boolean) {
    super(encrypted ? 'encrypted PDF' : 'unreadable PDF');
  }
}

const METADATA = PDFName.of('Metadata');
const PIECE_INFO = PDFName.of('PieceInfo');

/**
 * Writes a copy of a PDF without what it says about who made it and with what: the document information
 * dictionary (author, creator, producer, title, subject, keywords, dates), every XMP metadata stream (the
 * document's, its pages' and any object's) and applications' private data (PieceInfo). The copy is written
 * whole, from the objects still reachable from the document's root: earlier revisions of an edited file and
 * objects nothing uses (where old metadata hides) are left behind. Pages, text, pictures and links stay.
 * Throws PdfUnreadable for a file that cannot be parsed or is encrypted.
 * Not covered: what the pages themselves show, names inside annotations or form fields, and EXIF inside
 * embedded pictures.
 */
export async function stripPdfMetadata(input: string, output: string): Promise<number> {
  let doc: PDFDocument;
  try {
    // updateMetadata: false, or the library would write its own producer and dates.
    doc = await PDFDocument.load(await readFile(input), { updateMetadata: false, throwOnInvalidObject: false });
  } catch (error) {
    throw new PdfUnreadable(error instanceof EncryptedPDFError);
  }
  if (doc.isEncrypted) throw new PdfUnreadable(true);
  try {
    // A file without a page tree is no document anyone can open.
    if (doc.getPageCount() < 1) throw new PdfUnreadable(false);
  } catch {
    throw new PdfUnreadable(false);
  }
  const { context } = doc;
  context.trailerInfo.Info = undefined;
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
    dict?.delete(METADATA);
    dict?.delete(PIECE_INFO);
  }
  dropUnreachable(context);
  const bytes = await doc.save({ useObjectStreams: false, updateFieldAppearances: false, addDefaultPage: false });
  await writeFile(output, bytes);
  return bytes.length;
}

/** Deletes every indirect object the trailer's root does not lead to. */
function dropUnreachable(context: PDFContext): void {
  const reached = new Set<string>();
  const visit = (object: PDFObject | undefined): void => {
    if (!object) return;
    if (object instanceof PDFRef) {
      if (reached.has(object.tag)) return;
      reached.add(object.tag);
      visit(context.lookup(object));
    } else if (object instanceof PDFStream) visit(object.dict);
    else if (object instanceof PDFDict) for (const [, value] of object.entries()) visit(value);
    else if (object instanceof PDFArray) for (const value of object.asArray()) visit(value);
  };
  visit(context.trailerInfo.Root);
  for (const [ref] of context.enumerateIndirectObjects()) if (!reached.has(ref.tag)) context.delete(ref);
}
