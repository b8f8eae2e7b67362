import { lazy } from 'react';

/**
 * The upload control and the player every feature uses. Both load on first use, in their own chunk (with
 * tus-js-client): nothing of them is in the first page load. Render them inside <Suspense>.
 */
export const MediaUpload = lazy(() => import('./media-upload'));
export const MediaPlayer = lazy(() => import('./media-player'));
/** A list of attached files: players, downloads, or where each one is (uploading, processing, failed). */
export const MediaAttachments = lazy(() => import('./media-attachments'));
export type { AttachmentView } from './media-attachments';
export type { MediaPurpose } from './media-rules';
