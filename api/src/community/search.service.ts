import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import { decodeKeysetCursor } from '../platform/common/keyset-cursor.js';
import { badUserInput } from '../platform/errors/errors.js';
import { optionalSingleLineArg } from '../platform/input/validators.js';
import { moderatesEverySpace, readsSpaceSql, seesHiddenText } from './community.policy.js';
import type { PostConnection } from './dto/community.models.js';
import { Post } from './post.entity.js';
import { keysetPage, pageSize } from './spaces.service.js';

/** Scripts written without spaces between words: `simple` text search sees a whole phrase as one word. */
export const SPACELESS_SCRIPT = /[\p{Script=Thai}\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Lao}]/u;
/** Search counts matches up to this many; more show as SEARCH_COUNT_LIMIT + 1. */
export const SEARCH_COUNT_LIMIT = 1000;
const START = '\u0001';
const STOP = '\u0002';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Highlight markers (control characters no post may contain) to HTML whose only tag is <mark>. */
export function markSnippet(text: string): string {
  return escapeHtml(text).replaceAll(START, '<mark>').replaceAll(STOP, '</mark>');
}

/** The excerpt around the first place `term` occurs, highlighted (for matches text search cannot make). */
export function substringSnippet(body: string, term: string, radius = 80): string {
  const at = body.toLocaleLowerCase().indexOf(term.toLocaleLowerCase());
  if (at < 0) return markSnippet(body.slice(0, radius * 2));
  const from = Math.max(0, at - radius);
  const to = Math.min(body.length, at + term.length + radius);
  return markSnippet(`${from > 0 ? '…' : ''}${body.slice(from, at)}${START}${body.slice(at, at + term.length)}${STOP}${body.slice(at + term.length, to)}${to < body.length ? '…' : ''}`);
}

/**
 * Full-text search over thread titles and posts, newest first with keyset pagination. Words are matched
 * as written (`simple` configuration: no stemming, any language) through the GIN-indexed `search`
 * columns. Thai, Burmese, Khmer and Lao write no spaces between words, so a phrase there is one
 * "word" to text search: for a query in those scripts, a substring match (ILIKE, served by the trigram
 * indexes) is added. Only posts of spaces the viewer reads (readsSpaceSql), and hidden posts only for admins (a course's trainers find its hidden posts in the thread, not in search).
 */
@Injectable()
export class SearchService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(viewer: User | null, query: string, first: number | null | undefined, after: string | null | undefined): Promise<PostConnection> {
    const size = pageSize(first);
    const text = optionalSingleLineArg('query', query, 200);
    if (!text) throw badUserInput('query', 'Type a word to search for.');
    if (!viewer) return { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } };
    const substring = SPACELESS_SCRIPT.test(text);
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const tsq = `websearch_to_tsquery('simple', ${param(text)})`;
    const like = substring ? param(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : null;
    const matches = `(p.search @@ q.tsq OR (p.opening AND t.search @@ q.tsq)${like ? ` OR p.body ILIKE ${like} OR (p.opening AND t.title ILIKE ${like})` : ''})`;
    // The spaces the viewer reads are decided once (a handful of rows), not once per matching post.
    const readable = `t.space_id IN (SELECT s.id FROM space s WHERE ${readsSpaceSql('s', `${param(viewer.id)}::uuid`)})`;
    const where = `${readable} AND (p.hidden_at IS NULL OR ${param(seesHiddenText(moderatesEverySpace(viewer)))}::boolean) AND ${matches}`;
    const from = `FROM post p JOIN thread t ON t.id = p.thread_id, (SELECT ${tsq} AS tsq) q`;
    const countParams = [...params];
    let cursor = '';
    if (after) {
      const position = decodeKeysetCursor(after);
      cursor = `AND (p.created_at, p.id) < (${param(position.createdAt)}::timestamptz, ${param(position.id)}::uuid)`;
    }
    const [rows, [{ n }]] = await Promise.all([
      this.db.query(
        `SELECT p.id, p.thread_id, p.author_id, p.opening, p.body, p.body_html, p.created_at, p.edited_at, p.hidden_at, p.hidden_reason, p.hidden_by,
                ts_headline('simple', p.body, q.tsq, 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
           ${from} WHERE ${where} ${cursor}
          ORDER BY p.created_at DESC, p.id DESC LIMIT ${size + 1}`,
        params,
      ),
      // Counting every match of a common word among a million posts costs more than the page itself: past
      // SEARCH_COUNT_LIMIT the count stops, and the answer says "more than" by giving one more.
      this.db.query(`SELECT count(*)::int AS n FROM (SELECT 1 ${from} WHERE ${where} LIMIT ${SEARCH_COUNT_LIMIT + 1}) matches`, countParams),
    ]);
    const nodes: Post[] = rows.slice(0, size).map((r: Record<string, any>) =>
      Object.assign(new Post(), {
        id: r.id,
        threadId: r.thread_id,
        authorId: r.author_id,
        opening: r.opening,
        body: r.body,
        bodyHtml: r.body_html,
        createdAt: r.created_at,
        editedAt: r.edited_at,
        hiddenAt: r.hidden_at,
        hiddenReason: r.hidden_reason,
        hiddenBy: r.hidden_by,
        snippet: substring && !String(r.snippet).includes(START) ? substringSnippet(r.body, text) : markSnippet(r.snippet),
      }),
    );
    return keysetPage(rows.length > size, nodes, n);
  }
}
