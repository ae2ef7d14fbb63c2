import { Module } from '@nestjs/common';
import { AmendFilingHttpController } from './amend-filing.http-controller';

@Module({ controllers: [AmendFilingHttpController] })
export class AmendFilingModule {}
