package dev.recruitdesk.app;

import dev.recruitdesk.booking.BookingService;
import dev.recruitdesk.booking.CandidateService;
import dev.recruitdesk.booking.RecruiterService;
import dev.recruitdesk.booking.SlotService;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.store.DataFolderLock;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Everything that needs the database: the open database and the use cases built on it. Closed once, on exit. */
public final class Backend implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Backend.class);

    private final AppContext context;
    private final DataFolderLock lock;
    private final Database db;
    private final RecruiterService recruiters;
    private final SlotService slots;
    private final BookingService bookings;
    private final CandidateService candidates;
    private final long currentRecruiterId;

    private Backend(AppContext context, DataFolderLock lock, Database db) {
        this.context = context;
        this.lock = lock;
        this.db = db;
        this.recruiters = new RecruiterService(db);
        this.slots = new SlotService(db, context.clock());
        this.bookings = new BookingService(db, context.clock());
        this.candidates = new CandidateService(db);
        Recruiter me = recruiters.ensureDefault(System.getProperty("user.name"), ZoneId.systemDefault());
        this.currentRecruiterId = me.getId();
    }

    static Backend open(AppContext context, DatabaseSettings settings, DataFolderLock lock) {
        Database db = Database.open(settings);
        try {
            return new Backend(context, lock, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public AppContext context() {
        return context;
    }

    public Database database() {
        return db;
    }

    public RecruiterService recruiters() {
        return recruiters;
    }

    public SlotService slots() {
        return slots;
    }

    public BookingService bookings() {
        return bookings;
    }

    public CandidateService candidates() {
        return candidates;
    }

    /** The recruiter this console works as (single-user mode: the database's first recruiter). */
    public long currentRecruiterId() {
        return currentRecruiterId;
    }

    @Override
    public void close() {
        db.close();
        if (lock != null) {
            lock.close();
        }
        log.info("backend.closed");
    }
}
