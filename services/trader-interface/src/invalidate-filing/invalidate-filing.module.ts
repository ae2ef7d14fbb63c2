import { Module } from '@nestjs/common';
import { InvalidateFilingHttpController } from './invalidate-filing.http-controller';

@Module({ controllers: [InvalidateFilingHttpController] })
export class InvalidateFilingModule {}
