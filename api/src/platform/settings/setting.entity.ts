import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One platform-wide setting an admin changes at run time (changes are audited by whoever writes them). */
@Entity({ name: 'app_setting' })
export class Setting {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  key: string;

  @Column({ type: 'jsonb' })
  value: unknown;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
