import { Module } from '@nestjs/common';
import { AccountLinksService } from './account-links.service.js';

/** Emailed account links: the API spends them, the worker makes and sends them. */
@Module({ providers: [AccountLinksService], exports: [AccountLinksService] })
export class AccountLinksModule {}
