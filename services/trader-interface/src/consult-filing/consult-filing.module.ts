import { Module } from '@nestjs/common';
import { ConsultFilingHttpController } from './consult-filing.http-controller';

@Module({ controllers: [ConsultFilingHttpController] })
export class ConsultFilingModule {}
