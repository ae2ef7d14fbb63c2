import { Body, Controller, Post } from '@nestjs/common';
import { ApiBody, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { ArrivalNotificationRequestDto } from './arrival-notification.request.dto';
import { MAX_LENGTH } from './element-formats.table';
import { EnsFilingRequestDto } from './ens-filing.request.dto';
import { InvalidationRequestDto } from './invalidation.request.dto';

@Controller()
class DocumentedController {
  @Post('filings')
  @ApiBody({ type: EnsFilingRequestDto })
  file(@Body() body: unknown) {
    return body;
  }

  @Post('arrivals')
  @ApiBody({ type: ArrivalNotificationRequestDto })
  arrive(@Body() body: unknown) {
    return body;
  }

  @Post('invalidation')
  @ApiBody({ type: InvalidationRequestDto })
  invalidate(@Body() body: unknown) {
    return body;
  }
}

type Schema = { properties?: Record<string, { description?: string; maxLength?: number; enum?: unknown[]; type?: string }>; required?: string[] };

describe('request DTOs in the OpenAPI document', () => {
  let schemas: Record<string, Schema>;

  beforeAll(async () => {
    const module = await Test.createTestingModule({ controllers: [DocumentedController] }).compile();
    const app = module.createNestApplication({ logger: false });
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
    await app.close();
  });

  it('has a schema for every request DTO, nested ones included', () => {
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['EnsFilingRequestDto', 'HouseConsignmentRequestDto', 'GoodsItemRequestDto', 'PartyRequestDto', 'ArrivalNotificationRequestDto']),
    );
  });

  it('describes every property', () => {
    for (const [name, schema] of Object.entries(schemas)) {
      for (const [property, definition] of Object.entries(schema.properties ?? {})) {
        expect([name, property, typeof definition.description]).toEqual([name, property, 'string']);
      }
    }
  });

  it('gives the lengths, the mandatory elements and the small code lists', () => {
    const filing = schemas.EnsFilingRequestDto;
    expect(filing.properties?.lrn.maxLength).toBe(MAX_LENGTH.lrn);
    expect(filing.required).toEqual(expect.arrayContaining(['lrn', 'documentIssueDate', 'specificCircumstanceIndicator', 'declarant', 'customsOfficeOfFirstEntry']));
    expect(filing.properties?.specificCircumstanceIndicator.enum).toContain('F26');
    expect(schemas.ActiveBorderTransportMeansRequestDto.properties?.modeOfTransport.enum).toEqual(['1', '2', '3', '4', '5', '8']);
  });
});
