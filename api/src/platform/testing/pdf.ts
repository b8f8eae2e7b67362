import { PDFDocument, PDFName, StandardFonts } from '@cantoo/pdf-lib';

/**
 * A real one-page PDF saying `text`, for tests. With `identifying`, it carries what a word processor or
 * scanner writes about its maker: an information dictionary (author, creator, producer, title, keywords),
 * document and page XMP streams, and an object nothing refers to any more (as an edited file keeps its old
 * metadata).
 */
export async function makePdf(text = 'Testimony', identifying = false): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: identifying });
  const page = doc.addPage([300, 200]);
  page.drawText(text, { x: 20, y: 100, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  if (identifying) {
    doc.setAuthor('Aung Secret Author');
    doc.setCreator('FieldOffice Writer 7');
    doc.setProducer('ScanStation Producer 3');
    doc.setTitle('Witness list');
    doc.setKeywords(['Myitkyina safehouse']);
    const xmp = (who: string) =>
      doc.context.register(doc.context.stream(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>${who}</dc:creator><xmp:CreatorTool>CameraScan 9</xmp:CreatorTool></x:xmpmeta>`, { Type: 'Metadata', Subtype: 'XML' }));
    doc.catalog.set(PDFName.of('Metadata'), xmp('Xmp Creator Person'));
    page.node.set(PDFName.of('Metadata'), xmp('Xmp Page Person'));
    doc.context.register(doc.context.obj({ Author: 'Orphaned Old Author' }));
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
