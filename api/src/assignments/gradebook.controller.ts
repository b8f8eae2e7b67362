import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { stringify } from 'csv-stringify/sync';
import { Public, type ViewerRequest } from '../accounts/access.decorators.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { RateLimit } from '../platform/rate-limits/rate-limit.js';
import { GradingService } from './grading.service.js';
import { gradebookTable } from './gradebook-csv.js';

const STATUS_OF_CODE: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 401 };

/**
 * GET /courses/<course id>/gradebook.csv with the bearer token: the gradebook as a spreadsheet, for the
 * course's trainers and admins. UTF-8 with a byte-order mark, so spreadsheets keep Thai, Burmese and
 * Nepali names; cells that look like formulas are escaped.
 */
@Controller('courses')
export class GradebookController {
  constructor(
    private readonly grading: GradingService,
    private readonly accounts: AccountsService,
  ) {}

  // The access guard speaks GraphQL errors; a download wants plain HTTP statuses, given here.
  @Public()
  @RateLimit({ key: 'gradebook-csv', points: 60, durationSeconds: 600, per: 'viewer' })
  @Get(':courseId/gradebook.csv')
  async csv(@Param('courseId') courseId: string, @Req() req: ViewerRequest, @Res() res: Response): Promise<void> {
    const viewer = req.viewer ?? null;
    if (!viewer) {
      res.status(401).type('text/plain').send('Log in to download the gradebook.');
      return;
    }
    let book;
    try {
      book = await this.grading.gradebook(viewer, courseId);
    } catch (err) {
      const status = err instanceof GraphQLError ? STATUS_OF_CODE[String(err.extensions.code)] : undefined;
      if (!status) throw err;
      res.status(status).type('text/plain').set('Cache-Control', 'no-store').send(err instanceof Error ? err.message : '');
      return;
    }
    const names = new Map<string, string>();
    for (const row of book.rows) names.set(row.learnerId, (await this.accounts.load(req, row.learnerId))?.displayName ?? '');
    const csv = stringify(gradebookTable(book, (id) => names.get(id) ?? ''), { bom: true, escape_formulas: true, record_delimiter: 'windows' });
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${book.course.slug}-gradebook.csv"`)
      .set('Cache-Control', 'no-store')
      .send(csv);
  }
}
