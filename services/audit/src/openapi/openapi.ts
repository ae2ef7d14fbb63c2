/**
 * The audit door's OpenAPI document, from its controllers and DTOs, at /docs (UI) and /docs-json. Public: it
 * describes the doors, it opens none.
 */
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export function serveOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('ICS2 audit door')
    .setDescription(
      'For auditors (role auditor), read-only, read from the events themselves: the timeline of an ENS across the services, the state of any stream ' +
        'as of an instant, what a deciding party could see, the access log (who read whose data, and why), and verification of the hash chains and ' +
        'signed checkpoints. Every call states its purpose in the x-ics2-purpose header and is itself recorded in the access log. ' +
        'Refusals: { error: { kind, code, message, details: [{ validationCode, pointer }] } }.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json' });
}
