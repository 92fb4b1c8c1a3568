package dev.recruitdesk.accounts;

import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.TestDatabases;
import java.nio.file.Path;

/** The account use cases on the embedded H2 file. */
class AccountServiceH2Test extends AccountServiceContract {

    @Override
    Database open(Path dir) {
        return TestDatabases.h2(dir);
    }
}
