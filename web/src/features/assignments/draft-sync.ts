import { apiErrorsOf } from '../../app/forms/api-errors';
import { draftStore } from '../../app/draft-store';

const { forgetDraft, keepDraft, readDraft } = draftStore('assignment');

/** The submission as the server has it. */
export interface ServerText {
  body: string;
  version: number;
  /** DRAFT while it can be edited. */
  status: string;
  updatedAt?: string | null;
  /** Who saved it last (for group work), as the API names them to this viewer. */
  editorName?: string | null;
}

export type SaveState =
  /** Nothing typed since the page opened (or what is shown is what the server has). */
  | { kind: 'idle' }
  /** Typed; sent once typing pauses. Already kept on this device. */
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** No connection: the text is kept on this device and sent when the connection returns. */
  | { kind: 'offline' }
  /** The server refused or failed; `retrying` when it is tried again on its own. */
  | { kind: 'failed'; code: string; retrying: boolean }
  /** Someone else (a group member) saved first: the learner chooses what to keep. */
  | { kind: 'conflict'; theirs: ServerText };

export interface Snapshot {
  text: string;
  state: SaveState;
  /** The text came back from this device (a reload or a dropped connection left it unsent). */
  restored: boolean;
}

export interface DraftSyncOptions {
  userId: string;
  assignmentId: string;
  save(body: string, expectedVersion: number | null): Promise<ServerText>;
  /** The server's current submission, read afresh (after a CONFLICT). */
  fetchCurrent(): Promise<ServerText | null>;
  onChange(snapshot: Snapshot): void;
  debounceMs?: number;
  online?: () => boolean;
  now?: () => Date;
}

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 20_000, 30_000];
const PASSING = new Set(['NETWORK', 'SERVER', 'TOO_MANY_REQUESTS']);

/**
 * Autosave that never loses a word. Every change is first kept on the device (draft-store), then sent
 * once typing pauses (or at once on `flush`, e.g. on blur) with the version it was written on. The kept
 * copy is dropped only when the server confirms that very text. Without a connection it waits for the
 * browser's `online` event, and after a passing failure it tries again with growing pauses. A CONFLICT
 * (another member saved first) stops saving and hands both texts to the learner to choose: nothing is
 * overwritten silently.
 */
export class DraftSync {
  private text: string;
  private baseVersion: number | null;
  /** The text the server is known to have. */
  private confirmed: string;
  private state: SaveState = { kind: 'idle' };
  private restored = false;
  /** Something besides the text (the attachments) changed and is not sent yet. */
  private otherUnsent = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private disposed = false;
  private readonly options: Required<Omit<DraftSyncOptions, 'save' | 'fetchCurrent' | 'onChange'>> & DraftSyncOptions;

  constructor(server: ServerText | null, options: DraftSyncOptions) {
    this.options = {
      ...options,
      debounceMs: options.debounceMs ?? 1_500,
      online: options.online ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine !== false)),
      now: options.now ?? (() => new Date()),
    };
    this.confirmed = server?.body ?? '';
    // No submission yet: the API starts one at version 0, so a member who started it first makes this a CONFLICT.
    this.baseVersion = server?.version ?? 0;
    this.text = this.confirmed;
    const kept = readDraft(options.userId, options.assignmentId);
    if (kept && kept.body !== this.confirmed) {
      // Written here and never confirmed: it is the learner's latest text. Sent on its own version, so a
      // server that moved on meanwhile answers CONFLICT and the learner chooses.
      this.text = kept.body;
      this.baseVersion = kept.baseVersion ?? this.baseVersion;
      this.restored = true;
      this.state = { kind: 'unsaved' };
    } else if (kept) {
      forgetDraft(options.userId, options.assignmentId, kept.body);
    }
  }

  snapshot(): Snapshot {
    return { text: this.text, state: this.state, restored: this.restored };
  }

  /** Listens for the connection's return and sends a restored text at once. */
  start(): () => void {
    // React's development double run stops and starts again: start undoes the stop.
    this.disposed = false;
    const onOnline = () => {
      if (this.hasUnsent() && this.state.kind !== 'conflict') void this.flush();
    };
    window.addEventListener('online', onOnline);
    if (this.restored) void this.flush();
    return () => {
      window.removeEventListener('online', onOnline);
      this.dispose();
    };
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  hasUnsent(): boolean {
    return this.text !== this.confirmed || this.otherUnsent;
  }

  /**
   * Something the save sends besides the text changed (a file attached or removed): save soon, even if
   * the text is as the server has it. The `save` function decides what else to send.
   */
  touch(): void {
    this.otherUnsent = true;
    if (this.state.kind === 'conflict') return this.emit();
    this.state = this.options.online() ? { kind: 'unsaved' } : { kind: 'offline' };
    this.emit();
    this.schedule(0);
  }

  edit(text: string): void {
    this.text = text;
    this.restored = false;
    keepDraft(this.options.userId, this.options.assignmentId, text, this.baseVersion, this.options.now());
    if (this.state.kind === 'conflict') return this.emit();
    this.state = this.options.online() ? { kind: 'unsaved' } : { kind: 'offline' };
    this.emit();
    this.schedule(this.options.debounceMs);
  }

  /** Sends what is unsent now (typing paused, the field lost focus, the page is being left). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    if (this.disposed || this.state.kind === 'conflict') return Promise.resolve();
    if (this.inFlight) return this.inFlight.then(() => this.flush());
    if (!this.hasUnsent()) return Promise.resolve();
    if (!this.options.online()) {
      this.set({ kind: 'offline' });
      return Promise.resolve();
    }
    this.inFlight = this.send().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /**
   * The learner's choice after a conflict: their text ("theirs": the server's), or a text of their own
   * (mine, or the two combined), which is saved on the server's current version.
   */
  resolve(choice: { keep: 'theirs' } | { keep: 'text'; text: string }): Promise<void> {
    if (this.state.kind !== 'conflict') return Promise.resolve();
    const theirs = this.state.theirs;
    this.confirmed = theirs.body;
    this.baseVersion = theirs.version;
    if (choice.keep === 'theirs') {
      this.text = theirs.body;
      forgetDraft(this.options.userId, this.options.assignmentId, readDraft(this.options.userId, this.options.assignmentId)?.body ?? '');
      this.set({ kind: 'saved', at: theirs.updatedAt ?? this.options.now().toISOString() });
      return Promise.resolve();
    }
    this.text = choice.text;
    keepDraft(this.options.userId, this.options.assignmentId, choice.text, this.baseVersion, this.options.now());
    this.state = { kind: 'unsaved' };
    this.emit();
    return this.flush();
  }

  /** After a submit, or whatever else the server now has: show it and keep nothing more. */
  adopt(server: ServerText): void {
    clearTimeout(this.timer);
    this.confirmed = server.body;
    this.baseVersion = server.version;
    forgetDraft(this.options.userId, this.options.assignmentId, server.body);
    this.text = server.body;
    this.restored = false;
    this.otherUnsent = false;
    this.set({ kind: 'saved', at: server.updatedAt ?? this.options.now().toISOString() });
  }

  /** The version the shown text was written on, for a submit. */
  version(): number | null {
    return this.baseVersion;
  }

  /** A conflict found outside a save (a submit refused as stale): fetch the server's text and offer the choice. */
  async conflictFromServer(): Promise<void> {
    await this.onConflict(null);
  }

  private async send(): Promise<void> {
    const body = this.text;
    const other = this.otherUnsent;
    this.otherUnsent = false;
    this.set({ kind: 'saving' });
    try {
      const saved = await this.options.save(body, this.baseVersion);
      this.confirmedAs(body, saved);
    } catch (error) {
      // Not sent after all: the next save sends it again.
      this.otherUnsent ||= other;
      const code = apiErrorsOf(error)[0]?.code ?? 'UNKNOWN';
      if (code === 'CONFLICT') return this.onConflict(body);
      if (PASSING.has(code)) return this.retryLater(code);
      this.set({ kind: 'failed', code, retrying: false });
    }
  }

  private confirmedAs(body: string, saved: ServerText) {
    this.failures = 0;
    this.confirmed = body;
    this.baseVersion = saved.version;
    forgetDraft(this.options.userId, this.options.assignmentId, body);
    if (this.text !== body || this.otherUnsent) {
      // Typed (or attached) while the save travelled: keep that on the new version and send it in turn.
      keepDraft(this.options.userId, this.options.assignmentId, this.text, this.baseVersion, this.options.now());
      this.set({ kind: 'unsaved' });
      this.schedule(this.options.debounceMs);
      return;
    }
    this.set({ kind: 'saved', at: saved.updatedAt ?? this.options.now().toISOString() });
  }

  private async onConflict(sent: string | null) {
    let current: ServerText | null;
    try {
      current = await this.options.fetchCurrent();
    } catch (error) {
      return this.retryLater(apiErrorsOf(error)[0]?.code ?? 'NETWORK');
    }
    if (!current) return this.set({ kind: 'failed', code: 'CONFLICT', retrying: false });
    if (current.status !== 'DRAFT') {
      // Handed in meanwhile (by a group member): nothing more can be saved; the text stays kept here.
      return this.set({ kind: 'failed', code: 'HANDED_IN', retrying: false });
    }
    // Our own earlier save got through but its answer was lost: the server has exactly our text.
    if (sent !== null && current.body === sent) return this.confirmedAs(sent, current);
    if (current.body === this.text) return this.confirmedAs(this.text, current);
    this.set({ kind: 'conflict', theirs: current });
  }

  private retryLater(code: string) {
    const offline = !this.options.online();
    this.set(offline ? { kind: 'offline' } : { kind: 'failed', code, retrying: true });
    const delay = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)]!;
    this.failures += 1;
    // Offline, the `online` event sends it; the timer is a second chance for browsers that miss it.
    this.schedule(delay);
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    if (this.disposed) return;
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private set(state: SaveState) {
    this.state = state;
    this.emit();
  }

  private emit() {
    if (!this.disposed) this.options.onChange(this.snapshot());
  }
}
