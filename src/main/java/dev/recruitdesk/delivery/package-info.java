/**
 * The delivery engine: every message to a Telegram chat goes through the outbox.
 *
 * <p>Use cases call {@link dev.recruitdesk.delivery.Outbox#enqueue} inside their own transaction; one
 * {@link dev.recruitdesk.delivery.Dispatcher} per bot, run by the console holding the
 * {@link dev.recruitdesk.delivery.LeaderLease}, sends through a {@link dev.recruitdesk.delivery.Sender}; the screens
 * read and act through {@link dev.recruitdesk.delivery.DeliveryOps} and show
 * {@link dev.recruitdesk.delivery.LeaseStatus}. Wiring in the composition root:
 *
 * <pre>{@code
 * Notifications notifications = new Notifications(db.settings());   // LISTEN/NOTIFY on PostgreSQL
 * OutboxSignal signal = new OutboxSignal(notifications);             // an enqueue in any console wakes the leader
 * Outbox outbox = new Outbox(clock, signal);                       // to the booking use cases
 * DeliveryOps ops = new DeliveryOps(db, clock, signal);             // to the bot-centre view models
 * LeaderLease lease = LeaderLease.forDatabase(db, LeaderLease.BOT_SERVICE, clock, LeaseSettings.defaults());
 * lease.addListener(new LeadershipListener() {                     // the poller adds its own listener the same way
 *     public void onLeadershipAcquired(LeaseStatus s) {
 *         dispatcher = new Dispatcher(db, botGateway, clock, settings, signal);   // a dispatcher runs once
 *         dispatcher.adoptOrphanedLeases();   // the previous leader's rows come back now, not when their leases expire
 *         dispatcher.start();
 *     }
 *     public void onLeadershipLost(String reason) { dispatcher.stop(); }
 * });
 * notifications.start();
 * lease.start();   // ... lease.close() (stops the dispatcher), notifications.close(), then db.close()
 * }</pre>
 *
 * <p>A 409 Conflict from {@code getUpdates} calls {@link dev.recruitdesk.delivery.LeaderLease#stepDown(String)}: the
 * lease raises an alert, stops the services through the listeners and backs off before competing again.
 *
 * <p>This package knows no Telegram, UI or JavaFX.
 */
package dev.recruitdesk.delivery;
