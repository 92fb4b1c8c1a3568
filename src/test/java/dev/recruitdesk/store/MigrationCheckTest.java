package dev.recruitdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cheap "schema is current" check that lets an up-to-date database skip Flyway, and its refusals. */
class MigrationCheckTest {

    @TempDir
    Path folder;

    @Test
    void theShippedMigrationsAreFoundOnTheClassPath() {
        assertThat(MigrationCheck.shippedVersions()).contains("1", "2", "8").allMatch(v -> v.matches("[0-9.]+"));
    }

    @Test
    void aNewDatabaseIsMigratedAndThenSeenAsCurrent() throws Exception {
        try (Database db = TestDatabases.h2(folder)) {
            assertThat(db.appliedMigrations()).isEqualTo(MigrationCheck.shippedVersions().size());
            assertThat(MigrationCheck.isCurrent(db.dataSource())).isTrue();
        }
        try (Database reopened = TestDatabases.h2(folder)) {
            assertThat(reopened.appliedMigrations()).isZero();
            assertThat(MigrationCheck.isCurrent(reopened.dataSource())).isTrue();
        }
    }

    @Test
    void anUpgradeWithAPendingMigrationRunsFlyway() {
        List<String> versions = MigrationCheck.shippedVersions().stream()
                .sorted(Comparator.comparing(v -> Arrays.stream(v.split("\\.")).mapToInt(Integer::parseInt).toArray(), Arrays::compare))
                .toList();
        DatabaseSettings settings = DatabaseSettings.embedded(folder);
        // the database as the previous release left it
        Flyway.configure().dataSource(settings.url(), settings.user(), settings.password()).locations(Database.MIGRATIONS)
                .target(versions.get(versions.size() - 2)).load().migrate();

        try (Database db = Database.open(settings)) {
            assertThat(db.appliedMigrations()).isEqualTo(1);
            assertThat(MigrationCheck.isCurrent(db.dataSource())).isTrue();
        }
    }

    @Test
    void aMissingMigrationRowIsNotCurrent() throws Exception {
        try (Database db = TestDatabases.h2(folder)) {
            execute(db, "delete from \"flyway_schema_history\" where \"version\" = '1'");
            assertThat(MigrationCheck.isCurrent(db.dataSource())).isFalse();
        }
    }

    @Test
    void aFailedMigrationRowIsNotCurrent() throws Exception {
        try (Database db = TestDatabases.h2(folder)) {
            execute(db, "update \"flyway_schema_history\" set \"success\" = false where \"version\" = '1'");
            assertThat(MigrationCheck.isCurrent(db.dataSource())).isFalse();
        }
    }

    @Test
    void postgresWithTheHistoryIsCurrentAndWithoutItIsNot() throws Exception {
        DatabaseSettings settings = TestDatabases.freshPostgres();
        try (Database db = Database.open(settings)) {
            assertThat(MigrationCheck.isCurrent(db.dataSource())).isTrue();
            execute(db, "drop table flyway_schema_history");
            assertThat(MigrationCheck.isCurrent(db.dataSource())).isFalse();
            // the refused check left its pooled connection usable
            execute(db, "select 1");
        }
    }

    private static void execute(Database db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
            c.commit();
        }
    }
}
