package dev.recruitdesk.accounts;

import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.TestDatabases;
import java.nio.file.Path;

/** The account use cases on (embedded) PostgreSQL, team mode's database. */
class AccountServicePostgresTest extends AccountServiceContract {

    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}
