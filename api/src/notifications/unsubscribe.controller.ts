import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../accounts/access.decorators.js';
import { CONFIG, type Config } from '../platform/config/config.js';
import { RateLimit } from '../platform/rate-limits/rate-limit.js';
import { ALL_KINDS, kindOf } from './notification-kinds.js';
import { PreferencesService } from './preferences.service.js';
import { readUnsubscribeToken } from './unsubscribe-token.js';

/**
 * One-click unsubscribe (RFC 8058) at /email/unsubscribe?token=…, the address in every notification email's
 * List-Unsubscribe header. A POST turns off what the token names, without signing in (a mail client does it
 * for the person). A GET changes nothing: a browser is sent to the web page that asks to confirm, and that
 * page asks with `Accept: application/json` what the token would turn off.
 */
@Controller('email/unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly preferences: PreferencesService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Public()
  @Get()
  describe(@Query('token') token: string | undefined, @Req() req: Request, @Res() res: Response): void {
    res.set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer');
    if (!req.accepts(['html', 'json']) || req.accepts(['html', 'json']) === 'html') {
      res.redirect(303, `${this.config.appUrl}/unsubscribe?token=${encodeURIComponent(token ?? '')}`);
      return;
    }
    const scope = readUnsubscribeToken(this.config.jwtSecret, token);
    if (!scope) {
      res.status(400).json({ error: 'This unsubscribe link is not valid. Choose your emails on your notification settings page.' });
      return;
    }
    res.status(200).json(this.what(scope.kind));
  }

  @Public()
  @RateLimit({ key: 'unsubscribe', points: 60, durationSeconds: 60, per: 'address' })
  @Post()
  @HttpCode(200)
  async unsubscribe(@Query('token') token: string | undefined, @Res() res: Response): Promise<void> {
    res.set('Cache-Control', 'no-store');
    const scope = readUnsubscribeToken(this.config.jwtSecret, token);
    if (!scope) {
      res.status(400).json({ error: 'This unsubscribe link is not valid. Choose your emails on your notification settings page.' });
      return;
    }
    await this.preferences.unsubscribe(scope);
    res.status(200).json({ ...this.what(scope.kind), unsubscribed: true });
  }

  private what(kind: string): { kind: string; labelKey: string | null } {
    return { kind, labelKey: kind === ALL_KINDS ? null : kindOf(kind).labelKey };
  }
}
