/**
 * The delivery engine: every message to a Telegram chat goes through the outbox.
 *
 * <p>Use cases call {@link dev.recruitdesk.delivery.Outbox#enqueue} inside their own transaction; one
 * {@link dev.recruitdesk.delivery.Dispatcher} per process (the leader, in team mode) sends through a
 * {@link dev.recruitdesk.delivery.Sender}; the screens read and act through
 * {@link dev.recruitdesk.delivery.DeliveryOps}. Wiring in the composition root:
 *
 * <pre>{@code
 * OutboxSignal signal = new OutboxSignal();
 * Outbox outbox = new Outbox(clock, signal);                       // to the booking use cases
 * DeliveryOps ops = new DeliveryOps(db, clock, signal);             // to the bot-centre view models
 * Dispatcher dispatcher = new Dispatcher(db, botGateway, clock,
 *         DispatcherSettings.defaults().withPacing(ratePerSecond, Duration.ofSeconds(1)), signal);
 * dispatcher.start();   // ... dispatcher.stop() before db.close()
 * }</pre>
 *
 * <p>This package knows no Telegram, UI or JavaFX.
 */
package dev.recruitdesk.delivery;
