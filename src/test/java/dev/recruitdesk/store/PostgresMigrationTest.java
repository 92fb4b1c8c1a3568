package dev.recruitdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresMigrationTest {

    @TempDir
    java.nio.file.Path tmp;

    @Test
    void theSameMigrationsApplyAndValidateOnPostgresAndH2() throws Exception {
        List<String> pgTables;
        List<String> h2Tables;
        try (Database pg = TestDatabases.postgres()) {
            assertThat(pg.productVersion()).startsWith("PostgreSQL");
            pgTables = tables(pg, "public");
        }
        try (Database h2 = TestDatabases.h2(tmp)) {
            assertThat(h2.productVersion()).startsWith("H2");
            h2Tables = tables(h2, "PUBLIC");
        }
        assertThat(pgTables).contains("booking", "booking_event", "candidate", "recruiter", "slot");
        assertThat(h2Tables).containsExactlyInAnyOrderElementsOf(pgTables);
    }

    private static List<String> tables(Database db, String schema) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase());
            }
        }
        return names;
    }
}
