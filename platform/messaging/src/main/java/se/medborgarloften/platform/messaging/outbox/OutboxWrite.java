package se.medborgarloften.platform.messaging.outbox;

/** The document a write has just added an event to: where the relay looks first, instead of searching every outbox. */
record OutboxWrite(String collection, String id) {}
