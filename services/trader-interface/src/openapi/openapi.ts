/**
 * The trader API's OpenAPI document, generated from the controllers and request/response DTOs, served at /docs
 * (UI) and /docs-json (the document). Public: it describes the doors, it opens none.
 */
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export function serveOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('ICS2 trader interface')
    .setDescription(
      'Entry Summary Declarations (IE3Fxx), amendments (IE3Axx), invalidation (IE3Q04), consultation (IE3Q05), ' +
        'arrival notification (IE3N06), answers to referrals (IE3R02 to a request for information, IE3R03 to a request for HRCM screening) ' +
        'and the notification inbox (registration, lifecycle and arrival messages, risk analysis outcomes and referrals, control notifications IE3N08 and IE3N09), ' +
        'with the bearer token of an economic operator (role trader, sub = EORI). ' +
        'Element names are the HTI v2.02 names in camelCase. Refusals answer IE3N99 (door) or IE3N01 (lifecycle) with validation codes and JSON pointers.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
