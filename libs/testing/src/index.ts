export * from '@ics2/event-store/testing';
