/**
 * The one-stop forms Mẫu 01-06 (Circular 01/2018/TT-VPCP annex, domain.md §2.3) as PDF buffers. Builders
 * give the form as data (`*Form`), `render*` give the PDF.
 */
import { apologyForm, controlSheetForm, trackingLogForm } from './processing-forms.js';
import type { ApologyData, ControlSheetData, TrackingLogData } from './processing-forms.js';
import { receiptForm, refusalForm, supplementationForm } from './intake-forms.js';
import type { ReceiptData, RefusalData, SupplementationData } from './intake-forms.js';
import { renderForm, type RenderOptions } from './render.js';

export * from './model.js';
export * from './fonts.js';
export * from './intake-forms.js';
export * from './processing-forms.js';
export { renderForm, type RenderOptions } from './render.js';

/** Mẫu 01 as PDF. */
export const renderReceipt = (d: ReceiptData, o?: RenderOptions): Promise<Buffer> =>
  renderForm(receiptForm(d), o);
/** Mẫu 02 as PDF. */
export const renderSupplementationRequest = (d: SupplementationData, o?: RenderOptions): Promise<Buffer> =>
  renderForm(supplementationForm(d), o);
/** Mẫu 03 as PDF. */
export const renderRefusal = (d: RefusalData, o?: RenderOptions): Promise<Buffer> =>
  renderForm(refusalForm(d), o);
/** Mẫu 04 as PDF. */
export const renderApology = (d: ApologyData, o?: RenderOptions): Promise<Buffer> =>
  renderForm(apologyForm(d), o);
/** Mẫu 05 as PDF. */
export const renderControlSheet = (d: ControlSheetData, o?: RenderOptions): Promise<Buffer> =>
  renderForm(controlSheetForm(d), o);
/** Mẫu 06 as PDF. */
export const renderTrackingLog = (d: TrackingLogData, o?: RenderOptions): Promise<Buffer> =>
  renderForm(trackingLogForm(d), o);
