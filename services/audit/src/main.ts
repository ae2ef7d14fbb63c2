import { bootstrapService } from '@ics2/platform';
import { definition } from './service.definition';

// Configuration comes from the environment (see README.md); a wrong value stops here with one line, exit code 1.
void bootstrapService(definition);
