import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { Transform } from 'class-transformer';
import { IsCountryCode, IsLocale, MultiLineText, Normalize, SingleLineText, Trim } from '../../platform/input/validators.js';

/** Country codes as written by hand (" np") read as codes ("NP"); the validator judges the rest. */
const CountryCodes = () => Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v)) : value));

/** The limits of a resource's fields, shared by the inputs, the service and the web form (through the schema's descriptions). */
export const RESOURCE_LIMITS = {
  titleMin: 3,
  titleMax: 200,
  descriptionMax: 5000,
  urlMax: 2000,
  tags: 10,
  tagMax: 40,
  countries: 30,
  reasonMax: 1000,
} as const;

const L = RESOURCE_LIMITS;

/** What adding, suggesting and changing a resource share. */
@InputType({ isAbstract: true })
abstract class ResourceFields {
  @Field(() => [String], { nullable: true, description: `The countries it concerns (ISO codes such as "NP"); at most ${L.countries}. Empty: any country.` })
  @IsOptional()
  @IsArray({ message: 'Give the countries as a list.' })
  @ArrayMaxSize(L.countries, { message: `Choose at most ${L.countries} countries.` })
  @CountryCodes()
  @IsCountryCode({ each: true })
  countries?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A file you uploaded for the library (purpose RESOURCE) instead of a link; its address becomes the url.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Upload the file again.' })
  mediaAssetId?: string | null;
}

@InputType()
export class AddResourceInput extends ResourceFields {
  @Field()
  @Length(L.titleMin, L.titleMax, { message: `A title needs ${L.titleMin} to ${L.titleMax} characters.` })
  @SingleLineText()
  @Normalize()
  title: string;

  @Field({ description: `Markdown, at most ${L.descriptionMax} characters.` })
  @IsString()
  @Length(0, L.descriptionMax, { message: `Describe it in at most ${L.descriptionMax} characters.` })
  @MultiLineText()
  @Normalize()
  description: string;

  @Field(() => String, { nullable: true, description: 'An http(s) link; leave it out when giving a file (mediaAssetId).' })
  @IsOptional()
  @Trim()
  url?: string | null;

  @Field({ description: 'The language of the resource (a language tag such as "en", "th", "ne" or "my").' })
  @Trim()
  @IsLocale()
  language: string;

  @Field(() => [String], { nullable: true, description: `At most ${L.tags} tags of up to ${L.tagMax} characters; kept in lower case, without repeats.` })
  @IsOptional()
  @IsArray({ message: 'Give the tags as a list.' })
  @IsString({ each: true, message: 'A tag is a word or a few words.' })
  tags?: string[] | null;
}

/** Only what is given changes; a FILE resource keeps its file and a LINK its kind. */
@InputType()
export class UpdateResourceInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(L.titleMin, L.titleMax, { message: `A title needs ${L.titleMin} to ${L.titleMax} characters.` })
  @SingleLineText()
  @Normalize()
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, L.descriptionMax, { message: `Describe it in at most ${L.descriptionMax} characters.` })
  @MultiLineText()
  @Normalize()
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'A LINK resource only.' })
  @IsOptional()
  @Trim()
  url?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsLocale()
  language?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray({ message: 'Give the tags as a list.' })
  @IsString({ each: true, message: 'A tag is a word or a few words.' })
  tags?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray({ message: 'Give the countries as a list.' })
  @ArrayMaxSize(L.countries, { message: `Choose at most ${L.countries} countries.` })
  @CountryCodes()
  @IsCountryCode({ each: true })
  countries?: string[] | null;
}
