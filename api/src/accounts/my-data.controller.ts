import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RateLimit } from '../platform/rate-limits/rate-limit.js';
import { Public, Viewer } from './access.decorators.js';
import { MyDataService } from './my-data.service.js';
import type { User } from './user.entity.js';

/** "Download my data": a JSON file, asked for with the person's bearer token. */
@Controller('my-data')
export class MyDataController {
  constructor(private readonly data: MyDataService) {}

  // The access guard speaks GraphQL errors; a browser's download wants a plain 401, given here.
  @Public()
  @RateLimit({ key: 'download-my-data', points: 10, durationSeconds: 3600, per: 'viewer' })
  @Get()
  async download(@Viewer() viewer: User | null, @Res() res: Response): Promise<void> {
    if (!viewer) {
      res.status(401).type('text/plain').send('Log in to download your data.');
      return;
    }
    res
      .status(200)
      .type('application/json; charset=utf-8')
      .set('Content-Disposition', 'attachment; filename="kapwa-my-data.json"')
      .set('Cache-Control', 'no-store')
      .send(JSON.stringify(await this.data.collect(viewer.id), null, 2));
  }
}
