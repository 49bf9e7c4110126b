// PNG and PDF of the map sheet. jsPDF is loaded only when a planner asks for a PDF.
import { drawSheet, PAGE, type MapSheet, type Orientation, type Painter } from './sheet';

const FONT = 'system-ui, "Noto Sans", "DejaVu Sans", Arial, sans-serif';
const PT = 0.3528;

/** PDF's standard fonts know Windows-1252 only: the minus sign and "≈" get their nearest there. */
const pdfText = (text: string) => text.replace(/\u2212/g, '\u2013').replace(/\u2248/g, '~').replace(/\u202f/g, ' ');

/** The sheet on a canvas, `pxPerMm` pixels per millimetre (8 ≈ 200 dpi). */
export function sheetCanvas(map: HTMLCanvasElement, sheet: MapSheet, orientation: Orientation, mapSize: { width: number; height: number }, pxPerMm = 8): HTMLCanvasElement {
  const page = PAGE[orientation];
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(page.w * pxPerMm);
  canvas.height = Math.round(page.h * pxPerMm);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(pxPerMm, pxPerMm);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, page.w, page.h);
  const font = (size: number, bold?: boolean) => `${bold ? '600 ' : ''}${size * PT}px ${FONT}`;
  const painter: Painter = {
    text(text, x, y, size, bold) {
      ctx.font = font(size, bold);
      ctx.fillStyle = '#1a1a1a';
      ctx.fillText(text, x, y);
    },
    width(text, size, bold) {
      ctx.font = font(size, bold);
      return ctx.measureText(text).width;
    },
    rect(x, y, w, h, fill, stroke) {
      ctx.fillStyle = fill;
      ctx.fillRect(x, y, w, h);
      if (stroke) {
        ctx.strokeStyle = stroke;
        ctx.lineWidth = 0.2;
        ctx.strokeRect(x, y, w, h);
      }
    },
    hatch(x, y, w, h) {
      ctx.save();
      ctx.fillStyle = '#e0e0e0';
      ctx.fillRect(x, y, w, h);
      ctx.beginPath();
      ctx.rect(x, y, w, h);
      ctx.clip();
      ctx.strokeStyle = '#636363';
      ctx.lineWidth = 0.4;
      for (let d = -h; d < w; d += 1.4) {
        ctx.moveTo(x + d, y + h);
        ctx.lineTo(x + d + h, y);
      }
      ctx.stroke();
      ctx.restore();
      ctx.strokeStyle = '#8a8a8a';
      ctx.lineWidth = 0.2;
      ctx.strokeRect(x, y, w, h);
    },
    image(x, y, w, h) {
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(map, x, y, w, h);
    },
    line(x1, y1, x2, y2, width) {
      ctx.strokeStyle = '#1a1a1a';
      ctx.lineWidth = width;
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
      ctx.stroke();
    },
  };
  drawSheet(painter, sheet, orientation, mapSize);
  return canvas;
}

export function canvasBlob(canvas: HTMLCanvasElement, type = 'image/png'): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas is empty'))), type));
}

/** The sheet as an A4 PDF: text, legend and scale as vectors, the map as an image. */
export async function sheetPdf(map: HTMLCanvasElement, sheet: MapSheet, orientation: Orientation, mapSize: { width: number; height: number }): Promise<Blob> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ orientation, unit: 'mm', format: 'a4', compress: true });
  doc.setProperties({ title: sheet.title, subject: sheet.source, creator: 'Sozialatlas' });
  const image = map.toDataURL('image/png');
  const hex = (c: string) => c.replace('#', '');
  const rgb = (c: string): [number, number, number] => [0, 2, 4].map((i) => parseInt(hex(c).slice(i, i + 2), 16)) as [number, number, number];
  const painter: Painter = {
    text(text, x, y, size, bold) {
      doc.setFont('helvetica', bold ? 'bold' : 'normal');
      doc.setFontSize(size);
      doc.setTextColor(26, 26, 26);
      doc.text(pdfText(text), x, y);
    },
    width(text, size, bold) {
      doc.setFont('helvetica', bold ? 'bold' : 'normal');
      doc.setFontSize(size);
      return doc.getTextWidth(pdfText(text));
    },
    rect(x, y, w, h, fill, stroke) {
      doc.setFillColor(...rgb(fill));
      if (stroke) {
        doc.setDrawColor(...rgb(stroke));
        doc.setLineWidth(0.2);
      }
      doc.rect(x, y, w, h, stroke ? 'FD' : 'F');
    },
    hatch(x, y, w, h) {
      doc.setFillColor(224, 224, 224);
      doc.rect(x, y, w, h, 'F');
      doc.setDrawColor(99, 99, 99);
      doc.setLineWidth(0.4);
      // diagonal strokes clipped by hand to the box
      for (let d = -h; d < w; d += 1.4) {
        const x1 = Math.max(x, x + d);
        const y1 = y + h - (x1 - (x + d));
        const x2 = Math.min(x + w, x + d + h);
        const y2 = y + h - (x2 - (x + d));
        doc.line(x1, y1, x2, y2);
      }
      doc.setDrawColor(138, 138, 138);
      doc.setLineWidth(0.2);
      doc.rect(x, y, w, h, 'S');
    },
    image(x, y, w, h) {
      doc.addImage(image, 'PNG', x, y, w, h, undefined, 'FAST');
    },
    line(x1, y1, x2, y2, width) {
      doc.setDrawColor(26, 26, 26);
      doc.setLineWidth(width);
      doc.line(x1, y1, x2, y2);
    },
  };
  drawSheet(painter, sheet, orientation, mapSize);
  return doc.output('blob');
}

