import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What the inbox knows of a filing, from its EnsFilingRegistered (migration 20261210-0001). Never leaves the service. */
@Entity({ name: 'filing_index' })
export class FilingIndexRow {
  @PrimaryColumn({ type: 'text' }) mrn!: string;
  @Column({ type: 'text' }) lrn!: string;
  @Column({ type: 'text', name: 'filed_by' }) filedBy!: string;
  @Column({ type: 'text' }) declarant!: string;
  @Column({ type: 'text', nullable: true }) representative!: string | null;
  @Column({ type: 'text', nullable: true }) carrier!: string | null;
}
