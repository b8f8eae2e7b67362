import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export enum MediaStatus {
  UPLOADING = 'UPLOADING',
  PROCESSING = 'PROCESSING',
  READY = 'READY',
  FAILED = 'FAILED',
}
registerEnumType(MediaStatus, { name: 'MediaStatus' });

/** What an upload is for: it decides the size limit, the allowed types and what is kept after processing. */
export enum MediaPurpose {
  ASSIGNMENT_ATTACHMENT = 'ASSIGNMENT_ATTACHMENT',
  GRANT_VIDEO = 'GRANT_VIDEO',
  RESOURCE = 'RESOURCE',
}
registerEnumType(MediaPurpose, { name: 'MediaPurpose' });

export type MediaKind = 'VIDEO' | 'AUDIO' | 'IMAGE' | 'DOCUMENT';
/**
 * video, audio: low-bitrate renditions; thumbnail: a small JPEG; image: a picture re-encoded without its
 * metadata; document: a PDF rewritten without its metadata; original: the bytes as uploaded.
 */
export type RenditionName = 'video' | 'audio' | 'thumbnail' | 'image' | 'document' | 'original';
export const RENDITION_NAMES: readonly RenditionName[] = ['video', 'audio', 'thumbnail', 'image', 'document', 'original'];
export interface Rendition {
  contentType: string;
  sizeBytes: number;
}

/** A file uploaded by a person (its id is the resumable upload's id) and what processing made of it. */
@ObjectType()
@Entity({ name: 'media_asset' })
export class MediaAsset {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ type: 'varchar', length: 40 })
  purpose: MediaPurpose;

  @Field()
  @Column({ type: 'varchar', length: 255 })
  filename: string;

  @Field()
  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Field(() => Float)
  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: (value: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) } })
  sizeBytes: number;

  @Field(() => MediaStatus)
  @Column({ type: 'varchar', length: 20 })
  status: MediaStatus;

  @Field(() => String, { nullable: true, description: 'Why processing failed, in words a person understands.' })
  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  @Field(() => Float, { nullable: true })
  @Column({ name: 'duration_seconds', type: 'double precision', nullable: true })
  durationSeconds: number | null;

  /** What the bytes turned out to be (by content, not name); null until processing has looked. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  kind: MediaKind | null;

  /** The renditions in storage, by name (video, audio, thumbnail; original while it is kept). */
  @Column({ type: 'jsonb', default: {} })
  renditions: Partial<Record<RenditionName, Rendition>>;

  /** false once processing has discarded the original bytes (see ORIGINAL_KEPT in media-rules.ts). */
  @Column({ name: 'original_kept', type: 'boolean', default: true })
  originalKept: boolean;

  /** An upload still unfinished at this time is abandoned, and its bytes removed by a job. */
  @Column({ name: 'upload_expires_at', type: 'timestamptz', nullable: true })
  uploadExpiresAt: Date | null;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
