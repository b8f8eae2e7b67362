import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, Matches } from 'class-validator';

export enum DigestFrequency {
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  OFF = 'OFF',
}
registerEnumType(DigestFrequency, {
  name: 'DigestFrequency',
  description: 'How often the community digest is emailed: every morning, Monday mornings, or never (in the person\'s own zone).',
});

@ObjectType({ description: 'One kind of notification and whether it is emailed to the viewer. Every kind is always shown in the app.' })
export class NotificationKindPreference {
  @Field({ description: 'The kind, e.g. MENTIONED; the same as Notification.kind.' })
  kind: string;

  @Field({ description: 'Where the preferences page lists it: COMMUNITY, NETWORK, COURSES, SESSIONS, GRANTS or OTHER.' })
  group: string;

  @Field({ description: "The web app's translation key of its name." })
  labelKey: string;

  @Field({ description: 'Whether it is emailed (as well as shown in the app).' })
  email: boolean;

  @Field({ description: 'Its emails are left out while a digest is chosen, as the digest carries them, unless turned on here.' })
  replacedByDigest: boolean;
}

@ObjectType()
export class NotificationPreferences {
  @Field(() => [NotificationKindPreference])
  kinds: NotificationKindPreference[];

  @Field(() => DigestFrequency)
  digest: DigestFrequency;

  @Field({ description: 'Every email that may be turned off is off (account-security emails still send).' })
  allEmailOff: boolean;

  @Field({ description: 'The zone whose 07:00 the digest is sent at: the viewer\'s own.' })
  timeZone: string;
}

@InputType({ description: 'Change one thing: a kind\'s email, the digest, or all email.' })
export class UpdateNotificationPreferenceInput {
  @Field(() => String, { nullable: true, description: 'The kind whose email to turn on or off (with `email`).' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{0,39}$/, { message: 'Choose a kind of notification from the list.' })
  kind?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  email?: boolean | null;

  @Field(() => DigestFrequency, { nullable: true })
  @IsOptional()
  @IsEnum(DigestFrequency, { message: 'Choose DAILY, WEEKLY or OFF.' })
  digest?: DigestFrequency | null;

  @Field(() => Boolean, { nullable: true, description: 'true: no email at all (but account security); false: emails as chosen per kind.' })
  @IsOptional()
  @IsBoolean()
  allEmailOff?: boolean | null;
}
