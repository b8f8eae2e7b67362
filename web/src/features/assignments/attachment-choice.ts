import type { AttachmentView } from '../../app/media';

/** A file attached to a submission, as the editor shows it (with its processing state). */
export type DraftFile = AttachmentView;

/**
 * The files of a draft: as the server has them until the learner attaches or removes one here; then the
 * learner's choice, sent as `attachmentIds` with the next save (a save without a change sends none, which
 * keeps them, so a group member's newer files are never dropped by a page that did not touch them).
 */
export interface AttachmentChoice {
  /** The ids the learner chose, in order; null: whatever the server has. */
  ids: string[] | null;
  /** Files uploaded here, shown until the server lists them. */
  uploaded: Record<string, DraftFile>;
}

/** The most files a submission takes (the API's limit). */
export const MAX_FILES = 20;

export const AS_SERVER_HAS_THEM: AttachmentChoice = { ids: null, uploaded: {} };

const idsOf = (files: readonly DraftFile[]) => files.map((file) => file.id);

/** What the editor shows: the chosen files, each as the server last described it, else as uploaded here. */
export function shownFiles(choice: AttachmentChoice, server: readonly DraftFile[]): DraftFile[] {
  if (!choice.ids) return [...server];
  const known = new Map(server.map((file) => [file.id, file]));
  return choice.ids.map((id) => known.get(id) ?? choice.uploaded[id]).filter((file): file is DraftFile => !!file);
}

/** A file uploaded here joins the draft (at the end; once only). */
export function attach(choice: AttachmentChoice, server: readonly DraftFile[], file: DraftFile): AttachmentChoice {
  const ids = choice.ids ?? idsOf(server);
  if (ids.includes(file.id)) return choice;
  return { ids: [...ids, file.id], uploaded: { ...choice.uploaded, [file.id]: file } };
}

/** A file leaves the draft (its upload stays the learner's, in their uploads). */
export function detach(choice: AttachmentChoice, server: readonly DraftFile[], id: string): AttachmentChoice {
  const ids = choice.ids ?? idsOf(server);
  return { ids: ids.filter((chosen) => chosen !== id), uploaded: choice.uploaded };
}

/**
 * The `attachmentIds` of the next save: null while nothing changed here; else the chosen files without
 * those whose processing failed (the API refuses them: their bytes are gone).
 */
export function idsToSend(choice: AttachmentChoice, server: readonly DraftFile[]): string[] | null {
  if (!choice.ids) return null;
  return shownFiles(choice, server)
    .filter((file) => file.status !== 'FAILED')
    .map((file) => file.id);
}

/** After a save that sent `sent`: if that is still the choice, the server has it and leads again. */
export function afterSave(choice: AttachmentChoice, server: readonly DraftFile[], sent: string[] | null): AttachmentChoice {
  if (!sent || !choice.ids) return choice;
  const now = idsToSend(choice, server) ?? [];
  return now.length === sent.length && now.every((id, i) => id === sent[i]) ? AS_SERVER_HAS_THEM : choice;
}

/** Some file is still on its way to being playable: worth asking the server again soon. */
export function anyUnsettled(files: readonly DraftFile[]): boolean {
  return files.some((file) => file.status === 'UPLOADING' || file.status === 'PROCESSING');
}
