package dev.recruitdesk.booking;

import dev.recruitdesk.delivery.Outbox;
import dev.recruitdesk.delivery.OutboxSignal;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.telegram.CallbackCodec;
import dev.recruitdesk.telegram.Keyboards;
import dev.recruitdesk.telegram.MessageRenderer;
import dev.recruitdesk.telegram.TelegramComposer;
import dev.recruitdesk.telegram.TemplateCatalog;
import java.time.Clock;

/** The booking use cases wired as in the app: the real outbox and the bot's real message composer. */
public final class TestBookings {

    private TestBookings() {
    }

    public static BookingService service(Database db, Clock clock) {
        return service(db, clock, new OutboxSignal(), CallbackCodec.fromBase64Key(CallbackCodec.generateKey()));
    }

    public static BookingService service(Database db, Clock clock, OutboxSignal signal, CallbackCodec codec) {
        return new BookingService(db, clock, new Outbox(clock, signal), composer(db, clock, codec));
    }

    public static TelegramComposer composer(Database db, Clock clock, CallbackCodec codec) {
        TemplateCatalog catalog = new TemplateCatalog();
        MessageRenderer renderer = new MessageRenderer(new TemplateService(db, clock, catalog), catalog);
        return new TelegramComposer(renderer, new Keyboards(codec, renderer));
    }
}
