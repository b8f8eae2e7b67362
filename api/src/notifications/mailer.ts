import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { singleLine } from '../platform/common/output-text.js';
import { LOGGER } from '../platform/logging/logger.js';
import { CONFIG, type Config } from '../platform/config/config.js';

export interface Email {
  to: string;
  subject: string;
  text: string;
  /** The same for every attempt at one email, so a mail server or client can drop a duplicate. */
  messageId: string;
  /** One-click unsubscribe address (RFC 8058): sent as List-Unsubscribe with List-Unsubscribe-Post. */
  unsubscribeUrl?: string;
}

/**
 * Sends email through SMTP (SMTP_URL). Without it, development and tests write each message as a
 * JSON file into MAIL_DIR, where a person or a test can read it; production without SMTP_URL sends
 * nothing and says so in the log.
 */
@Injectable()
export class Mailer {
  private readonly transport: Transporter | null;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    if (config.mail.smtpUrl) this.transport = nodemailer.createTransport(config.mail.smtpUrl);
    else if (config.mail.dir) this.transport = nodemailer.createTransport({ jsonTransport: true });
    else this.transport = null;
  }

  async send(email: Email): Promise<boolean> {
    if (!this.transport) {
      this.logger.warn({ messageId: email.messageId }, 'SMTP_URL is not set: email not sent');
      return false;
    }
    const info = await this.transport.sendMail({
      from: this.config.mail.from,
      to: email.to,
      // nodemailer already folds CR/LF in headers to spaces; other control characters it would keep.
      subject: singleLine(email.subject),
      text: email.text,
      messageId: email.messageId,
      ...(email.unsubscribeUrl
        ? { headers: { 'List-Unsubscribe': `<${email.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }
        : {}),
    });
    if (!this.config.mail.smtpUrl && this.config.mail.dir) {
      mkdirSync(this.config.mail.dir, { recursive: true });
      const name = `${Date.now()}-${email.messageId.replace(/[^A-Za-z0-9.-]/g, '_')}.json`;
      writeFileSync(join(this.config.mail.dir, name), (info as { message: string }).message);
    }
    return true;
  }
}
