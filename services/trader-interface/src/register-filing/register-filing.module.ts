import { Module } from '@nestjs/common';
import { RegisterFilingHttpController } from './register-filing.http-controller';

@Module({ controllers: [RegisterFilingHttpController] })
export class RegisterFilingModule {}
