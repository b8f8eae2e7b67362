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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
